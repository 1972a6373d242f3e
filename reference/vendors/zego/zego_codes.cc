// ZEGO Express token error codes (token-formats.md ZEGO §4; seed
// 000_8bca4052b8130c0a.txt "Express 如何处理 Token 相关错误码？").
//
// "native" rows are Express SDK error codes (ZegoErrorCode, the same numbers on
// Android, iOS, macOS, Windows and Flutter, whose reference the URLs point to);
// "web" rows are the Web SDK's login errors. One verdict lists every row of its
// condition, so a caller sees what a login (100203x/100207x), a publish (1003072)
// and a play (1004003) would report.
//
// Basis: kDocumented when the cited page names this cause for the code; kInferred
// when the code is documented but attaching it to this condition is our decision;
// kUnverified for the Web codes 1102016 / 1102018, which appear only in seed 000
// and were not found in any other corpus (token-formats.md §4). 1004072 does not
// exist (the player auth error is 1004003).
#include <array>

#include "reference/codes/codes.h"

namespace tokcheck::codes {
namespace {

constexpr std::string_view kAuthFailed =
    "https://zegocloud.com/unique-api/express-video-sdk/en/dart_flutter/zego_express_engine/"
    "ZegoErrorCode/RoomErrorAuthenticationFailed-constant.html; seed 000_8bca4052b8130c0a.txt";
constexpr std::string_view kNoToken =
    "https://pub.dev/documentation/zego_express_engine/latest/zego_express_engine/ZegoErrorCode/"
    "RoomNoToken-constant.html";
constexpr std::string_view kInnerError =
    "https://zegocloud.com/unique-api/express-video-sdk/en/dart_flutter/zego_express_engine/"
    "ZegoErrorCode/RoomTokenInnerError-constant.html (token-formats.md ZEGO §4)";
constexpr std::string_view kFormatError =
    "https://pub.dev/documentation/zego_express_engine_codify/latest/zego_express_engine/"
    "ZegoErrorCode/RoomTokenFormatError-constant.html";
constexpr std::string_view kAppidError =
    "https://pub.dev/documentation/zego_express_engine_codify/latest/zego_express_engine/"
    "ZegoErrorCode/RoomTokenAppidError-constant.html (token-formats.md ZEGO §4)";
constexpr std::string_view kUseridError =
    "https://pub.dev/documentation/zego_express_engine/latest/zego_express_engine/ZegoErrorCode/"
    "RoomTokenUseridError-constant.html";
constexpr std::string_view kExpireError =
    "https://zegocloud.com/unique-api/express-video-sdk/en/dart_flutter/zego_express_engine/"
    "ZegoErrorCode/RoomTokenExpireError-constant.html";
constexpr std::string_view kVersionError =
    "https://pub.dev/documentation/zego_express_engine_codify/latest/zego_express_engine/"
    "ZegoErrorCode/RoomTokenVersionError-constant.html (token-formats.md ZEGO §4)";
constexpr std::string_view kPublishAuth =
    "https://pub.dev/documentation/zego_express_engine/latest/zego_express_engine/ZegoErrorCode/"
    "PublisherErrorDispatchAuthError-constant.html";
constexpr std::string_view kPlayAuth =
    "https://pub.dev/documentation/zego_express_engine_codify/latest/zego_express_engine/"
    "ZegoErrorCode/PlayerErrorDispatchAuthError-constant.html";
constexpr std::string_view kWebFormat = "https://www.zegocloud.com/docs/faq/web-login-token-error";
constexpr std::string_view kWebSeed =
    "seed 000_8bca4052b8130c0a.txt (Web 平台 错误码); not found in any other corpus "
    "(token-formats.md ZEGO §4)";

// Rows that several conditions share.
constexpr VendorCode kLoginAuth{"native", "1002033", "RoomErrorAuthenticationFailed",
                                Basis::kInferred, kAuthFailed};
constexpr VendorCode kPublish{"native", "1003072", "PublisherErrorDispatchAuthError",
                              Basis::kInferred, kPublishAuth};
constexpr VendorCode kPlay{"native", "1004003", "PlayerErrorDispatchAuthError", Basis::kInferred,
                           kPlayAuth};
constexpr VendorCode kWebTokenError{"web", "1102016", "login token error (登录 Token 错误)",
                                    Basis::kUnverified, kWebSeed};

constexpr VendorCode documented(VendorCode c) {
  c.basis = Basis::kDocumented;
  return c;
}

constexpr auto kRows = std::to_array<CodeRow>({
    // The token string cannot be decoded: the Web FAQ's "token format error"; natively
    // the format error code (its page describes the payload case, hence inferred).
    {Condition::kMalformed,
     {"native", "1002075", "RoomTokenFormatError", Basis::kInferred, kFormatError}},
    {Condition::kMalformed, {"web", "1011", "token format error", Basis::kDocumented, kWebFormat}},
    {Condition::kMalformed, kWebTokenError},

    {Condition::kUnsupportedVersion,
     {"native", "1002079", "RoomTokenVersionError", Basis::kDocumented, kVersionError}},
    {Condition::kUnsupportedVersion, kWebTokenError},

    // The verifier's server secret is not 32 bytes: a server-side fault.
    {Condition::kInvalidSecret,
     {"native", "1002074", "RoomTokenInnerError", Basis::kInferred, kInnerError}},

    {Condition::kInvalidAppId,
     {"native", "1002076", "RoomTokenAppidError", Basis::kInferred, kAppidError}},
    {Condition::kInvalidAppId, kWebTokenError},

    // No AppSign at createEngine and no token at loginRoom.
    {Condition::kTokenMissing, {"native", "1002067", "RoomNoToken", Basis::kDocumented, kNoToken}},

    // Wrong secret or tampered ciphertext: "token error" at login, publish and play.
    {Condition::kDecryptFailed, kLoginAuth},
    {Condition::kDecryptFailed, kPublish},
    {Condition::kDecryptFailed, kPlay},
    {Condition::kDecryptFailed, kWebTokenError},

    // 1002075's page: "payload is in non-JSON format".
    {Condition::kPayloadInvalid,
     {"native", "1002075", "RoomTokenFormatError", Basis::kDocumented, kFormatError}},
    {Condition::kPayloadInvalid, kWebTokenError},

    // 1002078's page also covers "the validity period parameter type is incorrect".
    {Condition::kExpireMismatch,
     {"native", "1002078", "RoomTokenExpireError", Basis::kInferred, kExpireError}},
    {Condition::kExpireMismatch, kWebTokenError},

    {Condition::kExpired,
     {"native", "1002078", "RoomTokenExpireError", Basis::kDocumented, kExpireError}},
    {Condition::kExpired, documented(kPublish)},  // "Token wrong or timed out"
    {Condition::kExpired, documented(kPlay)},     // "token wrong or timed out"
    {Condition::kExpired,
     {"web", "1102018", "login token timeout (登录 Token 超时)", Basis::kUnverified, kWebSeed}},

    {Condition::kAppIdMismatch,
     {"native", "1002076", "RoomTokenAppidError", Basis::kDocumented, kAppidError}},
    {Condition::kAppIdMismatch, kWebTokenError},

    {Condition::kUserIdMismatch,
     {"native", "1002077", "RoomTokenUseridError", Basis::kDocumented, kUseridError}},
    {Condition::kUserIdMismatch, kWebTokenError},

    // Privilege ("strict") tokens: room, login/publish privilege and stream list.
    {Condition::kRoomMismatch, kLoginAuth},
    {Condition::kRoomMismatch, kWebTokenError},
    {Condition::kPrivilegeMissing, kLoginAuth},  // login (1) denied
    {Condition::kPrivilegeMissing, kPublish},    // publish (2) denied
    {Condition::kPrivilegeMissing, kWebTokenError},
    {Condition::kStreamNotAllowed, kPublish},
});

}  // namespace

std::span<const CodeRow> zego_rows() { return kRows; }

}  // namespace tokcheck::codes
