// The two ways json_number.cc reads a JSON number as binary64, exposed so that
// json_number_fallback_test.cc can compare them on the same inputs.
//
// Floating-point std::from_chars is C++17 but libc++ only has it from LLVM 20;
// OSS-Fuzz and ClusterFuzzLite build with clang and libc++ (fuzz-libcxx preset),
// so a standard library without it gets strtod_l under the "C" locale instead.
// The fallback is compiled in every build, so the GCC build tests it against
// from_chars (docs/FUZZING.md).
#pragma once

#include <charconv>
#include <optional>
#include <string_view>
#include <version>

// __cpp_lib_to_chars announces the complete <charconv>, floating point included;
// libc++ 14 leaves it undefined because its floating-point from_chars is missing.
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
#define TOKCHECK_HAVE_FLOAT_FROM_CHARS 1
#else
#define TOKCHECK_HAVE_FLOAT_FROM_CHARS 0
#endif

namespace tokcheck::json_number_detail {

// Decimal exponent of the leading significant digit plus one, saturated at
// about ±2^40: the value lies in [10^(e-1), 10^e). 0 for a number that is zero.
long long leading_exponent(std::string_view lexeme);

#if TOKCHECK_HAVE_FLOAT_FROM_CHARS
// from_chars(general), with its out-of-range result mapped to the value strtod
// gives: ±infinity for overflow, ±0 for underflow. `lexeme` must match the JSON
// number grammar (from_chars alone would also take "inf" or ".5").
double to_double_from_chars(std::string_view lexeme);
#endif

// The fallback: std::nullopt unless `lexeme` matches RFC 8259's number grammar
// exactly (-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, nothing around it);
// otherwise the correctly rounded binary64 value (round to nearest even),
// ±infinity on overflow, ±0 or a subnormal on underflow. Locale-independent,
// never allocates after its first call, any length of digits or exponent.
std::optional<double> to_double_c_locale(std::string_view lexeme);

}  // namespace tokcheck::json_number_detail
