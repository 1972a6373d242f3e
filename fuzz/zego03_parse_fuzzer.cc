// ZEGO token03 strings (reference/zego/token03.h: parse_03) decrypted with the
// fixed test secret. Invariants as zego04_parse_fuzzer: documented conditions
// only; strict and lenient base64 agree on canonical tokens; a valid token's
// claims rebuilt with build_03 (same IV) parse back to the same claims.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/common/fuzz_check.h"
#include "fuzz/common/test_keys.h"
#include "reference/zego/token03.h"

using tokcheck::Base64Mode;
using tokcheck::Condition;
using tokcheck::Malformation;
namespace zego = tokcheck::zego;

namespace {

bool same(const zego::Token03& a, const zego::Token03& b) {
  return a.iv == b.iv && a.app_id == b.app_id && a.room_id == b.room_id && a.user_id == b.user_id &&
         a.privilege.login == b.privilege.login && a.privilege.publish == b.privilege.publish &&
         a.create_time == b.create_time && a.expire_time == b.expire_time && a.nonce == b.nonce;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view token(reinterpret_cast<const char*>(data), size);
  const auto strict = zego::parse_03(token, tokcheck::fuzz::kZegoSecret, Base64Mode::kStrict);
  const auto lenient = zego::parse_03(token, tokcheck::fuzz::kZegoSecret, Base64Mode::kLenient);
  for (const auto* r : {&strict, &lenient}) {
    const Condition c = r->condition;
    TOKCHECK_FUZZ_CHECK(c == Condition::kValid || c == Condition::kUnsupportedVersion ||
                            c == Condition::kMalformed || c == Condition::kDecryptFailed ||
                            c == Condition::kPayloadInvalid || c == Condition::kExpireMismatch,
                        "parse_03 returned a condition outside its contract");
    // kMalformed names its malformation; a bad prefix is kUnsupportedVersion and
    // may name kBadPrefix; every other condition names none.
    TOKCHECK_FUZZ_CHECK(
        (c == Condition::kMalformed) ? r->error != Malformation::kNone
        : c == Condition::kUnsupportedVersion
            ? (r->error == Malformation::kNone || r->error == Malformation::kBadPrefix)
            : r->error == Malformation::kNone,
        "condition and malformation disagree");
  }
  if (strict.condition != Condition::kValid) return 0;
  TOKCHECK_FUZZ_CHECK(lenient.condition == Condition::kValid && same(strict.token, lenient.token),
                      "lenient parse disagrees with strict on a canonical token");
  const zego::Token03& t = strict.token;
  zego::Build03Input in;
  in.app_id = t.app_id;
  in.room_id = t.room_id;
  in.user_id = t.user_id;
  in.secret = std::string(tokcheck::fuzz::kZegoSecret);
  in.privilege = t.privilege;
  in.create_time = t.create_time;
  in.effective_time_in_seconds = t.expire_time - t.create_time;
  in.nonce = t.nonce;
  in.iv = t.iv;
  const auto rebuilt = zego::build_03(in);
  if (rebuilt.error != zego::BuildError::kNone) return 0;
  const auto again = zego::parse_03(rebuilt.token, tokcheck::fuzz::kZegoSecret);
  TOKCHECK_FUZZ_CHECK(again.condition == Condition::kValid && same(again.token, t),
                      "claims rebuilt with build_03 do not parse back to themselves");
  return 0;
}
