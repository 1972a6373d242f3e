#include "reference/schemes/build_defaults.h"

#include <gtest/gtest.h>

#include <set>

#include "reference/schemes/registry.h"

namespace tokcheck::schemes {
namespace {

std::vector<std::string> fill(Json& request, std::string_view scheme, std::int64_t now) {
  return apply_build_defaults(request, *find_scheme(scheme), now);
}

TEST(BuildDefaults, FilledOnlyWhenAbsentAndNamed) {
  Json r = {{"scheme", "agora-007"}, {"salt", 7}};
  EXPECT_EQ(fill(r, "agora-007", 1700000000), (std::vector<std::string>{"issue_ts", "expire"}));
  EXPECT_EQ(r["issue_ts"], 1700000000);
  EXPECT_EQ(r["expire"], 900);
  EXPECT_EQ(r["salt"], 7);
  Json a = {{"scheme", "agora-006"}};
  fill(a, "agora-006", 1000);
  EXPECT_EQ(a["ts"], 1000 + 24 * 3600);
  EXPECT_GE(a["salt"].get<std::int64_t>(), 1);
  EXPECT_LE(a["salt"].get<std::int64_t>(), 99999999);
  Json z = {{"scheme", "zego-04"}, {"mode", "gcm"}};
  fill(z, "zego-04", 1);
  EXPECT_EQ(z["iv"].get<std::string>().size(), 12u);
  EXPECT_GE(z["nonce"].get<std::int64_t>(), 1);
  Json c = {{"scheme", "zego-04"}};
  fill(c, "zego-04", 1);
  EXPECT_EQ(c["iv"].get<std::string>().size(), 16u);
  Json h = {{"scheme", "zego-03"}, {"iv_hex", "00"}};
  fill(h, "zego-03", 1);
  EXPECT_FALSE(h.contains("iv"));
  EXPECT_EQ(h["create_time"], 1);
}

// What a scheme fills is exactly what its request table calls defaulted, so the
// table a person reads in an error message and the builder's behaviour agree.
TEST(BuildDefaults, EverySchemeFillsExactlyItsDefaultedFields) {
  for (const Scheme* scheme : all_schemes()) {
    std::set<std::string> defaulted;
    for (const FieldSpec& f : scheme->request_fields(RequestKind::kBuild)) {
      if (f.need == Need::kDefaulted) defaulted.emplace(f.name);
    }
    Json request = {{"scheme", scheme->id()}};
    const auto filled = apply_build_defaults(request, *scheme, 1700000000);
    EXPECT_EQ(std::set<std::string>(filled.begin(), filled.end()), defaulted) << scheme->id();
    EXPECT_FALSE(defaulted.empty()) << scheme->id();
  }
}

TEST(BuildDefaults, RandomValuesDiffer) {
  Json a = {{"scheme", "volc-001"}};
  Json b = a;
  fill(a, "volc-001", 1);
  fill(b, "volc-001", 1);
  // Two 32-bit draws collide with probability 2^-32.
  EXPECT_NE(a["nonce"], b["nonce"]);
}

}  // namespace
}  // namespace tokcheck::schemes
