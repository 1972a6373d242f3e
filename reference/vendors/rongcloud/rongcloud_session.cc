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
#include "reference/core/sdk_version.h"
#include "reference/lifecycle/sdk_codes.h"
#include "reference/lifecycle/sessions.h"

namespace tokcheck::lifecycle {
namespace {

constexpr ClaimNames kRongClaims{"app_key", "", "user", false, false};

class RongSession final : public Session {
 public:
  RongSession(const SessionInput& in, std::string platform, std::string sdk,
              std::optional<std::string> app_key)
      : Session(in.start, /*expired_at_expire=*/true),
        book_(in.tokens, kRongClaims),
        platform_(std::move(platform)),
        sdk_(std::move(sdk)),
        app_key_(std::move(app_key)) {}

 private:
  void dispatch(std::string_view op, const Json& e, const std::string& path) override {
    if (op == "connect") {
      only_keys(e, path, {"op", "at", "token"});
      const std::optional<TokenSpec> token = book_.resolve(e, path);
      if (!token) usage(join_path(path, "token"), "connect needs a token");
      if (token->encoded) usage(join_path(path, "token"), "RongCloud tokens are given as claims");
      if (connected_) {
        because("RONG-CALL-ORDER");
        result_fail("already_connected", Json::array());
        return;
      }
      TokenCheck c;
      c.now = now();
      c.app = app_key_;
      c.secret_generation = generation_;
      c.expired_at_expire = true;
      const Evaluation ev = evaluate_claims(*token, c);
      if (ev.condition != Condition::kValid) {
        because(refusal_rule(ev.condition));
        Json& o = result_fail(ev.condition,
                              sdk_codes(Vendor::kRongCloud, "token_incorrect", platform_, sdk_));
        o["via"] = via();
        return;
      }
      connected_ = true;
      // RONG-CONNECT-USER: the success callback's argument is the connected user's id
      // (seed 003: iOS "success:^(NSString *userId)", Web "onSuccess: function(userId)").
      if (token->user) result_payload("user_id", *token->user);
      because("RONG-CONNECT-USER");
      result_ok();
    } else if (op == "disconnect") {
      only_keys(e, path, {"op", "at"});
      connected_ = false;
      result_ok();
    } else if (op == "rotate_secret") {
      only_keys(e, path, {"op", "at"});
      ++generation_;  // the console's "refresh App Secret": a server-side change, no output
    } else {
      usage(join_path(path, "op"), "\"" + std::string(op) +
                                       "\" is not a RongCloud IM event (connect, disconnect, "
                                       "rotate_secret, advance)");
    }
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

  // RongCloud has no will-expire notice and nothing happens to a live connection.
  void describe_state(Json& out) const override { out["connected"] = connected_; }
  void on_will_expire(std::int64_t) override {}
  void on_expired() override {}

  TokenBook book_;
  std::string platform_;
  std::string sdk_;
  std::optional<std::string> app_key_;
  std::int64_t generation_ = 1;
  bool connected_ = false;
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
  return std::make_unique<RongSession>(in, std::move(platform), v->major == 1 ? "1.x" : "2.x",
                                       opt_string(p, "profile", "app_key"));
}

}  // namespace tokcheck::lifecycle
