// Tokens in a scenario (docs/SEMANTICS.md "Tokens"): either claims, which the
// engine judges with the rules below, or a real encoded token, which it verifies
// with the codecs through the scheme registry. Both end as an Evaluation: one
// condition from the closed set of reference/core/condition.h plus the token's
// expiry, so the vendor sessions never care which form a token came in.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "reference/core/condition.h"
#include "reference/lifecycle/fields.h"

namespace tokcheck::lifecycle {

// Which claim keys a vendor's tokens use (Agora says channel/uid, RongCloud binds
// an app key, ZEGO carries a token version and login/publish privileges).
struct ClaimNames {
  std::string_view app;     // "app_id" | "app_key"
  std::string_view room;    // "room" | "channel" | "" (no room binding)
  std::string_view user;    // "user" | "uid"
  bool version = false;     // ZEGO "version": "03" | "04"
  bool privileges = false;  // ZEGO "privileges": {"login": bool, "publish": bool}
  // Agora: the user is an int uid (a JSON number, written by Agora's rule: 0 → "")
  // or a user account (a string); the two never match (AGORA-UID-TYPE).
  bool int_uid = false;
  // Volcengine: "expire" is a u32 expire_at (0: never expires); a value the field
  // cannot hold is a scenario error naming it.
  bool u32_expire = false;
};

struct TokenSpec {
  std::string label;  // its name in "tokens", or "inline"
  // Encoded form: {"encoded": "...", "scheme": "agora-007"?}
  std::optional<std::string> encoded;
  std::string scheme;  // registry id; detected from the token when empty
  // Claims form.
  std::optional<std::int64_t> expire;  // absolute unix seconds; absent: never expires
  std::optional<std::string> app;      // app id / app key the token was issued for
  std::optional<std::string> room;
  std::optional<std::string> user;
  // Agora (ClaimNames::int_uid): whether the token was built for an int uid (true)
  // or a user account (false); absent for other vendors.
  std::optional<bool> user_is_int;
  std::string version;  // ZEGO token version; empty: the profile's
  std::int64_t secret_generation = 1;
  bool malformed = false;
  bool login_privilege = true;
  bool publish_privilege = true;
};

TokenSpec parse_token_spec(const Json& v, std::string_view path, std::string_view label,
                           const ClaimNames& names);

// What a call binds a token to, and how the vendor judges it.
struct TokenCheck {
  std::int64_t now = 0;
  std::optional<std::string> app;   // the profile's app id / key; absent: not checked
  std::optional<std::string> room;  // the call's room / channel; absent: not checked
  std::optional<std::string> user;
  // Whether the call named an int uid (true) or a user account (false); absent:
  // the type is not checked. A claims token of the other type is user_mismatch.
  std::optional<bool> user_is_int;
  std::int64_t secret_generation = 1;
  bool expired_at_expire = true;  // expired when now >= expire (else only when now > expire)
  // The codec's "expire 0 never expires" (Volcengine 001): a claims expire of 0
  // is then no expiry at all, as an encoded token's expire_at 0 is.
  bool zero_expire_never = false;
  // A token signed / encrypted under another secret: bad_signature for HMAC
  // tokens, decrypt_failed for ZEGO's AES tokens.
  Condition wrong_secret = Condition::kBadSignature;
  Condition room_mismatch = Condition::kRoomMismatch;
  Condition user_mismatch = Condition::kUserIdMismatch;
  std::string default_version;
  // Whether the SDK accepts a token of this version; empty function: any.
  std::function<bool(std::string_view)> version_supported;
  bool require_login_privilege = false;
};

struct Evaluation {
  Condition condition = Condition::kValid;
  std::optional<std::int64_t> expire;  // when it expires under the vendor's rule; absent: never
  std::string version;
  bool publish_privilege = true;
};

// Claims, judged in this order (the first failing check names the condition):
// malformed → unsupported version → secret generation (wrong_secret) → app →
// room → user → expiry → login privilege.
Evaluation evaluate_claims(const TokenSpec& token, const TokenCheck& check);

// An encoded token: the scheme's verify() gives the condition (request = the
// binding fields of the scheme's verify input; "token" and "now" are added here),
// its parse() + timeline() give the expiry (the earliest expiry fact). A version
// the SDK does not accept is reported before the codec is asked.
Evaluation evaluate_encoded(const TokenSpec& token, Json request, const TokenCheck& check);

// True when `t` is past the token's expiry under the vendor's rule.
bool is_expired(std::optional<std::int64_t> expire, std::int64_t t, bool expired_at_expire);

}  // namespace tokcheck::lifecycle
