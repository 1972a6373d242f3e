// RongCloud IM (seed 003_65ee157fdeaf3d18.txt). Rules, by id in docs/SEMANTICS.md:
//   RONG-ROTATE: after the App Secret is refreshed, tokens signed under the old one
//     fail to connect with TOKEN_INCORRECT; the app must fetch a new token.
//   RONG-REPORT-1X / RONG-REPORT-2X: SDK 1.x reports it as the TOKEN_INCORRECT error
//     code; SDK 2.x through the error callback (Android onError, iOS error block) and
//     on Web through onTokenIncorrect.
//   RONG-CONNECT-USER: a successful connect carries the user id, as the success
//     callbacks do.
//   RONG-CONNECTED-UNAFFECTED (inferred): a rotation or an expiry does not drop a
//     connection that is already up; the next connect is judged.
//   RONG-NET-*: the network model. A connect made while the network is down waits
//     for it (its result comes later, when the network is back or, on iOS with a
//     timeLimit, at RC_CONNECT_TIMEOUT); a live connection that loses the network
//     reconnects by itself when it comes back, and that reconnect is judged like a
//     connect, so a token the console has since invalidated fails it.
#include "reference/core/sdk_version.h"
#include "reference/lifecycle/sdk_codes.h"
#include "reference/lifecycle/sessions.h"

namespace tokcheck::lifecycle {
namespace {

constexpr ClaimNames kRongClaims{"app_key", "", "user", false, false};

class RongSession final : public Session {
 public:
  RongSession(const SessionInput& in, std::string platform, std::string sdk, bool web_reconnects,
              std::optional<std::string> app_key)
      : Session(in.start, /*expired_at_expire=*/true),
        book_(in.tokens, kRongClaims),
        platform_(std::move(platform)),
        sdk_(std::move(sdk)),
        reconnects_(platform_ != "web" || web_reconnects),
        app_key_(std::move(app_key)) {}

 private:
  // A connect the SDK is still trying (RONG-NET-WAIT): the call and its token. The
  // second it gives up (iOS timeLimit > 0, RONG-NET-TIMEOUT) is the session's alarm.
  struct Waiting {
    PendingCall call;
    TokenSpec token;
  };

  void dispatch(std::string_view op, const Json& e, const std::string& path) override {
    if (op == "connect") {
      connect(e, path);
    } else if (op == "disconnect") {
      only_keys(e, path, {"op", "at"});
      // RONG-NET-CANCEL (inferred): the app gives up a connect still waiting for the
      // network; its call ends before the disconnect's own result.
      if (waiting_) {
        because("RONG-NET-CANCEL");
        const ResumedCall resumed(*this, waiting_->call);
        result_fail("cancelled", Json::array());
        waiting_.reset();
        set_alarm(std::nullopt);
      }
      connected_ = false;
      held_.reset();  // no reconnect after the app disconnects
      because("");
      result_ok();
    } else if (op == "rotate_secret") {
      only_keys(e, path, {"op", "at"});
      ++generation_;  // the console's "refresh App Secret": a server-side change, no output
    } else if (op == "network") {
      only_keys(e, path, {"op", "at", "up"});
      set_network(req_bool(e, path, "up"));
    } else {
      usage(join_path(path, "op"), "\"" + std::string(op) +
                                       "\" is not a RongCloud IM event (connect, disconnect, "
                                       "rotate_secret, network, advance)");
    }
  }

  void connect(const Json& e, const std::string& path) {
    only_keys(e, path, {"op", "at", "token", "time_limit"});
    const std::optional<TokenSpec> token = book_.resolve(e, path);
    if (!token) usage(join_path(path, "token"), "connect needs a token");
    if (token->encoded) usage(join_path(path, "token"), "RongCloud tokens are given as claims");
    const std::optional<std::int64_t> limit = opt_int(e, path, "time_limit");
    if (limit && (platform_ != "ios" || sdk_ != "2.x")) {
      usage(join_path(path, "time_limit"),
            "seed 003 shows timeLimit on the iOS SDK 2.x connectWithToken only");
    }
    if (connected_ || held_) {  // a live or a suspended connection (RONG-NET-RECONNECT)
      because("RONG-CALL-ORDER");
      result_fail("already_connected", Json::array());
      return;
    }
    if (waiting_) {
      because("RONG-NET-WAIT");
      result_fail("already_connecting", Json::array());
      return;
    }
    if (!network_up_) {
      // RONG-NET-WAIT: the SDK keeps connecting; the result comes later. timeLimit
      // <= 0 is the same as none (RONG-NET-TIMEOUT).
      waiting_ = Waiting{pending_call(), *token};
      if (limit && *limit > 0) set_alarm(now() + *limit);
      return;
    }
    judge_connect(*token);
  }

  // The token reaches the server now: the connect's result (RONG-ROTATE, ...).
  void judge_connect(const TokenSpec& token) {
    const Evaluation ev = evaluate(token);
    if (ev.condition != Condition::kValid) {
      because(refusal_rule(ev.condition));
      Json& o = result_fail(ev.condition,
                            sdk_codes(Vendor::kRongCloud, "token_incorrect", platform_, sdk_));
      o["via"] = via();
      return;
    }
    connected_ = true;
    held_ = token;
    // RONG-CONNECT-USER: the success callback's argument is the connected user's id
    // (seed 003: iOS "success:^(NSString *userId)", Web "onSuccess: function(userId)").
    if (token.user) result_payload("user_id", *token.user);
    because("RONG-CONNECT-USER");
    result_ok();
  }

  Evaluation evaluate(const TokenSpec& token) const {
    TokenCheck c;
    c.now = now();
    c.app = app_key_;
    c.secret_generation = generation_;
    c.expired_at_expire = true;
    return evaluate_claims(token, c);
  }

