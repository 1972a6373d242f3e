// The vendor-neutral part of the lifecycle engine: a simulated clock, the one
// token a session is watching, its two timers (will-expire notice, expiry), and
// the output log. Vendor sessions (zego_session.cc, agora_session.cc, ...) derive
// from Session and say what each call and each timer means for their SDK.
//
// Clock (docs/SEMANTICS.md LIFE-CLOCK-*): an event happens at its "at" (absolute
// unix seconds), at now + "seconds" for "advance", or at the current time. Before
// it runs, every timer due at or before that time fires, in time order. An event
// stamped earlier than the clock runs at the clock, after a "clock_ignored"
// output: vendors judge tokens by server time, which does not go back. The clock
// never passes kMaxScenarioTime (LIFE-CLOCK-RANGE): an advance that would is a
// UsageError naming its "seconds", so no time arithmetic here can overflow.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/condition.h"
#include "reference/lifecycle/fields.h"

namespace tokcheck::lifecycle {

// When the will-expire notice fires: this many seconds before the token's expiry
// (seeds 000, 001; volcengine.com/docs/6348/1157360). The one lead constant: every
// vendor's session schedules its notice through Session::watch.
inline constexpr std::int64_t kWillExpireLead = 30;

class Session {
 public:
  virtual ~Session() = default;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Runs one event; `index` is its position in the scenario (echoed in results).
  void apply(const Json& event, int index);
  std::int64_t now() const { return now_; }
  // The outputs produced since the last call. With `rules`, also the id of the
  // docs/SEMANTICS.md rule behind each output ("" where none is named), in the
  // same order: what `simulate --compare` shows next to a difference.
  Json take_outputs(std::vector<std::string>* rules = nullptr);

 protected:
  Session(std::int64_t start, bool expired_at_expire)
      : now_(start), expired_at_expire_(expired_at_expire) {}

  // The vendor's calls; `path` names the event for error messages.
  virtual void dispatch(std::string_view op, const Json& event, const std::string& path) = 0;
  // The watched token reaches its notice time / its expiry.
  virtual void on_will_expire(std::int64_t remaining) = 0;
  virtual void on_expired() = 0;

  // Watch the token a login / join / init accepted, replacing any other; `expire`
  // absent means it never expires. A new session: no notice has fired in it yet.
  void watch(std::optional<std::int64_t> expire);
  // Watch the token a renew accepted, in the same session. The notice fires at
  // most once per expiry instant in a session (LIFE-WILL-EXPIRE-ONCE): a renewed
  // token expiring at an instant whose notice already fired gets none again.
  void watch_renewed(std::optional<std::int64_t> expire);
  // Stop watching: no more notices or expiry; the session is over.
  void unwatch();
  bool watching() const { return watching_; }
  // The watched token has reached its expiry (its on_expired has run).
  bool watched_expired() const { return watching_ && expiry_fired_; }
  std::optional<std::int64_t> watched_expire() const { return expire_; }
  bool expired_at_expire() const { return expired_at_expire_; }

  // Names the rule (a docs/SEMANTICS.md id) behind the outputs that follow, until
  // the next event or timer starts. Outputs carry no rule themselves (the vectors
  // compare outputs exactly); the ids travel beside them, see take_outputs.
  void because(std::string_view rule) { rule_ = rule; }

  // Outputs. Every output starts {"at": now, "kind": ...}.
  Json& emit(std::string_view kind);
  void result_ok();
  // A failed call: reason is a condition name or an engine reason; codes is an
  // array of {"code", "name"} (possibly empty).
  Json& result_fail(std::string_view reason, Json codes);
  Json& result_fail(Condition c, Json codes) { return result_fail(to_string(c), std::move(codes)); }
  void callback(std::string_view name);
  void will_expire_callback(std::string_view name, std::int64_t remaining);
  void kicked_out(std::string_view reason, Json codes);
  void stream_stopped(std::string_view stream, std::string_view reason);

  int event_index() const { return event_index_; }
  std::string_view call() const { return call_; }

 private:
  void run_timers_until(std::int64_t t);
  std::int64_t expiry_instant() const;  // first second at which the token counts as expired

  std::int64_t now_;
  bool expired_at_expire_;
  int event_index_ = -1;
  std::string call_;
  Json outputs_ = Json::array();
  std::vector<std::string> rules_;  // parallel to outputs_
  std::string rule_;                // the rule behind the outputs being emitted

  bool watching_ = false;
  std::optional<std::int64_t> expire_;
  std::int64_t notice_due_ = 0;
  bool notice_fired_ = false;
  bool expiry_fired_ = false;
  std::vector<std::int64_t> noticed_instants_;  // expiries noticed in this session
};

// An array of {"code", "name"}: the rows of reference/codes' table for `vendor`
// and condition `c` whose platform is `platform`, in table order. A numeric code
// is a JSON number, a symbolic one a string.
Json table_codes(std::string_view vendor, Condition c, std::string_view platform);
Json code_value(std::string_view code);

}  // namespace tokcheck::lifecycle
