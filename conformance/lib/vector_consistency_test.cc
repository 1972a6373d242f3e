// The cross-operation lint: zero findings over the real vectors, and small
// hand-made vector sets showing it catches each kind of contradiction (and
// leaves alone what docs/VECTORS.md says is not one).
#include "conformance/lib/vector_consistency.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace tokcheck::conformance {
namespace {

const std::string kToken = "006tokenundertest";

VectorCase make_case(int id, const std::string& result, Json input, Json expected,
                     std::vector<std::string> flags = {}) {
  VectorCase c;
  c.tc_id = id;
  c.flags = std::move(flags);
  c.result = result;
  c.input = std::move(input);
  c.expected = std::move(expected);
  return c;
}

VectorFile make_file(const std::string& scheme, const std::string& op,
                     std::vector<VectorCase> tests) {
  return {scheme + "/" + op + ".json", scheme, op, std::move(tests)};
}

Json parse_fails(const std::string& condition, Json malformation) {
  return {{"ok", false}, {"condition", condition}, {"malformation", std::move(malformation)}};
}

Json verdict(const std::string& condition, Json malformation = nullptr) {
  return {{"condition", condition}, {"malformation", std::move(malformation)}};
}

Json token_input(const std::string& token = kToken) { return {{"token", token}}; }

// A parse case #3 and a verify case #7 of one scheme.
std::vector<std::string> parse_vs_verify(const std::string& parse_result, Json parse_expected,
                                         const std::string& verify_result, Json verify_expected,
                                         Json verify_input = token_input()) {
  return find_cross_operation_contradictions(
      {make_file("agora-006", "parse",
                 {make_case(3, parse_result, token_input(), std::move(parse_expected))}),
       make_file(
           "agora-006", "verify",
           {make_case(7, verify_result, std::move(verify_input), std::move(verify_expected))})});
}

void expect_one_naming_both(const std::vector<std::string>& findings, const std::string& what) {
  ASSERT_EQ(findings.size(), 1u) << what;
  EXPECT_NE(findings[0].find("agora-006/parse.json#3"), std::string::npos) << findings[0];
  EXPECT_NE(findings[0].find("agora-006/verify.json#7"), std::string::npos) << findings[0];
}

TEST(VectorConsistency, RealVectorsAgreeAcrossOperations) {
  const auto root = default_vectors_root();
  const JsonSchema& schema = vector_schema(root);
  std::vector<VectorFile> files;
  std::set<std::string> parsed_and_verified;
  std::set<std::string> schemes_with_parse;
  for (const auto& path : find_vector_files(root)) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    VectorFile f;
    const auto errors = load_vector_file(text.str(), schema, f);
    ASSERT_TRUE(errors.empty()) << path << ": " << errors.front();
    f.path = std::filesystem::relative(path, root).generic_string();
    if (f.operation == "parse") schemes_with_parse.insert(f.scheme);
    if (f.operation == "verify") parsed_and_verified.insert(f.scheme);
    files.push_back(std::move(f));
  }
  const ConsistencyReport report = check_cross_operation_consistency(files);
  for (const std::string& finding : report.findings) ADD_FAILURE() << finding;
  // The lint must have paired cases in every scheme that has both parse and
  // verify vectors, or a drift in the decoding key would make it pass vacuously.
  std::erase_if(parsed_and_verified,
                [&](const std::string& s) { return !schemes_with_parse.contains(s); });
  ASSERT_FALSE(parsed_and_verified.empty());
  for (const std::string& scheme : parsed_and_verified) {
    EXPECT_GT(report.pairs_compared.count(scheme) ? report.pairs_compared.at(scheme) : 0u, 0u)
        << scheme;
  }
}

TEST(VectorConsistency, CatchesDifferentMalformations) {
  expect_one_naming_both(parse_vs_verify("invalid", parse_fails("malformed", "truncated"),
                                         "invalid", verdict("malformed", "length_overflow")),
                         "truncated vs length_overflow");
}

TEST(VectorConsistency, CatchesBadPrefixAgainstNoMalformation) {
  // Issue 8 item 6: parse named bad_prefix, verify named none, for one token.
  expect_one_naming_both(
      parse_vs_verify("invalid", parse_fails("unsupported_version", "bad_prefix"), "invalid",
                      verdict("unsupported_version")),
      "unsupported_version with and without bad_prefix");
}

TEST(VectorConsistency, CatchesParseFailureThatVerifyGetsPast) {
  for (const char* after_decoding : {"valid", "bad_signature", "expired", "uid_mismatch"}) {
    const std::string result = std::string(after_decoding) == "valid" ? "valid" : "invalid";
    expect_one_naming_both(parse_vs_verify("invalid", parse_fails("malformed", "trailing_bytes"),
                                           result, verdict(after_decoding)),
                           after_decoding);
  }
}

