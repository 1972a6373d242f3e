// Tencent UserSig strings (reference/vendors/tencent/usersig.h: parse_usersig): Tencent
// base64, zlib and the JSON claims together. Invariants:
//  - strict and lenient parsing agree wherever strict succeeds;
//  - the verdict is one of the documented parse conditions;
//  - when parse names the SDK style a token was made by, re-serialising the
//    claims in that style (JSON, zlib, Tencent base64) gives the token back.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/common/fuzz_check.h"
#include "reference/core/base64.h"
#include "reference/vendors/tencent/usersig.h"

using tokcheck::Base64Mode;
using tokcheck::Condition;
using tokcheck::Malformation;
namespace tencent = tokcheck::tencent;

namespace {

bool same(const tencent::UserSig& a, const tencent::UserSig& b) {
  return a.ver == b.ver && a.identifier == b.identifier && a.sdkappid == b.sdkappid &&
         a.expire == b.expire && a.time == b.time && a.signature == b.signature &&
         a.userbuf == b.userbuf;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view token(reinterpret_cast<const char*>(data), size);
  const auto strict = tencent::parse_usersig(token, Base64Mode::kStrict);
  const auto lenient = tencent::parse_usersig(token, Base64Mode::kLenient);
  for (const auto* r : {&strict, &lenient}) {
    TOKCHECK_FUZZ_CHECK(r->condition == Condition::kValid ||
                            r->condition == Condition::kMalformed ||
                            r->condition == Condition::kUnsupportedVersion ||
                            r->condition == Condition::kPayloadInvalid,
                        "parse returned a condition outside its contract");
    // kMalformed names its malformation; kUnsupportedVersion and kPayloadInvalid
    // may name the field-level reason; kValid names none.
    TOKCHECK_FUZZ_CHECK(r->condition == Condition::kMalformed ? r->error != Malformation::kNone
                        : r->condition == Condition::kValid   ? r->error == Malformation::kNone
                                                              : true,
                        "condition and malformation disagree");
  }
  if (strict.condition != Condition::kValid) return 0;
  TOKCHECK_FUZZ_CHECK(lenient.condition == Condition::kValid && !lenient.lenient_base64 &&
                          same(strict.token, lenient.token),
                      "lenient parse disagrees with strict on a canonical token");
  const tencent::UserSig& t = strict.token;
  if (t.style) {
    const std::string sig = tokcheck::base64_encode(t.signature);
    std::string userbuf;
    if (t.userbuf) userbuf = tokcheck::base64_encode(*t.userbuf);
    tencent::ClaimsJson claims{t.ver,  t.identifier, t.sdkappid, t.expire,
                               t.time, std::nullopt, sig};
    if (t.userbuf) claims.userbuf_base64 = userbuf;
    const std::string json = tencent::write_claims_json(claims, *t.style);
    const auto packed = tencent::compress_for_style(tokcheck::as_bytes(json), *t.style);
    TOKCHECK_FUZZ_CHECK(
        tokcheck::base64_encode(packed, tokcheck::Base64Alphabet::kTencent) == token,
        "a token attributed to an SDK style does not re-serialise to itself");
  }
  return 0;
}
