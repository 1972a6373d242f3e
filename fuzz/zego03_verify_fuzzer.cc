// ZEGO token03 verification (token03.h: Verifier03) with a re-encrypting custom
// mutator, as zego04_verify_fuzzer: the case is checked against the fixed test
// secret with optional bindings app_id, user_id, room_id and privileges (1 login,
// 2 publish); the mutator decrypts (test secret or the seed's `seed_secret`),
// mutates one claim or binding and re-encrypts with build_03.
// Set TOKCHECK_FUZZ_PLAIN_MUTATOR=1 to measure the same target without it.
//
// Invariants: a reused verifier answers the same; "valid" implies, from the
// independently parsed claims, matching app id, user and room, now before the
// expiry, and every required privilege set to 1; no token is valid under a
// second secret; the JSON adapter gives the codec's verdict.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/common/adapter_request.h"
#include "fuzz/common/case_mutations.h"
#include "fuzz/common/verify_target.h"
#include "fuzz/common/zego_cases.h"
#include "reference/schemes/registry.h"
#include "reference/vendors/zego/token03.h"

namespace tokcheck::fuzz {
namespace {

// The target as check_verify_invariants() (verify_target.h) runs it: a valid
// verdict is checked against what the independently parsed claims require.
struct Target {
  const VerifyCase& c;
  const Base64Mode b64 = case_base64(c);
  const std::int64_t now = c.get_int("now").value_or(0);
  const std::vector<std::uint32_t> required = [this] {
    std::vector<std::uint32_t> out;
    for (std::uint16_t p : c.get_u16_list("privileges")) out.push_back(p);
    return out;
  }();
  const zego::Binding03 binding{c.get_int("app_id"), c.get("user_id"), c.get("room_id"), required};
  zego::Verifier03 verifier{kZegoSecret};
  zego::Verifier03 other{"another secret, 32 bytes long..."};

  Verdict verify(KeyChoice key) {
    auto& v = key == KeyChoice::kTest ? verifier : other;
    return v.verify(c.token, now, binding, b64);
  }
  void check_valid() const {
    const auto p = zego::parse_03(c.token, kZegoSecret, b64);
    TOKCHECK_FUZZ_CHECK(p.condition == Condition::kValid,
                        "valid verdict for a token parse rejects");
    const zego::Token03& t = p.token;
    TOKCHECK_FUZZ_CHECK(!binding.app_id || *binding.app_id == std::int64_t{t.app_id},
                        "valid for another app id");
    TOKCHECK_FUZZ_CHECK(!binding.user_id || *binding.user_id == t.user_id,
                        "valid for another user");
    TOKCHECK_FUZZ_CHECK(!binding.room_id || *binding.room_id == t.room_id,
                        "valid for another room");
    TOKCHECK_FUZZ_CHECK(now < t.expire_time, "valid at or after expiry");
    for (std::uint32_t need : required) {
      TOKCHECK_FUZZ_CHECK(t.privilege.value(need) == 1, "valid without a required privilege");
    }
  }
  // The adapter takes `now` within ±2^62 and only ZEGO's privileges 1 and 2 (a
  // usage error otherwise); cases outside that are the codec's alone.
  std::optional<Verdict> adapter_verdict() const {
    if (now < INT64_MIN / 2 || now > INT64_MAX / 2) return std::nullopt;
    for (std::uint32_t p : required) {
      if (p != 1 && p != 2) return std::nullopt;
    }
    schemes::Json in = adapter_request(schemes::zego03_scheme(), c, kZegoSecret, now, b64);
    if (binding.app_id) in["app_id"] = *binding.app_id;
    if (binding.user_id) in["user_id"] = std::string(*binding.user_id);
    if (binding.room_id) in["room_id"] = std::string(*binding.room_id);
    if (!required.empty()) in["privileges"] = required;
    return schemes::zego03_scheme().verify(in).verdict;
  }
};

// One re-signing mutation (resigning_mutation() in verify_target.h is the frame):
// false when the case holds no token this target can parse and sign again.
bool resign(VerifyCase& c, MutationRng& rng) {
  const auto parsed = open_to_reseal(c, zego::parse_03);
  if (!parsed) return false;
  const zego::Token03& t = parsed->token;
  zego::Build03Input in = zego::rebuild_input(t, kZegoSecret);
  std::int64_t now = c.get_int("now").value_or(t.create_time);
  const std::vector<std::string> pool = {t.user_id, t.room_id, std::to_string(t.app_id), ""};
  switch (rng.below(9)) {
    case 0:
      now = mutate_int(now, rng, {t.expire_time, t.create_time}, INT64_MIN / 2, INT64_MAX / 2);
      break;
    case 1:
      in.create_time = mutate_int(in.create_time, rng, {now}, 0, INT64_MAX / 4);
      break;
    case 2:
      in.effective_time_in_seconds = mutate_int(in.effective_time_in_seconds, rng,
                                                {sat_sub(now, t.create_time), 1}, 1, INT64_MAX / 4);
      break;
    case 3:
      in.user_id = mutate_string(in.user_id, rng, pool);
      break;
    case 4:
      in.room_id = mutate_string(in.room_id, rng, pool);
      break;
    case 5:
      if (rng.one_in(2))
        in.privilege.login = static_cast<int>(rng.below(2));
      else
        in.privilege.publish = static_cast<int>(rng.below(2));
      break;
    case 6: {
      mutate_binding(c, rng, {"app_id", "user_id", "room_id"}, pool);
      break;
    }
    case 7:
      mutate_required_privileges(c, rng, {1, 2});
      break;
    default:
      in.app_id = mutate_int(in.app_id, rng, {1}, 1, 0xFFFFFFFF);
      break;
  }
  const auto built = zego::build_03(in);
  if (built.error != zego::BuildError::kNone) return false;
  return resigned(c, built.token, now);
}

}  // namespace
}  // namespace tokcheck::fuzz

TOKCHECK_VERIFY_FUZZER(tokcheck::fuzz::Target, tokcheck::fuzz::resign)
