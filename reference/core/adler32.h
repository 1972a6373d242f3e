// Adler-32 (RFC 1950 §8.2), the check value at the end of every zlib stream.
//
// The Inflater checks it itself (zlib's inflateValidate(…, 0) turns zlib's own
// check off) because zlib 1.2.13's is byte-at-a-time: a UserSig verify (182
// inflated bytes) fell from 15,837 to 15,430 instructions with this one, which
// takes 16 bytes a step with SSE2 (part of x86-64, no dispatch). Why not
// libdeflate's: docs/BENCHMARKS.md, "Results".
#pragma once

#include <cstdint>

#include "reference/core/byte_reader.h"

namespace tokcheck {

// The Adler-32 of `data` from the initial value 1, as zlib's adler32(1, …).
std::uint32_t adler32(Bytes data);

}  // namespace tokcheck
