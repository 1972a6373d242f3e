// ZEGO token03, the deprecated CBC-only predecessor of token04 (token-formats.md
// "ZEGO" §1.6; Go token03.go, Node token03 zegoServerAssistant.ts). Build, parse
// and verify in one place.
//
//   token  = "03" + base64std(i64be expire ‖ u16be 16 ‖ iv ‖ u16be ctLen ‖ ct)   (no mode byte)
//   ct     = AES-256-CBC(secret, iv, PKCS#7(claims))
//   claims = {"app_id":u32,"room_id":str,"user_id":str,"privilege":{"1":0|1,"2":0|1},
//             "create_time":int,"expire_time":int,"nonce":int}   (Node/Go key order)
//
// Verify check order: secret shape → token present → version → base64 → envelope
// → decrypt → strict JSON → claims shape → header expire == expire_time → app_id →
// user_id → expiry (now >= expire_time is expired) → room → privileges.
#pragma once

#include <span>

// The envelope, cipher, opener, build errors and the core types they use.
#include "reference/vendors/zego/zego_common.h"

namespace tokcheck::zego {

inline constexpr std::string_view kVersion03 = "03";

struct Build03Input {
  std::int64_t app_id = 0;   // 1..2^32-1 (code 1)
  std::string room_id;       // non-empty (code 2)
  std::string user_id;       // non-empty (code 3); token03 generators set no length limit
  std::string secret;        // 32 bytes (code 5)
  PrivilegeFlags privilege;  // both keys present, each 0 or 1 (code 4)
  std::int64_t create_time = 0;
  std::int64_t effective_time_in_seconds = 0;  // > 0 (code 6)
  std::int64_t nonce = 0;
  std::vector<std::uint8_t> iv;  // 16 bytes
};

using Build03Result = BuildResult;
// Checks in the Node generator's order: app id, room id, user id, secret,
// privilege, effective time; then tokcheck's own (iv, overflow, UTF-8, size).
Build03Result build_03(const Build03Input& in);

std::string claims03_json(std::uint32_t app_id, std::string_view room_id, std::string_view user_id,
                          const PrivilegeFlags& privilege, std::int64_t create_time,
                          std::int64_t expire_time, std::int64_t nonce);

struct Token03 {
  std::vector<std::uint8_t> iv;
  std::uint32_t app_id = 0;
  std::string room_id;
  std::string user_id;
  PrivilegeFlags privilege;
  std::int64_t create_time = 0;
  std::int64_t expire_time = 0;  // equal in the header and the JSON
  std::int64_t nonce = 0;
  friend bool operator==(const Token03&, const Token03&) = default;
};

// The generator inputs that give `t` back under `secret`: its IV, nonce and times
// (the effective time is expire - create, 0 when that overflows, which build_03
// refuses as ZEGO's generators would: no input of theirs makes such a token).
Build03Input rebuild_input(const Token03& t, std::string_view secret);

struct Parse03Result {
  // kValid, kUnsupportedVersion, kMalformed, kInvalidSecret, kDecryptFailed,
  // kPayloadInvalid or kExpireMismatch.
  Condition condition = Condition::kValid;
  Malformation error = Malformation::kNone;
  bool lenient_base64 = false;
  Token03 token;
  friend bool operator==(const Parse03Result&, const Parse03Result&) = default;
};
Parse03Result parse_03(std::string_view token, std::string_view secret,
                       Base64Mode mode = Base64Mode::kStrict);

struct Binding03 {
  std::optional<std::int64_t> app_id;
  std::optional<std::string_view> user_id;
  std::optional<std::string_view> room_id;
  std::span<const std::uint32_t> required_privileges;  // 1 login, 2 publish
};

class Verifier03 {
 public:
  explicit Verifier03(std::string_view secret)
      : opener_(secret, kVersion03, /*gcm_allowed=*/false, EmptyToken::kMissing) {}
  Verdict verify(std::string_view token, std::int64_t now, const Binding03& binding,
                 Base64Mode mode = Base64Mode::kStrict);

 private:
  TokenOpener opener_;
  Token03 claims_;  // the last token's claims (iv unused), strings' capacity reused
};

}  // namespace tokcheck::zego
