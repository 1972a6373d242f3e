// RongCloud IM: what its SDK sessions report and what to do about it (the lifecycle
// layer's per-vendor tables, reference/lifecycle/sdk_codes.h): the platform names
// people use, TOKEN_INCORRECT per SDK line and platform, and a fix per condition.
#include <array>

#include "reference/lifecycle/sdk_codes.h"

namespace tokcheck::lifecycle {
namespace {

using codes::Basis;

// Platform names people use → the names the tables use.
constexpr auto kPlatforms = std::to_array<PlatformAlias>({
    {"android", "android"},
    {"ios", "ios"},
    {"web", "web"},
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

constexpr std::string_view kRongTimeout =
    "seed 003_65ee157fdeaf3d18.txt (iOS connectWithToken ... timeLimit:5, RC_CONNECT_TIMEOUT); "
    "https://docs.rongcloud.cn/v4-platform/views/im/noui/guide/connection/connect/ios.html "
    "(timeLimit > 0: at most timeLimit seconds, then RC_CONNECT_TIMEOUT, no more reconnects); "
    "34006 from the iOS SDK header RCStatusDefine.h (RCConnectErrorCode)";
constexpr std::string_view kRongTimeoutMeaning =
    "the SDK did not reach RongCloud within the connect call's timeLimit (the network was "
    "down); it has stopped trying";
constexpr std::string_view kRongTimeoutFix =
    "tell the user and call connect again once the network is back (seed 003: "
    "\"可以引导用户等待网络正常的时候再次点击进行连接\")";

constexpr auto kSdkCodes = std::to_array<SdkCode>({
    SdkCode{"token_incorrect", "android ios web", "1.x", "31004", "TOKEN_INCORRECT",
            Basis::kInferred, kRong31004, kRongMeaning, kRongFix},
    SdkCode{"token_incorrect", "android ios", "2.x", "31004", "RC_CONN_TOKEN_INCORRECT",
            Basis::kDocumented, kRong31004, kRongMeaning, kRongFix},
    // Web 2.x reports it through onTokenIncorrect(), which carries no code (seed 003).
    // RONG-NET-TIMEOUT: seed 003's iOS sample handles RC_CONNECT_TIMEOUT in the error
    // block of connectWithToken:timeLimit:; its number is the iOS SDK's RCConnectErrorCode.
    SdkCode{"connect_timeout", "ios", "2.x", "34006", "RC_CONNECT_TIMEOUT", Basis::kDocumented,
            kRongTimeout, kRongTimeoutMeaning, kRongTimeoutFix},
});

constexpr std::string_view kSeed003 = "seed 003_65ee157fdeaf3d18.txt";

// RongCloud (seed 003).
constexpr auto kFixes = std::to_array<ConditionFix>({
    {Condition::kBadSignature,
     {"the token was issued under an App Secret that has since been refreshed: request a new "
      "token from your App Server and connect again",
      kSeed003}},
    {Condition::kExpired,
     {"the token has expired: request a new token from your App Server and connect again",
      kSeed003}},

});

}  // namespace

const VendorSdkTables& rongcloud_sdk_tables() {
  static constexpr VendorSdkTables kTables{
      Vendor::kRongCloud, std::nullopt, kPlatforms,
      kSdkCodes,          kFixes,       /*claims_zero_expire_never=*/false};
  return kTables;
}

}  // namespace tokcheck::lifecycle
