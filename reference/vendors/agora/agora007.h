// Agora AccessToken2, version "007" (token-formats.md §2; AgoraIO/Tools
// cpp/src/AccessToken2.h). Build, parse and verify in one place.
//
//   token        = "007" + base64(zlib(string(signature) ‖ signing_info))
//   signing_info = string appId, u32 issueTs, u32 expire (relative), u32 salt,
//                  u16 count, count × service
//   service      = u16 type, map<u16,u32> privileges (relative), type-specific fields
//   k1 = HMAC(LE32(issueTs), appCertificate); k2 = HMAC(LE32(salt), k1)
//   signature = HMAC(k2, signing_info)
//
// Decisions (docs/SEMANTICS.md "Agora 007"): expiry = issueTs + expire and
// now >= expiry is expired (inferred, RFC 7519); a privilege value v != 0 expires
// at issueTs + v and v == 0 means "no separate limit" (inferred: RtcTokenBuilder2's
// privilege_expire defaults to 0); an unknown service type stops parsing and the
// services before it are kept, as every Agora parser does (token-formats.md §2).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/base64.h"
#include "reference/core/verdict.h"
#include "reference/core/zlib_codec.h"
#include "reference/vendors/agora/agora006.h"
#include "reference/vendors/agora/agora_common.h"

namespace tokcheck::agora {

inline constexpr std::string_view kVersion007 = "007";

enum ServiceType : std::uint16_t {
  kServiceRtc = 1,
  kServiceRtm = 2,
  kServiceStreaming = 3,
  kServiceFpa = 4,
  kServiceChat = 5,
  kServiceFcdn = 6,
  kServiceApaas = 7,
  kServiceRtm2 = 8,
  kServiceConvoAi = 9,  // npm agora-token 2.0.6 only
  kServiceStt = 10,     // npm agora-token 2.0.6 only
};
bool is_known_service(std::uint16_t type);
std::string_view service_name(std::uint16_t type);  // "rtc", "rtm", ...; "" if unknown

struct Rtm2Permission {
  std::uint16_t type = 0;  // 0 read, 1 write
  std::vector<std::string> names;
};
struct Rtm2Resource {
  std::uint16_t type =
      0;  // 0 messageChannels, 1 streamChannels, 2 groupChannels, 3 serverGroups, 4 users
  std::vector<Rtm2Permission> permissions;
};

struct Service007 {
  std::uint16_t type = 0;
  PrivilegeMap privileges;
  std::string channel_name;        // RTC, Streaming, FCDN
  std::string uid;                 // RTC
  std::string user_id;             // RTM, Chat, RTM2
  std::string account;             // Streaming, FCDN
  std::string room_uuid;           // APaaS
  std::string user_uuid;           // APaaS
  std::int16_t role = -1;          // APaaS
  std::vector<Rtm2Resource> rtm2;  // RTM2, ascending resource then permission type
};

struct Token007 {
  std::vector<std::uint8_t> signature;
  std::string app_id;
  std::uint32_t issue_ts = 0;
  std::uint32_t expire = 0;
  std::uint32_t salt = 0;
  std::uint16_t declared_services = 0;
  std::vector<Service007> services;  // the known services, in token order
  // Set when parsing stopped at a service type this implementation does not know.
  std::optional<std::uint16_t> unknown_service_type;
  // Whether the compressed bytes are what stock zlib at the default level makes
  // (true for Agora's C++/Python builders; false for Go, Dart, C#, Rust, often Node).
  bool zlib_canonical = false;
};

struct Build007Input {
  std::string app_id;
  std::string app_certificate;
  std::uint32_t issue_ts = 0;
  std::uint32_t expire = 0;
  std::uint32_t salt = 0;
  std::vector<Service007> services;  // packed stably sorted by type
};

enum class Build007Error {
  kNone,
  kBadAppId,
  kBadCertificate,
  kNoServices,
  kUnknownService,
  kFieldTooLong
};
std::string_view to_string(Build007Error e);

struct Build007Result {
  Build007Error error = Build007Error::kNone;
  std::string token;
};
Build007Result build_007(const Build007Input& in);
// The generator inputs that sign `t`'s content again under `app_certificate`: its
// app id, issue time, expiry, salt and known services.
Build007Input rebuild_input(const Token007& t, std::string_view app_certificate);

// The signing key chain, exposed for vectors and the benchmark of raw crypto cost.
Sha256Digest signing_key_007(std::string_view app_certificate, std::uint32_t issue_ts,
                             std::uint32_t salt);

struct Parse007Result {
  Malformation error = Malformation::kNone;
  bool lenient_base64 = false;
  Token007 token;
};
Parse007Result parse_007(std::string_view token, Base64Mode mode = Base64Mode::kStrict);
// Parses an inflated payload (string(signature) ‖ signing_info) on its own, the
// layer below base64 and zlib; zlib_canonical stays false. For the fuzz targets.
Parse007Result parse_007_payload(Bytes payload);

struct Binding007 {
  std::optional<std::string_view> app_id;
  // Which service to check; when absent it is RTC if channel_name/uid/account is
  // bound, RTM if only user_id is bound, and no service is checked otherwise.
  std::optional<std::uint16_t> service_type;
  std::optional<std::string_view> channel_name;
  std::optional<std::string_view> uid;  // rendered by Agora's uid rule
  std::optional<std::string_view> user_id;
  std::optional<std::string_view> account;  // Streaming / FCDN
  std::span<const std::uint16_t> required_privileges;
};

// Verifies 007 tokens under one App Certificate, reusing one inflater and one
// buffer pair (no allocation in the steady state).
//
// Check order: certificate shape → decode → signature → app id → token expiry →
// service binding (type, channel, uid/account, user) → privileges.
class Verifier007 {
 public:
  explicit Verifier007(std::string_view app_certificate);
  Verdict verify(std::string_view token, std::int64_t now, const Binding007& binding,
                 Base64Mode mode = Base64Mode::kStrict);

 private:
  std::string certificate_;
  bool certificate_ok_ = false;
  Inflater inflater_;
  std::vector<std::uint8_t> compressed_;
  std::vector<std::uint8_t> plain_;
};

}  // namespace tokcheck::agora
