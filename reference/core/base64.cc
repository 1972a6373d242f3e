#include "reference/core/base64.h"

#include <array>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "reference/core/base64_internal.h"

namespace tokcheck {
namespace {

constexpr std::string_view kStandardChars =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kTencentChars =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-";

constexpr std::int8_t kInvalid = -1;

// Pre-shifted decode tables (the modp_b64 technique): quad[k][c] is the
// sextet of c already shifted into place for position k of a 4-char group,
// and kBadQuad (bit 24) for a character outside the alphabet, so one group
// decodes with four loads, three ORs and one compare.
constexpr std::uint32_t kBadQuad = 1u << 24;

struct Alphabet {
  std::string_view chars;
  char pad;
  std::array<std::int8_t, 256> strict{};   // only the alphabet's own 64 chars
  std::array<std::int8_t, 256> lenient{};  // plus the other common spellings of 62/63
  std::array<std::array<std::uint32_t, 256>, 4> quad{};
};

Alphabet make_alphabet(std::string_view chars, char pad, std::string_view extra62,
                       std::string_view extra63) {
  Alphabet a{chars, pad, {}, {}};
  a.strict.fill(kInvalid);
  a.lenient.fill(kInvalid);
  for (std::size_t i = 0; i < chars.size(); ++i) {
    a.strict[static_cast<unsigned char>(chars[i])] = static_cast<std::int8_t>(i);
    a.lenient[static_cast<unsigned char>(chars[i])] = static_cast<std::int8_t>(i);
  }
  for (char c : extra62) a.lenient[static_cast<unsigned char>(c)] = 62;
  for (char c : extra63) a.lenient[static_cast<unsigned char>(c)] = 63;
  for (std::size_t k = 0; k < 4; ++k) {
    for (std::size_t c = 0; c < 256; ++c) {
      a.quad[k][c] =
          a.strict[c] < 0 ? kBadQuad : static_cast<std::uint32_t>(a.strict[c]) << (18 - 6 * k);
    }
  }
  return a;
}

const Alphabet& alphabet_for(Base64Alphabet which) {
  static const Alphabet standard = make_alphabet(kStandardChars, '=', "-", "_");
  static const Alphabet tencent = make_alphabet(kTencentChars, '_', "+", "/");
  return which == Base64Alphabet::kTencent ? tencent : standard;
}

// The strict decoder, in three parts shared by the scalar and SIMD paths:
// strict_shape checks the length, counts the padding and sizes `out`;
// decode_groups_scalar decodes full groups and the padded last group.
struct StrictShape {
  std::size_t full_groups = 0;  // 4-char groups without padding
  std::size_t pad = 0;          // '=' characters in the last group (0..2)
};

// Sizes `out` to the exact decoded length with one resize and no clear first:
// when the caller reuses its buffer for a same-length token that writes nothing
// (clear + resize zero-filled every byte on every verify). On a false return
// `out` may hold anything; base64_decode clears or refills it on every failure.
bool strict_shape(std::string_view in, const Alphabet& a, std::vector<std::uint8_t>& out,
                  StrictShape& shape) {
  if (in.size() % 4 != 0) return false;
  if (in.empty()) {
    out.clear();
    return true;
  }
  std::size_t pad = 0;
  if (in.back() == a.pad) ++pad;
  if (in[in.size() - 2] == a.pad) ++pad;
  // "xx=y" counts pad = 1 here and is refused when its third char ('=') fails
  // the alphabet lookup below, before anything past the full groups is written.
  shape.pad = pad;
  shape.full_groups = in.size() / 4 - (pad ? 1 : 0);
  out.resize(in.size() / 4 * 3 - pad);
  return true;
}

// Four characters at a time through the pre-shifted tables: `groups` full
// groups from p into o (3 bytes each), then the padded group if pad != 0.
// Writes exactly 3 * groups + (pad ? 3 - pad : 0) bytes.
bool decode_groups_scalar(const unsigned char* p, std::size_t groups, std::size_t pad,
                          const Alphabet& a, std::uint8_t* o) {
  std::uint32_t bad = 0;
  for (std::size_t g = 0; g < groups; ++g, p += 4, o += 3) {
    const std::uint32_t v = a.quad[0][p[0]] | a.quad[1][p[1]] | a.quad[2][p[2]] | a.quad[3][p[3]];
    bad |= v;
    o[0] = static_cast<std::uint8_t>(v >> 16);
    o[1] = static_cast<std::uint8_t>(v >> 8);
    o[2] = static_cast<std::uint8_t>(v);
  }
  if (bad & kBadQuad) return false;
  if (pad) {
    // Last group: "xx==" or "xxx=". Canonical form needs the unused bits zero.
    const std::int32_t v0 = a.strict[p[0]], v1 = a.strict[p[1]];
    const std::int32_t v2 = pad == 1 ? a.strict[p[2]] : 0;
    if ((v0 | v1 | v2) < 0) return false;
    const std::uint32_t v = (static_cast<std::uint32_t>(v0) << 18) |
                            (static_cast<std::uint32_t>(v1) << 12) |
                            (static_cast<std::uint32_t>(v2) << 6);
    if (pad == 2 && (v & 0xFFFF) != 0) return false;
    if (pad == 1 && (v & 0xFF) != 0) return false;
    *o++ = static_cast<std::uint8_t>(v >> 16);
    if (pad == 1) *o = static_cast<std::uint8_t>(v >> 8);
  }
  return true;
}

bool decode_strict_scalar_impl(std::string_view in, const Alphabet& a,
                               std::vector<std::uint8_t>& out) {
  StrictShape shape;
  if (!strict_shape(in, a, out, shape)) return false;
  if (in.empty()) return true;
  return decode_groups_scalar(reinterpret_cast<const unsigned char*>(in.data()), shape.full_groups,
                              shape.pad, a, out.data());
}

#if defined(__x86_64__)
// SSSE3 decoding of 16 characters into 12 bytes per step, after W. Mula and
// D. Lemire, "Faster Base64 Encoding and Decoding Using AVX2 Instructions", ACM
// TOMS 44(3), 2018, in its 128-bit form. The tables are derived here, for each
// alphabet, for this decoder's validity test (see the comments).
//
// Validation. Split each char c into hi = c >> 4 and lo = c & 15. Give every
// lo nibble a set of bits, every hi nibble the bits of the lo sets that are
// INVALID with it; then c is valid iff lut_lo[lo] & lut_hi[hi] == 0. Every
// lut_lo entry is nonzero, so a hi nibble refusing every bit (0x1F) catches
// every lo. The hi nibble is masked to 0..15, so bytes >= 0x80 index
// lut_hi[8..15] (pshufb would otherwise zero them).
//
// Translation (valid chars only): sextet = c + shift[index], where index = hi,
// minus one for the alphabet's `split` char, which shares hi 2 with the other
// of chars 62 and 63 and so needs its own shift.
//
// Packing, per 4 sextets a b c d (a first): pmaddubsw with bytes (64, 1) makes
// 16-bit a<<6|b and c<<6|d; pmaddwd with words (4096, 1) makes the 24-bit
// a<<18|b<<12|c<<6|d in each 32-bit lane, little endian; pshufb takes bytes
// 2,1,0 of each lane, giving the 12 output bytes in order.
struct SimdTables {
  std::array<std::int8_t, 16> lut_lo, lut_hi, shift;
  char split;
};

// Standard alphabet, "A-Za-z0-9+/".
//   lut_lo bits: 0x01 lo 0; 0x02 lo A; 0x04 lo B..F; 0x08 lo 1..9; 0x10 lo C..E.
//   Valid by hi: 2: lo B '+', F '/'; 3: lo 0..9; 4, 6: lo 1..F; 5, 7: lo 0..A.
//   So hi 2 refuses 0x01|0x02|0x08|0x10 = 0x1B (leaves B, F); hi 3 refuses
//   0x02|0x04 = 0x06 (A..F); hi 4, 6 refuse 0x01 (lo 0); hi 5, 7 refuse 0x04.
//   Shifts: 1: '/' 47 -> 63 (+16); 2: '+' 43 -> 62 (+19); 3: '0' 48 -> 52 (+4);
//   4, 5: 'A' 65 -> 0 (-65); 6, 7: 'a' 97 -> 26 (-71).
constexpr SimdTables kStandardSimd{{0x01, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08,
                                    0x02, 0x04, 0x14, 0x14, 0x14, 0x04},
                                   {0x1F, 0x1F, 0x1B, 0x06, 0x01, 0x04, 0x01, 0x04, 0x1F, 0x1F,
                                    0x1F, 0x1F, 0x1F, 0x1F, 0x1F, 0x1F},
                                   {0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0},
                                   '/'};

// Tencent alphabet, "A-Za-z0-9*-" (62 '*' is 0x2A, 63 '-' is 0x2D; pad '_' is
// 0x5F, which hi 5 refuses, so a pad inside the full groups is rejected).
//   lut_lo bits: 0x01 lo 0; 0x02 lo A; 0x04 lo B, C, E, F; 0x08 lo 1..9; 0x10 lo D.
//   Valid by hi: 2: lo A '*', D '-'; 3: lo 0..9; 4, 6: lo 1..F; 5, 7: lo 0..A.
//   So hi 2 refuses 0x01|0x04|0x08 = 0x0D; hi 3 refuses 0x02|0x04|0x10 = 0x16;
//   hi 4, 6 refuse 0x01; hi 5, 7 refuse 0x04|0x10 = 0x14.
//   Shifts: 1: '-' 45 -> 63 (+18); 2: '*' 42 -> 62 (+20); digits and letters as
//   in the standard alphabet.
constexpr SimdTables kTencentSimd{{0x01, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x02,
                                   0x04, 0x04, 0x10, 0x04, 0x04},
                                  {0x1F, 0x1F, 0x0D, 0x16, 0x01, 0x14, 0x01, 0x14, 0x1F, 0x1F, 0x1F,
                                   0x1F, 0x1F, 0x1F, 0x1F, 0x1F},
                                  {0, 18, 20, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0},
                                  '-'};

__attribute__((target("ssse3"))) __m128i load16(const std::array<std::int8_t, 16>& a) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(a.data()));
}

