// Internal entry points of the strict base64 decoder, for tests and benchmarks
// only (library callers use base64_decode in base64.h).
//
// Both decoders implement the same strict (canonical) rules and must agree on
// every input, bit for bit: the same accept/reject answer and, on accept, the
// same bytes in `out`. On reject the contents of `out` are unspecified.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "reference/core/base64.h"

namespace tokcheck::base64_detail {

// The portable decoder: four characters per step through pre-shifted tables.
bool decode_strict_scalar(std::string_view in, std::vector<std::uint8_t>& out,
                          Base64Alphabet which);

// The x86-64 vector paths of the strict decoder, slowest first.
enum class SimdLevel {
  kNone,   // scalar only (no SSSE3, or not x86-64)
  kSsse3,  // 16 characters per step
  kAvx2,   // 32 characters per step, then one 16-character step where 4..7 groups remain
};

// The best level this build has and the CPU runs; computed once and cached.
// base64_decode decodes at exactly this level.
SimdLevel simd_level();

// True when simd_level() is above kNone.
bool simd_available();

// The vector decoder at `level` (the padded last group and the 1..3 full groups
// no vector step takes go through the scalar code). Precondition: level <=
// simd_level(); at kNone, and on non-x86-64 builds, it is the scalar one.
bool decode_strict_simd(std::string_view in, std::vector<std::uint8_t>& out, Base64Alphabet which,
                        SimdLevel level);

// decode_strict_simd at simd_level().
bool decode_strict_simd(std::string_view in, std::vector<std::uint8_t>& out, Base64Alphabet which);

}  // namespace tokcheck::base64_detail
