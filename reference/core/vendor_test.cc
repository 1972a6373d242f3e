#include "reference/core/vendor.h"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

namespace tokcheck {
namespace {

TEST(Vendor, NamesRoundTripAndAreDistinct) {
  std::set<std::string_view> names;
  for (Vendor v : kAllVendors) {
    EXPECT_EQ(vendor_from_string(to_string(v)), v);
    EXPECT_NE(title(v), "unknown");
    EXPECT_TRUE(names.insert(to_string(v)).second) << to_string(v);
  }
  EXPECT_EQ(names.size(), 6u);
}

TEST(Vendor, UnknownNamesAndValuesSaySo) {
  EXPECT_EQ(vendor_from_string("Agora"), std::nullopt);       // names are exact
  EXPECT_EQ(vendor_from_string("volcengine"), std::nullopt);  // aliases are the CLI's
  EXPECT_EQ(vendor_from_string(""), std::nullopt);
  EXPECT_EQ(to_string(static_cast<Vendor>(200)), "unknown");
  EXPECT_EQ(title(static_cast<Vendor>(200)), "unknown");
}

// The names are usable at compile time (simulate.cc builds its choice list from them).
static_assert(to_string(Vendor::kRongCloud) == "rongcloud");
static_assert(vendor_from_string("bytedance") == Vendor::kByteDance);

}  // namespace
}  // namespace tokcheck
