// Stateful properties (rc::state): random command sequences drive the engine one
// event at a time (lifecycle::Simulator) and, next to it, a model of the rules that
// is written here from docs/SEMANTICS.md and shares nothing with the engine. After
// every command the engine's outputs must be the model's, projected to what the
// rules talk about ("at kind call/name reason/remaining/stream").
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <rapidcheck/state.h>

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "property/lifecycle_support.h"

namespace tokcheck::property {
namespace {

std::vector<std::string> project(const Json& outputs) {
  std::vector<std::string> out;
  for (const Json& o : outputs) {
    std::ostringstream s;
    s << (o["at"].get<std::int64_t>() - kStart) << " " << o["kind"].get<std::string>();
    if (o.contains("call")) s << " " << o["call"].get<std::string>();
    if (o.contains("name")) s << " " << o["name"].get<std::string>();
    if (o.contains("ok")) s << (o["ok"] == true ? " ok" : " fail");
    if (o.contains("reason")) s << " " << o["reason"].get<std::string>();
    if (o.contains("remaining")) s << " " << o["remaining"].get<std::int64_t>();
    if (o.contains("stream")) s << " " << o["stream"].get<std::string>();
    if (o.contains("status")) s << " " << o["status"].get<std::string>();
    if (o.contains("connected")) s << " connected=" << (o["connected"] == true ? "yes" : "no");
    if (o.contains("connecting")) s << " connecting=" << (o["connecting"] == true ? "yes" : "no");
    if (o.contains("network")) s << " network=" << o["network"].get<std::string>();
    if (o.contains("in_room")) s << " in_room=" << (o["in_room"] == true ? "yes" : "no");
    if (o.contains("user_id")) s << " user=" << o["user_id"].get<std::string>();
    out.push_back(s.str());
  }
  return out;
}

std::string line(std::int64_t t, const std::string& rest) { return std::to_string(t) + " " + rest; }

// The engine under test, one event at a time (every model drives the same one).
struct EngineSut {
  lifecycle::Simulator sim;
  int index = 0;
  std::vector<std::string> apply(const Json& event) { return project(sim.apply(event, index++)); }
};

// Every command's run(): the engine's outputs for `event` are what `command` makes
// the model expect from state `m`.
template <typename Model>
void expect_as_modelled(const rc::state::Command<Model, EngineSut>& command, const Model& m,
                        EngineSut& sut, const Json& event) {
  Model next = m;
  command.apply(next);
  RC_ASSERT(sut.apply(event) == next.expected);
}

// ---------------------------------------------------------------------------------
// ZEGO Express, token authentication (seed 000): notice 30 s before the expiry;
// at the expiry a kick-out (≥ 2.13.0 with the switch) or a quiet expiry after which
// publishing fails; renewToken replaces the token. The notice fires once per expiry
// instant in a login (LIFE-WILL-EXPIRE-ONCE): renewing to an instant already
// noticed brings no second one.
// ---------------------------------------------------------------------------------
struct ZegoModel {
  std::int64_t now = 0;  // seconds since kStart
  bool kick = false;     // version ≥ 2.13.0 and the switch on
  bool logged_in = false;
  std::optional<std::int64_t> expire;
  bool noticed = false;
  std::set<std::int64_t> noticed_instants;  // in this login
  bool expired = false;
  std::vector<std::string> publishing;
  std::vector<std::string> expected;  // what the last command should have produced

