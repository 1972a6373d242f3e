// "now" — the instant expiry is judged at — means one thing in every command:
// unix seconds, 0 being 1970-01-01T00:00:00Z (never "the wall clock"); absent
// means the wall clock. Accepted range [0, 253402300799] (up to 9999-12-31
// 23:59:59 UTC): every format's times are unsigned or positive, and beyond year
// 9999 UTC dates cannot be printed (inferred; tests pin both ends).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

inline constexpr std::int64_t kNowMin = 0;
inline constexpr std::int64_t kNowMax = 253402300799;

// The --now argument as given; throws UsageError for anything but a decimal
// integer in range (no silent clamping of 99999999999999999999).
std::int64_t parse_now_arg(const std::string& text);

// --now if given, else the request's "now" (range-checked), else the clock.
// Both given and different: a usage error (which one was meant?).
std::int64_t resolve_now(const std::optional<std::string>& arg, const schemes::Json* request);

}  // namespace tokcheck::cli
