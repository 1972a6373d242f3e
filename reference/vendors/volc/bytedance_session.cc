// ByteDance (Douyin) mini-program RTC: RtcRoomContext over Volcengine RTC tokens
// (seed 004_feb3ed951cfe7da6.txt; the joinRtcRoom / exitRtcRoom pages cited in
// docs/SEMANTICS.md; volcengine.com/docs/6348/1157360). Rules, by id:
//   BD-UPDATE-2.68: updateToken exists from base library 2.68.0; before that the
//     method is missing and no callback runs.
//   BD-CALLBACK-ORDER: success → complete, or fail → complete, with the errMsg /
//     errNo / errorCode the pages list.
//   BD-WILL-EXPIRE-30 / BD-EXPIRY-REMOVED: onTokenWillExpire 30 s before the expiry;
//     without updateToken the user is removed from the room at the expiry.
//   BD-NO-EXPIRY: expire_at 0 never expires, in claims as in the codec.
#include "reference/core/sdk_version.h"
#include "reference/lifecycle/sdk_codes.h"
#include "reference/lifecycle/sessions.h"

namespace tokcheck::lifecycle {
namespace {

// Base-library versions from which the RtcRoomContext methods exist, with the
// rule ids that cite their pages in docs/SEMANTICS.md.
constexpr SdkVersion kJoinExitSince = SdkVersion::of(2, 42);     // BD-JOIN, BD-EXIT
constexpr SdkVersion kUpdateTokenSince = SdkVersion::of(2, 68);  // BD-UPDATE-2.68

constexpr ClaimNames kVolcClaims{"app_id",           "room", "user", false, false, false,
                                 /*u32_expire=*/true};

// Parameter errors (errNo 20000) are documented only as "<api>:fail" + detail; the
// detail text is inferred from the host's usual parameter check.
std::string missing_param(std::string_view api, std::string_view param) {
  return std::string(api) + ":fail parameter error: parameter." + std::string(param) +
         " should be String instead of Undefined;";
}

class MiniProgramSession final : public Session {
 public:
  MiniProgramSession(const SessionInput& in, SdkVersion base, std::optional<std::string> app_id,
                     std::optional<std::string> app_key)
      : Session(in.start, /*expired_at_expire=*/false),  // volc001.h: expired when now > expire_at
        book_(in.tokens, kVolcClaims),
        base_(base),
        app_id_(std::move(app_id)),
        app_key_(std::move(app_key)) {}

 private:
  void dispatch(std::string_view op, const Json& e, const std::string& path) override {
    if (op == "joinRtcRoom") {
      only_keys(e, path, {"op", "at", "room", "user", "token"});
      join(e, path);
    } else if (op == "updateToken") {
      only_keys(e, path, {"op", "at", "token"});
      update(e, path);
    } else if (op == "exitRtcRoom") {
      only_keys(e, path, {"op", "at"});
      if (base_ < kJoinExitSince) {
        because("BD-EXIT");
        result_fail("api_unavailable", Json::array());
        return;
      }
      because("BD-EXIT");
      joined_ = false;
      unwatch();
      succeed("exitRtcRoom:ok");
    } else {
      usage(join_path(path, "op"), "\"" + std::string(op) +
                                       "\" is not a mini-program RTC event (joinRtcRoom, "
                                       "updateToken, exitRtcRoom, advance)");
    }
  }

  Evaluation evaluate(const TokenSpec& t, const std::string& path) const {
    TokenCheck c;
    c.now = now();
    c.app = app_id_;
    c.room = room_;
    c.user = user_;
    c.expired_at_expire = false;
    if (!t.encoded) {
      // Claims follow the codec (volc001.h): expire_at is a u32 (checked where the
      // claims are read, ClaimNames::u32_expire) and 0 never expires (BD-NO-EXPIRY,
      // stated once in the vendor's tables).
      c.zero_expire_never = bytedance_sdk_tables().claims_zero_expire_never;
      return evaluate_claims(t, c);
    }
    if (!app_key_) usage(path, "an encoded token needs profile.app_key to be verified");
    Json request{{"app_key", *app_key_}, {"check_mode", "strict"}};
    if (app_id_) request["app_id"] = *app_id_;
    request["room_id"] = room_;
    request["user_id"] = user_;
    return evaluate_encoded(t, std::move(request), c);
  }