  void notice_and_expiry_until(std::int64_t t) {
    if (logged_in && expire && !expired) {
      if (!noticed && *expire - 30 <= t) {
        const std::int64_t when = std::max(now, *expire - 30);
        expected.push_back(
            line(when, "callback onRoomTokenWillExpire " + std::to_string(*expire - when)));
        noticed = true;
        noticed_instants.insert(*expire);
      }
      if (*expire <= t) {
        expired = true;
        if (kick) {
          expected.push_back(line(*expire, "kicked_out token_expired"));
          for (const auto& s : publishing)
            expected.push_back(line(*expire, "stream_stopped token_expired " + s));
          publishing.clear();
          logged_in = false;
          expire.reset();
        }
      }
    }
    now = std::max(now, t);
  }
};

Json zego_token(std::int64_t expire, bool right_user) {
  return {{"expire", kStart + expire}, {"user", right_user ? "u1" : "u2"}};
}

using ZegoCommand = rc::state::Command<ZegoModel, EngineSut>;

struct ZegoLogin : ZegoCommand {
  std::int64_t ttl = *rc::gen::inRange(-20, 300);
  bool right_user = *rc::gen::weightedElement<bool>({{5, true}, {1, false}});
  void apply(ZegoModel& m) const override {
    m.expected.clear();
    const std::string call = "loginRoom";
    if (m.logged_in) {
      m.expected.push_back(line(m.now, "result " + call + " fail already_logged_in"));
    } else if (!right_user) {
      m.expected.push_back(line(m.now, "result " + call + " fail user_id_mismatch"));
    } else if (ttl <= 0) {
      m.expected.push_back(line(m.now, "result " + call + " fail expired"));
    } else {
      m.logged_in = true;
      m.expire = m.now + ttl;
      m.noticed = m.expired = false;
      m.noticed_instants.clear();
      m.publishing.clear();
      m.expected.push_back(line(m.now, "result " + call + " ok"));
      m.notice_and_expiry_until(m.now);
    }
  }
  void run(const ZegoModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut,
                       {{"op", "loginRoom"},
                        {"room", "r1"},
                        {"user", "u1"},
                        {"token", zego_token(m.now + ttl, right_user)}});
  }
  void show(std::ostream& os) const override {
    os << "loginRoom(ttl=" << ttl << (right_user ? "" : ", other user") << ")";
  }
};

struct ZegoRenew : ZegoCommand {
  std::int64_t ttl = *rc::gen::inRange(-20, 300);
  bool right_user = *rc::gen::weightedElement<bool>({{5, true}, {1, false}});
  void apply(ZegoModel& m) const override {
    m.expected.clear();
    if (!m.logged_in) {
      m.expected.push_back(line(m.now, "result renewToken fail not_logged_in"));
    } else if (!right_user) {
      m.expected.push_back(line(m.now, "result renewToken fail user_id_mismatch"));
    } else if (ttl <= 0) {
      m.expected.push_back(line(m.now, "result renewToken fail expired"));
    } else {
      m.expire = m.now + ttl;
      m.expired = false;
      m.noticed = m.noticed_instants.count(*m.expire) > 0;
      m.expected.push_back(line(m.now, "result renewToken ok"));
      m.notice_and_expiry_until(m.now);
    }
  }
  void run(const ZegoModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut,
                       {{"op", "renewToken"}, {"token", zego_token(m.now + ttl, right_user)}});
  }
  void show(std::ostream& os) const override {
    os << "renewToken(ttl=" << ttl << (right_user ? "" : ", other user") << ")";
  }
};

struct ZegoPublish : ZegoCommand {
  std::string stream = *rc::gen::element<std::string>("s1", "s2");
  void apply(ZegoModel& m) const override {
    m.expected.clear();
    const std::string call = "result startPublishingStream ";
    if (!m.logged_in) {
      m.expected.push_back(line(m.now, call + "fail not_logged_in"));
    } else if (m.expired) {
      m.expected.push_back(line(m.now, call + "fail expired"));
    } else {
      if (std::find(m.publishing.begin(), m.publishing.end(), stream) == m.publishing.end()) {
        m.publishing.push_back(stream);
      }
      m.expected.push_back(line(m.now, call + "ok"));
    }
  }
  void run(const ZegoModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "startPublishingStream"}, {"stream", stream}});
  }
  void show(std::ostream& os) const override { os << "startPublishingStream(" << stream << ")"; }
};

struct ZegoLogout : ZegoCommand {
  void apply(ZegoModel& m) const override {
    m.expected = {line(m.now, "result logoutRoom ok")};
    m.logged_in = false;
    m.expire.reset();
    m.publishing.clear();
  }
  void run(const ZegoModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "logoutRoom"}});
  }
  void show(std::ostream& os) const override { os << "logoutRoom"; }
};

