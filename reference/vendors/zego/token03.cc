#include "reference/vendors/zego/token03.h"

#include "reference/vendors/zego/json_text.h"

namespace tokcheck::zego {
namespace {

using Member = StrictJsonReader::Member;

// The claims' members in the order ZEGO's generators write them (§1.6).
constexpr std::string_view kClaims03[] = {"app_id",      "room_id",     "user_id", "privilege",
                                          "create_time", "expire_time", "nonce"};

// Exactly the seven members of §1.6, each of its type (the app id a u32, §1.3);
// anything else is kPayloadInvalid. `members` are what validate() kept of the
// root object, so they are not walked again.
bool read_claims03(StrictJsonReader& r, std::span<const Member> members, Token03& t) {
  return read_members(
      r, members, kClaims03,
      std::tie(t.app_id, t.room_id, t.user_id, t.privilege, t.create_time, t.expire_time, t.nonce));
}

// Everything from the token text to checked claims (all but the IV), shared by
// parse and verify.
Stage decode03(TokenOpener& opener, std::string_view token, Base64Mode mode, Token03& t) {
  if (Stage s = opener.open(token, mode); s.condition != Condition::kValid) return s;
  StrictJsonReader& json = opener.json();
  json.reset(opener.plaintext());
  if (!json.validate()) return {Condition::kMalformed, Malformation::kBadJson};
  std::span<const Member> members;
  if (!json.root_object(members) || !read_claims03(json, members, t)) {
    return {Condition::kPayloadInvalid, {}};
  }
  if (t.expire_time != opener.envelope().expire) return {Condition::kExpireMismatch, {}};
  return {};
}

void append_privilege(std::string& out, const PrivilegeFlags& p) {
  // JavaScript orders integer-like keys ascending; Go sorts map keys: {"1":..,"2":..}.
  out += "{\"1\":" + std::to_string(p.login) + ",\"2\":" + std::to_string(p.publish) + "}";
}

}  // namespace

std::string claims03_json(std::uint32_t app_id, std::string_view room_id, std::string_view user_id,
                          const PrivilegeFlags& privilege, std::int64_t create_time,
                          std::int64_t expire_time, std::int64_t nonce) {
  std::string out = "{\"app_id\":" + std::to_string(app_id) + ",\"room_id\":";
  append_json_string(out, room_id);
  out += ",\"user_id\":";
  append_json_string(out, user_id);
  out += ",\"privilege\":";
  append_privilege(out, privilege);
  out += ",\"create_time\":" + std::to_string(create_time) +
         ",\"expire_time\":" + std::to_string(expire_time) + ",\"nonce\":" + std::to_string(nonce) +
         "}";
  return out;
}

Build03Result build_03(const Build03Input& in) {
  auto bit = [](int v) { return v == 0 || v == 1; };
  if (in.app_id <= 0 || in.app_id > kMaxAppId) return {BuildError::kAppIdInvalid, {}};
  if (in.room_id.empty() || utf16_length(in.room_id) < 0) return {BuildError::kRoomIdInvalid, {}};
  if (in.user_id.empty() || utf16_length(in.user_id) < 0) return {BuildError::kUserIdInvalid, {}};
  if (in.secret.size() != kSecretSize) return {BuildError::kSecretInvalid, {}};
  if (!bit(in.privilege.login) || !bit(in.privilege.publish)) {
    return {BuildError::kPrivilegeInvalid, {}};
  }
  if (in.effective_time_in_seconds <= 0) return {BuildError::kEffectiveTimeInvalid, {}};
  if (in.iv.size() != kCbcIvSize) return {BuildError::kIvInvalid, {}};
  std::int64_t expire = 0;
  if (__builtin_add_overflow(in.create_time, in.effective_time_in_seconds, &expire)) {
    return {BuildError::kExpireOutOfRange, {}};
  }
  const std::string claims =
      claims03_json(static_cast<std::uint32_t>(in.app_id), in.room_id, in.user_id, in.privilege,
                    in.create_time, expire, in.nonce);
  return seal_token(kVersion03, in.secret, CipherMode::kCbc, in.iv, claims, expire);
}

Build03Input rebuild_input(const Token03& t, std::string_view secret) {
  return {.app_id = t.app_id,
          .room_id = t.room_id,
          .user_id = t.user_id,
          .secret = std::string(secret),
          .privilege = t.privilege,
          .create_time = t.create_time,
          .effective_time_in_seconds = effective_time(t.create_time, t.expire_time),
          .nonce = t.nonce,
          .iv = t.iv};
}

Parse03Result parse_03(std::string_view token, std::string_view secret, Base64Mode mode) {
  TokenOpener opener(secret, kVersion03, /*gcm_allowed=*/false, EmptyToken::kMalformed);
  Parse03Result out;
  opener.record(decode03(opener, token, mode, out.token), out);
  if (out.condition == Condition::kValid)
    out.token.iv.assign(opener.envelope().iv.begin(), opener.envelope().iv.end());
  return out;
}

Verdict Verifier03::verify(std::string_view token, std::int64_t now, const Binding03& binding,
                           Base64Mode mode) {
  const Verdict v = opener_.verdict(decode03(opener_, token, mode, claims_));
  if (v.condition != Condition::kValid) return v;
  if (const Condition c =
          check_app_and_user(binding.app_id, binding.user_id, claims_.app_id, claims_.user_id);
      c != Condition::kValid) {
    return v.ending(c);
  }
  if (now >= claims_.expire_time) return v.ending(Condition::kExpired);
  if (binding.room_id && *binding.room_id != claims_.room_id) {
    return v.ending(Condition::kRoomMismatch);
  }
  for (std::uint32_t p : binding.required_privileges) {
    if (claims_.privilege.value(p) != 1) return v.ending(Condition::kPrivilegeMissing, p);
  }
  return v;
}

}  // namespace tokcheck::zego
