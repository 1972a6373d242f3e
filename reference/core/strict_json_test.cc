// The strict JSON reader: RFC 8259 grammar, RFC 3629 UTF-8, RFC 7493 (I-JSON)
// unique member names and no lone surrogates.
#include "reference/core/strict_json.h"

#include <gtest/gtest.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <tuple>
#include <vector>

namespace tokcheck {
namespace {

bool valid(std::string_view text) {
  StrictJsonReader r;
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
  std::string deep(StrictJsonReader::kMaxDepth, '[');
  deep += std::string(StrictJsonReader::kMaxDepth, ']');
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
  StrictJsonReader r;
  r.reset(R"( {"s":"a\nb","n":-9223372036854775808,"f":1.0,"big":9223372036854775808,)"
          R"("b":true,"z":null,"a":["x",{"q":1}]} )");
  ASSERT_TRUE(r.validate());
  std::string key, s;
  std::int64_t n = 0;
  bool b = false;
  ASSERT_EQ(r.peek(), StrictJsonReader::Type::kObject);
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
  EXPECT_EQ(r.peek(), StrictJsonReader::Type::kNull);
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
  StrictJsonReader r;
  r.reset(R"("\ud83d\ude00\u00e9")");
  ASSERT_TRUE(r.validate());
  std::string s;
  ASSERT_TRUE(r.read_string(s));
  EXPECT_EQ(s, "\xF0\x9F\x98\x80\xC3\xA9");
}

TEST(StrictJson, PullMethodsAreSafeOnUnvalidatedText) {
  StrictJsonReader r;
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

// Fast paths: string bodies are scanned eight bytes at a time, numbers' digits
// likewise, names of small objects are compared pairwise and whitespace skipped
// without calls. These tests put the byte that ends each fast path at every
// offset within (and just past) an eight-byte block, with the text ending at every
// distance after it, so both the block loop and the byte-at-a-time tail see it.

// `body` as a JSON string value followed by `tail` whitespace bytes.
std::string quoted(const std::string& body, std::size_t tail) {
  return "\"" + body + "\"" + std::string(tail, ' ');
}

// Validates `text` and, when valid, reads it back as a string.
struct StringResult {
  bool valid = false;
  bool read = false;
  std::string value;
};
StringResult read_back(const std::string& text) {
  StringResult out;
  StrictJsonReader r;
  r.reset(text);
  out.valid = r.validate();
  if (out.valid) {
    out.read = r.read_string(out.value) && r.at_end();
  }
  return out;
}

TEST(StrictJsonFastPaths, SpecialByteAtEveryOffsetInAString) {
  struct Case {
    std::string special;  // what is put at the offset
    bool valid;
    std::string unescaped;  // what it reads back as (when valid)
  };
  const std::vector<Case> cases = {
      {"\\\"", true, "\""},
      {"\\\\", true, "\\"},
      {"\\/", true, "/"},
      {"\\n", true, "\n"},
      {"\\u0041", true, "A"},
      {"\\u00e9", true, "\xC3\xA9"},
      {"\\ud83d\\ude00", true, "\xF0\x9F\x98\x80"},
      {"\\ud83d", false, ""},  // lone high surrogate
      {"\\ude00", false, ""},  // lone low surrogate
      {"\\x", false, ""},
      {"\\", false, ""},  // escapes the closing quote: unterminated
      {std::string(1, '\0'), false, ""},
      {"\x01", false, ""},
      {"\t", false, ""},
      {"\x1F", false, ""},
      {" ", true, " "},  // 0x20: the lowest plain byte
      {"!", true, "!"},
      {"#", true, "#"},
      {"[", true, "["},
      {"]", true, "]"},
      {"\x7F", true, "\x7F"},  // DEL is allowed raw
      {"\xC3\xA9", true, "\xC3\xA9"},
      {"\xE4\xB8\xAD", true, "\xE4\xB8\xAD"},
      {"\xF0\x9F\x98\x80", true, "\xF0\x9F\x98\x80"},
      {"\x80", false, ""},              // lone continuation byte
      {"\xC0\x80", false, ""},          // overlong
      {"\xE2\x82", false, ""},          // truncated
      {"\xED\xA0\x80", false, ""},      // encoded surrogate
      {"\xF4\x90\x80\x80", false, ""},  // above U+10FFFF
      {"\xFF", false, ""},
  };
  for (const Case& c : cases) {
    for (std::size_t before = 0; before <= 17; ++before) {
      for (std::size_t after : {0u, 1u, 7u, 8u, 9u}) {
        const std::string prefix(before, 'a');
        const std::string suffix(after, 'c');
        for (std::size_t tail : {0u, 3u, 8u}) {
          const std::string text = quoted(prefix + c.special + suffix, tail);
          const StringResult r = read_back(text);
          SCOPED_TRACE(testing::Message()
                       << "special " << testing::PrintToString(c.special) << " at " << before
                       << ", " << after << " after, tail " << tail);
          EXPECT_EQ(r.valid, c.valid);
          if (c.valid) {
            EXPECT_TRUE(r.read);
            EXPECT_EQ(r.value, prefix + c.unescaped + suffix);
          }
        }
      }
    }
  }
}

TEST(StrictJsonFastPaths, ClosingQuoteAtEveryOffset) {
  for (std::size_t n = 0; n <= 17; ++n) {
    const std::string body(n, 'x');
    // Alone, then followed by more text (another member, the end of an object).
    for (const std::string& text :
         {quoted(body, 0), "[" + quoted(body, 0) + ",\"yyyyyyyyyyyyyyyy\"]",
          "{\"" + body + "\":\"" + body + "\"}"}) {
      SCOPED_TRACE(text);
      StrictJsonReader r;
      r.reset(text);
      EXPECT_TRUE(r.validate());
    }
    const StringResult r = read_back(quoted(body, 0));
    EXPECT_TRUE(r.read);
    EXPECT_EQ(r.value, body);
    // Unterminated at every length, with and without bytes that look like an end.
    for (const std::string& text : {"\"" + body, "\"" + body + "\\\"", "\"" + body + "\\"}) {
      SCOPED_TRACE(testing::PrintToString(text));
      StrictJsonReader r2;
      r2.reset(text);
      EXPECT_FALSE(r2.validate());
    }
  }
}

// Object text with the given member names (already JSON-escaped) and values 0..n-1.
std::string object_of(const std::vector<std::string>& names) {
  std::string out = "{";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ',';
    out += "\"" + names[i] + "\":" + std::to_string(i);
  }
  return out + "}";
}

// The JSON escape \u00XX of every byte of an ASCII name.
std::string escape_all(const std::string& name) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    out += "\\u00";
    out += kHex[u >> 4];
    out += kHex[u & 0x0F];
  }
  return out;
}