struct ZegoAdvance : ZegoCommand {
  std::int64_t seconds = *rc::gen::inRange(0, 200);
  void apply(ZegoModel& m) const override {
    m.expected.clear();
    m.notice_and_expiry_until(m.now + seconds);
  }
  void run(const ZegoModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "advance"}, {"seconds", seconds}});
  }
  void show(std::ostream& os) const override { os << "advance(" << seconds << ")"; }
};

RC_GTEST_PROP(LifecycleState, ZegoExpressAgainstItsModel, ()) {
  const std::string platform = *rc::gen::element<std::string>("ios", "android", "macos", "windows");
  const std::string version =
      *rc::gen::element<std::string>("2.8.0", "2.12.3", "2.13.0", "2.16.9", "2.30.1");
  const bool switch_on = *rc::gen::arbitrary<bool>();
  const Json s{{"profile",
                {{"vendor", "zego"},
                 {"product", "express"},
                 {"platform", platform},
                 {"sdk_version", version},
                 {"auth_mode", zego_token_session_mode(platform, version)},
                 {"token_version", "03"},
                 {"privilege_expiry_management", switch_on}}},
               {"start", kStart}};
  EngineSut sut{lifecycle::Simulator(s)};
  RC_ASSERT(sut.apply(zego_create_engine(s["profile"])) ==
            std::vector<std::string>{"0 result createEngine ok"});
  ZegoModel model;
  model.kick = switch_on && version != "2.8.0" && version != "2.12.3";
  rc::state::check(model, sut,
                   rc::state::gen::execOneOfWithArgs<ZegoLogin, ZegoRenew, ZegoPublish, ZegoLogout,
                                                     ZegoAdvance>());
}

// ---------------------------------------------------------------------------------
// Agora RTC with an App Certificate (seed 001): notice 30 s before; at the expiry
// onRequestToken (Web: onTokenPrivilegeDidExpire), the user is out, streams stop;
// renewToken replaces the token, and after the expiry it re-joins.
// ---------------------------------------------------------------------------------
struct AgoraModel {
  std::int64_t now = 0;
  bool web = false;
  enum { kIdle, kJoined, kOut } state = kIdle;
  std::optional<std::int64_t> expire;
  bool noticed = false;
  std::set<std::int64_t> noticed_instants;  // since the join
  std::vector<std::string> streams;
  std::vector<std::string> expected;

  void until(std::int64_t t) {
    if (state == kJoined && expire) {
      if (!noticed && *expire - 30 <= t) {
        const std::int64_t when = std::max(now, *expire - 30);
        expected.push_back(
            line(when, "callback onTokenPrivilegeWillExpire " + std::to_string(*expire - when)));
        noticed = true;
        noticed_instants.insert(*expire);
      }
      if (*expire <= t) {
        expected.push_back(
            line(*expire, web ? "callback onTokenPrivilegeDidExpire" : "callback onRequestToken"));
        expected.push_back(line(*expire, "kicked_out token_expired"));
        for (const auto& s : streams)
          expected.push_back(line(*expire, "stream_stopped token_expired " + s));
        streams.clear();
        state = kOut;
        expire.reset();
        noticed_instants.clear();
      }
    }
    now = std::max(now, t);
  }
  // A join starts afresh; a renew keeps the instants already noticed.
  void accept(std::int64_t ttl, bool renew) {
    if (!renew) noticed_instants.clear();
    state = kJoined;
    expire = now + ttl;
    noticed = noticed_instants.count(*expire) > 0;
    until(now);
  }
};

using AgoraCommand = rc::state::Command<AgoraModel, EngineSut>;

// For the int uid 7, as AgoraJoin joins with (AGORA-UID-TYPE).
Json agora_token(std::int64_t expire, bool right_channel) {
  return {{"expire", kStart + expire}, {"channel", right_channel ? "c1" : "c2"}, {"uid", 7}};
}

