// Properties of the lifecycle engine over random scenarios, one per rule family
// of docs/SEMANTICS.md. Each names the rules it checks.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "property/lifecycle_support.h"

namespace tokcheck::property {
namespace {

const Vendor& pick_vendor(int i) {
  static const Vendor kVendors[] = {zego_vendor(), agora_vendor(), bytedance_vendor(),
                                    rongcloud_vendor()};
  return kVendors[i];
}

// Vendors with a renew call (and a will-expire notice).
rc::Gen<int> renewing_vendor() { return rc::gen::inRange(0, 3); }

std::optional<std::int64_t> expire_of(const Json& token) {
  if (token.is_object() && token.contains("expire")) return token["expire"].get<std::int64_t>();
  return std::nullopt;
}

// LIFE-WILL-EXPIRE-ONCE, LIFE-WILL-EXPIRE-LATE, *-WILL-EXPIRE-30: every notice is for
// the token accepted last, at most once per expiry instant in a session (a login /
// join starts one; leaving or a kick-out ends it), within 30 s of its expiry and
// strictly before it, with at least 1 s left (Volcengine too, although its token
// is still valid at its expire second).
RC_GTEST_PROP(LifecycleNotice, AtMostOncePerTokenNeverAfterExpiryNeverForAReplacedToken, ()) {
  const Vendor& v = pick_vendor(*renewing_vendor());
  const Json profile = *gen_profile(v);
  const Json events = *gen_events(v, profile);
  const Json outputs = run(scenario(profile, events));
  std::optional<std::int64_t> current;  // expiry of the token the session holds
  std::set<std::int64_t> noticed;       // expiry instants noticed in this session
  int notices = 0;
  for (const Json& o : outputs) {
    if (o["kind"] == "result" && o["ok"] == true) {
      const Json& e = events[o["event"].get<std::size_t>()];
      const std::string op = e["op"];
      if (op == v.login) noticed.clear();
      if (op == v.login || op == v.renew) {
        current = expire_of(e["token"]);
      } else if (op == v.leave) {
        current.reset();
        noticed.clear();
      }
    } else if (o["kind"] == "kicked_out") {
      current.reset();
      noticed.clear();
    } else if (o["kind"] == "callback" && v.notice_names.count(o["name"].get<std::string>())) {
      ++notices;
      const std::int64_t at = o["at"], remaining = o["remaining"];
      RC_ASSERT(current.has_value());
      RC_ASSERT(noticed.count(*current) == 0u);
      RC_ASSERT(at + remaining == *current);
      RC_ASSERT(remaining <= 30);
      RC_ASSERT(remaining >= 1);
      noticed.insert(*current);
    }
  }
  RC_TAG(notices > 0 ? "with notices" : "no notice");
}

// LIFE-WILL-EXPIRE-ONCE (issue 11, finding 4): renewing, any number of times, with
// tokens that expire at the same second as the one held (the same token, as an
// app answering the notice from a cache does) never brings a second notice: one
// notice, 30 s before that second.
RC_GTEST_PROP(LifecycleNotice, RenewingWithTheSameExpiryNeverRepeatsTheNotice, ()) {
  const Vendor& v = pick_vendor(*renewing_vendor());
  const Json profile = *gen_profile(v);
  const std::int64_t e = *rc::gen::inRange(31, 400);
  // Half of the renews fall in the last 31 s, where the notice is due or past.
  auto renew_times = *rc::gen::nonEmpty(rc::gen::container<std::vector<std::int64_t>>(
      rc::gen::weightedOneOf<std::int64_t>({{1, rc::gen::inRange<std::int64_t>(0, e)},
                                            {1, rc::gen::inRange<std::int64_t>(e - 31, e)}})));
  std::sort(renew_times.begin(), renew_times.end());
  Json events = opening(v, profile);
  events.push_back(login_event(v, good_token(v, e)));
  for (const std::int64_t t : renew_times) {
    Json token = good_token(v, e);
    // Sometimes another token with the same expiry: one binding no room.
    if (token.contains("room") && *rc::gen::arbitrary<bool>()) token.erase("room");
    Json renew = renew_event(v, token);
    renew["at"] = kStart + t;
    events.push_back(renew);
  }
  events.push_back({{"op", "advance"}, {"at", kStart + e + 5}});
  const Json outputs = run(scenario(profile, events));
  std::vector<std::int64_t> notices;
  for (const Json& o : outputs) {
    if (o["kind"] == "result") RC_ASSERT(o["ok"] == true);
    if (o["kind"] == "callback" && v.notice_names.count(o["name"].get<std::string>())) {
      RC_ASSERT(o["remaining"] == 30);
      notices.push_back(o["at"].get<std::int64_t>() - kStart);
    }
  }
  RC_ASSERT(notices == std::vector<std::int64_t>{e - 30});
  RC_TAG(renew_times.back() > e - 30 ? "renewed after the notice" : "renewed before it only");
}

// LIFE-WILL-EXPIRE-ONCE, BD-EXPIRY-INSTANT (issue 11, finding 3): a Volcengine token
// accepted (join or updateToken) d seconds before its expire_at gets its notice with
// min(d, 30) s left, but none at all when accepted at expire_at itself (d = 0, still
// valid then); the user is removed one second after expire_at either way.
RC_GTEST_PROP(LifecycleNotice, NoMiniProgramNoticeWithNothingLeft, ()) {
  const Vendor v = bytedance_vendor();
  const Json profile = *gen_profile(v);
  const std::int64_t e = *rc::gen::inRange(50, 500);
  const std::int64_t d = *rc::gen::weightedOneOf<std::int64_t>(
      {{1, rc::gen::just<std::int64_t>(0)}, {2, rc::gen::inRange<std::int64_t>(1, 45)}});
  const bool by_update = *rc::gen::arbitrary<bool>();
  Json events = Json::array();
  if (by_update) {
    events.push_back(login_event(v, good_token(v, 100000)));
    Json update = renew_event(v, good_token(v, e));
    update["at"] = kStart + e - d;
    events.push_back(update);
  } else {
    Json join = login_event(v, good_token(v, e));
    join["at"] = kStart + e - d;
    events.push_back(join);
  }
  events.push_back({{"op", "advance"}, {"at", kStart + e + 5}});
  const Json outputs = run(scenario(profile, events));
  std::vector<std::string> seen;  // notices and kick-outs, "at kind remaining"
  for (const Json& o : outputs) {
    if (o["kind"] == "result") RC_ASSERT(o["ok"] == true);
    if (o["kind"] == "kicked_out")
      seen.push_back(std::to_string(o["at"].get<std::int64_t>() - kStart) + " kicked_out");
    if (o["kind"] == "callback" && o.contains("remaining")) {
      seen.push_back(std::to_string(o["at"].get<std::int64_t>() - kStart) + " notice " +
                     std::to_string(o["remaining"].get<std::int64_t>()));
    }
  }
  std::vector<std::string> want;
  if (d >= 1) {
    const std::int64_t left = std::min<std::int64_t>(d, 30);
    want.push_back(std::to_string(e - left) + " notice " + std::to_string(left));
  }
  want.push_back(std::to_string(e + 1) + " kicked_out");
  RC_ASSERT(seen == want);
  RC_TAG(d == 0 ? "accepted at expire_at" : "accepted before");
}

// LIFE-CLOCK, LIFE-CLOCK-BACKWARDS: outputs never go back in time, one run equals
// the next, and every call gets exactly one result, in event order.
RC_GTEST_PROP(LifecycleOrder, OutputsInTimeOrderDeterministicOneResultPerCall, ()) {
  const Vendor& v = pick_vendor(*rc::gen::inRange(0, 4));
  const Json profile = *gen_profile(v);
  const Json s = scenario(profile, *gen_events(v, profile));
  const Json outputs = run(s);
  RC_ASSERT(outputs == run(s));
  std::int64_t last = kStart;
  std::vector<int> result_events;
  for (const Json& o : outputs) {
    RC_ASSERT(o["at"].get<std::int64_t>() >= last);
    last = o["at"];
    if (o["kind"] == "result") result_events.push_back(o["event"]);
  }
  std::vector<int> calls;
  for (std::size_t i = 0; i < s["events"].size(); ++i) {
    if (is_call(s["events"][i])) calls.push_back(static_cast<int>(i));
  }
  RC_ASSERT(result_events == calls);
}

// Login with A, renew at `renew_at` with `renewed`, publish now and then, run to the
// horizon.
Json renew_scenario(const Vendor& v, const Json& profile, std::int64_t a, std::int64_t renew_at,
                    const Json& renewed, const std::vector<int>& publish_at, std::int64_t horizon) {
  Json events = opening(v, profile);
  events.push_back(login_event(v, good_token(v, a)));
  events.push_back({{"op", "advance"}, {"at", kStart + renew_at}});
  events.push_back(renew_event(v, renewed));
  int n = 0;
  for (int t : publish_at) {
    events.push_back({{"op", "advance"}, {"at", kStart + renew_at + t}});
    if (!v.publish.empty()) events.push_back(publish_event(v, "s" + std::to_string(n++)));
  }
  events.push_back({{"op", "advance"}, {"at", kStart + horizon}});
  return scenario(profile, events);
}

// LIFE-RENEW-REPLACES: renewing with a later-expiring valid token never brings a
// kick-out or a failed call forward.
RC_GTEST_PROP(LifecycleRenew, LaterExpiringRenewNeverFailsEarlier, ()) {
  const Vendor& v = pick_vendor(*renewing_vendor());
  const Json profile = *gen_profile(v);
  const std::int64_t a = *rc::gen::inRange(40, 300);
  const std::int64_t renew_at = *rc::gen::inRange<std::int64_t>(0, a);
  const std::int64_t b = renew_at + *rc::gen::inRange(1, 600);
  const std::int64_t later = b + *rc::gen::inRange(1, 600);
  auto publish_at = *rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 1300));
  std::sort(publish_at.begin(), publish_at.end());
  const std::int64_t horizon = renew_at + 1400;
  const auto first = first_failure(
      run(renew_scenario(v, profile, a, renew_at, good_token(v, b), publish_at, horizon)));
  const auto second = first_failure(
      run(renew_scenario(v, profile, a, renew_at, good_token(v, later), publish_at, horizon)));
  if (first) {
    const bool not_earlier = !second.has_value() || *second >= *first;
    RC_ASSERT(not_earlier);
  } else {
    RC_ASSERT(!second);
  }
}