// A streaming run adds each file to the index and drops it before the next is
// loaded: the index owns what it compares, so the findings still name both cases
// after the files are gone.
TEST(VectorConsistency, TheIndexOutlivesTheFilesItWasGiven) {
  ConsistencyIndex index;
  {
    const VectorFile parse = make_file(
        "agora-006", "parse",
        {make_case(3, "invalid", token_input(), parse_fails("malformed", "trailing_bytes"))});
    index.add(parse);
  }
  {
    const VectorFile verify =
        make_file("agora-006", "verify", {make_case(7, "valid", token_input(), verdict("valid"))});
    index.add(verify);
  }
  expect_one_naming_both(index.report().findings, "files dropped after add");
}

// A streaming run adds a file's cases before it knows the file loads; a file
// that does not is taken back whole, new claims and repeats of old ones alike.
TEST(VectorConsistency, AFileTakenBackLeavesNoTrace) {
  const VectorFile parse = make_file(
      "agora-006", "parse",
      {make_case(3, "invalid", token_input(), parse_fails("malformed", "trailing_bytes"))});
  const VectorFile broken =
      make_file("agora-006", "verify",
                {make_case(5, "invalid", token_input(), verdict("malformed", "trailing_bytes")),
                 make_case(6, "valid", token_input(), verdict("valid"))});
  ConsistencyIndex index;
  index.add(parse);
  for (const VectorCase& c : broken.tests) index.add_case(broken, c);
  index.end_file(false);
  const ConsistencyReport after = index.report();
  EXPECT_TRUE(after.findings.empty());
  EXPECT_TRUE(after.pairs_compared.empty());

  // What comes next is judged, and named, as if the broken file never was.
  index.add(
      make_file("agora-006", "verify", {make_case(7, "valid", token_input(), verdict("valid"))}));
  const ConsistencyReport report = index.report();
  expect_one_naming_both(report.findings, "after a file taken back");
  EXPECT_EQ(report.pairs_compared.at("agora-006"), 1u);
}

// Cases repeating one claim are kept once with their names: the pairs are still
// counted pairwise and a contradiction still names every case in it.
TEST(VectorConsistency, RepeatedClaimsAreCountedAndNamed) {
  std::vector<VectorCase> repeats;
  for (int id = 7; id < 10; ++id)
    repeats.push_back(make_case(id, "valid", token_input(), verdict("valid")));
  ConsistencyIndex index;
  index.add(make_file("agora-006", "verify", repeats));
  EXPECT_TRUE(index.report().findings.empty());
  EXPECT_EQ(index.report().pairs_compared.at("agora-006"), 3u);
  index.add(make_file(
      "agora-006", "parse",
      {make_case(3, "invalid", token_input(), parse_fails("malformed", "trailing_bytes"))}));
  const ConsistencyReport report = index.report();
  EXPECT_EQ(report.pairs_compared.at("agora-006"), 6u);
  ASSERT_EQ(report.findings.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_NE(
        report.findings[i].find("agora-006/verify.json#" + std::to_string(7 + i) + " (valid)"),
        std::string::npos)
        << report.findings[i];
    EXPECT_NE(report.findings[i].find("agora-006/parse.json#3 (invalid)"), std::string::npos)
        << report.findings[i];
  }
}

TEST(VectorConsistency, CatchesVerifyDecodingFailureThatParseAccepts) {
  for (const char* decoding : {"malformed", "unsupported_version", "decrypt_failed"}) {
    const Json m = std::string(decoding) == "malformed" ? Json("bad_zlib") : Json(nullptr);
    expect_one_naming_both(parse_vs_verify("valid", {{"ok", true}, {"fields", {{"a", 1}}}},
                                           "invalid", verdict(decoding, m)),
                           decoding);
  }
}

// A parse case #3 and a verify case #7 that fail one token the same way, with flags.
std::vector<std::string> same_failure(const std::string& parse_result,
                                      std::vector<std::string> parse_flags,
                                      const std::string& verify_result,
                                      std::vector<std::string> verify_flags) {
  return find_cross_operation_contradictions(
      {make_file("agora-006", "parse",
                 {make_case(3, parse_result, token_input(), parse_fails("malformed", "bad_app_id"),
                            std::move(parse_flags))}),
       make_file("agora-006", "verify",
                 {make_case(7, verify_result, token_input(), verdict("malformed", "bad_app_id"),
                            std::move(verify_flags))})});
}