struct AgoraJoin : AgoraCommand {
  std::int64_t ttl = *rc::gen::inRange(-20, 300);
  bool right_channel = *rc::gen::weightedElement<bool>({{5, true}, {1, false}});
  void apply(AgoraModel& m) const override {
    m.expected.clear();
    if (m.state == AgoraModel::kJoined) {
      m.expected.push_back(line(m.now, "result joinChannel fail already_in_channel"));
    } else if (!right_channel) {
      m.expected.push_back(line(m.now, "result joinChannel fail channel_mismatch"));
    } else if (ttl <= 0) {
      m.expected.push_back(line(m.now, "result joinChannel fail expired"));
    } else {
      m.streams.clear();
      m.expected.push_back(line(m.now, "result joinChannel ok"));
      m.accept(ttl, /*renew=*/false);
    }
  }
  void run(const AgoraModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut,
                       {{"op", "joinChannel"},
                        {"channel", "c1"},
                        {"uid", 7},
                        {"token", agora_token(m.now + ttl, right_channel)}});
  }
  void show(std::ostream& os) const override {
    os << "joinChannel(ttl=" << ttl << (right_channel ? "" : ", other channel") << ")";
  }
};

struct AgoraRenew : AgoraCommand {
  std::int64_t ttl = *rc::gen::inRange(-20, 300);
  bool right_channel = *rc::gen::weightedElement<bool>({{5, true}, {1, false}});
  void apply(AgoraModel& m) const override {
    m.expected.clear();
    if (m.state == AgoraModel::kIdle) {
      m.expected.push_back(line(m.now, "result renewToken fail not_in_channel"));
    } else if (!right_channel) {
      m.expected.push_back(line(m.now, "result renewToken fail channel_mismatch"));
    } else if (ttl <= 0) {
      m.expected.push_back(line(m.now, "result renewToken fail expired"));
    } else {
      m.expected.push_back(line(m.now, "result renewToken ok"));
      m.accept(ttl, /*renew=*/true);  // from kOut this re-joins
    }
  }
  void run(const AgoraModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut,
                       {{"op", "renewToken"}, {"token", agora_token(m.now + ttl, right_channel)}});
  }
  void show(std::ostream& os) const override {
    os << "renewToken(ttl=" << ttl << (right_channel ? "" : ", other channel") << ")";
  }
};

struct AgoraPublish : AgoraCommand {
  std::string stream = *rc::gen::element<std::string>("s1", "s2");
  void apply(AgoraModel& m) const override {
    m.expected.clear();
    if (m.state != AgoraModel::kJoined) {
      m.expected.push_back(line(m.now, "result publish fail not_in_channel"));
      return;
    }
    if (std::find(m.streams.begin(), m.streams.end(), stream) == m.streams.end()) {
      m.streams.push_back(stream);
    }
    m.expected.push_back(line(m.now, "result publish ok"));
  }
  void run(const AgoraModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "publish"}, {"stream", stream}});
  }
  void show(std::ostream& os) const override { os << "publish(" << stream << ")"; }
};

struct AgoraLeave : AgoraCommand {
  void apply(AgoraModel& m) const override {
    m.expected = {line(m.now, "result leaveChannel ok")};
    m.state = AgoraModel::kIdle;
    m.expire.reset();
    m.noticed_instants.clear();
    m.streams.clear();
  }
  void run(const AgoraModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "leaveChannel"}});
  }
  void show(std::ostream& os) const override { os << "leaveChannel"; }
};

struct AgoraAdvance : AgoraCommand {
  std::int64_t seconds = *rc::gen::inRange(0, 200);
  void apply(AgoraModel& m) const override {
    m.expected.clear();
    m.until(m.now + seconds);
  }
  void run(const AgoraModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "advance"}, {"seconds", seconds}});
  }
  void show(std::ostream& os) const override { os << "advance(" << seconds << ")"; }
};

