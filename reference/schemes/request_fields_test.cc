#include "reference/schemes/request_fields.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "reference/schemes/registry.h"

namespace tokcheck::schemes {
namespace {

constexpr RequestKind kKinds[] = {RequestKind::kBuild, RequestKind::kParse, RequestKind::kVerify};

bool mentions(const std::vector<std::string>& problems, std::string_view text) {
  for (const std::string& p : problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(RequestFields, AMisspeltKeyIsNamedForEverySchemeAndRequest) {
  for (const Scheme* scheme : all_schemes()) {
    for (const RequestKind kind : kKinds) {
      for (const RequiredFields required :
           {RequiredFields::kCheck, RequiredFields::kLeaveToScheme}) {
        const auto problems = request_problems({{"privilges", 1}}, *scheme, kind, required);
        EXPECT_TRUE(
            mentions(problems, "unknown field \"privilges\" for " + std::string(scheme->id())))
            << scheme->id();
      }
    }
  }
}

TEST(RequestFields, EveryTableNamesTheSchemeAndTheSecretWhereItIsRead) {
  for (const Scheme* scheme : all_schemes()) {
    for (const RequestKind kind : kKinds) {
      const auto& fields = scheme->request_fields(kind);
      const auto has = [&](std::string_view name) {
        for (const FieldSpec& f : fields) {
          if (f.name == name) return true;
        }
        return false;
      };
      EXPECT_TRUE(has("scheme")) << scheme->id();
      // --secret lands in secret_field(): build and verify must accept it there.
      if (kind != RequestKind::kParse) {
        EXPECT_TRUE(has(scheme->secret_field())) << scheme->id();
      }
    }
  }
}

TEST(RequestFields, WrongTypesAndMissingFieldsAreReportedTogether) {
  const Scheme& volc = *find_scheme("volc-001");
  const auto all = request_problems({{"nonce", "x"}}, volc, RequestKind::kBuild);
  EXPECT_TRUE(mentions(all, "field \"nonce\" must be an integer, not a string"));
  EXPECT_TRUE(mentions(all, "field \"app_key\" is required"));
  const auto typed_only =
      request_problems({{"nonce", "x"}}, volc, RequestKind::kBuild, RequiredFields::kLeaveToScheme);
  ASSERT_EQ(typed_only.size(), 1u);
  EXPECT_TRUE(mentions(typed_only, "\"nonce\""));
  EXPECT_EQ(request_problems(Json::array(), volc, RequestKind::kVerify).size(), 1u);
}

TEST(RequestFields, AgoraVerifyNeedsTheCertificateKeyNullAllowed) {
  const Scheme& agora = *find_scheme("agora-006");
  constexpr auto kVerify = RequestKind::kVerify;
  EXPECT_FALSE(request_problems({{"scheme", "agora-006"}}, agora, kVerify).empty());
  EXPECT_TRUE(
      request_problems({{"scheme", "agora-006"}, {"app_certificate", nullptr}}, agora, kVerify)
          .empty());
  // The protocol leaves a missing certificate to the scheme (token_unexpected).
  EXPECT_TRUE(
      request_problems({{"scheme", "agora-006"}}, agora, kVerify, RequiredFields::kLeaveToScheme)
          .empty());
}

TEST(RequestFields, ControlBytesInAKeyAreEscaped) {
  const auto problems = request_problems({{"a\nb\x1b", 1}}, *find_scheme("agora-006"),
                                         RequestKind::kParse, RequiredFields::kLeaveToScheme);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("a\\x0Ab\\x1B"), std::string::npos) << problems[0];
  EXPECT_EQ(problems[0].find('\n'), std::string::npos);
}

// The vectors carry no stray keys and no wrongly typed fields: every input is one
// the protocol accepts as written.
TEST(RequestFields, EveryVectorInputMatchesItsSchemesTable) {
  const std::filesystem::path root = TOKCHECK_TEST_VECTORS_DIR;
  std::size_t inputs = 0;
  for (const Scheme* scheme : all_schemes()) {
    for (const auto& [file, kind] : {std::pair{"build.json", RequestKind::kBuild},
                                     std::pair{"parse.json", RequestKind::kParse},
                                     std::pair{"verify.json", RequestKind::kVerify}}) {
      std::ifstream in(root / std::string(scheme->id()) / file);
      ASSERT_TRUE(in) << scheme->id() << "/" << file;
      const Json doc = Json::parse(in);
      for (const Json& t : doc.at("tests")) {
        const auto problems =
            request_problems(t.at("input"), *scheme, kind, RequiredFields::kLeaveToScheme);
        EXPECT_TRUE(problems.empty())
            << scheme->id() << "/" << file << " tcId " << t.at("tcId") << ": " << problems.front();
        ++inputs;
      }
    }
  }
  EXPECT_GT(inputs, 1500u);  // all six schemes' build, parse and verify files were read
}

}  // namespace
}  // namespace tokcheck::schemes
