// Agora RTC (seed 001_d4a146d8499d6d2a.txt; token-formats.md §7). Rules, by id in
// docs/SEMANTICS.md:
//   AGORA-CERT-NO-TOKEN / AGORA-NO-CERT-TOKEN: the certificate / token combination
//     alone decides a join (110 native, 120 / 119 on Web).
//   AGORA-JOIN-VERIFY: with a certificate, a join verifies the token (109 expired,
//     110 invalid, per the codes table).
//   AGORA-WILL-EXPIRE-30: onTokenPrivilegeWillExpire 30 s before the expiry.
//   AGORA-DID-EXPIRE: at the expiry onRequestToken (Web: onTokenPrivilegeDidExpire),
//     the user is out of the channel and its streams stop.
//   AGORA-RENEW: renewToken replaces the token; after the expiry a valid renew
//     re-joins (seed: "调用 renewToken 方法尝试重新加入频道").
#include <algorithm>
#include <vector>

#include "reference/lifecycle/sdk_codes.h"
#include "reference/lifecycle/sessions.h"
#include "reference/schemes/json_fields.h"

namespace tokcheck::lifecycle {
namespace {

constexpr ClaimNames kAgoraClaims{"app_id", "channel", "uid", false, false};

class AgoraSession final : public Session {
 public:
  AgoraSession(const SessionInput& in, std::string platform, bool certificate,
               std::optional<std::string> app_id, std::optional<std::string> app_certificate)
      : Session(in.start, /*expired_at_expire=*/true),
        book_(in.tokens, kAgoraClaims),
        platform_(std::move(platform)),
        certificate_(certificate),
        app_id_(std::move(app_id)),
        app_certificate_(std::move(app_certificate)) {}

 private:
  enum class State { kIdle, kJoined, kExpiredOut };

  void dispatch(std::string_view op, const Json& e, const std::string& path) override {
    if (op == "joinChannel") {
      only_keys(e, path, {"op", "at", "channel", "uid", "token"});
      join(e, path);
    } else if (op == "renewToken") {
      only_keys(e, path, {"op", "at", "token"});
      renew(e, path);
    } else if (op == "publish") {
      only_keys(e, path, {"op", "at", "stream"});
      const std::string stream = req_string(e, path, "stream");
      if (state_ != State::kJoined) {
        because(state_ == State::kExpiredOut ? "AGORA-DID-EXPIRE" : "AGORA-CALL-ORDER");
        result_fail("not_in_channel", Json::array());
        return;
      }
      if (std::find(streams_.begin(), streams_.end(), stream) == streams_.end()) {
        streams_.push_back(stream);
      }
      result_ok();
    } else if (op == "leaveChannel") {
      only_keys(e, path, {"op", "at"});
      state_ = State::kIdle;
      streams_.clear();
      unwatch();
      result_ok();
    } else {
      usage(join_path(path, "op"),
            "\"" + std::string(op) +
                "\" is not an Agora RTC event (joinChannel, renewToken, publish, leaveChannel, "
                "advance)");
    }
  }

  Evaluation evaluate(const TokenSpec& t, const std::string& path) const {
    TokenCheck c;
    c.now = now();
    c.app = app_id_;
    c.room = channel_;
    c.user = uid_;
    c.expired_at_expire = true;
    c.room_mismatch = Condition::kChannelMismatch;
    c.user_mismatch = Condition::kUidMismatch;
    if (!t.encoded) return evaluate_claims(t, c);
    if (!app_certificate_) {
      usage(path, "an encoded Agora token needs profile.app_certificate to be verified");
    }
    Json request{{"app_certificate", *app_certificate_}};
    if (app_id_) request["app_id"] = *app_id_;
    request["channel_name"] = channel_;
    request["uid"] = uid_;
    request["privileges"] = Json::array({1});  // kJoinChannel
    return evaluate_encoded(t, std::move(request), c);
  }

