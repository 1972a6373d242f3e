// ZEGO token04 verification (token04.h: Verifier04) with a re-encrypting custom
// mutator. Input: a VerifyCase (verify_case.h) checked against the fixed test
// secret, with optional bindings app_id, user_id, room_id, privileges (1 login,
// 2 publish), stream_id. The mutator decrypts the token (with the test secret,
// or a seed's own `seed_secret`), mutates one claim (times, ids, nonce, the
// privilege payload's room / flags / stream list, cipher mode, IV) or one
// binding, then re-encrypts it with build_04 under the test secret, so inputs
// get past decryption and the JSON checks to the app, user, expiry, room,
// privilege and stream checks. One mutation in 16 is a plain byte mutation.
// Set TOKCHECK_FUZZ_PLAIN_MUTATOR=1 to measure the same target without it.
//
// Invariants: a reused verifier answers the same; a "valid" verdict implies,
// from the independently parsed claims and payload (nlohmann), that app id and
// user match, now < expire, and the bound room, privileges and stream are
// granted; no token is valid under a second secret; the JSON adapter gives the
// codec's verdict.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz/common/adapter_request.h"
#include "fuzz/common/case_mutations.h"
#include "fuzz/common/verify_target.h"
#include "fuzz/common/zego_cases.h"
#include "reference/schemes/registry.h"
#include "reference/vendors/zego/token04.h"

namespace tokcheck::fuzz {
namespace {

struct Request {
  Base64Mode base64 = Base64Mode::kStrict;
  std::int64_t now = 0;
  std::optional<std::int64_t> app_id;
  std::optional<std::string> user_id, room_id, stream_id;
  std::vector<std::uint32_t> required;

  explicit Request(const VerifyCase& c) {
    base64 = case_base64(c);
    now = c.get_int("now").value_or(0);
    app_id = c.get_int("app_id");
    auto opt = [&c](std::string_view key) -> std::optional<std::string> {
      if (auto v = c.get(key)) return std::string(*v);
      return std::nullopt;
    };
    user_id = opt("user_id");
    room_id = opt("room_id");
    stream_id = opt("stream_id");
    for (std::uint16_t p : c.get_u16_list("privileges")) required.push_back(p);
  }
  zego::Binding04 binding() const {
    auto v = [](const std::optional<std::string>& s) {
      return s ? std::optional<std::string_view>(*s) : std::nullopt;
    };
    return {app_id, v(user_id), v(room_id), required, v(stream_id)};
  }
};

// Checks a valid verdict against the claims, read independently of Verifier04.
void check_claims(const std::string& token, const Request& r) {
  const auto p = zego::parse_04(token, kZegoSecret, r.base64);
  TOKCHECK_FUZZ_CHECK(p.condition == Condition::kValid, "valid verdict for a token parse rejects");
  const zego::Token04& t = p.token;
  TOKCHECK_FUZZ_CHECK(p.payload_kind != zego::PayloadKind::kInvalid,
                      "valid with an invalid payload");
  TOKCHECK_FUZZ_CHECK(!r.app_id || *r.app_id == std::int64_t{t.app_id}, "valid for another app id");
  TOKCHECK_FUZZ_CHECK(!r.user_id || *r.user_id == t.user_id, "valid for another user id");
  TOKCHECK_FUZZ_CHECK(r.now < t.expire, "valid at or after expire");
  if (!r.room_id && r.required.empty() && !r.stream_id) return;
  const nlohmann::json payload = nlohmann::json::parse(t.payload, nullptr, false);
  const bool object = !payload.is_discarded() && payload.is_object();
  if (r.room_id && object && payload.contains("room_id")) {
    TOKCHECK_FUZZ_CHECK(payload["room_id"] == *r.room_id, "valid for another room");
  }
  for (std::uint32_t need : r.required) {
    TOKCHECK_FUZZ_CHECK(object && payload.contains("privilege") &&
                            payload["privilege"].is_object() &&
                            payload["privilege"].value(std::to_string(need), 0) == 1,
                        "valid without a required privilege");
  }
  if (r.stream_id && object && payload.contains("stream_id_list") &&
      payload["stream_id_list"].is_array()) {
    const auto& list = payload["stream_id_list"];
    TOKCHECK_FUZZ_CHECK(std::find(list.begin(), list.end(), *r.stream_id) != list.end(),
                        "valid for a stream not in stream_id_list");
  }
}

// The target as check_verify_invariants() (verify_target.h) runs it: ZEGO has no
// independent re-derivation of "valid" here, so a valid verdict is checked
// against what the parsed claims require (check_valid above).
struct Target {
  const VerifyCase& c;
  const Request r{c};
  const zego::Binding04 binding = r.binding();
  zego::Verifier04 verifier{kZegoSecret};
  zego::Verifier04 other{"another secret, 32 bytes long..."};

