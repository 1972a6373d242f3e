// The vendor-neutral part of the lifecycle engine: a simulated clock, the tokens
// a session is watching (one per room for ZEGO multi-room, one unnamed watch for
// every other session), their two timers each (will-expire notice, expiry), and
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
#include "reference/core/vendor.h"
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
  // The "state" event (LIFE-STATE): add the vendor's state members to `out` (what
  // the SDK would answer if asked: in the room, connected, which streams). Changes
  // nothing; the output lets a scenario assert state instead of probing with a call.
  virtual void describe_state(Json& out) const = 0;
  // The watched token reaches its notice time / its expiry.
  virtual void on_will_expire(std::int64_t remaining) = 0;
  virtual void on_expired() = 0;

  // Watch the token a login / join / init accepted, replacing any other; `expire`
  // absent means it never expires. A new session: no notice has fired in it yet.
  // The forms without a key address the session's one unnamed watch ("").
  void watch(std::optional<std::int64_t> expire) { watch("", expire); }
  // Keyed watches run side by side, each with its own notice and expiry (ZEGO
  // multi-room: one per room, docs/SEMANTICS.md ZEGO-ROOM-SCOPED). Timers due at
  // the same second fire in the order their watches began (a watch() begins one).
  void watch(std::string_view key, std::optional<std::int64_t> expire);
  // Watch the token a renew accepted, in the same session. The notice fires at
  // most once per expiry instant in a session (LIFE-WILL-EXPIRE-ONCE): a renewed
  // token expiring at an instant whose notice already fired gets none again.
  void watch_renewed(std::optional<std::int64_t> expire) { watch_renewed("", expire); }
  void watch_renewed(std::string_view key, std::optional<std::int64_t> expire);
  // Stop watching: no more notices or expiry; the session is over. Without a key,
  // every watch ends (for a single-token session, its one watch).
  void unwatch();
  void unwatch(std::string_view key);
  bool watching() const { return watching(""); }
  bool watching(std::string_view key) const { return find_watch(key) != nullptr; }
  // The watched token has reached its expiry (its on_expired has run).
  bool watched_expired() const { return watched_expired(""); }
  bool watched_expired(std::string_view key) const;
  std::optional<std::int64_t> watched_expire() const;
  bool expired_at_expire() const { return expired_at_expire_; }
  // The key of the watch whose timer is running, inside on_will_expire / on_expired.
  const std::string& timer_key() const { return timer_key_; }

  // A call whose result comes later than the call (RongCloud's connect waiting for
  // the network, docs/SEMANTICS.md RONG-NET-WAIT): remember it with pending_call(),
  // and emit its result later inside a ResumedCall, which makes result_ok /
  // result_fail answer that call and gives the current event back when it ends.
  struct PendingCall {
    int event = -1;
    std::string call;
    Json payload = Json::object();
  };
  PendingCall pending_call() const { return {event_index_, call_, payload_}; }
  class ResumedCall {
   public:
    ResumedCall(Session& s, const PendingCall& p);
    ~ResumedCall();
    ResumedCall(const ResumedCall&) = delete;
    ResumedCall& operator=(const ResumedCall&) = delete;

   private:
    Session& s_;
    PendingCall saved_;
  };
  // One alarm per session (absent: none): on_alarm() runs at that second, before
  // any watch timer due at the same second and before the event stamped then, as
  // every timer does (LIFE-TIMERS-FIRST). Setting it replaces the previous one.
  void set_alarm(std::optional<std::int64_t> at) { alarm_ = at; }
  virtual void on_alarm() {}

  // Names the rule (a docs/SEMANTICS.md id) behind the outputs that follow, until
  // the next event or timer starts. Outputs carry no rule themselves (the vectors
  // compare outputs exactly); the ids travel beside them, see take_outputs.
  void because(std::string_view rule) { rule_ = rule; }

  // Outputs. Every output starts {"at": now, "kind": ...}.
  Json& emit(std::string_view kind);
  // A member every result of the current event carries besides its outcome (ZEGO:
  // the room a call names, ZEGO-ROOM-PAYLOAD). Cleared when the next event starts.
  void result_payload(std::string_view key, Json value);
  Json& result_ok();
  // A failed call: reason is a condition name or an engine reason; codes is an
  // array of {"code", "name"} (possibly empty).
  Json& result_fail(std::string_view reason, Json codes);
  Json& result_fail(Condition c, Json codes) { return result_fail(to_string(c), std::move(codes)); }
  void callback(std::string_view name);
  Json& will_expire_callback(std::string_view name, std::int64_t remaining);
  Json& kicked_out(std::string_view reason, Json codes);
  void stream_stopped(std::string_view stream, std::string_view reason);

  int event_index() const { return event_index_; }
  std::string_view call() const { return call_; }

 private:
  void run_timers_until(std::int64_t t);

  std::int64_t now_;
  bool expired_at_expire_;
  int event_index_ = -1;
  std::string call_;
  Json outputs_ = Json::array();
  std::vector<std::string> rules_;  // parallel to outputs_
  std::string rule_;                // the rule behind the outputs being emitted

  struct Watch {
    std::string key;
    std::optional<std::int64_t> expire;
    std::int64_t notice_due = 0;
    bool notice_fired = false;
    bool expiry_fired = false;
    std::vector<std::int64_t> noticed_instants;  // expiries noticed in this session
  };
  const Watch* find_watch(std::string_view key) const;
  Watch* find_watch(std::string_view key);
  std::int64_t expiry_instant(const Watch& w) const;  // first second it counts as expired

  std::vector<Watch> watches_;  // in the order they began
  std::string timer_key_;
  Json payload_ = Json::object();  // result_payload's members for this event
  std::optional<std::int64_t> alarm_;
};

// Vendor codes (reference/schemes/vendor_code_json.h): the rows of
// reference/codes' table for `vendor` and condition `c` whose platform is
// `platform`, in table order.
Json table_codes(Vendor vendor, Condition c, std::string_view platform);

}  // namespace tokcheck::lifecycle
