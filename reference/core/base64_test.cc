#include "reference/core/base64.h"

#include <gtest/gtest.h>

namespace tokcheck {
namespace {

std::string decode(std::string_view in, Base64Mode mode,
                   Malformation expect_error = Malformation::kNone,
                   Base64Alphabet alphabet = Base64Alphabet::kStandard) {
  std::vector<std::uint8_t> out;
  const Base64Decoded r = base64_decode(in, mode, out, alphabet);
  EXPECT_EQ(r.error, expect_error) << in;
  return std::string(out.begin(), out.end());
}

TEST(Base64, Rfc4648TestVectorsRoundTrip) {
  // RFC 4648 §10.
  const std::pair<std::string_view, std::string_view> kVectors[] = {{"", ""},
                                                                    {"f", "Zg=="},
                                                                    {"fo", "Zm8="},
                                                                    {"foo", "Zm9v"},
                                                                    {"foob", "Zm9vYg=="},
                                                                    {"fooba", "Zm9vYmE="},
                                                                    {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : kVectors) {
    EXPECT_EQ(base64_encode(as_bytes(plain)), encoded);
    EXPECT_EQ(decode(encoded, Base64Mode::kStrict), plain);
  }
}

TEST(Base64, StrictRejectsEveryNonCanonicalSpelling) {
  // Each of these decodes to "fo"/"foob" under the lenient rules only.
  for (std::string_view s : {"Zm9=", "Zm8", "Zm9vYh==", "Zm9v\nYg==", "Zm9v Yg==", "Zm-_"}) {
    decode(s, Base64Mode::kStrict, Malformation::kNonCanonicalBase64);
  }
  decode("!!!!", Base64Mode::kStrict, Malformation::kBadBase64);
}

TEST(Base64, LenientModelsAgorasCppAndNodeParsers) {
  std::vector<std::uint8_t> out;
  auto r = base64_decode("Zm9vYh==", Base64Mode::kLenient, out);  // nonzero padding bits
  EXPECT_TRUE(r.lenient_used);
  EXPECT_EQ(std::string(out.begin(), out.end()), "foob");
  EXPECT_EQ(decode("Zm9v\r\nYg", Base64Mode::kLenient), "foob");       // whitespace, no padding
  EXPECT_EQ(decode("Zm9vYg==garbage", Base64Mode::kLenient), "foob");  // stops at '='
  EXPECT_EQ(decode("-_-_", Base64Mode::kLenient), decode("+/+/", Base64Mode::kStrict));
  r = base64_decode("Zm9vYg==", Base64Mode::kLenient, out);  // canonical: strict was enough
  EXPECT_FALSE(r.lenient_used);
}

TEST(Base64, TencentAlphabetUsesStarDashUnderscore) {
  const std::uint8_t bytes[] = {0xfb, 0xff, 0xfe};
  EXPECT_EQ(base64_encode(bytes, Base64Alphabet::kTencent), "*--*");
  const std::uint8_t one[] = {0xfb};
  EXPECT_EQ(base64_encode(one, Base64Alphabet::kTencent), "*w__");
  EXPECT_EQ(decode("*w__", Base64Mode::kStrict, Malformation::kNone, Base64Alphabet::kTencent),
            "\xfb");
  decode("+w==", Base64Mode::kStrict, Malformation::kNonCanonicalBase64, Base64Alphabet::kTencent);
}

TEST(Base64, EveryByteValueRoundTripsAtEveryLength) {
  std::string data;
  for (int i = 0; i < 300; ++i) {
    data.push_back(static_cast<char>(i * 37));
    EXPECT_EQ(decode(base64_encode(as_bytes(data)), Base64Mode::kStrict), data);
  }
}

}  // namespace
}  // namespace tokcheck
