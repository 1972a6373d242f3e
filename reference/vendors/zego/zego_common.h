// What ZEGO token03 and token04 share (token-formats.md "ZEGO" §1.1, §1.2, §1.4, §1.6):
// the big-endian envelope around the AES ciphertext, the cipher keyed by the
// 32-character server secret, and the generators' input error codes.
//
//   token = version ("03" | "04") + base64std(body)
//   body  = i64be expire ‖ u16be ivLen ‖ iv ‖ u16be ctLen ‖ ct [‖ u8 mode]
//   CBC: ivLen 16, ct = AES-256-CBC(PKCS#7), no mode byte (token03, token04 until 2023)
//   GCM: ivLen 12, ct = AES-256-GCM ciphertext ‖ 16-byte tag, mode byte 1 (token04 only)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/aes.h"
#include "reference/core/base64.h"
#include "reference/core/byte_reader.h"
#include "reference/core/condition.h"
#include "reference/core/strict_json.h"
#include "reference/core/verdict.h"

namespace tokcheck::zego {

inline constexpr std::size_t kSecretSize = 32;
inline constexpr std::size_t kCbcIvSize = 16;
inline constexpr std::size_t kGcmNonceSize = 12;
inline constexpr std::size_t kMaxUserIdUnits = 64;  // GCM-era Node/Java (§1.4, §9)

// The trailing mode byte's values (GCM-era AesEncryptMode enum, §1.1). kCbc is
// never written: CBC tokens carry no mode byte at all.
enum class CipherMode : std::uint8_t { kCbc = 0, kGcm = 1 };
std::string_view to_string(CipherMode m);  // "cbc" | "gcm"
std::optional<CipherMode> cipher_mode_from_string(std::string_view s);

// Generator refusals. 1..6 are ZEGO's own ErrorCode values (§1.4 and §1.6, e.g.
// ZegoServerAssistantDefines.h; Node zegoServerAssistant.ts); the negative ones are
// tokcheck's for inputs ZEGO's generators never take from a caller (they draw the
// IV themselves) or cannot encode.
enum class BuildError : int {
  kNone = 0,
  kAppIdInvalid = 1,
  kRoomIdInvalid = 2,  // token03 only
  kUserIdInvalid = 3,
  kPrivilegeInvalid = 4,  // token03 only
  kSecretInvalid = 5,
  kEffectiveTimeInvalid = 6,
  kIvInvalid = -1,         // IV/nonce not 16 (CBC) / 12 (GCM) bytes
  kExpireOutOfRange = -2,  // ctime + effective time overflows int64
  kNotUtf8 = -3,           // a string input is not UTF-8 (JSON cannot carry it)
  kTooLong = -4,           // ciphertext would not fit the u16 length field
};
bool is_zego_code(BuildError e);           // 1..6
std::string_view code_name(BuildError e);  // "app_id_invalid", ..., "iv_invalid"
std::string_view message(BuildError e);    // ZEGO's message text for 1..6

// The envelope as views into the decoded body.
struct EnvelopeView {
  std::int64_t expire = 0;
  Bytes iv;
  Bytes ciphertext;  // GCM: ciphertext ‖ tag
  CipherMode mode = CipherMode::kCbc;
};

// Strips `version`, base64-decodes the rest into `body` (capacity reused).
// kEmpty, kBadPrefix, kBadBase64 or kNonCanonicalBase64.
Malformation decode_body(std::string_view token, std::string_view version, Base64Mode mode,
                         std::vector<std::uint8_t>& body, bool& lenient_used);

// Reads the envelope. After the ciphertext: nothing left = CBC; exactly one byte 1
// = GCM (only when `gcm_allowed`); one other byte = kBadMode; more = kTrailingBytes
// (token03 never has a mode byte, so any byte there is trailing). Then the IV must
// be 16 (CBC) / 12 (GCM) bytes and the ciphertext whole blocks (CBC) / at least a
// tag (GCM), else kBadField: those tokens cannot have come from any generator.
Malformation read_envelope(Bytes body, bool gcm_allowed, EnvelopeView& out);

// The body bytes for an envelope (mode byte only for GCM).
std::vector<std::uint8_t> write_envelope(std::int64_t expire, Bytes iv, Bytes ciphertext,
                                         CipherMode mode);

// AES-256 under the server secret's 32 ASCII bytes (no KDF, no hex decoding, §1.2),
// with both modes keyed once.
class ZegoCipher {
 public:
  explicit ZegoCipher(std::string_view secret);
  bool ok() const { return ok_; }  // the secret is exactly 32 bytes
  AesStatus seal(CipherMode mode, Bytes iv, Bytes plaintext, std::vector<std::uint8_t>& out);
  AesStatus open(const EnvelopeView& env, std::vector<std::uint8_t>& plaintext);

