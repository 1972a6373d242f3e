// Volcengine "001" verification (volc001.h: Verifier001), both check modes, with
// a re-signing custom mutator. Input: a VerifyCase (verify_case.h) checked
// against the fixed test app key; `check_mode=official|strict` picks the mode.
// The mutator parses the token, mutates one claim (times, nonce, room, user,
// privileges) or one binding field or the mode, then rebuilds it with build_001
// (HMAC with the test key), so inputs get past the signature to the expiry,
// room, user and privilege checks. One mutation in 16 is a plain byte mutation.
// Set TOKCHECK_FUZZ_PLAIN_MUTATOR=1 to measure the same target without it.
//
// Invariants: a reused Verifier answers the same; the JSON adapter gives the
// codec's verdict; "valid" is re-derived independently from the token's bytes
// (HMAC over MSG or over the re-packed fields, expiry, bindings, privileges);
// no token is valid under a second key.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/common/adapter_request.h"
#include "fuzz/common/case_mutations.h"
#include "fuzz/common/test_keys.h"
#include "fuzz/common/verify_target.h"
#include "fuzz/common/volc_fields.h"
#include "reference/core/base64.h"
#include "reference/core/byte_reader.h"
#include "reference/core/hmac_sha256.h"
#include "reference/schemes/registry.h"
#include "reference/vendors/volc/volc001.h"

namespace tokcheck::fuzz {
namespace {

struct Request {
  volc::CheckMode mode = volc::CheckMode::kStrict;
  Base64Mode base64 = Base64Mode::kStrict;
  std::int64_t now = 0;
  std::optional<std::string> app_id, room_id, user_id;
  std::vector<std::uint16_t> required;

  explicit Request(const VerifyCase& c) {
    if (c.get("check_mode") == "official") mode = volc::CheckMode::kOfficial;
    base64 = case_base64(c);
    now = case_now(c);
    auto opt = [&c](std::string_view key) -> std::optional<std::string> {
      if (auto v = c.get(key)) return std::string(*v);
      return std::nullopt;
    };
    if (mode == volc::CheckMode::kStrict) {  // official mode takes no bindings
      app_id = opt("app_id");
      room_id = opt("room_id");
      user_id = opt("user_id");
      required = c.get_u16_list("privileges");
    }
  }
  volc::Binding001 binding() const {
    auto v = [](const std::optional<std::string>& s) {
      return s ? std::optional<std::string_view>(*s) : std::nullopt;
    };
    return {v(app_id), v(room_id), v(user_id), required};
  }
};

bool sig_matches(tokcheck::Bytes signed_bytes, const std::vector<std::uint8_t>& signature) {
  const auto mac = tokcheck::HmacSha256::compute(tokcheck::as_bytes(kVolcAppKey), signed_bytes);
  return std::equal(mac.begin(), mac.end(), signature.begin(), signature.end());
}

bool valid_by_parse(const std::string& token, const Request& r) {
  const auto p = volc::parse_001(token, r.base64, r.mode);
  if (p.error != Malformation::kNone) return false;
  const volc::Token001& t = p.token;
  const bool expired = t.expire_at > 0 && r.now > std::int64_t{t.expire_at};
  if (r.mode == volc::CheckMode::kOfficial) {
    // Official Verify: expiry, then the HMAC over the re-packed parsed fields.
    return !expired && sig_matches(encode_001_message(t), t.signature);
  }
  // Strict: the HMAC over the exact MSG bytes (= the canonical encoding here).
  if (r.app_id && *r.app_id != t.app_id) return false;
  if (!sig_matches(encode_001_message(t), t.signature)) return false;
  if (expired) return false;
  if (r.room_id && *r.room_id != t.room_id) return false;
  if (r.user_id && *r.user_id != t.user_id) return false;
  for (std::uint16_t need : r.required) {
    const auto it = std::find_if(t.privileges.begin(), t.privileges.end(),
                                 [need](const auto& kv) { return kv.first == need; });
    if (it == t.privileges.end()) return false;
    if (it->second != 0 && r.now > std::int64_t{it->second}) return false;
  }
  return true;
}

schemes::Json volc001_request(const VerifyCase& c, const Request& r) {
  schemes::Json in = adapter_request(schemes::volc001_scheme(), c, kVolcAppKey, r.now, r.base64);
  in["check_mode"] = volc::to_string(r.mode);
  if (r.app_id) in["app_id"] = *r.app_id;
  if (r.room_id) in["room_id"] = *r.room_id;
  if (r.user_id) in["user_id"] = *r.user_id;
  if (!r.required.empty()) in["privileges"] = r.required;
  return in;
}

// The target as check_verify_invariants() (verify_target.h) runs it.
struct Target {
  const VerifyCase& c;
  const Request r{c};
  const volc::Binding001 binding = r.binding();
  volc::Verifier001 verifier{kVolcAppKey};
  volc::Verifier001 other{"another app key"};