RC_GTEST_PROP(LifecycleState, AgoraRtcAgainstItsModel, ()) {
  const std::string platform = *rc::gen::element<std::string>("native", "objc", "web");
  const Json s{
      {"profile",
       {{"vendor", "agora"}, {"product", "rtc"}, {"platform", platform}, {"certificate", true}}},
      {"start", kStart}};
  EngineSut sut{lifecycle::Simulator(s)};
  AgoraModel model;
  model.web = platform == "web";
  rc::state::check(model, sut,
                   rc::state::gen::execOneOfWithArgs<AgoraJoin, AgoraRenew, AgoraPublish,
                                                     AgoraLeave, AgoraAdvance>());
}

// ---------------------------------------------------------------------------------
// RongCloud IM (seed 003): connect judges the token (secret generation, then App
// Key, then expiry: LIFE-EVAL-ORDER) and reports the user on success
// (RONG-CONNECT-USER); a second connect is already_connected; a secret refresh or
// an expiry never drops a live connection (RONG-CONNECTED-UNAFFECTED); nothing is
// ever announced (RONG-NO-NOTICE); a state event answers "connected" (LIFE-STATE).
// The network (RONG-NET-*): a connect without one waits and is judged when it comes
// back, or times out (iOS 2.x timeLimit); a live connection that loses it reconnects
// by itself (not Web below 2.6.0), judged at that second; a disconnect cancels a wait.
// ---------------------------------------------------------------------------------
struct RongToken {
  std::int64_t generation = 1;
  bool other_key = false;
  std::optional<std::int64_t> expire;  // seconds since kStart
  std::string user;
};

struct RongModel {
  bool ios2 = false;                   // iOS SDK 2.x: connect takes time_limit
  bool reconnects = true;              // false: Web below 2.6.0
  std::string listener = "onChanged";  // the connection status listener's name
  std::int64_t now = 0;
  std::int64_t generation = 1;
  bool network = true;
  bool connected = false;
  std::optional<RongToken> held;     // the live or suspended connection's token
  std::optional<RongToken> waiting;  // a connect waiting for the network
  std::optional<std::int64_t> deadline;
  std::vector<std::string> expected;

  // "" when the token is accepted now, else the condition (LIFE-EVAL-ORDER).
  std::string refusal(const RongToken& t) const {
    if (t.generation != generation) return "bad_signature";
    if (t.other_key) return "app_id_mismatch";
    if (t.expire && now >= *t.expire) return "expired";
    return "";
  }
  // The waiting connect reaches the server now.
  void arrive(const RongToken& t) {
    const std::string why = refusal(t);
    if (!why.empty()) {
      expected.push_back(line(now, "result connect fail " + why));
      return;
    }
    connected = true;
    held = t;
    expected.push_back(line(now, "result connect ok user=" + t.user));
  }
  // Time passes to `t`: a waiting connect's deadline fires at its second.
  void run_until(std::int64_t t) {
    if (waiting && deadline && *deadline <= t) {
      now = *deadline;
      expected.push_back(line(now, "result connect fail connect_timeout"));
      waiting.reset();
      deadline.reset();
    }
    now = t;
  }
};

using RongCommand = rc::state::Command<RongModel, EngineSut>;

struct RongConnect : RongCommand {
  int generation_back = *rc::gen::weightedElement<int>({{4, 0}, {1, 1}, {1, 2}});  // 0: current
  bool other_key = *rc::gen::weightedElement<bool>({{5, false}, {1, true}});
  std::optional<std::int64_t> ttl = *rc::gen::weightedOneOf<std::optional<std::int64_t>>(
      {{2, rc::gen::just(std::optional<std::int64_t>())},
       {3, rc::gen::map(rc::gen::inRange<std::int64_t>(-20, 300),
                        [](std::int64_t t) { return std::optional<std::int64_t>(t); })}});
  std::string user = *rc::gen::element<std::string>("u1", "u2");
  std::optional<std::int64_t> time_limit = *rc::gen::weightedOneOf<std::optional<std::int64_t>>(
      {{1, rc::gen::just(std::optional<std::int64_t>())},
       {2, rc::gen::map(rc::gen::inRange<std::int64_t>(-5, 200),
                        [](std::int64_t t) { return std::optional<std::int64_t>(t); })}});