TEST(StrictJsonFastPaths, DuplicateNamesAtEveryPosition) {
  // Names of the lengths claims use, several sharing a length or a first byte, so
  // the pairwise check (small objects) and the sort (larger ones) both see
  // near-misses.
  const std::vector<std::string> base = {"app_id", "user_id", "nonce", "ctime", "expire", "payload",
                                         "a",      "ab",      "",      "b",     "app_ie", "k11"};
  for (std::size_t n = 1; n <= base.size(); ++n) {
    const std::vector<std::string> names(base.begin(), base.begin() + static_cast<long>(n));
    EXPECT_TRUE(valid(object_of(names))) << object_of(names);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        if (i == j) continue;
        // names[j] replaced by names[i], spelled plainly or escaped on either side.
        for (int spelling = 0; spelling < 4; ++spelling) {
          std::vector<std::string> dup = names;
          dup[j] = (spelling & 1) ? escape_all(names[i]) : names[i];
          if (spelling & 2) dup[i] = escape_all(names[i]);
          const std::string text = object_of(dup);
          StrictJsonReader r;
          r.reset(text);
          EXPECT_FALSE(r.validate()) << text;
          // Nested one level down it is still a duplicate; side by side in two
          // sibling objects it is not.
          EXPECT_FALSE(valid("{\"outer\":" + text + "}")) << text;
        }
      }
    }
    // The same names again in a nested object and in a sibling are no duplicates.
    std::vector<std::string> escaped = names;
    for (std::string& e : escaped) e = escape_all(e);
    const std::string text =
        "[" + object_of(names) + "," + object_of(escaped) + ",{\"x\":" + object_of(names) + "}]";
    StrictJsonReader r;
    r.reset(text);
    EXPECT_TRUE(r.validate()) << text;
  }
  // Names that differ only after unescaping, or only in their last byte.
  for (const char* bad :
       {"{\"ab\":1,\"a\\u0062\":2}", "{\"\\/\":1,\"/\":2}", "{\"\\u00e9\":1,\"\xC3\xA9\":2}",
        "{\"\\ud83d\\ude00\":1,\"\xF0\x9F\x98\x80\":2}", "{\"\":1,\"\":2}",
        "{\"x\":{},\"y\":[],\"x\":null}"}) {
    StrictJsonReader r;
    r.reset(bad);
    EXPECT_FALSE(r.validate()) << bad;
  }
  for (const char* ok : {"{\"ab\":1,\"ac\":2}", "{\"ab\":1,\"ba\":2}", "{\"a\":1,\"A\":2}",
                         "{\"\\u0061\":{\"a\":{\"\\u0061\":1}}}"}) {
    StrictJsonReader r;
    r.reset(ok);
    EXPECT_TRUE(r.validate()) << ok;
  }
}

TEST(StrictJsonFastPaths, ManyEscapedNamesAreCheckedAfterUnescaping) {
  // More members than the pairwise check takes, the duplicate spelled escaped.
  for (int members : {9, 16, 33}) {
    std::string obj = "{";
    for (int i = 0; i < members; ++i) obj += "\"k" + std::to_string(i) + "\":0,";
    StrictJsonReader r;
    EXPECT_TRUE(valid(obj + "\"end\":0}"));
    EXPECT_FALSE(valid(obj + "\"\\u006b0\":0}"));  // "k0"
    EXPECT_FALSE(valid(obj + "\"k\\u0030\":0}"));
  }
}

