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

constexpr auto kRows = std::to_array<CodeRow>({
    CodeRow{Condition::kTokenMissing, check("1", "CHECK_ERR01 sig empty", Basis::kDocumented)},
    // The malformation says which layer failed; the table lists the code of each.
    CodeRow{Condition::kMalformed,
            check("2", "CHECK_ERR02 sig base64 decode failed", Basis::kInferred)},
    CodeRow{Condition::kMalformed,
            check("3", "CHECK_ERR03 sig zip decompression failed", Basis::kInferred)},
    CodeRow{Condition::kMalformed,
            check("4", "CHECK_ERR04 sig json parse failed", Basis::kInferred)},
    CodeRow{Condition::kPayloadInvalid,
            check("6", "CHECK_ERR06 TLS.sig base64 decode failed", Basis::kInferred, kV1)},
    CodeRow{Condition::kPayloadInvalid,
            check("7", "CHECK_ERR07 field missing", Basis::kInferred, kV1)},
    CodeRow{Condition::kPayloadInvalid,
            check("10", "CHECK_ERR10 bad time/expire field", Basis::kInferred, kV1)},
    CodeRow{Condition::kBadSignature,
            check("8", "CHECK_ERR08 signature check failed", Basis::kDocumented)},
    CodeRow{Condition::kExpired, check("9", "CHECK_ERR09 sig expired", Basis::kDocumented)},
    CodeRow{Condition::kUserIdMismatch,
            check("13", "CHECK_ERR13 identifier mismatch", Basis::kDocumented)},
    CodeRow{Condition::kAppIdMismatch,
            check("14", "CHECK_ERR14 sdk_appid mismatch", Basis::kDocumented)},
    CodeRow{Condition::kUserbufMismatch,
            check("15", "CHECK_ERR15 userbuf abnormal", Basis::kDocumented)},
});

}  // namespace

std::span<const CodeRow> tencent_rows() { return kRows; }

}  // namespace tokcheck::codes
