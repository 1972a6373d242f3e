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
//   AGORA-UID-TYPE: a claims token built for an int uid never fits a user account
//     of the same digits, nor the reverse (seed: the user ID must match "且数据类型
//     也一致"): uid_mismatch, 110.
//   AGORA-RENEW-CODES-4.6: renewToken's result codes exist natively from SDK 4.6
//     (token-formats.md §7); before it a refused renew reports no code (none invented).
//   AGORA-INIT-APP-ID: the App ID the engine is initialised with must be a string of
//     32 hex characters; otherwise initialize and every joinChannel fail with 101
//     (seed: "SDK 在初始化 Agora 服务时返回错误码 ERR_INVALID_APP_ID(101)；或调用
//     joinChannel 方法加入频道时 ... 报告错误码 ERR_INVALID_APP_ID(101)").
#include <algorithm>
#include <vector>

#include "reference/core/sdk_version.h"
#include "reference/lifecycle/sdk_codes.h"
#include "reference/lifecycle/sessions.h"
#include "reference/schemes/json_fields.h"
#include "reference/vendors/agora/agora_scheme_common.h"

namespace tokcheck::lifecycle {
namespace {

constexpr ClaimNames kAgoraClaims{"app_id", "channel", "uid", false, false, /*int_uid=*/true};

// An Agora App ID is the text of 32 hex characters (token-formats.md §0: the C++
// builders and every 007 builder refuse anything else).
bool is_agora_app_id(std::string_view s) {
  if (s.size() != 32) return false;
  return std::all_of(s.begin(), s.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
  });
}

class AgoraSession final : public Session {
 public:
  AgoraSession(const SessionInput& in, std::string platform, bool certificate,
               std::optional<std::string> app_id, bool app_id_valid,
               std::optional<std::string> app_certificate, bool renew_results)
      : Session(in.start, /*expired_at_expire=*/true),
        book_(in.tokens, kAgoraClaims),
        platform_(std::move(platform)),
        certificate_(certificate),
        app_id_(std::move(app_id)),
        app_id_valid_(app_id_valid),
        app_certificate_(std::move(app_certificate)),
        renew_results_(renew_results) {}

 private:
  enum class State { kIdle, kJoined, kExpiredOut };

  void dispatch(std::string_view op, const Json& e, const std::string& path) override {
    if (op == "initialize") {
      only_keys(e, path, {"op", "at"});
      initialize();
    } else if (op == "joinChannel") {
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
                "\" is not an Agora RTC event (initialize, joinChannel, renewToken, publish, "
                "leaveChannel, advance)");
    }
  }