// LIFE-RENEW-TWICE: of two accepted renews, the last one wins: the run is the run
// without the first (before either token's notice is due).
RC_GTEST_PROP(LifecycleRenew, LastAcceptedRenewWins, ()) {
  const Vendor& v = pick_vendor(*renewing_vendor());
  const Json profile = *gen_profile(v);
  const std::int64_t t1 = *rc::gen::inRange(0, 30);
  const std::int64_t t2 = t1 + *rc::gen::inRange(0, 10);
  const std::int64_t a = t2 + *rc::gen::inRange(31, 400);
  const std::int64_t b1 = t2 + *rc::gen::inRange(31, 400);
  const std::int64_t b2 = t2 + *rc::gen::inRange(1, 800);
  Json events = opening(v, profile);
  events.push_back(login_event(v, good_token(v, a)));
  const int first = static_cast<int>(events.size());
  Json renew1 = renew_event(v, good_token(v, b1));
  renew1["at"] = kStart + t1;
  events.push_back(renew1);
  Json renew2 = renew_event(v, good_token(v, b2));
  renew2["at"] = kStart + t2;
  events.push_back(renew2);
  events.push_back({{"op", "advance"}, {"at", kStart + 1300}});
  Json without_first = events;
  without_first[static_cast<std::size_t>(first)] = {{"op", "advance"}, {"at", kStart + t1}};

  const Json both = run(scenario(profile, events));
  for (const Json& o : both) {
    if (o["kind"] == "result") RC_ASSERT(o["ok"] == true);  // both renews accepted
  }
  RC_ASSERT(without_event(both, first) ==
            without_event(run(scenario(profile, without_first)), first));
}

