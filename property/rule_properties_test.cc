// One property per rule of docs/SEMANTICS.md that the broader lifecycle
// properties do not already pin down: each draws the variables the rule talks
// about (version, platform, credentials, times) at random and checks the rule as
// the sources state it, restated here.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <optional>
#include <string>

#include "property/lifecycle_support.h"
#include "reference/schemes/registry.h"

namespace tokcheck::property {
namespace {

const Json& result_of(const Json& outputs, int event) {
  for (const Json& o : outputs) {
    if (o["kind"] == "result" && o["event"] == event) return o;
  }
  static const Json kNone;
  return kNone;
}

std::string version_text(int major, int minor, int patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

bool at_least(int major, int minor, int patch, int a, int b, int c) {
  return std::tie(major, minor, patch) >= std::tie(a, b, c);
}

Json zego_express(const std::string& platform, const std::string& version, const std::string& mode,
                  const std::string& tv, bool switch_on = false) {
  return {{"vendor", "zego"},
          {"product", "express"},
          {"platform", platform},
          {"sdk_version", version},
          {"auth_mode", mode},
          {"token_version", tv},
          {"privilege_expiry_management", switch_on}};
}

// --- ZEGO ---------------------------------------------------------------------------

// ZEGO-TOKEN03-2.8, ZEGO-TOKEN04-2.17, ZEGO-RENEW-2.8 (seed 002, seed 000): a login
// with token03 works from 2.8.0, with token04 from 2.17.0; renewToken exists from 2.8.0.
RC_GTEST_PROP(ZegoRules, TokenVersionAndRenewThresholds, ()) {
  const std::string platform = *rc::gen::element<std::string>("ios", "android", "macos", "windows");
  const int major = 2, minor = *rc::gen::inRange(5, 25), patch = *rc::gen::inRange(0, 10);
  const std::string version = version_text(major, minor, patch);
  const std::string tv = *rc::gen::element<std::string>("03", "04");
  const Json token{{"expire", kStart + 600}, {"user", "u1"}};
  const Json profile = zego_express(platform, version, "forced_token", tv);
  const Json out = run(scenario(
      profile, Json::array({zego_create_engine(profile),
                            {{"op", "loginRoom"}, {"room", "r1"}, {"user", "u1"}, {"token", token}},
                            {{"op", "renewToken"}, {"token", token}}})));
  const bool accepted =
      tv == "03" ? at_least(major, minor, patch, 2, 8, 0) : at_least(major, minor, patch, 2, 17, 0);
  const Json& login = result_of(out, 1);
  RC_ASSERT(login["ok"] == accepted);
  if (!accepted) {
    RC_ASSERT(member(login, "reason") == "unsupported_version");
    RC_ASSERT(judged(member(login, "codes")) ==
              one_code("native", 1002079, "RoomTokenVersionError"));
  }
  const Json& renew = result_of(out, 2);
  if (!at_least(major, minor, patch, 2, 8, 0))
    RC_ASSERT(member(renew, "reason") == "api_unavailable");
}

// ZEGO-AUTH-APPSIGN, ZEGO-AUTH-TOKEN, ZEGO-AUTH-EITHER, ZEGO-AUTH-FORCED,
// ZEGO-AUTH-TOKEN-2.17, ZEGO-AUTH-APPSIGN-TOKEN (seed 002): from 2.17.0 (the Token
// auth mode) the login passes when the token is valid, or when a valid AppSign is
// given and Token authentication is not forced. Before it there is no engine
// without an AppSign, and a token given at login must be valid as well.
RC_GTEST_PROP(ZegoRules, WhichCredentialLetsTheUserIn, ()) {
  const std::string version =
      *rc::gen::element<std::string>("2.8.0", "2.13.0", "2.16.9", "2.17.0", "3.1.0");
  const bool token_mode = version == "2.17.0" || version == "3.1.0";
  const std::string mode =
      *rc::gen::element<std::string>("appsign", "token", "token_appsign", "forced_token");
  std::string sign = *rc::gen::element<std::string>("none", "valid", "invalid");
  if (mode == "token") sign = "none";
  if ((mode == "appsign" || mode == "token_appsign") && sign == "none") sign = "valid";
  std::string token = *rc::gen::element<std::string>("none", "valid", "expired", "other_user");
  if (mode == "appsign") token = "none";
  Json create{{"op", "createEngine"}};
  if (sign != "none") create["app_sign"] = sign;
  Json login{{"op", "loginRoom"}, {"room", "r1"}, {"user", "u1"}};
  if (token != "none") {
    login["token"] = {{"expire", kStart + (token == "expired" ? -1 : 600)},
                      {"user", token == "other_user" ? "u2" : "u1"},
                      {"version", "03"}};
  }
  const Json out =
      run(scenario(zego_express("android", version, mode, "03"), Json::array({create, login})));
  if (sign == "none" && !token_mode) {
    RC_ASSERT(member(result_of(out, 0), "reason") == "token_auth_unavailable");
    RC_ASSERT(member(result_of(out, 1), "reason") == "no_engine");
    return;
  }
  RC_ASSERT(result_of(out, 0)["ok"] == true);
  const bool forced = mode == "forced_token";
  const bool token_ok = token == "valid", sign_ok = !forced && sign == "valid";
  const bool passes = forced || sign == "none" ? token_ok
                      : token == "none"        ? sign_ok
                      : token_mode             ? token_ok || sign_ok
                                               : token_ok && sign_ok;
  const Json& r = result_of(out, 1);
  RC_ASSERT(r["ok"] == passes);
  if (!passes) {
    const std::string want = token == "expired"         ? "expired"
                             : token == "other_user"    ? "user_id_mismatch"
                             : forced && sign != "none" ? "appsign_refused"
                             : sign == "invalid"        ? "appsign_invalid"
                                                        : "token_missing";
    RC_ASSERT(member(r, "reason") == want);
  }
  RC_TAG(token_mode ? "token auth mode" : "before it");
}

// ZEGO-AUTH-APPSIGN-NO-EXPIRY (inferred): when a valid AppSign let the user in (no
// forced Token), the token's expiry neither kicks out nor fails a publish.
RC_GTEST_PROP(ZegoRules, AValidAppSignOutlivesTheToken, ()) {
  const std::int64_t e = *rc::gen::inRange(31, 1000);
  const Json out =
      run(scenario(zego_express(*rc::gen::element<std::string>("ios", "windows"), "2.20.0",
                                "token_appsign", "04", true),
                   Json::array({{{"op", "createEngine"}, {"app_sign", "valid"}},
                                {{"op", "loginRoom"},
                                 {"room", "r1"},
                                 {"user", "u1"},
                                 {"token", {{"expire", kStart + e}, {"user", "u1"}}}},
                                {{"op", "advance"}, {"at", kStart + e + 5}},
                                {{"op", "startPublishingStream"}, {"stream", "s1"}}})));
  for (const Json& o : out) RC_ASSERT(o["kind"] != "kicked_out");
  RC_ASSERT(result_of(out, 3)["ok"] == true);
}

// ZEGO-AUTH-APPSIGN-TOKEN (seed 002 dates the Token auth mode, and with it "只要其中
// 一个校验通过", from 2.17.0; seed 000's expiry rules are for 2.8.0 on): before 2.17.0
// a valid AppSign does not outlive the token it logged in with: at the expiry the
// next publish fails (2.8.0-2.12.x, or the switch off) or the user is kicked out.
RC_GTEST_PROP(ZegoRules, BeforeTheTokenModeTheTokenStillExpires, ()) {
  const int minor = *rc::gen::inRange(8, 17), patch = *rc::gen::inRange(0, 10);
  const std::string version = version_text(2, minor, patch);
  const bool switch_on = *rc::gen::arbitrary<bool>();
  const std::int64_t e = *rc::gen::inRange(31, 1000);
  const Json out = run(
      scenario(zego_express(*rc::gen::element<std::string>("ios", "android", "macos", "windows"),
                            version, "token_appsign", "03", switch_on),
               Json::array({{{"op", "createEngine"}, {"app_sign", "valid"}},
                            {{"op", "loginRoom"},
                             {"room", "r1"},
                             {"user", "u1"},
                             {"token", {{"expire", kStart + e}, {"user", "u1"}}}},
                            {{"op", "advance"}, {"at", kStart + e}},
                            {{"op", "startPublishingStream"}, {"stream", "s1"}}})));
  RC_ASSERT(result_of(out, 1)["ok"] == true);
  const bool kick = switch_on && minor >= 13;
  bool kicked = false;
  for (const Json& o : out) kicked = kicked || o["kind"] == "kicked_out";
  RC_ASSERT(kicked == kick);
  RC_ASSERT(member(result_of(out, 3), "reason") == (kick ? "not_logged_in" : "expired"));
}

// ZEGO-SWITCH-AT-EXPIRY (inferred): the expiry-management switch is read when the
// token expires, whatever it was at login.
RC_GTEST_PROP(ZegoRules, TheSwitchIsReadAtTheExpiry, ()) {
  const bool at_login = *rc::gen::arbitrary<bool>();
  const bool at_expiry = *rc::gen::arbitrary<bool>();
  const std::int64_t e = *rc::gen::inRange(40, 1000);
  const std::int64_t change = *rc::gen::inRange<std::int64_t>(1, e);
  const Json out = run(scenario(zego_express("ios", "2.13.0", "token_appsign", "03", at_login),
                                Json::array({{{"op", "createEngine"}, {"app_sign", "valid"}},
                                             {{"op", "loginRoom"},
                                              {"room", "r1"},
                                              {"user", "u1"},
                                              {"token", {{"expire", kStart + e}, {"user", "u1"}}}},
                                             {{"op", "set_server_switch"},
                                              {"at", kStart + change},
                                              {"name", "privilege_expiry_management"},
                                              {"value", at_expiry}},
                                             {{"op", "advance"}, {"at", kStart + e}}})));
  bool kicked = false;
  for (const Json& o : out) kicked = kicked || o["kind"] == "kicked_out";
  RC_ASSERT(kicked == at_expiry);
}

// ZEGO-PRIVILEGE, ZEGO-RENEW-NEXT-PUBLISH (token-formats.md ZEGO §1.3, §4): a publish
// follows the publish privilege of the token held at that moment; a renew never
// stops a stream already publishing.
RC_GTEST_PROP(ZegoRules, PublishFollowsTheCurrentPublishPrivilege, ()) {
  const bool first = *rc::gen::arbitrary<bool>(), second = *rc::gen::arbitrary<bool>();
  auto token = [](bool publish, std::int64_t e) {
    return Json{{"expire", kStart + e}, {"user", "u1"}, {"privileges", {{"publish", publish}}}};
  };
  const Json out = run(scenario(
      zego_express("android", "2.17.0", "token", "04"),
      Json::array(
          {{{"op", "createEngine"}},
           {{"op", "loginRoom"}, {"room", "r1"}, {"user", "u1"}, {"token", token(first, 600)}},
           {{"op", "startPublishingStream"}, {"stream", "s1"}},
           {{"op", "renewToken"}, {"token", token(second, 900)}},
           {{"op", "startPublishingStream"}, {"stream", "s2"}}})));
  RC_ASSERT(result_of(out, 2)["ok"] == first);
  RC_ASSERT(result_of(out, 4)["ok"] == second);
  if (!second) RC_ASSERT(member(result_of(out, 4), "reason") == "privilege_missing");
  for (const Json& o : out) RC_ASSERT(o["kind"] != "stream_stopped");
}

// ZEGO-LOGIN-CODES (token-formats.md ZEGO §4): a refused login reports the room-login
// code of its condition, never a publish (1003072) or play (1004003) code.
RC_GTEST_PROP(ZegoRules, LoginFailuresCarryLoginCodesOnly, ()) {
  const int fault = *rc::gen::inRange(0, 6);
  Json token{{"expire", kStart + 600}, {"user", "u1"}};
  if (fault == 0) token["expire"] = kStart - 1;
  if (fault == 1) token["user"] = "u2";
  if (fault == 2) token["secret_generation"] = 2;
  if (fault == 3) token = {{"malformed", true}};
  if (fault == 4) token["room"] = "r2";
  if (fault == 5) token["app_id"] = "99";
  Json profile = zego_express("ios", "2.17.0", "token", "04");
  profile["app_id"] = 1;
  const Json out = run(scenario(
      profile,
      Json::array({{{"op", "createEngine"}},
                   {{"op", "loginRoom"}, {"room", "r1"}, {"user", "u1"}, {"token", token}}})));
  const Json& r = result_of(out, 1);
  RC_ASSERT(r["ok"] == false);
  RC_ASSERT(!member(r, "codes").empty());
  for (const Json& c : member(r, "codes")) {
    const std::int64_t code = c["code"];
    RC_ASSERT(code / 1000 == 1002);  // 1002xxx: the room (login) module
  }
}

// ZEGO-DOCS-TOKEN-AUTH, ZEGO-DOCS-NOTICE (seed 002): DocsView / SuperBoard init with a
// token from 2.3.0 (DocsView Electron 2.1.6), a token04 only (inferred: their rows in
// sdk_versions.h are token04 rows), at init and at renewToken; the notice has the
// product's name.
RC_GTEST_PROP(ZegoRules, DocsViewAndSuperBoardTokenAuthentication, ()) {
  const std::string product = *rc::gen::element<std::string>("docsview", "superboard");
  const std::string platform = product == "docsview"
                                   ? *rc::gen::element<std::string>("ios", "android", "electron")
                                   : *rc::gen::element<std::string>("ios", "android");
  const int minor = *rc::gen::inRange(0, 6), patch = *rc::gen::inRange(0, 10);
  const std::int64_t e = *rc::gen::inRange(31, 500);
  const std::string tv = *rc::gen::element<std::string>("03", "04");
  const std::string renew_tv = *rc::gen::element<std::string>("03", "04");
  Json init{{"op", "init"},
            {"user", "u1"},
            {"token", {{"expire", kStart + e}, {"user", "u1"}, {"version", tv}}}};
  const std::string room = "room-" + std::to_string(*rc::gen::inRange(0, 1000));
  if (product == "superboard") init["room"] = room;
  const Json renew{{"op", "renewToken"},
                   {"at", kStart + 1},
                   {"token", {{"expire", kStart + e}, {"user", "u1"}, {"version", renew_tv}}}};
  const Json out =
      run(scenario({{"vendor", "zego"},
                    {"product", product},
                    {"platform", platform},
                    {"sdk_version", version_text(2, minor, patch)}},
                   Json::array({init, renew, {{"op", "advance"}, {"at", kStart + e}}})));
  const bool since = platform == "electron" ? at_least(2, minor, patch, 2, 1, 6)
                                            : at_least(2, minor, patch, 2, 3, 0);
  const bool inited = since && tv == "04";
  RC_ASSERT(result_of(out, 0)["ok"] == inited);
  if (!since) RC_ASSERT(member(result_of(out, 0), "reason") == "token_auth_unavailable");
  if (since && tv == "03") RC_ASSERT(member(result_of(out, 0), "reason") == "unsupported_version");
  RC_ASSERT(result_of(out, 1)["ok"] == (inited && renew_tv == "04"));
  if (inited && renew_tv == "03") {
    RC_ASSERT(member(result_of(out, 1), "reason") == "unsupported_version");
  }
  const std::string name = product == "superboard" ? "onRoomTokenWillExpire"
                           : platform == "ios"     ? "tokenWillExpire"
                                                   : "onTokenWillExpire";
  std::vector<std::string> callbacks;
  for (const Json& o : out) {
    if (o["kind"] == "callback") {
      callbacks.push_back(o["name"]);
      // SuperBoard's notice is Express's, with its roomID; DocsView's has no room.
      if (product == "superboard") {
        RC_ASSERT(member(o, "room_id") == room);
      } else {
        RC_ASSERT(!o.contains("room_id"));
      }
    }
    const bool quiet = o["kind"] == "result" || o["kind"] == "callback";
    RC_ASSERT(quiet);  // ZEGO-DOCS-EXPIRY: nothing but results and the notice
  }
  RC_ASSERT(callbacks == (inited ? std::vector<std::string>{name} : std::vector<std::string>{}));
}

// ZEGO-CALL-ORDER (inferred): loginRoom needs createEngine; one engine, one login.
RC_GTEST_PROP(ZegoRules, CallOrder, ()) {
  const int engines = *rc::gen::inRange(0, 3), logins = *rc::gen::inRange(1, 4);
  Json events = Json::array();
  for (int i = 0; i < engines; ++i) events.push_back({{"op", "createEngine"}});
  for (int i = 0; i < logins; ++i) {
    events.push_back({{"op", "loginRoom"},
                      {"room", "r1"},
                      {"user", "u1"},
                      {"token", {{"expire", kStart + 600}, {"user", "u1"}}}});
  }
  const Json out = run(scenario(zego_express("macos", "2.17.0", "token", "04"), events));
  for (int i = 0; i < engines; ++i) {
    RC_ASSERT(result_of(out, i)["ok"] == (i == 0));
    if (i > 0) RC_ASSERT(member(result_of(out, i), "reason") == "engine_exists");
  }
  for (int i = 0; i < logins; ++i) {
    const Json& r = result_of(out, engines + i);
    if (engines == 0) {
      RC_ASSERT(member(r, "reason") == "no_engine");
    } else {
      RC_ASSERT(r["ok"] == (i == 0));
      if (i > 0) RC_ASSERT(member(r, "reason") == "already_logged_in");
    }
  }
}

// ZEGO-CALL-ORDER (inferred; issue 11, finding 8): every Express call but
// createEngine needs the engine: before it, each is no_engine (renewToken below
// 2.8.0 is api_unavailable: the method does not exist); after it, none is.
RC_GTEST_PROP(ZegoRules, EveryCallBeforeCreateEngineIsNoEngine, ()) {
  const std::string version = *rc::gen::element<std::string>("2.7.9", "2.8.0", "2.13.0", "2.17.0");
  const bool renew_exists = version != "2.7.9";
  const Json token{{"expire", kStart + 600}, {"user", "u1"}, {"version", "03"}};
  const std::vector<Json> kCalls = {
      {{"op", "loginRoom"}, {"room", "r1"}, {"user", "u1"}, {"token", token}},
      {{"op", "renewToken"}, {"token", token}},
      {{"op", "startPublishingStream"}, {"stream", "s1"}},
      {{"op", "startPlayingStream"}, {"stream", "p1"}},
      {{"op", "stopPublishingStream"}, {"stream", "s1"}},
      {{"op", "stopPlayingStream"}, {"stream", "p1"}},
      {{"op", "logoutRoom"}}};
  const auto picks = *rc::gen::nonEmpty(rc::gen::container<std::vector<std::size_t>>(
      rc::gen::inRange<std::size_t>(0, kCalls.size())));
  Json events = Json::array();
  for (std::size_t i : picks) events.push_back(kCalls[i]);
  const Json profile = zego_express("ios", version, zego_token_session_mode("ios", version), "03");
  events.push_back(zego_create_engine(profile));
  for (std::size_t i : picks) events.push_back(kCalls[i]);
  const Json out = run(scenario(profile, events));
  for (std::size_t k = 0; k < events.size(); ++k) {
    const Json& r = result_of(out, static_cast<int>(k));
    const bool before = k < picks.size();
    const bool renew = events[k]["op"] == "renewToken";
    if (renew && !renew_exists) {
      RC_ASSERT(member(r, "reason") == "api_unavailable");
    } else if (before) {
      RC_ASSERT(member(r, "reason") == "no_engine");
    } else {
      RC_ASSERT(member(r, "reason") != "no_engine");
    }
  }
}

// ZEGO-AUTH-APPSIGN-NO-TOKEN (seed 002: AppSign authentication passes the AppSign
// at createEngine, "AppSign 没有过期机制"; issue 11, finding 8): a session logged in
// by the AppSign without a token has no token: renewToken is refused with no_token
// and changes nothing; no notice, no expiry, publishing keeps working.
RC_GTEST_PROP(ZegoRules, AnAppSignOnlySessionHasNoToken, ()) {
  const std::string mode = *rc::gen::element<std::string>("appsign", "token_appsign");
  const std::string version = *rc::gen::element<std::string>("2.8.0", "2.13.0", "2.17.0", "3.1.0");
  const std::string platform = *rc::gen::element<std::string>("ios", "android", "macos", "windows");
  const bool switch_on = *rc::gen::arbitrary<bool>();
  const std::int64_t e = *rc::gen::inRange(1, 400);
  const std::int64_t renew_at = *rc::gen::inRange<std::int64_t>(0, e);
  const Json token{{"expire", kStart + e},
                   {"user", *rc::gen::element<std::string>("u1", "u2")},
                   {"version", "03"}};
  const Json out =
      run(scenario(zego_express(platform, version, mode, "03", switch_on),
                   Json::array({{{"op", "createEngine"}, {"app_sign", "valid"}},
                                {{"op", "loginRoom"}, {"room", "r1"}, {"user", "u1"}},
                                {{"op", "renewToken"}, {"at", kStart + renew_at}, {"token", token}},
                                {{"op", "advance"}, {"at", kStart + e + 10}},
                                {{"op", "startPublishingStream"}, {"stream", "s1"}}})));
  RC_ASSERT(out.size() == 4u);  // four results, nothing else
  RC_ASSERT(result_of(out, 1)["ok"] == true);
  RC_ASSERT(member(result_of(out, 2), "reason") == "no_token");
  RC_ASSERT(member(result_of(out, 2), "codes") == Json::array());
  RC_ASSERT(result_of(out, 4)["ok"] == true);
}

// --- Agora --------------------------------------------------------------------------

// AGORA-CERT-NO-TOKEN, AGORA-NO-CERT-TOKEN, AGORA-NO-CERT-NO-TOKEN, AGORA-JOIN-VERIFY
// (seed 001): the certificate / token combination and the token's fault decide the
// join and its code.
RC_GTEST_PROP(AgoraRules, JoinCodesPerPlatform, ()) {
  const std::string platform = *rc::gen::element<std::string>("native", "objc", "web");
  const bool certificate = *rc::gen::arbitrary<bool>();
  const int token = *rc::gen::inRange(0, 5);  // 0 none, 1 valid, 2 expired, 3 channel, 4 uid
  Json join{{"op", "joinChannel"}, {"channel", "c1"}, {"uid", 7}};
  if (token > 0) {  // a token for the int uid 7 (or 8), as the join's (AGORA-UID-TYPE)
    join["token"] = {{"expire", kStart + (token == 2 ? 0 : 600)},
                     {"channel", token == 3 ? "c2" : "c1"},
                     {"uid", token == 4 ? 8 : 7}};
  }
  const Json out = run(scenario({{"vendor", "agora"},
                                 {"product", "rtc"},
                                 {"platform", platform},
                                 {"certificate", certificate}},
                                Json::array({join})));
  const Json& r = result_of(out, 0);
  const bool web = platform == "web";
  const std::string invalid = platform == "native" ? "ERR_INVALID_TOKEN"
                              : platform == "objc" ? "AgoraErrorCodeInvalidToken"
                                                   : "ERR_NO_AUTHORIZED";
  if (certificate && token == 0) {
    RC_ASSERT(member(r, "reason") == "token_missing");
    RC_ASSERT(member(r, "codes")[0]["code"] == (web ? 120 : 110));
  } else if (!certificate && token > 0) {
    RC_ASSERT(member(r, "reason") == "token_unexpected");
    RC_ASSERT(member(r, "codes")[0]["code"] == (web ? 119 : 110));
  } else if (!certificate || token == 1) {
    RC_ASSERT(r["ok"] == true);
  } else if (token == 2) {
    RC_ASSERT(member(r, "reason") == "expired");
    RC_ASSERT(member(r, "codes")[0]["code"] == 109);
    if (web) RC_ASSERT(member(r, "codes").size() == 3u);  // 109, 118, 2
  } else {
    RC_ASSERT(member(r, "reason") == (token == 3 ? "channel_mismatch" : "uid_mismatch"));
    RC_ASSERT(judged(member(r, "codes")) == one_code(platform, 110, invalid));
  }
}

// AGORA-INIT-APP-ID (seed 001 §101: ERR_INVALID_APP_ID(101) "在初始化 Agora 服务时" and
// at joinChannel; Web ERR_INVALID_VENDOR_KEY(101); an App ID is 32 hex characters,
// token-formats.md §0): an App ID that is not 32 hex characters, or not a string,
// fails initialize and every joinChannel with 101, whatever the certificate and the
// token; a valid one never does, and a second initialize is already_initialized.
RC_GTEST_PROP(AgoraRules, AnInvalidAppIdFailsInitializeAndJoinWith101, ()) {
  const std::string platform = *rc::gen::element<std::string>("native", "objc", "web");
  const bool certificate = *rc::gen::arbitrary<bool>();
  const bool with_token = *rc::gen::arbitrary<bool>();
  const bool init_first = *rc::gen::arbitrary<bool>();
  const std::string hex = "0123456789abcdefABCDEF";
  std::string id = *rc::gen::container<std::string>(32, rc::gen::elementOf(hex));
  // 0 valid, 1 one character not hex, 2 too short, 3 too long, 4 a number
  const int fault = *rc::gen::inRange(0, 5);
  Json app_id = id;
  if (fault == 1) {
    id[*rc::gen::inRange<std::size_t>(0, 32)] = *rc::gen::element('g', 'z', '-', ' ', 'G');
    app_id = id;
  } else if (fault == 2) {
    app_id = id.substr(0, *rc::gen::inRange<std::size_t>(0, 32));
  } else if (fault == 3) {
    app_id = id + *rc::gen::container<std::string>(*rc::gen::inRange<std::size_t>(1, 4),
                                                   rc::gen::elementOf(hex));
  } else if (fault == 4) {
    app_id = *rc::gen::inRange<std::int64_t>(0, 1000000);
  }
  Json join{{"op", "joinChannel"}, {"channel", "c1"}, {"uid", "7"}};
  if (with_token) join["token"] = {{"expire", kStart + 600}, {"channel", "c1"}, {"uid", "7"}};
  Json events = Json::array();
  if (init_first) events.push_back({{"op", "initialize"}});
  events.push_back(join);
  events.push_back({{"op", "initialize"}});
  const Json out = run(scenario({{"vendor", "agora"},
                                 {"product", "rtc"},
                                 {"platform", platform},
                                 {"certificate", certificate},
                                 {"app_id", app_id}},
                                events));
  const std::string name = platform == "native" ? "ERR_INVALID_APP_ID"
                           : platform == "objc" ? "AgoraErrorCodeInvalidAppId"
                                                : "ERR_INVALID_VENDOR_KEY";
  const Json refused = one_code(platform, 101, name);
  for (std::size_t k = 0; k < events.size(); ++k) {
    const Json& r = result_of(out, static_cast<int>(k));
    if (fault != 0) {
      RC_ASSERT(member(r, "reason") == "invalid_app_id");
      RC_ASSERT(judged(member(r, "codes")) == refused);
    } else if (k + 1 == events.size()) {
      RC_ASSERT(member(r, "reason") == "already_initialized");  // the join or the first one made it
    } else {
      RC_ASSERT(member(r, "reason") != "invalid_app_id");
      if (events[k]["op"] == "initialize") RC_ASSERT(r["ok"] == true);
    }
  }
}

// AGORA-UID-TYPE (seed 001 §110: the token's user ID and the join's must match "且数据
// 类型也一致"): a claims token for the int uid n never fits the user account of n's
// digits, nor the reverse — uid_mismatch, 110 at join (Web ERR_NO_AUTHORIZED), and
// renewToken's 3 INVALID_TOKEN natively on a renew; the same type fits.
RC_GTEST_PROP(AgoraRules, AnIntUidAndAUserAccountNeverMatch, ()) {
  const std::string platform = *rc::gen::element<std::string>("native", "objc", "web");
  const auto n = *rc::gen::inRange<std::int64_t>(1, 4294967296);
  const bool join_int = *rc::gen::arbitrary<bool>();
  const bool token_int = *rc::gen::arbitrary<bool>();
  const bool renew_int = *rc::gen::arbitrary<bool>();
  auto uid = [n](bool as_int) { return as_int ? Json(n) : Json(std::to_string(n)); };
  auto token = [&](bool as_int, std::int64_t e) {
    return Json{{"expire", kStart + e}, {"channel", "c1"}, {"uid", uid(as_int)}};
  };
  const Json out = run(scenario(
      {{"vendor", "agora"}, {"product", "rtc"}, {"platform", platform}, {"certificate", true}},
      Json::array({{{"op", "joinChannel"},
                    {"channel", "c1"},
                    {"uid", uid(join_int)},
                    {"token", token(token_int, 600)}},
                   {{"op", "joinChannel"},
                    {"channel", "c1"},
                    {"uid", uid(join_int)},
                    {"token", token(join_int, 600)}},
                   {{"op", "renewToken"}, {"token", token(renew_int, 900)}}})));
  const bool web = platform == "web";
  const std::string invalid = platform == "native" ? "ERR_INVALID_TOKEN"
                              : platform == "objc" ? "AgoraErrorCodeInvalidToken"
                                                   : "ERR_NO_AUTHORIZED";
  const Json& first = result_of(out, 0);
  if (join_int == token_int) {
    RC_ASSERT(first["ok"] == true);
    RC_ASSERT(member(result_of(out, 1), "reason") == "already_in_channel");
  } else {
    RC_ASSERT(member(first, "reason") == "uid_mismatch");
    RC_ASSERT(judged(member(first, "codes")) == one_code(platform, 110, invalid));
    RC_ASSERT(result_of(out, 1)["ok"] == true);
  }
  const Json& renew = result_of(out, 2);
  if (renew_int == join_int) {
    RC_ASSERT(renew["ok"] == true);
  } else {
    RC_ASSERT(member(renew, "reason") == "uid_mismatch");
    RC_ASSERT(judged(member(renew, "codes")) ==
              (web ? one_code(platform, 110, invalid) : one_code(platform, 3, "INVALID_TOKEN")));
  }
}

// AGORA-RENEW-CODES (token-formats.md §7, renewToken results 4.6+): a refused renew
// reports 2 / 3 / 4 / 5 natively and the join codes on Web.
RC_GTEST_PROP(AgoraRules, RenewResultCodes, ()) {
  const std::string platform = *rc::gen::element<std::string>("native", "objc", "web");
  const int fault = *rc::gen::inRange(0, 4);  // expired, uid, channel, app id
  Json token{{"expire", kStart + 600}, {"channel", "c1"}, {"uid", "7"}};
  if (fault == 0) token["expire"] = kStart;
  if (fault == 1) token["uid"] = "8";
  if (fault == 2) token["channel"] = "c2";
  if (fault == 3) token["app_id"] = std::string(32, 'b');
  // AGORA-RENEW-CODES-4.6: no version is the current SDK; natively below 4.6 there are
  // no renewToken result codes, so a refused renew reports none.
  Json profile{{"vendor", "agora"},
               {"product", "rtc"},
               {"platform", platform},
               {"certificate", true},
               {"app_id", std::string(32, 'a')}};
  const int minor = *rc::gen::inRange(0, 10);
  const bool versioned = *rc::gen::arbitrary<bool>();
  if (versioned) profile["sdk_version"] = "4." + std::to_string(minor) + ".0";
  const bool no_codes = platform != "web" && versioned && minor < 6;
  const Json out = run(scenario(
      profile,
      Json::array({{{"op", "joinChannel"},
                    {"channel", "c1"},
                    {"uid", "7"},
                    {"token", {{"expire", kStart + 300}, {"channel", "c1"}, {"uid", "7"}}}},
                   {{"op", "renewToken"}, {"token", token}}})));
  const Json& r = result_of(out, 1);
  RC_ASSERT(r["ok"] == false);
  if (no_codes) {
    RC_ASSERT(member(r, "codes") == Json::array());
  } else if (platform == "web") {
    RC_ASSERT(member(r, "codes")[0]["code"] == (fault == 0 ? 109 : 110));
  } else {
    const int want[] = {2, 3, 4, 5};
    RC_ASSERT(judged(member(r, "codes")) == one_code(platform, want[fault],
                                                     fault == 0   ? "TOKEN_EXPIRED"
                                                     : fault == 1 ? "INVALID_TOKEN"
                                                     : fault == 2 ? "INVALID_CHANNEL_NAME"
                                                                  : "INCONSISTENT_APPID"));
  }
}

// AGORA-RENEW-CODES with the certificate off (issue 11, finding 6): seed 001 gives
// 110 ERR_INVALID_TOKEN for a token sent to a project without a certificate only
// "调用 joinChannel 方法加入频道时"; a renewToken then reports renewToken's own result,
// 3 INVALID_TOKEN natively (token-formats.md §7), and Web's join code 119. Whatever
// the token, the user stays in the channel and nothing ever expires.
RC_GTEST_PROP(AgoraRules, RenewWithoutACertificateReportsRenewCodes, ()) {
  const std::string platform = *rc::gen::element<std::string>("native", "objc", "web");
  const std::int64_t renew_at = *rc::gen::inRange(0, 600);
  Json token{{"expire", kStart + *rc::gen::inRange(-100, 900)},
             {"channel", *rc::gen::element<std::string>("c1", "c2")},
             {"uid", *rc::gen::element<std::string>("7", "8")}};
  if (*rc::gen::arbitrary<bool>()) token = {{"malformed", true}};
  const Json out = run(scenario(
      {{"vendor", "agora"}, {"product", "rtc"}, {"platform", platform}, {"certificate", false}},
      Json::array({{{"op", "joinChannel"}, {"channel", "c1"}, {"uid", 7}},
                   {{"op", "renewToken"}, {"at", kStart + renew_at}, {"token", token}},
                   {{"op", "publish"}, {"at", kStart + 1000}, {"stream", "s1"}}})));
  RC_ASSERT(out.size() == 3u);  // three results: no notice, no expiry
  const Json& r = result_of(out, 1);
  RC_ASSERT(member(r, "reason") == "token_unexpected");
  if (platform == "web") {
    RC_ASSERT(judged(member(r, "codes")) == one_code(platform, 119, "ERR_STATIC_USE_DYNAMIC_KEY"));
  } else {
    RC_ASSERT(judged(member(r, "codes")) == one_code(platform, 3, "INVALID_TOKEN"));
  }
  RC_ASSERT(result_of(out, 2)["ok"] == true);
}

// AGORA-ENCODED, BD-ENCODED: a real token built by the codec and its claims twin
// (same expiry, channel / room, uid / user) give the same outputs.
RC_GTEST_PROP(EncodedTokens, BehaveLikeTheirClaims, ()) {
  const int which = *rc::gen::inRange(0, 3);
  const std::int64_t e = *rc::gen::inRange(31, 5000);
  const bool right = *rc::gen::weightedElement<bool>({{3, true}, {1, false}});
  const std::string app = "970CA35de60c44645bbae8a215061b33",
                    cert = "5CFd2fd1755d40ecb72977518be15d3b";
  Json profile, encoded_build, claims, join;
  std::string scheme;
  if (which < 2) {
    profile = {{"vendor", "agora"},   {"product", "rtc"}, {"platform", "native"},
               {"certificate", true}, {"app_id", app},    {"app_certificate", cert}};
    join = {{"op", "joinChannel"}, {"channel", "c1"}, {"uid", "7"}};
    claims = {{"expire", kStart + e}, {"channel", right ? "c1" : "c9"}, {"uid", "7"}};
    if (which == 0) {
      scheme = "agora-006";
      encoded_build = {{"app_id", app},
                       {"app_certificate", cert},
                       {"channel_name", claims["channel"]},
                       {"uid", "7"},
                       {"salt", 1},
                       {"ts", kStart + e},
                       {"privileges", {{"1", 0}}}};
    } else {
      scheme = "agora-007";
      encoded_build = {{"app_id", app},
                       {"app_certificate", cert},
                       {"issue_ts", kStart},
                       {"expire", e},
                       {"salt", 1},
                       {"services",
                        {{{"type", 1},
                          {"privileges", {{"1", 0}}},
                          {"channel_name", claims["channel"]},
                          {"uid", "7"}}}}};
    }
  } else {
    scheme = "volc-001";
    const std::string volc_app = "123456781234567812345678";
    profile = {{"vendor", "bytedance"},
               {"product", "miniprogram_rtc"},
               {"base_library", "2.70.0"},
               {"app_id", volc_app},
               {"app_key", "app key"}};
    join = {{"op", "joinRtcRoom"}, {"room", "r1"}, {"user", "u1"}};
    claims = {{"expire", kStart + e}, {"room", right ? "r1" : "r9"}, {"user", "u1"}};
    encoded_build = {{"app_id", volc_app},     {"app_key", "app key"}, {"room_id", claims["room"]},
                     {"user_id", "u1"},        {"nonce", 1},           {"issued_at", kStart},
                     {"expire_at", kStart + e}};
  }
  const schemes::BuildOutcome built = schemes::find_scheme(scheme)->build(encoded_build);
  RC_ASSERT(built.error.is_null());
  auto with = [&](const Json& token) {
    Json j = join;
    j["token"] = token;
    return run(scenario(profile, Json::array({j, {{"op", "advance"}, {"at", kStart + e + 2}}})));
  };
  RC_ASSERT(with(Json{{"encoded", built.token}}) == with(claims));
}

// --- RongCloud -------------------------------------------------------------------------

// RONG-ROTATE, RONG-REPORT-1X, RONG-REPORT-2X, RONG-EXPIRED, RONG-APPKEY,
// RONG-CONNECTED-UNAFFECTED, RONG-NO-NOTICE, RONG-CALL-ORDER (seed 003;
// docs.rongcloud.cn connect page): a token connects only under the current secret
// generation, unexpired and for this App Key; how the failure reaches the app depends
// on the SDK line and platform; a refresh or an expiry does not drop a live
// connection; there is no notice; a second connect is refused.
RC_GTEST_PROP(RongCloudRules, SecretRotationExpiryAppKeyAndReporting, ()) {
  const std::string platform = *rc::gen::element<std::string>("android", "ios", "web");
  const bool v1 = *rc::gen::arbitrary<bool>();
  const int rotations = *rc::gen::inRange(0, 4);
  const int generation = *rc::gen::inRange(1, 5);
  const bool expired = *rc::gen::weightedElement<bool>({{3, false}, {1, true}});
  const bool other_key = *rc::gen::weightedElement<bool>({{3, false}, {1, true}});
  Json events =
      Json::array({{{"op", "connect"}, {"token", {{"user", "u1"}, {"expire", kStart + 50}}}},
                   {{"op", "connect"}, {"token", {{"user", "u1"}}}}});
  for (int i = 0; i < rotations; ++i) events.push_back({{"op", "rotate_secret"}});
  events.push_back({{"op", "advance"}, {"seconds", 100}});
  events.push_back({{"op", "disconnect"}});
  const std::string user = "user-" + std::to_string(*rc::gen::inRange(0, 100));
  Json last{{"user", user}, {"secret_generation", generation}};
  if (expired) last["expire"] = kStart + 99;
  if (other_key) last["app_key"] = "k2";
  events.push_back({{"op", "connect"}, {"token", last}});
  const Json out = run(scenario({{"vendor", "rongcloud"},
                                 {"product", "im"},
                                 {"platform", platform},
                                 {"sdk_version", v1 ? "1.3.2" : "2.9.0"},
                                 {"app_key", "k1"}},
                                events));
  RC_ASSERT(out.size() == 4u);  // connect, connect, disconnect, connect: nothing else ever
  RC_ASSERT(out[0]["ok"] == true);
  RC_ASSERT(member(out[0], "user_id") == "u1");  // RONG-CONNECT-USER
  RC_ASSERT(member(out[1], "reason") == "already_connected");
  const Json& r = out[3];
  const std::string want = generation != rotations + 1 ? "bad_signature"
                           : other_key                 ? "app_id_mismatch"
                           : expired                   ? "expired"
                                                       : "";
  RC_ASSERT(r["ok"] == want.empty());
  // The success callback carries the user id; a refusal carries none.
  RC_ASSERT(member(r, "user_id") == (want.empty() ? Json(user) : Json()));
  if (!want.empty()) {
    RC_ASSERT(member(r, "reason") == want);
    const std::string via = v1                      ? "error_code"
                            : platform == "android" ? "onError"
                            : platform == "ios"     ? "error"
                                                    : "onTokenIncorrect";
    RC_ASSERT(r["via"] == via);
    RC_ASSERT(member(r, "codes").size() == (!v1 && platform == "web" ? 0u : 1u));
  }
}

// RONG-NET-RECONNECT, RONG-NET-WEB-2.6: a live connection that loses the network
// reports network_unavailable; when it comes back the SDK (not Web below 2.6.0)
// reconnects with its token, judged at that second: a refresh or an expiry meanwhile
// ends it with token_incorrect. RONG-NET-WAIT, RONG-NET-TIMEOUT: a connect made
// without a network is judged when the network returns, unless iOS 2.x's timeLimit
// ran out first (RC_CONNECT_TIMEOUT 34006, timers before events at the same second).
RC_GTEST_PROP(RongCloudRules, NetworkWaitTimeoutAndReconnect, ()) {
  const std::string platform = *rc::gen::element<std::string>("android", "ios", "web");
  const std::string version = *rc::gen::element<std::string>("1.4.0", "2.5.2", "2.6.0", "2.10.3");
  const Json profile{{"vendor", "rongcloud"},
                     {"product", "im"},
                     {"platform", platform},
                     {"sdk_version", version},
                     {"app_key", "k1"}};
  const bool reconnects = platform != "web" || version == "2.6.0" || version == "2.10.3";
  const std::int64_t down = *rc::gen::inRange(1, 100);
  const std::int64_t up = down + *rc::gen::inRange(1, 100);
  const bool rotated = *rc::gen::weightedElement<bool>({{2, false}, {1, true}});
  const std::optional<std::int64_t> expire = *rc::gen::weightedOneOf<std::optional<std::int64_t>>(
      {{1, rc::gen::just(std::optional<std::int64_t>())},
       {2, rc::gen::map(rc::gen::inRange<std::int64_t>(down + 1, up + 100),
                        [](std::int64_t t) { return std::optional<std::int64_t>(t); })}});
  Json token{{"user", "u1"}};
  if (expire) token["expire"] = kStart + *expire;
  Json events = Json::array({{{"op", "connect"}, {"token", token}}});
  if (rotated) events.push_back({{"op", "rotate_secret"}});
  events.push_back({{"op", "network"}, {"up", false}, {"at", kStart + down}});
  events.push_back({{"op", "network"}, {"up", true}, {"at", kStart + up}});
  events.push_back({{"op", "state"}});
  const Json out = run(scenario(profile, events));
  RC_ASSERT(out[0]["ok"] == true);
  RC_ASSERT(out[1]["at"] == kStart + down);
  RC_ASSERT(out[1]["status"] == "network_unavailable");
  const bool valid_at_up = !rotated && (!expire || up < *expire);
  if (!reconnects) {
    RC_ASSERT(out.size() == 3u);  // nothing at the network's return
    RC_ASSERT(out[2]["connected"] == false);
  } else {
    RC_ASSERT(out.size() == 4u);
    RC_ASSERT(out[2]["at"] == kStart + up);
    RC_ASSERT(out[2]["status"] == (valid_at_up ? "connected" : "token_incorrect"));
    if (!valid_at_up) RC_ASSERT(out[2]["reason"] == (rotated ? "bad_signature" : "expired"));
    RC_ASSERT(out[3]["connected"] == valid_at_up);
  }

  // A connect made while the network is down.
  const bool timed = platform == "ios" && version != "1.4.0";
  const std::int64_t limit = timed ? *rc::gen::inRange(-2, 60) : 0;
  Json connect{{"op", "connect"}, {"token", token}};
  if (timed) connect["time_limit"] = limit;
  Json waiting = Json::array({{{"op", "network"}, {"up", false}}, connect});
  if (rotated) waiting.push_back({{"op", "rotate_secret"}, {"at", kStart + down}});
  waiting.push_back({{"op", "network"}, {"up", true}, {"at", kStart + up}});
  const Json w = run(scenario(profile, waiting));
  RC_ASSERT(w.size() == 1u);  // exactly one result, for the connect (events[1])
  RC_ASSERT(w[0]["event"] == 1);
  if (limit > 0 && limit <= up) {
    RC_ASSERT(w[0]["at"] == kStart + limit);
    RC_ASSERT(w[0]["reason"] == "connect_timeout");
    RC_ASSERT(w[0]["codes"][0]["code"] == 34006);
  } else {
    RC_ASSERT(w[0]["at"] == kStart + up);
    RC_ASSERT(w[0]["ok"] == valid_at_up);
  }
}

// --- ByteDance mini-program ------------------------------------------------------------

// BD-UPDATE-2.68, BD-JOIN, BD-EXIT, BD-CALLBACK-ORDER (seed 004; joinRtcRoom /
// exitRtcRoom pages): below its base-library version an API is missing (no callback
// at all); otherwise every call ends success → complete or fail → complete with the
// same payload.
RC_GTEST_PROP(MiniProgramRules, VersionsAndCallbackOrder, ()) {
  const int minor = *rc::gen::inRange(30, 80), patch = *rc::gen::inRange(0, 10);
  const Vendor v = bytedance_vendor();
  const Json profile{{"vendor", "bytedance"},
                     {"product", "miniprogram_rtc"},
                     {"base_library", version_text(2, minor, patch)}};
  const Json events = *gen_events(v, profile);
  const Json out = run(scenario(profile, events));
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Json& o = out[i];
    if (o["kind"] != "result") continue;
    const std::string call = o["call"];
    const bool exists = call == "updateToken" ? at_least(2, minor, patch, 2, 68, 0)
                                              : at_least(2, minor, patch, 2, 42, 0);
    if (!exists) {
      RC_ASSERT(member(o, "reason") == "api_unavailable");
      const bool no_callback =
          i + 1 == out.size() || out[i + 1]["kind"] != "callback" || !out[i + 1].contains("call");
      RC_ASSERT(no_callback);
      continue;
    }
    RC_ASSERT(i + 2 < out.size());
    const Json& first = out[i + 1];
    const Json& second = out[i + 2];
    RC_ASSERT(first["name"] == (o["ok"] == true ? "success" : "fail"));
    RC_ASSERT(second["name"] == "complete");
    Json a = first, b = second;
    a.erase("name");
    b.erase("name");
    RC_ASSERT(a == b);
    const std::string msg = first["errMsg"];
    RC_ASSERT(msg.rfind(call + (o["ok"] == true ? ":ok" : ":fail"), 0) == 0);
  }
}

// BD-UPDATE-RESULT, BD-UPDATE-PARAM, BD-UPDATE-NOT-JOINED, BD-JOIN-PARAM (seed 004):
// the exact fail payloads.
RC_GTEST_PROP(MiniProgramRules, FailPayloads, ()) {
  const int c = *rc::gen::inRange(0, 4);
  Json events = Json::array();
  if (c != 2) {
    events.push_back({{"op", "joinRtcRoom"},
                      {"room", "r1"},
                      {"user", "u1"},
                      {"token", {{"expire", kStart + 600}, {"room", "r1"}, {"user", "u1"}}}});
  }
  if (c == 0)
    events.push_back({{"op", "updateToken"},
                      {"token", {{"expire", kStart + 600}, {"room", "r2"}, {"user", "u1"}}}});
  if (c == 1) events.push_back({{"op", "updateToken"}});
  if (c == 2)
    events.push_back({{"op", "updateToken"},
                      {"token", {{"expire", kStart + 600}, {"room", "r1"}, {"user", "u1"}}}});
  if (c == 3) events.push_back({{"op", "joinRtcRoom"}, {"room", "r1"}, {"user", "u1"}});
  const Json out = run(scenario(
      {{"vendor", "bytedance"}, {"product", "miniprogram_rtc"}, {"base_library", "2.68.0"}},
      events));
  const Json& fail = out[out.size() - 2];
  RC_ASSERT(fail["name"] == "fail");
  if (c == 0) {
    RC_ASSERT(fail["errMsg"] == "updateToken:fail invalid token");
    RC_ASSERT(fail["errNo"] == 21101);
    RC_ASSERT(fail["errorCode"] == 115902);
  } else if (c == 1 || c == 3) {
    RC_ASSERT(fail["errNo"] == 20000);
    RC_ASSERT(fail["errMsg"].get<std::string>().find(":fail parameter error") != std::string::npos);
  } else {
    RC_ASSERT(fail["errMsg"] == "updateToken:fail not in room");
  }
}

// BD-NO-EXPIRY (token-formats.md §5.2: "expireAt defaults to 0, meaning the token
// never expires"): a token without an expiry never expires, whether the claims omit
// "expire" or give it as 0 (the codec's value; issue 11, finding 3), and whether it
// is joined with or replaces an expiring token before its notice.
RC_GTEST_PROP(MiniProgramRules, ATokenWithoutExpiryNeverExpires, ()) {
  const std::int64_t later = *rc::gen::inRange<std::int64_t>(0, 4000000000LL);
  const bool zero = *rc::gen::arbitrary<bool>();
  const bool by_update = *rc::gen::arbitrary<bool>();
  Json forever{{"room", "r1"}, {"user", "u1"}};
  if (zero) forever["expire"] = 0;
  Json events = Json::array();
  if (by_update) {
    const std::int64_t e = *rc::gen::inRange(40, 400);
    events.push_back({{"op", "joinRtcRoom"},
                      {"room", "r1"},
                      {"user", "u1"},
                      {"token", {{"expire", kStart + e}, {"room", "r1"}, {"user", "u1"}}}});
    events.push_back({{"op", "updateToken"},
                      {"at", kStart + *rc::gen::inRange<std::int64_t>(0, e - 30)},
                      {"token", forever}});
  } else {
    events.push_back({{"op", "joinRtcRoom"}, {"room", "r1"}, {"user", "u1"}, {"token", forever}});
  }
  events.push_back({{"op", "advance"}, {"seconds", later}});
  const Json out = run(scenario(
      {{"vendor", "bytedance"}, {"product", "miniprogram_rtc"}, {"base_library", "2.68.0"}},
      events));
  // Each call: its result, success, complete; nothing else, ever.
  RC_ASSERT(out.size() == 3 * (by_update ? 2u : 1u));
  for (const Json& o : out) {
    RC_ASSERT(o["kind"] != "kicked_out");
    if (o["kind"] == "result") RC_ASSERT(o["ok"] == true);
    if (o["kind"] == "callback") RC_ASSERT(o.contains("call"));  // no notice
  }
  RC_TAG(zero ? "expire 0" : "no expire");
}

// --- Rules every vendor shares ---------------------------------------------------------

// LIFE-EVAL-ORDER (inferred): with several faults, a claims token is refused for the
// first in the order malformed → version → secret → app → room → user → expiry.
RC_GTEST_PROP(SharedRules, ClaimsAreJudgedInTheDocumentedOrder, ()) {
  const bool secret = *rc::gen::arbitrary<bool>(), app = *rc::gen::arbitrary<bool>();
  const bool room = *rc::gen::arbitrary<bool>(), user = *rc::gen::arbitrary<bool>();
  const bool expired = *rc::gen::arbitrary<bool>();
  Json token{{"expire", kStart + (expired ? -1 : 600)},
             {"room", room ? "r9" : "r1"},
             {"user", user ? "u9" : "u1"},
             {"app_id", app ? "2" : "1"},
             {"secret_generation", secret ? 2 : 1}};
  Json profile = zego_express("ios", "2.17.0", "token", "04");
  profile["app_id"] = 1;
  const Json out = run(scenario(
      profile,
      Json::array({{{"op", "createEngine"}},
                   {{"op", "loginRoom"}, {"room", "r1"}, {"user", "u1"}, {"token", token}}})));
  const std::string want = secret    ? "decrypt_failed"
                           : app     ? "app_id_mismatch"
                           : room    ? "room_mismatch"
                           : user    ? "user_id_mismatch"
                           : expired ? "expired"
                                     : "";
  const Json& r = result_of(out, 1);
  const bool as_documented = want.empty() ? r["ok"] == true : member(r, "reason") == want;
  RC_ASSERT(as_documented);
}

// LIFE-TIMERS-FIRST, LIFE-WILL-EXPIRE-LATE (inferred): a call at the very second a
// notice or the expiry is due comes after it; a token accepted with ≤ 30 s left gets
// its notice at once, after the call's result.
RC_GTEST_PROP(SharedRules, TimersFirstAndLateNotices, ()) {
  const std::int64_t e = *rc::gen::inRange(1, 200);
  const std::int64_t call_at = *rc::gen::inRange<std::int64_t>(0, e + 1);
  const Json out = run(scenario(
      {{"vendor", "agora"}, {"product", "rtc"}, {"platform", "native"}, {"certificate", true}},
      Json::array({{{"op", "joinChannel"},
                    {"channel", "c1"},
                    {"uid", "7"},
                    {"token", {{"expire", kStart + e}, {"channel", "c1"}, {"uid", "7"}}}},
                   {{"op", "publish"}, {"at", kStart + call_at}, {"stream", "s"}}})));
  // The join's result, then (≤ 30 s left) its notice at once.
  RC_ASSERT(out[0]["kind"] == "result");
  if (e <= 30) {
    RC_ASSERT(out[1]["kind"] == "callback");
    RC_ASSERT(out[1]["at"] == kStart);
    RC_ASSERT(out[1]["remaining"] == e);
  }
  // Everything due at or before the publish's second precedes its result.
  const Json& last = out.back();
  RC_ASSERT(last["kind"] == "result");
  RC_ASSERT(last["call"] == "publish");
  RC_ASSERT(last["ok"] == (call_at < e));
}

// LIFE-CLOCK-RANGE (inferred; issue 11, finding 8): the clock never passes the last
// second a scenario can name (2^62 - 1). Advances that stay within it run; the
// first advance whose "seconds" would carry the clock past it makes the scenario a
// usage error naming that field (no overflow, no saturation); a negative advance
// leaves the clock where it is.
RC_GTEST_PROP(SharedRules, TheClockStopsAtTheLastSecond, ()) {
  constexpr std::int64_t kLast = 4611686018427387903;  // 2^62 - 1
  const Vendor& v =
      *rc::gen::element(zego_vendor(), agora_vendor(), bytedance_vendor(), rongcloud_vendor());
  const std::int64_t start = *rc::gen::weightedOneOf<std::int64_t>(
      {{3, rc::gen::inRange<std::int64_t>(kLast - 2000, kLast + 1)},
       {1, rc::gen::inRange<std::int64_t>(-kLast - 1, kLast)}});
  const auto steps = *rc::gen::container<std::vector<std::int64_t>>(
      rc::gen::weightedOneOf<std::int64_t>({{4, rc::gen::inRange<std::int64_t>(-100, 1000)},
                                            {1, rc::gen::inRange<std::int64_t>(-kLast - 1, kLast)},
                                            {1, rc::gen::just(std::int64_t{kLast})}}));
  const Json profile = *gen_profile(v);
  Json events = opening(v, profile);
  const std::size_t first = events.size();
  std::optional<std::size_t> refused;
  std::int64_t now = start;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    events.push_back({{"op", "advance"}, {"seconds", steps[i]}});
    if (refused || steps[i] <= 0) continue;
    if (steps[i] > kLast - now) {  // now <= kLast, so no overflow here
      refused = first + i;
    } else {
      now += steps[i];
    }
  }
  Json s = scenario(profile, events);
  s["start"] = start;
  std::string error;
  Json outputs;
  try {
    outputs = run(s);
  } catch (const schemes::UsageError& e) {
    error = e.what();
  }
  if (refused) {
    const std::string field = "events[" + std::to_string(*refused) + "].seconds";
    RC_ASSERT(error.rfind("field \"" + field + "\": ", 0) == 0u);
  } else {
    RC_ASSERT(error.empty());
    for (const Json& o : outputs) RC_ASSERT(o["at"].get<std::int64_t>() <= kLast);
  }
  RC_TAG(refused ? "refused" : "ran");
}

// LIFE-CLOCK-BACKWARDS (inferred): an event stamped before the clock is noted as
// clock_ignored and then runs exactly as if stamped at the clock.
RC_GTEST_PROP(SharedRules, AnEventFromThePastRunsAtTheClock, ()) {
  const Vendor& v = *rc::gen::element(zego_vendor(), agora_vendor(), bytedance_vendor());
  const Json profile = *gen_profile(v);
  const Json events = *gen_events(v, profile);
  const auto at = *rc::gen::inRange<std::size_t>(opening(v, profile).size() + 1, events.size() + 1);
  const std::int64_t back = *rc::gen::inRange<std::int64_t>(1, 10000);
  const Json call = renew_event(v, good_token(v, 300));
  Json stamped = Json::array(), plain = Json::array();
  for (std::size_t i = 0; i <= events.size(); ++i) {
    if (i == at) {
      Json c = call;
      c["at"] = kStart - back;  // before the start, so before any clock
      stamped.push_back(c);
      plain.push_back(call);
    }
    if (i < events.size()) {
      stamped.push_back(events[i]);
      plain.push_back(events[i]);
    }
  }
  Json with_note = run(scenario(profile, stamped));
  Json expected = run(scenario(profile, plain));
  bool noted = false;
  Json without_note = Json::array();
  for (const Json& o : with_note) {
    if (o["kind"] == "clock_ignored" && o["event"] == at) {
      RC_ASSERT(o["requested"] == kStart - back);
      noted = true;
      continue;
    }
    without_note.push_back(o);
  }
  RC_ASSERT(noted);
  RC_ASSERT(without_note == expected);
}

}  // namespace
}  // namespace tokcheck::property