  Evaluation evaluate(const TokenSpec& t, const std::string& path) const {
    TokenCheck c;
    c.now = now();
    c.app = app_id_;
    c.room = channel_;
    c.user = uid_;
    c.user_is_int = uid_is_int_;  // AGORA-UID-TYPE (an encoded token carries text only)
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

  // AGORA-INIT-APP-ID: initialising the engine judges the App ID; a join without an
  // initialize event initialises the engine itself (the app created it before the
  // scenario began) and judges the App ID the same way.
  bool app_id_refused() {
    if (app_id_valid_) return false;
    because("AGORA-INIT-APP-ID");
    result_fail(Condition::kInvalidAppId,
                table_codes(Vendor::kAgora, Condition::kInvalidAppId, platform_));
    return true;
  }

  void initialize() {
    if (initialized_) {
      because("AGORA-INIT-APP-ID");
      result_fail("already_initialized", Json::array());
      return;
    }
    if (app_id_refused()) return;
    initialized_ = true;
    result_ok();
  }

  void join(const Json& e, const std::string& path) {
    const std::string channel = req_string(e, path, "channel");
    if (!has(e, "uid")) usage(join_path(path, "uid"), "is required");
    std::string uid;
    try {
      uid = schemes::agora_adapter::agora_uid(e["uid"], "uid");
    } catch (const UsageError& err) {
      usage(join_path(path, "uid"), err.what());
    }
    const std::optional<TokenSpec> token = book_.resolve(e, path);
    if (app_id_refused()) return;
    initialized_ = true;
    if (state_ == State::kJoined) {
      because("AGORA-CALL-ORDER");
      result_fail("already_in_channel", Json::array());
      return;
    }
    if (certificate_ && !token) {
      because("AGORA-CERT-NO-TOKEN");
      result_fail(Condition::kTokenMissing,
                  table_codes(Vendor::kAgora, Condition::kTokenMissing, platform_));
      return;
    }
    if (!certificate_ && token) {
      because("AGORA-NO-CERT-TOKEN");
      result_fail(Condition::kTokenUnexpected,
                  table_codes(Vendor::kAgora, Condition::kTokenUnexpected, platform_));
      return;
    }
    const std::string old_channel = std::exchange(channel_, channel);
    const std::string old_uid = std::exchange(uid_, uid);
    // joinChannel takes an int uid, joinChannelWithUserAccount a string account.
    const bool old_is_int = std::exchange(uid_is_int_, e["uid"].is_number());
    if (!certificate_) {  // a static-key project: nothing expires
      state_ = State::kJoined;
      unwatch();
      result_ok();
      return;
    }
    const Evaluation ev = evaluate(*token, path);
    if (ev.condition != Condition::kValid) {
      // The same text, another type: an int-uid token for an account or back.
      const bool type_only = ev.condition == Condition::kUidMismatch && token->user == uid_;
      channel_ = old_channel;
      uid_ = old_uid;
      uid_is_int_ = old_is_int;
      because(type_only ? "AGORA-UID-TYPE" : "AGORA-JOIN-VERIFY");
      result_fail(ev.condition, table_codes(Vendor::kAgora, ev.condition, platform_));
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
      // A static-key project takes no token, but a refused renewToken reports
      // renewToken's result (3 INVALID_TOKEN natively): seed 001 documents 110 for
      // joinChannel only ("调用 joinChannel 方法加入频道时 ... ERR_INVALID_TOKEN(110)").
      because("AGORA-RENEW-CODES");
      result_fail(Condition::kTokenUnexpected, renew_codes(Condition::kTokenUnexpected));
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
  Json renew_codes(Condition c) {  // not const: names the rule behind an empty answer
    if (platform_ == "web") return table_codes(Vendor::kAgora, c, platform_);
    if (!renew_results_) {
      because("AGORA-RENEW-CODES-4.6");
      return Json::array();
    }
    std::string_view key = "renew_invalid";
    if (c == Condition::kExpired || c == Condition::kPrivilegeExpired) key = "renew_expired";
    if (c == Condition::kChannelMismatch) key = "renew_channel";
    if (c == Condition::kAppIdMismatch) key = "renew_app_id";
    return sdk_codes(Vendor::kAgora, key, platform_);
  }

  // LIFE-STATE: after the expiry the user is out of the channel (kExpiredOut).
  void describe_state(Json& out) const override {
    out["initialized"] = initialized_;
    out["in_channel"] = state_ == State::kJoined;
  }

  void on_will_expire(std::int64_t remaining) override {
    because("AGORA-WILL-EXPIRE-30");
    will_expire_callback("onTokenPrivilegeWillExpire", remaining);
  }

  void on_expired() override {
    because("AGORA-DID-EXPIRE");
    callback(platform_ == "web" ? "onTokenPrivilegeDidExpire" : "onRequestToken");
    kicked_out("token_expired", sdk_codes(Vendor::kAgora, "expired_disconnect", platform_));
    for (const std::string& s : streams_) stream_stopped(s, "token_expired");
    streams_.clear();
    state_ = State::kExpiredOut;
    unwatch();
  }

  TokenBook book_;
  std::string platform_;
  bool certificate_;
  std::optional<std::string> app_id_;
  bool app_id_valid_;
  std::optional<std::string> app_certificate_;
  bool initialized_ = false;
  State state_ = State::kIdle;
  std::string channel_;
  std::string uid_;
  bool uid_is_int_ = false;
  std::vector<std::string> streams_;
  bool renew_results_;  // AGORA-RENEW-CODES-4.6: native SDK 4.6+ (or no version given)
};

// Native SDK 4.6 brought renewToken's result codes (token-formats.md §7).
constexpr SdkVersion kRenewResultsSince = SdkVersion::of(4, 6);

}  // namespace

std::unique_ptr<Session> make_agora_session(const SessionInput& in) {
  const Json& p = in.profile;
  only_keys(
      p, "profile",
      {"vendor", "product", "platform", "certificate", "app_id", "app_certificate", "sdk_version"});
  req_choice(p, "profile", "product", {"rtc"});
  std::string platform = req_choice(p, "profile", "platform", {"native", "objc", "web"});
  const bool certificate = req_bool(p, "profile", "certificate");
  // The App ID the app initialises the engine with; absent: not checked. A number
  // is accepted as the seed's typical invalid App ID ("一般是由于 App ID 的数据类型不对
  // 引起的", "Agora 的 App ID 为 String 型") and is never valid.
  std::optional<std::string> app_id;
  bool app_id_valid = true;
  if (has(p, "app_id") && p["app_id"].is_number()) {
    app_id = p["app_id"].dump();
    app_id_valid = false;
  } else if (has(p, "app_id") && !p["app_id"].is_string()) {
    usage("profile.app_id",
          "must be a string (an App ID) or a number (an App ID of the wrong type)");
  } else {
    app_id = opt_string(p, "profile", "app_id");
    app_id_valid = !app_id || is_agora_app_id(*app_id);
  }
  // The SDK version; absent: the current SDK. Only native renew codes depend on it;
  // the Web SDK's version line is its own and changes nothing here (inferred).
  bool renew_results = true;
  if (const auto text = opt_string(p, "profile", "sdk_version")) {
    const auto version = SdkVersion::parse(*text);
    if (!version) usage("profile.sdk_version", "\"" + *text + "\" is not a version like 4.6.0");
    renew_results = platform == "web" || *version >= kRenewResultsSince;
  }
  return std::make_unique<AgoraSession>(in, std::move(platform), certificate, std::move(app_id),
                                        app_id_valid, opt_string(p, "profile", "app_certificate"),
                                        renew_results);
}

}  // namespace tokcheck::lifecycle