TEST(VectorConsistency, CatchesOneRuleInTwoResultClasses) {
  // The agora-006 AppIdNotHex pair before issue 8: parse #53 acceptable, verify #62 invalid.
  const auto findings = same_failure("acceptable", {"AppIdNotHex"}, "invalid", {"AppIdNotHex"});
  expect_one_naming_both(findings, "acceptable vs invalid under one flag");
  EXPECT_NE(findings[0].find("same flags"), std::string::npos) << findings[0];
}

TEST(VectorConsistency, CatchesAParseThatMustFailNextToOneThatMayPass) {
  // Whatever the flags: if no implementation may parse it, none may verify it.
  const auto findings = same_failure("invalid", {"Truncated"}, "acceptable", {"TrailingData"});
  expect_one_naming_both(findings, "parse invalid, verify acceptable");
  EXPECT_NE(findings[0].find("must fail every parse"), std::string::npos) << findings[0];
}

TEST(VectorConsistency, CatchesAcceptableUnderNoCommonFlag) {
  const auto findings = same_failure("acceptable", {"AppIdNotHex"}, "acceptable", {"Other"});
  expect_one_naming_both(findings, "acceptable, acceptable, no shared flag");
  EXPECT_NE(findings[0].find("no common flag"), std::string::npos) << findings[0];
}

TEST(VectorConsistency, AVerifyMayFailForALaterReason) {
  // The structural flaw alone is acceptable; this verify also carries a wrong tag.
  EXPECT_TRUE(same_failure("acceptable", {"AppIdNotHex"}, "invalid", {"AppIdNotHex", "ModifiedTag"})
                  .empty());
  // Agreement is no finding.
  EXPECT_TRUE(same_failure("acceptable", {"AppIdNotHex"}, "acceptable", {"AppIdNotHex"}).empty());
  EXPECT_TRUE(same_failure("invalid", {"Truncated"}, "invalid", {"Truncated"}).empty());
}

TEST(VectorConsistency, CatchesBuiltTokenJudgedMalformed) {
  const Json built = {{"token", kToken}};
  const auto findings = find_cross_operation_contradictions(
      {make_file("agora-006", "build", {make_case(2, "valid", {{"salt", 1}}, built)}),
       make_file("agora-006", "parse",
                 {make_case(3, "invalid", token_input(), parse_fails("malformed", "truncated"))})});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].find("agora-006/build.json#2"), std::string::npos) << findings[0];
  // A build that must be refused claims nothing about any token.
  EXPECT_TRUE(find_cross_operation_contradictions(
                  {make_file("agora-006", "build",
                             {make_case(2, "invalid", {{"salt", 1}}, {{"error", {{"code", 1}}}})}),
                   make_file("agora-006", "parse",
                             {make_case(3, "invalid", token_input(),
                                        parse_fails("malformed", "truncated"))})})
                  .empty());
}

TEST(VectorConsistency, ZegoSecretIsPartOfTheInput) {
  auto files = [](const std::string& parse_secret) {
    return std::vector<VectorFile>{
        make_file("zego-04", "build",
                  {make_case(1, "valid", {{"secret", "s1"}}, {{"token", "04zego"}})}),
        make_file("zego-04", "parse",
                  {make_case(2, "invalid", {{"token", "04zego"}, {"secret", parse_secret}},
                             parse_fails("decrypt_failed", nullptr))})};
  };
  EXPECT_EQ(find_cross_operation_contradictions(files("s1")).size(), 1u);
  // Under another secret the same token may well fail to decrypt.
  EXPECT_TRUE(find_cross_operation_contradictions(files("s2")).empty());
}

TEST(VectorConsistency, DefaultsAreFilledIn) {
  // An absent "base64" is "strict" and an absent "check_mode" is "strict".
  expect_one_naming_both(
      parse_vs_verify("acceptable", parse_fails("malformed", "non_canonical_base64"), "valid",
                      verdict("valid"),
                      {{"token", kToken}, {"base64", "strict"}, {"check_mode", "strict"}}),
      "explicit defaults");
  // Lenient base64 is another input: it may read what strict refuses.
  EXPECT_TRUE(parse_vs_verify("acceptable", parse_fails("malformed", "non_canonical_base64"),
                              "valid", verdict("valid"), {{"token", kToken}, {"base64", "lenient"}})
                  .empty());
}

TEST(VectorConsistency, VerifyPayloadInvalidMayFollowASuccessfulParse) {
  // ZEGO 04 judges the payload only in verify: parse ok, verify payload_invalid.
  EXPECT_TRUE(
      parse_vs_verify("valid", {{"ok", true}}, "invalid", verdict("payload_invalid")).empty());
  // But it cannot disagree with a parse that failed for another reason.
  expect_one_naming_both(parse_vs_verify("invalid", parse_fails("malformed", "bad_json"), "invalid",
                                         verdict("payload_invalid")),
                         "payload_invalid vs bad_json");
}

