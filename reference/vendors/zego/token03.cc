#include "reference/vendors/zego/token03.h"

#include "reference/vendors/zego/json_text.h"

namespace tokcheck::zego {
namespace {

struct Numbers03 {
  std::int64_t app_id = 0, create_time = 0, expire_time = 0, nonce = 0;
  PrivilegeFlags privilege;
};

// Exactly the seven members of §1.6, each of its type; anything else is
// kPayloadInvalid. `r` has just validated the text as strict JSON, so the members
// are taken from what validate() kept rather than walked again.
Condition read_claims03(StrictJsonReader& r, Numbers03& n, std::string& room_id,
                        std::string& user_id) {
  using Member = StrictJsonReader::Member;
  std::span<const Member> members;
  if (!r.root_object(members)) return Condition::kPayloadInvalid;
  enum : unsigned {
    kAppId = 1,
    kRoomId = 2,
    kUserId = 4,
    kPrivilege = 8,
    kCreate = 16,
    kExpire = 32,
    kNonce = 64
  };
  unsigned seen = 0;
  // read_int / read_string refuse a member of another type.
  for (const Member& m : members) {
    bool ok = false;
    if (key_is(m.name, "app_id")) {
      ok = read_app_id(r, m, n.app_id);
      seen |= kAppId;
    } else if (key_is(m.name, "room_id")) {
      ok = r.read_string(m, room_id);
      seen |= kRoomId;
    } else if (key_is(m.name, "user_id")) {
      ok = r.read_string(m, user_id);
      seen |= kUserId;
    } else if (key_is(m.name, "privilege")) {
      r.seek(m);  // a nested object: read with the pull methods
      ok = read_privilege_object(r, n.privilege);
      seen |= kPrivilege;
    } else if (key_is(m.name, "create_time")) {
      ok = r.read_int(m, n.create_time);
      seen |= kCreate;
    } else if (key_is(m.name, "expire_time")) {
      ok = r.read_int(m, n.expire_time);
      seen |= kExpire;
    } else if (key_is(m.name, "nonce")) {
      ok = r.read_int(m, n.nonce);
      seen |= kNonce;
    }
    if (!ok) return Condition::kPayloadInvalid;
  }
  return seen == 127u ? Condition::kValid : Condition::kPayloadInvalid;
}

Stage decode03(std::string_view token, Base64Mode mode, ZegoCipher& cipher,
               std::vector<std::uint8_t>& body, std::vector<std::uint8_t>& plain,
               StrictJsonReader& json, Numbers03& n, std::string& room_id, std::string& user_id,
               EnvelopeView& env, bool& lenient) {
  if (Stage s = open_claims(token, kVersion03, /*gcm_allowed=*/false, mode, cipher, body, plain,
                            json, env, lenient);
      s.condition != Condition::kValid) {
    return s;
  }
  if (Condition c = read_claims03(json, n, room_id, user_id); c != Condition::kValid) {
    return {c, {}};
  }
  if (n.expire_time != env.expire) return {Condition::kExpireMismatch, {}};
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

Parse03Result parse_03(std::string_view token, std::string_view secret, Base64Mode mode) {
  Parse03Result out;
  ZegoCipher cipher(secret);
  if (!cipher.ok()) {
    out.condition = Condition::kInvalidSecret;
    return out;
  }
  std::vector<std::uint8_t> body, plain;
  StrictJsonReader json;
  Numbers03 n;
  EnvelopeView env;
  Token03& t = out.token;
  const Stage s = decode03(token, mode, cipher, body, plain, json, n, t.room_id, t.user_id, env,
                           out.lenient_base64);
  out.condition = s.condition;
  out.error = s.error;
  if (s.condition != Condition::kValid) return out;
  t.iv.assign(env.iv.begin(), env.iv.end());
  t.app_id = static_cast<std::uint32_t>(n.app_id);
  t.privilege = n.privilege;
  t.create_time = n.create_time;
  t.expire_time = n.expire_time;
  t.nonce = n.nonce;
  return out;
}

Verifier03::Verifier03(std::string_view secret) : cipher_(secret) {}

Verdict Verifier03::verify(std::string_view token, std::int64_t now, const Binding03& binding,
                           Base64Mode mode) {
  if (!cipher_.ok()) return Verdict::of(Condition::kInvalidSecret);
  if (token.empty()) return Verdict::of(Condition::kTokenMissing);
  Numbers03 n;
  EnvelopeView env;
  bool lenient = false;
  const Stage s =
      decode03(token, mode, cipher_, body_, plain_, json_, n, room_id_, user_id_, env, lenient);
  Verdict v;
  v.lenient_base64 = lenient;
  if (s.condition != Condition::kValid) return v.ending(s.condition, 0, s.error);
  if (const Condition c = check_app_and_user(binding.app_id, binding.user_id, n.app_id, user_id_);
      c != Condition::kValid) {
    return v.ending(c);
  }
  if (now >= n.expire_time) return v.ending(Condition::kExpired);
  if (binding.room_id && *binding.room_id != room_id_) return v.ending(Condition::kRoomMismatch);
  for (std::uint32_t p : binding.required_privileges) {
    if (n.privilege.value(p) != 1) return v.ending(Condition::kPrivilegeMissing, p);
  }
  return v;
}

}  // namespace tokcheck::zego
