// Tencent UserSig (TLSSigAPIv2): build in the three SDK styles, parse, and every
// verify rule (suite-anchors.md §7; docs/formats/tencent.md).
#include "reference/vendors/tencent/usersig.h"

#include <gtest/gtest.h>

#include "reference/core/crypto_util.h"
#include "reference/vendors/tencent/private_map_key.h"

namespace tokcheck::tencent {
namespace {

// The sample constants shared by the SDK READMEs (suite-anchors.md §7).
constexpr std::string_view kKey =
    "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
constexpr std::uint32_t kSdkAppId = 1400000000;
constexpr std::int64_t kTime = 1700000000;
constexpr std::int64_t kExpire = 86400 * 180;

UserSigBuildInput input(JsonStyle style = JsonStyle::kPython) {
  UserSigBuildInput in;
  in.sdkappid = kSdkAppId;
  in.key = std::string(kKey);
  in.identifier = "xiaojun";
  in.expire = kExpire;
  in.time = kTime;
  in.style = style;
  return in;
}

std::string build(const UserSigBuildInput& in) {
  const auto r = build_usersig(in);
  EXPECT_EQ(r.error, UserSigBuildError::kNone);
  return r.token;
}

// Compresses and encodes arbitrary claims text, for cases no SDK writes.
std::string wrap(std::string_view json, int level = 6) {
  return base64_encode(zlib_compress(as_bytes(json), level), Base64Alphabet::kTencent);
}

TEST(UserSigSign, HmacIsOverTheDocumentedStringWithTheKeyStringBytes) {
  const std::string content =
      "TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\n"
      "TLS.expire:15552000\n";
  EXPECT_EQ(usersig_hmac(kKey, "xiaojun", kSdkAppId, kTime, kExpire, nullptr),
            HmacSha256::compute(as_bytes(kKey), as_bytes(content)));
  const std::vector<std::uint8_t> userbuf{1, 2, 3};
  EXPECT_EQ(usersig_hmac(kKey, "xiaojun", kSdkAppId, kTime, kExpire, &userbuf),
            HmacSha256::compute(as_bytes(kKey), as_bytes(content + "TLS.userbuf:AQID\n")));
}

TEST(UserSigBuild, StylesDifferInBytesButParseToTheSameClaims) {
  std::vector<std::string> tokens;
  for (JsonStyle style : kAllJsonStyles) {
    tokens.push_back(build(input(style)));
    const auto p = parse_usersig(tokens.back());
    ASSERT_EQ(p.condition, Condition::kValid) << to_string(style);
    EXPECT_EQ(p.token.identifier, "xiaojun");
    EXPECT_EQ(p.token.sdkappid, kSdkAppId);
    EXPECT_EQ(p.token.expire, kExpire);
    EXPECT_EQ(p.token.time, kTime);
    EXPECT_FALSE(p.token.userbuf);
    ASSERT_TRUE(p.token.style);
    EXPECT_EQ(*p.token.style, style);
    const Sha256Digest mac = usersig_hmac(kKey, "xiaojun", kSdkAppId, kTime, kExpire, nullptr);
    EXPECT_EQ(p.token.signature, std::vector<std::uint8_t>(mac.begin(), mac.end()));
  }
  EXPECT_NE(tokens[0], tokens[1]);
  EXPECT_NE(tokens[0], tokens[2]);
  EXPECT_NE(tokens[1], tokens[2]);
  EXPECT_TRUE(tokens[0].starts_with("eJ"));    // level 6: 78 9C
  EXPECT_TRUE(tokens[1].starts_with("eAEA"));  // stored:  78 01, then a stored block 00
  EXPECT_TRUE(tokens[2].starts_with("eA"));    // level 1: 78 01
}

TEST(UserSigBuild, RefusesBadInputs) {
  UserSigBuildInput in = input();
  in.key.clear();
  EXPECT_EQ(build_usersig(in).error, UserSigBuildError::kBadKey);
  in = input();
  in.identifier.clear();
  EXPECT_EQ(build_usersig(in).error, UserSigBuildError::kBadIdentifier);
  in.identifier = "\xff";
  EXPECT_EQ(build_usersig(in).error, UserSigBuildError::kBadIdentifier);
  in = input();
  in.time = -1;
  EXPECT_EQ(build_usersig(in).error, UserSigBuildError::kBadTime);
  in.time = INT64_MAX;
  in.expire = 1;
  EXPECT_EQ(build_usersig(in).error, UserSigBuildError::kBadTime);
}

TEST(UserSigVerify, ExpiredOnlyAfterTimePlusExpire) {
  const std::string token = build(input());
  UserSigVerifier v(kKey);
  EXPECT_EQ(v.verify(token, kTime + kExpire - 1).condition, Condition::kValid);
  EXPECT_EQ(v.verify(token, kTime + kExpire).condition, Condition::kValid);
  EXPECT_EQ(v.verify(token, kTime + kExpire + 1).condition, Condition::kExpired);
  // No not-before check: a token used before its TLS.time is valid (Go has none).
  EXPECT_EQ(v.verify(token, 0).condition, Condition::kValid);
  UserSigBuildInput negative = input();
  negative.expire = -1;
  EXPECT_EQ(v.verify(build(negative), kTime).condition, Condition::kExpired);
}

// The signed string spells the integers as the SDKs format their values; the
// verifier takes the JSON's digits for that, and -0 (a valid JSON integer the
// SDKs read as 0) must sign as "0", not as written.
TEST(UserSigVerify, MinusZeroSignsAsZero) {
  const auto sig = [](std::int64_t time, std::int64_t expire) {
    return base64_encode(usersig_hmac(kKey, "xiaojun", kSdkAppId, time, expire, nullptr));
  };
  const auto claims = [](std::string_view time, std::string_view expire, std::string_view mac) {
    return R"({"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,)"
           R"("TLS.expire":)" +
           std::string(expire) + R"(,"TLS.time":)" + std::string(time) + R"(,"TLS.sig":")" +
           std::string(mac) + R"("})";
  };
  UserSigVerifier v(kKey);
  EXPECT_EQ(v.verify(wrap(claims("1700000000", "-0", sig(kTime, 0))), kTime).condition,
            Condition::kValid);
  EXPECT_EQ(v.verify(wrap(claims("-0", "1700000000", sig(0, kTime))), kTime).condition,
            Condition::kValid);
  EXPECT_EQ(v.verify(wrap(claims("1700000000", "-5", sig(kTime, -5))), kTime - 5).condition,
            Condition::kValid);
  // Signed over the "-0" as written: not what the SDKs sign.
  const std::string as_written =
      "TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:-0\n";
  const std::string mac_as_written =
      base64_encode(HmacSha256::compute(as_bytes(kKey), as_bytes(as_written)));
  EXPECT_EQ(v.verify(wrap(claims("1700000000", "-0", mac_as_written)), kTime).condition,
            Condition::kBadSignature);
}

