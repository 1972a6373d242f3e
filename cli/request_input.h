// Reading a JSON request (build, verify, simulate) from a file or standard input,
// strictly: a syntax error names its line and column, a duplicated member name is
// an error (RFC 8259 §4 leaves duplicates to the reader; silently keeping the last
// one hid typos), and the document must be an object.
#pragma once

#include <string>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

// Throws schemes::UsageError naming the problem. `path` "-" is standard input.
schemes::Json read_request(const std::string& path);
// The same, for text already read; `origin` names it in messages.
schemes::Json parse_request(const std::string& text, const std::string& origin);

}  // namespace tokcheck::cli
