// The lifecycle engine reads scenarios with the one request reader
// (reference/schemes/json_fields.h: path-aware, errors name the field as
// `field "events[3].token": must be a string`). What this header adds is the
// scenario's own integer range, which every time, duration and expiry obeys.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

#include "reference/schemes/json_fields.h"

namespace tokcheck::lifecycle {

using Json = schemes::Json;
using schemes::UsageError;

using schemes::has;
using schemes::join_path;
using schemes::only_keys;
using schemes::opt_bool;
using schemes::opt_int;
using schemes::opt_string;
using schemes::req_bool;
using schemes::req_choice;
using schemes::req_int;
using schemes::req_string;
using schemes::usage;

// Every integer a scenario gives (times, seconds, expiries) lies in
// [kMinScenarioInt, kMaxScenarioInt], half the int64 range, so the sum or the
// difference of two of them never overflows. The simulated clock stays at or
// below kMaxScenarioTime (docs/SEMANTICS.md LIFE-CLOCK-RANGE).
inline constexpr std::int64_t kMaxScenarioInt = std::numeric_limits<std::int64_t>::max() / 2;
inline constexpr std::int64_t kMinScenarioInt = std::numeric_limits<std::int64_t>::min() / 2;
inline constexpr std::int64_t kMaxScenarioTime = kMaxScenarioInt;

// A scenario integer: in [kMinScenarioInt, kMaxScenarioInt] or a usage error.
inline std::optional<std::int64_t> opt_int(const Json& v, std::string_view path,
                                           std::string_view key) {
  return schemes::opt_int(v, path, key, kMinScenarioInt, kMaxScenarioInt);
}
inline std::int64_t req_int(const Json& v, std::string_view path, std::string_view key) {
  return schemes::req_int(v, path, key, kMinScenarioInt, kMaxScenarioInt);
}

}  // namespace tokcheck::lifecycle
