#include "reference/vendors/volc/volc001.h"

#include "reference/core/utf8.h"

#include <algorithm>
#include <map>

#include "reference/core/ascii.h"
#include "reference/core/byte_reader.h"
#include "reference/core/byte_writer.h"
#include "reference/core/crypto_util.h"

namespace tokcheck::volc {
namespace {

constexpr std::size_t kRecordSize = 6;  // u16 key + u32 value

// The decoded token as views into the caller's buffer.
struct View001 {
  std::string_view app_id;
  Bytes message;  // MSG as framed (may carry trailing bytes under kOfficial)
  Bytes header;   // MSG from nonce through the user string: re-packs unchanged
  Bytes records;  // count × 6 bytes, in token order
  std::uint16_t count = 0;
  Bytes signature;
  std::uint32_t nonce = 0;
  std::uint32_t issued_at = 0;
  std::uint32_t expire_at = 0;
  std::string_view room;
  std::string_view user;
  bool trailing_after_signature = false;
  bool trailing_in_message = false;
  bool privileges_not_canonical = false;
};

Malformation parse_message(Bytes message, CheckMode mode, View001& v) {
  ByteReader r(message);
  if (!r.read_u32le(v.nonce) || !r.read_u32le(v.issued_at) || !r.read_u32le(v.expire_at)) {
    return Malformation::kTruncated;
  }
  if (!r.read_u16le_string(v.room) || !r.read_u16le_string(v.user)) return r.error();
  if (!is_valid_utf8(v.room) || !is_valid_utf8(v.user)) return Malformation::kBadField;
  v.header = message.first(message.size() - r.remaining());
  if (!r.read_u16le(v.count)) return Malformation::kTruncated;
  if (!r.check_records_fit(v.count, kRecordSize)) return Malformation::kLengthOverflow;
  if (!r.read_bytes(std::size_t{v.count} * kRecordSize, v.records)) return r.error();
  ByteReader walk(v.records);
  std::int32_t previous = -1;
  for (std::uint16_t i = 0; i < v.count; ++i) {
    std::uint16_t key = 0;
    std::uint32_t value = 0;
    if (!walk.read_u16le(key) || !walk.read_u32le(value)) return Malformation::kTruncated;
    if (static_cast<std::int32_t>(key) <= previous) {
      if (mode == CheckMode::kStrict) return Malformation::kUnsortedMap;
      v.privileges_not_canonical = true;
    }
    previous = std::max<std::int32_t>(previous, key);
  }
  if (!r.empty()) {
    if (mode == CheckMode::kStrict) return Malformation::kTrailingBytes;
    v.trailing_in_message = true;
  }
  return Malformation::kNone;
}

Malformation decode(std::string_view token, Base64Mode base64, CheckMode mode,
                    std::vector<std::uint8_t>& buffer, View001& v, bool& lenient_used) {
  if (token.empty()) return Malformation::kEmpty;
  if (!token.starts_with(kVersion001)) return Malformation::kBadPrefix;
  if (token.size() < kVersion001.size() + kAppIdLength) return Malformation::kTruncated;
  v.app_id = token.substr(kVersion001.size(), kAppIdLength);
  if (!is_app_id(v.app_id)) return Malformation::kBadAppId;
  const Base64Decoded b64 =
      base64_decode(token.substr(kVersion001.size() + kAppIdLength), base64, buffer);
  if (b64.error != Malformation::kNone) return b64.error;
  lenient_used = b64.lenient_used;

  ByteReader r{Bytes(buffer)};
  ByteReader message;
  ByteReader signature;
  if (!r.read_u16le_prefixed(message)) return r.error();
  if (!r.read_u16le_prefixed(signature)) return r.error();
  if (!r.empty()) {
    if (mode == CheckMode::kStrict) return Malformation::kTrailingBytes;
    v.trailing_after_signature = true;
  }
  v.message = message.rest();
  v.signature = signature.rest();
  return parse_message(v.message, mode, v);
}

std::uint16_t record_key(Bytes records, std::size_t i) {
  return static_cast<std::uint16_t>(records[i * kRecordSize] | (records[i * kRecordSize + 1] << 8));
}
std::uint32_t record_value(Bytes records, std::size_t i) {
  const std::size_t o = i * kRecordSize + 2;
  return static_cast<std::uint32_t>(records[o]) |
         (static_cast<std::uint32_t>(records[o + 1]) << 8) |
         (static_cast<std::uint32_t>(records[o + 2]) << 16) |
         (static_cast<std::uint32_t>(records[o + 3]) << 24);
}

// The official verifier's view of the privileges: ascending, unique, last value wins.
PrivilegeMap canonical_privileges(const View001& v) {
  std::map<std::uint16_t, std::uint32_t> m;
  for (std::size_t i = 0; i < v.count; ++i)
    m[record_key(v.records, i)] = record_value(v.records, i);
  return {m.begin(), m.end()};
}

void put_u16le(std::vector<std::uint8_t>& out, std::uint16_t v) {
  out.push_back(static_cast<std::uint8_t>(v));
  out.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put_u32le(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

}  // namespace

std::string_view to_string(CheckMode m) {
  return m == CheckMode::kOfficial ? "official" : "strict";
}

std::optional<CheckMode> check_mode_from_string(std::string_view s) {
  if (s == "official") return CheckMode::kOfficial;
  if (s == "strict") return CheckMode::kStrict;
  return std::nullopt;
}

std::string_view to_string(Build001Error e) {
  switch (e) {
    case Build001Error::kNone:
      return "none";
    case Build001Error::kBadAppId:
      return "bad_app_id";
    case Build001Error::kBadAppKey:
      return "bad_app_key";
    case Build001Error::kBadField:
      return "bad_field";
    case Build001Error::kFieldTooLong:
      return "field_too_long";
  }
  return "unknown";
}

bool is_app_id(std::string_view s) { return s.size() == kAppIdLength && all_alnum(s); }

PrivilegeMap expand_privileges(const PrivilegeMap& requested) {
  std::map<std::uint16_t, std::uint32_t> explicit_keys;
  for (const auto& [k, v] : requested) explicit_keys[k] = v;
  std::map<std::uint16_t, std::uint32_t> out = explicit_keys;
  if (auto publish = explicit_keys.find(kPublishStream); publish != explicit_keys.end()) {
    for (std::uint16_t k : {kPublishAudioStream, kPublishVideoStream, kPublishDataStream}) {
      if (!explicit_keys.contains(k)) out[k] = publish->second;
    }
  }
  return {out.begin(), out.end()};
}

std::vector<std::uint8_t> pack_message(const Build001Input& in) {
  ByteWriter w;
  w.add_u32le(in.nonce);
  w.add_u32le(in.issued_at);
  w.add_u32le(in.expire_at);
  w.add_u16le_prefixed(in.room_id);
  w.add_u16le_prefixed(in.user_id);
  const PrivilegeMap privileges = expand_privileges(in.privileges);
  w.add_u16le(static_cast<std::uint16_t>(privileges.size()));  // build_001 checks it fits
  for (const auto& [k, v] : privileges) {
    w.add_u16le(k);
    w.add_u32le(v);
  }
  if (!w.ok()) return {};
  return w.take();
}

Build001Input rebuild_input(const Token001& t, std::string_view app_key) {
  return {.app_id = t.app_id,
          .app_key = std::string(app_key),
          .room_id = t.room_id,
          .user_id = t.user_id,
          .nonce = t.nonce,
          .issued_at = t.issued_at,
          .expire_at = t.expire_at,
          .privileges = t.privileges};
}

Build001Result build_001(const Build001Input& in) {
  if (!is_app_id(in.app_id)) return {Build001Error::kBadAppId, {}};
  if (in.app_key.empty()) return {Build001Error::kBadAppKey, {}};
  if (in.room_id.size() > 0xFFFF || in.user_id.size() > 0xFFFF) {
    return {Build001Error::kFieldTooLong, {}};
  }
  if (!is_valid_utf8(in.room_id) || !is_valid_utf8(in.user_id))
    return {Build001Error::kBadField, {}};
  // 65536 distinct u16 keys cannot be counted in a u16.
  if (expand_privileges(in.privileges).size() > 0xFFFF) return {Build001Error::kFieldTooLong, {}};

  const std::vector<std::uint8_t> message = pack_message(in);
  const Sha256Digest signature = HmacSha256::compute(as_bytes(in.app_key), message);
  ByteWriter content;
  content.add_u16le_prefixed(Bytes(message));
  content.add_u16le_prefixed(Bytes(signature));
  if (!content.ok()) return {Build001Error::kFieldTooLong, {}};

  std::string token(kVersion001);
  token += in.app_id;
  token += base64_encode(content.bytes());
  return {Build001Error::kNone, std::move(token)};
}

Parse001Result parse_001(std::string_view token, Base64Mode base64, CheckMode mode) {
  Parse001Result out;
  std::vector<std::uint8_t> buffer;
  View001 v;
  out.error = decode(token, base64, mode, buffer, v, out.lenient_base64);
  if (out.error != Malformation::kNone) return out;
  Token001& t = out.token;
  t.app_id = std::string(v.app_id);
  t.nonce = v.nonce;
  t.issued_at = v.issued_at;
  t.expire_at = v.expire_at;
  t.room_id = std::string(v.room);
  t.user_id = std::string(v.user);
  t.privileges = canonical_privileges(v);
  t.signature.assign(v.signature.begin(), v.signature.end());
  t.trailing_after_signature = v.trailing_after_signature;
  t.trailing_in_message = v.trailing_in_message;
  t.privileges_not_canonical = v.privileges_not_canonical;
  return out;
}

Verifier001::Verifier001(std::string_view app_key)
    : hmac_(as_bytes(app_key)), key_ok_(!app_key.empty()) {}

Verdict Verifier001::verify(std::string_view token, std::int64_t now, CheckMode mode,
                            const Binding001& binding, Base64Mode base64) {
  if (!key_ok_) return Verdict::of(Condition::kInvalidSecret);
  if (token.empty()) return Verdict::of(Condition::kTokenMissing);
  View001 v;
  bool lenient = false;
  if (Malformation m = decode(token, base64, mode, content_, v, lenient);
      m != Malformation::kNone) {
    return m == Malformation::kBadPrefix ? Verdict::of(Condition::kUnsupportedVersion)
                                         : Verdict::malformed(m);
  }
  Verdict verdict;
  verdict.lenient_base64 = lenient;
  const bool expired = v.expire_at > 0 && now > static_cast<std::int64_t>(v.expire_at);

  if (mode == CheckMode::kOfficial) {
    if (expired) return verdict.ending(Condition::kExpired);
    // The official Verify signs what its Parse kept, re-packed: bytes past the last
    // field vanish and the privileges come out ascending and unique.
    Bytes signed_bytes = v.message.first(v.header.size() + 2 + v.records.size());
    if (v.privileges_not_canonical) {
      records_.clear();
      for (std::uint32_t i = 0; i < v.count; ++i) {
        records_.push_back({record_key(v.records, i), i, record_value(v.records, i)});
      }
      std::sort(records_.begin(), records_.end(), [](const Record& a, const Record& b) {
        return a.key != b.key ? a.key < b.key : a.position < b.position;
      });
      repacked_.assign(v.header.begin(), v.header.end());
      const std::size_t count_at = repacked_.size();
      put_u16le(repacked_, 0);
      std::uint16_t unique = 0;
      for (std::size_t i = 0; i < records_.size(); ++i) {
        if (i + 1 < records_.size() && records_[i + 1].key == records_[i].key) continue;
        put_u16le(repacked_, records_[i].key);
        put_u32le(repacked_, records_[i].value);
        ++unique;
      }
      repacked_[count_at] = static_cast<std::uint8_t>(unique);
      repacked_[count_at + 1] = static_cast<std::uint8_t>(unique >> 8);
      signed_bytes = Bytes(repacked_);
    }
    const Sha256Digest expected = hmac_.mac(signed_bytes);
    if (!constant_time_equal(expected, v.signature))
      return verdict.ending(Condition::kBadSignature);
    return verdict;
  }

  // The token's app id is already known to be valid, so an equal binding is too:
  // only a different one is checked (a malformed binding is kInvalidAppId, a
  // well-formed other one kAppIdMismatch).
  if (binding.app_id && *binding.app_id != v.app_id) {
    return verdict.ending(is_app_id(*binding.app_id) ? Condition::kAppIdMismatch
                                                     : Condition::kInvalidAppId);
  }
  const Sha256Digest expected = hmac_.mac(v.message);
  if (!constant_time_equal(expected, v.signature)) return verdict.ending(Condition::kBadSignature);
  if (expired) return verdict.ending(Condition::kExpired);
  if (binding.room_id && *binding.room_id != v.room)
    return verdict.ending(Condition::kRoomMismatch);
  if (binding.user_id && *binding.user_id != v.user)
    return verdict.ending(Condition::kUserIdMismatch);
  for (std::uint16_t p : binding.required_privileges) {
    bool found = false;
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < v.count && !found; ++i) {
      if (record_key(v.records, i) == p) {
        found = true;
        value = record_value(v.records, i);
      }
    }
    if (!found) return verdict.ending(Condition::kPrivilegeMissing, p);
    if (value != 0 && now > static_cast<std::int64_t>(value)) {
      return verdict.ending(Condition::kPrivilegeExpired, p);
    }
  }
  return verdict;
}

}  // namespace tokcheck::volc