// Reads exactly 16 * blocks bytes from p and writes the 12 * blocks bytes
// from o on; nothing at or past o_end (the end of the output buffer): a block
// stores all 16 bytes of its register only while 4 bytes of room remain past
// its 12 (the next block or the scalar tail overwrites them), else 8 + 4.
// Returns false if any char was outside the alphabet of `t` (then the output
// holds garbage).
__attribute__((target("ssse3"))) bool decode_blocks_ssse3(const SimdTables& t,
                                                          const unsigned char* p,
                                                          std::size_t blocks, std::uint8_t* o,
                                                          const std::uint8_t* o_end) {
  const __m128i lut_lo = load16(t.lut_lo);
  const __m128i lut_hi = load16(t.lut_hi);
  const __m128i lut_shift = load16(t.shift);
  const __m128i nibble = _mm_set1_epi8(0x0F);
  const __m128i split = _mm_set1_epi8(t.split);
  const __m128i merge_pairs = _mm_set1_epi32(0x01400140);  // bytes 0x40, 0x01, ...
  const __m128i merge_quads = _mm_set1_epi32(0x00011000);  // words 0x1000, 0x0001, ...
  const __m128i pack = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  __m128i bad = _mm_setzero_si128();
  for (std::size_t b = 0; b < blocks; ++b, p += 16, o += 12) {
    const __m128i chars = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hi = _mm_and_si128(_mm_srli_epi32(chars, 4), nibble);
    const __m128i lo = _mm_and_si128(chars, nibble);
    bad = _mm_or_si128(bad,
                       _mm_and_si128(_mm_shuffle_epi8(lut_lo, lo), _mm_shuffle_epi8(lut_hi, hi)));
    const __m128i shift_index = _mm_add_epi8(hi, _mm_cmpeq_epi8(chars, split));
    const __m128i sextets = _mm_add_epi8(chars, _mm_shuffle_epi8(lut_shift, shift_index));
    const __m128i pairs = _mm_maddubs_epi16(sextets, merge_pairs);
    const __m128i quads = _mm_madd_epi16(pairs, merge_quads);
    const __m128i bytes = _mm_shuffle_epi8(quads, pack);
    if (o_end - o >= 16) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), bytes);
    } else {
      const auto first8 = static_cast<std::uint64_t>(_mm_cvtsi128_si64(bytes));
      const auto last4 = static_cast<std::uint32_t>(_mm_cvtsi128_si32(_mm_srli_si128(bytes, 8)));
      std::memcpy(o, &first8, 8);
      std::memcpy(o + 8, &last4, 4);
    }
  }
  return _mm_movemask_epi8(_mm_cmpeq_epi8(bad, _mm_setzero_si128())) == 0xFFFF;
}

