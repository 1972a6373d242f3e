// The released Agora vectors (token-formats.md §4) rebuilt byte for byte and
// verified. These are the anchors everything else in the Agora suite hangs from.
#include <gtest/gtest.h>

#include "reference/core/crypto_util.h"
#include "reference/vendors/agora/agora006.h"
#include "reference/vendors/agora/agora007.h"

namespace tokcheck::agora {
namespace {

constexpr std::string_view kAppId = "970CA35de60c44645bbae8a215061b33";
constexpr std::string_view kCert = "5CFd2fd1755d40ecb72977518be15d3b";
constexpr std::string_view kChannel = "7d72365eb983485397e3e3f9d460bdda";

Build006Input v6_input(std::string uid) {
  return {std::string(kAppId),
          std::string(kCert),
          std::string(kChannel),
          std::move(uid),
          1,
          1111111,
          {{kJoinChannel, 1446455471}}};
}

TEST(Agora006Released, V6_1_UidNumberBuildsByteExact) {
  const auto r = build_006(v6_input(uid_from_number(2882341273)));
  ASSERT_EQ(r.error, BuildError::kNone);
  EXPECT_EQ(
      r.token,
      "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBX"
      "oFHlEAABAAAAR/QQAAEAAQCvKDdW");
}

TEST(Agora006Released, V6_2_UidZeroIsEmptyString) {
  const auto r = build_006(v6_input(uid_from_number(0)));
  ASSERT_EQ(r.error, BuildError::kNone);
  EXPECT_EQ(
      r.token,
      "006970CA35de60c44645bbae8a215061b33IACw1o7htY6ISdNRtku3p9tjTPi0jCKf9t49UHJhzCmL6bdIfRAA"
      "AAAAEAABAAAAR/QQAAEAAQCvKDdW");
}

TEST(Agora006Released, V6_1_ParsesToWorkedDecode) {
  const auto p = parse_006(
      "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlE"
      "AABAAAAR/QQAAEAAQCvKDdW");
  ASSERT_EQ(p.error, Malformation::kNone);
  EXPECT_EQ(p.token.crc_channel, 276646071u);
  EXPECT_EQ(p.token.crc_uid, 3847331927u);
  EXPECT_EQ(p.token.salt, 1u);
  EXPECT_EQ(p.token.ts, 1111111u);
  ASSERT_EQ(p.token.privileges.size(), 1u);
  EXPECT_EQ(p.token.privileges[0], (std::pair<std::uint16_t, std::uint32_t>{1, 1446455471}));
}

TEST(Agora006Released, V6_1_VerifiesAndBindsChannelAndUid) {
  const std::string token = build_006(v6_input("2882341273")).token;
  Verifier006 verifier(kCert);
  const std::uint16_t join[] = {kJoinChannel};
  Binding006 b{kAppId, kChannel, "2882341273", join};
  EXPECT_EQ(verifier.verify(token, 1111110, b).condition, Condition::kValid);
  EXPECT_EQ(verifier.verify(token, 1111111, b).condition, Condition::kExpired);
  b.uid = "";
  EXPECT_EQ(verifier.verify(token, 1111110, b).condition, Condition::kUidMismatch);
  b.uid = "2882341273";
  b.channel_name = "other";
  EXPECT_EQ(verifier.verify(token, 1111110, b).condition, Condition::kChannelMismatch);
  Verifier006 wrong(std::string(32, 'a'));
  b.channel_name = kChannel;
  EXPECT_EQ(wrong.verify(token, 1111110, b).condition, Condition::kBadSignature);
}

struct Released007 {
  const char* name;
  Service007 service;
  const char* token;
};

Service007 rtc(std::string uid) {
  Service007 s;
  s.type = kServiceRtc;
  s.channel_name = kChannel;
  s.uid = std::move(uid);
  s.privileges = {{1, 600}};
  return s;
}
Service007 with_user(std::uint16_t type, std::string user, std::uint16_t privilege) {
  Service007 s;
  s.type = type;
  s.user_id = std::move(user);
  s.privileges = {{privilege, 600}};
  return s;
}

class Agora007Released : public ::testing::TestWithParam<Released007> {};

TEST_P(Agora007Released, BuildsByteExactParsesAndVerifies) {
  const Released007& v = GetParam();
  Build007Input in{std::string(kAppId), std::string(kCert), 1111111, 600, 1, {v.service}};
  const auto built = build_007(in);
  ASSERT_EQ(built.error, Build007Error::kNone);
  EXPECT_EQ(built.token, v.token);

  const auto parsed = parse_007(v.token);
  ASSERT_EQ(parsed.error, Malformation::kNone);
  EXPECT_TRUE(parsed.token.zlib_canonical);
  ASSERT_EQ(parsed.token.services.size(), 1u);
  EXPECT_EQ(parsed.token.services[0].type, v.service.type);
  EXPECT_EQ(parsed.token.services[0].user_id, v.service.user_id);
  // rebuild_input(): the parsed token's own fields sign it again to the same bytes.
  EXPECT_EQ(build_007(rebuild_input(parsed.token, kCert)).token, v.token);

  Verifier007 verifier(kCert);
  EXPECT_EQ(verifier.verify(v.token, 1111111 + 599, {}).condition, Condition::kValid);
  EXPECT_EQ(verifier.verify(v.token, 1111111 + 600, {}).condition, Condition::kExpired);
}

INSTANTIATE_TEST_SUITE_P(
    TokenFormatsSection4, Agora007Released,
    ::testing::Values(
        Released007{
            "A", rtc("2882341273"),
            "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5"
            "ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkp"
            "iVwMRhYWRsYmhkbmxgDCaiTj"},
        Released007{
            "B", rtc(""),
            "007eJxTYLhzZP08Lxa1Pg57+TcXb/3cZ3wi4V6kbpbOog0G2dOYk20UGCzNDZwdjU1TUs0Mkk1MzExMk5"
            "ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkp"
            "iQwMADacImo="},
        Released007{
            "C", with_user(kServiceRtm, "2882341273", 1),
            "007eJxTYEhuZrAR/XT+XPihI+6t4t5F9RtUltw9em3Pwi2sr6P/lAspMFiaGzg7GpumpJoZJJuYmJmYJi"
            "UlplokGhmaGpgZJhkbu38RYIhgYmBgZABhJiBmBPO5GIwsLIyMTQyNzI0BndAdKg=="},
        Released007{
            "D", with_user(kServiceChat, "2882341273", 1),
            "007eJxTYNAIsnbS3v/A5t2TC6feR15r+6cq8bqAvfaW+tk/Vzz+p6xTYLA0N3B2NDZNSTUzSDYxMTMxTU"
            "pKTLVINDI0NTAzTDI2dv8iwBDBxMDAyADCrEDMCOZzMRhZWBgZmxgamRsDAB+lHrg="},
        Released007{
            "E", with_user(kServiceChat, "", 2),
            "007eJxTYNDNaz3snC8huEfHWdz6s98qltq4zqy9fl99Uh0FDvy6F6DAYGlu4OxobJqSamaQbGJiZmKalJ"
            "SYapFoZGhqYGaYZGzs/kWAIYKJgYGRAYRZgZgJzGdgAACt8hhr"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(Agora007Released, VectorAKeyChainMatchesNotes) {
  // k2 from token-formats.md §2 for issueTs 1111111, salt 1.
  EXPECT_EQ(to_hex(signing_key_007(kCert, 1111111, 1)),
            "cee2fa8dcbe868c30ca8c959d97fad4a5049c634da48449f1b8f59c14fa61073");
}

// rebuild_input(): a parsed token's own fields sign it again to the same bytes
// (006 with the channel and uid, which it carries only as CRCs, given back; 007
// in Agora007Released below).
TEST(AgoraRebuildInput, Released006RebuildsByteForByte) {
  const std::string v6 = build_006(v6_input("2882341273")).token;
  Build006Input in6 = rebuild_input(parse_006(v6).token, kCert);
  in6.channel_name = std::string(kChannel);
  in6.uid = "2882341273";
  EXPECT_EQ(build_006(in6).token, v6);
  EXPECT_NE(build_006(rebuild_input(parse_006(v6).token, kCert)).token, v6);  // CRCs differ
}

}  // namespace
}  // namespace tokcheck::agora
