#include "property/lifecycle_support.h"

#include <cstdio>
#include <string_view>
#include <tuple>

namespace tokcheck::property {

Vendor zego_vendor() {
  return {"zego",
          "loginRoom",
          "renewToken",
          "logoutRoom",
          "startPublishingStream",
          {"onRoomTokenWillExpire", "roomTokenWillExpire"},
          true};
}
Vendor agora_vendor() {
  return {"agora",      "joinChannel",
          "renewToken", "leaveChannel",
          "publish",    {"onTokenPrivilegeWillExpire"},
          true};
}
Vendor bytedance_vendor() {
  return {"bytedance", "joinRtcRoom",         "updateToken", "exitRtcRoom",
          "",          {"onTokenWillExpire"}, false};
}
Vendor rongcloud_vendor() { return {"rongcloud", "connect", "", "disconnect", "", {}, true}; }

Json good_token(const Vendor& v, std::optional<std::int64_t> offset) {
  Json t = Json::object();
  if (offset) t["expire"] = kStart + *offset;
  if (v.name == "agora") {
    t["channel"] = "c1";
    t["uid"] = "7";
  } else {
    t["user"] = "u1";
    if (v.name != "rongcloud") t["room"] = "r1";
  }
  return t;
}

Json bad_token(const Vendor& v, int kind) {
  Json t = good_token(v, 100000);
  switch (kind) {
    case 0:
      t[v.name == "agora" ? "uid" : "user"] = "someone-else";
      break;
    case 1:
      t["expire"] = kStart - 100;
      break;
    case 2:
      t = Json{{"malformed", true}};
      break;
    default:
      t["secret_generation"] = 2;
      break;
  }
  return t;
}

bool zego_has_token_auth_mode(const std::string& platform, const std::string& version) {
  if (platform == "web") return true;
  int part[3] = {0, 0, 0};
  std::sscanf(version.c_str(), "%d.%d.%d", &part[0], &part[1], &part[2]);
  return std::tie(part[0], part[1], part[2]) >= std::make_tuple(2, 17, 0);
}

std::string zego_token_session_mode(const std::string& platform, const std::string& version) {
  return zego_has_token_auth_mode(platform, version) ? "token" : "token_appsign";
}

Json zego_create_engine(const Json& profile) {
  const std::string mode = profile["auth_mode"];
  const bool app_sign = mode == "appsign" || mode == "token_appsign" ||
                        (mode == "forced_token" &&
                         !zego_has_token_auth_mode(profile["platform"], profile["sdk_version"]));
  Json create{{"op", "createEngine"}};
  if (app_sign) create["app_sign"] = "valid";
  return create;
}

Json opening(const Vendor& v, const Json& profile) {
  if (v.name == "zego") return Json::array({zego_create_engine(profile)});
  return Json::array();
}

Json login_event(const Vendor& v, const Json& token) {
  if (v.name == "agora") {
    return {{"op", "joinChannel"}, {"channel", "c1"}, {"uid", "7"}, {"token", token}};
  }
  if (v.name == "zego") {
    return {{"op", "loginRoom"}, {"room", "r1"}, {"user", "u1"}, {"token", token}};
  }
  if (v.name == "bytedance") {
    return {{"op", "joinRtcRoom"}, {"room", "r1"}, {"user", "u1"}, {"token", token}};
  }
  return {{"op", "connect"}, {"token", token}};
}

Json renew_event(const Vendor& v, const Json& token) { return {{"op", v.renew}, {"token", token}}; }

Json publish_event(const Vendor& v, const std::string& stream) {
  return {{"op", v.publish}, {"stream", stream}};
}

rc::Gen<Json> gen_zego_renewable_profile() {
  return rc::gen::apply(
      [](int platform, int version, bool switch_on, bool use03, bool forced) {
        static const char* kPlatforms[] = {"ios", "android", "macos", "windows", "web"};
        static const char* kVersions[] = {"2.8.0",  "2.12.3", "2.13.0", "2.16.9",
                                          "2.17.0", "2.21.1", "3.1.0"};
        const std::string v = kVersions[version];
        const bool has04 = std::string_view(kPlatforms[platform]) == "web" || version >= 4;
        return Json{{"vendor", "zego"},
                    {"product", "express"},
                    {"platform", kPlatforms[platform]},
                    {"sdk_version", v},
                    {"auth_mode", forced ? std::string("forced_token")
                                         : zego_token_session_mode(kPlatforms[platform], v)},
                    {"token_version", use03 || !has04 ? "03" : "04"},
                    {"privilege_expiry_management", switch_on}};
      },
      rc::gen::inRange(0, 5), rc::gen::inRange(0, 7), rc::gen::arbitrary<bool>(),
      rc::gen::arbitrary<bool>(), rc::gen::arbitrary<bool>());
}

rc::Gen<Json> gen_profile(const Vendor& v) {
  if (v.name == "zego") return gen_zego_renewable_profile();
  if (v.name == "agora") {
    return rc::gen::map(rc::gen::element<std::string>("native", "objc", "web"), [](const std::
                                                                                       string& p) {
      return Json{{"vendor", "agora"}, {"product", "rtc"}, {"platform", p}, {"certificate", true}};
    });
  }
  if (v.name == "bytedance") {
    return rc::gen::map(
        rc::gen::element<std::string>("2.68.0", "2.70.1", "3.0.0"), [](const std::string& base) {
          return Json{
              {"vendor", "bytedance"}, {"product", "miniprogram_rtc"}, {"base_library", base}};
        });
  }
  return rc::gen::apply(
      [](const std::string& platform, const std::string& version) {
        return Json{{"vendor", "rongcloud"},
                    {"product", "im"},
                    {"platform", platform},
                    {"sdk_version", version}};
      },
      rc::gen::element<std::string>("android", "ios", "web"),
      rc::gen::element<std::string>("1.4.0", "2.0.0", "2.10.3"));
}

rc::Gen<Json> gen_events(const Vendor& v, const Json& profile) {
  return rc::gen::withSize([v, profile](int size) {
    const int n = 1 + size / 4;
    return rc::gen::map(rc::gen::container<std::vector<std::tuple<int, int, int>>>(
                            static_cast<std::size_t>(n),
                            rc::gen::tuple(rc::gen::inRange(0, 100), rc::gen::inRange(-40, 400),
                                           rc::gen::inRange(0, 4))),
                        [v, profile](const std::vector<std::tuple<int, int, int>>& steps) {
                          Json events = opening(v, profile);
                          std::int64_t t = 0;  // seconds since kStart, as the generator believes
                          events.push_back(login_event(v, good_token(v, 200)));
                          for (const auto& [pick, value, kind] : steps) {
                            if (pick < 35) {  // move the clock, now and then backwards
                              events.push_back({{"op", "advance"}, {"seconds", value / 2}});
                              if (value > 0) t += value / 2;
                            } else if (pick < 55 && !v.renew.empty()) {
                              events.push_back(renew_event(v, good_token(v, t + value)));
                            } else if (pick < 65 && !v.renew.empty()) {
                              events.push_back(renew_event(v, bad_token(v, kind)));
                            } else if (pick < 75) {
                              events.push_back(login_event(v, good_token(v, t + value)));
                            } else if (pick < 85 && !v.publish.empty()) {
                              events.push_back(publish_event(v, "s" + std::to_string(kind)));
                            } else if (pick < 92) {
                              events.push_back({{"op", v.leave}});
                            } else {
                              // An absolute time, in the past when value < 0.
                              events.push_back({{"op", "advance"}, {"at", kStart + t + value / 4}});
                              if (value > 0) t += value / 4;
                            }
                          }
                          return events;
                        });
  });
}

Json scenario(const Json& profile, const Json& events) {
  return Json{{"profile", profile}, {"start", kStart}, {"events", events}};
}

Json run(const Json& s) { return lifecycle::simulate_json(s).at("outputs"); }

bool is_call(const Json& event) {
  const std::string op = event.at("op").get<std::string>();
  return op != "advance" && op != "set_server_switch" && op != "rotate_secret" && op != "network" &&
         op != "state";
}

Json without_event(const Json& outputs, int index) {
  Json out = Json::array();
  bool dropping = false;  // inside the dropped call's result and its callbacks
  for (const Json& o : outputs) {
    const bool result = o["kind"] == "result";
    const bool call_callback = o["kind"] == "callback" && o.contains("call");
    if (result) {
      dropping = o["event"] == index;
    } else if (!call_callback) {
      dropping = false;
    }
    if (dropping) continue;
    Json copy = o;
    copy.erase("event");
    out.push_back(std::move(copy));
  }
  return out;
}

std::optional<std::int64_t> first_failure(const Json& outputs) {
  for (const Json& o : outputs) {
    if (o["kind"] == "kicked_out" || (o["kind"] == "result" && o["ok"] == false)) {
      return o["at"].get<std::int64_t>();
    }
  }
  return std::nullopt;
}

}  // namespace tokcheck::property
