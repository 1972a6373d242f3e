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

// The SSSE3 decoder (16 characters per step for both alphabets; the padded
// last group and 1..3 leftover groups go through the scalar code). Precondition:
// simd_available(); on other CPUs and non-x86-64 builds it is the scalar one.
bool decode_strict_simd(std::string_view in, std::vector<std::uint8_t>& out, Base64Alphabet which);

// True when this build has the SSSE3 decoder and the CPU runs it; the answer
// is computed once and cached. base64_decode uses the SIMD decoder exactly then.
bool simd_available();

}  // namespace tokcheck::base64_detail
