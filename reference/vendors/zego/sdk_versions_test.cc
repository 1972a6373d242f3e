// The ZEGO SDK capability table: table integrity and the
// answers the seeds give (002: token03 >= 2.8.0, token04 >= 2.17.0 and per-platform
// versions; 000: renewToken from 2.8.0, kick-out from 2.13.0 with the switch).
#include "reference/vendors/zego/sdk_versions.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace tokcheck::zego {
namespace {

// The versions here are literals: a bad one throws and fails the test.
SdkVersion v(std::string_view s) { return SdkVersion::parse(s).value(); }

TEST(SdkTable, RowsAreUniqueSourcedAndParse) {
  std::set<std::tuple<SdkProduct, SdkPlatform, SdkFeature>> seen;
  for (const SdkRequirement& r : sdk_requirements()) {
    EXPECT_TRUE(seen.emplace(r.product, r.platform, r.feature).second)
        << to_string(r.product) << "/" << to_string(r.platform) << "/" << to_string(r.feature);
    EXPECT_FALSE(r.source.empty());
    EXPECT_FALSE(r.note.empty());
    EXPECT_NE(r.basis, codes::Basis::kUnverified);
    // Every version is numeric except local recording's build tag.
    EXPECT_EQ(SdkVersion::parse(r.since).has_value(), r.product != SdkProduct::kLocalRecording)
        << r.since;
  }
  EXPECT_EQ(sdk_requirements().size(), seen.size());
}

TEST(SdkTable, Seed002TokenVersions) {
  auto q = [](SdkPlatform p, SdkFeature f, std::string_view ver) {
    return sdk_supports(SdkProduct::kExpress, p, f, v(ver));
  };
  EXPECT_EQ(q(SdkPlatform::kIos, SdkFeature::kToken03, "2.7.9"), Support::kNo);
  EXPECT_EQ(q(SdkPlatform::kIos, SdkFeature::kToken03, "2.8.0"), Support::kYes);
  EXPECT_EQ(q(SdkPlatform::kIos, SdkFeature::kToken04, "2.16.9"), Support::kNo);
  EXPECT_EQ(q(SdkPlatform::kIos, SdkFeature::kToken04, "2.17.0"), Support::kYes);
  EXPECT_EQ(q(SdkPlatform::kUnity3d, SdkFeature::kToken04, "2.17.0"), Support::kYes);
  EXPECT_EQ(q(SdkPlatform::kFlutter, SdkFeature::kToken04, "2.17.0"), Support::kNo);
  EXPECT_EQ(q(SdkPlatform::kFlutter, SdkFeature::kToken04, "2.17.1"), Support::kYes);
  EXPECT_EQ(q(SdkPlatform::kReactNative, SdkFeature::kToken04, "0.16.9"), Support::kNo);
  EXPECT_EQ(q(SdkPlatform::kReactNative, SdkFeature::kToken04, "0.17.0"), Support::kYes);
  EXPECT_EQ(q(SdkPlatform::kUniapp, SdkFeature::kToken04, "1.5.0"), Support::kYes);
  EXPECT_EQ(q(SdkPlatform::kElectron, SdkFeature::kToken04, "2.17.2"), Support::kNo);
  EXPECT_EQ(q(SdkPlatform::kLinux, SdkFeature::kToken04, "2.17.3"), Support::kYes);
  // No source says when Flutter took token03: unknown, not "no".
  EXPECT_EQ(q(SdkPlatform::kFlutter, SdkFeature::kToken03, "3.0.0"), Support::kUnknown);
  EXPECT_EQ(sdk_supports(SdkProduct::kSuperBoard, SdkPlatform::kAndroid, SdkFeature::kToken04,
                         v("2.3.0")),
            Support::kYes);
  EXPECT_EQ(
      sdk_supports(SdkProduct::kDocsView, SdkPlatform::kElectron, SdkFeature::kToken04, v("2.1.5")),
      Support::kNo);
  EXPECT_EQ(sdk_supports(SdkProduct::kLocalRecording, SdkPlatform::kLinux, SdkFeature::kToken04,
                         v("9.9.9")),
            Support::kUnknown);
}

TEST(SdkTable, Seed000ExpiryBehaviour) {
  auto q = [](SdkFeature f, std::string_view ver) {
    return sdk_supports(SdkProduct::kExpress, SdkPlatform::kAndroid, f, v(ver));
  };
  EXPECT_EQ(q(SdkFeature::kRenewToken, "2.7.0"), Support::kNo);
  EXPECT_EQ(q(SdkFeature::kRenewToken, "2.8.0"), Support::kYes);
  EXPECT_EQ(q(SdkFeature::kKickOutOnExpiry, "2.12.0"), Support::kNo);
  EXPECT_EQ(q(SdkFeature::kKickOutOnExpiry, "2.12.9"), Support::kNo);
  EXPECT_EQ(q(SdkFeature::kKickOutOnExpiry, "2.13.0"), Support::kYes);
  const SdkRequirement* kick =
      find_requirement(SdkProduct::kExpress, SdkPlatform::kAndroid, SdkFeature::kKickOutOnExpiry);
  ASSERT_NE(kick, nullptr);
  EXPECT_TRUE(kick->needs_server_switch);
}

TEST(SdkTable, NamesRoundTrip) {
  for (const SdkRequirement& r : sdk_requirements()) {
    EXPECT_EQ(sdk_product_from_string(to_string(r.product)), r.product);
    EXPECT_EQ(sdk_platform_from_string(to_string(r.platform)), r.platform);
    EXPECT_EQ(sdk_feature_from_string(to_string(r.feature)), r.feature);
  }
  EXPECT_FALSE(sdk_platform_from_string("web"));
}

}  // namespace
}  // namespace tokcheck::zego