TEST(UserSigVerify, GoCheckOrder) {
  UserSigBuildInput in = input();
  in.key = "another key";
  const std::string wrong_key = build(in);
  UserSigVerifier v(kKey);
  const std::int64_t late = kTime + kExpire + 1;
  // sdkappid, then identifier, then expiry, then userbuf, then the HMAC.
  EXPECT_EQ(v.verify(wrong_key, late, {.sdkappid = 1, .identifier = "other"}).condition,
            Condition::kAppIdMismatch);
  EXPECT_EQ(v.verify(wrong_key, late, {.sdkappid = kSdkAppId, .identifier = "other"}).condition,
            Condition::kUserIdMismatch);
  EXPECT_EQ(v.verify(wrong_key, late, {.identifier = "xiaojun"}).condition, Condition::kExpired);
  UserSigBinding needs_buf;
  needs_buf.userbuf_rule = UserSigBinding::Userbuf::kEquals;
  needs_buf.userbuf = {1};
  EXPECT_EQ(v.verify(wrong_key, kTime, needs_buf).condition, Condition::kUserbufMismatch);
  EXPECT_EQ(v.verify(wrong_key, kTime).condition, Condition::kBadSignature);
  EXPECT_EQ(
      v.verify(build(input()), kTime, {.sdkappid = kSdkAppId, .identifier = "xiaojun"}).condition,
      Condition::kValid);
}

