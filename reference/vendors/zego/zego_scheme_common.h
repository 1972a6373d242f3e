// What the zego-04 and zego-03 JSON adapters share: reading generator inputs the
// way ZEGO's Node generator judges them (a missing or wrongly typed app_id is
// error 1, not a usage error), the injected IV, verify bindings, and build errors.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "reference/schemes/json_fields.h"
#include "reference/schemes/request_fields.h"
#include "reference/vendors/zego/zego_common.h"

namespace tokcheck::schemes::zego_adapter {

// A build's default nonce range: "Node ceil(2147483647*rand)" → 1..2^31-1
// (../shared/notes/token-formats.md).
inline constexpr std::int64_t kNonceMax = 2147483647;

// The request fields 03 and 04 share. Build: "scheme", then the generator inputs
// "app_id", "user_id", "secret", "effective_time_in_seconds" (any JSON: ZEGO's own
// error codes judge them), then `more`. Parse: "token", "base64" and the optional
// "secret" that decrypts the claims. Verify: "secret", the bindings "app_id",
// "user_id", "room_id", "privileges", then `more`.
std::vector<FieldSpec> build_fields(std::initializer_list<FieldSpec> more);
std::vector<FieldSpec> parse_fields();
std::vector<FieldSpec> verify_fields(std::initializer_list<FieldSpec> more);

// A parse outcome carrying a codec parse result's status (condition,
// malformation, whether lenient base64 was needed); when the condition is valid,
// describe(r, out) adds the token's fields.
template <class CodecParseResult, class Describe>
ParseOutcome outcome_of(const CodecParseResult& r, Describe describe) {
  ParseOutcome out;
  out.condition = r.condition;
  out.error = r.error;
  out.lenient_base64 = r.lenient_base64;
  if (r.condition == Condition::kValid) describe(r, out);
  return out;
}

// The IV as text when it looks generator-made (alphabet characters), else null.
Json iv_text(Bytes iv);

// A generator integer input: the value when `key` holds a JSON integer that fits
// int64, nullopt when it is missing, null or anything else. The codec then refuses
// it with ZEGO's code (Node: `!appId || typeof appId !== 'number'` etc.).
std::optional<std::int64_t> generator_int(const Json& in, std::string_view key);
// A generator string input: nullopt when missing or not a string (→ the codec's code).
std::optional<std::string> generator_string(const Json& in, std::string_view key);

// The injected IV/nonce: "iv" (text, its UTF-8 bytes, as ZEGO's generators use
// 16/12 alphabet characters) or "iv_hex" (raw bytes). Exactly one is required.
std::vector<std::uint8_t> read_iv(const Json& in);

// Verify bindings shared by both schemes.
struct Bindings {
  std::optional<std::int64_t> app_id;  // any integer; the codec judges the range
  std::optional<std::string> user_id;
  std::optional<std::string> room_id;
  std::vector<std::uint32_t> privileges;  // each 1 (login) or 2 (publish)

  // A codec binding (Binding03, Binding04) holding these, as views into this.
  template <class CodecBinding>
  CodecBinding to() const {
    CodecBinding b;
    b.app_id = app_id;
    if (user_id) b.user_id = *user_id;
    if (room_id) b.room_id = *room_id;
    b.required_privileges = privileges;
    return b;
  }
};

// The verify request members both schemes read, in the order they are read.
struct VerifyRequest {
  std::string token;  // "" when absent: the codec says kTokenMissing
  std::string secret;
  std::int64_t now = 0;
  Bindings bound;
  Base64Mode base64 = Base64Mode::kStrict;
};
VerifyRequest read_verify_request(const Json& in);

// {"code": 1..6 (ZEGO's int) or "iv_invalid"..., "message": ...}
Json zego_build_error(zego::BuildError e);

// Parse without the secret: only the clear-text envelope (version, mode, IV,
// header expire, ciphertext size) can be read, and `info` says so. This is what
// `tokcheck inspect` shows a person who has a ZEGO token but not the secret.
ParseOutcome envelope_only(const Json& in, std::string_view version, bool gcm_allowed);

// What zego-03 and zego-04 answer alike: the vendor, the token version and its
// detection, the secret's field, and the parse without a secret (the clear
// envelope only). Each scheme adds its name and the codec behind parse_claims().
class ZegoScheme : public Scheme {
 public:
  std::string_view token_version() const final { return version_; }
  Vendor vendor() const final { return Vendor::kZego; }
  bool detect(std::string_view token) const final { return token.starts_with(version_); }
  std::string_view secret_field() const final { return "secret"; }
  ParseOutcome parse(const Json& in) const final;

 protected:
  ZegoScheme(std::string_view version, bool gcm_allowed)
      : version_(version), gcm_allowed_(gcm_allowed) {}
  // The parse with the secret: the format's codec and its fields.
  virtual ParseOutcome parse_claims(std::string_view token, std::string_view secret,
                                    Base64Mode mode) const = 0;

 private:
  std::string_view version_;
  bool gcm_allowed_;
};

}  // namespace tokcheck::schemes::zego_adapter