// LIFE-RENEW-INVALID-NOCHANGE: a refused renew changes nothing: the run equals the
// run where the renew never happened, apart from the renew's own result.
RC_GTEST_PROP(LifecycleRenew, InvalidRenewChangesNothing, ()) {
  const Vendor& v = pick_vendor(*renewing_vendor());
  const Json profile = *gen_profile(v);
  const Json events = *gen_events(v, profile);
  const auto at = *rc::gen::inRange<std::size_t>(opening(v, profile).size() + 1, events.size() + 1);
  const int kind = *rc::gen::inRange(0, 4);
  Json with_bad = Json::array(), with_nothing = Json::array();
  for (std::size_t i = 0; i <= events.size(); ++i) {
    if (i == at) {
      with_bad.push_back(renew_event(v, bad_token(v, kind)));
      with_nothing.push_back({{"op", "advance"}, {"seconds", 0}});
    }
    if (i < events.size()) {
      with_bad.push_back(events[i]);
      with_nothing.push_back(events[i]);
    }
  }
  const Json bad_run = run(scenario(profile, with_bad));
  for (const Json& o : bad_run) {
    if (o["kind"] == "result" && o["event"] == at) RC_ASSERT(o["ok"] == false);
  }
  RC_ASSERT(without_event(bad_run, static_cast<int>(at)) ==
            without_event(run(scenario(profile, with_nothing)), static_cast<int>(at)));
}