  // Another generation than the current: an older one, or a later one while there is
  // no older (generations start at 1).
  RongToken token(const RongModel& m) const {
    RongToken t;
    t.generation = m.generation > generation_back ? m.generation - generation_back
                                                  : m.generation + generation_back;
    t.other_key = other_key;
    if (ttl) t.expire = m.now + *ttl;
    t.user = user;
    return t;
  }
  std::optional<std::int64_t> limit(const RongModel& m) const {
    return m.ios2 ? time_limit : std::nullopt;
  }

  void apply(RongModel& m) const override {
    m.expected.clear();
    if (m.connected || m.held) {
      m.expected = {line(m.now, "result connect fail already_connected")};
    } else if (m.waiting) {
      m.expected = {line(m.now, "result connect fail already_connecting")};
    } else if (!m.network) {
      m.waiting = token(m);
      const auto l = limit(m);
      if (l && *l > 0) m.deadline = m.now + *l;
    } else {
      m.arrive(token(m));
    }
  }
  void run(const RongModel& m, EngineSut& sut) const override {
    const RongToken t = token(m);
    Json json{{"user", t.user}, {"secret_generation", t.generation}};
    if (t.other_key) json["app_key"] = "k2";
    if (t.expire) json["expire"] = kStart + *t.expire;
    Json event{{"op", "connect"}, {"token", json}};
    if (const auto l = limit(m)) event["time_limit"] = *l;
    expect_as_modelled(*this, m, sut, event);
  }
  void show(std::ostream& os) const override {
    os << "connect(generation -" << generation_back << (other_key ? ", other key" : "") << ", ttl "
       << (ttl ? std::to_string(*ttl) : "none") << ", " << user << ", time_limit "
       << (time_limit ? std::to_string(*time_limit) : "none") << ")";
  }
};

struct RongDisconnect : RongCommand {
  void apply(RongModel& m) const override {
    m.expected.clear();
    if (m.waiting) m.expected.push_back(line(m.now, "result connect fail cancelled"));
    m.waiting.reset();
    m.deadline.reset();
    m.connected = false;
    m.held.reset();
    m.expected.push_back(line(m.now, "result disconnect ok"));
  }
  void run(const RongModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "disconnect"}});
  }
  void show(std::ostream& os) const override { os << "disconnect"; }
};

struct RongNetwork : RongCommand {
  bool up = *rc::gen::arbitrary<bool>();
  void apply(RongModel& m) const override {
    m.expected.clear();
    if (up == m.network) return;
    m.network = up;
    if (!up) {
      if (!m.connected) return;
      m.connected = false;
      m.expected.push_back(line(m.now, "callback " + m.listener + " network_unavailable"));
      if (!m.reconnects) m.held.reset();
    } else if (m.waiting) {
      const RongToken t = *m.waiting;
      m.waiting.reset();
      m.deadline.reset();
      m.arrive(t);
    } else if (m.held) {
      const std::string why = m.refusal(*m.held);
      if (why.empty()) {
        m.connected = true;
        m.expected.push_back(line(m.now, "callback " + m.listener + " connected"));
      } else {
        m.held.reset();
        m.expected.push_back(
            line(m.now, "callback " + m.listener + " " + why + " token_incorrect"));
      }
    }
  }
  void run(const RongModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "network"}, {"up", up}});
  }
  void show(std::ostream& os) const override { os << "network(" << (up ? "up" : "down") << ")"; }
};

struct RongRotate : RongCommand {
  void apply(RongModel& m) const override {
    ++m.generation;
    m.expected.clear();  // a console action: the app sees nothing
  }
  void run(const RongModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "rotate_secret"}});
  }
  void show(std::ostream& os) const override { os << "rotate_secret"; }
};

struct RongAdvance : RongCommand {
  std::int64_t seconds = *rc::gen::inRange(0, 400);
  void apply(RongModel& m) const override {
    m.expected.clear();
    m.run_until(m.now + seconds);
  }
  void run(const RongModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "advance"}, {"seconds", seconds}});
  }
  void show(std::ostream& os) const override { os << "advance(" << seconds << ")"; }
};