 private:
  Aes256Cbc cbc_;
  Aes256Gcm gcm_;
  bool ok_ = false;
};

// How far a token got on its way from text to claims, and why it stopped.
struct Stage {
  Condition condition = Condition::kValid;
  Malformation error = Malformation::kNone;
};

// What an empty token is: a verifier's kTokenMissing (nothing was presented), or,
// for a parse, a malformed token (kEmpty).
enum class EmptyToken : std::uint8_t { kMissing, kMalformed };

// A token's way from text to plaintext for one secret and one token version, with
// what it reuses: the cipher keyed once, and the body, plaintext and JSON reader.
// A verifier holds one, so their capacity carries from token to token (no
// allocation once warm); a parse makes one for its token.
class TokenOpener {
 public:
  TokenOpener(std::string_view secret, std::string_view version, bool gcm_allowed,
              EmptyToken empty);
  // kInvalidSecret unless the secret is 32 bytes; kTokenMissing for "" when empty
  // tokens are missing ones; then strip the version and base64-decode, read the
  // envelope (envelope()) and decrypt into plaintext().
  Stage open(std::string_view token, Base64Mode mode);
  // The verdict a verifier starts its own checks from: `s` and the base64 flag.
  Verdict verdict(const Stage& s) const {
    return Verdict{Condition::kValid, Malformation::kNone, lenient_, 0}.ending(s.condition, 0,
                                                                               s.error);
  }
  // Copies how far a parse got into a parse result's condition, error, lenient_base64.
  template <class ParseResult>
  void record(const Stage& s, ParseResult& out) const {
    out.condition = s.condition;
    out.error = s.error;
    out.lenient_base64 = lenient_;
  }
  const EnvelopeView& envelope() const { return env_; }
  std::string_view plaintext() const { return as_chars(plain_); }
  StrictJsonReader& json() { return json_; }

 private:
  ZegoCipher cipher_;
  std::string_view version_;
  bool gcm_allowed_;
  EmptyToken empty_;
  bool lenient_ = false;  // the last token decoded only under lenient base64 rules
  std::vector<std::uint8_t> body_, plain_;
  StrictJsonReader json_;
  EnvelopeView env_;
};

// The claims' app_id: ZEGO's generators write a u32 (§1.3).
inline constexpr std::int64_t kMaxAppId = 0xFFFFFFFFll;

// The effective time that turns `created` into `expire` (rebuild_input()): 0, which
// the generators refuse, when the difference does not fit int64.
inline std::int64_t effective_time(std::int64_t created, std::int64_t expire) {
  std::int64_t out = 0;
  return __builtin_sub_overflow(expire, created, &out) ? 0 : out;
}

// What build_03 and build_04 answer: the token, or the generator's error code.
struct BuildResult {
  BuildError error = BuildError::kNone;
  std::string token;  // empty on error
};

// The builders' shared tail: AES-seal `claims` under `secret` with `iv` in `mode`,
// then the token version ‖ base64(envelope). kTooLong when the ciphertext does not
// fit the envelope's u16 length. The caller has checked the key and IV sizes.
BuildResult seal_token(std::string_view version, std::string_view secret, CipherMode mode, Bytes iv,
                       std::string_view claims, std::int64_t expire);

// The app id and user id bindings, in the order both verifiers check them (§4:
// before the expiry): a bound app id that is not a valid one (0, or outside u32)
// is kInvalidAppId, another token's kAppIdMismatch; then the user id. kValid when
// the token agrees with every binding given.
inline Condition check_app_and_user(const std::optional<std::int64_t>& bound_app_id,
                                    const std::optional<std::string_view>& bound_user_id,
                                    std::int64_t app_id, std::string_view user_id) {
  if (bound_app_id) {
    if (*bound_app_id <= 0 || *bound_app_id > kMaxAppId) return Condition::kInvalidAppId;
    if (*bound_app_id != app_id) return Condition::kAppIdMismatch;
  }
  if (bound_user_id && *bound_user_id != user_id) return Condition::kUserIdMismatch;
  return Condition::kValid;
}

// User ids: non-empty, UTF-8, at most 64 UTF-16 code units (what JS/Java `length`
// counts, §1.4).
bool user_id_valid(std::string_view user_id);

// ZEGO's privilege keys and values (§1.3: PrivilegeKeyLogin=1, PrivilegeKeyPublish=2,
// PrivilegeEnable=1, PrivilegeDisable=0).
inline constexpr std::uint32_t kPrivilegeLogin = 1;
inline constexpr std::uint32_t kPrivilegePublish = 2;

// A privilege object {"1": 0|1, "2": 0|1, ...} as read from a token: -1 when the
// key is absent. Other keys are allowed (Go/C++ generators take any int map) but
// every value must be the integer 0 or 1 (inferred: no other value is defined).
struct PrivilegeFlags {
  int login = -1;
  int publish = -1;
  friend bool operator==(const PrivilegeFlags&, const PrivilegeFlags&) = default;
  int value(std::uint32_t privilege) const {
    return privilege == kPrivilegeLogin ? login : privilege == kPrivilegePublish ? publish : -1;
  }
};
// Reads the privilege object at the reader's cursor; false if it is not an object
// of 0/1 integers.
bool read_privilege_object(StrictJsonReader& r, PrivilegeFlags& out);
// The claims member `m` as a privilege object (read_members()'s destination type).
inline bool read_member(StrictJsonReader& r, const StrictJsonReader::Member& m,
                        PrivilegeFlags& out) {
  r.seek(m);  // a nested object: read with the pull methods
  return read_privilege_object(r, out);
}

// The 36-character alphabet ZEGO's generators draw text IVs from (§1.2); used to
// tell people whether an IV looks generator-made.
bool is_alphabet_iv(Bytes iv);

}  // namespace tokcheck::zego
