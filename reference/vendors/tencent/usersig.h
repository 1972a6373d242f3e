// Tencent TRTC / IM UserSig, TLSSigAPIv2 (suite-anchors.md §7; docs/formats/tencent.md).
// Build, parse and verify in one place.
//
//   token   = base64 Tencent alphabet ('*' '-', pad '_') of zlib(JSON claims)
//   claims  = {"TLS.ver": "2.0", "TLS.identifier": str, "TLS.sdkappid": int,
//              "TLS.expire": int (TTL s), "TLS.time": int (issue unix s),
//              ["TLS.userbuf": base64std(userbuf),] "TLS.sig": base64std(HMAC)}
//   HMAC-SHA256(key = the key string's bytes, not hex-decoded) over
//     "TLS.identifier:" id "\n" "TLS.sdkappid:" n "\n" "TLS.time:" t "\n"
//     "TLS.expire:" e "\n" ["TLS.userbuf:" base64std(userbuf) "\n"]
//
// Expired when now > time + expire (Go VerifyUserSig; valid at equality). The SDKs
// serialize the same claims differently (JsonStyle), so parsing compares decoded
// claims and the recomputed HMAC, never token bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/base64.h"
#include "reference/core/hmac_sha256.h"
#include "reference/core/verdict.h"
#include "reference/core/zlib_codec.h"
#include "reference/vendors/tencent/usersig_json.h"

namespace tokcheck::tencent {

inline constexpr std::string_view kUserSigVersion = "2.0";

struct UserSig {
  std::string ver;
  std::string identifier;
  std::uint32_t sdkappid = 0;
  std::int64_t expire = 0;
  std::int64_t time = 0;
  std::vector<std::uint8_t> signature;  // decoded TLS.sig, any length
  std::optional<std::vector<std::uint8_t>> userbuf;
  // The SDK whose exact bytes this token is (re-encoding the claims in that style
  // reproduces the JSON and the zlib stream), if any.
  std::optional<JsonStyle> style;
};

struct UserSigBuildInput {
  std::uint32_t sdkappid = 0;
  std::string key;
  std::string identifier;
  std::int64_t expire = 0;  // TTL in seconds; may be negative (already expired)
  std::int64_t time = 0;    // injected issue time
  std::optional<std::vector<std::uint8_t>> userbuf;  // e.g. pack_userbuf(private_map_key(...))
  JsonStyle style = JsonStyle::kPython;  // the canonical build (docs/formats/tencent.md)
};

enum class UserSigBuildError : std::uint8_t {
  kNone,
  kBadKey,         // empty
  kBadIdentifier,  // empty or not UTF-8
  kBadTime,        // time < 0, or time + expire outside int64
};
std::string_view to_string(UserSigBuildError e);

struct UserSigBuildResult {
  UserSigBuildError error = UserSigBuildError::kNone;
  std::string token;
};
UserSigBuildResult build_usersig(const UserSigBuildInput& in);
// The generator inputs that sign `t` again under `key`: its app id, identifier,
// times and userbuf, in its JSON style (Python's, the canonical one, when it
// matches none).
UserSigBuildInput rebuild_input(const UserSig& t, std::string_view key);

// The HMAC over the documented signed string.
Sha256Digest usersig_hmac(std::string_view key, std::string_view identifier, std::uint64_t sdkappid,
                          std::int64_t time, std::int64_t expire,
                          const std::vector<std::uint8_t>* userbuf);

struct UserSigParseResult {
  Malformation error = Malformation::kNone;
  // kValid, kMalformed (text/base64/zlib/JSON), kUnsupportedVersion (TLS.ver not
  // "2.0" or absent), kPayloadInvalid (valid JSON but not valid claims).
  Condition condition = Condition::kValid;
  bool lenient_base64 = false;
  UserSig token;
};
UserSigParseResult parse_usersig(std::string_view token, Base64Mode mode = Base64Mode::kStrict);

struct UserSigBinding {
  std::optional<std::uint64_t> sdkappid = std::nullopt;
  std::optional<std::string_view> identifier = std::nullopt;
  enum class Userbuf : std::uint8_t {
    kUnchecked,  // the token may or may not carry a userbuf
    kAbsent,     // Go VerifyUserSig: a token with a userbuf is rejected
    kEquals,     // Go VerifyUserSigWithBuf: the token's userbuf equals `userbuf`
  } userbuf_rule = Userbuf::kUnchecked;
  std::vector<std::uint8_t> userbuf = {};
};

// Verifies UserSigs under one key: the HMAC key schedule, the inflater, the JSON
// reader and the buffers are reused, so a strict verify allocates nothing once
// they have grown to the largest token seen.
//
// Check order (Go TLSSigAPI.go verify, after decoding): key present → token present
// → decode (base64 → zlib → JSON → claims) → sdkappid → identifier → expiry →
// userbuf → HMAC.
class UserSigVerifier {
 public:
  explicit UserSigVerifier(std::string_view key);
  Verdict verify(std::string_view token, std::int64_t now, const UserSigBinding& binding = {},
                 Base64Mode mode = Base64Mode::kStrict);

 private:
  HmacSha256 hmac_;
  bool key_ok_ = false;
  Inflater inflater_;
  std::vector<std::uint8_t> compressed_;
  std::vector<std::uint8_t> json_;
  JsonObjectReader reader_;
  std::vector<std::uint8_t> signature_;
  std::vector<std::uint8_t> userbuf_;
};

}  // namespace tokcheck::tencent