struct RongState : RongCommand {
  void apply(RongModel& m) const override {
    const bool connecting = m.waiting.has_value() || (m.held.has_value() && !m.connected);
    m.expected = {line(m.now, std::string("state connected=") + (m.connected ? "yes" : "no") +
                                  " connecting=" + (connecting ? "yes" : "no") +
                                  " network=" + (m.network ? "up" : "down"))};
  }
  void run(const RongModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "state"}});
  }
  void show(std::ostream& os) const override { os << "state"; }
};

RC_GTEST_PROP(LifecycleState, RongCloudAgainstItsModel, ()) {
  const std::string platform = *rc::gen::element<std::string>("android", "ios", "web");
  const std::string version =
      *rc::gen::element<std::string>("1.4.0", "2.0.0", "2.5.2", "2.6.0", "2.10.3");
  const Json s{{"profile",
                {{"vendor", "rongcloud"},
                 {"product", "im"},
                 {"platform", platform},
                 {"sdk_version", version},
                 {"app_key", "k1"}}},
               {"start", kStart}};
  EngineSut sut{lifecycle::Simulator(s)};
  RongModel model;
  model.ios2 = platform == "ios" && version != "1.4.0";
  model.reconnects = platform != "web" || version == "2.6.0" || version == "2.10.3";
  if (platform == "ios") model.listener = "onConnectionStatusChanged";
  rc::state::check(model, sut,
                   rc::state::gen::execOneOfWithArgs<RongConnect, RongDisconnect, RongNetwork,
                                                     RongRotate, RongAdvance, RongState>());
}

// ---------------------------------------------------------------------------------
// ByteDance mini-program RTC, base library 2.70.0 (seed 004; the joinRtcRoom /
// exitRtcRoom pages): every call ends success → complete or fail → complete
// (BD-CALLBACK-ORDER); a Volcengine token is still valid at its expire second and
// the user is removed the second after (BD-EXPIRY-INSTANT, BD-EXPIRY-REMOVED);
// onTokenWillExpire 30 s before, never with 0 s left, once per expiry instant in a
// session (BD-WILL-EXPIRE-30, LIFE-WILL-EXPIRE-ONCE); updateToken replaces the
// token (LIFE-RENEW-REPLACES); a state event answers "in_room" (LIFE-STATE).
// ---------------------------------------------------------------------------------
struct MiniModel {
  std::int64_t now = 0;
  bool joined = false;
  std::optional<std::int64_t> expire;
  bool noticed = false;
  std::set<std::int64_t> noticed_instants;  // in this session
  std::vector<std::string> expected;

  void until(std::int64_t t) {
    if (joined && expire) {
      const std::int64_t when = std::max(now, *expire - 30);
      if (!noticed && *expire - 30 <= t && when < *expire) {
        expected.push_back(
            line(when, "callback onTokenWillExpire " + std::to_string(*expire - when)));
        noticed = true;
        noticed_instants.insert(*expire);
      }
      if (*expire + 1 <= t) {
        expected.push_back(line(*expire + 1, "kicked_out token_expired"));
        joined = false;
        expire.reset();
      }
    }
    now = std::max(now, t);
  }
  void ends(const std::string& call, const std::string& outcome) {
    const bool ok = outcome == "ok";
    expected.push_back(line(now, "result " + call + " " + (ok ? "ok" : "fail " + outcome)));
    expected.push_back(line(now, "callback " + call + (ok ? " success" : " fail")));
    expected.push_back(line(now, "callback " + call + " complete"));
  }
};

using MiniCommand = rc::state::Command<MiniModel, EngineSut>;

// A token for room r1 / user u1 with at most one fault; ttl absent: never expires.
struct MiniToken {
  int fault = *rc::gen::weightedElement<int>({{6, 0}, {1, 1}, {1, 2}});  // none, room, user
  std::optional<std::int64_t> ttl = *rc::gen::weightedOneOf<std::optional<std::int64_t>>(
      {{1, rc::gen::just(std::optional<std::int64_t>())},
       {5, rc::gen::map(rc::gen::inRange<std::int64_t>(-5, 200),
                        [](std::int64_t t) { return std::optional<std::int64_t>(t); })}});

