// Text output for terminals: a token's fields are attacker-chosen bytes, and a
// channel name like "c\x1b[31mRED\x1b]0;pwned\x07" would recolour the terminal
// and set its title if printed verbatim. Everything the CLI prints for people
// that came from a token, a request or an argument goes through printable().
#pragma once

#include <string>
#include <string_view>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

// `text` with C0 controls (newline and tab included), DEL and C1 controls
// (U+0080..U+009F) written as \xHH, the Unicode bidirectional overrides and
// isolates (U+202A..U+202E, U+2066..U+2069, "Trojan Source", CVE-2021-42574)
// as \u{HHHH}, and bytes outside well-formed UTF-8 as \xHH. Other text is kept.
std::string printable(std::string_view text);

// `value` with printable() applied to every string and member name, for code
// that renders JSON as text lines (diagnose's text form).
schemes::Json printable_strings(const schemes::Json& value);

}  // namespace tokcheck::cli