// What happens at the expiry, from the sources, restated here on its own: the
// outputs due at the expiry second (`at`) and the publish right after it.
struct ExpiryEffect {
  std::vector<std::string> at_expiry;  // "kind name/stream" of each output at the expiry
  std::string publish_after;           // reason of the next publish, "" = none tried
};

std::vector<std::string> kinds_at(const Json& outputs, std::int64_t t) {
  std::vector<std::string> out;
  for (const Json& o : outputs) {
    if (o["at"] != t) continue;
    std::string s = o["kind"];
    if (o.contains("name")) s += " " + o["name"].get<std::string>();
    if (o.contains("stream")) s += " " + o["stream"].get<std::string>();
    if (o["kind"] == "result") s += " " + o["call"].get<std::string>();
    out.push_back(s);
  }
  return out;
}

// ZEGO-EXPIRY-2.8-2.12, ZEGO-EXPIRY-2.13-SWITCH, ZEGO-EXPIRY-2.13-NOSWITCH, ZEGO-WEB,
// ZEGO-WILL-EXPIRE-30, ZEGO-KICK-CODE: for every native platform, version from 2.8.0 and switch
// setting, the expiry has exactly seed 000's effects.
RC_GTEST_PROP(LifecycleVersions, ZegoExpiryHasTheDocumentedEffects, ()) {
  const std::string platform =
      *rc::gen::element<std::string>("ios", "android", "macos", "windows", "web");
  const int major = *rc::gen::inRange(2, 4);
  const int minor = major == 2 ? *rc::gen::inRange(8, 40) : *rc::gen::inRange(0, 20);
  const int patch = *rc::gen::inRange(0, 12);
  const bool switch_on = *rc::gen::arbitrary<bool>();
  const std::string version =
      std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
  const std::int64_t e = *rc::gen::inRange(31, 5000);
  const Json profile{{"vendor", "zego"},
                     {"product", "express"},
                     {"platform", platform},
                     {"sdk_version", version},
                     {"auth_mode", zego_token_session_mode(platform, version)},
                     {"token_version", "03"},
                     {"privilege_expiry_management", switch_on}};
  const Json events = Json::array(
      {zego_create_engine(profile),
       Json{{"op", "loginRoom"},
            {"room", "r1"},
            {"user", "u1"},
            {"token", {{"expire", kStart + e}, {"user", "u1"}}}},
       Json{{"op", "startPublishingStream"}, {"stream", "s1"}},
       Json{{"op", "startPlayingStream"}, {"stream", "p1"}},
       Json{{"op", "advance"}, {"at", kStart + e}},
       Json{{"op", "startPublishingStream"}, {"at", kStart + e + 1}, {"stream", "s2"}}});
  const Json outputs = run(scenario(profile, events));
  // seed 000: ≥ 2.13.0 with the expiry mechanism configured kicks out and stops
  // publishing; 2.8.0-2.12.x, or no configuration, keeps the user and fails the next
  // publish. Web: no such versions are documented, nobody is kicked (ZEGO-WEB).
  const bool kick = platform != "web" && (major > 2 || minor >= 13) && switch_on;
  const std::string notice = platform == "web" ? "roomTokenWillExpire" : "onRoomTokenWillExpire";
  RC_ASSERT(kinds_at(outputs, kStart + e - 30) == std::vector<std::string>{"callback " + notice});
  if (kick) {
    RC_ASSERT(kinds_at(outputs, kStart + e) ==
              (std::vector<std::string>{"kicked_out", "stream_stopped s1"}));
    // ZEGO-KICK-CODE: the kick-out carries onRoomStateChanged's 1002056.
    for (const Json& o : outputs) {
      if (o["kind"] != "kicked_out") continue;
      RC_ASSERT(o["codes"].size() == 1u);
      RC_ASSERT(o["codes"][0]["code"] == 1002056);
      RC_ASSERT(o["codes"][0]["name"] == "RoomTokenExpiredKickedOut");
    }
  } else {
    RC_ASSERT(kinds_at(outputs, kStart + e).empty());
  }
  const Json& last = outputs.back();
  RC_ASSERT(last["call"] == "startPublishingStream");
  RC_ASSERT(last["ok"] == false);
  RC_ASSERT(member(last, "reason") == (kick ? "not_logged_in" : "expired"));
  RC_TAG(kick ? "kicked" : "kept");
}