TEST(StrictJsonFastPaths, WhitespaceRunsOfEveryLength) {
  const char kWs[] = {' ', '\t', '\n', '\r'};
  for (std::size_t len = 0; len <= 17; ++len) {
    for (std::size_t first = 0; first < 4; ++first) {
      std::string ws;
      for (std::size_t i = 0; i < len; ++i) ws += kWs[(first + i) % 4];
      const std::string text = ws + "{" + ws + "\"a\"" + ws + ":" + ws + "[" + ws + "1" + ws + "," +
                               ws + "\"s\"" + ws + "]" + ws + "," + ws + "\"b\"" + ws + ":" + ws +
                               "-2" + ws + "}" + ws;
      SCOPED_TRACE(testing::PrintToString(text));
      StrictJsonReader r;
      r.reset(text);
      ASSERT_TRUE(r.validate());
      std::string key, s;
      std::string_view view;
      std::int64_t n = 0;
      ASSERT_EQ(r.peek(), StrictJsonReader::Type::kObject);
      ASSERT_TRUE(r.begin_object());
      ASSERT_TRUE(r.next_key(view));
      EXPECT_EQ(view, "a");
      ASSERT_TRUE(r.begin_array());
      ASSERT_TRUE(r.next_element());
      ASSERT_TRUE(r.read_int(n));
      EXPECT_EQ(n, 1);
      ASSERT_TRUE(r.next_element());
      ASSERT_TRUE(r.read_string(s));
      EXPECT_EQ(s, "s");
      EXPECT_FALSE(r.next_element());
      ASSERT_TRUE(r.next_key(key));
      EXPECT_EQ(key, "b");
      ASSERT_TRUE(r.read_int(n));
      EXPECT_EQ(n, -2);
      EXPECT_FALSE(r.next_key(key));
      EXPECT_TRUE(r.at_end());
      // Bytes that are not JSON whitespace, anywhere in the run, are refused.
      for (const char bad : {'\v', '\f', '\0'}) {
        for (std::size_t at = 0; at <= len; ++at) {
          std::string run = ws;
          run.insert(at, 1, bad);
          EXPECT_FALSE(valid("[" + run + "1]"));
          EXPECT_FALSE(valid("[1" + run + "]"));
        }
      }
    }
  }
}

TEST(StrictJsonFastPaths, NumbersOfEveryLength) {
  for (std::size_t digits = 1; digits <= 21; ++digits) {
    for (const char lead : {'1', '9'}) {
      for (const bool negative : {false, true}) {
        std::string lexeme = negative ? "-" : "";
        lexeme += lead;
        for (std::size_t i = 1; i < digits; ++i) {
          lexeme += static_cast<char>('0' + static_cast<int>(i % 10));
        }
        std::int64_t expected = 0;
        const auto [end, ec] =
            std::from_chars(lexeme.data(), lexeme.data() + lexeme.size(), expected);
        const bool fits = ec == std::errc() && end == lexeme.data() + lexeme.size();
        for (const char* ws : {"", " ", "\r\n\t"}) {
          const std::string text = "[" + lexeme + ws + "]" + ws;
          SCOPED_TRACE(text);
          StrictJsonReader r;
          r.reset(text);
          ASSERT_TRUE(r.validate());
          std::int64_t n = 42;
          ASSERT_TRUE(r.begin_array());
          ASSERT_TRUE(r.next_element());
          EXPECT_EQ(r.read_int(n), fits);
          EXPECT_EQ(n, fits ? expected : 0);
          EXPECT_FALSE(r.next_element());
          EXPECT_TRUE(r.at_end());
        }
        // A fraction or exponent makes it a number but not an integer, and the
        // reader stays on the same grammar validate() uses.
        for (const char* more : {".5", "e3", "E+2", ".25e-1"}) {
          const std::string text = "[" + lexeme + more + ",7]";
          StrictJsonReader r;
          r.reset(text);
          ASSERT_TRUE(r.validate()) << text;
          std::int64_t n = 42;
          ASSERT_TRUE(r.begin_array());
          ASSERT_TRUE(r.next_element());
          EXPECT_FALSE(r.read_int(n));
          EXPECT_EQ(n, 0);
          ASSERT_TRUE(r.next_element());
          EXPECT_TRUE(r.read_int(n));
          EXPECT_EQ(n, 7);
        }
        // A byte next to the digits in ASCII ('/' and ':') ends the number, which
        // is then followed by something that is not JSON.
        for (const char next : {'/', ':', 'a', '\xB0'}) {
          EXPECT_FALSE(valid("[" + lexeme + next + "]"));
        }
      }
    }
  }
  StrictJsonReader r;
  for (const char* bad : {"-", "-a", "1.", "1.e3", "1e", "1e+", "00", "-01", "1.5.5", "1e5e5"}) {
    r.reset(bad);
    EXPECT_FALSE(r.validate()) << bad;
  }
  // Limits of int64.
  std::int64_t n = 0;
  r.reset("9223372036854775807");
  EXPECT_TRUE(r.read_int(n));
  EXPECT_EQ(n, std::numeric_limits<std::int64_t>::max());
  r.reset("-9223372036854775808");
  EXPECT_TRUE(r.read_int(n));
  EXPECT_EQ(n, std::numeric_limits<std::int64_t>::min());
  for (const char* too_big : {"9223372036854775808", "-9223372036854775809", "18446744073709551616",
                              "99999999999999999999"}) {
    r.reset(too_big);
    EXPECT_FALSE(r.read_int(n)) << too_big;
    EXPECT_EQ(n, 0);
    EXPECT_TRUE(r.at_end()) << too_big;  // the whole number was consumed
  }
}

