// Word-at-a-time scanning of JSON text for the strict claims reader
// (reference/core/strict_json.h, which ZEGO and Tencent share): string bodies are
// almost all plain ASCII (ids, base64), and a byte loop over them was the largest
// single cost of a JSON-claims verify.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tokcheck::json_scan {

// Eight bytes as a word whose lowest byte is the first one.
inline std::uint64_t load8(const char* p) {
  std::uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// A byte that can be copied straight out of a JSON string body.
constexpr bool is_plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// The high bit of each byte of `w` that is not plain. Borrows only run from a
// flagged byte towards later ones, so the lowest flag is exact; later flags may
// be spurious and are never relied on.
constexpr std::uint64_t non_plain(std::uint64_t w) {
  const std::uint64_t quote = w ^ (kOnes * '"');
  const std::uint64_t backslash = w ^ (kOnes * '\\');
  const std::uint64_t control = (w - kOnes * 0x20) & ~w;  // a byte below 0x20
  const std::uint64_t flags = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) |
                              control | w;  // w itself: a byte at or above 0x80
  return flags & kHighs;
}

// Index of the first byte of s at or after `from` that is not plain, or s.size().
inline std::size_t plain_run_end(std::string_view s, std::size_t from) {
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  const char* q = begin + from;
#if defined(__SSE2__)
  // Sixteen bytes a step (SSE2 is part of x86-64): a claims name or a base64
  // signature ends within one or three steps, where the word loop below took
  // two to six (UserSig verify: ~400 instructions less per token, callgrind).
  // A byte below 0x20 or at/above 0x80 is below 0x20 as a signed byte.
  while (end - q >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(stop));
    if (mask != 0) {
      return static_cast<std::size_t>(q - begin) + static_cast<std::size_t>(std::countr_zero(mask));
    }
    q += 16;
  }
#endif
  while (end - q >= 8) {
    const std::uint64_t m = non_plain(load8(q));
    if (m != 0) {
      return static_cast<std::size_t>(q - begin) +
             static_cast<std::size_t>(std::countr_zero(m) >> 3);
    }
    q += 8;
  }
  while (q < end && is_plain(static_cast<unsigned char>(*q))) ++q;
  return static_cast<std::size_t>(q - begin);
}

}  // namespace tokcheck::json_scan
