// The protocol's framing rules (docs/PROTOCOL.md), shared by every transport:
// the hello request, reading a hello answer, and checking one answer line.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "conformance/lib/implementation.h"

namespace tokcheck::conformance {

// {"id":"hello","op":"hello","protocol":1,"tool":"tokcheck","version":...}
Json make_hello_request();

// Reads the answer to the hello request. A v1 answer declares what it supports;
// an answer of `unsupported` or `usage_error` comes from a v0 implementation
// (Hello.protocol = 0, with a deprecation warning in `warning`); anything else
// is a PROTOCOL_ERROR failure.
std::variant<Hello, Failure> read_hello(const Json& answer, std::string& warning);

// Turns one answer line into the response of `request`: a JSON object whose
// `id` equals the request's (v1: required; v0: checked when present). Anything
// else is a PROTOCOL_ERROR failure naming what is wrong.
std::variant<Json, Failure> read_answer(const Json& request, std::string_view line, int protocol);

// The tool version reports carry (CMake's project version).
std::string_view tool_version();

}  // namespace tokcheck::conformance
