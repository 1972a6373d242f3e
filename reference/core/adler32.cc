#include "reference/core/adler32.h"

#include <algorithm>
#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tokcheck {
namespace {

constexpr std::uint32_t kBase = 65521;  // the largest prime below 2^16
// The most bytes after which neither sum can have passed 2^32 - 1 when both
// started below kBase: 255 n (n + 1) / 2 + (n + 1)(kBase - 1) <= 2^32 - 1 (zlib's
// NMAX); every partial sum below is part of that total, so none overflows either.
constexpr std::size_t kNmax = 5552;

#if defined(__SSE2__)
std::uint64_t sum_lanes(__m128i v) {
  alignas(16) std::uint32_t lanes[4];
  _mm_store_si128(reinterpret_cast<__m128i*>(lanes), v);
  return std::uint64_t{lanes[0]} + lanes[1] + lanes[2] + lanes[3];
}
#endif

}  // namespace

std::uint32_t adler32(Bytes data) {
  std::uint32_t a = 1;
  std::uint32_t b = 0;
  const std::uint8_t* p = data.data();
  std::size_t n = data.size();
#if defined(__SSE2__)
  // Per 16-byte block x_0..x_15, from sums a0, b0: a = a0 + sum x_i and
  // b = b0 + 16 a0 + sum (16 - i) x_i. Over a run of blocks the 16 a0 terms are
  // 16 times (the a before the run, once per block, plus every earlier block's
  // byte sum), which `before` accumulates.
  const __m128i zero = _mm_setzero_si128();
  const __m128i weights_lo = _mm_setr_epi16(16, 15, 14, 13, 12, 11, 10, 9);
  const __m128i weights_hi = _mm_setr_epi16(8, 7, 6, 5, 4, 3, 2, 1);
  while (n >= 16) {
    const std::size_t blocks = std::min(n, kNmax) / 16;
    n -= blocks * 16;
    __m128i sums = zero;    // byte sums (psadbw: two 64-bit lanes)
    __m128i before = zero;  // sum over blocks of the byte sums before each
    __m128i weighted = zero;
    for (std::size_t k = 0; k < blocks; ++k, p += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      before = _mm_add_epi32(before, sums);
      sums = _mm_add_epi32(sums, _mm_sad_epu8(bytes, zero));
      weighted = _mm_add_epi32(
          weighted, _mm_add_epi32(_mm_madd_epi16(_mm_unpacklo_epi8(bytes, zero), weights_lo),
                                  _mm_madd_epi16(_mm_unpackhi_epi8(bytes, zero), weights_hi)));
    }
    const std::uint64_t b_total =
        b + std::uint64_t{a} * 16 * blocks + 16 * sum_lanes(before) + sum_lanes(weighted);
    a = static_cast<std::uint32_t>((a + sum_lanes(sums)) % kBase);
    b = static_cast<std::uint32_t>(b_total % kBase);
  }
#endif
  while (n > 0) {
    const std::size_t run = std::min(n, kNmax);
    n -= run;
    for (std::size_t i = 0; i < run; ++i) {
      a += *p++;
      b += a;
    }
    a %= kBase;
    b %= kBase;
  }
  return (b << 16) | a;
}

}  // namespace tokcheck
