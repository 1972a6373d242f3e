// The SWAR class checks (ascii.h) against a byte-wise definition: every byte
// value at every position of strings long enough to cover whole words and tails.
#include "reference/core/ascii.h"

#include <gtest/gtest.h>

#include <string>

namespace tokcheck {
namespace {

bool hex_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool alnum_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

TEST(Ascii, EveryByteAtEveryPositionMatchesTheByteWiseDefinition) {
  for (std::size_t length = 1; length <= 40; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (int b = 0; b < 256; ++b) {
        std::string s(length, 'a');
        s[at] = static_cast<char>(b);
        const auto c = static_cast<unsigned char>(b);
        ASSERT_EQ(all_hex(s), hex_byte(c)) << "length " << length << " at " << at << " byte " << b;
        ASSERT_EQ(all_alnum(s), alnum_byte(c))
            << "length " << length << " at " << at << " byte " << b;
      }
    }
  }
}

TEST(Ascii, WholeStrings) {
  EXPECT_TRUE(all_hex(""));
  EXPECT_TRUE(all_hex("970CA35de60c44645bbae8a215061b33"));
  EXPECT_FALSE(all_hex("970CA35de60c44645bbae8a215061b3g"));
  EXPECT_TRUE(all_alnum("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  EXPECT_FALSE(all_alnum("abc_def"));
  EXPECT_FALSE(all_alnum(std::string("abcdefgh\0", 9)));  // NUL is not a tail pad
  EXPECT_FALSE(all_hex(std::string_view("abcdef12\xC3\xA9", 10)));
}

TEST(Ascii, HexDigitValueOfEveryByte) {
  const std::string digits = "0123456789abcdef";
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const std::size_t lower = digits.find(static_cast<char>(b >= 'A' && b <= 'F' ? b + 32 : b));
    const int want = hex_byte(static_cast<unsigned char>(b)) ? static_cast<int>(lower) : -1;
    EXPECT_EQ(hex_digit_value(c), want) << b;
  }
}

}  // namespace
}  // namespace tokcheck
