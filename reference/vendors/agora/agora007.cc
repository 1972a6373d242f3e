#include "reference/vendors/agora/agora007.h"

#include <algorithm>
#include <map>

#include "reference/core/crypto_util.h"

namespace tokcheck::agora {
namespace {

// One service as views into the inflated buffer.
struct ServiceView {
  std::uint16_t type = 0;
  PrivilegeMapView privileges;
  std::string_view channel_name, uid, user_id, account, room_uuid, user_uuid;
  std::int16_t role = -1;
  Bytes rtm2;  // the raw permission lists (validated)
};

struct View007 {
  Bytes signature;
  Bytes signing_info;
  std::string_view app_id;
  std::uint32_t issue_ts = 0, expire = 0, salt = 0;
  std::uint16_t declared = 0;
  Bytes services;           // the bytes after the service count
  std::uint16_t known = 0;  // services parsed before the end or an unknown type
  std::optional<std::uint16_t> unknown_type;
};

// RTM2: u16 nRes; per resource (ascending) u16 type, u16 nPerm; per permission
// (ascending) u16 type, u16 n, n × string.
Malformation read_rtm2_lists(ByteReader& r, Bytes& raw) {
  const Bytes start = r.rest();
  std::uint16_t resources = 0;
  if (!r.read_u16le(resources)) return Malformation::kTruncated;
  if (!r.check_records_fit(resources, 4)) return Malformation::kLengthOverflow;
  std::int32_t previous_resource = -1;
  for (std::uint16_t i = 0; i < resources; ++i) {
    std::uint16_t type = 0, permissions = 0;
    if (!r.read_u16le(type) || !r.read_u16le(permissions)) return Malformation::kTruncated;
    if (type <= previous_resource) return Malformation::kUnsortedMap;
    previous_resource = type;
    if (!r.check_records_fit(permissions, 4)) return Malformation::kLengthOverflow;
    std::int32_t previous_permission = -1;
    for (std::uint16_t j = 0; j < permissions; ++j) {
      std::uint16_t ptype = 0, names = 0;
      if (!r.read_u16le(ptype) || !r.read_u16le(names)) return Malformation::kTruncated;
      if (ptype <= previous_permission) return Malformation::kUnsortedMap;
      previous_permission = ptype;
      if (!r.check_records_fit(names, 2)) return Malformation::kLengthOverflow;
      for (std::uint16_t k = 0; k < names; ++k) {
        std::string_view name;
        if (!r.read_u16le_string(name)) return r.error();
      }
    }
  }
  raw = start.first(start.size() - r.remaining());
  return Malformation::kNone;
}

// Reads one service. Sets `unknown` (and consumes only the type) when the type is
// not one this implementation can lay out; the caller then stops.
Malformation read_service(ByteReader& r, ServiceView& s, bool& unknown) {
  unknown = false;
  s = ServiceView{};
  if (!r.read_u16le(s.type)) return Malformation::kTruncated;
  if (!is_known_service(s.type)) {
    unknown = true;
    return Malformation::kNone;
  }
  if (Malformation m = s.privileges.read(r); m != Malformation::kNone) return m;
  auto str = [&r](std::string_view& out) { return r.read_u16le_string(out); };
  bool ok = true;
  switch (s.type) {
    case kServiceRtc:
      ok = str(s.channel_name) && str(s.uid);
      break;
    case kServiceRtm:
      ok = str(s.user_id);
      break;
    case kServiceStreaming:
    case kServiceFcdn:
      ok = str(s.channel_name) && str(s.account);
      break;
    case kServiceChat:
      ok = str(s.user_id);
      break;
    case kServiceApaas:
      ok = str(s.room_uuid) && str(s.user_uuid) && r.read_i16le(s.role);
      break;
    case kServiceRtm2:
      if (!str(s.user_id)) return r.error();
      return read_rtm2_lists(r, s.rtm2);
    default:
      break;  // FPA, ConvoAI, STT: privileges only
  }
  return ok ? Malformation::kNone : r.error();
}

Malformation parse_signing_info(View007& v) {
  ByteReader r(v.signing_info);
  if (!r.read_u16le_string(v.app_id)) return r.error();
  if (!r.read_u32le(v.issue_ts) || !r.read_u32le(v.expire) || !r.read_u32le(v.salt) ||
      !r.read_u16le(v.declared)) {
    return Malformation::kTruncated;
  }
  v.services = r.rest();
  for (std::uint16_t i = 0; i < v.declared; ++i) {
    ServiceView s;
    bool unknown = false;
    if (Malformation m = read_service(r, s, unknown); m != Malformation::kNone) return m;
    if (unknown) {
      v.unknown_type = s.type;
      return Malformation::kNone;  // the rest is opaque to us, but still signed
    }
    ++v.known;
  }
  return r.empty() ? Malformation::kNone : Malformation::kTrailingBytes;
}

// Parses the inflated payload: string(signature) followed by the signing info.
Malformation decode_payload(Bytes plain, View007& v) {
  ByteReader r{plain};
  ByteReader sig;
  if (!r.read_u16le_prefixed(sig)) return r.error();
  v.signature = sig.rest();
  v.signing_info = r.rest();
  if (Malformation m = parse_signing_info(v); m != Malformation::kNone) return m;
  return is_hex32(v.app_id) ? Malformation::kNone : Malformation::kBadAppId;
}

Malformation decode(std::string_view token, Base64Mode mode, Inflater& inflater,
                    std::vector<std::uint8_t>& compressed, std::vector<std::uint8_t>& plain,
                    View007& v, bool& lenient_used) {
  if (token.empty()) return Malformation::kEmpty;
  if (!token.starts_with(kVersion007)) return Malformation::kBadPrefix;
  const Base64Decoded b64 = base64_decode(token.substr(kVersion007.size()), mode, compressed);
  if (b64.error != Malformation::kNone) return b64.error;
  lenient_used = b64.lenient_used;
  if (Malformation m = inflater.inflate(compressed, plain); m != Malformation::kNone) return m;
  return decode_payload(plain, v);
}

Service007 to_owned(const ServiceView& s) {
  Service007 out;
  out.type = s.type;
  out.privileges = s.privileges.to_map();
  out.channel_name = s.channel_name;
  out.uid = s.uid;
  out.user_id = s.user_id;
  out.account = s.account;
  out.room_uuid = s.room_uuid;
  out.user_uuid = s.user_uuid;
  out.role = s.role;
  if (!s.rtm2.empty()) {
    ByteReader r(s.rtm2);
    std::uint16_t resources = 0;
    (void)r.read_u16le(resources);  // validated when the view was read
    for (std::uint16_t i = 0; i < resources; ++i) {
      Rtm2Resource res;
      std::uint16_t permissions = 0;
      (void)(r.read_u16le(res.type) && r.read_u16le(permissions));
      for (std::uint16_t j = 0; j < permissions; ++j) {
        Rtm2Permission perm;
        std::uint16_t names = 0;
        (void)(r.read_u16le(perm.type) && r.read_u16le(names));
        for (std::uint16_t k = 0; k < names; ++k) {
          std::string_view name;
          if (r.read_u16le_string(name)) perm.names.emplace_back(name);
        }
        res.permissions.push_back(std::move(perm));
      }
      out.rtm2.push_back(std::move(res));
    }
  }
  return out;
}

void write_service(ByteWriter& w, const Service007& s) {
  w.add_u16le(s.type);
  write_privilege_map(w, s.privileges);
  switch (s.type) {
    case kServiceRtc:
      w.add_u16le_prefixed(s.channel_name);
      w.add_u16le_prefixed(s.uid);
      break;
    case kServiceRtm:
    case kServiceChat:
      w.add_u16le_prefixed(s.user_id);
      break;
    case kServiceStreaming:
    case kServiceFcdn:
      w.add_u16le_prefixed(s.channel_name);
      w.add_u16le_prefixed(s.account);
      break;
    case kServiceApaas:
      w.add_u16le_prefixed(s.room_uuid);
      w.add_u16le_prefixed(s.user_uuid);
      w.add_i16le(s.role);
      break;
    case kServiceRtm2: {
      w.add_u16le_prefixed(s.user_id);
      // Resource → permission → names is a map in Agora's builders, so equal
      // types given twice are merged (names appended in order) and both levels
      // come out strictly ascending, which is what the parser requires.
      std::map<std::uint16_t, std::map<std::uint16_t, std::vector<std::string>>> merged;
      for (const Rtm2Resource& res : s.rtm2) {
        auto& by_permission = merged[res.type];
        for (const Rtm2Permission& perm : res.permissions) {
          auto& names = by_permission[perm.type];
          names.insert(names.end(), perm.names.begin(), perm.names.end());
        }
      }
      w.add_u16le(static_cast<std::uint16_t>(merged.size()));
      for (const auto& [type, by_permission] : merged) {
        w.add_u16le(type);
        w.add_u16le(static_cast<std::uint16_t>(by_permission.size()));
        for (const auto& [perm_type, names] : by_permission) {
          w.add_u16le(perm_type);
          w.add_u16le(static_cast<std::uint16_t>(names.size()));
          for (const std::string& name : names) w.add_u16le_prefixed(name);
        }
      }
      break;
    }
    default:
      break;
  }
}

Sha256Digest le32_keyed_mac(std::uint32_t key, Bytes message) {
  const std::uint8_t k[4] = {static_cast<std::uint8_t>(key), static_cast<std::uint8_t>(key >> 8),
                             static_cast<std::uint8_t>(key >> 16),
                             static_cast<std::uint8_t>(key >> 24)};
  return HmacSha256::compute(k, message);
}

// Does service `s` hold the bound value for `field`? An unbound field matches.
bool matches(std::optional<std::string_view> bound, std::string_view actual) {
  return !bound || *bound == actual;
}

// Copies the views into an owned token (parse is not the hot path).
void fill_token(const View007& v, Token007& t) {
  t.signature.assign(v.signature.begin(), v.signature.end());
  t.app_id = v.app_id;
  t.issue_ts = v.issue_ts;
  t.expire = v.expire;
  t.salt = v.salt;
  t.declared_services = v.declared;
  t.unknown_service_type = v.unknown_type;
  ByteReader r(v.services);
  for (std::uint16_t i = 0; i < v.known; ++i) {
    ServiceView s;
    bool unknown = false;
    if (read_service(r, s, unknown) != Malformation::kNone || unknown) break;
    t.services.push_back(to_owned(s));
  }
}

}  // namespace

bool is_known_service(std::uint16_t type) { return type >= kServiceRtc && type <= kServiceStt; }

std::string_view service_name(std::uint16_t type) {
  switch (type) {
    case kServiceRtc:
      return "rtc";
    case kServiceRtm:
      return "rtm";
    case kServiceStreaming:
      return "streaming";
    case kServiceFpa:
      return "fpa";
    case kServiceChat:
      return "chat";
    case kServiceFcdn:
      return "fcdn";
    case kServiceApaas:
      return "apaas";
    case kServiceRtm2:
      return "rtm2";
    case kServiceConvoAi:
      return "convoai";
    case kServiceStt:
      return "stt";
    default:
      return "";
  }
}

std::string_view to_string(Build007Error e) {
  switch (e) {
    case Build007Error::kNone:
      return "none";
    case Build007Error::kBadAppId:
      return "bad_app_id";
    case Build007Error::kBadCertificate:
      return "bad_certificate";
    case Build007Error::kNoServices:
      return "no_services";
    case Build007Error::kUnknownService:
      return "unknown_service";
    case Build007Error::kFieldTooLong:
      return "field_too_long";
  }
  return "unknown";
}

Sha256Digest signing_key_007(std::string_view app_certificate, std::uint32_t issue_ts,
                             std::uint32_t salt) {
  const Sha256Digest k1 = le32_keyed_mac(issue_ts, as_bytes(app_certificate));
  return le32_keyed_mac(salt, k1);
}

Build007Input rebuild_input(const Token007& t, std::string_view app_certificate) {
  return {.app_id = t.app_id,
          .app_certificate = std::string(app_certificate),
          .issue_ts = t.issue_ts,
          .expire = t.expire,
          .salt = t.salt,
          .services = t.services};
}

Build007Result build_007(const Build007Input& in) {
  if (!is_hex32(in.app_id)) return {Build007Error::kBadAppId, {}};
  if (!is_hex32(in.app_certificate)) return {Build007Error::kBadCertificate, {}};
  if (in.services.empty()) return {Build007Error::kNoServices, {}};
  std::vector<const Service007*> ordered;
  for (const Service007& s : in.services) {
    if (!is_known_service(s.type)) return {Build007Error::kUnknownService, {}};
    ordered.push_back(&s);
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Service007* a, const Service007* b) { return a->type < b->type; });

