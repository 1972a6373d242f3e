// The strict JSON reader: RFC 8259 grammar, RFC 3629 UTF-8, RFC 7493 (I-JSON)
// unique member names and no lone surrogates, and JSON.stringify's escaping.
#include "reference/zego/strict_json.h"

#include <gtest/gtest.h>

namespace tokcheck::zego {
namespace {

bool valid(std::string_view text) {
  JsonReader r;
  r.reset(text);
  return r.validate();
}

TEST(StrictJson, AcceptsRfc8259Values) {
  for (const char* ok :
       {"{}", "[]", "0", "-0", "1.5e-3", "-12E+2", "\"\"", "true", "false", "null",
        " {\"a\" : [1 , {}]} ", "\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
        "\"\xC3\xA9\xF0\x9F\x98\x80\"", "{\"a\":{\"a\":{\"a\":1}}}", "{\"a\":1,\"b\":{\"a\":2}}",
        "\"\\u0000\"", "1e308", "1e-400", "[1.7976931348623157e308]"}) {
    EXPECT_TRUE(valid(ok)) << ok;
  }
}

TEST(StrictJson, RejectsEverythingElse) {
  for (const char* bad :
       {"", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[,1]", "01", "1.", ".5",
        "+1", "1e", "--1", "NaN", "Infinity", "tru", "nul", "'a'", "{a:1}", "\"\t\"", "\"\\x41\"",
        "\"\\u12\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"abc", "\"\xFF\"",
        "\"\xC0\x80\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xE2\x82\"", "{} {}", "{}x",
        "[1] 2", "\xEF\xBB\xBF{}", "{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":2}",
        "{\"b\":{\"x\":1,\"y\":2,\"x\":3}}", "[{\"k\":1,\"k\":1}]",
        // Beyond binary64 (json_number.h; found by zego/tencent fuzzing):
        "1e400", "{\"a\":-1E+309}", "[1.7976931348623159e308]"}) {
    EXPECT_FALSE(valid(bad)) << bad;
  }
}

TEST(StrictJson, DepthIsBounded) {
  std::string deep(JsonReader::kMaxDepth, '[');
  deep += std::string(JsonReader::kMaxDepth, ']');
  EXPECT_TRUE(valid(deep));
  EXPECT_FALSE(valid("[" + deep + "]"));
  EXPECT_FALSE(valid(std::string(100000, '[')));  // no stack overflow on hostile input
}

TEST(StrictJson, ManyMembersAreCheckedForDuplicatesQuickly) {
  std::string obj = "{";
  for (int i = 0; i < 20000; ++i) obj += "\"k" + std::to_string(i) + "\":0,";
  EXPECT_TRUE(valid(obj + "\"end\":0}"));
  EXPECT_FALSE(valid(obj + "\"k19999\":0}"));
}

TEST(StrictJson, PullReaderWalksValidatedText) {
  JsonReader r;
  r.reset(R"( {"s":"a\nb","n":-9223372036854775808,"f":1.0,"big":9223372036854775808,)"
          R"("b":true,"z":null,"a":["x",{"q":1}]} )");
  ASSERT_TRUE(r.validate());
  std::string key, s;
  std::int64_t n = 0;
  bool b = false;
  ASSERT_EQ(r.peek(), JsonReader::Type::kObject);
  ASSERT_TRUE(r.begin_object());
  ASSERT_TRUE(r.next_key(key));
  EXPECT_EQ(key, "s");
  ASSERT_TRUE(r.read_string(s));
  EXPECT_EQ(s, "a\nb");
  ASSERT_TRUE(r.next_key(key));
  ASSERT_TRUE(r.read_int(n));
  EXPECT_EQ(n, std::numeric_limits<std::int64_t>::min());
  ASSERT_TRUE(r.next_key(key));
  EXPECT_FALSE(r.read_int(n));  // 1.0 is a number but not an integer
  ASSERT_TRUE(r.next_key(key));
  EXPECT_FALSE(r.read_int(n));  // 2^63 does not fit int64
  ASSERT_TRUE(r.next_key(key));
  ASSERT_TRUE(r.read_bool(b));
  EXPECT_TRUE(b);
  ASSERT_TRUE(r.next_key(key));
  EXPECT_EQ(r.peek(), JsonReader::Type::kNull);
  ASSERT_TRUE(r.read_null());
  ASSERT_TRUE(r.next_key(key));
  EXPECT_EQ(key, "a");
  ASSERT_TRUE(r.begin_array());
  ASSERT_TRUE(r.next_element());
  ASSERT_TRUE(r.read_string(s));
  EXPECT_EQ(s, "x");
  ASSERT_TRUE(r.next_element());
  ASSERT_TRUE(r.skip_value());
  EXPECT_FALSE(r.next_element());
  EXPECT_FALSE(r.next_key(key));
  EXPECT_TRUE(r.at_end());
}

TEST(StrictJson, UnescapesSurrogatePairsToUtf8) {
  JsonReader r;
  r.reset(R"("\ud83d\ude00\u00e9")");
  ASSERT_TRUE(r.validate());
  std::string s;
  ASSERT_TRUE(r.read_string(s));
  EXPECT_EQ(s, "\xF0\x9F\x98\x80\xC3\xA9");
}

TEST(StrictJson, PullMethodsAreSafeOnUnvalidatedText) {
  JsonReader r;
  std::string key;
  std::int64_t n = 0;
  for (const char* text : {"", "{", "{\"a", "{\"a\":", "[", "\"", "-", "{\"a\":1"}) {
    r.reset(text);
    (void)r.begin_object();
    (void)r.next_key(key);
    (void)r.read_int(n);
    (void)r.skip_value();
    (void)r.next_element();
    (void)r.at_end();
  }
  SUCCEED();  // run under ASan: no out-of-bounds read
}

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
