// Reading scenario JSON with errors that say where: every accessor throws
// schemes::UsageError naming the path ("events[3].token: must be a string"), so a
// bad scenario says what to fix instead of producing odd outputs.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "reference/schemes/scheme.h"

namespace tokcheck::lifecycle {

using Json = schemes::Json;
using schemes::UsageError;

// Every integer a scenario gives (times, seconds, expiries) lies in
// [kMinScenarioInt, kMaxScenarioInt], half the int64 range, so the sum or the
// difference of two of them never overflows. The simulated clock stays at or
// below kMaxScenarioTime (docs/SEMANTICS.md LIFE-CLOCK-RANGE).
inline constexpr std::int64_t kMaxScenarioInt = std::numeric_limits<std::int64_t>::max() / 2;
inline constexpr std::int64_t kMinScenarioInt = std::numeric_limits<std::int64_t>::min() / 2;
inline constexpr std::int64_t kMaxScenarioTime = kMaxScenarioInt;

[[noreturn]] void usage(std::string_view path, std::string_view what);

// Throws unless `v` is an object whose keys are all in `allowed`.
void only_keys(const Json& v, std::string_view path,
               std::initializer_list<std::string_view> allowed);

// Present and not null.
bool has(const Json& v, std::string_view key);
std::string req_string(const Json& v, std::string_view path, std::string_view key);
std::optional<std::string> opt_string(const Json& v, std::string_view path, std::string_view key);
std::int64_t req_int(const Json& v, std::string_view path, std::string_view key);
std::optional<std::int64_t> opt_int(const Json& v, std::string_view path, std::string_view key);
bool opt_bool(const Json& v, std::string_view path, std::string_view key, bool fallback);
bool req_bool(const Json& v, std::string_view path, std::string_view key);

// `value` must be one of `choices`; the error lists them.
std::string req_choice(const Json& v, std::string_view path, std::string_view key,
                       std::initializer_list<std::string_view> choices);

std::string join_path(std::string_view path, std::string_view key);

}  // namespace tokcheck::lifecycle