  Verdict verify(KeyChoice key) {
    auto& v = key == KeyChoice::kTest ? verifier : other;
    return v.verify(c.token, r.now, binding, r.base64);
  }
  void check_valid() const { check_claims(c.token, r); }
  // The adapter takes `now` within ±2^62 and only ZEGO's privileges 1 and 2 (a
  // usage error otherwise); cases outside that are the codec's alone.
  std::optional<Verdict> adapter_verdict() const {
    if (r.now < INT64_MIN / 2 || r.now > INT64_MAX / 2) return std::nullopt;
    for (std::uint32_t p : r.required) {
      if (p != 1 && p != 2) return std::nullopt;
    }
    schemes::Json in = adapter_request(schemes::zego04_scheme(), c, kZegoSecret, r.now, r.base64);
    if (r.app_id) in["app_id"] = *r.app_id;
    if (r.user_id) in["user_id"] = *r.user_id;
    if (r.room_id) in["room_id"] = *r.room_id;
    if (r.stream_id) in["stream_id"] = *r.stream_id;
    if (!r.required.empty()) in["privileges"] = r.required;
    return schemes::zego04_scheme().verify(in).verdict;
  }
};

std::string mutate_payload(const std::string& payload, MutationRng& rng,
                           const std::vector<std::string>& pool) {
  nlohmann::json p = nlohmann::json::parse(payload, nullptr, false);
  if (p.is_discarded() || !p.is_object()) {
    p = {{"room_id", pool[rng.below(pool.size())]},
         {"privilege", {{"1", 1}, {"2", 1}}},
         {"stream_id_list", nullptr}};
  }
  // The payload comes from the input, so a member can have any type: read and
  // extend members only after checking it (nlohmann throws on a type mismatch,
  // and a throwing mutator aborts the fuzzer with no unit to report).
  switch (rng.below(5)) {
    case 0: {
      const auto room = p.find("room_id");
      const std::string current =
          room != p.end() && room->is_string() ? room->get<std::string>() : std::string();
      p["room_id"] = mutate_string(current, rng, pool);
      break;
    }
    case 1:
      if (!p["privilege"].is_object()) p["privilege"] = nlohmann::json::object();
      p["privilege"][rng.one_in(2) ? "1" : "2"] = rng.below(2);
      break;
    case 2:
      if (rng.one_in(3)) {
        p["stream_id_list"] = nullptr;
      } else {
        if (!p["stream_id_list"].is_array()) p["stream_id_list"] = nlohmann::json::array();
        p["stream_id_list"].push_back(mutate_string("", rng, pool));
      }
      break;
    case 3:
      p.erase(rng.one_in(2) ? "room_id" : "privilege");
      break;
    default:
      return rng.one_in(2) ? std::string() : payload;
  }
  return p.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// One re-signing mutation (resigning_mutation() in verify_target.h is the frame):
// false when the case holds no token this target can parse and sign again.
bool resign(VerifyCase& c, MutationRng& rng) {
  const auto parsed = open_to_reseal(c, zego::parse_04);
  if (!parsed) return false;
  const zego::Token04& t = parsed->token;
  zego::Build04Input in = zego::rebuild_input(t, kZegoSecret);
  std::int64_t now = c.get_int("now").value_or(t.ctime);
  const std::vector<std::string> pool = {t.user_id, std::to_string(t.app_id), "room1", ""};
  switch (rng.below(11)) {
    case 0:
      now = mutate_int(now, rng, {t.expire, t.ctime}, INT64_MIN / 2, INT64_MAX / 2);
      break;
    case 1:
      in.ctime = mutate_int(in.ctime, rng, {now}, 0, INT64_MAX / 4);
      break;
    case 2:
      in.effective_time_in_seconds = mutate_int(in.effective_time_in_seconds, rng,
                                                {sat_sub(now, t.ctime), 1, 3600}, 1, INT64_MAX / 4);
      break;
    case 3:
      in.user_id = mutate_string(in.user_id, rng, pool);
      break;
    case 4:
      in.app_id = mutate_int(in.app_id, rng, {1}, 1, 0xFFFFFFFF);
      break;
    case 5:
      in.payload = mutate_payload(in.payload, rng, pool);
      break;
    case 6:
      in.mode = in.mode == zego::CipherMode::kGcm ? zego::CipherMode::kCbc : zego::CipherMode::kGcm;
      in.iv.assign(in.mode == zego::CipherMode::kGcm ? zego::kGcmNonceSize : zego::kCbcIvSize,
                   static_cast<std::uint8_t>(rng.bits()));
      break;
    case 7: {
      mutate_binding(c, rng, {"app_id", "user_id", "room_id", "stream_id"}, pool);
      break;
    }
    case 8:
      mutate_required_privileges(c, rng, {1, 2});
      break;
    case 9:
      in.nonce = mutate_int(in.nonce, rng, {0}, INT32_MIN, INT32_MAX);
      break;
    default:
      toggle_lenient_base64(c);
      break;
  }
  const auto built = zego::build_04(in);
  if (built.error != zego::BuildError::kNone) return false;
  return resigned(c, built.token, now);
}

}  // namespace
}  // namespace tokcheck::fuzz

TOKCHECK_VERIFY_FUZZER(tokcheck::fuzz::Target, tokcheck::fuzz::resign)
