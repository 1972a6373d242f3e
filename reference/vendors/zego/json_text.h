// How ZEGO's generators spell the JSON text they sign, and how they count string
// lengths: what a byte-exact ZEGO builder needs beyond the strict reader
// (reference/core/strict_json.h).
#pragma once

#include <string>
#include <string_view>

namespace tokcheck::zego {

// The JSON.stringify spelling of `s` as a JSON string literal (with quotes):
// `"` and `\` escaped, \b \f \n \r \t short forms, other controls as \u00xx
// (lower-case hex), everything else (including non-ASCII, '/', U+2028/9) verbatim.
// This is what ZEGO's Node, C++ (rapidjson) and Python (ensure_ascii=False)
// generators emit for ordinary strings (token-formats.md ZEGO §1.3).
void append_json_string(std::string& out, std::string_view s);

// Length of `s` in UTF-16 code units (what JavaScript's and Java's `length`
// count), or -1 when `s` is not valid UTF-8.
long utf16_length(std::string_view s);

}  // namespace tokcheck::zego
