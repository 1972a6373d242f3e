// Tencent TLSSigAPI check codes (suite-anchors.md §7): the CHECK_ERR enum of the TLS
// C++ header (tencentyun/tls-sig-api-v2-cpp src/tls_sig_api_v2.h, the same list as
// tencentyun/tls-sig-api), used here as the vocabulary a UserSig verifier reports.
// Platform "server": these are the verifier library's return codes, not client SDK
// callbacks. Where the TLS verifier (tls_check_signature_ex) returns 6, 7 and 10 is
// what attaches them to payload_invalid.
//
// Not mapped, because no UserSig v2 check produces them: 5 (a second "json parse
// failed", never returned), 11 appid_at_3rd and 12 acctype (v1 fields), 16 internal
// error, 17 signing failure (generation side). docs/formats/tencent.md "Codes".
//
// Platform "client": what an app sees when the Chat (IM) SDK's login or the TRTC
// Web SDK's join is refused for its UserSig. These are the account system's codes
// (700xx); the service returns them and every client platform passes them to the
// app unchanged, so one platform holds them and diagnose maps ios, android, web,
// windows, macos and flutter to it. Platform "trtc-native": the TRTC native SDKs'
// enterRoom reports one code for any UserSig failure. 70003 / 70004 cover a
// UserSig that cannot be read ("truncated"), so they attach to malformed; no
// source ties a client code to userbuf (PrivateMapKey) failures: none is mapped.
#include <array>

#include "reference/codes/codes.h"

namespace tokcheck::codes {
namespace {

constexpr std::string_view kHeader =
    "https://github.com/tencentyun/tls-sig-api-v2-cpp/blob/master/src/tls_sig_api_v2.h";
constexpr std::string_view kV1 =
    "tls_sig_api_v2.h CHECK_ERR list; tencentyun/tls-sig-api tls_check_signature_ex returns it "
    "for this cause";

constexpr VendorCode check(std::string_view code, std::string_view name, Basis basis,
                           std::string_view source = kHeader) {
  return {"server", code, name, basis, source};
}

// The Chat REST/account error table and the TRTC Web SDK's account errors list the
// same 700xx codes; each row cites the page that gives its cause.
constexpr std::string_view kImAccount = "https://cloud.tencent.com/document/product/679/131708";
constexpr std::string_view kTrtcWeb =
    "https://web.sdk.qcloud.com/trtc/webrtc/doc/en/module-ErrorCode.html";
constexpr std::string_view kTrtcNative =
    "https://cloud.tencent.com/document/product/647/38313 (TRTC error codes; -100018 is "
    "\"userSig 校验失败\" per https://cloud.tencent.com/developer/user/5893670)";

constexpr VendorCode client(std::string_view code, std::string_view name, Basis basis,
                            std::string_view source) {
  return {"client", code, name, basis, source};
}
constexpr VendorCode trtc_native(Basis basis) {
  return {"trtc-native", "-100018", "UserSig check failed (enterRoom)", basis, kTrtcNative};
}

using enum Condition;
using enum Basis;

constexpr auto kRows = std::to_array<CodeRow>({
    {kTokenMissing, check("1", "CHECK_ERR01 sig empty", kDocumented)},
    // The malformation says which layer failed; the table lists the code of each.
    {kMalformed, check("2", "CHECK_ERR02 sig base64 decode failed", kInferred)},
    {kMalformed, check("3", "CHECK_ERR03 sig zip decompression failed", kInferred)},
    {kMalformed, check("4", "CHECK_ERR04 sig json parse failed", kInferred)},
    {kPayloadInvalid, check("6", "CHECK_ERR06 TLS.sig base64 decode failed", kInferred, kV1)},
    {kPayloadInvalid, check("7", "CHECK_ERR07 field missing", kInferred, kV1)},
    {kPayloadInvalid, check("10", "CHECK_ERR10 bad time/expire field", kInferred, kV1)},
    {kBadSignature, check("8", "CHECK_ERR08 signature check failed", kDocumented)},
    {kExpired, check("9", "CHECK_ERR09 sig expired", kDocumented)},
    {kUserIdMismatch, check("13", "CHECK_ERR13 identifier mismatch", kDocumented)},
    {kAppIdMismatch, check("14", "CHECK_ERR14 sdk_appid mismatch", kDocumented)},
    {kUserbufMismatch, check("15", "CHECK_ERR15 userbuf abnormal", kDocumented)},
    // Client SDKs (see the comment at the top).
    {kTokenMissing, client("70002", "userSig length is 0", kDocumented, kTrtcWeb)},
    {kMalformed, client("70003", "UserSig parse failed (truncated)", kDocumented, kImAccount)},
    {kMalformed, client("70004", "userSig verification failed (truncated)", kDocumented, kTrtcWeb)},
    {kPayloadInvalid, client("70003", "UserSig parse failed (truncated)", kInferred, kImAccount)},
    {kBadSignature, client("70009", "UserSig verification failed (another SDKAppID's key)",
                           kDocumented, kImAccount)},
    {kExpired, client("70001", "UserSig expired", kDocumented, kImAccount)},
    {kUserIdMismatch,
     client("70013", "UserID differs from the UserSig's", kDocumented, kImAccount)},
    {kAppIdMismatch,
     client("70014", "SDKAppID differs from the UserSig's", kDocumented, kImAccount)},
    // TRTC native: one code for every UserSig failure; which failures is our reading.
    {kMalformed, trtc_native(kInferred)},
    {kBadSignature, trtc_native(kInferred)},
    {kExpired, trtc_native(kInferred)},
    {kUserIdMismatch, trtc_native(kInferred)},
    {kAppIdMismatch, trtc_native(kInferred)},
});

}  // namespace

std::span<const CodeRow> tencent_rows() { return kRows; }

}  // namespace tokcheck::codes