  void join(const Json& e, const std::string& path) {
    const std::string channel = req_string(e, path, "channel");
    if (!has(e, "uid")) usage(join_path(path, "uid"), "is required");
    std::string uid;
    try {
      uid = schemes::agora_uid(e["uid"], "uid");
    } catch (const UsageError& err) {
      usage(join_path(path, "uid"), err.what());
    }
    const std::optional<TokenSpec> token = book_.resolve(e, path);
    if (state_ == State::kJoined) {
      because("AGORA-CALL-ORDER");
      result_fail("already_in_channel", Json::array());
      return;
    }
    if (certificate_ && !token) {
      because("AGORA-CERT-NO-TOKEN");
      result_fail(Condition::kTokenMissing,
                  table_codes("agora", Condition::kTokenMissing, platform_));
      return;
    }
    if (!certificate_ && token) {
      because("AGORA-NO-CERT-TOKEN");
      result_fail(Condition::kTokenUnexpected,
                  table_codes("agora", Condition::kTokenUnexpected, platform_));
      return;
    }
    const std::string old_channel = std::exchange(channel_, channel);
    const std::string old_uid = std::exchange(uid_, uid);
    if (!certificate_) {  // a static-key project: nothing expires
      state_ = State::kJoined;
      unwatch();
      result_ok();
      return;
    }
    const Evaluation ev = evaluate(*token, path);
    if (ev.condition != Condition::kValid) {
      channel_ = old_channel;
      uid_ = old_uid;
      because("AGORA-JOIN-VERIFY");
      result_fail(ev.condition, table_codes("agora", ev.condition, platform_));
      return;
    }
    state_ = State::kJoined;
    streams_.clear();
    watch(ev.expire);
    result_ok();
  }

  void renew(const Json& e, const std::string& path) {
    const std::optional<TokenSpec> token = book_.resolve(e, path);
    if (!token) usage(join_path(path, "token"), "renewToken needs a token");
    if (state_ == State::kIdle) {
      because("LIFE-RENEW-NOT-JOINED");
      result_fail("not_in_channel", Json::array());
      return;
    }
    if (!certificate_) {
      because("AGORA-NO-CERT-TOKEN");
      result_fail(Condition::kTokenUnexpected,
                  table_codes("agora", Condition::kTokenUnexpected, platform_));
      return;
    }
    const Evaluation ev = evaluate(*token, path);
    if (ev.condition != Condition::kValid) {
      because("AGORA-RENEW-CODES");
      result_fail(ev.condition, renew_codes(ev.condition));
      return;
    }
    state_ = State::kJoined;  // from kExpiredOut this is the re-join
    watch_renewed(ev.expire);
    result_ok();
  }

  // renewToken's own result codes natively (SDK 4.6+); on Web the join codes.
  Json renew_codes(Condition c) const {
    if (platform_ == "web") return table_codes("agora", c, platform_);
    std::string_view key = "renew_invalid";
    if (c == Condition::kExpired || c == Condition::kPrivilegeExpired) key = "renew_expired";
    if (c == Condition::kChannelMismatch) key = "renew_channel";
    if (c == Condition::kAppIdMismatch) key = "renew_app_id";
    return sdk_codes("agora", key, platform_);
  }

  void on_will_expire(std::int64_t remaining) override {
    because("AGORA-WILL-EXPIRE-30");
    will_expire_callback("onTokenPrivilegeWillExpire", remaining);
  }

  void on_expired() override {
    because("AGORA-DID-EXPIRE");
    callback(platform_ == "web" ? "onTokenPrivilegeDidExpire" : "onRequestToken");
    kicked_out("token_expired", sdk_codes("agora", "expired_disconnect", platform_));
    for (const std::string& s : streams_) stream_stopped(s, "token_expired");
    streams_.clear();
    state_ = State::kExpiredOut;
    unwatch();
  }

  TokenBook book_;
  std::string platform_;
  bool certificate_;
  std::optional<std::string> app_id_;
  std::optional<std::string> app_certificate_;
  State state_ = State::kIdle;
  std::string channel_;
  std::string uid_;
  std::vector<std::string> streams_;
};

}  // namespace

std::unique_ptr<Session> make_agora_session(const SessionInput& in) {
  const Json& p = in.profile;
  only_keys(p, "profile",
            {"vendor", "product", "platform", "certificate", "app_id", "app_certificate"});
  req_choice(p, "profile", "product", {"rtc"});
  std::string platform = req_choice(p, "profile", "platform", {"native", "objc", "web"});
  const bool certificate = req_bool(p, "profile", "certificate");
  return std::make_unique<AgoraSession>(in, std::move(platform), certificate,
                                        opt_string(p, "profile", "app_id"),
                                        opt_string(p, "profile", "app_certificate"));
}

}  // namespace tokcheck::lifecycle
