// Agora RTC: what its SDK sessions report and what to do about it (the lifecycle
// layer's per-vendor tables, reference/lifecycle/sdk_codes.h): the platform names
// people use, the renewToken results and connection-state reasons, and a fix per verify condition.
#include <array>

#include "reference/lifecycle/sdk_codes.h"

namespace tokcheck::lifecycle {
namespace {

using codes::Basis;

// Platform names people use → the names the tables use.
constexpr auto kPlatforms = std::to_array<PlatformAlias>({
    {"native", "native"},
    {"android", "native"},
    {"windows", "native"},
    {"linux", "native"},
    {"java", "native"},
    {"cpp", "native"},
    {"csharp", "native"},
    {"objc", "objc"},
    {"ios", "objc"},
    {"macos", "objc"},
    {"web", "web"},
    {"js", "web"},
});

// --- Agora (token-formats.md §7 "SDK error codes and callbacks") -----------------
constexpr std::string_view kAgoraRenew = "token-formats.md §7 (renewToken results, RTC SDK 4.6+)";
constexpr std::string_view kAgoraState = "token-formats.md §7 (connection-state reasons)";

// Native (Android, Windows, ...) and Apple (objc) SDKs report the same codes.
constexpr std::string_view kNativeAndApple = "native objc";

constexpr auto kSdkCodes = std::to_array<SdkCode>({
    SdkCode{"renew_expired", kNativeAndApple, "", "2", "TOKEN_EXPIRED", Basis::kDocumented,
            kAgoraRenew, "renewToken was given a token that has already expired",
            "generate a fresh token on your server and call renewToken again"},
    SdkCode{"renew_invalid", kNativeAndApple, "", "3", "INVALID_TOKEN", Basis::kDocumented,
            kAgoraRenew, "renewToken was given a token that does not verify for this user",
            "build the token with the certificate, channel and uid of this session"},
    SdkCode{"renew_channel", kNativeAndApple, "", "4", "INVALID_CHANNEL_NAME", Basis::kDocumented,
            kAgoraRenew, "the renewed token was built for another channel",
            "build the token for the channel the user is in"},
    SdkCode{"renew_app_id", kNativeAndApple, "", "5", "INCONSISTENT_APPID", Basis::kDocumented,
            kAgoraRenew, "the renewed token was built for another App ID",
            "build the token with the App ID the engine was initialised with"},
    SdkCode{"expired_disconnect", kNativeAndApple, "", "9", "TOKEN_EXPIRED", Basis::kDocumented,
            kAgoraState, "the connection dropped because the token expired",
            "generate a new token and call renewToken or joinChannel again"},
});

constexpr std::string_view kSeed001 = "seed 001_d4a146d8499d6d2a.txt";

// Agora (seed 001: 101 / 109 / 110 / 119 / 120 sections).
constexpr auto kFixes = std::to_array<ConditionFix>({
    {Condition::kTokenMissing,
     {"the project behind this App ID has the App Certificate enabled, so every join needs a "
      "token: generate one on your server and pass it to joinChannel, or use an App ID whose "
      "project has no certificate",
      kSeed001}},
    {Condition::kTokenUnexpected,
     {"the project behind this App ID has no App Certificate: join without a token, or enable "
      "the certificate and generate tokens on your server",
      kSeed001}},
    {Condition::kExpired,
     {"generate a new token on your server and call renewToken (or joinChannel again); renew "
      "when onTokenPrivilegeWillExpire fires, 30 s before the expiry",
      kSeed001}},
    {Condition::kPrivilegeExpired,
     {"a privilege in the token has expired: generate a new token and call renewToken", kSeed001}},
    {Condition::kAppIdMismatch,
     {"build the token with the App ID the engine was initialised with", kSeed001}},
    {Condition::kChannelMismatch,
     {"build the token for exactly the channel name passed to joinChannel", kSeed001}},
    {Condition::kUidMismatch,
     {"build the token for exactly the uid used to join, and of the same type: an int uid and a "
      "string user account are different (int uid 0 is written as an empty string)",
      kSeed001}},
    {Condition::kInvalidAppId,
     {"pass the 32-character App ID from the console, as a string", kSeed001}},
    {Condition::kBadSignature,
     {"the token was not signed with this project's App Certificate (or was altered): check the "
      "certificate your token server uses (inferred)",
      kSeed001}},
    {Condition::kMalformed,
     {"this is not a token the SDK can read: pass the whole 006/007 string unchanged", kSeed001}},
    {Condition::kServiceMissing,
     {"the token grants no RTC service for this channel and uid: build it with the RTC token "
      "builder",
      kSeed001}},
    {Condition::kPrivilegeMissing,
     {"the token lacks the join privilege: build it with the RTC token builder", kSeed001}},
});

}  // namespace

const VendorSdkTables& agora_sdk_tables() {
  static constexpr VendorSdkTables kTables{Vendor::kAgora, Vendor::kAgora,
                                           kPlatforms,     kSdkCodes,
                                           kFixes,         /*claims_zero_expire_never=*/false};
  return kTables;
}

}  // namespace tokcheck::lifecycle
