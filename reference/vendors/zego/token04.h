// ZEGO token04 (token-formats.md "ZEGO" §1.1–§1.5, §3, §9; docs/formats/zego.md).
// Build, parse and verify in one place.
//
//   token = "04" + base64std(i64be expire ‖ u16be ivLen ‖ iv ‖ u16be ctLen ‖ ct [‖ 0x01])
//   ct    = AES-256-CBC(secret, 16-byte iv, PKCS#7(claims))        (CBC era, no mode byte)
//         | AES-256-GCM(secret, 12-byte nonce, claims) ‖ tag16      (GCM era, mode byte 1)
//   claims = {"app_id":u32,"user_id":str,"nonce":int,"ctime":int,"expire":int,"payload":str}
//            compact, in this key order (ZEGO's Node/C++/Python generators)
//   payload = "" (basic token) or a JSON string such as
//            {"room_id":"r","privilege":{"1":1,"2":0},"stream_id_list":null}
//
// Verify check order (docs/formats/zego.md "Check order"): secret shape → token
// present → version → base64 → envelope → decrypt → strict JSON → claims shape →
// header expire == JSON expire → payload format → app_id → user_id → expiry
// (now >= expire is expired) → room → privileges → stream.
#pragma once

#include <span>

// The envelope, cipher, opener, build errors and the core types they use.
#include "reference/vendors/zego/zego_common.h"

namespace tokcheck::zego {

inline constexpr std::string_view kVersion04 = "04";

struct Build04Input {
  std::int64_t app_id = 0;                     // must be 1..2^32-1 (code 1)
  std::string user_id;                         // 1..64 UTF-16 units (code 3)
  std::string secret;                          // 32 bytes (code 5)
  std::int64_t effective_time_in_seconds = 0;  // > 0 (code 6)
  std::string payload;                         // "" or the privilege JSON, embedded as a string
  std::int64_t ctime = 0;                      // injected creation time (unix seconds)
  std::int64_t nonce = 0;                      // injected nonce
  std::vector<std::uint8_t> iv;                // 16 bytes (CBC) or 12 bytes (GCM)
  CipherMode mode = CipherMode::kGcm;
};

using Build04Result = BuildResult;
// Generator checks in the order of ZEGO's Node generator: app id, user id,
// secret, effective time; then tokcheck's own (iv, overflow, UTF-8, size).
Build04Result build_04(const Build04Input& in);

// The claims plaintext exactly as ZEGO's Node generator writes it (JSON.stringify).
std::string claims04_json(std::uint32_t app_id, std::string_view user_id, std::int64_t nonce,
                          std::int64_t ctime, std::int64_t expire, std::string_view payload);

struct Token04 {
  CipherMode mode = CipherMode::kCbc;
  std::vector<std::uint8_t> iv;
  std::uint32_t app_id = 0;
  std::string user_id;
  std::int64_t nonce = 0;
  std::int64_t ctime = 0;
  std::int64_t expire = 0;  // equal in the header and the JSON
  std::string payload;
  friend bool operator==(const Token04&, const Token04&) = default;
};

// The generator inputs that give `t` back under `secret`: its mode, IV, nonce,
// times and payload (the effective time is expire - ctime, 0 when that
// overflows, which build_04 refuses: no generator input makes such a token).
Build04Input rebuild_input(const Token04& t, std::string_view secret);

enum class PayloadKind : std::uint8_t {
  kEmpty,      // "": a basic token
  kPrivilege,  // a JSON object (room_id / privilege / stream_id_list as ZEGO defines them)
  kInvalid,    // not JSON, not an object, or a known member of the wrong type
};
std::string_view to_string(PayloadKind k);
PayloadKind classify_payload(std::string_view payload);

struct Parse04Result {
  // kValid, kUnsupportedVersion, kMalformed, kInvalidSecret, kDecryptFailed,
  // kPayloadInvalid or kExpireMismatch.
  Condition condition = Condition::kValid;
  Malformation error = Malformation::kNone;
  bool lenient_base64 = false;
  Token04 token;  // filled when condition == kValid
  PayloadKind payload_kind = PayloadKind::kEmpty;
  friend bool operator==(const Parse04Result&, const Parse04Result&) = default;
};
// Decrypts with the 32-byte server secret. The payload's own format is reported in
// payload_kind, not as a parse failure (verify turns kInvalid into kPayloadInvalid).
Parse04Result parse_04(std::string_view token, std::string_view secret,
                       Base64Mode mode = Base64Mode::kStrict);

struct Binding04 {
  std::optional<std::int64_t> app_id;  // 0 or outside u32 → kInvalidAppId
  std::optional<std::string_view> user_id;
  std::optional<std::string_view> room_id;
  // Privileges the request needs (1 login, 2 publish); each must be 1 in the
  // payload's privilege object. A basic token (payload "") grants none.
  std::span<const std::uint32_t> required_privileges;
  // The stream being published; checked against stream_id_list when that is an array.
  std::optional<std::string_view> stream_id;
};

// Verifies token04 tokens under one server secret, reusing the cipher contexts,
// the JSON reader and all buffers (no allocation in the steady state).
class Verifier04 {
 public:
  explicit Verifier04(std::string_view secret)
      : opener_(secret, kVersion04, /*gcm_allowed=*/true, EmptyToken::kMissing) {}
  Verdict verify(std::string_view token, std::int64_t now, const Binding04& binding,
                 Base64Mode mode = Base64Mode::kStrict);
  // The cipher mode of the last token that got as far as decryption.
  CipherMode last_mode() const { return last_mode_; }

 private:
  TokenOpener opener_;
  Token04 claims_;  // the last token's claims (mode, iv unused), strings' capacity reused
  std::string room_, scratch_;
  CipherMode last_mode_ = CipherMode::kCbc;
};

}  // namespace tokcheck::zego