// The same step on 32 characters: AVX2 shuffles within each 128-bit lane, so the
// tables are the SSSE3 ones in both lanes and each lane packs its 12 bytes as
// above; one cross-lane dword permute then closes the 4-byte gap between them.
// Reads exactly 32 * blocks bytes from p and writes 24 * blocks bytes from o
// on, nothing at or past o_end (all 32 bytes of the register only while 8
// bytes of room remain past its 24, else 16 + 8).
__attribute__((target("avx2"))) bool decode_blocks_avx2(const SimdTables& t, const unsigned char* p,
                                                        std::size_t blocks, std::uint8_t* o,
                                                        const std::uint8_t* o_end) {
  const __m256i lut_lo = _mm256_broadcastsi128_si256(load16(t.lut_lo));
  const __m256i lut_hi = _mm256_broadcastsi128_si256(load16(t.lut_hi));
  const __m256i lut_shift = _mm256_broadcastsi128_si256(load16(t.shift));
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i split = _mm256_set1_epi8(t.split);
  const __m256i merge_pairs = _mm256_set1_epi32(0x01400140);
  const __m256i merge_quads = _mm256_set1_epi32(0x00011000);
  const __m256i pack = _mm256_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1,  //
                                        2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  const __m256i join_lanes = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 3, 7);
  __m256i bad = _mm256_setzero_si256();
  for (std::size_t b = 0; b < blocks; ++b, p += 32, o += 24) {
    const __m256i chars = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i hi = _mm256_and_si256(_mm256_srli_epi32(chars, 4), nibble);
    const __m256i lo = _mm256_and_si256(chars, nibble);
    bad = _mm256_or_si256(
        bad, _mm256_and_si256(_mm256_shuffle_epi8(lut_lo, lo), _mm256_shuffle_epi8(lut_hi, hi)));
    const __m256i shift_index = _mm256_add_epi8(hi, _mm256_cmpeq_epi8(chars, split));
    const __m256i sextets = _mm256_add_epi8(chars, _mm256_shuffle_epi8(lut_shift, shift_index));
    const __m256i pairs = _mm256_maddubs_epi16(sextets, merge_pairs);
    const __m256i quads = _mm256_madd_epi16(pairs, merge_quads);
    const __m256i bytes = _mm256_permutevar8x32_epi32(_mm256_shuffle_epi8(quads, pack), join_lanes);
    if (o_end - o >= 32) {
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(o), bytes);
    } else {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), _mm256_castsi256_si128(bytes));
      _mm_storel_epi64(reinterpret_cast<__m128i*>(o + 16), _mm256_extracti128_si256(bytes, 1));
    }
  }
  return _mm256_testz_si256(bad, bad) != 0;
}
#endif

