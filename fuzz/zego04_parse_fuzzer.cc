// ZEGO token04 strings (reference/vendors/zego/token04.h: parse_04) decrypted with the
// fixed test secret (what the verify mutators seal with) and with ZEGO's sample
// secret (what the vector seeds are sealed with), so both reach the JSON claims. Invariants:
//  - the condition is one parse_04 documents, malformed iff a malformation is named;
//  - strict and lenient base64 agree wherever strict succeeds;
//  - a valid token's claims, rebuilt with build_04 (same IV and mode), parse back
//    to the same claims.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/common/fuzz_check.h"
#include "fuzz/common/test_keys.h"
#include "reference/vendors/zego/token04.h"

using tokcheck::Base64Mode;
using tokcheck::Condition;
using tokcheck::Malformation;
namespace zego = tokcheck::zego;

namespace {

bool same(const zego::Token04& a, const zego::Token04& b) {
  return a.mode == b.mode && a.iv == b.iv && a.app_id == b.app_id && a.user_id == b.user_id &&
         a.nonce == b.nonce && a.ctime == b.ctime && a.expire == b.expire && a.payload == b.payload;
}

}  // namespace

namespace {

void check(std::string_view token, const std::string& secret) {
  const auto strict = zego::parse_04(token, secret, Base64Mode::kStrict);
  const auto lenient = zego::parse_04(token, secret, Base64Mode::kLenient);
  for (const auto* r : {&strict, &lenient}) {
    const Condition c = r->condition;
    TOKCHECK_FUZZ_CHECK(c == Condition::kValid || c == Condition::kUnsupportedVersion ||
                            c == Condition::kMalformed || c == Condition::kDecryptFailed ||
                            c == Condition::kPayloadInvalid || c == Condition::kExpireMismatch,
                        "parse_04 returned a condition outside its contract");
    // kMalformed names its malformation; a bad prefix is kUnsupportedVersion and
    // may name kBadPrefix; every other condition names none.
    TOKCHECK_FUZZ_CHECK(
        (c == Condition::kMalformed) ? r->error != Malformation::kNone
        : c == Condition::kUnsupportedVersion
            ? (r->error == Malformation::kNone || r->error == Malformation::kBadPrefix)
            : r->error == Malformation::kNone,
        "condition and malformation disagree");
  }
  if (strict.condition != Condition::kValid) return;
  TOKCHECK_FUZZ_CHECK(lenient.condition == Condition::kValid && !lenient.lenient_base64 &&
                          same(strict.token, lenient.token),
                      "lenient parse disagrees with strict on a canonical token");
  const zego::Token04& t = strict.token;
  zego::Build04Input in;
  in.app_id = t.app_id;
  in.user_id = t.user_id;
  in.secret = secret;
  in.effective_time_in_seconds = t.expire - t.ctime;
  in.payload = t.payload;
  in.ctime = t.ctime;
  in.nonce = t.nonce;
  in.iv = t.iv;
  in.mode = t.mode;
  const auto rebuilt = zego::build_04(in);
  if (rebuilt.error != zego::BuildError::kNone) return;  // e.g. a token expiring before ctime
  const auto again = zego::parse_04(rebuilt.token, secret);
  TOKCHECK_FUZZ_CHECK(again.condition == Condition::kValid && same(again.token, t) &&
                          again.payload_kind == strict.payload_kind,
                      "claims rebuilt with build_04 do not parse back to themselves");
}

}  // namespace

// The test secret (what the verify targets' mutators seal with) and ZEGO's
// sample secret (what most vectors, hence the seeds, are sealed with).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view token(reinterpret_cast<const char*>(data), size);
  check(token, std::string(tokcheck::fuzz::kZegoSecret));
  check(token, std::string(tokcheck::fuzz::kZegoSampleSecret));
  return 0;
}
