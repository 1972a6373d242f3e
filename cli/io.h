// Input and output helpers shared by the subcommands.
#pragma once

#include <cstdint>
#include <string>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

using schemes::Json;

// Reads a JSON object from FILE, or standard input for "-". Throws
// schemes::UsageError with a clear message when it is unreadable or not JSON.
Json read_json_arg(const std::string& path);

std::int64_t unix_now();
// "2022-01-25 10:04:32 UTC"
std::string format_utc(std::int64_t unix_seconds);
// "in 3d 4h", "56y 12d ago", "now"
std::string format_relative(std::int64_t unix_seconds, std::int64_t now);

// The scheme named by `id`, or detected from `token` when `id` is empty;
// throws UsageError naming the known schemes when neither works.
const schemes::Scheme& pick_scheme(const std::string& id, const std::string& token);

}  // namespace tokcheck::cli
