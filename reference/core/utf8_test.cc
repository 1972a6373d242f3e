#include "reference/core/utf8.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace tokcheck
