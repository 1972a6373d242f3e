#include "reference/vendors/agora/agora006.h"

#include <cstring>

#include "reference/core/crypto_util.h"

namespace tokcheck::agora {
namespace {

constexpr std::size_t kAppIdLength = 32;

// The decoded token, as views into the caller's buffer (no copies).
struct View006 {
  std::string_view app_id;
  Bytes signature;
  std::uint32_t crc_channel = 0;
  std::uint32_t crc_uid = 0;
  Bytes message;  // the signed bytes: salt, ts, privileges
  std::uint32_t salt = 0;
  std::uint32_t ts = 0;
  PrivilegeMapView privileges;
};

Malformation parse_message(Bytes message, View006& v) {
  ByteReader r(message);
  if (!r.read_u32le(v.salt) || !r.read_u32le(v.ts)) return Malformation::kTruncated;
  if (Malformation m = v.privileges.read(r); m != Malformation::kNone) return m;
  return r.empty() ? Malformation::kNone : Malformation::kTrailingBytes;
}

// Parses the base64-decoded content (signature, CRCs, message) into views.
Malformation decode_content(Bytes content, View006& v) {
  ByteReader r{content};
  ByteReader sig;
  ByteReader message;
  if (!r.read_u16le_prefixed(sig)) return r.error();
  if (!r.read_u32le(v.crc_channel) || !r.read_u32le(v.crc_uid)) return Malformation::kTruncated;
  if (!r.read_u16le_prefixed(message)) return r.error();
  if (!r.empty()) return Malformation::kTrailingBytes;
  v.signature = sig.rest();
  v.message = message.rest();
  return parse_message(v.message, v);
}

// Decodes `token` into `buffer` and points `v` into it.
Malformation decode(std::string_view token, Base64Mode mode, std::vector<std::uint8_t>& buffer,
                    View006& v, bool& lenient_used) {
  if (token.empty()) return Malformation::kEmpty;
  if (!token.starts_with(kVersion006)) return Malformation::kBadPrefix;
  if (token.size() < kVersion006.size() + kAppIdLength) return Malformation::kTruncated;
  v.app_id = token.substr(kVersion006.size(), kAppIdLength);
  if (!is_hex32(v.app_id)) return Malformation::kBadAppId;
  const Base64Decoded b64 =
      base64_decode(token.substr(kVersion006.size() + kAppIdLength), mode, buffer);
  if (b64.error != Malformation::kNone) return b64.error;
  lenient_used = b64.lenient_used;
  return decode_content(buffer, v);
}

// Copies the views into an owned token (parse is not the hot path).
void fill_token(const View006& v, Token006& t) {
  t.app_id = std::string(v.app_id);
  t.signature.assign(v.signature.begin(), v.signature.end());
  t.crc_channel = v.crc_channel;
  t.crc_uid = v.crc_uid;
  t.salt = v.salt;
  t.ts = v.ts;
  t.privileges = v.privileges.to_map();
}

}  // namespace

std::string_view to_string(BuildError e) {
  switch (e) {
    case BuildError::kNone:
      return "none";
    case BuildError::kBadAppId:
      return "bad_app_id";
    case BuildError::kBadCertificate:
      return "bad_certificate";
    case BuildError::kFieldTooLong:
      return "field_too_long";
  }
  return "unknown";
}

Build006Input rebuild_input(const Token006& t, std::string_view app_certificate) {
  return {.app_id = t.app_id,
          .app_certificate = std::string(app_certificate),
          .channel_name = {},  // only its CRC is in the token
          .uid = {},
          .salt = t.salt,
          .ts = t.ts,
          .privileges = t.privileges};
}

Build006Result build_006(const Build006Input& in) {
  if (!is_hex32(in.app_id)) return {BuildError::kBadAppId, {}};
  if (!is_hex32(in.app_certificate)) return {BuildError::kBadCertificate, {}};

  ByteWriter message;
  message.add_u32le(in.salt);
  message.add_u32le(in.ts);
  write_privilege_map(message, in.privileges);

  HmacSha256::Session mac = HmacSha256(as_bytes(in.app_certificate)).begin();
  mac.update(as_bytes(in.app_id));
  mac.update(as_bytes(in.channel_name));
  mac.update(as_bytes(in.uid));
  mac.update(message.bytes());
  const Sha256Digest signature = mac.finish();

  ByteWriter content;
  content.add_u16le_prefixed(Bytes(signature));
  content.add_u32le(crc32_ieee(in.channel_name));
  content.add_u32le(crc32_ieee(in.uid));
  content.add_u16le_prefixed(Bytes(message.bytes()));
  if (!message.ok() || !content.ok()) return {BuildError::kFieldTooLong, {}};

  std::string token(kVersion006);
  token += in.app_id;
  token += base64_encode(content.bytes());
  return {BuildError::kNone, std::move(token)};
}

Parse006Result parse_006(std::string_view token, Base64Mode mode) {
  Parse006Result out;
  std::vector<std::uint8_t> buffer;
  View006 v;
  out.error = decode(token, mode, buffer, v, out.lenient_base64);
  if (out.error == Malformation::kNone) fill_token(v, out.token);
  return out;
}

Parse006Result parse_006_content(Bytes content) {
  Parse006Result out;
  View006 v;
  out.error = decode_content(content, v);
  if (out.error == Malformation::kNone) fill_token(v, out.token);
  return out;
}

Verifier006::Verifier006(std::string_view app_certificate)
    : hmac_(as_bytes(app_certificate)), certificate_ok_(is_hex32(app_certificate)) {}

Verdict Verifier006::verify(std::string_view token, std::int64_t now, const Binding006& binding,
                            Base64Mode mode) {
  if (!certificate_ok_) return Verdict::of(Condition::kInvalidSecret);
  View006 v;
  bool lenient = false;
  if (Malformation m = decode(token, mode, scratch_, v, lenient); m != Malformation::kNone) {
    return m == Malformation::kBadPrefix ? Verdict::of(Condition::kUnsupportedVersion)
                                         : Verdict::malformed(m);
  }
  Verdict verdict;
  verdict.lenient_base64 = lenient;

  // The token's app id is already known to be 32 hex; an equal binding is too.
  if (binding.app_id && *binding.app_id != v.app_id) {
    return verdict.ending(is_hex32(*binding.app_id) ? Condition::kAppIdMismatch
                                                    : Condition::kInvalidAppId);
  }
  if (crc32_ieee(binding.channel_name) != v.crc_channel)
    return verdict.ending(Condition::kChannelMismatch);
  if (crc32_ieee(binding.uid) != v.crc_uid) return verdict.ending(Condition::kUidMismatch);

  // The four signed pieces go straight into the MAC: its session buffers
  // partial blocks itself (hmac_sha256.h), so joining them first would copy
  // every byte twice.
  HmacSha256::Session mac = hmac_.begin();
  mac.update(as_bytes(v.app_id));
  mac.update(as_bytes(binding.channel_name));
  mac.update(as_bytes(binding.uid));
  mac.update(v.message);
  const Sha256Digest expected = mac.finish();
  if (!constant_time_equal(expected, v.signature)) return verdict.ending(Condition::kBadSignature);

  if (now >= static_cast<std::int64_t>(v.ts)) return verdict.ending(Condition::kExpired);
  for (std::uint16_t p : binding.required_privileges) {
    std::uint32_t expiry = 0;
    if (!v.privileges.find(p, expiry)) return verdict.ending(Condition::kPrivilegeMissing, p);
    if (expiry != 0 && now >= static_cast<std::int64_t>(expiry)) {
      return verdict.ending(Condition::kPrivilegeExpired, p);
    }
  }
  return verdict;
}

}  // namespace tokcheck::agora
