// Input and output helpers shared by the subcommands.
#pragma once

#include <cstdint>
#include <string>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

using schemes::Json;

std::int64_t unix_now();
// "2022-01-25 10:04:32 UTC"
std::string format_utc(std::int64_t unix_seconds);
// "in 3d 4h", "56y 12d ago", "now"; exact for any two int64 values (the
// difference is taken as an unsigned magnitude, so it cannot overflow).
std::string format_relative(std::int64_t unix_seconds, std::int64_t now);

// "+5", "-3": `at - start` with its sign, exact for any two int64 values.
std::string format_offset(std::int64_t at, std::int64_t start);

// A token from standard input ("inspect -", "diagnose --token -"), without the
// one line ending every `echo` and file adds; anything more is left for
// repair_token() to report.
std::string read_token_stdin();

// "agora-006, agora-007, ..." for messages.
std::string known_scheme_list();

// The scheme named by `id`, or detected from `token` when `id` is empty;
// throws UsageError naming the known schemes when neither works.
const schemes::Scheme& pick_scheme(const std::string& id, const std::string& token);

}  // namespace tokcheck::cli
