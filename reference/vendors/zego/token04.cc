#include "reference/vendors/zego/token04.h"

#include <array>
#include <iterator>

#include "reference/vendors/zego/json_text.h"

namespace tokcheck::zego {
namespace {

using Member = StrictJsonReader::Member;

// The claims' member names in the order every ZEGO generator writes them.
constexpr std::string_view kClaimOrder[] = {"app_id", "user_id", "nonce",
                                            "ctime",  "expire",  "payload"};
// match_plain_object() needs pairwise distinct names of plain bytes.
constexpr bool distinct_plain_names() {
  for (std::size_t i = 0; i < std::size(kClaimOrder); ++i) {
    for (const char c : kClaimOrder[i]) {
      if (!(c >= 'a' && c <= 'z') && c != '_') return false;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (kClaimOrder[i] == kClaimOrder[j]) return false;
    }
  }
  return true;
}
static_assert(distinct_plain_names());

// The claims object: exactly the six members, each of its type (§1.3). Anything
// else (another JSON value, a missing/extra member, a wrong type, an app_id outside
// u32) is kPayloadInvalid. `members` are the object's members as validate() keeps
// them (root_object()), or as match_plain_object() matched them (`matched`), so
// they are not walked again.
bool read_claims04(StrictJsonReader& r, std::span<const Member> members, bool matched, Token04& t) {
  return read_members(r, members, kClaimOrder,
                      std::tie(t.app_id, t.user_id, t.nonce, t.ctime, t.expire, t.payload),
                      matched);
}

// Everything from the token text to checked claims (all but mode and IV), shared
// by parse and verify.
Stage decode04(TokenOpener& opener, std::string_view token, Base64Mode mode, Token04& t) {
  if (Stage s = opener.open(token, mode); s.condition != Condition::kValid) return s;
  StrictJsonReader& json = opener.json();
  json.reset(opener.plaintext());
  // Generator-made claims take the shortcut: match_plain_object() gives the
  // members validate() + root_object() would, for a fraction of the cost
  // (validate() was ~40% of a CBC verify). Anything else gets the full reader.
  std::array<Member, std::size(kClaimOrder)> plain_members;
  std::span<const Member> members;
  const bool matched = json.match_plain_object(kClaimOrder, plain_members);
  if (matched) {
    members = plain_members;
  } else {
    if (!json.validate()) return {Condition::kMalformed, Malformation::kBadJson};
    if (!json.root_object(members)) return {Condition::kPayloadInvalid, {}};
  }
  if (!read_claims04(json, members, matched, t)) return {Condition::kPayloadInvalid, {}};
  if (t.expire != opener.envelope().expire) return {Condition::kExpireMismatch, {}};
  return {};
}

struct PayloadView {
  bool has_room = false;
  PrivilegeFlags privileges;
  bool has_stream_list = false;  // stream_id_list is an array (null = no restriction)
};

// The privilege payload (§1.3). Known members must have ZEGO's types; other members
// are the application's business and are skipped (inferred: the payload is also the
// generators' general "business extension" field).
PayloadKind read_payload(std::string_view payload, StrictJsonReader& r, std::string& scratch,
                         std::string& room, PayloadView& out) {
  out = PayloadView{};
  if (payload.empty()) return PayloadKind::kEmpty;
  r.reset(payload);
  // The pull methods refuse a value of another type, so no peek() before them.
  if (!r.validate() || !r.begin_object()) return PayloadKind::kInvalid;
  std::string_view key;
  while (r.next_key(key)) {
    if (key_is(key, "room_id")) {
      if (!r.read_string(room)) return PayloadKind::kInvalid;
      out.has_room = true;
    } else if (key_is(key, "privilege")) {
      if (!read_privilege_object(r, out.privileges)) return PayloadKind::kInvalid;
    } else if (key_is(key, "stream_id_list")) {
      if (r.peek() == StrictJsonReader::Type::kNull) {
        (void)r.read_null();
        continue;
      }
      if (!r.begin_array()) return PayloadKind::kInvalid;
      while (r.next_element()) {
        if (!r.read_string(scratch)) return PayloadKind::kInvalid;
      }
      out.has_stream_list = true;
    } else if (!r.skip_value()) {
      return PayloadKind::kInvalid;
    }
  }
  return PayloadKind::kPrivilege;
}

// Whether an already-validated payload's stream_id_list holds `stream`.
bool stream_listed(std::string_view payload, std::string_view stream, StrictJsonReader& r,
                   std::string& value) {
  r.reset(payload);
  if (!r.begin_object()) return false;
  std::string_view key;
  while (r.next_key(key)) {
    if (!key_is(key, "stream_id_list") || r.peek() != StrictJsonReader::Type::kArray) {
      if (!r.skip_value()) return false;
      continue;
    }
    (void)r.begin_array();
    while (r.next_element()) {
      if (!r.read_string(value)) return false;
      if (value == stream) return true;
    }
  }
  return false;
}

}  // namespace

std::string_view to_string(PayloadKind k) {
  switch (k) {
    case PayloadKind::kEmpty:
      return "empty";
    case PayloadKind::kPrivilege:
      return "privilege";
    case PayloadKind::kInvalid:
      return "invalid";
  }
  return "unknown";
}

PayloadKind classify_payload(std::string_view payload) {
  StrictJsonReader r;
  std::string scratch, room;
  PayloadView view;
  return read_payload(payload, r, scratch, room, view);
}

std::string claims04_json(std::uint32_t app_id, std::string_view user_id, std::int64_t nonce,
                          std::int64_t ctime, std::int64_t expire, std::string_view payload) {
  std::string out = "{\"app_id\":" + std::to_string(app_id) + ",\"user_id\":";
  append_json_string(out, user_id);
  out += ",\"nonce\":" + std::to_string(nonce) + ",\"ctime\":" + std::to_string(ctime) +
         ",\"expire\":" + std::to_string(expire) + ",\"payload\":";
  append_json_string(out, payload);
  out += '}';
  return out;
}

Build04Result build_04(const Build04Input& in) {
  if (in.app_id <= 0 || in.app_id > kMaxAppId) return {BuildError::kAppIdInvalid, {}};
  if (!user_id_valid(in.user_id)) return {BuildError::kUserIdInvalid, {}};
  if (in.secret.size() != kSecretSize) return {BuildError::kSecretInvalid, {}};
  if (in.effective_time_in_seconds <= 0) return {BuildError::kEffectiveTimeInvalid, {}};
  const std::size_t iv_size = in.mode == CipherMode::kGcm ? kGcmNonceSize : kCbcIvSize;
  if (in.iv.size() != iv_size) return {BuildError::kIvInvalid, {}};
  std::int64_t expire = 0;
  if (__builtin_add_overflow(in.ctime, in.effective_time_in_seconds, &expire)) {
    return {BuildError::kExpireOutOfRange, {}};
  }
  if (utf16_length(in.payload) < 0) return {BuildError::kNotUtf8, {}};

  const std::string claims = claims04_json(static_cast<std::uint32_t>(in.app_id), in.user_id,
                                           in.nonce, in.ctime, expire, in.payload);
  return seal_token(kVersion04, in.secret, in.mode, in.iv, claims, expire);
}

Build04Input rebuild_input(const Token04& t, std::string_view secret) {
  return {.app_id = t.app_id,
          .user_id = t.user_id,
          .secret = std::string(secret),
          .effective_time_in_seconds = effective_time(t.ctime, t.expire),
          .payload = t.payload,
          .ctime = t.ctime,
          .nonce = t.nonce,
          .iv = t.iv,
          .mode = t.mode};
}

Parse04Result parse_04(std::string_view token, std::string_view secret, Base64Mode mode) {
  TokenOpener opener(secret, kVersion04, /*gcm_allowed=*/true, EmptyToken::kMalformed);
  Parse04Result out;
  opener.record(decode04(opener, token, mode, out.token), out);
  if (out.condition != Condition::kValid) return out;
  const EnvelopeView& env = opener.envelope();
  out.token.mode = env.mode;
  out.token.iv.assign(env.iv.begin(), env.iv.end());
  out.payload_kind = classify_payload(out.token.payload);
  return out;
}

Verdict Verifier04::verify(std::string_view token, std::int64_t now, const Binding04& binding,
                           Base64Mode mode) {
  const Verdict v = opener_.verdict(decode04(opener_, token, mode, claims_));
  if (v.condition != Condition::kValid) return v;
  last_mode_ = opener_.envelope().mode;

  PayloadView payload;
  StrictJsonReader& json = opener_.json();
  if (read_payload(claims_.payload, json, scratch_, room_, payload) == PayloadKind::kInvalid) {
    return v.ending(Condition::kPayloadInvalid);
  }
  if (const Condition c =
          check_app_and_user(binding.app_id, binding.user_id, claims_.app_id, claims_.user_id);
      c != Condition::kValid) {
    return v.ending(c);
  }
  if (now >= claims_.expire) return v.ending(Condition::kExpired);
  if (binding.room_id && payload.has_room && *binding.room_id != room_) {
    return v.ending(Condition::kRoomMismatch);
  }
  for (std::uint32_t p : binding.required_privileges) {
    if (payload.privileges.value(p) != 1) {
      return v.ending(Condition::kPrivilegeMissing, p);
    }
  }
  if (binding.stream_id && payload.has_stream_list &&
      !stream_listed(claims_.payload, *binding.stream_id, json, scratch_)) {
    return v.ending(Condition::kStreamNotAllowed);
  }
  return v;
}

}  // namespace tokcheck::zego
