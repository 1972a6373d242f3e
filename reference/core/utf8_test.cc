#include "reference/core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace tokcheck {
namespace {

TEST(Utf8, AcceptsWellFormedRejectsRfc3629Violations) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("user7"));
  EXPECT_TRUE(is_valid_utf8("\xe6\x88\xbf\xe9\x97\xb4"));  // 房间
  EXPECT_TRUE(is_valid_utf8("\xf0\x9f\x8e\xa7"));          // U+1F3A7
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));                 // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xe0\x80\xaf"));             // overlong, 3 bytes
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));             // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));         // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xe6\x88"));                 // truncated
  EXPECT_FALSE(is_valid_utf8("\x80"));                     // lone continuation
  EXPECT_FALSE(is_valid_utf8("\xff"));
}

TEST(Utf8, SequenceGivesLengthAndCodePointAndAppendRoundTrips) {
  struct Case {
    std::string_view text;
    std::size_t length;
    std::uint32_t cp;
  };
  for (const Case& c :
       {Case{"A", 1, 0x41}, Case{"\xc3\xa9", 2, 0xE9}, Case{"\xe6\x88\xbf", 3, 0x623F},
        Case{"\xf0\x9f\x8e\xa7", 4, 0x1F3A7}, Case{"\xef\xbf\xbf", 3, 0xFFFF}}) {
    std::uint32_t cp = 0;
    ASSERT_EQ(utf8_sequence(c.text, 0, cp), c.length) << c.text;
    EXPECT_EQ(cp, c.cp) << c.text;
    std::string again;
    append_utf8(again, cp);
    EXPECT_EQ(again, c.text);
  }
  std::uint32_t cp = 0;
  EXPECT_EQ(utf8_sequence("\xe6\x88", 0, cp), 0u);  // cut short: never reads past the view
  EXPECT_EQ(utf8_sequence("\xed\xa0\x80", 0, cp), 0u);
  EXPECT_EQ(utf8_sequence("ab\xc3\xa9", 2, cp), 2u);
}

// The eight-ASCII-bytes-at-a-time skip must not change any answer: every case
// above, after every ASCII prefix length that straddles a word, with ASCII after.
TEST(Utf8, AnswersDoNotDependOnTheAsciiAroundASequence) {
  for (std::string_view seq :
       {"\xe6\x88\xbf", "\xf0\x9f\x8e\xa7", "\xc3\xa9", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80",
        "\xf4\x90\x80\x80", "\xe6\x88", "\x80", "\xff", "\x7f"}) {
    const bool alone = is_valid_utf8(seq);
    for (std::size_t before = 0; before <= 17; ++before) {
      for (std::size_t after = 0; after <= 9; ++after) {
        const std::string s = std::string(before, 'a') + std::string(seq) + std::string(after, 'z');
        EXPECT_EQ(is_valid_utf8(s), alone) << before << " + " << seq.size() << " + " << after;
      }
    }
  }
}

}  // namespace
}  // namespace tokcheck
