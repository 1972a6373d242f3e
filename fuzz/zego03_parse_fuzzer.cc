// ZEGO token03 strings (reference/vendors/zego/token03.h: parse_03) decrypted with the
// fixed test secret and with ZEGO's sample secret (the seeds'). Invariants as zego04_parse_fuzzer:
// documented conditions only; strict and lenient base64 agree on canonical tokens; a valid token's
// claims rebuilt with build_03 (same IV) parse back to the same claims.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/common/fuzz_check.h"
#include "fuzz/common/test_keys.h"
#include "reference/vendors/zego/token03.h"

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

namespace {

void check(std::string_view token, const std::string& secret) {
  const auto strict = zego::parse_03(token, secret, Base64Mode::kStrict);
  const auto lenient = zego::parse_03(token, secret, Base64Mode::kLenient);
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
  if (strict.condition != Condition::kValid) return;
  TOKCHECK_FUZZ_CHECK(lenient.condition == Condition::kValid && same(strict.token, lenient.token),
                      "lenient parse disagrees with strict on a canonical token");
  const zego::Token03& t = strict.token;
  zego::Build03Input in;
  in.app_id = t.app_id;
  in.room_id = t.room_id;
  in.user_id = t.user_id;
  in.secret = secret;
  in.privilege = t.privilege;
  in.create_time = t.create_time;
  in.effective_time_in_seconds = t.expire_time - t.create_time;
  in.nonce = t.nonce;
  in.iv = t.iv;
  const auto rebuilt = zego::build_03(in);
  if (rebuilt.error != zego::BuildError::kNone) return;
  const auto again = zego::parse_03(rebuilt.token, secret);
  TOKCHECK_FUZZ_CHECK(again.condition == Condition::kValid && same(again.token, t),
                      "claims rebuilt with build_03 do not parse back to themselves");
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
