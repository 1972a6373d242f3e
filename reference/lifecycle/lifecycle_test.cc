// Unit tests of the lifecycle engine's edges that scenario vectors cannot show
// (errors for bad scenarios and unknown profile combinations, encoded ZEGO
// tokens, which the Python generator cannot build) and of diagnose.
#include <gtest/gtest.h>

#include "reference/codes/codes.h"
#include "reference/lifecycle/diagnose.h"
#include "reference/lifecycle/simulate.h"
#include "reference/schemes/registry.h"

namespace tokcheck::lifecycle {
namespace {

constexpr std::int64_t kT0 = 1700000000;

Json zego_profile(const std::string& platform, const std::string& version,
                  const std::string& mode = "token") {
  return {{"vendor", "zego"},
          {"product", "express"},
          {"platform", platform},
          {"sdk_version", version},
          {"auth_mode", mode},
          {"token_version", "04"},
          {"privilege_expiry_management", true}};
}

std::string error_of(const Json& scenario) {
  try {
    simulate_json(scenario);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

Json with(Json profile, Json events = Json::array()) {
  return {{"profile", std::move(profile)}, {"start", kT0}, {"events", std::move(events)}};
}

TEST(LifecycleProfiles, UnknownCombinationsAreClearErrors) {
  // The version table has only a token04 row for Flutter: no renew / expiry facts.
  EXPECT_NE(error_of(with(zego_profile("flutter", "2.17.1"))).find("sdk_versions.h"),
            std::string::npos);
  EXPECT_NE(error_of(with(zego_profile("web", "3.0.0", "appsign"))).find("AppSign"),
            std::string::npos);
  EXPECT_NE(error_of(with(zego_profile("playstation", "2.17.0"))).find("unknown platform"),
            std::string::npos);
  EXPECT_NE(error_of(with({{"vendor", "zego"},
                           {"product", "docsview"},
                           {"platform", "web"},
                           {"sdk_version", "2.3.0"}}))
                .find("native platforms only"),
            std::string::npos);
  EXPECT_NE(error_of(with({{"vendor", "zego"},
                           {"product", "superboard"},
                           {"platform", "electron"},
                           {"sdk_version", "2.3.0"}}))
                .find("no ZEGO superboard row"),
            std::string::npos);
  EXPECT_NE(error_of(with({{"vendor", "rongcloud"},
                           {"product", "im"},
                           {"platform", "ios"},
                           {"sdk_version", "5.1.0"}}))
                .find("1.x and 2.x"),
            std::string::npos);
  EXPECT_NE(error_of(with({{"vendor", "agora"},
                           {"product", "rtc"},
                           {"platform", "linux"},
                           {"certificate", true}}))
                .find("profile.platform"),
            std::string::npos);
  EXPECT_NE(
      error_of(
          with({{"vendor", "bytedance"}, {"product", "miniprogram_rtc"}, {"base_library", "two"}}))
          .find("base_library"),
      std::string::npos);
  EXPECT_NE(error_of(with({{"vendor", "tencent"}})).find("profile.vendor"), std::string::npos);
}

// RONG-NET-TIMEOUT: seed 003 shows timeLimit on the iOS SDK 2.x connect only; on any
// other platform or line the key is a usage error naming it, never silently ignored.
// RONG-NET-*: the network event needs a boolean "up".
TEST(LifecycleScenarios, RongCloudTimeLimitIsIosTwoOnly) {
  auto rong = [](const std::string& platform, const std::string& version, Json events) {
    return with({{"vendor", "rongcloud"},
                 {"product", "im"},
                 {"platform", platform},
                 {"sdk_version", version}},
                std::move(events));
  };
  const Json timed =
      Json::array({{{"op", "connect"}, {"token", {{"user", "u1"}}}, {"time_limit", 5}}});
  EXPECT_EQ(error_of(rong("ios", "2.10.3", timed)), "");
  for (const auto& [platform, version] :
       {std::pair{"android", "2.10.3"}, std::pair{"web", "2.10.3"}, std::pair{"ios", "1.4.0"}}) {
    EXPECT_NE(error_of(rong(platform, version, timed)).find("events[0].time_limit"),
              std::string::npos)
        << platform << " " << version;
  }
  EXPECT_NE(
      error_of(rong("ios", "2.10.3", Json::array({{{"op", "network"}}}))).find("events[0].up"),
      std::string::npos);
  EXPECT_NE(error_of(rong("ios", "2.10.3", Json::array({{{"op", "network"}, {"up", "no"}}})))
                .find("events[0].up"),
            std::string::npos);
  EXPECT_NE(error_of(rong("ios", "2.10.3",
                          Json::array({{{"op", "network"}, {"up", true}, {"seconds", 1}}})))
                .find("seconds"),
            std::string::npos);
}

TEST(LifecycleProfiles, EveryVendorReadsVersionsWithTheOneCoreGrammar) {
  // core/sdk_version.h: digits and dots only, up to four components, for every vendor.
  auto rong = [](const std::string& version) {
    return with({{"vendor", "rongcloud"},
                 {"product", "im"},
                 {"platform", "ios"},
                 {"sdk_version", version}});
  };
  auto mini = [](const std::string& version) {
    return with(
        {{"vendor", "bytedance"}, {"product", "miniprogram_rtc"}, {"base_library", version}});
  };
  auto agora = [](const std::string& version) {
    return with({{"vendor", "agora"},
                 {"product", "rtc"},
                 {"platform", "native"},
                 {"certificate", true},
                 {"sdk_version", version}});
  };
  for (const char* bad : {"v2.10.3", "2.10.3-beta", "2.10.3.1.0", " 2.10.3"}) {
    EXPECT_NE(error_of(rong(bad)).find("profile.sdk_version"), std::string::npos) << bad;
    EXPECT_NE(error_of(agora(bad)).find("profile.sdk_version"), std::string::npos) << bad;
    EXPECT_NE(error_of(mini(bad)).find("profile.base_library"), std::string::npos) << bad;
    EXPECT_NE(error_of(with(zego_profile("ios", bad))).find("is not a version"), std::string::npos)
        << bad;
  }
  for (const char* good : {"2.10", "2.10.3", "2.10.3.1"}) {
    EXPECT_EQ(error_of(rong(good)), "") << good;
    EXPECT_EQ(error_of(mini(good)), "") << good;
    EXPECT_EQ(error_of(agora(good)), "") << good;
  }
}

TEST(LifecycleScenarios, BadScenariosNameTheOffendingPath) {
  const Json agora{
      {"vendor", "agora"}, {"product", "rtc"}, {"platform", "web"}, {"certificate", true}};
  EXPECT_NE(error_of({{"profile", agora}, {"events", Json::array()}}).find("start"),
            std::string::npos);
  EXPECT_NE(error_of(with(agora, Json::array({{{"op", "fly"}}}))).find("events[0].op"),
            std::string::npos);
  EXPECT_NE(
      error_of(
          with(agora,
               Json::array(
                   {{{"op", "joinChannel"}, {"channel", "c"}, {"uid", 1}, {"token", "nope"}}})))
          .find("no token named"),
      std::string::npos);
  EXPECT_NE(error_of(with(agora, Json::array({{{"op", "joinChannel"},
                                               {"channel", "c"},
                                               {"uid", 1},
                                               {"token", {{"expires", 5}}}}})))
                .find("unknown claim"),
            std::string::npos);
  EXPECT_NE(error_of(with(agora, Json::array({{{"op", "advance"}}}))).find("\"at\""),
            std::string::npos);
  EXPECT_NE(
      error_of(with(agora, Json::array({{{"op", "publish"}, {"stream", "s"}, {"colour", 1}}})))
          .find("unknown field"),
      std::string::npos);
  // auth_mode and the events must agree.
  EXPECT_NE(error_of(with(zego_profile("ios", "2.17.0", "token"),
                          Json::array({{{"op", "createEngine"}, {"app_sign", "valid"}}})))
                .find("without AppSign"),
            std::string::npos);
}

// ZEGO-ROOM-MODE / ZEGO-ROOM-RENEW-UNKNOWN (issue 11, finding 7): the room fields'
// usage errors, which a scenario vector cannot show. With several rooms a renew
// must name its room; the event field is "room" (as loginRoom's), so "room_id"
// stays an unknown field; room_mode is "single" or "multi".
TEST(LifecycleScenarios, ZegoRoomFieldsAreCheckedAndNamed) {
  Json multi = zego_profile("ios", "2.17.0");
  multi["room_mode"] = "multi";
  const Json login{{"op", "loginRoom"},
                   {"room", "r1"},
                   {"user", "u1"},
                   {"token", {{"expire", kT0 + 100}, {"room", "r1"}, {"user", "u1"}}}};
  const Json renew{{"op", "renewToken"}, {"token", {{"expire", kT0 + 200}, {"user", "u1"}}}};
  EXPECT_NE(error_of(with(multi, Json::array({{{"op", "createEngine"}}, login, renew})))
                .find("field \"events[2].room\": room_mode \"multi\": renewToken names its room"),
            std::string::npos);
  Json misnamed = renew;
  misnamed["room_id"] = "r1";
  EXPECT_NE(error_of(with(multi, Json::array({{{"op", "createEngine"}}, login, misnamed})))
                .find("field \"events[2].room_id\": unknown field"),
            std::string::npos);
  Json bad_mode = multi;
  bad_mode["room_mode"] = "many";
  EXPECT_NE(error_of(with(bad_mode))
                .find("field \"profile.room_mode\": \"many\" is not one of: single, "
                      "multi"),
            std::string::npos);
  // Single-room mode keeps accepting a renew without a room: the room it holds.
  Json s =
      with(zego_profile("ios", "2.17.0"), Json::array({{{"op", "createEngine"}}, login, renew}));
  const Json out = simulate_json(s)["outputs"];
  ASSERT_EQ(out.size(), 3u) << out.dump(1);
  EXPECT_EQ(out[2]["ok"], true);
  EXPECT_FALSE(out[2].contains("room_id"));  // the call named no room
}

// LIFE-CLOCK-RANGE (issue 11, finding 8): the clock stops at the last second a
// scenario can name; an advance past it is refused naming its "seconds" instead
// of overflowing (signed overflow, undefined behaviour before).
TEST(LifecycleScenarios, AnAdvancePastTheLastSecondIsRefusedNamingTheField) {
  const Json agora{
      {"vendor", "agora"}, {"product", "rtc"}, {"platform", "native"}, {"certificate", false}};
  const std::int64_t last = 4611686018427387903;  // 2^62 - 1
  Json s = with(agora, Json::array({{{"op", "advance"}, {"seconds", last}},
                                    {{"op", "advance"}, {"seconds", last}}}));
  s["start"] = last;
  const std::string error = error_of(s);
  EXPECT_NE(error.find("events[0].seconds"), std::string::npos) << error;
  EXPECT_NE(error.find("4611686018427387903"), std::string::npos) << error;
  // From the start: the first advance is fine, the second is refused.
  s["start"] = 0;
  EXPECT_NE(error_of(s).find("events[1].seconds"), std::string::npos) << error_of(s);
  // Exactly the last second is reachable, by "seconds" and by "at"; one more is not.
  s["start"] = last - 10;
  s["events"] = Json::array({{{"op", "advance"}, {"seconds", 10}}});
  EXPECT_EQ(error_of(s), "");
  s["events"] = Json::array({{{"op", "advance"}, {"seconds", 11}}});
  EXPECT_NE(error_of(s).find("events[0].seconds"), std::string::npos);
  s["events"] = Json::array({{{"op", "advance"}, {"at", last + 1}}});
  EXPECT_NE(error_of(s).find("field \"events[0].at\": out of range"), std::string::npos)
      << error_of(s);
  // A JSON value built in C++ may hold a signed number above the range too.
  s["events"] = Json::array({{{"op", "advance"}, {"seconds", std::int64_t{last} + 1}}});
  EXPECT_NE(error_of(s).find("field \"events[0].seconds\": out of range"), std::string::npos)
      << error_of(s);
  // Backwards stays what it was: noted and ignored.
  s["start"] = -last - 1;
  s["events"] = Json::array({{{"op", "advance"}, {"seconds", -last - 1}}});
  EXPECT_EQ(simulate_json(s)["outputs"][0]["kind"], "clock_ignored");
}

// BD-NO-EXPIRY (issue 11, finding 3): a mini-program claims expire is a Volcengine
// expire_at, a u32 where 0 means never; a value it cannot hold is refused.
TEST(LifecycleScenarios, AMiniProgramClaimsExpireIsAVolcengineExpireAt) {
  const Json bd{
      {"vendor", "bytedance"}, {"product", "miniprogram_rtc"}, {"base_library", "2.70.0"}};
  auto join = [&](const Json& token) {
    Json s = with(
        bd, Json::array({{{"op", "joinRtcRoom"}, {"room", "r1"}, {"user", "u1"}, {"token", "T"}},
                         {{"op", "advance"}, {"seconds", 5000000000LL}}}));
    s["tokens"] = {{"T", token}};
    return s;
  };
  EXPECT_NE(error_of(join({{"expire", -1}})).find("tokens.T.expire"), std::string::npos);
  EXPECT_NE(error_of(join({{"expire", 4294967296LL}})).find("tokens.T.expire"), std::string::npos);
  const Json out = simulate_json(join({{"expire", 0}, {"room", "r1"}}))["outputs"];
  ASSERT_EQ(out.size(), 3u);  // joined (result, success, complete); never removed
  EXPECT_EQ(out[0]["ok"], true);
}

TEST(LifecycleScenarios, SimulatorStepByStepEqualsTheWholeRun) {
  const Json s = with(zego_profile("android", "2.13.0", "token_appsign"),
                      Json::array({{{"op", "createEngine"}, {"app_sign", "valid"}},
                                   {{"op", "loginRoom"},
                                    {"room", "r"},
                                    {"user", "u"},
                                    {"token", {{"expire", kT0 + 40}, {"user", "u"}}}},
                                   {{"op", "advance"}, {"seconds", 100}}}));
  Simulator sim(s);
  Json outputs = Json::array();
  int i = 0;
  for (const Json& e : s["events"]) {
    for (Json& o : sim.apply(e, i++)) outputs.push_back(std::move(o));
  }
  EXPECT_EQ(outputs, simulate_json(s)["outputs"]);
  EXPECT_EQ(sim.now(), kT0 + 100);
}

std::string zego04(std::int64_t app_id, const std::string& user, const std::string& secret,
                   std::int64_t expire_in) {
  const schemes::BuildOutcome b =
      schemes::find_scheme("zego-04")->build({{"app_id", app_id},
                                              {"user_id", user},
                                              {"secret", secret},
                                              {"effective_time_in_seconds", expire_in},
                                              {"ctime", kT0},
                                              {"nonce", 7},
                                              {"iv_hex", "000102030405060708090a0b"},
                                              {"mode", "gcm"}});
  EXPECT_TRUE(b.error.is_null()) << b.error.dump();
  return b.token;
}

TEST(LifecycleEncoded, ZegoToken04ThroughTheCodec) {
  const std::string secret = "fa94dd0f974cf2e293728a526b028271";
  Json profile = zego_profile("ios", "2.17.0");
  profile["app_id"] = 1;
  profile["secret"] = secret;
  Json s =
      with(profile,
           Json::array({{{"op", "createEngine"}},
                        {{"op", "loginRoom"}, {"room", "r"}, {"user", "demo"}, {"token", "good"}},
                        {{"op", "renewToken"}, {"token", "wrong_key"}},
                        {{"op", "renewToken"}, {"token", "other_user"}},
                        {{"op", "advance"}, {"seconds", 100}}}));
  s["tokens"] = {{"good", {{"encoded", zego04(1, "demo", secret, 100)}}},
                 {"wrong_key", {{"encoded", zego04(1, "demo", std::string(32, 'x'), 600)}}},
                 {"other_user", {{"encoded", zego04(1, "demo2", secret, 600)}}}};
  const Json out = simulate_json(s)["outputs"];
  ASSERT_EQ(out.size(), 6u) << out.dump(1);
  EXPECT_EQ(out[1]["ok"], true);
  EXPECT_EQ(out[2]["reason"], "decrypt_failed");
  // The one vendor-code shape (reference/schemes/vendor_code_json.h).
  EXPECT_EQ(out[2]["codes"], Json::array({{{"platform", "native"},
                                           {"code", 1002033},
                                           {"name", "RoomErrorAuthenticationFailed"},
                                           {"basis", "inferred"}}}));
  EXPECT_EQ(out[3]["reason"], "user_id_mismatch");
  EXPECT_EQ(out[4]["name"], "onRoomTokenWillExpire");
  EXPECT_EQ(out[4]["at"], kT0 + 70);
  EXPECT_EQ(out[5]["kind"], "kicked_out");  // 2.17.0, switch on
  EXPECT_EQ(out[5]["at"], kT0 + 100);

  // A token04 on 2.16.9 is refused for its version before anything is decrypted
  // (an AppSign + token session there: no Token auth mode before 2.17.0).
  s["profile"]["sdk_version"] = "2.16.9";
  s["profile"]["auth_mode"] = "token_appsign";
  s["events"][0]["app_sign"] = "valid";
  const Json old = simulate_json(s)["outputs"];
  EXPECT_EQ(old[1]["reason"], "unsupported_version");
  EXPECT_EQ(old[1]["codes"][0]["code"], 1002079);
  EXPECT_EQ(old[1]["codes"][0]["name"], "RoomTokenVersionError");
  EXPECT_EQ(old[1]["codes"][0]["platform"], "native");
  EXPECT_EQ(old[1]["codes"].size(), 1u);
}

TEST(LifecycleCodes, JoinFailuresListTheTableRowsOfThePlatform) {
  const Json s =
      with({{"vendor", "agora"}, {"product", "rtc"}, {"platform", "web"}, {"certificate", true}},
           Json::array({{{"op", "joinChannel"},
                         {"channel", "c"},
                         {"uid", "1"},
                         {"token", {{"expire", kT0 - 1}}}}}));
  const Json codes = simulate_json(s)["outputs"][0]["codes"];
  Json want = Json::array();
  for (const codes::VendorCode& c : codes::codes_for(Vendor::kAgora, Condition::kExpired)) {
    if (c.platform == "web")
      want.push_back({{"platform", "web"},
                      {"code", std::stoi(std::string(c.code))},
                      {"name", c.name},
                      {"basis", codes::to_string(c.basis)}});
  }
  EXPECT_EQ(codes, want);
  EXPECT_EQ(codes.size(), 3u);  // 109, 118 and the unverified 2
}

TEST(Diagnose, ExplainsCodesFromTheTables) {
  const Json d = explain_code({"agora", "web", "119"});
  ASSERT_EQ(d["explanations"].size(), 1u);
  EXPECT_EQ(d["explanations"][0]["condition"], "token_unexpected");
  EXPECT_EQ(d["explanations"][0]["name"], "ERR_STATIC_USE_DYNAMIC_KEY");
  // Documented causes come first for 110.
  const Json native = explain_code({"agora", "android", "110"});
  ASSERT_FALSE(native["explanations"].empty());
  EXPECT_EQ(native["platform"], "native");
  EXPECT_EQ(native["explanations"][0]["basis"], "documented");
  // Call-level codes come from sdk_codes.
  const Json renew = explain_code({"agora", "native", "4"});
  ASSERT_EQ(renew["explanations"].size(), 1u);
  EXPECT_EQ(renew["explanations"][0]["name"], "INVALID_CHANNEL_NAME");
  EXPECT_TRUE(explain_code({"zego", "ios", "999"})["explanations"].empty());
  EXPECT_THROW(explain_code({"agora", "psp", "110"}), UsageError);
  EXPECT_THROW(explain_code({"nokia", "web", "1"}), UsageError);
}

// token-formats.md §4 V6-2: uid 0 (written as ""), channel 7d72…, ts 1111111.
constexpr const char* kV62 =
    "006970CA35de60c44645bbae8a215061b33IACw1o7htY6ISdNRtku3p9tjTPi0jCKf9t49UHJhzCmL6bdIfRAAAAAAEAA"
    "B"
    "AAAAR/QQAAEAAQCvKDdW";

TEST(Diagnose, TellsWhichJoinParameterTheTokenDisagreesWith) {
  TokenQuery q;
  q.token = kV62;
  q.app_id = "970CA35de60c44645bbae8a215061b33";
  q.channel = "7d72365eb983485397e3e3f9d460bdda";
  q.uid = "0";
  q.now = 1111000;
  Json d = diagnose_token(q);
  EXPECT_EQ(d["condition"], "valid");
  EXPECT_EQ(d["checks"][2]["note"], "matches as the int uid 0, which Agora writes as \"\"");

  q.uid = "42";
  d = diagnose_token(q);
  EXPECT_EQ(d["condition"], "uid_mismatch");
  q.uid = "0";
  q.channel = "lobby";
  q.platform = "web";
  d = diagnose_token(q);
  EXPECT_EQ(d["condition"], "channel_mismatch");
  EXPECT_EQ(d["codes"], Json::array({{{"platform", "web"},
                                      {"code", 110},
                                      {"name", "ERR_NO_AUTHORIZED"},
                                      {"basis", "documented"}}}));
  q.channel = "7d72365eb983485397e3e3f9d460bdda";
  q.now = 1111111;
  EXPECT_EQ(diagnose_token(q)["condition"], "expired");

  // With the certificate the codec decides, signature included.
  q.now = 1111000;
  q.secret = std::string(32, 'a');
  EXPECT_EQ(diagnose_token(q)["condition"], "bad_signature");
  q.secret = "5CFd2fd1755d40ecb72977518be15d3b";
  EXPECT_EQ(diagnose_token(q)["condition"], "valid");

  // Certificate / token presence.
  q.certificate = false;
  EXPECT_EQ(diagnose_token(q)["condition"], "token_unexpected");
  TokenQuery none;
  none.platform = "web";
  const Json missing = diagnose_token(none);
  EXPECT_EQ(missing["condition"], "token_missing");
  EXPECT_EQ(missing["codes"][0]["code"], 120);
}

}  // namespace
}  // namespace tokcheck::lifecycle
