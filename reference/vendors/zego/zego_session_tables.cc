// ZEGO Express: what its SDK sessions report and what to do about it (the lifecycle
// layer's per-vendor tables, reference/lifecycle/sdk_codes.h): the platform names
// people use, the publish/play/login auth errors, and a fix per verify condition.
#include <array>

#include "reference/lifecycle/sdk_codes.h"

namespace tokcheck::lifecycle {
namespace {

using codes::Basis;

// Platform names people use → the names the tables use.
constexpr auto kPlatforms = std::to_array<PlatformAlias>({
    {"native", "native"},
    {"ios", "native"},
    {"android", "native"},
    {"macos", "native"},
    {"windows", "native"},
    {"flutter", "native"},
    {"web", "web"},
});

// --- ZEGO Express (token-formats.md §4; seed 000_8bca4052b8130c0a.txt) ------------
constexpr auto kSdkCodes = std::to_array<SdkCode>({
    SdkCode{"publish_auth", "native", "", "1003072", "PublisherErrorDispatchAuthError",
            Basis::kDocumented,
            "https://pub.dev/documentation/zego_express_engine/latest/zego_express_engine/"
            "ZegoErrorCode/PublisherErrorDispatchAuthError-constant.html",
            "publishing was refused: the AppSign or Token is wrong or has timed out",
            "pass a valid token, or call renewToken when onRoomTokenWillExpire fires"},
    SdkCode{"play_auth", "native", "", "1004003", "PlayerErrorDispatchAuthError",
            Basis::kDocumented,
            "https://pub.dev/documentation/zego_express_engine_codify/latest/zego_express_engine/"
            "ZegoErrorCode/PlayerErrorDispatchAuthError-constant.html",
            "playing was refused: the token is wrong or has timed out (or cross-app play)",
            "renew the token before it expires (onRoomTokenWillExpire → renewToken)"},
    // ZEGO-KICK-CODE: the kick-out at the expiry (>= 2.13.0 with the switch, native only)
    // reaches the app as onRoomStateChanged(KickOut, errorCode 1002056).
    SdkCode{"expiry_kickout", "native", "", "1002056", "RoomTokenExpiredKickedOut",
            Basis::kDocumented,
            "https://pub.dev/documentation/zego_express_engine_codify/latest/zego_express_engine/"
            "ZegoErrorCode/RoomTokenExpiredKickedOut-constant.html",
            "the server kicked the user out of the room because the token expired",
            "renew the token when onRoomTokenWillExpire fires (30 s before the expiry); log in "
            "again with a fresh token"},
    SdkCode{"appsign_auth", "native", "", "1002033", "RoomErrorAuthenticationFailed",
            Basis::kInferred, "seed 000_8bca4052b8130c0a.txt (1002033 登录房间鉴权失败)",
            "room login authentication failed (here: the AppSign was refused)",
            "check the AppSign, or log in with a token (required when forced Token "
            "authentication is on, seed 002_0acf9ebd17163d1c.txt)"},
});

constexpr std::string_view kSeed000 = "seed 000_8bca4052b8130c0a.txt";
constexpr std::string_view kSeed002 = "seed 002_0acf9ebd17163d1c.txt";
constexpr std::string_view kZegoCodes = "token-formats.md ZEGO §4";

// ZEGO (seed 000, seed 002, token-formats.md ZEGO §4).
constexpr auto kFixes = std::to_array<ConditionFix>({
    {Condition::kTokenMissing,
     {"no AppSign at createEngine and no token at loginRoom: pass the token in the room config "
      "(token authentication), or an AppSign",
      kZegoCodes}},
    {Condition::kExpired,
     {"get a new token from your server and call renewToken when onRoomTokenWillExpire fires "
      "(30 s before the expiry); log in again with a fresh token",
      kSeed000}},
    {Condition::kUnsupportedVersion,
     {"token04 needs Express SDK 2.17.0 or later and token03 2.8.0 or later: upgrade the SDK or "
      "issue the token version it accepts",
      kSeed002}},
    {Condition::kDecryptFailed,
     {"the token was not generated with this AppID's ServerSecret: check the secret your token "
      "server uses (the console's token verification tool can confirm it)",
      kSeed000}},
    {Condition::kAppIdMismatch,
     {"the token's app_id differs from the appID the SDK was created with", kZegoCodes}},
    {Condition::kUserIdMismatch,
     {"the token's user_id differs from the userID passed to loginRoom", kZegoCodes}},
    {Condition::kRoomMismatch,
     {"the privilege token's room_id differs from the room being logged into", kZegoCodes}},
    {Condition::kPrivilegeMissing,
     {"the privilege token denies login (1) or publish (2): issue one with that privilege set "
      "to 1",
      kZegoCodes}},
    {Condition::kMalformed,
     {"token format error: pass the whole token string unchanged", kZegoCodes}},
    {Condition::kPayloadInvalid,
     {"the privilege payload is not JSON: generate it with the server assistant's privilege "
      "payload",
      kZegoCodes}},
});

}  // namespace

const VendorSdkTables& zego_sdk_tables() {
  static constexpr VendorSdkTables kTables{Vendor::kZego, Vendor::kZego,
                                           kPlatforms,    kSdkCodes,
                                           kFixes,        /*claims_zero_expire_never=*/false};
  return kTables;
}

}  // namespace tokcheck::lifecycle
