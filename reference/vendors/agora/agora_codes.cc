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

constexpr auto kRows = std::to_array<CodeRow>({
    TOKCHECK_AGORA_INVALID(Condition::kMalformed, Basis::kInferred),
    TOKCHECK_AGORA_INVALID(Condition::kUnsupportedVersion, Basis::kInferred),
    TOKCHECK_AGORA_INVALID(Condition::kInvalidSecret, Basis::kInferred),
    TOKCHECK_AGORA_INVALID(Condition::kBadSignature, Basis::kInferred),
    TOKCHECK_AGORA_INVALID(Condition::kAppIdMismatch, Basis::kDocumented),
    TOKCHECK_AGORA_INVALID(Condition::kChannelMismatch, Basis::kDocumented),
    TOKCHECK_AGORA_INVALID(Condition::kUidMismatch, Basis::kDocumented),
    TOKCHECK_AGORA_INVALID(Condition::kUserIdMismatch, Basis::kInferred),
    TOKCHECK_AGORA_INVALID(Condition::kServiceMissing, Basis::kInferred),
    TOKCHECK_AGORA_INVALID(Condition::kPrivilegeMissing, Basis::kInferred),

    // Certificate enabled, no token: 110 natively, 120 on Web.
    CodeRow{Condition::kTokenMissing,
            {"native", "110", "ERR_INVALID_TOKEN", Basis::kDocumented, kSeed}},
    CodeRow{Condition::kTokenMissing,
            {"objc", "110", "AgoraErrorCodeInvalidToken", Basis::kDocumented, kSeed}},
    CodeRow{Condition::kTokenMissing,
            {"web", "120", "ERR_DYNAMIC_USE_STATIC_KEY", Basis::kDocumented, kSeed}},
    // No certificate, token given: 110 natively, 119 on Web.
    CodeRow{Condition::kTokenUnexpected,
            {"native", "110", "ERR_INVALID_TOKEN", Basis::kDocumented, kSeed}},
    CodeRow{Condition::kTokenUnexpected,
            {"objc", "110", "AgoraErrorCodeInvalidToken", Basis::kDocumented, kSeed}},
    CodeRow{Condition::kTokenUnexpected,
            {"web", "119", "ERR_STATIC_USE_DYNAMIC_KEY", Basis::kDocumented, kSeed}},

    CodeRow{Condition::kInvalidAppId,
            {"native", "101", "ERR_INVALID_APP_ID", Basis::kDocumented, kSeed}},
    CodeRow{Condition::kInvalidAppId,
            {"objc", "101", "AgoraErrorCodeInvalidAppId", Basis::kDocumented, kSeed}},
    CodeRow{Condition::kInvalidAppId,
            {"web", "101", "ERR_INVALID_VENDOR_KEY", Basis::kDocumented, kSeed}},

    CodeRow{Condition::kExpired, {"native", "109", "ERR_TOKEN_EXPIRED", Basis::kDocumented, kSeed}},
    CodeRow{Condition::kExpired,
            {"objc", "109", "AgoraErrorCodeTokenExpired", Basis::kDocumented, kSeed}},
    CodeRow{Condition::kExpired,
            {"web", "109", "ERR_DYNAMIC_KEY_TIMEOUT", Basis::kDocumented, kSeed}},
    CodeRow{Condition::kExpired,
            {"web", "118", "ERR_DYNAMIC_KEY_EXPIRED", Basis::kDocumented, kSeed}},
    CodeRow{Condition::kExpired,
            {"web", "2", "K_TIMESTAMP_EXPIRED", Basis::kUnverified, kSeedWeb2}},

    // A privilege past its own expiry is reported like an expired token (inferred:
    // the seed's 109 covers "Token 过期" without separating privileges).
    CodeRow{Condition::kPrivilegeExpired,
            {"native", "109", "ERR_TOKEN_EXPIRED", Basis::kInferred, kSeed}},
    CodeRow{Condition::kPrivilegeExpired,
            {"objc", "109", "AgoraErrorCodeTokenExpired", Basis::kInferred, kSeed}},
    CodeRow{Condition::kPrivilegeExpired,
            {"web", "109", "ERR_DYNAMIC_KEY_TIMEOUT", Basis::kInferred, kSeed}},
});

#undef TOKCHECK_AGORA_INVALID

}  // namespace

std::span<const CodeRow> agora_rows() { return kRows; }

}  // namespace tokcheck::codes