TEST(UserSigVerify, UserbufRules) {
  const PrivateMapKey pmk = private_map_key("xiaojun", kSdkAppId, 10000, kTime, kExpire, 255);
  UserSigBuildInput in = input();
  in.userbuf = pack_userbuf(pmk);
  const std::string with_buf = build(in);
  const std::string without = build(input());
  UserSigVerifier v(kKey);
  UserSigBinding equals;
  equals.userbuf_rule = UserSigBinding::Userbuf::kEquals;
  equals.userbuf = *in.userbuf;
  UserSigBinding absent;
  absent.userbuf_rule = UserSigBinding::Userbuf::kAbsent;
  EXPECT_EQ(v.verify(with_buf, kTime, equals).condition, Condition::kValid);
  EXPECT_EQ(v.verify(with_buf, kTime).condition, Condition::kValid);  // unchecked
  EXPECT_EQ(v.verify(with_buf, kTime, absent).condition, Condition::kUserbufMismatch);
  EXPECT_EQ(v.verify(without, kTime, equals).condition, Condition::kUserbufMismatch);
  EXPECT_EQ(v.verify(without, kTime, absent).condition, Condition::kValid);
  equals.userbuf.back() ^= 1;
  EXPECT_EQ(v.verify(with_buf, kTime, equals).condition, Condition::kUserbufMismatch);
  const auto p = parse_usersig(with_buf);
  ASSERT_TRUE(p.token.userbuf);
  PrivateMapKey back;
  ASSERT_EQ(parse_userbuf(*p.token.userbuf, back), Malformation::kNone);
  EXPECT_EQ(back, pmk);
}

