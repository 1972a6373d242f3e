// plain_run_end (json_scan.h) against the byte-wise definition: every byte value
// at every position after every start offset, so the 16-byte, word and tail
// paths all count.
#include "reference/core/json_scan.h"

#include <gtest/gtest.h>

#include <string>

namespace tokcheck::json_scan {
namespace {

std::size_t bytewise(std::string_view s, std::size_t from) {
  while (from < s.size() && is_plain(static_cast<unsigned char>(s[from]))) ++from;
  return from;
}

TEST(JsonScan, EveryByteAtEveryPositionMatchesTheByteWiseDefinition) {
  // Up to 40 bytes: two 16-byte steps, an 8-byte word and a tail after them.
  for (std::size_t length = 0; length <= 40; ++length) {
    for (std::size_t from = 0; from <= length; ++from) {
      for (std::size_t at = from; at < length; ++at) {
        for (int b = 0; b < 256; ++b) {
          std::string s(length, 'x');
          s[at] = static_cast<char>(b);
          ASSERT_EQ(plain_run_end(s, from), bytewise(s, from))
              << "length " << length << " from " << from << " at " << at << " byte " << b;
        }
      }
      const std::string plain(length, 'x');
      ASSERT_EQ(plain_run_end(plain, from), length);
    }
  }
}

TEST(JsonScan, FirstStopWinsOverLaterOnes) {
  // A stop byte early in a word must be found even when later bytes would
  // also stop (borrows may flag them spuriously; only the lowest flag counts).
  EXPECT_EQ(plain_run_end("ab\x01\"\\\xff"
                          "cd",
                          0),
            2u);
  using namespace std::string_view_literals;
  EXPECT_EQ(plain_run_end("abcdefg\x1f\x00zzzzzzz"sv, 0), 7u);
  EXPECT_EQ(plain_run_end("abcdefgh\x00\x1f"sv, 0), 8u);
  EXPECT_EQ(plain_run_end("\"", 0), 0u);
  EXPECT_EQ(plain_run_end("abcdefghij\\", 3), 10u);
}

}  // namespace
}  // namespace tokcheck::json_scan
