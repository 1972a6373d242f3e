// The judge itself: each status is reachable and the gate policy is as documented.
#include "conformance/lib/evaluate.h"

#include <gtest/gtest.h>

#include "conformance/lib/implementation.h"

namespace tokcheck::conformance {
namespace {

VectorFile file_for(const std::string& op) { return {"x/" + op + ".json", "agora-006", op, {}}; }

VectorCase verify_case(const std::string& result, const std::string& condition) {
  VectorCase c;
  c.tc_id = 1;
  c.result = result;
  c.expected = {
      {"condition", condition},
      {"vendor_codes",
       Json::array({{{"platform", "native"}, {"code", 110}, {"name", "ERR_INVALID_TOKEN"}}})}};
  return c;
}

// Vendor codes compare as {platform, code, name} lists in order: other members
// (the basis) do not count; a missing, extra or reordered code does.
TEST(Evaluate, VendorCodesCompareOnlyWhatUsersSee) {
  const VectorFile f = file_for("verify");
  const VectorCase bad = verify_case("invalid", "bad_signature");
  const Json code110 = {{"platform", "native"}, {"code", 110}, {"name", "ERR_INVALID_TOKEN"}};
  Json with_basis = code110;
  with_basis["basis"] = "a document";
  const Json web = {{"platform", "web"}, {"code", 110}, {"name", "X"}};
  auto status = [&](Json codes) {
    return evaluate(f, bad, {{"condition", "bad_signature"}, {"vendor_codes", std::move(codes)}},
                    {})
        .status;
  };
  EXPECT_EQ(status(Json::array({with_basis})), Status::kPass);
  EXPECT_EQ(status(Json::array()), Status::kWrongCode);
  EXPECT_EQ(status(Json::array({code110, web})), Status::kWrongCode);
  EXPECT_EQ(status(Json::array({{{"platform", "native"}, {"code", 110}}})), Status::kWrongCode);
  EXPECT_EQ(status("not an array"), Status::kWrongCode);
  VectorCase two = bad;
  two.expected["vendor_codes"] = Json::array({code110, web});
  EXPECT_EQ(
      evaluate(f, two,
               {{"condition", "bad_signature"}, {"vendor_codes", Json::array({web, code110})}}, {})
          .status,
      Status::kWrongCode);
  EXPECT_EQ(
      evaluate(f, two,
               {{"condition", "bad_signature"}, {"vendor_codes", Json::array({code110, web})}}, {})
          .status,
      Status::kPass);
}

TEST(Evaluate, VerifyStatuses) {
  const VectorFile f = file_for("verify");
  const VectorCase bad = verify_case("invalid", "bad_signature");
  EXPECT_EQ(evaluate(f, bad, {{"condition", "valid"}}, {}).status, Status::kShouldHaveFailed);
  // expired (109) instead of bad_signature (110): the end user sees another code.
  EXPECT_EQ(evaluate(f, bad, {{"condition", "expired"}}, {}).status, Status::kWrongCode);
  // malformed maps to the same Agora codes as bad_signature: only a detail.
  EXPECT_EQ(evaluate(f, bad, {{"condition", "malformed"}}, {}).status, Status::kNonStrict);
  EXPECT_EQ(evaluate(f, bad, {{"condition", "no_such_condition"}}, {}).status, Status::kWrongCode);
  EXPECT_EQ(evaluate(f, bad, {{"condition", "bad_signature"}}, {}).status, Status::kPass);
  EXPECT_EQ(
      evaluate(
          f, bad,
          {{"condition", "bad_signature"},
           {"vendor_codes",
            Json::array({{{"platform", "native"}, {"code", 109}, {"name", "ERR_TOKEN_EXPIRED"}}})}},
          {})
          .status,
      Status::kWrongCode);
  const VectorCase good = verify_case("valid", "valid");
  EXPECT_EQ(evaluate(f, good, {{"condition", "expired"}}, {}).status, Status::kShouldHavePassed);
  const VectorCase loose = verify_case("acceptable", "bad_signature");
  EXPECT_EQ(evaluate(f, loose, {{"condition", "valid"}}, {}).status, Status::kAcceptable);
  EXPECT_EQ(evaluate(f, bad, {{"unsupported", true}}, {}).status, Status::kUnsupported);
  EXPECT_EQ(evaluate(f, bad, {{"usage_error", "x"}}, {}).status, Status::kUsageError);
}

TEST(Evaluate, BuildAndParseStatuses) {
  VectorCase b;
  b.result = "valid";
  b.expected = {{"token", "006abc"}};
  EXPECT_EQ(evaluate(file_for("build"), b, {{"token", "006abc"}}, {}).status, Status::kPass);
  EXPECT_EQ(evaluate(file_for("build"), b, {{"token", "006abd"}}, {}).status, Status::kWrongOutput);
  EXPECT_EQ(evaluate(file_for("build"), b, {{"error", {{"code", 1}}}}, {}).status,
            Status::kShouldHavePassed);
  VectorCase p;
  p.result = "invalid";
  p.expected = {{"ok", false}, {"condition", "malformed"}, {"malformation", "truncated"}};
  EXPECT_EQ(evaluate(file_for("parse"), p, {{"ok", true}}, {}).status, Status::kShouldHaveFailed);
  EXPECT_EQ(
      evaluate(file_for("parse"), p,
               {{"ok", false}, {"condition", "malformed"}, {"malformation", "bad_base64"}}, {})
          .status,
      Status::kNonStrict);
}

TEST(Evaluate, GatePolicy) {
  EXPECT_FALSE(is_failure(Status::kNonStrict, {}));
  EXPECT_TRUE(is_failure(Status::kNonStrict, {.strict = true}));
  EXPECT_TRUE(is_failure(Status::kShouldHaveFailed, {}));
  EXPECT_TRUE(is_failure(Status::kUnsupported, {}));
  EXPECT_FALSE(is_failure(Status::kUnsupported, {.allow_unsupported = true}));
  EXPECT_TRUE(is_failure(Status::kWrongCode, {}));
  EXPECT_FALSE(is_failure(Status::kWrongCode, {.lenient = true}));
  EXPECT_TRUE(is_failure(Status::kNotRun, {.lenient = true}));
  EXPECT_FALSE(is_failure(Status::kNotDeclared, {}));
}

TEST(Evaluate, StrictAcceptableJudgesAcceptableCases) {
  const VectorFile f = file_for("verify");
  const VectorCase loose = verify_case("acceptable", "bad_signature");
  EXPECT_EQ(evaluate(f, loose, {{"condition", "valid"}}, {.strict_acceptable = true}).status,
            Status::kShouldHaveFailed);
}

TEST(Evaluate, ObjectsCompareByContentNotKeyOrder) {
  VectorCase p;
  p.result = "valid";
  p.expected = {{"ok", true}, {"fields", {{"a", 1}, {"b", {{"c", 2}, {"d", 3}}}}}};
  Json reordered = {{"ok", true}, {"fields", {{"b", {{"d", 3}, {"c", 2}}}, {"a", 1}}}};
  EXPECT_EQ(evaluate(file_for("parse"), p, reordered, {}).status, Status::kPass);
  reordered["fields"]["b"]["d"] = 4;
  EXPECT_EQ(evaluate(file_for("parse"), p, reordered, {}).status, Status::kWrongOutput);
  EXPECT_FALSE(same_content(Json::array({1, 2}), Json::array({2, 1})));
}

// Scenario outputs compare member for member; their vendor codes compare as
// verify's do, by {platform, code, name}: a basis does not count, a missing
// platform or another code does, and a "codes" that is not a list never passes
// for an empty one.
TEST(Evaluate, ScenarioCodesCompareByPlatformCodeAndName) {
  const VectorFile f{"x/scenario.json", "lifecycle-agora", "scenario", {}};
  VectorCase c;
  c.tc_id = 1;
  c.result = "valid";
  const Json code = {{"platform", "native"}, {"code", 110}, {"name", "ERR_INVALID_TOKEN"}};
  const Json refused = {{"at", 5}, {"kind", "result"}, {"ok", false}, {"codes", {code}}};
  const Json joined = {{"at", 6}, {"kind", "result"}, {"ok", true}, {"codes", Json::array()}};
  c.expected = {{"outputs", {refused, joined}}};
  auto status = [&](const Json& outputs) {
    return evaluate(f, c, {{"outputs", outputs}}, {}).status;
  };
  EXPECT_EQ(status({refused, joined}), Status::kPass);
  Json with_basis = refused;
  with_basis["codes"][0]["basis"] = "documented";
  EXPECT_EQ(status({with_basis, joined}), Status::kPass);
  Json no_platform = refused;
  no_platform["codes"][0].erase("platform");
  EXPECT_EQ(status({no_platform, joined}), Status::kWrongOutput);
  Json other_code = refused;
  other_code["codes"][0]["code"] = 109;
  EXPECT_EQ(status({other_code, joined}), Status::kWrongOutput);
  Json junk = joined;
  junk["codes"] = "none";
  EXPECT_EQ(status({refused, junk}), Status::kWrongOutput);
  Json other_member = joined;
  other_member["at"] = 7;
  EXPECT_EQ(status({refused, other_member}), Status::kWrongOutput);
  EXPECT_EQ(status({refused}), Status::kWrongOutput);
}

TEST(ReferenceResponse, UnknownSchemeIsUnsupportedAndBadRequestsAreUsageErrors) {
  EXPECT_EQ(reference_response({{"op", "verify"}, {"scheme", "nope"}, {"input", Json::object()}})
                .value("unsupported", false),
            true);
  EXPECT_TRUE(reference_response({{"op", "verify"}}).contains("usage_error"));
  EXPECT_TRUE(
      reference_response({{"op", "verify"}, {"scheme", "agora-006"}, {"input", {{"token", 5}}}})
          .contains("usage_error"));
}

// `serve` answers through reference_response: a misspelt key is a usage error
// naming it, in build, parse and verify alike, instead of a field ignored.
TEST(ReferenceResponse, AMisspeltInputKeyIsAUsageErrorNamingIt) {
  const Json verify_input = {{"token", "006x"}, {"app_certificate", nullptr},
                             {"now", 1},        {"channel_name", "c"},
                             {"uid", 1},        {"privilges", Json::array({1})}};
  for (const auto& [op, input] :
       {std::pair{"verify", verify_input},
        std::pair{"parse", Json{{"token", "006x"}, {"privilges", 1}}},
        std::pair{"build", Json{{"app_id", "a"}, {"privilges", Json::object()}}}}) {
    const Json r =
        reference_response({{"id", 7}, {"op", op}, {"scheme", "agora-006"}, {"input", input}});
    ASSERT_TRUE(r.contains("usage_error")) << op << ": " << r.dump();
    EXPECT_NE(r["usage_error"].get<std::string>().find("unknown field \"privilges\""),
              std::string::npos)
        << r.dump();
    EXPECT_EQ(r["id"], 7);
  }
  // Without the stray key the same verify request is answered with a verdict.
  Json fixed = verify_input;
  fixed.erase("privilges");
  EXPECT_TRUE(reference_response({{"op", "verify"}, {"scheme", "agora-006"}, {"input", fixed}})
                  .contains("condition"));
}

TEST(ReferenceResponse, HelloDeclaresEverySchemeWithVectors) {
  const Json hello = reference_response({{"id", "hello"}, {"op", "hello"}, {"protocol", 1}});
  EXPECT_EQ(hello["protocol"], 1);
  EXPECT_EQ(hello["supports"]["agora-007"], Json::array({"build", "parse", "verify"}));
  EXPECT_EQ(hello["supports"]["lifecycle-zego"], Json::array({"scenario"}));
}

}  // namespace
}  // namespace tokcheck::conformance
