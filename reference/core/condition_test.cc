#include "reference/core/condition.h"

#include <gtest/gtest.h>

#include <set>

#include "reference/codes/codes.h"

namespace tokcheck {
namespace {

TEST(Condition, EveryConditionHasAUniqueNameThatRoundTripsAndADescription) {
  std::set<std::string_view> names;
  for (Condition c : kAllConditions) {
    const std::string_view name = to_string(c);
    EXPECT_NE(name, "unknown");
    EXPECT_NE(describe(c), "unknown");
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_EQ(condition_from_string(name), c);
  }
  // kAllConditions lists the whole enum: the last enumerator is in it.
  EXPECT_EQ(names.size(), static_cast<std::size_t>(Condition::kUserbufMismatch) + 1);
}

TEST(Condition, EveryMalformationNameRoundTrips) {
  for (int i = 0; i <= static_cast<int>(Malformation::kBadJson); ++i) {
    const auto m = static_cast<Malformation>(i);
    EXPECT_NE(to_string(m), "unknown");
    EXPECT_NE(describe(m), "unknown");
    EXPECT_EQ(malformation_from_string(to_string(m)), m);
  }
}

TEST(VendorTables, EveryRowHasASourceAndNoTableMapsValid) {
  for (const codes::VendorTable& t : codes::all_tables()) {
    EXPECT_FALSE(t.rows.empty()) << t.vendor;
    for (const codes::CodeRow& row : t.rows) {
      EXPECT_NE(row.condition, Condition::kValid) << t.vendor;
      EXPECT_FALSE(row.code.source.empty()) << t.vendor << " " << row.code.code;
      EXPECT_FALSE(row.code.platform.empty());
      EXPECT_FALSE(row.code.code.empty());
    }
  }
}

}  // namespace
}  // namespace tokcheck
