// The strict claims reader and the three SDK serializations (docs/formats/tencent.md).
#include "reference/vendors/tencent/usersig_json.h"

#include <gtest/gtest.h>

#include "reference/core/zlib_codec.h"

namespace tokcheck::tencent {
namespace {

Malformation parse(std::string_view text) {
  JsonObjectReader r;
  return r.parse(text);
}

TEST(UserSigJsonReader, ReadsMembersWithExactTypes) {
  JsonObjectReader r;
  ASSERT_EQ(r.parse(" {\"a\": \"x\\u00e9\\ud83d\\ude00\", \"b\": -9223372036854775808, "
                    "\"c\": 1.5, \"d\": [1, {\"e\": null}], \"f\": 9223372036854775808}\n"),
            Malformation::kNone);
  ASSERT_EQ(r.members().size(), 5u);
  EXPECT_EQ(r.find("a")->kind, JsonMember::Kind::kString);
  EXPECT_EQ(r.find("a")->string_value, "x\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(r.find("b")->kind, JsonMember::Kind::kInteger);
  EXPECT_EQ(r.find("b")->integer, INT64_MIN);
  EXPECT_FALSE(r.find("b")->integer_overflow);
  EXPECT_EQ(r.find("c")->kind, JsonMember::Kind::kNumber);
  EXPECT_EQ(r.find("d")->kind, JsonMember::Kind::kOther);
  EXPECT_TRUE(r.find("f")->integer_overflow);
  EXPECT_EQ(r.find("zz"), nullptr);
  // Storage is reused: a second parse forgets the first.
  ASSERT_EQ(r.parse("{}"), Malformation::kNone);
  EXPECT_TRUE(r.members().empty());
}

TEST(UserSigJsonReader, RejectsEverythingThatIsNotOneStrictObject) {
  for (std::string_view bad :
       {"", "[]", "\"s\"", "1", "{", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1} x", "{\"a\":1}{}",
        "{a:1}", "{'a':1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":tru}",
        "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}",
        "{\"a\":\"\\ud800\\u0041\"}", "{\"a\":\"\x01\"}", "{\"a\":\"\xc3\"}",
        "{\"a\":\"\xc0\xaf\"}", "{\"a\":\"\xed\xa0\x80\"}", "\xef\xbb\xbf{}", "{\"a\":1,\"a\":2}",
        "{\"a\":1,\"\\u0061\":2}", "{\"x\":{\"b\":1,\"b\":2}}", "{\"a\":NaN}", "{\"a\":[1,]}",
        // Beyond binary64 (json_number.h): found by fuzzing,
        // nlohmann and Go refuse it, Python reads infinity.
        "{\"a\":1e400}", "{\"a\":[-1.7976931348623159e308]}", "{\"TLS.time\":1E+309}"}) {
    EXPECT_EQ(parse(bad), Malformation::kBadJson) << bad;
  }
}

TEST(UserSigJsonReader, TinyAndLargeFiniteNumbersAreAccepted) {
  EXPECT_EQ(parse("{\"a\":1e-400,\"b\":1.7976931348623157e308,\"c\":1e308}"), Malformation::kNone);
}

// Small objects are checked pairwise and large ones by sorting: both must find
// a repeated name wherever the two copies are, also when one is escaped.
TEST(UserSigJsonReader, RepeatedNamesAreFoundAtEveryPositionInSmallAndLargeObjects) {
  // n members named k0, k1, ...; the one at `second` is named like the one at
  // `first` ("kdup", escaped as "\u006Bdup" if asked) or, for the control, "kdiff".
  const auto object = [](std::size_t n, std::size_t first, std::size_t second, bool escaped,
                         bool repeat) {
    std::string text = "{";
    for (std::size_t i = 0; i < n; ++i) {
      if (i) text += ',';
      if (i == first) {
        text += "\"kdup\"";
      } else if (i == second) {
        text += !repeat ? "\"kdiff\"" : escaped ? "\"\\u006Bdup\"" : "\"kdup\"";
      } else {
        text += "\"k" + std::to_string(i) + "\"";
      }
      text += ':' + std::to_string(i);
    }
    return text + '}';
  };
  for (std::size_t n : {2, 7, 16, 17, 40}) {
    for (std::size_t first = 0; first < n; ++first) {
      for (std::size_t second = first + 1; second < n; ++second) {
        for (bool escaped : {false, true}) {
          const std::string repeated = object(n, first, second, escaped, true);
          ASSERT_EQ(parse(repeated), Malformation::kBadJson) << repeated;
          const std::string distinct = object(n, first, second, escaped, false);
          ASSERT_EQ(parse(distinct), Malformation::kNone) << distinct;
        }
      }
    }
  }
}

TEST(UserSigJsonReader, NestingIsCapped) {
  std::string deep = "{\"a\":";
  for (int i = 0; i < JsonObjectReader::kMaxDepth; ++i) deep += "[";
  for (int i = 0; i < JsonObjectReader::kMaxDepth; ++i) deep += "]";
  deep += "}";
  EXPECT_EQ(parse(deep), Malformation::kBadJson);  // object + 32 arrays = depth 33
  std::string ok = "{\"a\":";
  for (int i = 0; i < JsonObjectReader::kMaxDepth - 1; ++i) ok += "[";
  for (int i = 0; i < JsonObjectReader::kMaxDepth - 1; ++i) ok += "]";
  ok += "}";
  EXPECT_EQ(parse(ok), Malformation::kNone);
}

ClaimsJson sample(std::string_view identifier) {
  return {"2.0", identifier, 1400000000, 86400, 1700000000, std::nullopt, "c2ln"};
}

TEST(UserSigJsonWriter, EachStyleMatchesItsSdk) {
  EXPECT_EQ(write_claims_json(sample("xiaojun"), JsonStyle::kPython),
            "{\"TLS.ver\": \"2.0\", \"TLS.identifier\": \"xiaojun\", \"TLS.sdkappid\": 1400000000, "
            "\"TLS.expire\": 86400, \"TLS.time\": 1700000000, \"TLS.sig\": \"c2ln\"}");
  EXPECT_EQ(write_claims_json(sample("xiaojun"), JsonStyle::kGo),
            "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"xiaojun\",\"TLS.sdkappid\":1400000000,"
            "\"TLS.expire\":86400,\"TLS.time\":1700000000,\"TLS.sig\":\"c2ln\"}\n");
  EXPECT_EQ(write_claims_json(sample("xiaojun"), JsonStyle::kCpp),
            "{\"TLS.ver\":\"2.0\",\"TLS.sdkappid\":1400000000,\"TLS.identifier\":\"xiaojun\","
            "\"TLS.time\":1700000000,\"TLS.expire\":86400,\"TLS.sig\":\"c2ln\"}");
}

TEST(UserSigJsonWriter, EscapingDiffersPerSdk) {
  const std::string id = "a\"<\xc3\xa9\x01\n\xf0\x9f\x98\x80";
  auto identifier_of = [](const std::string& json) {
    const auto at = json.find("TLS.identifier");
    return json.substr(at, json.find(',', at) - at);
  };
  EXPECT_EQ(identifier_of(write_claims_json(sample(id), JsonStyle::kPython)),
            "TLS.identifier\": \"a\\\"<\\u00e9\\u0001\\n\\ud83d\\ude00\"");
  EXPECT_EQ(identifier_of(write_claims_json(sample(id), JsonStyle::kGo)),
            "TLS.identifier\":\"a\\\"\\u003c\xc3\xa9\\u0001\\n\xf0\x9f\x98\x80\"");
  EXPECT_EQ(identifier_of(write_claims_json(sample(id), JsonStyle::kCpp)),
            "TLS.identifier\":\"a\\\"<\xc3\xa9\\u0001\\n\xf0\x9f\x98\x80\"");
  // Every style reads back to the same identifier.
  for (JsonStyle s : kAllJsonStyles) {
    JsonObjectReader r;
    const std::string json = write_claims_json(sample(id), s);  // the members view it
    ASSERT_EQ(r.parse(json), Malformation::kNone);
    EXPECT_EQ(r.find("TLS.identifier")->string_value, id);
  }
}

TEST(UserSigJsonWriter, GoOmitsEmptyValues) {
  ClaimsJson c = sample("x");
  c.expire = 0;
  c.userbuf_base64 = "";
  EXPECT_EQ(write_claims_json(c, JsonStyle::kGo),
            "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"x\",\"TLS.sdkappid\":1400000000,"
            "\"TLS.time\":1700000000,\"TLS.sig\":\"c2ln\"}\n");
}

TEST(UserSigZlib, GoStoredBlocksInflateAndHaveGoFraming) {
  const std::string text = "{\"k\":1}\n";
  const auto z = compress_for_style(as_bytes(text), JsonStyle::kGo);
  ASSERT_GE(z.size(), 2u + 5 + text.size() + 5 + 4);
  EXPECT_EQ(z[0], 0x78);
  EXPECT_EQ(z[1], 0x01);
  EXPECT_EQ(z[2], 0x00);  // non-final stored block
  EXPECT_EQ(z[3], text.size());
  const std::size_t tail = 2 + 5 + text.size();
  EXPECT_EQ(std::vector<std::uint8_t>(z.begin() + static_cast<std::ptrdiff_t>(tail),
                                      z.begin() + static_cast<std::ptrdiff_t>(tail + 5)),
            (std::vector<std::uint8_t>{0x01, 0x00, 0x00, 0xFF, 0xFF}));
  Inflater inflater;
  std::vector<std::uint8_t> out;
  ASSERT_EQ(inflater.inflate(z, out), Malformation::kNone);
  EXPECT_EQ(as_chars(out), text);
  // Long input spans several 65535-byte stored blocks.
  const std::string big(70000, 'x');
  ASSERT_EQ(inflater.inflate(compress_for_style(as_bytes(big), JsonStyle::kGo), out),
            Malformation::kNone);
  EXPECT_EQ(out.size(), big.size());
  for (JsonStyle s : {JsonStyle::kPython, JsonStyle::kCpp}) {
    ASSERT_EQ(inflater.inflate(compress_for_style(as_bytes(text), s), out), Malformation::kNone);
    EXPECT_EQ(as_chars(out), text);
  }
}

}  // namespace
}  // namespace tokcheck::tencent
