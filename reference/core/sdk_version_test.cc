// One version grammar for every vendor (core/sdk_version.h).
#include "reference/core/sdk_version.h"

#include <gtest/gtest.h>

namespace tokcheck {
namespace {

SdkVersion v(std::string_view s) {
  const auto parsed = SdkVersion::parse(s);
  EXPECT_TRUE(parsed) << s;
  return parsed.value_or(SdkVersion{});
}

TEST(SdkVersion, ParsesAndComparesNumerically) {
  EXPECT_EQ(v("2.12.3").str(), "2.12.3");
  EXPECT_EQ(v("2.17").str(), "2.17.0");
  EXPECT_EQ(v("3").str(), "3.0.0");
  EXPECT_EQ(v("3.1.2.1234").str(), "3.1.2.1234");
  EXPECT_EQ(v("999999999.0").major, 999999999u);
  EXPECT_LT(v("2.9.0"), v("2.10.0"));  // numeric, not lexicographic
  EXPECT_LT(v("2.12.3"), v("2.13.0"));
  EXPECT_LT(v("2.67.9"), v("2.68.0"));
  EXPECT_EQ(v("2.17"), v("2.17.0"));
  EXPECT_EQ(v("02.017"), v("2.17.0"));
  EXPECT_LT(v("2.17.0"), v("2.17.0.1"));
}

TEST(SdkVersion, RejectsEverythingButDigitsAndDots) {
  for (const char* bad :
       {"", ".", "2.", ".2", "2..3", "v2.8.0", "V2", "2.8.0-beta", "1.2.3.4.5", "2.x",
        "9999999999.0", "1234567890", "-1.0", "+1.0", " 2.8", "2.8 ", "2,8", "２.8"}) {
    EXPECT_FALSE(SdkVersion::parse(bad)) << bad;
  }
}

TEST(SdkVersion, TableLiteralsEqualTheirParsedText) {
  static_assert(SdkVersion::of(2, 42) == SdkVersion{2, 42, 0, 0});
  EXPECT_EQ(SdkVersion::of(2, 68), v("2.68.0"));
  EXPECT_EQ(SdkVersion::of(2, 13, 0), v("2.13"));
}

}  // namespace
}  // namespace tokcheck