TEST(StrictJsonFastPaths, IntegersRoundTrip) {
  // Digits are converted eight at a time: every digit value at every position.
  std::vector<std::int64_t> values = {0,
                                      1,
                                      -1,
                                      12345678,
                                      87654321,
                                      99999999,
                                      100000000,
                                      1700000000,
                                      1234567890123456789,
                                      std::numeric_limits<std::int64_t>::max(),
                                      std::numeric_limits<std::int64_t>::min(),
                                      std::numeric_limits<std::int64_t>::min() + 1};
  std::int64_t p = 1;
  for (int i = 0; i < 18; ++i, p *= 10) {
    for (const std::int64_t v : {p, p - 1, p + 1, 9 * p, -p, 1 - p}) values.push_back(v);
  }
  std::uint64_t x = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 2000; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    values.push_back(static_cast<std::int64_t>(x >> (i % 60)));
    values.push_back(-static_cast<std::int64_t>(x >> (1 + i % 60)));
  }
  for (const std::int64_t v : values) {
    const std::string text = "{\"v\":" + std::to_string(v) + "}";
    StrictJsonReader r;
    r.reset(text);
    ASSERT_TRUE(r.validate()) << text;
    std::span<const StrictJsonReader::Member> members;
    ASSERT_TRUE(r.root_object(members));
    ASSERT_EQ(members.size(), 1u);
    std::int64_t got = 0;
    EXPECT_TRUE(r.read_int(members[0], got)) << text;
    EXPECT_EQ(got, v);
    std::string key;
    ASSERT_TRUE(r.begin_object());
    ASSERT_TRUE(r.next_key(key));
    got = 0;
    EXPECT_TRUE(r.read_int(got)) << text;
    EXPECT_EQ(got, v);
  }
}

TEST(StrictJsonFastPaths, ViewKeysAreUnescaped) {
  StrictJsonReader r;
  r.reset(R"({"plain":1,"\u0061\u0070p_id":2,"tab\there":3,"":4})");
  ASSERT_TRUE(r.validate());
  ASSERT_TRUE(r.begin_object());
  std::string_view key;
  std::int64_t n = 0;
  const std::vector<std::string> expected = {"plain", "app_id", "tab\there", ""};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    ASSERT_TRUE(r.next_key(key));
    EXPECT_EQ(key, expected[i]);
    ASSERT_TRUE(r.read_int(n));
    EXPECT_EQ(n, static_cast<std::int64_t>(i + 1));
  }
  EXPECT_FALSE(r.next_key(key));
  EXPECT_TRUE(key_is("app_id", "app_id"));
  EXPECT_FALSE(key_is("app_i", "app_id"));
  EXPECT_FALSE(key_is("app_idx", "app_id"));
  EXPECT_FALSE(key_is("app_ie", "app_id"));
  EXPECT_TRUE(key_is("", ""));
}

TEST(StrictJsonFastPaths, PullMethodsStayInBoundsEverywhere) {
  // Every prefix of a text that exercises each fast path, cursor moved to every
  // offset: nothing may read past the end (run under ASan).
  const std::string text =
      "{\"app_id\" : 1234567890123,\"user_id\":\"d\\u00e9mo\xC3\xA9\",\"n\":-12.5e+3,"
      "\"a\":[true,false,null,\"\\ud83d\\ude00\"]}";
  std::string s;
  std::string_view view;
  std::int64_t n = 0;
  bool b = false;
  for (std::size_t len = 0; len <= text.size(); ++len) {
    const std::string prefix = text.substr(0, len);
    StrictJsonReader r;
    r.reset(prefix);
    EXPECT_EQ(r.validate(), len == text.size());
    for (std::size_t at = 0; at <= len; ++at) {
      r.reset(prefix);
      (void)r.skip_value();
      r.reset(std::string_view(prefix).substr(at));
      (void)r.next_key(view);
      r.reset(std::string_view(prefix).substr(at));
      (void)r.next_key(s);
      r.reset(std::string_view(prefix).substr(at));
      (void)r.read_string(s);
      r.reset(std::string_view(prefix).substr(at));
      (void)r.read_int(n);
      r.reset(std::string_view(prefix).substr(at));
      (void)r.read_bool(b);
      r.reset(std::string_view(prefix).substr(at));
      (void)r.skip_value();
    }
  }
  SUCCEED();
}