TEST(UserSigVerify, EverySignatureBitAndLengthMatters) {
  const std::string token = build(input());
  UserSigVerifier v(kKey);
  const Sha256Digest mac = usersig_hmac(kKey, "xiaojun", kSdkAppId, kTime, kExpire, nullptr);
  auto with_sig = [](const std::vector<std::uint8_t>& sig) {
    return wrap(
        "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"xiaojun\",\"TLS.sdkappid\":1400000000,"
        "\"TLS.expire\":15552000,\"TLS.time\":1700000000,\"TLS.sig\":\"" +
        base64_encode(sig) + "\"}");
  };
  const std::vector<std::uint8_t> good(mac.begin(), mac.end());
  EXPECT_EQ(v.verify(with_sig(good), kTime).condition, Condition::kValid);
  for (std::size_t bit : {0u, 7u, 128u, 255u}) {
    auto bad = good;
    bad[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    EXPECT_EQ(v.verify(with_sig(bad), kTime).condition, Condition::kBadSignature) << bit;
  }
  for (std::size_t len : {0u, 16u, 31u}) {
    EXPECT_EQ(
        v.verify(with_sig({good.begin(), good.begin() + static_cast<std::ptrdiff_t>(len)}), kTime)
            .condition,
        Condition::kBadSignature);
  }
  auto longer = good;
  longer.push_back(0);
  EXPECT_EQ(v.verify(with_sig(longer), kTime).condition, Condition::kBadSignature);
}

TEST(UserSigParse, LayersFailWithTheirOwnMalformation) {
  EXPECT_EQ(parse_usersig("").error, Malformation::kEmpty);
  EXPECT_EQ(parse_usersig("!!!!").error, Malformation::kBadBase64);
  EXPECT_EQ(parse_usersig("AAAA").error, Malformation::kBadZlib);
  const std::string good = build(input());
  // Not a multiple of 4 characters: only the lenient rules would read it.
  EXPECT_EQ(parse_usersig(good.substr(0, good.size() - 1)).error,
            Malformation::kNonCanonicalBase64);
  // A stream cut short inside the deflate data.
  EXPECT_EQ(parse_usersig(good.substr(0, good.size() - 16)).error, Malformation::kBadZlib);
  std::vector<std::uint8_t> z = zlib_compress(as_bytes(std::string("{}")), 6);
  z.push_back(0);
  EXPECT_EQ(parse_usersig(base64_encode(z, Base64Alphabet::kTencent)).error,
            Malformation::kTrailingAfterZlib);
  EXPECT_EQ(parse_usersig(wrap(std::string(300 * 1024, ' '))).error, Malformation::kZlibTooLarge);
  EXPECT_EQ(parse_usersig(wrap("{\"TLS.ver\":\"2.0\"} x")).error, Malformation::kBadJson);
  EXPECT_EQ(parse_usersig(wrap("{\"TLS.ver\":\"2.0\",\"TLS.ver\":\"2.0\"}")).error,
            Malformation::kBadJson);
}

TEST(UserSigParse, ClaimsAreTypedAndComplete) {
  const std::string base =
      "\"TLS.identifier\":\"x\",\"TLS.sdkappid\":1,\"TLS.expire\":1,\"TLS.time\":1,"
      "\"TLS.sig\":\"AAAA\"";
  auto claims = [&](std::string_view extra, std::string_view ver = "\"TLS.ver\":\"2.0\",") {
    return parse_usersig(wrap("{" + std::string(ver) + base + std::string(extra) + "}"));
  };
  EXPECT_EQ(claims("").condition, Condition::kValid);
  EXPECT_EQ(claims("", "").condition, Condition::kUnsupportedVersion);
  EXPECT_EQ(claims("", "\"TLS.ver\":\"1.0\",").condition, Condition::kUnsupportedVersion);
  EXPECT_EQ(claims("", "\"TLS.ver\":2,").condition, Condition::kPayloadInvalid);
  EXPECT_EQ(claims(",\"TLS.extra\":1").condition, Condition::kPayloadInvalid);
  EXPECT_EQ(claims(",\"TLS.userbuf\":1").condition, Condition::kPayloadInvalid);
  EXPECT_EQ(claims(",\"TLS.userbuf\":\"!\"").error, Malformation::kBadBase64);
  auto replaced = [&](std::string_view from, std::string_view to) {
    std::string text = "{\"TLS.ver\":\"2.0\"," + base + "}";
    text.replace(text.find(from), from.size(), to);
    return parse_usersig(wrap(text));
  };
  EXPECT_EQ(replaced("\"TLS.sdkappid\":1", "\"TLS.sdkappid\":\"1\"").condition,
            Condition::kPayloadInvalid);
  EXPECT_EQ(replaced("\"TLS.sdkappid\":1", "\"TLS.sdkappid\":4294967296").condition,
            Condition::kPayloadInvalid);
  EXPECT_EQ(replaced("\"TLS.time\":1", "\"TLS.time\":1.0").condition, Condition::kPayloadInvalid);
  EXPECT_EQ(replaced("\"TLS.time\":1", "\"TLS.time\":-1").condition, Condition::kPayloadInvalid);
  EXPECT_EQ(replaced("\"TLS.expire\":1", "\"TLS.expire\":9223372036854775807").condition,
            Condition::kPayloadInvalid);  // time + expire overflows int64
  EXPECT_EQ(replaced("\"TLS.identifier\":\"x\",", "").condition, Condition::kPayloadInvalid);
  EXPECT_EQ(replaced("\"TLS.sig\":\"AAAA\"", "\"TLS.sig\":\"AA\\r\\nAA\"").error,
            Malformation::kNonCanonicalBase64);
}

TEST(UserSigVerify, AlphabetMixingAndNonCanonicalSigAreLenientOnly) {
  const std::string token = build(input());
  std::string mixed = token;
  for (char& c : mixed) {
    if (c == '*') c = '+';
    if (c == '-') c = '/';
    if (c == '_') c = '=';
  }
  ASSERT_NE(mixed, token);
  UserSigVerifier v(kKey);
  EXPECT_EQ(v.verify(mixed, kTime).malformation, Malformation::kNonCanonicalBase64);
  const Verdict lenient = v.verify(mixed, kTime, {}, Base64Mode::kLenient);
  EXPECT_EQ(lenient.condition, Condition::kValid);
  EXPECT_TRUE(lenient.lenient_base64);
}

TEST(UserSigVerify, EmptyKeyAndEmptyToken) {
  EXPECT_EQ(UserSigVerifier("").verify(build(input()), kTime).condition, Condition::kInvalidSecret);
  EXPECT_EQ(UserSigVerifier(kKey).verify("", kTime).condition, Condition::kTokenMissing);
}

// rebuild_input(): a parsed UserSig signs again to the same text, in each JSON style.
TEST(UserSigRebuildInput, ParsedTokensRebuildInTheirOwnStyle) {
  for (const JsonStyle style : kAllJsonStyles) {
    const std::string token = build(input(style));
    const auto parsed = parse_usersig(token);
    ASSERT_EQ(parsed.condition, Condition::kValid);
    EXPECT_EQ(build(rebuild_input(parsed.token, kKey)), token);
  }
}

}  // namespace
}  // namespace tokcheck::tencent