  void set_network(bool up) {
    if (up == network_up_) return;  // no change, nothing to report
    network_up_ = up;
    if (!up) {
      if (!connected_) return;
      connected_ = false;
      because(reconnects_ ? "RONG-NET-RECONNECT" : "RONG-NET-RECONNECT, RONG-NET-WEB-2.6");
      status_callback("network_unavailable");
      // Web below 2.6.0 has no reconnect: the connection is gone (RONG-NET-WEB-2.6).
      if (!reconnects_) held_.reset();
      return;
    }
    if (waiting_) {
      // The waiting connect reaches the server now and is judged at this second.
      const Waiting w = std::move(*waiting_);
      waiting_.reset();
      set_alarm(std::nullopt);
      const ResumedCall resumed(*this, w.call);
      judge_connect(w.token);
      return;
    }
    if (held_) reconnect();
  }

  // RONG-NET-RECONNECT: the SDK reconnects with the token it connected with; the
  // server judges it as any connect. A refused reconnect ends the SDK's retries.
  void reconnect() {
    const Evaluation ev = evaluate(*held_);
    if (ev.condition == Condition::kValid) {
      connected_ = true;
      because("RONG-NET-RECONNECT");
      status_callback("connected");
      return;
    }
    held_.reset();
    because("RONG-NET-RECONNECT, " + refusal_rule(ev.condition));
    Json& o = status_callback("token_incorrect");
    o["reason"] = to_string(ev.condition);
    o["codes"] = sdk_codes(Vendor::kRongCloud, "token_incorrect", platform_, sdk_);
  }

  // The connection status listener (iOS onConnectionStatusChanged, Android and Web
  // onChanged); `status` names the change in the format's words (RONG-NET-RECONNECT).
  Json& status_callback(std::string_view status) {
    Json& o = emit("callback");
    o["name"] = platform_ == "ios" ? "onConnectionStatusChanged" : "onChanged";
    o["status"] = status;
    return o;
  }

  // RONG-NET-TIMEOUT: iOS connectWithToken:timeLimit: gives up after timeLimit
  // seconds with RC_CONNECT_TIMEOUT in its error block, and does not reconnect.
  void on_alarm() override {
    if (!waiting_) return;
    const Waiting w = std::move(*waiting_);
    waiting_.reset();
    because("RONG-NET-TIMEOUT");
    const ResumedCall resumed(*this, w.call);
    Json& o = result_fail("connect_timeout",
                          sdk_codes(Vendor::kRongCloud, "connect_timeout", platform_, sdk_));
    o["via"] = "error";
  }

  // How the app learns of TOKEN_INCORRECT (seed 003: SDK 1.0 "通过判断 TOKEN_INCORRECT
  // 错误码"; SDK 2.0 "通过 ERROR 回调方法", with the Android, iOS and Web samples).
  std::string_view via() const {
    if (sdk_ == "1.x") return "error_code";
    if (platform_ == "android") return "onError";
    if (platform_ == "ios") return "error";
    return "onTokenIncorrect";
  }

  // The rules behind a refused connect: what made the token bad, then how this SDK
  // line reports it (the part an SDK 1 → 2 upgrade changes).
  std::string refusal_rule(Condition c) const {
    std::string rule = c == Condition::kBadSignature    ? "RONG-ROTATE"
                       : c == Condition::kExpired       ? "RONG-EXPIRED"
                       : c == Condition::kAppIdMismatch ? "RONG-APPKEY"
                                                        : "LIFE-EVAL-ORDER";
    return rule + (sdk_ == "1.x" ? ", RONG-REPORT-1X" : ", RONG-REPORT-2X");
  }

  // LIFE-STATE: connected, whether the SDK is still trying (a waiting connect or a
  // reconnect after a network loss), and the network.
  void describe_state(Json& out) const override {
    out["connected"] = connected_;
    out["connecting"] = waiting_.has_value() || (held_.has_value() && !connected_);
    out["network"] = network_up_ ? "up" : "down";
  }
  // RongCloud has no will-expire notice and nothing happens to a live connection.
  void on_will_expire(std::int64_t) override {}
  void on_expired() override {}

  TokenBook book_;
  std::string platform_;
  std::string sdk_;
  bool reconnects_;  // false: Web below 2.6.0 (RONG-NET-WEB-2.6)
  std::optional<std::string> app_key_;
  std::int64_t generation_ = 1;
  bool network_up_ = true;
  bool connected_ = false;
  std::optional<TokenSpec> held_;   // the token of the live (or suspended) connection
  std::optional<Waiting> waiting_;  // a connect waiting for the network
};

}  // namespace

std::unique_ptr<Session> make_rongcloud_session(const SessionInput& in) {
  const Json& p = in.profile;
  only_keys(p, "profile", {"vendor", "product", "platform", "sdk_version", "app_key"});
  req_choice(p, "profile", "product", {"im"});
  std::string platform = req_choice(p, "profile", "platform", {"android", "ios", "web"});
  const std::string text = req_string(p, "profile", "sdk_version");
  const auto v = SdkVersion::parse(text);
  if (!v) usage("profile.sdk_version", "\"" + text + "\" is not a version like 2.10.3");
  if (v->major != 1 && v->major != 2) {
    usage("profile.sdk_version",
          "seed 003 documents RongCloud IM SDK 1.x and 2.x only, not " + text);
  }
  // RONG-NET-WEB-2.6: the Web SDK reconnects by itself from 2.6.0 on.
  const bool web_reconnects = *v >= SdkVersion::of(2, 6);
  return std::make_unique<RongSession>(in, std::move(platform), v->major == 1 ? "1.x" : "2.x",
                                       web_reconnects, opt_string(p, "profile", "app_key"));
}

}  // namespace tokcheck::lifecycle