// root_object() must answer exactly what walking the object with the pull
// methods answers: the same names in the same order, the same types, the same
// read_int / read_string results.
void expect_members_match_pull_walk(const std::string& text) {
  SCOPED_TRACE(testing::PrintToString(text));
  StrictJsonReader fast, pull;
  fast.reset(text);
  pull.reset(text);
  ASSERT_TRUE(fast.validate());
  ASSERT_TRUE(pull.validate());
  std::span<const StrictJsonReader::Member> members;
  ASSERT_TRUE(fast.root_object(members));
  ASSERT_EQ(pull.peek(), StrictJsonReader::Type::kObject);
  ASSERT_TRUE(pull.begin_object());
  std::string key;
  for (const StrictJsonReader::Member& m : members) {
    ASSERT_TRUE(pull.next_key(key));
    EXPECT_EQ(m.name, key);
    EXPECT_EQ(m.type, pull.peek());
    std::int64_t a = 5, b = 6;
    std::string sa = "a", sb = "b";
    EXPECT_EQ(fast.read_int(m, a), m.type == StrictJsonReader::Type::kNumber && pull.read_int(b));
    if (m.type == StrictJsonReader::Type::kNumber) {
      EXPECT_EQ(a, b);
    }
    pull.seek(m);  // back to the value (read_int may have stopped inside it)
    EXPECT_EQ(fast.read_string(m, sa), pull.read_string(sb));
    EXPECT_EQ(sa, sb);
    pull.seek(m);
    ASSERT_TRUE(pull.skip_value());
    // [start, end) is exactly the value: it stands alone, and a ',' or '}' follows.
    EXPECT_TRUE(valid(std::string_view(text).substr(m.start, m.end - m.start)));
    const std::size_t next = text.find_first_not_of(" \t\r\n", m.end);
    ASSERT_NE(next, std::string::npos);
    EXPECT_TRUE(text[next] == ',' || text[next] == '}');
  }
  EXPECT_FALSE(pull.next_key(key));
  EXPECT_TRUE(pull.at_end());
}

TEST(StrictJsonMembers, MatchThePullWalk) {
  for (const char* text : {
           "{}",
           " { } ",
           R"({"app_id":1,"user_id":"demo","nonce":123456789,"ctime":1700000000,)"
           R"("expire":1700003600,"payload":""})",
           R"( { "a" : -0 , "b" : 1.5 , "c" : 1e3 , "d" : -9223372036854775808 ,)"
           R"( "e" : 9223372036854775808 , "f" : 12345678901234567890123 } )",
           R"({"s":"plain","t":"tab\tand \u00e9 \ud83d\ude00","u":"\u0000","v":"\u00e9"})",
           R"({"\u0061pp_id":1,"n\u0065sted":{"\u0061":{"\u0062":[1,{"c":2}]}},"z":"\"q\""})",
           R"({"o":{},"a":[],"t":true,"f":false,"n":null,"x":[{"y":{"z":"w"}}]})",
           "{\"\xC3\xA9\":\"\xF0\x9F\x98\x80\",\"\":\"\"}",
       }) {
    expect_members_match_pull_walk(text);
  }
  // More members than the buffers start with, names escaped and not.
  std::string many = "{";
  for (int i = 0; i < 100; ++i) {
    if (i) many += ',';
    many += (i % 3 == 0 ? "\"\\u006b" : "\"k") + std::to_string(i) +
            "\":" + (i % 2 ? "\"v" + std::to_string(i) + "\"" : std::to_string(i * 7));
  }
  expect_members_match_pull_walk(many + "}");
}

TEST(StrictJsonMembers, OnlyForAValidatedObject) {
  StrictJsonReader r;
  std::span<const StrictJsonReader::Member> members;
  for (const char* text : {"[]", "[{\"a\":1}]", "\"{}\"", "1", "null"}) {
    r.reset(text);
    ASSERT_TRUE(r.validate()) << text;
    EXPECT_FALSE(r.root_object(members)) << text;
    EXPECT_TRUE(members.empty());
  }
  for (const char* text : {"{\"a\":1,\"a\":2}", "{\"a\":1} x", "{\"a\":1,", "{\"a\":\"\xFF\"}",
                           "{\"a\":{\"b\":1,\"b\":2}}"}) {
    r.reset(text);
    EXPECT_FALSE(r.validate()) << text;
    EXPECT_FALSE(r.root_object(members)) << text;
  }
  // reset() forgets them; a new validate() replaces them.
  const std::string first = R"({"a":1,"b":"x"})";
  const std::string second = R"({"\u0063":"y"})";
  r.reset(first);
  ASSERT_TRUE(r.validate());
  ASSERT_TRUE(r.root_object(members));
  EXPECT_EQ(members.size(), 2u);
  r.reset(second);
  EXPECT_FALSE(r.root_object(members));
  ASSERT_TRUE(r.validate());
  ASSERT_TRUE(r.root_object(members));
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].name, "c");
  // Pull reading afterwards (skip_value validates objects again) leaves them be.
  ASSERT_TRUE(r.skip_value());
  ASSERT_TRUE(r.root_object(members));
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].name, "c");
  std::string out;
  EXPECT_TRUE(r.read_string(members[0], out));
  EXPECT_EQ(out, "y");
}