// AGORA-DID-EXPIRE, BD-EXPIRY-REMOVED, BD-EXPIRY-INSTANT: the other vendors' expiry.
RC_GTEST_PROP(LifecycleVersions, AgoraAndMiniProgramExpiryHaveTheDocumentedEffects, ()) {
  const bool agora = *rc::gen::arbitrary<bool>();
  const Vendor v = agora ? agora_vendor() : bytedance_vendor();
  const Json profile = *gen_profile(v);
  const std::int64_t e = *rc::gen::inRange(31, 5000);
  Json events = Json::array({login_event(v, good_token(v, e))});
  if (agora) events.push_back(publish_event(v, "s1"));
  events.push_back({{"op", "advance"}, {"at", kStart + e + 1}});
  const Json outputs = run(scenario(profile, events));
  if (agora) {
    const bool web = profile["platform"] == "web";
    RC_ASSERT(kinds_at(outputs, kStart + e) ==
              (std::vector<std::string>{
                  web ? "callback onTokenPrivilegeDidExpire" : "callback onRequestToken",
                  "kicked_out", "stream_stopped s1"}));
    RC_ASSERT(kinds_at(outputs, kStart + e + 1).empty());
  } else {  // Volcengine: still valid at its expire second, removed one second later
    RC_ASSERT(kinds_at(outputs, kStart + e).empty());
    RC_ASSERT(kinds_at(outputs, kStart + e + 1) == std::vector<std::string>{"kicked_out"});
  }
}

// ZEGO-ROOM-SCOPED, ZEGO-ROOM-PAYLOAD, ZEGO-ROOM-LOGOUT: with several rooms
// (room_mode "multi"), each room's notice, expiry, kick-out and call results follow
// its own token only. The outputs naming room k in a run with every room's events
// equal those of a run with room k's events alone: renewing, publishing in or
// leaving another room never changes room k's outputs.
RC_GTEST_PROP(LifecycleRooms, EachRoomFollowsOnlyItsOwnToken, ()) {
  static const char* const kPlatforms[] = {"ios", "android", "macos", "windows", "web"};
  const std::string platform = kPlatforms[*rc::gen::inRange(0, 5)];
  const Json profile{{"vendor", "zego"},
                     {"product", "express"},
                     {"platform", platform},
                     {"sdk_version", "2." + std::to_string(*rc::gen::inRange(17, 40)) + ".0"},
                     {"auth_mode", "token"},
                     {"token_version", "04"},
                     {"privilege_expiry_management", *rc::gen::arbitrary<bool>()},
                     {"room_mode", "multi"}};
  const int rooms = *rc::gen::inRange(2, 5);
  auto room_id = [](int k) { return "r" + std::to_string(k); };
  auto token = [&](int k, std::int64_t offset) {
    return Json{{"expire", kStart + offset}, {"room", room_id(k)}, {"user", "u1"}};
  };
  // (room, event) in time order; the logins come first, at the start.
  std::vector<std::pair<int, Json>> timeline;
  for (int k = 0; k < rooms; ++k) {
    timeline.emplace_back(k, Json{{"op", "loginRoom"},
                                  {"room", room_id(k)},
                                  {"user", "u1"},
                                  {"token", token(k, *rc::gen::inRange(31, 2000))}});
  }
  std::int64_t t = 0;
  const int actions = *rc::gen::inRange(0, 12);
  for (int i = 0; i < actions; ++i) {
    t += *rc::gen::inRange(0, 400);
    const int k = *rc::gen::inRange(0, rooms);
    Json e{{"at", kStart + t}, {"room", room_id(k)}};
    switch (*rc::gen::inRange(0, 4)) {
      case 0:
      case 1:  // a renew, sometimes with an already expired token
        e["op"] = "renewToken";
        e["token"] = token(k, t + *rc::gen::inRange(-10, 2000));
        break;
      case 2:
        e["op"] = "startPublishingStream";
        e["stream"] = "s" + std::to_string(k);
        break;
      default:
        e["op"] = "logoutRoom";
        break;
    }
    timeline.emplace_back(k, std::move(e));
  }
  auto events_of = [&](std::optional<int> only) {
    Json events = Json::array({Json{{"op", "createEngine"}}});
    for (const auto& [k, e] : timeline) {
      if (!only || *only == k) events.push_back(e);
    }
    events.push_back({{"op", "advance"}, {"at", kStart + t + 3000}});
    return events;
  };
  // Room k's outputs: those naming it, and its streams stopping; without the
  // event numbers, which differ between the two runs.
  auto outputs_of = [&](const Json& outputs, int k) {
    Json mine = Json::array();
    for (Json o : outputs) {
      const bool named = member(o, "room_id") == room_id(k);
      const bool stream = o["kind"] == "stream_stopped" && o["stream"] == "s" + std::to_string(k);
      if (!named && !stream) continue;
      o.erase("event");
      mine.push_back(std::move(o));
    }
    return mine;
  };
  const Json all = run(scenario(profile, events_of(std::nullopt)));
  for (int k = 0; k < rooms; ++k) {
    const Json alone = run(scenario(profile, events_of(k)));
    RC_ASSERT(outputs_of(all, k) == outputs_of(alone, k));
  }
  // Every output but createEngine's result names its room (or is a stream's).
  for (const Json& o : all) {
    RC_ASSERT(o["kind"] == "stream_stopped" || member(o, "call") == "createEngine" ||
              member(o, "room_id").is_string());
  }
  RC_TAG(actions == 0 ? "logins only" : "with renews / publishes / logouts");
}

