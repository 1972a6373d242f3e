#include "conformance/lib/runner.h"

#include <gtest/gtest.h>

#include "conformance/lib/implementation.h"
#include "conformance/lib/protocol.h"

namespace tokcheck::conformance {
namespace {

// The reference, answering one chosen tcId wrong (ok flipped on a parse).
class OneWrong final : public Implementation {
 public:
  explicit OneWrong(int wrong_id) : wrong_id_(wrong_id) {}
  std::string name() const override { return "one-wrong"; }
  std::variant<Hello, Failure> hello() override { return reference_->hello(); }
  Exchange handle(const Json& request) override {
    Exchange x = reference_->handle(request);
    if (++seen_ == wrong_id_) {
      Json& r = std::get<Json>(x.answer);
      r["ok"] = !(r.contains("ok") && r["ok"] == true);
    }
    return x;
  }

 private:
  int wrong_id_;
  int seen_ = 0;
  std::unique_ptr<Implementation> reference_ = make_reference_implementation();
};

const VectorSet& parse_006() {
  static const VectorSet set = load_vector_set(default_vectors_root(), {"agora-006"}, {"parse"});
  return set;
}

TEST(Runner, KeepsPassingDetailsOnlyWhenAsked) {
  RunOptions keep;
  auto reference = make_reference_implementation();
  const RunReport kept = run_conformance(*reference, parse_006(), keep);
  ASSERT_TRUE(kept.ok());
  ASSERT_FALSE(kept.cases.empty());
  for (const CaseRecord& c : kept.cases) {
    EXPECT_FALSE(c.expected.is_null()) << c.id;
    EXPECT_FALSE(c.got.is_null()) << c.id;
  }

  RunOptions lean;
  lean.keep_passing_details = false;
  OneWrong impl(3);
  const RunReport r = run_conformance(impl, parse_006(), lean);
  EXPECT_EQ(r.failed, 1);
  EXPECT_EQ(r.cases.size(), kept.cases.size());
  for (std::size_t i = 0; i < r.cases.size(); ++i) {
    const CaseRecord& c = r.cases[i];
    if (c.failed) {
      // A failing case keeps what the reports and the summary explain it with.
      EXPECT_EQ(c.expected, kept.cases[i].expected) << c.id;
      EXPECT_FALSE(c.got.is_null()) << c.id;
      EXPECT_FALSE(c.message.empty()) << c.id;
    } else if (c.status == Status::kPass) {
      EXPECT_TRUE(c.expected.is_null()) << c.id;
      EXPECT_TRUE(c.got.is_null()) << c.id;
    }
  }
}

}  // namespace
}  // namespace tokcheck::conformance
