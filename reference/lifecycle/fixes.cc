// One fix per vendor and condition, in the words of the seeds where they give one.
// Conditions without a vendor-specific row fall back to a generic fix.
#include <array>

#include "reference/lifecycle/diagnose.h"

namespace tokcheck::lifecycle {
namespace {

struct Row {
  std::string_view vendor;
  Condition condition;
  Fix fix;
};

constexpr std::string_view kAgora = "seed 001_d4a146d8499d6d2a.txt";
constexpr std::string_view kZego000 = "seed 000_8bca4052b8130c0a.txt";
constexpr std::string_view kZego002 = "seed 002_0acf9ebd17163d1c.txt";
constexpr std::string_view kZegoCodes = "token-formats.md ZEGO §4";
constexpr std::string_view kVolcFaq = "https://volcengine.com/docs/6348/1157360";
constexpr std::string_view kRong = "seed 003_65ee157fdeaf3d18.txt";

constexpr auto kRows = std::to_array<Row>({
    // Agora (seed 001: 101 / 109 / 110 / 119 / 120 sections).
    {"agora",
     Condition::kTokenMissing,
     {"the project behind this App ID has the App Certificate enabled, so every join needs a "
      "token: generate one on your server and pass it to joinChannel, or use an App ID whose "
      "project has no certificate",
      kAgora}},
    {"agora",
     Condition::kTokenUnexpected,
     {"the project behind this App ID has no App Certificate: join without a token, or enable "
      "the certificate and generate tokens on your server",
      kAgora}},
    {"agora",
     Condition::kExpired,
     {"generate a new token on your server and call renewToken (or joinChannel again); renew "
      "when onTokenPrivilegeWillExpire fires, 30 s before the expiry",
      kAgora}},
    {"agora",
     Condition::kPrivilegeExpired,
     {"a privilege in the token has expired: generate a new token and call renewToken", kAgora}},
    {"agora",
     Condition::kAppIdMismatch,
     {"build the token with the App ID the engine was initialised with", kAgora}},
    {"agora",
     Condition::kChannelMismatch,
     {"build the token for exactly the channel name passed to joinChannel", kAgora}},
    {"agora",
     Condition::kUidMismatch,
     {"build the token for exactly the uid used to join, and of the same type: an int uid and a "
      "string user account are different (int uid 0 is written as an empty string)",
      kAgora}},
    {"agora",
     Condition::kInvalidAppId,
     {"pass the 32-character App ID from the console, as a string", kAgora}},
    {"agora",
     Condition::kBadSignature,
     {"the token was not signed with this project's App Certificate (or was altered): check the "
      "certificate your token server uses (inferred)",
      kAgora}},
    {"agora",
     Condition::kMalformed,
     {"this is not a token the SDK can read: pass the whole 006/007 string unchanged", kAgora}},
    {"agora",
     Condition::kServiceMissing,
     {"the token grants no RTC service for this channel and uid: build it with the RTC token "
      "builder",
      kAgora}},
    {"agora",
     Condition::kPrivilegeMissing,
     {"the token lacks the join privilege: build it with the RTC token builder", kAgora}},
    // ZEGO (seed 000, seed 002, token-formats.md ZEGO §4).
    {"zego",
     Condition::kTokenMissing,
     {"no AppSign at createEngine and no token at loginRoom: pass the token in the room config "
      "(token authentication), or an AppSign",
      kZegoCodes}},
    {"zego",
     Condition::kExpired,
     {"get a new token from your server and call renewToken when onRoomTokenWillExpire fires "
      "(30 s before the expiry); log in again with a fresh token",
      kZego000}},
    {"zego",
     Condition::kUnsupportedVersion,
     {"token04 needs Express SDK 2.17.0 or later and token03 2.8.0 or later: upgrade the SDK or "
      "issue the token version it accepts",
      kZego002}},
    {"zego",
     Condition::kDecryptFailed,
     {"the token was not generated with this AppID's ServerSecret: check the secret your token "
      "server uses (the console's token verification tool can confirm it)",
      kZego000}},
    {"zego",
     Condition::kAppIdMismatch,
     {"the token's app_id differs from the appID the SDK was created with", kZegoCodes}},
    {"zego",
     Condition::kUserIdMismatch,
     {"the token's user_id differs from the userID passed to loginRoom", kZegoCodes}},
    {"zego",
     Condition::kRoomMismatch,
     {"the privilege token's room_id differs from the room being logged into", kZegoCodes}},
    {"zego",
     Condition::kPrivilegeMissing,
     {"the privilege token denies login (1) or publish (2): issue one with that privilege set "
      "to 1",
      kZegoCodes}},
    {"zego",
     Condition::kMalformed,
     {"token format error: pass the whole token string unchanged", kZegoCodes}},
    {"zego",
     Condition::kPayloadInvalid,
     {"the privilege payload is not JSON: generate it with the server assistant's privilege "
      "payload",
      kZegoCodes}},
    // Volcengine (FAQ 6348/1157360 on -1000).
    {"volc",
     Condition::kAppIdMismatch,
     {"the appId passed to createRTCVideo differs from the token's", kVolcFaq}},
    {"volc",
     Condition::kRoomMismatch,
     {"the roomId passed to joinRoom differs from the token's", kVolcFaq}},
    {"volc",
     Condition::kUserIdMismatch,
     {"the userId passed to joinRoom differs from the token's", kVolcFaq}},
    {"volc",
     Condition::kExpired,
     {"expire_time has passed (it is a timestamp, not a duration): issue a new token; call "
      "updateToken within 30 s of onTokenWillExpire",
      kVolcFaq}},
    {"volc",
     Condition::kPrivilegeExpired,
     {"an addPrivilege expiry has passed: keep privilege expiries equal to the token's", kVolcFaq}},
    // RongCloud (seed 003).
    {"rongcloud",
     Condition::kBadSignature,
     {"the token was issued under an App Secret that has since been refreshed: request a new "
      "token from your App Server and connect again",
      kRong}},
    {"rongcloud",
     Condition::kExpired,
     {"the token has expired: request a new token from your App Server and connect again", kRong}},
});

}  // namespace

Fix fix_for(std::string_view vendor, Condition c) {
  std::string_view table_vendor = vendor == "bytedance" ? "volc" : vendor;
  for (const Row& r : kRows) {
    if (r.vendor == table_vendor && r.condition == c) return r.fix;
  }
  switch (c) {
    case Condition::kValid:
      return {"nothing: the token is valid for these parameters", ""};
    case Condition::kExpired:
    case Condition::kPrivilegeExpired:
      return {"issue a new token and renew it before it expires", ""};
    case Condition::kBadSignature:
    case Condition::kDecryptFailed:
      return {"check the secret the token server signs with", ""};
    default:
      return {
          "build the token with the same app id, room/channel, user and secret the app "
          "uses",
          ""};
  }
}

}  // namespace tokcheck::lifecycle