bool decode_strict_simd_impl(std::string_view in, [[maybe_unused]] Base64Alphabet which,
                             const Alphabet& a, std::vector<std::uint8_t>& out,
                             base64_detail::SimdLevel level) {
#if defined(__x86_64__)
  using base64_detail::SimdLevel;
  if (level == SimdLevel::kNone) return decode_strict_scalar_impl(in, a, out);
  StrictShape shape;
  if (!strict_shape(in, a, out, shape)) return false;
  if (in.empty()) return true;
  // Vector steps only inside the full groups: 8 groups per AVX2 step, then 4
  // per SSSE3 step (at most one after AVX2), so the padded last group and any
  // 1..3 leftover full groups go through the scalar code.
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  std::uint8_t* o = out.data();
  const std::uint8_t* const o_end = o + out.size();
  const SimdTables& t = which == Base64Alphabet::kTencent ? kTencentSimd : kStandardSimd;
  std::size_t groups = shape.full_groups;
  bool ok = true;
  if (level == SimdLevel::kAvx2) {
    const std::size_t blocks = groups / 8;
    ok = decode_blocks_avx2(t, p, blocks, o, o_end);
    p += 32 * blocks;
    o += 24 * blocks;
    groups -= 8 * blocks;
  }
  const std::size_t blocks = groups / 4;
  ok = decode_blocks_ssse3(t, p, blocks, o, o_end) && ok;
  return ok &&
         decode_groups_scalar(p + 16 * blocks, groups - 4 * blocks, shape.pad, a, o + 12 * blocks);
#else
  (void)level;
  return decode_strict_scalar_impl(in, a, out);
#endif
}

