#include "conformance/lib/matrix.h"

#include <gtest/gtest.h>

#include "conformance/lib/report_fixtures.h"

namespace tokcheck::conformance {
namespace {

using testing::make_run;

std::vector<std::string> ids(std::initializer_list<int> tcs, const std::string& file) {
  std::vector<std::string> out;
  for (int tc : tcs) out.push_back(file + "#" + std::to_string(tc));
  return out;
}

TEST(Matrix, GroupsCasesOfEachFileByTheirSignature) {
  RunReport a = make_run("a");
  RunReport b = make_run("b");
  // b passes what a failed, and fails case 1 that a passed, the same way as
  // a fails case 2: cases 1 and 2 must land in two different rows.
  b.cases[0].status = Status::kShouldHaveFailed;
  b.cases[1].status = Status::kPass;
  const Matrix m = build_matrix({a, b});
  ASSERT_EQ(m.implementations, (std::vector<std::string>{"#1 a", "#2 b"}));

  std::vector<std::tuple<std::string, std::vector<std::string>, std::vector<std::string>>> got;
  for (const MatrixRow& r : m.rows) got.emplace_back(r.group, r.outcomes, r.case_ids);
  using V = std::vector<std::string>;
  const std::string verify = "agora-007/verify.json";
  const decltype(got) want = {
      {verify, V{"PASS", "SHOULD_HAVE_FAILED"}, ids({1}, verify)},
      {verify, V{"SHOULD_HAVE_FAILED", "PASS"}, ids({2}, verify)},
      {verify, V{"ALLOWED", "ALLOWED"}, ids({3}, verify)},
      {"agora-007/parse.json", V{"ACCEPTABLE", "ACCEPTABLE"}, ids({4}, "agora-007/parse.json")},
      {"zego-04/verify.json", V{"NOT_DECLARED", "NOT_DECLARED"}, ids({5}, "zego-04/verify.json")},
      {"zego-04/verify.json", V{"NOT_RUN", "NOT_RUN"}, ids({6}, "zego-04/verify.json")},
  };
  EXPECT_EQ(got, want);
  EXPECT_FALSE(m.rows[0].uniform());
  EXPECT_TRUE(m.rows[2].uniform());
  EXPECT_FALSE(m.rows[2].all_pass());
}

TEST(Matrix, SameSignatureCasesShareOneRowInVectorOrder) {
  RunReport a = make_run("a");
  a.cases[2] = a.cases[0];  // case 3 becomes a second PASS in verify.json
  a.cases[2].id = "agora-007/verify.json#3";
  RunReport b = a;
  const Matrix m = build_matrix({a, b});
  ASSERT_FALSE(m.rows.empty());
  EXPECT_EQ(m.rows[0].case_ids, ids({1, 3}, "agora-007/verify.json"));
  EXPECT_TRUE(m.rows[0].all_pass());
  EXPECT_EQ(m.rows[1].case_ids, ids({2}, "agora-007/verify.json"));
}

TEST(Matrix, TheSameSignatureInTwoFilesMakesTwoRows) {
  RunReport a = make_run("a");
  a.cases[3].status = Status::kPass;  // parse.json#4 passes like verify.json#1
  const Matrix m = build_matrix({a, a});
  std::vector<std::string> all_pass_groups;
  for (const MatrixRow& r : m.rows) {
    if (r.all_pass()) all_pass_groups.push_back(r.group + " " + r.case_ids.front());
  }
  EXPECT_EQ(all_pass_groups,
            (std::vector<std::string>{"agora-007/verify.json agora-007/verify.json#1",
                                      "agora-007/parse.json agora-007/parse.json#4"}));
}

TEST(Matrix, ACaseARunLacksIsMissingNotMisaligned) {
  RunReport a = make_run("a");
  RunReport b = make_run("b");
  b.cases.erase(b.cases.begin());  // b was cut short before case 1 (or reordered)
  const Matrix m = build_matrix({a, b});
  ASSERT_FALSE(m.rows.empty());
  EXPECT_EQ(m.rows[0].outcomes, (std::vector<std::string>{"PASS", "MISSING"}));
  EXPECT_EQ(m.rows[1].outcomes,
            (std::vector<std::string>{"SHOULD_HAVE_FAILED", "SHOULD_HAVE_FAILED"}));
}

TEST(Matrix, OneImplementationHasNoPrefixInItsLabel) {
  EXPECT_EQ(build_matrix({make_run("solo")}).implementations, std::vector<std::string>{"solo"});
  EXPECT_TRUE(build_matrix({}).rows.empty());
}

}  // namespace
}  // namespace tokcheck::conformance