  ByteWriter info;
  info.add_u16le_prefixed(in.app_id);
  info.add_u32le(in.issue_ts);
  info.add_u32le(in.expire);
  info.add_u32le(in.salt);
  info.add_u16le(static_cast<std::uint16_t>(ordered.size()));
  for (const Service007* s : ordered) write_service(info, *s);

  const Sha256Digest key = signing_key_007(in.app_certificate, in.issue_ts, in.salt);
  const Sha256Digest signature = HmacSha256::compute(key, info.bytes());

  ByteWriter content;
  content.add_u16le_prefixed(Bytes(signature));
  content.add_bytes(info.bytes());
  if (!info.ok() || !content.ok() || ordered.size() > 0xFFFF) {
    return {Build007Error::kFieldTooLong, {}};
  }
  std::string token(kVersion007);
  token += base64_encode(zlib_compress(content.bytes()));
  return {Build007Error::kNone, std::move(token)};
}

Parse007Result parse_007(std::string_view token, Base64Mode mode) {
  Parse007Result out;
  Inflater inflater;
  std::vector<std::uint8_t> compressed, plain;
  View007 v;
  out.error = decode(token, mode, inflater, compressed, plain, v, out.lenient_base64);
  if (out.error != Malformation::kNone) return out;
  fill_token(v, out.token);
  out.token.zlib_canonical = zlib_compress(plain) == compressed;
  return out;
}

