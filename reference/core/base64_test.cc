#include "reference/core/base64.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "reference/core/base64_internal.h"

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

// --- The SSSE3 and AVX2 strict decoders against the scalar one ---------------

using base64_detail::decode_strict_scalar;
using base64_detail::decode_strict_simd;
using base64_detail::simd_available;

// Both alphabets have an SSSE3 path with its own tables, so every agreement
// test below runs once per alphabet.
struct AlphabetCase {
  Base64Alphabet which;
  std::string_view chars;
  char pad;
};
constexpr AlphabetCase kAlphabets[] = {
    {Base64Alphabet::kStandard, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
     '='},
    {Base64Alphabet::kTencent, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-",
     '_'},
};

using base64_detail::simd_level;
using base64_detail::SimdLevel;

// Every vector level this CPU runs (AVX2 inputs also take an SSSE3 step and the
// scalar tail; SSSE3 alone takes every 16-character step itself).
std::vector<SimdLevel> vector_levels() {
  std::vector<SimdLevel> levels;
  if (simd_level() >= SimdLevel::kSsse3) levels.push_back(SimdLevel::kSsse3);
  if (simd_level() >= SimdLevel::kAvx2) levels.push_back(SimdLevel::kAvx2);
  return levels;
}

// Same accept/reject answer and, on accept, the same bytes, at every vector
// level. Each decoder gets a buffer already holding unrelated bytes, as a reused
// caller buffer would.
::testing::AssertionResult paths_agree(std::string_view in,
                                       Base64Alphabet which = Base64Alphabet::kStandard) {
  std::vector<std::uint8_t> scalar(7, 0xAA);
  const bool scalar_ok = decode_strict_scalar(in, scalar, which);
  for (SimdLevel level : vector_levels()) {
    std::vector<std::uint8_t> simd(in.size(), 0x55);
    const bool simd_ok = decode_strict_simd(in, simd, which, level);
    const char* name = level == SimdLevel::kAvx2 ? "avx2" : "ssse3";
    if (scalar_ok != simd_ok) {
      return ::testing::AssertionFailure()
             << "scalar " << (scalar_ok ? "accepts" : "rejects") << ", " << name << " "
             << (simd_ok ? "accepts" : "rejects") << " \"" << in << "\"";
    }
    if (scalar_ok && scalar != simd) {
      return ::testing::AssertionFailure() << name << " output differs for \"" << in << "\"";
    }
  }
  return ::testing::AssertionSuccess();
}

std::string random_bytes(std::mt19937& rng, std::size_t n) {
  std::uniform_int_distribution<int> byte(0, 255);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(byte(rng));
  return s;
}

#define SKIP_WITHOUT_SIMD() \
  if (!simd_available()) GTEST_SKIP() << "this CPU has no SSSE3; only the scalar decoder runs"

TEST(Base64Simd, EveryByteAtEveryPositionMatchesScalar) {
  SKIP_WITHOUT_SIMD();
  for (const AlphabetCase& ab : kAlphabets) {
    std::mt19937 rng(64);
    for (std::size_t len : {48u, 64u}) {
      // Each length unpadded and in its "xxx=" and "xx==" forms.
      const std::string bases[] = {
          base64_encode(as_bytes(random_bytes(rng, len / 4 * 3)), ab.which),
          base64_encode(as_bytes(random_bytes(rng, len / 4 * 3 - 1)), ab.which),
          base64_encode(as_bytes(random_bytes(rng, len / 4 * 3 - 2)), ab.which)};
      for (const std::string& base : bases) {
        ASSERT_EQ(base.size(), len);
        ASSERT_TRUE(paths_agree(base, ab.which));
        for (std::size_t pos = 0; pos < 48; ++pos) {
          std::string s = base;
          for (int b = 0; b < 256; ++b) {
            s[pos] = static_cast<char>(b);
            const bool valid = ab.chars.find(static_cast<char>(b)) != std::string_view::npos;
            std::vector<std::uint8_t> out;
            // In a 48-char unpadded string positions 0..43 stay in full groups
            // whatever the last group holds, so exactly the alphabet is accepted.
            if (base.back() != ab.pad && len == 48 && pos < 44) {
              EXPECT_EQ(decode_strict_simd(s, out, ab.which), valid) << s;
            }
            ASSERT_TRUE(paths_agree(s, ab.which)) << "byte " << b << " at " << pos;
          }
        }
      }
    }
  }
}

