// Volcengine / ByteDance RTC token error codes per platform.
//
//  native         Volcengine RTC SDK room-state errors (docs 6348/136652, token-formats.md
//                 §5.2): -1000 InvalidToken, -1009 TokenExpired. The token FAQ
//                 (docs 6313/1157360, 6348/1157360) says -1000 after joinRoom means a
//                 token error and lists its causes: appId / roomId / userId differing from
//                 the token's, expire_time passed, an addPrivilege expiry passed.
//  native-update  the same SDK's result for updateToken: -1010 UpdateTokenWithInvalidToken.
//  web            Web SDK string codes INVALID_TOKEN / EXPIRED_TOKEN (docs 6348/136658).
//  miniprogram    ByteDance mini-program RtcRoomContext.updateToken (seed
//                 004_feb3ed951cfe7da6.txt): errNo 21101 "token invalid" (token不合法或无效),
//                 errNo 20000 parameter error, errorCode 115902 "updateToken:fail invalid
//                 token". Success is errMsg "updateToken:ok" (no row: valid has no code).
//
// kDocumented: the cited page names this cause for this code. kInferred: the code is
// documented, attaching it to this condition is our decision (docs/formats/volc.md).
#include <array>

#include "reference/codes/codes.h"

namespace tokcheck::codes {
namespace {

constexpr std::string_view kCodes = "https://volcengine.com/docs/6348/136652";
constexpr std::string_view kFaq = "https://volcengine.com/docs/6348/1157360";
constexpr std::string_view kWeb = "https://volcengine.com/docs/6348/136658";
constexpr std::string_view kSeed = "seed 004_feb3ed951cfe7da6.txt";

constexpr VendorCode native_invalid(Basis b, std::string_view source) {
  return {"native", "-1000", "InvalidToken", b, source};
}
constexpr VendorCode update_invalid(Basis b) {
  return {"native-update", "-1010", "UpdateTokenWithInvalidToken", b, kCodes};
}
constexpr VendorCode web_invalid(Basis b) {
  return {"web", "INVALID_TOKEN", "INVALID_TOKEN", b, kWeb};
}
constexpr VendorCode web_expired(Basis b) {
  return {"web", "EXPIRED_TOKEN", "EXPIRED_TOKEN", b, kWeb};
}
constexpr VendorCode mini_invalid(Basis b) {
  return {"miniprogram", "21101", "token invalid", b, kSeed};
}
constexpr VendorCode mini_fail(Basis b) {
  return {"miniprogram", "115902", "updateToken:fail invalid token", b, kSeed};
}

// A token the server cannot accept at all: every platform's "invalid token".
#define TOKCHECK_VOLC_INVALID(cond, native_basis, native_source, mini_basis)                 \
  CodeRow{cond, native_invalid(native_basis, native_source)},                                \
      CodeRow{cond, update_invalid(Basis::kInferred)},                                       \
      CodeRow{cond, web_invalid(Basis::kInferred)}, CodeRow{cond, mini_invalid(mini_basis)}, \
      CodeRow {                                                                              \
    cond, mini_fail(mini_basis)                                                              \
  }

using enum Condition;
using enum Basis;

constexpr auto kRows = std::to_array<CodeRow>({
    // "token不合法" (not well-formed) is the mini-program's own wording for 21101/115902.
    TOKCHECK_VOLC_INVALID(kMalformed, kInferred, kCodes, kDocumented),
    TOKCHECK_VOLC_INVALID(kUnsupportedVersion, kInferred, kCodes, kInferred),
    TOKCHECK_VOLC_INVALID(kBadSignature, kInferred, kCodes, kInferred),
    TOKCHECK_VOLC_INVALID(kPrivilegeMissing, kInferred, kCodes, kInferred),
    // The FAQ names these causes for -1000.
    TOKCHECK_VOLC_INVALID(kAppIdMismatch, kDocumented, kFaq, kInferred),
    TOKCHECK_VOLC_INVALID(kRoomMismatch, kDocumented, kFaq, kInferred),
    TOKCHECK_VOLC_INVALID(kUserIdMismatch, kDocumented, kFaq, kInferred),

    // Expired: -1000 at join (FAQ), -1009 TokenExpired by name (error-code list).
    {kExpired, native_invalid(kDocumented, kFaq)},
    {kExpired, {"native", "-1009", "TokenExpired", kDocumented, kCodes}},
    {kExpired, update_invalid(kInferred)},
    {kExpired, web_expired(kDocumented)},
    {kExpired, mini_invalid(kInferred)},
    {kExpired, mini_fail(kInferred)},

    // A required privilege past its addPrivilege expiry: -1000 per the FAQ.
    {kPrivilegeExpired, native_invalid(kDocumented, kFaq)},
    {kPrivilegeExpired, update_invalid(kInferred)},
    {kPrivilegeExpired, web_expired(kInferred)},
    {kPrivilegeExpired, mini_invalid(kInferred)},
    {kPrivilegeExpired, mini_fail(kInferred)},

    // No token at all: the mini-program's parameter error; elsewhere "invalid token".
    {kTokenMissing, native_invalid(kInferred, kCodes)},
    {kTokenMissing, update_invalid(kInferred)},
    {kTokenMissing, web_invalid(kInferred)},
    CodeRow{kTokenMissing,
            {"miniprogram", "20000", "updateToken:fail (parameter error)", kInferred, kSeed}},
});

#undef TOKCHECK_VOLC_INVALID

}  // namespace

std::span<const CodeRow> volc_rows() { return kRows; }

}  // namespace tokcheck::codes