  void join(const Json& e, const std::string& path) {
    const std::optional<std::string> room = opt_string(e, path, "room");
    const std::optional<std::string> user = opt_string(e, path, "user");
    const std::optional<TokenSpec> token = book_.resolve(e, path);
    because("BD-JOIN");
    if (base_ < kJoinExitSince) {
      result_fail("api_unavailable", Json::array());
      return;
    }
    const char* missing = !room ? "roomId" : !token ? "token" : !user ? "userId" : nullptr;
    if (missing) {
      because("BD-JOIN-PARAM");
      fail("invalid_parameter", missing_param("joinRtcRoom", missing), 20000);
      return;
    }
    if (joined_) {
      fail("already_in_room", "joinRtcRoom:fail user " + user_ + " is already in the room " + room_,
           21100);
      return;
    }
    const std::string old_room = std::exchange(room_, *room);
    const std::string old_user = std::exchange(user_, *user);
    const Evaluation ev = evaluate(*token, path);
    if (ev.condition != Condition::kValid) {
      room_ = old_room;
      user_ = old_user;
      fail(to_string(ev.condition), "joinRtcRoom:fail invalid token", 21101);
      return;
    }
    joined_ = true;
    watch(ev.expire);
    succeed("joinRtcRoom:ok");
  }

  void update(const Json& e, const std::string& path) {
    const std::optional<TokenSpec> token = book_.resolve(e, path);
    if (base_ < kUpdateTokenSince) {
      because("BD-UPDATE-2.68");
      result_fail("api_unavailable", Json::array());
      return;
    }
    if (!token) {
      because("BD-UPDATE-PARAM");
      fail("invalid_parameter", missing_param("updateToken", "token"), 20000);
      return;
    }
    if (!joined_) {
      because("BD-UPDATE-NOT-JOINED");
      fail("not_in_room", "updateToken:fail not in room", std::nullopt);
      return;
    }
    const Evaluation ev = evaluate(*token, path);
    if (ev.condition != Condition::kValid) {
      because("BD-UPDATE-RESULT");
      fail(to_string(ev.condition), "updateToken:fail invalid token", 21101, 115902);
      return;
    }
    watch_renewed(ev.expire);
    succeed("updateToken:ok");
  }

  void succeed(std::string_view err_msg) {
    result_ok();
    for (std::string_view name : {"success", "complete"}) {
      Json& o = emit("callback");
      o["name"] = name;
      o["call"] = call();
      o["errMsg"] = err_msg;
    }
  }

  void fail(std::string_view reason, const std::string& err_msg, std::optional<int> err_no,
            std::optional<int> error_code = std::nullopt) {
    result_fail(reason, Json::array());
    for (std::string_view name : {"fail", "complete"}) {
      Json& o = emit("callback");
      o["name"] = name;
      o["call"] = call();
      o["errMsg"] = err_msg;
      if (err_no) o["errNo"] = *err_no;
      if (error_code) o["errorCode"] = *error_code;
    }
  }

  void describe_state(Json& out) const override { out["in_room"] = joined_; }

  void on_will_expire(std::int64_t remaining) override {
    because("BD-WILL-EXPIRE-30");
    will_expire_callback("onTokenWillExpire", remaining);
  }

  void on_expired() override {
    because("BD-EXPIRY-REMOVED");
    kicked_out("token_expired", sdk_codes(Vendor::kByteDance, "expired_removed", "miniprogram"));
    joined_ = false;
    unwatch();
  }

  TokenBook book_;
  SdkVersion base_;
  std::optional<std::string> app_id_;
  std::optional<std::string> app_key_;
  bool joined_ = false;
  std::string room_;
  std::string user_;
};

}  // namespace

std::unique_ptr<Session> make_bytedance_session(const SessionInput& in) {
  const Json& p = in.profile;
  only_keys(p, "profile", {"vendor", "product", "base_library", "app_id", "app_key"});
  req_choice(p, "profile", "product", {"miniprogram_rtc"});
  const std::string text = req_string(p, "profile", "base_library");
  const auto v = SdkVersion::parse(text);
  if (!v) usage("profile.base_library", "\"" + text + "\" is not a version like 2.68.0");
  return std::make_unique<MiniProgramSession>(in, *v, opt_string(p, "profile", "app_id"),
                                              opt_string(p, "profile", "app_key"));
}

}  // namespace tokcheck::lifecycle
