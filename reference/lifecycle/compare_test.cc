// simulate --compare's engine: rule ids beside outputs, and what changes between
// two profiles (issue 12 item 4: "ZEGO 2.12.0 vs 2.13.0 with the switch on shows
// the kick-out at expiry as the difference, with its rule id").
#include "reference/lifecycle/compare.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "reference/lifecycle/simulate.h"

namespace tokcheck::lifecycle {
namespace {

constexpr std::int64_t kT0 = 1700000000;

// Login, publish, play; the token expires at +100; publish and log in again.
Json zego_expiry_scenario() {
  return {{"profile",
           {{"vendor", "zego"},
            {"product", "express"},
            {"platform", "ios"},
            {"sdk_version", "2.8.0"},
            {"auth_mode", "token_appsign"},  // no Token auth mode before 2.17.0
            {"token_version", "03"},
            {"privilege_expiry_management", false}}},
          {"start", kT0},
          {"tokens", {{"A", {{"expire", kT0 + 100}, {"room", "r1"}, {"user", "u1"}}}}},
          {"events",
           Json::array({{{"op", "createEngine"}, {"app_sign", "valid"}},
                        {{"op", "loginRoom"}, {"room", "r1"}, {"user", "u1"}, {"token", "A"}},
                        {{"op", "startPublishingStream"}, {"stream", "s1"}},
                        {{"op", "startPlayingStream"}, {"stream", "p1"}},
                        {{"op", "advance"}, {"at", kT0 + 100}},
                        {{"op", "startPublishingStream"}, {"at", kT0 + 101}, {"stream", "s2"}},
                        {{"op", "advance"}, {"at", kT0 + 200}}})}};
}

const OutputDifference* find(const ProfileComparison& c, OutputDifference::Change change,
                             const std::string& kind) {
  for (const OutputDifference& d : c.differences) {
    const Json& o = change == OutputDifference::Change::kAppears ? d.b : d.a;
    if (d.change == change && o.value("kind", "") == kind) return &d;
  }
  return nullptr;
}

TEST(CompareProfiles, ZegoUpgradeTo213WithTheSwitchShowsTheKickOutAndItsRule) {
  const ProfileComparison c = compare_profiles(
      zego_expiry_scenario(), {{"sdk_version", "2.12.0"}, {"privilege_expiry_management", true}},
      {{"sdk_version", "2.13.0"}, {"privilege_expiry_management", true}});
  ASSERT_TRUE(c.comparable()) << c.error_a << c.error_b;
  EXPECT_EQ(c.profile_b["sdk_version"], "2.13.0");
  EXPECT_EQ(c.profile_b["token_version"], "03");  // the rest of the profile is kept

  const OutputDifference* kick = find(c, OutputDifference::Change::kAppears, "kicked_out");
  ASSERT_NE(kick, nullptr);
  EXPECT_EQ(kick->b["at"], kT0 + 100);
  EXPECT_EQ(kick->rule_b, "ZEGO-EXPIRY-2.13-SWITCH, ZEGO-KICK-CODE");
  const OutputDifference* stop = find(c, OutputDifference::Change::kAppears, "stream_stopped");
  ASSERT_NE(stop, nullptr);
  EXPECT_EQ(stop->b["stream"], "s1");

  // The publish after the expiry fails under both, for different reasons and rules.
  const OutputDifference* publish = find(c, OutputDifference::Change::kChanges, "result");
  ASSERT_NE(publish, nullptr);
  EXPECT_EQ(publish->a["reason"], "expired");
  EXPECT_EQ(publish->rule_a, "ZEGO-EXPIRY-2.8-2.12");
  EXPECT_EQ(publish->b["reason"], "not_logged_in");
  EXPECT_EQ(publish->rule_b, "ZEGO-EXPIRY-2.13-SWITCH");
  // Nothing else differs: the notice at +70 and the first calls are the same.
  EXPECT_EQ(c.differences.size(), 3u);
}

TEST(CompareProfiles, TheSwitchOffMeansNoDifferenceAcrossTheSameUpgrade) {
  const ProfileComparison c = compare_profiles(zego_expiry_scenario(), {{"sdk_version", "2.12.0"}},
                                               {{"sdk_version", "2.13.0"}});
  ASSERT_TRUE(c.comparable());
  EXPECT_TRUE(c.differences.empty()) << to_json(c).dump();
  EXPECT_EQ(c.outputs_a, c.outputs_b);
}

TEST(CompareProfiles, AProfileTheEngineRefusesIsReportedNotThrown) {
  const ProfileComparison c = compare_profiles(zego_expiry_scenario(), {{"sdk_version", "2.12.0"}},
                                               {{"platform", "unity3d"}});
  EXPECT_FALSE(c.comparable());
  EXPECT_TRUE(c.error_a.empty());
  EXPECT_FALSE(c.error_b.empty());
  EXPECT_TRUE(to_json(c).contains("error_b"));
}

TEST(CompareProfiles, APatchMustBeAnObject) {
  EXPECT_THROW(compare_profiles(zego_expiry_scenario(), Json::array(), Json::object()), UsageError);
  EXPECT_THROW(compare_profiles(Json{{"start", kT0}}, Json::object(), Json::object()), UsageError);
}

TEST(CompareProfiles, RemovingAKeyWithNullFollowsMergePatch) {
  // RFC 7386: null deletes. Without "sdk_version" the ZEGO profile is invalid.
  const ProfileComparison c =
      compare_profiles(zego_expiry_scenario(), Json::object(), {{"sdk_version", nullptr}});
  EXPECT_FALSE(c.profile_b.contains("sdk_version"));
  EXPECT_FALSE(c.comparable());
}

// A profile change that alters every output of a long scenario would need a
// quadratic table: past the cap it is a usage error, not gigabytes. The same
// scenario with the differences near the ends (prefix/suffix) stays cheap.
TEST(CompareProfiles, AHugeDifferenceIsRefusedNotAllocated) {
  Json events = Json::array();
  for (int i = 0; i < 2100; ++i) events.push_back({{"op", "connect"}, {"token", "M"}});
  const Json scenario{{"profile",
                       {{"vendor", "rongcloud"},
                        {"product", "im"},
                        {"platform", "android"},
                        {"sdk_version", "1.9.9"},
                        {"app_key", "k1"}}},
                      {"start", kT0},
                      {"tokens", {{"M", {{"malformed", true}}}}},
                      {"events", events}};
  try {
    compare_profiles(scenario, Json::object(), {{"sdk_version", "2.0.0"}});
    FAIL() << "no UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("differ over 2100 and 2100 outputs"), std::string::npos)
        << e.what();
  }
  // Identical runs of the same length: prefix matching, no table, no difference.
  const ProfileComparison same = compare_profiles(scenario, Json::object(), Json::object());
  EXPECT_TRUE(same.differences.empty());
  EXPECT_EQ(same.outputs_a, 2100u);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every output of every vector scenario has a rule slot; every rule id the
// engine names is defined in docs/SEMANTICS.md; the expiry effects always name
// their rule (they are what --compare exists to explain).
TEST(RuleIds, EveryNamedRuleIsDefinedAndExpiryEffectsAlwaysNameOne) {
  const std::string semantics = read_file(std::string(TOKCHECK_SOURCE_DIR) + "/docs/SEMANTICS.md");
  ASSERT_FALSE(semantics.empty());
  std::set<std::string> defined;
  const std::regex row(R"(\n\| `([A-Z0-9.-]+)` \|)");
  for (std::sregex_iterator it(semantics.begin(), semantics.end(), row), end; it != end; ++it)
    defined.insert((*it)[1]);
  ASSERT_GT(defined.size(), 40u);

  std::set<std::string> named;
  std::size_t outputs = 0;
  for (const char* vendor : {"zego", "agora", "rongcloud", "bytedance"}) {
    const Json file = Json::parse(read_file(std::string(TOKCHECK_TEST_VECTORS_DIR) + "/lifecycle-" +
                                            vendor + "/scenario.json"));
    for (const Json& t : file["tests"]) {
      std::vector<std::string> rules;
      const Json out = simulate_json(t["input"], &rules)["outputs"];
      ASSERT_EQ(rules.size(), out.size()) << vendor << " #" << t["tcId"];
      outputs += out.size();
      for (std::size_t i = 0; i < out.size(); ++i) {
        const std::string kind = out[i]["kind"];
        if (kind == "kicked_out" || kind == "stream_stopped" ||
            (kind == "callback" && out[i].contains("remaining"))) {
          EXPECT_FALSE(rules[i].empty()) << vendor << " #" << t["tcId"] << " " << out[i].dump();
        }
        std::stringstream ids(rules[i]);
        for (std::string id; std::getline(ids, id, ',');) {
          id.erase(0, id.find_first_not_of(' '));
          if (!id.empty()) named.insert(id);
        }
      }
    }
  }
  EXPECT_GT(outputs, 500u);
  for (const std::string& id : named)
    EXPECT_TRUE(defined.count(id)) << id << " not in SEMANTICS.md";
  EXPECT_GT(named.size(), 25u);  // the tagging is broad, not one rule
}

}  // namespace
}  // namespace tokcheck::lifecycle
