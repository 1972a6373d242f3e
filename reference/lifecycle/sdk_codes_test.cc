// The call-code tables: a row names the set of platforms that report its code
// (sdk_codes.h covers()), and every name in that set is one of the vendor's own
// table platforms, so no row can be unreachable through a misspelt platform.
#include "reference/lifecycle/sdk_codes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string_view>

namespace tokcheck::lifecycle {
namespace {

TEST(SdkCodes, CoversNamesWholePlatformsOnly) {
  EXPECT_TRUE(covers("native objc", "native"));
  EXPECT_TRUE(covers("native objc", "objc"));
  EXPECT_TRUE(covers("web", "web"));
  EXPECT_FALSE(covers("native objc", "obj"));
  EXPECT_FALSE(covers("native objc", "native objc"));
  EXPECT_FALSE(covers("native objc", "web"));
  EXPECT_FALSE(covers("", ""));
}

TEST(SdkCodes, EveryRowsPlatformsAreItsVendorsTablePlatforms) {
  for (const VendorSdkTables* t : all_vendor_sdk_tables()) {
    for (const SdkCode& row : t->sdk_codes) {
      // Each name the row gives is one of the table's platforms: as many distinct
      // table platforms are covered as the row names.
      std::set<std::string_view> covered;
      for (const PlatformAlias& a : t->platforms) {
        if (covers(row.platforms, a.platform)) covered.insert(a.platform);
      }
      const auto named =
          static_cast<std::size_t>(std::count(row.platforms.begin(), row.platforms.end(), ' ')) + 1;
      EXPECT_EQ(covered.size(), named) << to_string(t->vendor) << " " << row.key << ": \""
                                       << row.platforms << "\" names a platform its table lacks";
    }
  }
}

TEST(SdkCodes, OneRowAnswersForEachOfItsPlatforms) {
  for (const char* platform : {"native", "objc"}) {
    const Json codes = sdk_codes(Vendor::kAgora, "renew_expired", platform);
    ASSERT_EQ(codes.size(), 1u) << platform;
    EXPECT_EQ(codes[0]["platform"], platform);
    EXPECT_EQ(codes[0]["code"], 2);
  }
  EXPECT_TRUE(sdk_codes(Vendor::kAgora, "renew_expired", "web").empty());
  // RongCloud 1.x reports 31004 on every platform, 2.x not on the Web.
  EXPECT_EQ(sdk_codes(Vendor::kRongCloud, "token_incorrect", "web", "1.x").size(), 1u);
  EXPECT_TRUE(sdk_codes(Vendor::kRongCloud, "token_incorrect", "web", "2.x").empty());
  EXPECT_EQ(sdk_codes(Vendor::kRongCloud, "token_incorrect", "ios", "2.x")[0]["name"],
            "RC_CONN_TOKEN_INCORRECT");
}

}  // namespace
}  // namespace tokcheck::lifecycle
