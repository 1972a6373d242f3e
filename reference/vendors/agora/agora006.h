// Agora AccessToken, version "006" (token-formats.md §1; AgoraIO/Tools
// cpp/src/AccessToken.h). Build, parse and verify in one place.
//
//   token   = "006" + appId (32 chars) + base64(content)
//   content = string(signature) u32 crc32(channel) u32 crc32(uid) string(message)
//   message = u32 salt, u32 ts, map<u16 privilege, u32 expireTs>
//   signature = HMAC-SHA256(key = appCertificate, appId ‖ channel ‖ uid ‖ message)
//
// Expiry rules (docs/SEMANTICS.md "Agora 006"): `ts` is the token's absolute expiry
// and a privilege value is an absolute expiry; now >= expiry is expired (inferred,
// RFC 7519 "exp"); privilege value 0 means "no separate limit" (inferred: builders
// default privileges to 0 and such tokens are in use).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/base64.h"
#include "reference/core/hmac_sha256.h"
#include "reference/core/verdict.h"
#include "reference/vendors/agora/agora_common.h"

namespace tokcheck::agora {

inline constexpr std::string_view kVersion006 = "006";

enum Privilege006 : std::uint16_t {
  kJoinChannel = 1,
  kPublishAudioStream = 2,
  kPublishVideoStream = 3,
  kPublishDataStream = 4,
  kAdministrateChannel = 101,
  kRtmLogin = 1000,
};

struct Token006 {
  std::string app_id;
  std::vector<std::uint8_t> signature;
  std::uint32_t crc_channel = 0;
  std::uint32_t crc_uid = 0;
  std::uint32_t salt = 0;
  std::uint32_t ts = 0;
  PrivilegeMap privileges;
};

struct Build006Input {
  std::string app_id;
  std::string app_certificate;
  std::string channel_name;
  std::string uid;  // already rendered: see uid_from_number()
  std::uint32_t salt = 0;
  std::uint32_t ts = 0;
  PrivilegeMap privileges;
};

enum class BuildError { kNone, kBadAppId, kBadCertificate, kFieldTooLong };
std::string_view to_string(BuildError e);

struct Build006Result {
  BuildError error = BuildError::kNone;
  std::string token;
};

// Refuses an appId or certificate that is not exactly 32 hex characters, as
// Agora's C++ builder does.
Build006Result build_006(const Build006Input& in);
// The generator inputs that sign `t`'s content again under `app_certificate`: its
// app id, salt, ts and privileges. The channel and uid stay empty: a 006 token
// carries only their CRCs, so the caller supplies them.
Build006Input rebuild_input(const Token006& t, std::string_view app_certificate);

struct Parse006Result {
  Malformation error = Malformation::kNone;
  bool lenient_base64 = false;
  Token006 token;
};
Parse006Result parse_006(std::string_view token, Base64Mode mode = Base64Mode::kStrict);
// Parses base64-decoded content (signature, CRCs, message) on its own, the layer
// below the text encoding; app_id stays empty. For the fuzz targets and tools.
Parse006Result parse_006_content(Bytes content);

struct Binding006 {
  std::optional<std::string_view> app_id;
  std::string_view channel_name;  // required: the token carries only its CRC32
  std::string_view uid;           // required, rendered by Agora's uid rule
  std::span<const std::uint16_t> required_privileges;
};

// Verifies 006 tokens under one App Certificate. The HMAC key schedule is computed
// once here; verify() reuses it and a scratch buffer, so it does not allocate once
// the buffer has grown to the largest token seen.
//
// Check order: certificate shape → decode → app id → channel CRC → uid CRC →
// signature → token expiry → required privileges (present, then unexpired).
class Verifier006 {
 public:
  explicit Verifier006(std::string_view app_certificate);
  Verdict verify(std::string_view token, std::int64_t now, const Binding006& binding,
                 Base64Mode mode = Base64Mode::kStrict);

 private:
  HmacSha256 hmac_;
  bool certificate_ok_ = false;
  std::vector<std::uint8_t> scratch_;  // the decoded token
};

}  // namespace tokcheck::agora
