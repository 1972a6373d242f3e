#include "reference/lifecycle/session.h"

#include <algorithm>

#include "reference/codes/codes.h"
#include "reference/schemes/vendor_code_json.h"

namespace tokcheck::lifecycle {

void Session::apply(const Json& event, int index) {
  const std::string path = "events[" + std::to_string(index) + "]";
  if (!event.is_object()) usage(path, "an event is a JSON object");
  const std::string op = req_string(event, path, "op");
  event_index_ = index;
  call_ = op;

  std::int64_t t = now_;
  if (has(event, "at")) t = req_int(event, path, "at");
  if (op == "advance") {
    if (has(event, "seconds")) {
      if (has(event, "at")) usage(path, "advance takes \"at\" or \"seconds\", not both");
      // Both terms lie in the range of scenario integers (fields.h), so the sum
      // cannot overflow; a sum past the last scenario second is refused.
      t = now_ + req_int(event, path, "seconds");
      if (t > kMaxScenarioTime) {
        usage(join_path(path, "seconds"), "moves the clock to " + std::to_string(t) +
                                              ", past the last second a scenario can reach (" +
                                              std::to_string(kMaxScenarioTime) + ")");
      }
    } else if (!has(event, "at")) {
      usage(path, "advance needs \"at\" (absolute) or \"seconds\" (relative)");
    }
    only_keys(event, path, {"op", "at", "seconds"});
  }
  if (t < now_) {
    because("LIFE-CLOCK-BACKWARDS");
    Json& o = emit("clock_ignored");
    o["event"] = index;
    o["requested"] = t;
    t = now_;
  }
  run_timers_until(t);
  now_ = t;
  rule_.clear();
  payload_ = Json::object();
  if (op == "state") {
    only_keys(event, path, {"op", "at"});
    because("LIFE-STATE");
    Json& o = emit("state");
    o["event"] = index;
    describe_state(o);
  } else if (op != "advance") {
    dispatch(op, event, path);
  }
  // A token accepted with less than the notice lead left gets its notice now.
  run_timers_until(now_);
}

Json Session::take_outputs(std::vector<std::string>* rules) {
  Json out = std::move(outputs_);
  outputs_ = Json::array();
  if (rules) rules->insert(rules->end(), rules_.begin(), rules_.end());
  rules_.clear();
  return out;
}

const Session::Watch* Session::find_watch(std::string_view key) const {
  for (const Watch& w : watches_) {
    if (w.key == key) return &w;
  }
  return nullptr;
}

Session::Watch* Session::find_watch(std::string_view key) {
  for (Watch& w : watches_) {
    if (w.key == key) return &w;
  }
  return nullptr;
}

std::int64_t Session::expiry_instant(const Watch& w) const {
  return expired_at_expire_ ? *w.expire : *w.expire + 1;
}

bool Session::watched_expired(std::string_view key) const {
  const Watch* w = find_watch(key);
  return w != nullptr && w->expiry_fired;
}

std::optional<std::int64_t> Session::watched_expire() const {
  const Watch* w = find_watch("");
  return w ? w->expire : std::nullopt;
}

void Session::watch(std::string_view key, std::optional<std::int64_t> expire) {
  unwatch(key);
  watch_renewed(key, expire);
}

void Session::watch_renewed(std::string_view key, std::optional<std::int64_t> expire) {
  Watch* w = find_watch(key);
  if (w == nullptr) {
    watches_.push_back(Watch{std::string(key), std::nullopt, 0, false, false, {}});
    w = &watches_.back();
  }
  w->expire = expire;
  w->notice_fired = false;
  w->expiry_fired = false;
  if (w->expire) {
    w->notice_due = std::max(now_, *w->expire - kWillExpireLead);
    // The notice comes strictly before the token's expire second, with at least
    // one second left: a Volcengine token accepted at its expire_at (still valid
    // then, BD-EXPIRY-INSTANT) gets no notice with 0 s left. Once per expiry
    // instant in a session: a renew keeping an instant already noticed (the same
    // token again) does not fire it again.
    const bool noticed = std::find(w->noticed_instants.begin(), w->noticed_instants.end(),
                                   *w->expire) != w->noticed_instants.end();
    if (w->notice_due >= *w->expire || noticed) w->notice_fired = true;
  }
}

void Session::unwatch() { watches_.clear(); }

void Session::unwatch(std::string_view key) {
  std::erase_if(watches_, [key](const Watch& w) { return w.key == key; });
}

Session::ResumedCall::ResumedCall(Session& s, const PendingCall& p)
    : s_(s), saved_{s.event_index_, s.call_, s.payload_} {
  s_.event_index_ = p.event;
  s_.call_ = p.call;
  s_.payload_ = p.payload;
}

Session::ResumedCall::~ResumedCall() {
  s_.event_index_ = saved_.event;
  s_.call_ = std::move(saved_.call);
  s_.payload_ = std::move(saved_.payload);
}

void Session::run_timers_until(std::int64_t t) {
  // Each timer runs at its own time, the earliest first; at the same second, the
  // alarm goes first, then the watch first watched. A handler may unwatch or
  // re-watch, so nothing is held across the call but the key.
  for (;;) {
    std::size_t pick = watches_.size();
    std::int64_t due = 0;
    bool notice = false;
    for (std::size_t i = 0; i < watches_.size(); ++i) {
      const Watch& w = watches_[i];
      if (!w.expire) continue;
      std::optional<std::int64_t> next;
      bool is_notice = false;
      if (!w.notice_fired) {
        next = w.notice_due;  // always before the expiry instant
        is_notice = true;
      } else if (!w.expiry_fired) {
        next = expiry_instant(w);
      }
      if (next && *next <= t && (pick == watches_.size() || *next < due)) {
        pick = i;
        due = *next;
        notice = is_notice;
      }
    }
    // The alarm, when due and not after the earliest watch timer.
    if (alarm_ && *alarm_ <= t && (pick == watches_.size() || *alarm_ <= due)) {
      now_ = std::max(now_, *alarm_);
      alarm_.reset();
      timer_key_.clear();
      rule_.clear();
      on_alarm();
      continue;
    }
    if (pick == watches_.size()) return;
    Watch& w = watches_[pick];
    now_ = std::max(now_, due);
    timer_key_ = w.key;
    rule_.clear();
    if (notice) {
      w.notice_fired = true;
      w.noticed_instants.push_back(*w.expire);
      on_will_expire(*w.expire - now_);
    } else {
      w.expiry_fired = true;
      w.notice_fired = true;  // never a notice after the expiry
      on_expired();
    }
  }
}

Json& Session::emit(std::string_view kind) {
  Json o;
  o["at"] = now_;
  o["kind"] = kind;
  outputs_.push_back(std::move(o));
  rules_.push_back(rule_);
  return outputs_.back();
}

void Session::result_payload(std::string_view key, Json value) {
  payload_[std::string(key)] = std::move(value);
}

Json& Session::result_ok() {
  Json& o = emit("result");
  o["event"] = event_index_;
  o["call"] = call_;
  o["ok"] = true;
  for (auto it = payload_.begin(); it != payload_.end(); ++it) o[it.key()] = it.value();
  return o;
}

Json& Session::result_fail(std::string_view reason, Json codes) {
  Json& o = emit("result");
  o["event"] = event_index_;
  o["call"] = call_;
  o["ok"] = false;
  o["reason"] = reason;
  o["codes"] = std::move(codes);
  for (auto it = payload_.begin(); it != payload_.end(); ++it) o[it.key()] = it.value();
  return o;
}

void Session::callback(std::string_view name) { emit("callback")["name"] = name; }

Json& Session::will_expire_callback(std::string_view name, std::int64_t remaining) {
  Json& o = emit("callback");
  o["name"] = name;
  o["remaining"] = remaining;
  return o;
}

Json& Session::kicked_out(std::string_view reason, Json codes) {
  Json& o = emit("kicked_out");
  o["reason"] = reason;
  o["codes"] = std::move(codes);
  return o;
}

void Session::stream_stopped(std::string_view stream, std::string_view reason) {
  Json& o = emit("stream_stopped");
  o["stream"] = stream;
  o["reason"] = reason;
}

Json table_codes(Vendor vendor, Condition c, std::string_view platform) {
  Json out = Json::array();
  for (const codes::VendorCode& vc : codes::codes_for(vendor, c)) {
    if (vc.platform == platform) out.push_back(schemes::vendor_code_json(vc));
  }
  return out;
}

}  // namespace tokcheck::lifecycle
