#include "reference/lifecycle/sdk_codes.h"

#include <array>

#include "reference/lifecycle/session.h"

namespace tokcheck::lifecycle {
namespace {

using codes::Basis;

// --- Agora (token-formats.md §7 "SDK error codes and callbacks") -----------------
constexpr std::string_view kAgoraRenew = "token-formats.md §7 (renewToken results, RTC SDK 4.6+)";
constexpr std::string_view kAgoraState = "token-formats.md §7 (connection-state reasons)";

#define TOKCHECK_AGORA_RENEW(key, platform, code, name, meaning, fix) \
  SdkCode { key, platform, "", code, name, Basis::kDocumented, kAgoraRenew, meaning, fix }

constexpr auto kAgora = std::to_array<SdkCode>({
    TOKCHECK_AGORA_RENEW("renew_expired", "native", "2", "TOKEN_EXPIRED",
                         "renewToken was given a token that has already expired",
                         "generate a fresh token on your server and call renewToken again"),
    TOKCHECK_AGORA_RENEW("renew_expired", "objc", "2", "TOKEN_EXPIRED",
                         "renewToken was given a token that has already expired",
                         "generate a fresh token on your server and call renewToken again"),
    TOKCHECK_AGORA_RENEW("renew_invalid", "native", "3", "INVALID_TOKEN",
                         "renewToken was given a token that does not verify for this user",
                         "build the token with the certificate, channel and uid of this session"),
    TOKCHECK_AGORA_RENEW("renew_invalid", "objc", "3", "INVALID_TOKEN",
                         "renewToken was given a token that does not verify for this user",
                         "build the token with the certificate, channel and uid of this session"),
    TOKCHECK_AGORA_RENEW("renew_channel", "native", "4", "INVALID_CHANNEL_NAME",
                         "the renewed token was built for another channel",
                         "build the token for the channel the user is in"),
    TOKCHECK_AGORA_RENEW("renew_channel", "objc", "4", "INVALID_CHANNEL_NAME",
                         "the renewed token was built for another channel",
                         "build the token for the channel the user is in"),
    TOKCHECK_AGORA_RENEW("renew_app_id", "native", "5", "INCONSISTENT_APPID",
                         "the renewed token was built for another App ID",
                         "build the token with the App ID the engine was initialised with"),
    TOKCHECK_AGORA_RENEW("renew_app_id", "objc", "5", "INCONSISTENT_APPID",
                         "the renewed token was built for another App ID",
                         "build the token with the App ID the engine was initialised with"),
    SdkCode{"expired_disconnect", "native", "", "9", "TOKEN_EXPIRED", Basis::kDocumented,
            kAgoraState, "the connection dropped because the token expired",
            "generate a new token and call renewToken or joinChannel again"},
    SdkCode{"expired_disconnect", "objc", "", "9", "TOKEN_EXPIRED", Basis::kDocumented, kAgoraState,
            "the connection dropped because the token expired",
            "generate a new token and call renewToken or joinChannel again"},
});
#undef TOKCHECK_AGORA_RENEW

// --- ZEGO Express (token-formats.md §4; seed 000_8bca4052b8130c0a.txt) ------------
constexpr auto kZego = std::to_array<SdkCode>({
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
    SdkCode{"appsign_auth", "native", "", "1002033", "RoomErrorAuthenticationFailed",
            Basis::kInferred, "seed 000_8bca4052b8130c0a.txt (1002033 登录房间鉴权失败)",
            "room login authentication failed (here: the AppSign was refused)",
            "check the AppSign, or log in with a token (required when forced Token "
            "authentication is on, seed 002_0acf9ebd17163d1c.txt)"},
});

// --- RongCloud IM (seed 003_65ee157fdeaf3d18.txt) ---------------------------------
constexpr std::string_view kRong31004 =
    "seed 003_65ee157fdeaf3d18.txt; 31004 from https://docs.rongcloud.cn/im/imkit/ios/"
    "quick-start/connect/";
constexpr std::string_view kRongMeaning =
    "the token is invalid: signed under an App Secret that has since been refreshed, "
    "expired, or issued for another App Key";
constexpr std::string_view kRongFix =
    "request a new token from your App Server (which asks RongCloud) and connect again; "
    "avoid an endless retry loop";

constexpr auto kRong = std::to_array<SdkCode>({
    SdkCode{"token_incorrect", "android", "1.x", "31004", "TOKEN_INCORRECT", Basis::kInferred,
            kRong31004, kRongMeaning, kRongFix},
    SdkCode{"token_incorrect", "ios", "1.x", "31004", "TOKEN_INCORRECT", Basis::kInferred,
            kRong31004, kRongMeaning, kRongFix},
    SdkCode{"token_incorrect", "web", "1.x", "31004", "TOKEN_INCORRECT", Basis::kInferred,
            kRong31004, kRongMeaning, kRongFix},
    SdkCode{"token_incorrect", "android", "2.x", "31004", "RC_CONN_TOKEN_INCORRECT",
            Basis::kDocumented, kRong31004, kRongMeaning, kRongFix},
    SdkCode{"token_incorrect", "ios", "2.x", "31004", "RC_CONN_TOKEN_INCORRECT", Basis::kDocumented,
            kRong31004, kRongMeaning, kRongFix},
    // Web 2.x reports it through onTokenIncorrect(), which carries no code (seed 003).
});

// --- ByteDance mini-program RTC (seed 004_feb3ed951cfe7da6.txt) --------------------
constexpr std::string_view kJoinDoc =
    "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/media/rtc-room/"
    "rtc-room-context/join-rtc-room";
constexpr std::string_view kUpdateSeed =
    "seed 004_feb3ed951cfe7da6.txt (RtcRoomContext.updateToken)";

constexpr auto kByteDance = std::to_array<SdkCode>({
    SdkCode{"join_invalid_token", "miniprogram", "", "21101", "joinRtcRoom:fail invalid token",
            Basis::kDocumented, kJoinDoc, "joinRtcRoom: the token is invalid",
            "build the token (Volcengine AccessToken 001) for this app id, room and user, "
            "unexpired"},
    SdkCode{"join_in_room", "miniprogram", "", "21100",
            "joinRtcRoom:fail user %s is already in the room %s", Basis::kDocumented, kJoinDoc,
            "joinRtcRoom: the user is already in a room", "call exitRtcRoom before joining again"},
    SdkCode{"join_param", "miniprogram", "", "20000", "joinRtcRoom:fail + detail",
            Basis::kDocumented, kJoinDoc,
            "joinRtcRoom: a parameter is missing or has the wrong type",
            "pass roomId, userId and token as strings"},
    SdkCode{"update_invalid_token", "miniprogram", "", "21101", "token invalid", Basis::kDocumented,
            kUpdateSeed, "updateToken: the token is invalid (errNo)",
            "fetch a new valid token for this room and user and call updateToken again"},
    SdkCode{"update_invalid_token", "miniprogram", "", "115902", "updateToken:fail invalid token",
            Basis::kDocumented, kUpdateSeed,
            "updateToken: the token is invalid (errorCode, type D)",
            "check that the token is legal: app id, room, user, expiry, signing key"},
    SdkCode{"update_param", "miniprogram", "", "20000", "updateToken:fail + detail",
            Basis::kDocumented, kUpdateSeed, "updateToken: parameter error",
            "pass {token: <string>}"},
    SdkCode{"expired_removed", "miniprogram", "", "-1009", "TokenExpired", Basis::kInferred,
            "token-formats.md §5.2 (https://volcengine.com/docs/6348/136652); removal on expiry: "
            "https://volcengine.com/docs/6348/1157360",
            "the user was removed from the room because the token expired",
            "call updateToken within 30 s of onTokenWillExpire, or join again with a new token"},
});

}  // namespace

std::span<const SdkCode> agora_sdk_codes() { return kAgora; }
std::span<const SdkCode> zego_sdk_codes() { return kZego; }
std::span<const SdkCode> rongcloud_sdk_codes() { return kRong; }
std::span<const SdkCode> bytedance_sdk_codes() { return kByteDance; }

std::span<const SdkCodeTable> all_sdk_code_tables() {
  static const auto tables = std::to_array<SdkCodeTable>({
      {"agora", agora_sdk_codes()},
      {"zego", zego_sdk_codes()},
      {"rongcloud", rongcloud_sdk_codes()},
      {"bytedance", bytedance_sdk_codes()},
  });
  return tables;
}

Json sdk_codes(std::string_view vendor, std::string_view key, std::string_view platform,
               std::string_view sdk) {
  Json out = Json::array();
  for (const SdkCodeTable& t : all_sdk_code_tables()) {
    if (t.vendor != vendor) continue;
    for (const SdkCode& row : t.rows) {
      if (row.key == key && row.platform == platform && (row.sdk.empty() || row.sdk == sdk)) {
        out.push_back({{"code", code_value(row.code)}, {"name", row.name}});
      }
    }
  }
  return out;
}

}  // namespace tokcheck::lifecycle
