// Range check for JSON numbers shared by the strict claim readers (ZEGO, Tencent).
//
// RFC 8259 §6 lets a parser limit the range of numbers, and I-JSON (RFC 7493
// §2.2) says a message should not hold a number of greater magnitude than an
// IEEE 754 binary64 provides. Parsers disagree on such numbers: Python reads
// 1e400 as infinity, Go's encoding/json and nlohmann::json refuse it. A token
// whose claims one verifier reads and another refuses is exactly the
// disagreement the strict readers exist to stop, so they refuse a number that
// rounds to ±infinity (inferred; docs/formats/zego.md, docs/formats/tencent.md).
// Underflow is not refused: every parser above reads 1e-400 as zero.
#pragma once

#include <string_view>

namespace tokcheck {

// `lexeme` is a complete number that already matched the RFC 8259 grammar
// (-?int frac? exp?). True unless its value rounds to ±infinity in binary64
// (round to nearest, as strtod does). Never allocates.
bool json_number_fits_binary64(std::string_view lexeme);

}  // namespace tokcheck
