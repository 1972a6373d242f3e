#include "reference/lifecycle/session.h"

#include <algorithm>
#include <charconv>

#include "reference/codes/codes.h"

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
  if (op != "advance") dispatch(op, event, path);
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

std::int64_t Session::expiry_instant() const {
  return expired_at_expire_ ? *expire_ : *expire_ + 1;
}

void Session::watch(std::optional<std::int64_t> expire) {
  noticed_instants_.clear();
  watch_renewed(expire);
}

void Session::watch_renewed(std::optional<std::int64_t> expire) {
  watching_ = true;
  expire_ = expire;
  notice_fired_ = false;
  expiry_fired_ = false;
  if (expire_) {
    notice_due_ = std::max(now_, *expire_ - kWillExpireLead);
    // The notice comes strictly before the token's expire second, with at least
    // one second left: a Volcengine token accepted at its expire_at (still valid
    // then, BD-EXPIRY-INSTANT) gets no notice with 0 s left. Once per expiry
    // instant in a session: a renew keeping an instant already noticed (the same
    // token again) does not fire it again.
    const bool noticed = std::find(noticed_instants_.begin(), noticed_instants_.end(), *expire_) !=
                         noticed_instants_.end();
    if (notice_due_ >= *expire_ || noticed) notice_fired_ = true;
  }
}

void Session::unwatch() {
  watching_ = false;
  expire_.reset();
  noticed_instants_.clear();
}

void Session::run_timers_until(std::int64_t t) {
  // Each timer runs at its own time; a timer's handler may unwatch or re-watch.
  while (watching_ && expire_) {
    if (!notice_fired_ && notice_due_ <= t) {
      now_ = std::max(now_, notice_due_);
      notice_fired_ = true;
      noticed_instants_.push_back(*expire_);
      rule_.clear();
      on_will_expire(*expire_ - now_);
      continue;
    }
    if (!expiry_fired_ && expiry_instant() <= t) {
      now_ = std::max(now_, expiry_instant());
      expiry_fired_ = true;
      notice_fired_ = true;  // never a notice after the expiry
      rule_.clear();
      on_expired();
      continue;
    }
    break;
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

void Session::result_ok() {
  Json& o = emit("result");
  o["event"] = event_index_;
  o["call"] = call_;
  o["ok"] = true;
}

Json& Session::result_fail(std::string_view reason, Json codes) {
  Json& o = emit("result");
  o["event"] = event_index_;
  o["call"] = call_;
  o["ok"] = false;
  o["reason"] = reason;
  o["codes"] = std::move(codes);
  return o;
}

void Session::callback(std::string_view name) { emit("callback")["name"] = name; }

void Session::will_expire_callback(std::string_view name, std::int64_t remaining) {
  Json& o = emit("callback");
  o["name"] = name;
  o["remaining"] = remaining;
}

void Session::kicked_out(std::string_view reason, Json codes) {
  Json& o = emit("kicked_out");
  o["reason"] = reason;
  o["codes"] = std::move(codes);
}

void Session::stream_stopped(std::string_view stream, std::string_view reason) {
  Json& o = emit("stream_stopped");
  o["stream"] = stream;
  o["reason"] = reason;
}

Json code_value(std::string_view code) {
  long long n = 0;
  const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), n);
  if (ec == std::errc() && end == code.data() + code.size()) return n;
  return std::string(code);
}

Json table_codes(std::string_view vendor, Condition c, std::string_view platform) {
  Json out = Json::array();
  for (const codes::VendorCode& vc : codes::codes_for(vendor, c)) {
    if (vc.platform == platform) out.push_back({{"code", code_value(vc.code)}, {"name", vc.name}});
  }
  return out;
}

}  // namespace tokcheck::lifecycle
