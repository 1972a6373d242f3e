// The command boundary: whatever a subcommand throws becomes a message on stderr
// and exit 2, never std::terminate (exit 134). UsageError messages already name
// the field; a nlohmann exception that gets past the request checks
// (reference/schemes/request_fields.h) is reported with its own text, which names the expected
// type ("type must be string, but is number").
#pragma once

#include <exception>
#include <functional>
#include <string_view>

namespace tokcheck::cli {

// Runs `body` and returns its exit code, or 2 after printing
// "tokcheck <command>: <why>" (control bytes escaped) when it throws.
int guarded(std::string_view command, const std::function<int()>& body);

// Prints "tokcheck <command>: <message>" to stderr with control bytes escaped.
void print_error(std::string_view command, std::string_view message);

}  // namespace tokcheck::cli
