// UTF-8 well-formedness, shared by every format whose ids must be text
// (Volcengine room/user ids, Tencent identifiers and userbuf strings).
#pragma once

#include <string_view>

namespace tokcheck {

// RFC 3629 UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s);

}  // namespace tokcheck
