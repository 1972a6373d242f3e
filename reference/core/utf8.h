// UTF-8 well-formedness, shared by every format whose ids must be text
// (Volcengine room/user ids, Tencent identifiers and userbuf strings).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tokcheck {

// RFC 3629 UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s);

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629 §4: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0 if there is none; `cp` is its code
// point. Never reads past s. The one decoder the strict JSON readers share.
std::size_t utf8_sequence(std::string_view s, std::size_t i, std::uint32_t& cp);

// Appends the UTF-8 encoding of `cp` (a scalar value, as \u escapes decode to).
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace tokcheck