bool decode_strict(std::string_view in, Base64Alphabet which, const Alphabet& a,
                   std::vector<std::uint8_t>& out) {
  return decode_strict_simd_impl(in, which, a, out, base64_detail::simd_level());
}

void decode_lenient(std::string_view in, const Alphabet& a, std::vector<std::uint8_t>& out) {
  out.clear();
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == a.pad || (a.pad == '_' && c == '=')) break;
    const std::int8_t v = a.lenient[static_cast<unsigned char>(c)];
    if (v == kInvalid) continue;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>(acc >> bits));
      acc &= (1u << bits) - 1;
    }
  }
}

// A string the lenient rules would decode differs from "garbage" in that it holds
// at least one alphabet character; with none it is not base64 in any sense.
bool has_alphabet_char(std::string_view in, const Alphabet& a) {
  for (char c : in) {
    if (a.lenient[static_cast<unsigned char>(c)] != kInvalid) return true;
  }
  return false;
}

}  // namespace

std::string base64_encode(Bytes data, Base64Alphabet which) {
  const Alphabet& a = alphabet_for(which);
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    const std::uint32_t v =
        (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8) | data[i + 2];
    out.push_back(a.chars[(v >> 18) & 63]);
    out.push_back(a.chars[(v >> 12) & 63]);
    out.push_back(a.chars[(v >> 6) & 63]);
    out.push_back(a.chars[v & 63]);
  }
  const std::size_t left = data.size() - i;
  if (left == 1) {
    const std::uint32_t v = std::uint32_t{data[i]} << 16;
    out.push_back(a.chars[(v >> 18) & 63]);
    out.push_back(a.chars[(v >> 12) & 63]);
    out.push_back(a.pad);
    out.push_back(a.pad);
  } else if (left == 2) {
    const std::uint32_t v = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8);
    out.push_back(a.chars[(v >> 18) & 63]);
    out.push_back(a.chars[(v >> 12) & 63]);
    out.push_back(a.chars[(v >> 6) & 63]);
    out.push_back(a.pad);
  }
  return out;
}

Base64Decoded base64_decode(std::string_view in, Base64Mode mode, std::vector<std::uint8_t>& out,
                            Base64Alphabet which) {
  const Alphabet& a = alphabet_for(which);
  if (decode_strict(in, which, a, out)) return {};
  if (!has_alphabet_char(in, a)) {
    out.clear();
    return {Malformation::kBadBase64, false};
  }
  if (mode == Base64Mode::kStrict) {
    out.clear();
    return {Malformation::kNonCanonicalBase64, false};
  }
  decode_lenient(in, a, out);
  return {Malformation::kNone, true};
}

namespace base64_detail {

bool decode_strict_scalar(std::string_view in, std::vector<std::uint8_t>& out,
                          Base64Alphabet which) {
  return decode_strict_scalar_impl(in, alphabet_for(which), out);
}

bool decode_strict_simd(std::string_view in, std::vector<std::uint8_t>& out, Base64Alphabet which,
                        SimdLevel level) {
  return decode_strict_simd_impl(in, which, alphabet_for(which), out, level);
}

bool decode_strict_simd(std::string_view in, std::vector<std::uint8_t>& out, Base64Alphabet which) {
  return decode_strict_simd_impl(in, which, alphabet_for(which), out, simd_level());
}

SimdLevel simd_level() {
#if defined(__x86_64__)
  // Chosen once: __builtin_cpu_init makes the answer safe even if the first
  // call comes from a static initialiser that runs before libgcc's own.
  static const SimdLevel level = [] {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") != 0) return SimdLevel::kAvx2;
    if (__builtin_cpu_supports("ssse3") != 0) return SimdLevel::kSsse3;
    return SimdLevel::kNone;
  }();
  return level;
#else
  return SimdLevel::kNone;
#endif
}

bool simd_available() { return simd_level() != SimdLevel::kNone; }

}  // namespace base64_detail

std::string_view to_string(Base64Mode mode) {
  return mode == Base64Mode::kStrict ? "strict" : "lenient";
}

}  // namespace tokcheck