TEST(Base64Simd, RandomValidStringsOfEveryLengthMatchScalar) {
  SKIP_WITHOUT_SIMD();
  for (const AlphabetCase& ab : kAlphabets) {
    std::mt19937 rng(400);
    std::uniform_int_distribution<std::size_t> pick(0, ab.chars.size() - 1);
    const std::string pad1(1, ab.pad), pad2(2, ab.pad);
    for (std::size_t len = 0; len <= 400; ++len) {
      for (int round = 0; round < 4; ++round) {
        // Encodings of random bytes: canonical, padded whenever len % 3 != 0.
        const std::string data = random_bytes(rng, len);
        const std::string enc = base64_encode(as_bytes(data), ab.which);
        std::vector<std::uint8_t> out(3, 0xEE);
        ASSERT_TRUE(decode_strict_simd(enc, out, ab.which)) << enc;
        ASSERT_EQ(std::string(out.begin(), out.end()), data);
        ASSERT_TRUE(paths_agree(enc, ab.which));
        // Random alphabet strings of length len (multiple of 4 or not), bare and
        // with one or two pad chars appended.
        std::string chars(len, 'A');
        for (char& c : chars) c = ab.chars[pick(rng)];
        ASSERT_TRUE(paths_agree(chars, ab.which));
        ASSERT_TRUE(paths_agree(chars + pad1, ab.which));
        ASSERT_TRUE(paths_agree(chars + pad2, ab.which));
      }
    }
  }
}

TEST(Base64Simd, NonCanonicalPaddingBitsMatchScalar) {
  SKIP_WITHOUT_SIMD();
  for (const AlphabetCase& ab : kAlphabets) {
    std::mt19937 rng(3);
    for (std::size_t n : {1u, 2u, 13u, 14u, 34u, 35u, 46u, 47u, 100u, 101u}) {
      const std::string enc = base64_encode(as_bytes(random_bytes(rng, n)), ab.which);
      const std::size_t last = enc.find(ab.pad) - 1;  // the char holding the padding bits
      for (char c : ab.chars) {
        std::string s = enc;
        s[last] = c;
        ASSERT_TRUE(paths_agree(s, ab.which));
      }
      // Dropping the padding or adding a third pad char is never canonical.
      ASSERT_TRUE(paths_agree(enc.substr(0, enc.find(ab.pad)), ab.which));
      ASSERT_TRUE(paths_agree(enc + ab.pad, ab.which));
    }
  }
}

TEST(Base64Simd, PaddingCharInTheMiddleMatchesScalar) {
  SKIP_WITHOUT_SIMD();
  for (const AlphabetCase& ab : kAlphabets) {
    std::mt19937 rng(5);
    const std::string pad2(2, ab.pad);
    // One whole padded group ("f" encoded) glued in front of full groups.
    const std::string padded_group = base64_encode(as_bytes("f"), ab.which);
    for (std::size_t n : {12u, 24u, 36u, 47u, 48u, 60u, 95u}) {
      const std::string enc = base64_encode(as_bytes(random_bytes(rng, n)), ab.which);
      for (std::size_t pos = 0; pos < enc.size(); ++pos) {
        std::string replaced = enc;
        replaced[pos] = ab.pad;
        EXPECT_TRUE(paths_agree(replaced, ab.which));
        std::string two = replaced;
        if (pos + 1 < two.size()) two[pos + 1] = ab.pad;
        EXPECT_TRUE(paths_agree(two, ab.which));
        EXPECT_TRUE(paths_agree(enc.substr(0, pos) + pad2 + enc.substr(pos), ab.which));
        EXPECT_TRUE(paths_agree(padded_group + enc, ab.which));
      }
    }
  }
}