  Json json(std::int64_t now) const {
    Json t{{"room", fault == 1 ? "r9" : "r1"}, {"user", fault == 2 ? "u9" : "u1"}};
    if (ttl) t["expire"] = kStart + now + *ttl;
    return t;
  }
  std::string verdict() const {
    if (fault == 1) return "room_mismatch";
    if (fault == 2) return "user_id_mismatch";
    if (ttl && *ttl < 0) return "expired";  // valid during its expire second
    return "ok";
  }
  std::string show() const {
    return std::string(fault == 1   ? "other room, "
                       : fault == 2 ? "other user, "
                                    : "") +
           "ttl " + (ttl ? std::to_string(*ttl) : "none");
  }
};

struct MiniJoin : MiniCommand {
  MiniToken token;
  void apply(MiniModel& m) const override {
    m.expected.clear();
    if (m.joined) return m.ends("joinRtcRoom", "already_in_room");
    const std::string v = token.verdict();
    m.ends("joinRtcRoom", v);
    if (v != "ok") return;
    m.joined = true;
    m.expire.reset();
    if (token.ttl) m.expire = m.now + *token.ttl;
    m.noticed = false;
    m.noticed_instants.clear();
    m.until(m.now);
  }
  void run(const MiniModel& m, EngineSut& sut) const override {
    expect_as_modelled(
        *this, m, sut,
        {{"op", "joinRtcRoom"}, {"room", "r1"}, {"user", "u1"}, {"token", token.json(m.now)}});
  }
  void show(std::ostream& os) const override { os << "joinRtcRoom(" << token.show() << ")"; }
};

struct MiniUpdate : MiniCommand {
  MiniToken token;
  void apply(MiniModel& m) const override {
    m.expected.clear();
    if (!m.joined) return m.ends("updateToken", "not_in_room");
    const std::string v = token.verdict();
    m.ends("updateToken", v);
    if (v != "ok") return;
    m.expire.reset();
    if (token.ttl) m.expire = m.now + *token.ttl;
    m.noticed = m.expire && m.noticed_instants.count(*m.expire) > 0;
    m.until(m.now);
  }
  void run(const MiniModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "updateToken"}, {"token", token.json(m.now)}});
  }
  void show(std::ostream& os) const override { os << "updateToken(" << token.show() << ")"; }
};

struct MiniExit : MiniCommand {
  void apply(MiniModel& m) const override {
    m.expected.clear();
    m.ends("exitRtcRoom", "ok");
    m.joined = false;
    m.expire.reset();
  }
  void run(const MiniModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "exitRtcRoom"}});
  }
  void show(std::ostream& os) const override { os << "exitRtcRoom"; }
};

struct MiniAdvance : MiniCommand {
  std::int64_t seconds = *rc::gen::inRange(0, 120);
  void apply(MiniModel& m) const override {
    m.expected.clear();
    m.until(m.now + seconds);
  }
  void run(const MiniModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "advance"}, {"seconds", seconds}});
  }
  void show(std::ostream& os) const override { os << "advance(" << seconds << ")"; }
};

struct MiniState : MiniCommand {
  void apply(MiniModel& m) const override {
    m.expected = {line(m.now, std::string("state in_room=") + (m.joined ? "yes" : "no"))};
  }
  void run(const MiniModel& m, EngineSut& sut) const override {
    expect_as_modelled(*this, m, sut, {{"op", "state"}});
  }
  void show(std::ostream& os) const override { os << "state"; }
};

RC_GTEST_PROP(LifecycleState, MiniProgramAgainstItsModel, ()) {
  const Json s{
      {"profile",
       {{"vendor", "bytedance"}, {"product", "miniprogram_rtc"}, {"base_library", "2.70.0"}}},
      {"start", kStart}};
  EngineSut sut{lifecycle::Simulator(s)};
  rc::state::check(
      MiniModel{}, sut,
      rc::state::gen::execOneOfWithArgs<MiniJoin, MiniUpdate, MiniExit, MiniAdvance, MiniState>());
}

}  // namespace
}  // namespace tokcheck::property
