// AccessToken2 rules beyond the released vectors (those are in
// agora_released_vectors_test.cc; the full case list is vectors/agora-007/).
#include <gtest/gtest.h>

#include "reference/vendors/agora/agora007.h"

namespace tokcheck::agora {
namespace {

constexpr std::string_view kAppId = "970CA35de60c44645bbae8a215061b33";
constexpr std::string_view kCert = "5CFd2fd1755d40ecb72977518be15d3b";

// Found by agora_roundtrip_fuzzer: duplicate RTM2 resource/permission types
// used to be written twice, which the strict parser then rejected as unsorted.
TEST(Agora007Build, DuplicateRtm2TypesAreMergedLikeAgorasMap) {
  Service007 rtm2;
  rtm2.type = kServiceRtm2;
  rtm2.user_id = "u";
  rtm2.privileges = {{1, 600}};
  rtm2.rtm2 = {{4, {{1, {"b"}}, {0, {"a"}}}}, {0, {{0, {"x"}}}}, {4, {{1, {"c"}}}}};
  const auto built = build_007({std::string(kAppId), std::string(kCert), 1000, 600, 1, {rtm2}});
  ASSERT_EQ(built.error, Build007Error::kNone);
  const auto parsed = parse_007(built.token);
  ASSERT_EQ(parsed.error, Malformation::kNone);
  const auto& res = parsed.token.services.at(0).rtm2;
  ASSERT_EQ(res.size(), 2u);
  EXPECT_EQ(res[0].type, 0);
  EXPECT_EQ(res[1].type, 4);
  ASSERT_EQ(res[1].permissions.size(), 2u);
  EXPECT_EQ(res[1].permissions[0].names, std::vector<std::string>{"a"});
  EXPECT_EQ(res[1].permissions[1].names, (std::vector<std::string>{"b", "c"}));
  Verifier007 verifier(kCert);
  EXPECT_TRUE(verifier.verify(built.token, 1001, {}).valid());
}

}  // namespace
}  // namespace tokcheck::agora