// LIFE-STATE: a state event changes nothing. The same scenario with state events
// inserted anywhere gives the same outputs once the state outputs are dropped and
// the event indices mapped back. And each state answers what the outputs before it
// say: in the session after an accepted login or renew, out after a leave or a
// kick-out (ZEGO single-room: "rooms" empty or not).
bool in_session(const Vendor& v, const Json& state) {
  if (v.name == "zego") return !state["rooms"].empty();
  if (v.name == "agora") return state["in_channel"].get<bool>();
  if (v.name == "bytedance") return state["in_room"].get<bool>();
  return state["connected"].get<bool>();
}

RC_GTEST_PROP(LifecycleState, StateEventsChangeNothingAndAnswerWhatTheOutputsSay, ()) {
  const Vendor& v = pick_vendor(*rc::gen::inRange(0, 4));
  const Json profile = *gen_profile(v);
  const Json events = *gen_events(v, profile);
  auto positions = *rc::gen::container<std::vector<std::size_t>>(
      rc::gen::inRange<std::size_t>(0, events.size() + 1));
  std::sort(positions.begin(), positions.end());
  Json probed_events = Json::array();
  std::vector<int> old_index;  // probed event index -> original index, -1 for a state
  std::size_t next = 0;
  for (std::size_t i = 0; i <= events.size(); ++i) {
    for (; next < positions.size() && positions[next] == i; ++next) {
      probed_events.push_back({{"op", "state"}});
      old_index.push_back(-1);
    }
    if (i < events.size()) {
      probed_events.push_back(events[i]);
      old_index.push_back(static_cast<int>(i));
    }
  }
  const Json plain = run(scenario(profile, events));
  const Json probed = run(scenario(profile, probed_events));
  const bool multi_room = profile.value("room_mode", "single") == "multi";

  Json mapped = Json::array();
  std::size_t states = 0;
  bool in = false;  // what the outputs so far say
  for (Json o : probed) {
    if (o["kind"] == "state") {
      ++states;
      RC_ASSERT(old_index.at(o["event"].get<std::size_t>()) == -1);
      if (!multi_room) RC_ASSERT(in_session(v, o) == in);
      continue;
    }
    if (o.contains("event")) {
      const int original = old_index.at(o["event"].get<std::size_t>());
      RC_ASSERT(original >= 0);
      if (o["kind"] == "result" && o["ok"] == true) {
        const std::string op = events[static_cast<std::size_t>(original)]["op"];
        if (op == v.login || op == v.renew) in = true;
        if (op == v.leave) in = false;
      }
      o["event"] = original;
    }
    if (o["kind"] == "kicked_out") in = false;
    mapped.push_back(std::move(o));
  }
  RC_ASSERT(states == positions.size());
  RC_ASSERT(mapped == plain);
}

}  // namespace
}  // namespace tokcheck::property
