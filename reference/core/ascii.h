// Character-class checks over whole strings, eight bytes at a time, and the one
// \xHH byte escape.
//
// Every verify checks an app id (Agora: 32 hex, Volcengine: 24 alphanumerics)
// and a gateway runs verify per join, so these run on the hot path; a byte-wise
// loop was 4-9% of a verify (perf, docs/BENCHMARKS.md). The SWAR range test
// below is portable C++ (no intrinsics) and reads only the string's own bytes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace tokcheck {
namespace ascii_detail {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

// High bit of each byte set where lo <= byte <= hi, for bytes below 0x80 (the
// caller rejects others): byte + (0x80 - lo) reaches 0x80 iff byte >= lo, byte +
// (0x7F - hi) reaches 0x80 iff byte > hi, and neither sum carries out of its byte.
constexpr std::uint64_t in_range(std::uint64_t w, std::uint8_t lo, std::uint8_t hi) {
  const std::uint64_t at_least_lo = w + kOnes * (0x80u - lo);
  const std::uint64_t above_hi = w + kOnes * (0x7Fu - hi);
  return at_least_lo & ~above_hi & kHigh;
}

// 0x20 folds A-Z onto a-z and maps no other byte into a-z.
constexpr std::uint64_t hex_bytes(std::uint64_t w) {
  return in_range(w, '0', '9') | in_range(w | (kOnes * 0x20u), 'a', 'f');
}
constexpr std::uint64_t alnum_bytes(std::uint64_t w) {
  return in_range(w, '0', '9') | in_range(w | (kOnes * 0x20u), 'a', 'z');
}

template <std::uint64_t (*kClass)(std::uint64_t)>
bool all_in_class(std::string_view s) {
  std::size_t i = 0;
  std::uint64_t ok = kHigh;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    ok &= (w & kHigh) ? 0 : kClass(w) | ~kHigh;  // a non-ASCII byte fails the word
  }
  if (i < s.size()) {
    // The tail, padded with a byte of the class ('0') so only real bytes decide.
    std::uint64_t w = kOnes * '0';
    std::memcpy(&w, s.data() + i, s.size() - i);
    ok &= (w & kHigh) ? 0 : kClass(w) | ~kHigh;
  }
  return (ok & kHigh) == kHigh;
}

}  // namespace ascii_detail

// The value of one hex digit (0-9, a-f, A-F), or -1 for any other byte. The one
// hex digit decoder: from_hex and both strict JSON readers' four-digit unicode
// escapes use it.
constexpr int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Every byte is 0-9, a-f or A-F (an empty string qualifies).
inline bool all_hex(std::string_view s) {
  return ascii_detail::all_in_class<ascii_detail::hex_bytes>(s);
}
// Every byte is 0-9, a-z or A-Z (an empty string qualifies).
inline bool all_alnum(std::string_view s) {
  return ascii_detail::all_in_class<ascii_detail::alnum_bytes>(s);
}

// Appends `b` as the four characters \xHH (upper-case hex): how tokcheck shows a
// byte it will not print as itself (invalid UTF-8 in JSON output, control bytes
// in messages and terminal text).
inline void append_byte_escape(std::string& out, unsigned char b) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += "\\x";
  out += kHex[b >> 4];
  out += kHex[b & 0xF];
}

}  // namespace tokcheck
