#include "reference/vendors/zego/zego_common.h"

#include <utility>

#include "reference/core/byte_writer.h"
#include "reference/core/strict_json.h"
#include "reference/vendors/zego/json_text.h"

namespace tokcheck::zego {

std::string_view to_string(CipherMode m) { return m == CipherMode::kGcm ? "gcm" : "cbc"; }

std::optional<CipherMode> cipher_mode_from_string(std::string_view s) {
  if (s == "cbc") return CipherMode::kCbc;
  if (s == "gcm") return CipherMode::kGcm;
  return std::nullopt;
}

bool is_zego_code(BuildError e) {
  const int v = static_cast<int>(e);
  return v >= 1 && v <= 6;
}

std::string_view code_name(BuildError e) {
  switch (e) {
    case BuildError::kNone:
      return "success";
    case BuildError::kAppIdInvalid:
      return "app_id_invalid";
    case BuildError::kRoomIdInvalid:
      return "room_id_invalid";
    case BuildError::kUserIdInvalid:
      return "user_id_invalid";
    case BuildError::kPrivilegeInvalid:
      return "privilege_invalid";
    case BuildError::kSecretInvalid:
      return "secret_invalid";
    case BuildError::kEffectiveTimeInvalid:
      return "effective_time_in_seconds_invalid";
    case BuildError::kIvInvalid:
      return "iv_invalid";
    case BuildError::kExpireOutOfRange:
      return "expire_out_of_range";
    case BuildError::kNotUtf8:
      return "not_utf8";
    case BuildError::kTooLong:
      return "too_long";
  }
  return "unknown";
}

std::string_view message(BuildError e) {
  // 1..6: the messages of ZEGO's Node generator (token03 zegoServerAssistant.ts;
  // token04 GCM-era zegoServerAssistant.ts), token-formats.md ZEGO §1.4 / §1.6.
  switch (e) {
    case BuildError::kNone:
      return "success";
    case BuildError::kAppIdInvalid:
      return "appID invalid";
    case BuildError::kRoomIdInvalid:
      return "roomID invalid";
    case BuildError::kUserIdInvalid:
      return "userID invalid";
    case BuildError::kPrivilegeInvalid:
      return "privilege key must include 1 and 2; the value must be number";
    case BuildError::kSecretInvalid:
      return "secret must be a 32 byte string";
    case BuildError::kEffectiveTimeInvalid:
      return "effectiveTimeInSeconds invalid";
    case BuildError::kIvInvalid:
      return "iv must be 16 bytes for cbc and 12 bytes for gcm (tokcheck, not a ZEGO code)";
    case BuildError::kExpireOutOfRange:
      return "ctime + effective_time_in_seconds overflows int64 (tokcheck, not a ZEGO code)";
    case BuildError::kNotUtf8:
      return "string inputs must be UTF-8 (tokcheck, not a ZEGO code)";
    case BuildError::kTooLong:
      return "the ciphertext would exceed the u16 length field (tokcheck, not a ZEGO code)";
  }
  return "unknown";
}

Malformation decode_body(std::string_view token, std::string_view version, Base64Mode mode,
                         std::vector<std::uint8_t>& body, bool& lenient_used) {
  lenient_used = false;
  body.clear();
  if (token.empty()) return Malformation::kEmpty;
  if (!token.starts_with(version)) return Malformation::kBadPrefix;
  const Base64Decoded r = base64_decode(token.substr(version.size()), mode, body);
  lenient_used = r.lenient_used;
  return r.error;
}

Malformation read_envelope(Bytes body, bool gcm_allowed, EnvelopeView& out) {
  ByteReader r(body);
  std::uint64_t expire = 0;
  if (!r.read_u64be(expire)) return Malformation::kTruncated;
  out.expire = static_cast<std::int64_t>(expire);  // two's complement, as every generator writes it
  ByteReader iv, ct;
  if (!r.read_u16be_prefixed(iv) || !r.read_u16be_prefixed(ct)) return r.error();
  out.iv = iv.rest();
  out.ciphertext = ct.rest();
  if (r.empty()) {
    out.mode = CipherMode::kCbc;
  } else if (r.remaining() == 1 && gcm_allowed) {
    std::uint8_t mode = 0;
    (void)r.read_u8(mode);
    if (mode != static_cast<std::uint8_t>(CipherMode::kGcm)) return Malformation::kBadMode;
    out.mode = CipherMode::kGcm;
  } else {
    return Malformation::kTrailingBytes;
  }
  if (out.mode == CipherMode::kCbc) {
    if (out.iv.size() != kCbcIvSize) return Malformation::kBadField;
    if (out.ciphertext.empty() || out.ciphertext.size() % kAesBlockSize != 0) {
      return Malformation::kBadField;
    }
  } else {
    if (out.iv.size() != kGcmNonceSize) return Malformation::kBadField;
    if (out.ciphertext.size() < Aes256Gcm::kTagSize) return Malformation::kBadField;
  }
  return Malformation::kNone;
}

std::vector<std::uint8_t> write_envelope(std::int64_t expire, Bytes iv, Bytes ciphertext,
                                         CipherMode mode) {
  ByteWriter w;
  w.add_u64be(static_cast<std::uint64_t>(expire));
  w.add_u16be_prefixed(iv);
  w.add_u16be_prefixed(ciphertext);
  if (mode == CipherMode::kGcm) w.add_u8(static_cast<std::uint8_t>(CipherMode::kGcm));
  if (!w.ok()) return {};
  return w.take();
}

ZegoCipher::ZegoCipher(std::string_view secret) {
  ok_ = secret.size() == kSecretSize && cbc_.set_key(as_bytes(secret)) == AesStatus::kOk &&
        gcm_.set_key(as_bytes(secret)) == AesStatus::kOk;
}

AesStatus ZegoCipher::seal(CipherMode mode, Bytes iv, Bytes plaintext,
                           std::vector<std::uint8_t>& out) {
  return mode == CipherMode::kGcm ? gcm_.seal(iv, plaintext, out)
                                  : cbc_.encrypt(iv, plaintext, out);
}

AesStatus ZegoCipher::open(const EnvelopeView& env, std::vector<std::uint8_t>& plaintext) {
  return env.mode == CipherMode::kGcm ? gcm_.open(env.iv, env.ciphertext, plaintext)
                                      : cbc_.decrypt(env.iv, env.ciphertext, plaintext);
}

bool user_id_valid(std::string_view user_id) {
  const long units = utf16_length(user_id);
  return units > 0 && units <= static_cast<long>(kMaxUserIdUnits);
}

bool read_privilege_object(StrictJsonReader& r, PrivilegeFlags& out) {
  out = PrivilegeFlags{};
  // begin_object / read_int refuse a value of another type.
  if (!r.begin_object()) return false;
  std::string_view key;
  while (r.next_key(key)) {
    std::int64_t v = 0;
    if (!r.read_int(v) || (v != 0 && v != 1)) return false;
    if (key_is(key, "1")) out.login = static_cast<int>(v);
    if (key_is(key, "2")) out.publish = static_cast<int>(v);
  }
  return true;
}

bool is_alphabet_iv(Bytes iv) {
  for (std::uint8_t b : iv) {
    if (!((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z'))) return false;
  }
  return true;
}

TokenOpener::TokenOpener(std::string_view secret, std::string_view version, bool gcm_allowed,
                         EmptyToken empty)
    : cipher_(secret), version_(version), gcm_allowed_(gcm_allowed), empty_(empty) {}

Stage TokenOpener::open(std::string_view token, Base64Mode mode) {
  lenient_ = false;
  if (!cipher_.ok()) return {Condition::kInvalidSecret, {}};
  if (token.empty() && empty_ == EmptyToken::kMissing) return {Condition::kTokenMissing, {}};
  if (Malformation m = decode_body(token, version_, mode, body_, lenient_);
      m != Malformation::kNone) {
    return {m == Malformation::kBadPrefix ? Condition::kUnsupportedVersion : Condition::kMalformed,
            m};
  }
  if (Malformation m = read_envelope(body_, gcm_allowed_, env_); m != Malformation::kNone) {
    return {Condition::kMalformed, m};
  }
  if (cipher_.open(env_, plain_) != AesStatus::kOk) return {Condition::kDecryptFailed, {}};
  return {};
}

BuildResult seal_token(std::string_view version, std::string_view secret, CipherMode mode, Bytes iv,
                       std::string_view claims, std::int64_t expire) {
  ZegoCipher cipher(secret);
  std::vector<std::uint8_t> ct;
  if (cipher.seal(mode, iv, as_bytes(claims), ct) != AesStatus::kOk) {
    return {BuildError::kSecretInvalid, {}};  // unreachable: the caller checked key and IV
  }
  if (ct.size() > 0xFFFF) return {BuildError::kTooLong, {}};
  std::string token(version);
  token += base64_encode(write_envelope(expire, iv, ct, mode));
  return {BuildError::kNone, std::move(token)};
}

}  // namespace tokcheck::zego
