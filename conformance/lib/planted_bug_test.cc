// The kill rate: implementations with realistic planted bugs must fail the
// default gate, and harmless differences (member order, no vendor codes) must
// not. Each mutant wraps the in-process reference and changes what it answers,
// the way a port that got one rule wrong would.
#include <gtest/gtest.h>

#include <functional>

#include "conformance/lib/implementation.h"
#include "conformance/lib/protocol.h"
#include "conformance/lib/runner.h"

namespace tokcheck::conformance {
namespace {

using Mutation = std::function<Json(const Json& request, Json response)>;

class Mutant final : public Implementation {
 public:
  Mutant(Mutation mutate, std::function<Json(Json)> hello_edit = nullptr)
      : mutate_(std::move(mutate)), hello_edit_(std::move(hello_edit)) {}
  std::string name() const override { return "mutant"; }
  std::variant<Hello, Failure> hello() override {
    Json h = reference_hello();
    if (hello_edit_) h = hello_edit_(h);
    std::string warning;
    return read_hello(h, warning);
  }
  Exchange handle(const Json& request) override {
    Exchange x = reference_->handle(request);
    x.answer = mutate_(request, std::get<Json>(x.answer));
    return x;
  }

 private:
  Mutation mutate_;
  std::function<Json(Json)> hello_edit_;
  std::unique_ptr<Implementation> reference_ = make_reference_implementation();
};

bool is_op(const Json& request, const char* op) { return request["op"] == op; }

Json reversed_members(const Json& v) {
  if (v.is_array()) {
    Json out = Json::array();
    for (const Json& e : v) out.push_back(reversed_members(e));
    return out;
  }
  if (!v.is_object()) return v;
  std::vector<std::pair<std::string, Json>> members;
  for (auto it = v.begin(); it != v.end(); ++it) members.emplace_back(it.key(), it.value());
  Json out = Json::object();
  for (auto it = members.rbegin(); it != members.rend(); ++it)
    out[it->first] = reversed_members(it->second);
  return out;
}

struct Case {
  const char* name;
  bool should_pass;
  Mutation mutate;
  std::function<Json(Json)> hello_edit = nullptr;
};

const VectorSet& all_vectors() {
  static const VectorSet set = load_vector_set(default_vectors_root(), {}, {});
  return set;
}

std::vector<Case> cases() {
  return {
      {"Identity", true, [](const Json&, Json r) { return r; }},
      // The protocol promises comparison by content, whatever the member order.
      {"MembersInAnotherOrder", true, [](const Json&, Json r) { return reversed_members(r); }},
      // vendor_codes is optional; the condition still decides the codes.
      {"NoVendorCodes", true,
       [](const Json&, Json r) {
         r.erase("vendor_codes");
         return r;
       }},
      // A gateway that tells an expired user "invalid token" breaks renew logic.
      {"EveryRejectionMalformed", false,
       [](const Json& q, Json r) {
         if (is_op(q, "verify") && r.value("condition", "") != "valid") {
           r["condition"] = "malformed";
           r.erase("vendor_codes");
         }
         return r;
       }},
      {"NoExpiryCheck", false,
       [](const Json& q, Json r) {
         if (is_op(q, "verify") && r.value("condition", "") == "expired") r["condition"] = "valid";
         return r;
       }},
      {"PrivilegesUnchecked", false,
       [](const Json& q, Json r) {
         const std::string c = r.value("condition", "");
         if (is_op(q, "verify") && (c == "privilege_missing" || c == "privilege_expired"))
           r["condition"] = "valid";
         return r;
       }},
      {"WrongVendorCodeTable", false,
       [](const Json& q, Json r) {
         if (is_op(q, "verify") && r.contains("vendor_codes") && !r["vendor_codes"].empty())
           r["vendor_codes"][0]["code"] = 0;
         return r;
       }},
      {"BuildsOtherBytes", false,
       [](const Json& q, Json r) {
         if (is_op(q, "build") && r.contains("token"))
           r["token"] = r["token"].get<std::string>() + "A";
         return r;
       }},
      {"ParseDropsAField", false,
       [](const Json& q, Json r) {
         if (is_op(q, "parse") && r.contains("fields") && r["fields"].is_object() &&
             !r["fields"].empty())
           r["fields"].erase(r["fields"].begin());
         return r;
       }},
      {"ScenarioLosesLastOutput", false,
       [](const Json& q, Json r) {
         if (is_op(q, "scenario") && r["outputs"].is_array() && !r["outputs"].empty())
           r["outputs"].erase(r["outputs"].size() - 1);
         return r;
       }},
      // Declares a pair, then dodges it: under v1 that is a failure, not a skip.
      {"DeclaredButUnsupported", false,
       [](const Json& q, Json r) {
         if (q["scheme"] == "agora-007" && is_op(q, "verify"))
           return Json{{"id", q["id"]}, {"unsupported", true}};
         return r;
       }},
      // Declares nothing at all: a run that judged nothing must not pass.
      {"DeclaresNothing", false, [](const Json&, Json r) { return r; },
       [](Json h) {
         h["supports"] = Json::object();
         return h;
       }},
  };
}

class PlantedBug : public testing::TestWithParam<Case> {};

TEST_P(PlantedBug, GateDecidesAsExpected) {
  const Case& c = GetParam();
  Mutant impl(c.mutate, c.hello_edit);
  const RunReport report = run_conformance(impl, all_vectors(), {});
  EXPECT_EQ(report.ok(), c.should_pass)
      << c.name << ": passed " << report.passed << ", failed " << report.failed << ", skipped "
      << report.skipped << (report.errors.empty() ? "" : ", error: " + report.errors.front());
  if (c.should_pass) {
    EXPECT_EQ(report.passed, static_cast<int>(report.cases.size()));
    EXPECT_GT(report.passed, 1000);
  }
}

// The reproducer from the gate issue: before v1 the default gate judged only
// accept/reject, so this port passed every vector; --lenient keeps that rule.
TEST(PlantedBugLenient, EveryRejectionMalformedPassesOnlyWithLenient) {
  for (const Case& c : cases()) {
    if (std::string_view(c.name) != "EveryRejectionMalformed") continue;
    Mutant impl(c.mutate);
    RunOptions lenient;
    lenient.policy.lenient = true;
    EXPECT_TRUE(run_conformance(impl, all_vectors(), lenient).ok());
    Mutant again(c.mutate);
    const RunReport strict_codes = run_conformance(again, all_vectors(), {});
    EXPECT_FALSE(strict_codes.ok());
    int wrong_code = 0;
    for (const CaseRecord& r : strict_codes.cases) wrong_code += r.status == Status::kWrongCode;
    EXPECT_GT(wrong_code, 0);
    return;
  }
  FAIL() << "the EveryRejectionMalformed mutant is missing";
}

INSTANTIATE_TEST_SUITE_P(All, PlantedBug, testing::ValuesIn(cases()),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace tokcheck::conformance