TEST(VectorConsistency, CatchesOneOperationDisagreeingWithItself) {
  const auto findings = find_cross_operation_contradictions(
      {make_file("volc-001", "verify",
                 {make_case(1, "invalid", token_input(), verdict("malformed", "trailing_bytes")),
                  make_case(2, "invalid", token_input(), verdict("expired"))})});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].find("volc-001/verify.json#1"), std::string::npos) << findings[0];
  EXPECT_NE(findings[0].find("volc-001/verify.json#2"), std::string::npos) << findings[0];
  const auto fields = find_cross_operation_contradictions({make_file(
      "volc-001", "parse",
      {make_case(1, "valid", token_input(), {{"ok", true}, {"fields", {{"nonce", 1}}}}),
       make_case(2, "valid", token_input(), {{"ok", true}, {"fields", {{"nonce", 2}}}})})});
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_NE(fields[0].find("different fields"), std::string::npos) << fields[0];
}

TEST(VectorConsistency, LeavesAloneWhatIsNotAContradiction) {
  // Checks settled before decoding say nothing about the token.
  for (const char* before :
       {"token_missing", "token_unexpected", "invalid_secret", "invalid_app_id"}) {
    EXPECT_TRUE(parse_vs_verify("invalid", parse_fails("malformed", "truncated"), "invalid",
                                verdict(before))
                    .empty())
        << before;
  }
  // The empty token is "no token" to verify: token_missing, or valid when not gated.
  EXPECT_TRUE(
      find_cross_operation_contradictions(
          {make_file("agora-006", "parse",
                     {make_case(1, "invalid", token_input(""), parse_fails("malformed", "empty"))}),
           make_file("agora-006", "verify",
                     {make_case(2, "valid", token_input(""), verdict("valid"))})})
          .empty());
  // The same token in two schemes is two inputs.
  EXPECT_TRUE(find_cross_operation_contradictions(
                  {make_file("agora-006", "parse",
                             {make_case(1, "invalid", token_input(),
                                        parse_fails("unsupported_version", nullptr))}),
                   make_file("agora-007", "verify",
                             {make_case(2, "valid", token_input(), verdict("valid"))})})
                  .empty());
  // Scenario files are not compared.
  EXPECT_TRUE(find_cross_operation_contradictions(
                  {make_file("lifecycle-agora", "scenario",
                             {make_case(1, "valid", token_input(), {{"outputs", Json::array()}}),
                              make_case(2, "valid", token_input(), {{"outputs", {1}}})})})
                  .empty());
}

}  // namespace
}  // namespace tokcheck::conformance

namespace tokcheck::conformance {
namespace {

// Repeated claims (the same token judged the same way k times) are compared once
// per distinct claim, but the pair count and the findings stay the pairwise ones:
// every copy of a contradicting case is named, and two flagless acceptables are
// still caught.
TEST(VectorConsistency, RepeatedClaimsCountAndReportEveryPair) {
  std::vector<VectorCase> parses, verifies;
  for (int i = 0; i < 4; ++i) {
    parses.push_back(
        make_case(10 + i, "invalid", token_input(), parse_fails("malformed", "truncated")));
    verifies.push_back(
        make_case(20 + i, "invalid", token_input(), verdict("malformed", "truncated")));
  }
  const auto quiet = check_cross_operation_consistency(
      {make_file("agora-006", "parse", parses), make_file("agora-006", "verify", verifies)});
  EXPECT_TRUE(quiet.findings.empty());
  EXPECT_EQ(quiet.pairs_compared.at("agora-006"), 28u);  // 8 judgements: 8 * 7 / 2

  verifies.push_back(make_case(30, "invalid", token_input(), verdict("malformed", "bad_prefix")));
  const auto loud = check_cross_operation_consistency(
      {make_file("agora-006", "parse", parses), make_file("agora-006", "verify", verifies)});
  EXPECT_EQ(loud.findings.size(), 8u);  // #30 against each of the 8 others
  EXPECT_EQ(loud.pairs_compared.at("agora-006"), 36u);

  const auto flagless = find_cross_operation_contradictions(
      {make_file("agora-006", "verify",
                 {make_case(1, "acceptable", token_input(), verdict("malformed", "truncated")),
                  make_case(2, "acceptable", token_input(), verdict("malformed", "truncated"))})});
  EXPECT_EQ(flagless.size(), 1u);
}

}  // namespace
}  // namespace tokcheck::conformance