  Verdict verify(KeyChoice key) {
    auto& v = key == KeyChoice::kTest ? verifier : other;
    return v.verify(c.token, r.now, r.mode, binding, r.base64);
  }
  bool independently_valid() const { return valid_by_parse(c.token, r); }
  Malformation parse_malformation() const {
    return volc::parse_001(c.token, r.base64, r.mode).error;
  }
  Verdict adapter_verdict() const {
    return schemes::volc001_scheme().verify(volc001_request(c, r)).verdict;
  }
};

// One re-signing mutation (resigning_mutation() in verify_target.h is the frame):
// false when the case holds no token this target can parse and sign again.
bool resign(VerifyCase& c, MutationRng& rng) {
  const auto parsed = volc::parse_001(c.token, Base64Mode::kLenient, volc::CheckMode::kOfficial);
  if (parsed.error != Malformation::kNone) return false;
  const volc::Token001& t = parsed.token;
  volc::Build001Input in = volc::rebuild_input(t, kVolcAppKey);
  std::int64_t now = c.get_int("now").value_or(t.issued_at);
  const std::vector<std::string> pool = {t.room_id, t.user_id, t.app_id, ""};
  switch (rng.below(11)) {
    case 0: {
      std::int64_t anchor = t.expire_at;
      if (!t.privileges.empty()) anchor = t.privileges[rng.below(t.privileges.size())].second;
      now = mutate_int(now, rng, {t.expire_at, anchor, t.issued_at}, INT64_MIN / 2, INT64_MAX / 2);
      break;
    }
    case 1:
      in.expire_at = rng.one_in(4) ? 0 : mutate_u32(in.expire_at, rng, {now});
      break;
    case 2:
      in.issued_at = mutate_u32(in.issued_at, rng, {now});
      break;
    case 3:
      in.nonce = mutate_u32(in.nonce, rng, {});
      break;
    case 4: {
      auto& p = in.privileges;
      if (!p.empty() && rng.one_in(3)) {
        p.erase(p.begin() + static_cast<std::ptrdiff_t>(rng.below(p.size())));
      } else {
        p.emplace_back(static_cast<std::uint16_t>(rng.one_in(4) ? rng.bits() : rng.below(6)),
                       rng.one_in(3) ? 0u : mutate_u32(t.expire_at, rng, {now}));
      }
      break;
    }
    case 5:
      in.room_id = mutate_string(in.room_id, rng, pool);
      break;
    case 6:
      in.user_id = mutate_string(in.user_id, rng, pool);
      break;
    case 7: {
      mutate_binding(c, rng, {"app_id", "room_id", "user_id"}, pool);
      break;
    }
    case 8:
      mutate_required_privileges(c, rng, {0, 1, 2, 3, 4, 5});
      break;
    case 9:
      c.set("check_mode", c.get("check_mode") == "official" ? "strict" : "official");
      break;
    default:
      toggle_lenient_base64(c);
      break;
  }
  const auto built = volc::build_001(in);
  if (built.error != volc::Build001Error::kNone) return false;
  return resigned(c, built.token, now);
}

}  // namespace

}  // namespace tokcheck::fuzz

TOKCHECK_VERIFY_FUZZER(tokcheck::fuzz::Target, tokcheck::fuzz::resign)