TEST(Base64Simd, EachAlphabetRefusesTheOthersCharsInFullGroups) {
  SKIP_WITHOUT_SIMD();
  // 64 chars = 4 SIMD blocks; '+' '/' are not Tencent chars, '*' '-' not standard.
  for (const AlphabetCase& ab : kAlphabets) {
    for (char foreign : {'+', '/', '*', '-', '=', '_'}) {
      if (ab.chars.find(foreign) != std::string_view::npos) continue;
      for (std::size_t pos : {0u, 15u, 16u, 47u}) {
        std::string s(64, 'Q');
        s[pos] = foreign;
        std::vector<std::uint8_t> out;
        EXPECT_FALSE(decode_strict_simd(s, out, ab.which)) << s;
        EXPECT_TRUE(paths_agree(s, ab.which));
      }
    }
  }
}

// Every vector step stores its whole register while room remains and only its
// own bytes in the last steps: nothing is written past the decoded length
// (guard bytes after it in one allocation stay as they were).
TEST(Base64Simd, NoStepWritesPastTheDecodedBytes) {
  SKIP_WITHOUT_SIMD();
  std::mt19937 rng(9);
  for (SimdLevel level : vector_levels()) {
    for (std::size_t n = 0; n <= 200; ++n) {
      const std::string data = random_bytes(rng, n);
      const std::string enc = base64_encode(as_bytes(data));
      std::vector<std::uint8_t> out;
      out.reserve(n + 64);
      ASSERT_TRUE(decode_strict_simd(enc, out, Base64Alphabet::kStandard, level)) << enc;
      ASSERT_EQ(out.size(), n);
      // The bytes past size() are the guard: fill, decode again, compare.
      std::uint8_t* const guard = out.data() + n;
      std::memset(guard, 0xC3, 64);
      ASSERT_TRUE(decode_strict_simd(enc, out, Base64Alphabet::kStandard, level)) << enc;
      ASSERT_EQ(std::string(out.begin(), out.end()), data);
      for (std::size_t i = 0; i < 64; ++i) ASSERT_EQ(guard[i], 0xC3) << "n " << n << " byte " << i;
    }
  }
}

TEST(Base64Simd, TencentAlphabetMatchesScalar) {
  SKIP_WITHOUT_SIMD();
  std::mt19937 rng(7);
  for (std::size_t n = 0; n < 80; ++n) {
    const std::string enc = base64_encode(as_bytes(random_bytes(rng, n)), Base64Alphabet::kTencent);
    ASSERT_TRUE(paths_agree(enc, Base64Alphabet::kTencent));
    ASSERT_TRUE(paths_agree(enc, Base64Alphabet::kStandard));
  }
}

TEST(Base64, ReusedBufferGivesTheSameResultAsAFreshOne) {
  // The strict decoder resizes without clearing: stale bytes must never show.
  std::mt19937 rng(11);
  std::vector<std::uint8_t> reused;
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = std::uniform_int_distribution<std::size_t>(0, 120)(rng);
    std::string in = base64_encode(as_bytes(random_bytes(rng, n)));
    if (round % 3 == 1 && !in.empty()) in[in.size() / 2] = '!';  // lenient only
    if (round % 3 == 2) in = std::string(in.size(), '!');        // garbage
    for (Base64Mode mode : {Base64Mode::kStrict, Base64Mode::kLenient}) {
      std::vector<std::uint8_t> fresh;
      const Base64Decoded a = base64_decode(in, mode, fresh);
      const Base64Decoded b = base64_decode(in, mode, reused);
      EXPECT_EQ(a.error, b.error) << in;
      EXPECT_EQ(a.lenient_used, b.lenient_used) << in;
      EXPECT_EQ(fresh, reused) << in;
      if (a.error != Malformation::kNone) {
        EXPECT_TRUE(reused.empty()) << in;
      }
    }
  }
}

}  // namespace
}  // namespace tokcheck
