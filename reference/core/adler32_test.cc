#include "reference/core/adler32.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <vector>

namespace tokcheck {
namespace {

std::uint32_t zlib_adler32(const std::vector<std::uint8_t>& data) {
  return static_cast<std::uint32_t>(
      ::adler32_z(::adler32(0, nullptr, 0), data.data(), data.size()));
}

TEST(Adler32, KnownValues) {
  // RFC 1950's definition by hand: "Wikipedia" is 0x11E60398 (a = 0x398,
  // b = 0x11E6), the example of en.wikipedia.org/wiki/Adler-32; empty is 1.
  EXPECT_EQ(adler32(as_bytes("Wikipedia")), 0x11E60398u);
  EXPECT_EQ(adler32(Bytes()), 1u);
}

TEST(Adler32, MatchesZlibOnEveryLengthAroundTheBlockSize) {
  std::mt19937 rng(1950);
  std::uniform_int_distribution<int> byte(0, 255);
  for (std::size_t len = 0; len <= 600; ++len) {
    std::vector<std::uint8_t> data(len);
    for (auto& x : data) x = static_cast<std::uint8_t>(byte(rng));
    ASSERT_EQ(adler32(data), zlib_adler32(data)) << "length " << len;
  }
}

TEST(Adler32, MatchesZlibWhereTheSumsWrapTheModulus) {
  // All 0xFF drives both sums fastest towards 2^32: lengths around one and
  // several NMAX (5,552) runs are where a missing reduction would show.
  for (std::size_t len : {5551u, 5552u, 5553u, 5568u, 11104u, 11105u, 16657u, 65536u, 100003u}) {
    const std::vector<std::uint8_t> ones(len, 0xFF);
    ASSERT_EQ(adler32(ones), zlib_adler32(ones)) << "length " << len;
    std::vector<std::uint8_t> ramp(len);
    for (std::size_t i = 0; i < len; ++i) ramp[i] = static_cast<std::uint8_t>(255 - i % 7);
    ASSERT_EQ(adler32(ramp), zlib_adler32(ramp)) << "length " << len;
  }
}

}  // namespace
}  // namespace tokcheck