// match_plain_object() against validate() + root_object(): whenever it says yes,
// the full reader must say yes with exactly the same members (so a codec gets the
// same answers either way). Checked on the generator's spelling and on many
// mutations of it (byte flips, insertions and deletions from JSON's own alphabet,
// numbers at int64's edges, escapes, whitespace, duplicates, non-ASCII).
constexpr std::string_view kClaimNames[] = {"app_id", "user_id", "nonce",
                                            "ctime",  "expire",  "payload"};

// One to three random edits of `text`: a byte of `alphabet` written over one or
// inserted, one to three bytes erased, or a digit run at an int64 edge inserted.
std::string mutate(std::string text, std::string_view alphabet, std::mt19937& rng) {
  const int edits = 1 + static_cast<int>(rng() % 3);
  for (int e = 0; e < edits && !text.empty(); ++e) {
    const std::size_t at = rng() % text.size();
    const char c = alphabet[rng() % alphabet.size()];
    switch (rng() % 4) {
      case 0:
        text[at] = c;
        break;
      case 1:
        text.insert(text.begin() + static_cast<long>(at), c);
        break;
      case 2:
        text.erase(at, 1 + rng() % 3);
        break;
      default:
        text.insert(at, rng() % 2 ? "9223372036854775808" : "-9223372036854775808");
    }
  }
  return text;
}

// A shortcut's members against the full reader's, field by field.
void expect_same_members(std::span<const StrictJsonReader::Member> got,
                         std::span<const StrictJsonReader::Member> want, std::string_view text) {
  EXPECT_EQ(want.size(), got.size()) << testing::PrintToString(std::string(text));
  for (std::size_t i = 0; i < std::min(want.size(), got.size()); ++i) {
    EXPECT_EQ(got[i].name, want[i].name);
    EXPECT_EQ(got[i].name.data(), want[i].name.data());  // a view into the same text
    EXPECT_EQ(got[i].type, want[i].type);
    EXPECT_EQ(got[i].start, want[i].start);
    EXPECT_EQ(got[i].end, want[i].end);
    EXPECT_EQ(got[i].escaped, want[i].escaped);
  }
}

// Whether match_plain_object() took `text`; fails the test if its members differ
// from the full reader's.
bool plain_match_agrees(std::string_view text) {
  StrictJsonReader fast, full;
  fast.reset(text);
  full.reset(text);
  std::array<StrictJsonReader::Member, std::size(kClaimNames)> got;
  const bool matched = fast.match_plain_object(kClaimNames, got);
  const bool validated = full.validate();
  std::span<const StrictJsonReader::Member> want;
  const bool object = validated && full.root_object(want);
  if (!matched) return false;
  EXPECT_TRUE(object) << testing::PrintToString(std::string(text));
  if (!object) return true;
  expect_same_members(got, want, text);
  return true;
}

TEST(StrictJsonPlainObject, AgreesWithValidateOnTheGeneratorSpelling) {
  for (const char* text : {
           R"({"app_id":1,"user_id":"demo","nonce":123456789,"ctime":1700000000,)"
           R"("expire":1700003600,"payload":""})",
           R"({"app_id":0,"user_id":"","nonce":-0,"ctime":-9223372036854775808,)"
           R"("expire":9223372036854775807,"payload":"{'room_id':'r'}"})",
           R"({"app_id":"1","user_id":2,"nonce":"n","ctime":"","expire":"x","payload":3})",
           R"({"app_id":9999999999999999999,"user_id":" ~!#$%&()*+,-./:;<=>?@[]^_`{|}",)"
           R"("nonce":0,"ctime":0,"expire":0,"payload":"~"})",
       }) {
    EXPECT_TRUE(plain_match_agrees(text)) << text;
  }
  for (const char* text : {
           // whitespace, escapes, non-ASCII, other orders, other names, duplicates,
           // numbers beyond 19 digits or not integers, trailing bytes: full reader.
           R"({ "app_id":1,"user_id":"demo","nonce":1,"ctime":1,"expire":1,"payload":""})",
           R"({"app_id":1,"user_id":"d\u0065mo","nonce":1,"ctime":1,"expire":1,"payload":""})",
           "{\"app_id\":1,\"user_id\":\"d\xC3\xA9\",\"nonce\":1,\"ctime\":1,\"expire\":1,"
           "\"payload\":\"\"}",
           R"({"user_id":"demo","app_id":1,"nonce":1,"ctime":1,"expire":1,"payload":""})",
           R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":1,"expire":1,"payload":"",)"
           R"("payload":""})",
           R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":1,"expire":1})",
           R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":1,"expire":1,"payload":""} )",
           R"({"app_id":01,"user_id":"demo","nonce":1,"ctime":1,"expire":1,"payload":""})",
           R"({"app_id":1.0,"user_id":"demo","nonce":1,"ctime":1,"expire":1,"payload":""})",
           R"({"app_id":1e3,"user_id":"demo","nonce":1,"ctime":1,"expire":1,"payload":""})",
           R"({"app_id":-,"user_id":"demo","nonce":1,"ctime":1,"expire":1,"payload":""})",
           R"({"app_id":12345678901234567890,"user_id":"demo","nonce":1,"ctime":1,)"
           R"("expire":1,"payload":""})",
           R"({"app_id":true,"user_id":"demo","nonce":1,"ctime":1,"expire":1,"payload":""})",
           R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":1,"expire":1,"payload":"")",
           R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":1,"expire":1,"payload":"}")",
       }) {
    EXPECT_FALSE(plain_match_agrees(text)) << text;
  }
}

