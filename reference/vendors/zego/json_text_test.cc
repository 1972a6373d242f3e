// ZEGO's JSON spelling (JSON.stringify escaping) and UTF-16 length counting.
#include "reference/vendors/zego/json_text.h"

#include <gtest/gtest.h>

#include <string>

namespace tokcheck::zego {
namespace {

TEST(JsonStringify, EscapesLikeJavaScript) {
  std::string out;
  append_json_string(out, "q\"b\\s/\b\f\n\r\t\x01\x1f\x7f \xC3\xA9");
  EXPECT_EQ(out, "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f \xC3\xA9\"");
  out.clear();
  append_json_string(out, std::string("\0", 1));
  EXPECT_EQ(out, "\"\\u0000\"");
}

TEST(Utf16Length, CountsCodeUnits) {
  EXPECT_EQ(utf16_length(""), 0);
  EXPECT_EQ(utf16_length("abc"), 3);
  EXPECT_EQ(utf16_length("\xC3\xA9"), 1);
  EXPECT_EQ(utf16_length("\xE4\xB8\xAD"), 1);
  EXPECT_EQ(utf16_length("\xF0\x9F\x98\x80"), 2);
  EXPECT_EQ(utf16_length("\xFF"), -1);
  EXPECT_EQ(utf16_length("\xED\xA0\x80"), -1);  // encoded surrogate
}

}  // namespace
}  // namespace tokcheck::zego
