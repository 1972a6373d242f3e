// Agora RTC token error codes per platform, from seed 001_d4a146d8499d6d2a.txt
// ("如何处理 Token 相关错误码？", docs.agora.io/cn/faq/token_error): the code table
// "各语言 Token 错误码对照表" gives the Java/C++/C# ("native"), Objective-C and
// JavaScript ("web") names; the 110 section lists its causes (certificate on but no
// token, token without certificate, App ID / uid / channel differing from the ones
// the token was built with). Rows marked kInferred attach a documented code to a
// cause the seed does not name (a wrong certificate is "token invalid").
#include <array>

#include "reference/codes/codes.h"

namespace tokcheck::codes {
namespace {

constexpr std::string_view kSeed = "seed 001_d4a146d8499d6d2a.txt";
constexpr std::string_view kSeedWeb2 =
    "seed 001_d4a146d8499d6d2a.txt (code 2 appears only there; not found in Agora's API "
    "references, token-formats.md §7)";

#define TOKCHECK_AGORA_INVALID(cond, basis)                                                 \
  CodeRow{cond, {"native", "110", "ERR_INVALID_TOKEN", basis, kSeed}},                      \
      CodeRow{cond, {"objc", "110", "AgoraErrorCodeInvalidToken", basis, kSeed}}, CodeRow { \
    cond, { "web", "110", "ERR_NO_AUTHORIZED", basis, kSeed }                               \
  }

using enum Condition;
using enum Basis;

constexpr auto kRows = std::to_array<CodeRow>({
    TOKCHECK_AGORA_INVALID(kMalformed, kInferred),
    TOKCHECK_AGORA_INVALID(kUnsupportedVersion, kInferred),
    TOKCHECK_AGORA_INVALID(kInvalidSecret, kInferred),
    TOKCHECK_AGORA_INVALID(kBadSignature, kInferred),
    TOKCHECK_AGORA_INVALID(kAppIdMismatch, kDocumented),
    TOKCHECK_AGORA_INVALID(kChannelMismatch, kDocumented),
    TOKCHECK_AGORA_INVALID(kUidMismatch, kDocumented),
    TOKCHECK_AGORA_INVALID(kUserIdMismatch, kInferred),
    TOKCHECK_AGORA_INVALID(kServiceMissing, kInferred),
    TOKCHECK_AGORA_INVALID(kPrivilegeMissing, kInferred),

    // Certificate enabled, no token: 110 natively, 120 on Web.
    {kTokenMissing, {"native", "110", "ERR_INVALID_TOKEN", kDocumented, kSeed}},
    {kTokenMissing, {"objc", "110", "AgoraErrorCodeInvalidToken", kDocumented, kSeed}},
    {kTokenMissing, {"web", "120", "ERR_DYNAMIC_USE_STATIC_KEY", kDocumented, kSeed}},
    // No certificate, token given: 110 natively, 119 on Web.
    {kTokenUnexpected, {"native", "110", "ERR_INVALID_TOKEN", kDocumented, kSeed}},
    {kTokenUnexpected, {"objc", "110", "AgoraErrorCodeInvalidToken", kDocumented, kSeed}},
    {kTokenUnexpected, {"web", "119", "ERR_STATIC_USE_DYNAMIC_KEY", kDocumented, kSeed}},

    {kInvalidAppId, {"native", "101", "ERR_INVALID_APP_ID", kDocumented, kSeed}},
    {kInvalidAppId, {"objc", "101", "AgoraErrorCodeInvalidAppId", kDocumented, kSeed}},
    {kInvalidAppId, {"web", "101", "ERR_INVALID_VENDOR_KEY", kDocumented, kSeed}},

    {kExpired, {"native", "109", "ERR_TOKEN_EXPIRED", kDocumented, kSeed}},
    {kExpired, {"objc", "109", "AgoraErrorCodeTokenExpired", kDocumented, kSeed}},
    {kExpired, {"web", "109", "ERR_DYNAMIC_KEY_TIMEOUT", kDocumented, kSeed}},
    {kExpired, {"web", "118", "ERR_DYNAMIC_KEY_EXPIRED", kDocumented, kSeed}},
    {kExpired, {"web", "2", "K_TIMESTAMP_EXPIRED", kUnverified, kSeedWeb2}},

    // A privilege past its own expiry is reported like an expired token (inferred:
    // the seed's 109 covers "Token 过期" without separating privileges).
    {kPrivilegeExpired, {"native", "109", "ERR_TOKEN_EXPIRED", kInferred, kSeed}},
    {kPrivilegeExpired, {"objc", "109", "AgoraErrorCodeTokenExpired", kInferred, kSeed}},
    {kPrivilegeExpired, {"web", "109", "ERR_DYNAMIC_KEY_TIMEOUT", kInferred, kSeed}},
});

#undef TOKCHECK_AGORA_INVALID

}  // namespace

std::span<const CodeRow> agora_rows() { return kRows; }

}  // namespace tokcheck::codes