TEST(StrictJsonPlainObject, AgreesWithValidateOnMutations) {
  const std::string seed = R"({"app_id":1,"user_id":"demo","nonce":123456789,"ctime":1700000000,)"
                           R"("expire":1700003600,"payload":"{"room_id":"r"}"})";
  const std::string plain_seed =
      R"({"app_id":4294967295,"user_id":"u-1","nonce":-12,"ctime":0,"expire":1,"payload":""})";
  // Bytes that move JSON's grammar: structure, digits, signs, escapes, quotes,
  // whitespace, letters of the names, non-ASCII lead and continuation bytes.
  constexpr std::string_view kAlphabet = "{}[]:,\\\"0123456789-+.eE tn\r\nu_adpyx\xC3\xA9\x80\xFF";
  std::mt19937 rng(13);
  int matched = 0, total = 0;
  for (int i = 0; i < 60000; ++i) {
    const std::string text = mutate(i % 2 ? seed : plain_seed, kAlphabet, rng);
    ++total;
    if (plain_match_agrees(text)) ++matched;
    if (HasFailure()) return;
  }
  // Both outcomes are well represented (about 2% of the mutants match).
  EXPECT_GT(matched, total / 100);
  EXPECT_LT(matched, total / 2);
}

TEST(StrictJsonPlainObject, NeedsNamesAndRoom) {
  StrictJsonReader r;
  r.reset(R"({"a":1})");
  std::array<StrictJsonReader::Member, 1> one;
  const std::string_view a[] = {"a"};
  EXPECT_TRUE(r.match_plain_object(a, one));
  EXPECT_FALSE(r.match_plain_object({}, one));
  EXPECT_FALSE(r.match_plain_object(a, std::span<StrictJsonReader::Member>()));
  r.reset("{}");
  EXPECT_FALSE(r.match_plain_object(a, one));
  r.reset("");
  EXPECT_FALSE(r.match_plain_object(a, one));
}

// scan_plain_object() against validate() + root_object(), as plain_match_agrees
// does for match_plain_object(): whenever it says yes, the full reader says yes
// with the same members.
bool plain_scan_agrees(std::string_view text) {
  StrictJsonReader fast, full;
  fast.reset(text);
  full.reset(text);
  std::array<StrictJsonReader::Member, 8> got;
  std::size_t count = 0;
  const bool scanned = fast.scan_plain_object(got, count);
  const bool validated = full.validate();
  std::span<const StrictJsonReader::Member> want;
  const bool object = validated && full.root_object(want);
  if (!scanned) return false;
  EXPECT_TRUE(object) << testing::PrintToString(std::string(text));
  if (!object) return true;
  expect_same_members(std::span(got).first(count), want, text);
  return true;
}

// The three UserSig SDK spellings (reference/vendors/tencent/usersig_json.cc
// write_claims_json): Python's ", " and ": ", Go's compact text and newline,
// rapidjson's compact text in its own order.
constexpr const char* kSdkSpellings[] = {
    R"({"TLS.ver": "2.0", "TLS.identifier": "xiaojun", "TLS.sdkappid": 1400000000, )"
    R"("TLS.expire": 15552000, "TLS.time": 1700000000, "TLS.sig": "LvA7d/Iw7gSsnskv="})",
    "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"xiaojun\",\"TLS.sdkappid\":1400000000,"
    "\"TLS.expire\":15552000,\"TLS.time\":1700000000,\"TLS.userbuf\":\"AQID\","
    "\"TLS.sig\":\"LvA7d/Iw7gSsnskv=\"}\n",
    R"({"TLS.ver":"2.0","TLS.sdkappid":1400000000,"TLS.identifier":"xiaojun",)"
    R"("TLS.time":1700000000,"TLS.expire":15552000,"TLS.sig":"LvA7d/Iw7gSsnskv="})",
};

TEST(StrictJsonPlainScan, AgreesWithValidateOnTheSdkSpellings) {
  for (const char* text : kSdkSpellings) EXPECT_TRUE(plain_scan_agrees(text)) << text;
  for (const char* text : {"{}", "{}\n", R"({"a":-0})", R"({"":""})", R"({"a": 1, "b": "x"})",
                           R"({"a":9223372036854775807,"b":-9223372036854775808})",
                           R"({"1":1,"2":2,"3":3,"4":4,"5":5,"6":6,"7":7,"8":8})"}) {
    EXPECT_TRUE(plain_scan_agrees(text)) << text;
  }
  for (const char* text : {// Other whitespace, escapes, non-ASCII, duplicates, nine members (room
                           // for eight), nesting, literals, non-integers, 20 digits, broken text:
                           // the full reader decides.
                           R"({ "a":1})",
                           R"({"a" :1})",
                           R"({"a":  1})",
                           "{\"a\":\t1}",
                           R"({"a":1 ,"b":2})",
                           R"({"a":1,  "b":2})",
                           "{\"a\":1}\r\n",
                           "{\"a\":1}\n\n",
                           " {\"a\":1}",
                           "{\"a\":1} ",
                           R"({"a\u0041":1})",
                           R"({"a":"\n"})",
                           "{\"a\":\"\xC3\xA9\"}",
                           R"({"a":1,"a":2})",
                           R"({"1":1,"2":2,"3":3,"4":4,"5":5,"6":6,"7":7,"8":8,"9":9})",
                           R"({"a":{}})",
                           R"({"a":[]})",
                           R"({"a":true})",
                           R"({"a":null})",
                           R"({"a":1.5})",
                           R"({"a":1e3})",
                           R"({"a":01})",
                           R"({"a":-})",
                           R"({"a":12345678901234567890})",
                           R"({"a":1,})",
                           R"({"a":1)",
                           R"({"a":"1})",
                           R"({"a"})",
                           "{",
                           "",
                           "\n",
                           "[1]",
                           R"("a")"}) {
    EXPECT_FALSE(plain_scan_agrees(text)) << text;
  }
}

