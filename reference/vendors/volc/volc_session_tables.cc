// Volcengine RTC and the ByteDance mini-program (one product: seed
// 004_feb3ed951cfe7da6.txt joins the mini-program RTC with a Volcengine "001" token): what its SDK
// sessions report and what to do about it (the lifecycle layer's per-vendor tables,
// reference/lifecycle/sdk_codes.h): the platform names people use, the mini-program's errNo /
// errorCode, and a fix per verify condition (shared: `bytedance` reads Volcengine's).
#include <array>

#include "reference/lifecycle/sdk_codes.h"

namespace tokcheck::lifecycle {
namespace {

using codes::Basis;

// Platform names people use → the names the tables use.
constexpr auto kVolcPlatforms = std::to_array<PlatformAlias>({
    {"native", "native"},
    {"android", "native"},
    {"ios", "native"},
    {"native-update", "native-update"},
    {"web", "web"},
    {"miniprogram", "miniprogram"},
});

// Platform names people use → the names the tables use.
constexpr auto kByteDancePlatforms = std::to_array<PlatformAlias>({
    {"miniprogram", "miniprogram"},
});

// --- ByteDance mini-program RTC (seed 004_feb3ed951cfe7da6.txt) --------------------
constexpr std::string_view kJoinDoc =
    "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/media/rtc-room/"
    "rtc-room-context/join-rtc-room";
constexpr std::string_view kUpdateSeed =
    "seed 004_feb3ed951cfe7da6.txt (RtcRoomContext.updateToken)";

constexpr auto kByteDanceSdkCodes = std::to_array<SdkCode>({
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

constexpr std::string_view kVolcFaq = "https://volcengine.com/docs/6348/1157360";

// Volcengine (FAQ 6348/1157360 on -1000).
constexpr auto kFixes = std::to_array<ConditionFix>({
    {Condition::kAppIdMismatch,
     {"the appId passed to createRTCVideo differs from the token's", kVolcFaq}},
    {Condition::kRoomMismatch,
     {"the roomId passed to joinRoom differs from the token's", kVolcFaq}},
    {Condition::kUserIdMismatch,
     {"the userId passed to joinRoom differs from the token's", kVolcFaq}},
    {Condition::kExpired,
     {"expire_time has passed (it is a timestamp, not a duration): issue a new token; call "
      "updateToken within 30 s of onTokenWillExpire",
      kVolcFaq}},
    {Condition::kPrivilegeExpired,
     {"an addPrivilege expiry has passed: keep privilege expiries equal to the token's", kVolcFaq}},
});

}  // namespace

const VendorSdkTables& volc_sdk_tables() {
  static constexpr VendorSdkTables kTables{
      Vendor::kVolc, Vendor::kVolc, kVolcPlatforms, {}, kFixes, /*claims_zero_expire_never=*/true};
  return kTables;
}

// The mini-program's verify codes and fixes are Volcengine's.
const VendorSdkTables& bytedance_sdk_tables() {
  static constexpr VendorSdkTables kTables{
      Vendor::kByteDance, Vendor::kVolc, kByteDancePlatforms,
      kByteDanceSdkCodes, kFixes,        /*claims_zero_expire_never=*/true};
  return kTables;
}

}  // namespace tokcheck::lifecycle
