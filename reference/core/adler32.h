// Adler-32 (RFC 1950 §8.2), the check value at the end of every zlib stream.
//
// The Inflater checks it itself (zlib's inflateValidate(…, 0) turns zlib's own
// check off) because zlib 1.2.13's adler32 is byte-at-a-time: ~380 instructions
// of a ~16,000-instruction UserSig verify for 182 bytes. This one takes 16 bytes
// a step with SSE2 (part of x86-64, no dispatch); docs/BENCHMARKS.md has the
// measurement.
#pragma once

#include <cstdint>

#include "reference/core/byte_reader.h"

namespace tokcheck {

// The Adler-32 of `data` from the initial value 1, as zlib's adler32(1, …).
std::uint32_t adler32(Bytes data);

}  // namespace tokcheck