Parse007Result parse_007_payload(Bytes payload) {
  Parse007Result out;
  View007 v;
  out.error = decode_payload(payload, v);
  if (out.error == Malformation::kNone) fill_token(v, out.token);
  return out;
}

Verifier007::Verifier007(std::string_view app_certificate)
    : certificate_(app_certificate), certificate_ok_(is_hex32(app_certificate)) {}

Verdict Verifier007::verify(std::string_view token, std::int64_t now, const Binding007& binding,
                            Base64Mode mode) {
  if (!certificate_ok_) return Verdict::of(Condition::kInvalidSecret);
  View007 v;
  bool lenient = false;
  if (Malformation m = decode(token, mode, inflater_, compressed_, plain_, v, lenient);
      m != Malformation::kNone) {
    return m == Malformation::kBadPrefix ? Verdict::of(Condition::kUnsupportedVersion)
                                         : Verdict::malformed(m);
  }
  Verdict verdict;
  verdict.lenient_base64 = lenient;

  const Sha256Digest key = signing_key_007(certificate_, v.issue_ts, v.salt);
  if (!constant_time_equal(HmacSha256::compute(key, v.signing_info), v.signature)) {
    return verdict.ending(Condition::kBadSignature);
  }
  // The token's app id is already known to be 32 hex; an equal binding is too.
  if (binding.app_id && *binding.app_id != v.app_id) {
    return verdict.ending(is_hex32(*binding.app_id) ? Condition::kAppIdMismatch
                                                    : Condition::kInvalidAppId);
  }
  const std::int64_t expiry = std::int64_t{v.issue_ts} + v.expire;
  if (now >= expiry) return verdict.ending(Condition::kExpired);

  std::optional<std::uint16_t> type = binding.service_type;
  if (!type && (binding.channel_name || binding.uid || binding.account)) type = kServiceRtc;
  if (!type && binding.user_id) type = kServiceRtm;
  if (!type && !binding.required_privileges.empty()) type = kServiceRtc;
  if (!type) return verdict;

  // Narrow the services of that type field by field, so the verdict names the
  // first bound field that no candidate carries.
  bool any_type = false, any_channel = false, any_uid = false;
  std::optional<ServiceView> chosen;
  ByteReader r(v.services);
  for (std::uint16_t i = 0; i < v.known; ++i) {
    ServiceView s;
    bool unknown = false;
    if (read_service(r, s, unknown) != Malformation::kNone || unknown) break;
    if (s.type != *type) continue;
    any_type = true;
    if (!matches(binding.channel_name, s.channel_name)) continue;
    any_channel = true;
    if (!matches(binding.uid, s.uid) || !matches(binding.account, s.account)) continue;
    any_uid = true;
    if (!matches(binding.user_id, s.user_id)) continue;
    chosen = s;
    break;
  }
  if (!any_type) return verdict.ending(Condition::kServiceMissing);
  if (!any_channel) return verdict.ending(Condition::kChannelMismatch);
  if (!any_uid) return verdict.ending(Condition::kUidMismatch);
  if (!chosen) return verdict.ending(Condition::kUserIdMismatch);

  for (std::uint16_t p : binding.required_privileges) {
    std::uint32_t value = 0;
    if (!chosen->privileges.find(p, value)) return verdict.ending(Condition::kPrivilegeMissing, p);
    if (value != 0 && now >= std::int64_t{v.issue_ts} + value) {
      return verdict.ending(Condition::kPrivilegeExpired, p);
    }
  }
  return verdict;
}

}  // namespace tokcheck::agora
