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

TEST(Evaluate, VerifyStatuses) {
  const VectorFile f = file_for("verify");
  const VectorCase bad = verify_case("invalid", "bad_signature");
  EXPECT_EQ(evaluate(f, bad, {{"condition", "valid"}}).status, Status::kShouldHaveFailed);
  EXPECT_EQ(evaluate(f, bad, {{"condition", "expired"}}).status, Status::kNonStrict);
  EXPECT_EQ(evaluate(f, bad, {{"condition", "bad_signature"}}).status, Status::kPass);
  EXPECT_EQ(
      evaluate(
          f, bad,
          {{"condition", "bad_signature"},
           {"vendor_codes",
            Json::array({{{"platform", "native"}, {"code", 109}, {"name", "ERR_TOKEN_EXPIRED"}}})}})
          .status,
      Status::kWrongCode);
  const VectorCase good = verify_case("valid", "valid");
  EXPECT_EQ(evaluate(f, good, {{"condition", "expired"}}).status, Status::kShouldHavePassed);
  const VectorCase loose = verify_case("acceptable", "bad_signature");
  EXPECT_EQ(evaluate(f, loose, {{"condition", "valid"}}).status, Status::kAcceptable);
  EXPECT_EQ(evaluate(f, bad, {{"unsupported", true}}).status, Status::kUnsupported);
  EXPECT_EQ(evaluate(f, bad, {{"usage_error", "x"}}).status, Status::kUsageError);
}

TEST(Evaluate, BuildAndParseStatuses) {
  VectorCase b;
  b.result = "valid";
  b.expected = {{"token", "006abc"}};
  EXPECT_EQ(evaluate(file_for("build"), b, {{"token", "006abc"}}).status, Status::kPass);
  EXPECT_EQ(evaluate(file_for("build"), b, {{"token", "006abd"}}).status, Status::kWrongOutput);
  EXPECT_EQ(evaluate(file_for("build"), b, {{"error", {{"code", 1}}}}).status,
            Status::kShouldHavePassed);
  VectorCase p;
  p.result = "invalid";
  p.expected = {{"ok", false}, {"condition", "malformed"}, {"malformation", "truncated"}};
  EXPECT_EQ(evaluate(file_for("parse"), p, {{"ok", true}}).status, Status::kShouldHaveFailed);
  EXPECT_EQ(evaluate(file_for("parse"), p,
                     {{"ok", false}, {"condition", "malformed"}, {"malformation", "bad_base64"}})
                .status,
            Status::kNonStrict);
}

TEST(Evaluate, GatePolicy) {
  EXPECT_FALSE(is_failure(Status::kNonStrict, {}));
  EXPECT_TRUE(is_failure(Status::kNonStrict, {.strict = true}));
  EXPECT_TRUE(is_failure(Status::kShouldHaveFailed, {}));
  EXPECT_TRUE(is_failure(Status::kUnsupported, {}));
  EXPECT_FALSE(is_failure(Status::kUnsupported, {.allow_unsupported = true}));
}

TEST(ProcessImplementation, ReportsCrashTimeoutAndGarbage) {
  std::string failure;
  const Json request = {{"id", "t"}, {"op", "verify"}, {"input", Json::object()}};
  auto echo = make_process_implementation("while read l; do echo '{\"condition\":\"valid\"}'; done",
                                          std::chrono::seconds(5));
  const auto answer = echo->handle(request, failure);
  ASSERT_TRUE(answer.has_value()) << failure;
  EXPECT_EQ((*answer)["condition"], "valid");

  auto dies = make_process_implementation("exit 3", std::chrono::seconds(5));
  EXPECT_FALSE(dies->handle(request, failure).has_value());
  EXPECT_EQ(failed_response(failure).status, Status::kCrash);

  auto hangs = make_process_implementation("sleep 5", std::chrono::milliseconds(200));
  EXPECT_FALSE(hangs->handle(request, failure).has_value());
  EXPECT_EQ(failed_response(failure).status, Status::kTimeout);

  auto garbage =
      make_process_implementation("while read l; do echo nonsense; done", std::chrono::seconds(5));
  EXPECT_FALSE(garbage->handle(request, failure).has_value());
  EXPECT_EQ(failed_response(failure).status, Status::kProtocolError);
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

}  // namespace
}  // namespace tokcheck::conformance
