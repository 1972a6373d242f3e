#include "reference/core/condition.h"

#include <gtest/gtest.h>

#include <iterator>
#include <set>

#include "reference/codes/codes.h"

namespace tokcheck {
namespace {

TEST(Condition, EveryConditionHasAUniqueNameThatRoundTripsAndADescription) {
  std::set<std::string_view> names;
  for (Condition c : kAllConditions) {
    const std::string_view name = to_string(c);
    EXPECT_NE(name, "unknown");
    EXPECT_FALSE(describe(c).empty());
    EXPECT_NE(describe(c), "unknown");
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_EQ(condition_from_string(name), c);
  }
  EXPECT_EQ(names.size(), std::size(kAllConditions));
  // The enum and kAllConditions come from the same .def rows, in order.
  for (std::size_t i = 0; i < std::size(kAllConditions); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(kAllConditions[i]), i);
  }
}

TEST(Condition, EveryMalformationHasAUniqueNameThatRoundTripsAndADescription) {
  std::set<std::string_view> names;
  for (Malformation m : kAllMalformations) {
    EXPECT_NE(to_string(m), "unknown");
    EXPECT_FALSE(describe(m).empty());
    EXPECT_TRUE(names.insert(to_string(m)).second) << to_string(m);
    EXPECT_EQ(malformation_from_string(to_string(m)), m);
  }
  EXPECT_EQ(kAllMalformations[0], Malformation::kNone);
  EXPECT_EQ(to_string(Malformation::kNone), "none");
}

TEST(Condition, ValuesOutsideTheListNameThemselvesUnknownAndUnknownNamesAreRejected) {
  // A value cast from hostile bytes must not index past the name tables.
  EXPECT_EQ(to_string(static_cast<Condition>(std::size(kAllConditions))), "unknown");
  EXPECT_EQ(describe(static_cast<Condition>(255)), "unknown");
  EXPECT_EQ(to_string(static_cast<Malformation>(std::size(kAllMalformations))), "unknown");
  EXPECT_EQ(describe(static_cast<Malformation>(255)), "unknown");
  EXPECT_EQ(condition_from_string("Valid"), std::nullopt);
  EXPECT_EQ(condition_from_string(""), std::nullopt);
  EXPECT_EQ(malformation_from_string("bad_json "), std::nullopt);
}

TEST(VendorTables, EveryRowHasASourceAndNoTableMapsValid) {
  for (const codes::VendorTable& t : codes::all_tables()) {
    EXPECT_FALSE(t.rows.empty()) << to_string(t.vendor);
    for (const codes::CodeRow& row : t.rows) {
      EXPECT_NE(row.condition, Condition::kValid) << to_string(t.vendor);
      EXPECT_FALSE(row.code.source.empty()) << to_string(t.vendor) << " " << row.code.code;
      EXPECT_FALSE(row.code.platform.empty());
      EXPECT_FALSE(row.code.code.empty());
    }
  }
}

}  // namespace
}  // namespace tokcheck
