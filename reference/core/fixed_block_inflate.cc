#include "reference/core/fixed_block_inflate.h"

#include <array>
#include <bit>
#include <cstring>

namespace tokcheck {
namespace {

static_assert(std::endian::native == std::endian::little, "BitReader::refill loads bytes in order");

// Deflate sends a Huffman code's most significant bit first into a stream read
// from each byte's least significant bit (RFC 1951 §3.1.1), so the tables are
// indexed by the code's bits reversed.
constexpr unsigned reverse_bits(unsigned code, unsigned length) {
  unsigned reversed = 0;
  for (unsigned i = 0; i < length; ++i) {
    if ((code >> i) & 1u) reversed |= 1u << (length - 1 - i);
  }
  return reversed;
}

// A table entry, one word: the code's length in the low byte (the shift the
// decode loop needs next), the symbol above it.
struct LiteralLengthCode {
  std::uint32_t packed = 0;
  constexpr unsigned symbol() const { return packed >> 8; }
  constexpr unsigned bits() const { return packed & 0xFF; }
};

constexpr unsigned kLiteralLengthBits = 9;  // the longest fixed literal/length code

// Every 9-bit window of input → the fixed literal/length code it starts with
// (RFC 1951 §3.2.6: 0–143 in 8 bits from 00110000, 144–255 in 9 from 110010000,
// 256–279 in 7 from 0000000, 280–287 in 8 from 11000000).
constexpr std::array<LiteralLengthCode, 1u << kLiteralLengthBits> make_literal_length_table() {
  std::array<LiteralLengthCode, 1u << kLiteralLengthBits> table{};
  const auto add = [&table](unsigned symbol, unsigned code, unsigned length) {
    for (unsigned index = reverse_bits(code, length); index < table.size(); index += 1u << length) {
      table[index] = {symbol << 8 | length};
    }
  };
  for (unsigned s = 0; s <= 143; ++s) add(s, 0x30 + s, 8);
  for (unsigned s = 144; s <= 255; ++s) add(s, 0x190 + (s - 144), 9);
  for (unsigned s = 256; s <= 279; ++s) add(s, s - 256, 7);
  for (unsigned s = 280; s <= 287; ++s) add(s, 0xC0 + (s - 280), 8);
  return table;
}
constexpr auto kLiteralLength = make_literal_length_table();

// Fixed distance codes are the 5-bit numbers 0–31 (30 and 31 never occur in a
// valid stream).
constexpr std::array<std::uint8_t, 32> make_distance_table() {
  std::array<std::uint8_t, 32> table{};
  for (unsigned s = 0; s < table.size(); ++s)
    table[reverse_bits(s, 5)] = static_cast<std::uint8_t>(s);
  return table;
}
constexpr auto kDistance = make_distance_table();

// RFC 1951 §3.2.5: lengths of symbols 257–285 and distances of codes 0–29.
constexpr std::array<std::uint16_t, 29> kLengthBase = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                                       15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                                       67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                       2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> kDistanceBase = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistanceExtra = {0, 0, 0,  0,  1,  1,  2,  2,  3,  3,
                                                         4, 4, 5,  5,  6,  6,  7,  7,  8,  8,
                                                         9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

// Input bits, least significant first, through a 64-bit buffer (never read past
// `end`). A refill leaves at least 56 bits while the input lasts: more than a
// whole length/distance pair needs (kPairBits).
constexpr unsigned kPairBits = 9 + 5 + 5 + 13;
class BitReader {
 public:
  BitReader(const std::uint8_t* p, const std::uint8_t* end) : p_(p), end_(end) {}
  void refill() {
    if (end_ - p_ >= 8) {
      // Eight bytes at once, keeping the whole ones that fit ("Reading bits in
      // far too many ways", F. Giesen, variant 4): the bits above count_ are the
      // next byte's, which the next load puts in the same place again.
      std::uint64_t word;
      std::memcpy(&word, p_, sizeof word);
      buffer_ |= word << count_;
      p_ += (63 - count_) >> 3;
      count_ |= 56;
      return;
    }
    while (count_ <= 56 && p_ != end_) {
      buffer_ |= std::uint64_t{*p_++} << count_;
      count_ += 8;
    }
  }
  unsigned available() const { return count_; }
  unsigned peek(unsigned bits) const {
    return static_cast<unsigned>(buffer_ & ((std::uint64_t{1} << bits) - 1));
  }
  void drop(unsigned bits) {
    buffer_ >>= bits;
    count_ -= bits;
  }
  // Reads `bits` (≤ 13) as a number, or returns false when the input has ended
  // (kChecked false: the caller knows the bits are there).
  template <bool kChecked>
  bool take(unsigned bits, unsigned& value) {
    if (kChecked && count_ < bits) return false;
    value = peek(bits);
    drop(bits);
    return true;
  }
  // Skips to the next byte boundary (RFC 1950: the trailer starts on one) and
  // returns the first byte not consumed: whole bytes still in the buffer go back.
  const std::uint8_t* byte_position() {
    drop(count_ % 8);
    return p_ - count_ / 8;
  }

 private:
  const std::uint8_t* p_;
  const std::uint8_t* end_;
  std::uint64_t buffer_ = 0;
  unsigned count_ = 0;
};

enum class Step { kMore, kEndOfBlock, kNotHandled };

// One literal/length symbol and, for a length, its distance. kChecked: the input
// may have ended, so every read checks that its bits are there; otherwise the
// caller has at least kPairBits buffered (the common case, without the checks).
template <bool kChecked>
[[gnu::always_inline]] inline Step decode_symbol(BitReader& bits, std::uint8_t* out,
                                                 std::size_t& produced, std::size_t room,
                                                 std::size_t window) {
  const LiteralLengthCode code = kLiteralLength[bits.peek(kLiteralLengthBits)];
  if (kChecked && code.bits() > bits.available()) return Step::kNotHandled;
  bits.drop(code.bits());
  const unsigned symbol = code.symbol();
  if (symbol < 256) {
    if (produced == room) return Step::kNotHandled;
    out[produced++] = static_cast<std::uint8_t>(symbol);
    return Step::kMore;
  }
  if (symbol == 256) return Step::kEndOfBlock;
  if (symbol > 285) return Step::kNotHandled;
  const std::size_t l = symbol - 257u;
  unsigned extra = 0, distance_code = 0, distance_extra = 0;
  if (!bits.take<kChecked>(kLengthExtra[l], extra)) return Step::kNotHandled;
  const std::size_t length = kLengthBase[l] + extra;
  if (!bits.take<kChecked>(5, distance_code)) return Step::kNotHandled;
  const unsigned d = kDistance[distance_code];
  if (d >= kDistanceBase.size() || !bits.take<kChecked>(kDistanceExtra[d], distance_extra)) {
    return Step::kNotHandled;
  }
  const std::size_t distance = kDistanceBase[d] + distance_extra;
  if (distance > produced || distance > window || length > room - produced) {
    return Step::kNotHandled;
  }
  // Byte by byte: a match may overlap the bytes it produces (distance < length).
  for (std::size_t i = 0; i < length; ++i, ++produced) out[produced] = out[produced - distance];
  return Step::kMore;
}

}  // namespace

std::optional<FixedBlockInflate> inflate_fixed_block(Bytes in, std::uint8_t* out,
                                                     std::size_t room) {
  // RFC 1950 header, checked as zlib's inflate() checks it: deflate (CM 8), a
  // window of at most 32 KiB (CINFO ≤ 7), FCHECK, and no preset dictionary.
  if (in.size() < 2) return std::nullopt;
  const unsigned cmf = in[0], flg = in[1];
  if ((cmf & 0x0F) != 8 || (cmf >> 4) > 7 || ((cmf << 8) | flg) % 31 != 0 || (flg & 0x20) != 0) {
    return std::nullopt;
  }
  // zlib keeps only this much history between its calls; a longer distance is
  // left to zlib to judge.
  const std::size_t window = std::size_t{1} << ((cmf >> 4) + 8);

  BitReader bits(in.data() + 2, in.data() + in.size());
  bits.refill();
  unsigned header = 0;
  if (!bits.take<true>(3, header) || header != 0b011) return std::nullopt;  // BFINAL 1, BTYPE 01

  std::size_t produced = 0;
  Step step = Step::kMore;
  while (step == Step::kMore) {
    bits.refill();
    if (bits.available() < kPairBits) {  // the input is ending
      step = decode_symbol<true>(bits, out, produced, room, window);
      continue;
    }
    do {
      step = decode_symbol<false>(bits, out, produced, room, window);
    } while (step == Step::kMore && bits.available() >= kPairBits);
  }
  if (step != Step::kEndOfBlock) return std::nullopt;
  const std::uint8_t* const trailer = bits.byte_position();
  const auto consumed = static_cast<std::size_t>(trailer - in.data());
  if (in.size() - consumed < 4) return std::nullopt;
  return FixedBlockInflate{produced, consumed + 4};
}

}  // namespace tokcheck