TEST(StrictJsonPlainScan, AgreesWithValidateOnMutations) {
  constexpr std::string_view kAlphabet = "{}[]:,\\\"0123456789-+.eE tn\r\nu_TLS.\xC3\xA9\x80\xFF";
  std::mt19937 rng(17);
  int scanned = 0, total = 0;
  for (int i = 0; i < 60000; ++i) {
    const std::string text = mutate(
        kSdkSpellings[static_cast<std::size_t>(i) % std::size(kSdkSpellings)], kAlphabet, rng);
    ++total;
    if (plain_scan_agrees(text)) ++scanned;
    if (HasFailure()) return;
  }
  EXPECT_GT(scanned, total / 100);
  EXPECT_LT(scanned, total / 2);
}

TEST(StrictJsonPlainScan, NeedsRoom) {
  StrictJsonReader r;
  r.reset(R"({"a":1,"b":2})");
  std::array<StrictJsonReader::Member, 2> two;
  std::size_t count = 9;
  EXPECT_TRUE(r.scan_plain_object(two, count));
  EXPECT_EQ(count, 2u);
  EXPECT_FALSE(r.scan_plain_object(std::span(two).first(1), count));
  EXPECT_FALSE(r.scan_plain_object({}, count));
  r.reset("{}");
  EXPECT_TRUE(r.scan_plain_object({}, count));
  EXPECT_EQ(count, 0u);
}

// read_members(): a closed member table, names[i] into the i-th destination.
struct TableClaims {
  std::int64_t n = 0;
  std::uint32_t id = 0;
  std::string s;
};
constexpr std::string_view kTableNames[] = {"n", "id", "s"};

bool read_claims(StrictJsonReader& r, std::string_view text, TableClaims& c) {
  r.reset(text);
  std::span<const StrictJsonReader::Member> members;
  if (!r.validate() || !r.root_object(members)) return false;
  return read_members(r, members, kTableNames, std::tie(c.n, c.id, c.s));
}

TEST(StrictJsonMemberTable, ReadsExactlyTheTablesMembersInAnyOrder) {
  StrictJsonReader r;
  TableClaims c;
  ASSERT_TRUE(read_claims(r, R"({"n":-5,"id":4294967295,"s":"x\u0041"})", c));
  EXPECT_EQ(c.n, -5);
  EXPECT_EQ(c.id, 4294967295u);
  EXPECT_EQ(c.s, "xA");
  ASSERT_TRUE(read_claims(r, R"({"s":"y","n":1,"id":0})", c));
  EXPECT_EQ(c.s, "y");
  EXPECT_EQ(c.id, 0u);
  EXPECT_FALSE(read_claims(r, R"({"n":1,"id":2})", c)) << "a member missing";
  EXPECT_FALSE(read_claims(r, R"({"n":1,"id":2,"s":"","t":0})", c)) << "a member not in the table";
  EXPECT_FALSE(read_claims(r, R"({"n":"1","id":2,"s":""})", c)) << "wrong type";
  EXPECT_FALSE(read_claims(r, R"({"n":1,"id":4294967296,"s":""})", c)) << "id beyond u32";
  EXPECT_FALSE(read_claims(r, R"({"n":1,"id":-1,"s":""})", c)) << "negative u32";
  EXPECT_FALSE(read_claims(r, R"({"n":1,"id":2,"s":"","n":1})", c)) << "duplicate (validate)";
}

TEST(StrictJsonMemberTable, MatchedMembersAreReadWithoutComparingNames) {
  StrictJsonReader r;
  r.reset(R"({"n":7,"id":8,"s":"z"})");
  std::array<StrictJsonReader::Member, 3> members;
  ASSERT_TRUE(r.match_plain_object(kTableNames, members));
  TableClaims c;
  ASSERT_TRUE(read_members(r, members, kTableNames, std::tie(c.n, c.id, c.s), /*matched=*/true));
  EXPECT_EQ(c.n, 7);
  EXPECT_EQ(c.id, 8u);
  EXPECT_EQ(c.s, "z");
}

}  // namespace
}  // namespace tokcheck
