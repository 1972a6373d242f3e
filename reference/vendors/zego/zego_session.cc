// ZEGO Express, DocsView and SuperBoard (seeds 000_8bca4052b8130c0a.txt,
// 002_0acf9ebd17163d1c.txt; token-formats.md ZEGO §4). Rules, by id in
// docs/SEMANTICS.md:
//   ZEGO-WILL-EXPIRE-30: onRoomTokenWillExpire (Web: roomTokenWillExpire) 30 s
//     before the expiry, from 2.8.0 with renewToken.
//   ZEGO-EXPIRY-2.8-2.12 / ZEGO-EXPIRY-2.13-NOSWITCH: on expiry nothing visible; the
//     user stays, streams keep going, the next publish (1003072) / play (1004003) fails.
//   ZEGO-EXPIRY-2.13-SWITCH: ≥ 2.13.0 with privilege-expiry management on: kicked
//     out, publishing stopped; re-login and re-publish are refused.
//   ZEGO-AUTH-*: AppSign only, Token, Token + AppSign (either passes), forced Token
//     (AppSign refused). A session logged in without a token has none to renew.
//     Before the Token auth mode (ZEGO-AUTH-TOKEN-2.17) every engine has an AppSign
//     and a token at login must hold as well (ZEGO-AUTH-APPSIGN-TOKEN).
//   ZEGO-CALL-ORDER: every call but createEngine needs the engine (no_engine).
//   ZEGO-TOKEN03-2.8 / ZEGO-TOKEN04-2.17: the token version the SDK accepts.
//   ZEGO-RENEW-NEXT-PUBLISH: a renewed token's privileges apply from the next publish.
//   ZEGO-DOCS-* / ZEGO-BOARD-*: DocsView / SuperBoard init with a token, their
//     will-expire notice and renewToken.
//   ZEGO-ROOM-*: a token belongs to its room; room_mode "multi" holds several rooms,
//     each with its own notice, expiry, kick-out and renew; outputs carry room_id.
#include <algorithm>
#include <vector>

#include "reference/lifecycle/sdk_codes.h"
#include "reference/lifecycle/sessions.h"
#include "reference/vendors/zego/zego_session_caps.h"

namespace tokcheck::lifecycle {
namespace {

constexpr ClaimNames kZegoClaims{"app_id", "room", "user", true, true};

enum class AuthMode { kAppSign, kToken, kTokenAppSign, kForcedToken };

struct ZegoProfile {
  std::string product;
  std::string platform;
  ZegoCaps caps;
  AuthMode auth = AuthMode::kToken;
  std::string token_version = "04";
  bool expiry_management = false;
  bool multi_room = false;  // profile room_mode "multi" (ZEGO-ROOM-MODE)
  std::optional<std::string> app_id;
  std::optional<std::string> secret;
};

class ZegoSessionBase : public Session {
 public:
  ZegoSessionBase(const SessionInput& in, ZegoProfile profile)
      : Session(in.start, /*expired_at_expire=*/true),  // token04.h: now >= expire
        book_(in.tokens, kZegoClaims),
        p_(std::move(profile)) {}

 protected:
  Evaluation evaluate(const TokenSpec& t, const std::optional<std::string>& room,
                      const std::optional<std::string>& user, bool login,
                      const std::string& path) const {
    TokenCheck c;
    c.now = now();
    c.app = p_.app_id;
    c.room = room;
    c.user = user;
    c.expired_at_expire = true;
    c.wrong_secret = Condition::kDecryptFailed;  // AES: another secret cannot decrypt it
    c.default_version = p_.token_version;
    const ZegoCaps caps = p_.caps;
    if (p_.product == "express") {
      c.version_supported = [caps](std::string_view v) {
        return v == "03" ? caps.token03 : v == "04" ? caps.token04 : false;
      };
    } else {
      // DocsView / SuperBoard: their token authentication is the token04 row of
      // reference/vendors/zego/sdk_versions.h (seed 002's guide lists them beside Express
      // 2.17.0's token04); a token03 is unsupported_version (ZEGO-DOCS-TOKEN-AUTH).
      c.version_supported = [](std::string_view v) { return v == "04"; };
    }
    c.require_login_privilege = login;
    if (!t.encoded) return evaluate_claims(t, c);
    if (!p_.secret) usage(path, "an encoded ZEGO token needs profile.secret to be verified");
    Json request{{"secret", *p_.secret}};
    if (p_.app_id) {
      if (p_.app_id->empty() || p_.app_id->size() > 10 ||
          p_.app_id->find_first_not_of("0123456789") != std::string::npos) {
        usage("profile.app_id", "an encoded ZEGO token is verified against a numeric app_id");
      }
      request["app_id"] = std::stoll(*p_.app_id);
    }
    if (user) request["user_id"] = *user;
    if (room) request["room_id"] = *room;
    return evaluate_encoded(t, std::move(request), c);
  }

  // A login or renew failure's codes: the table's rows for the condition, less the
  // rows that belong to the publish and play calls (the table lists every call's).
  Json login_codes(Condition c) const {
    const std::string& platform = p_.caps.code_platform;
    Json other = sdk_codes(Vendor::kZego, "publish_auth", platform);
    for (Json& j : sdk_codes(Vendor::kZego, "play_auth", platform)) other.push_back(std::move(j));
    Json out = Json::array();
    for (Json& row : table_codes(Vendor::kZego, c, platform)) {
      bool call_specific = false;
      for (const Json& o : other) call_specific = call_specific || o["code"] == row["code"];
      if (!call_specific) out.push_back(std::move(row));
    }
    return out;
  }

  // The rule behind a refused login / renew: the version thresholds name
  // themselves, an expired token at login is ZEGO-RELOGIN-EXPIRED, the rest are
  // the login-codes rule.
  static std::string_view refusal_rule(const Evaluation& ev, bool login) {
    if (ev.condition == Condition::kUnsupportedVersion)
      return ev.version == "03" ? "ZEGO-TOKEN03-2.8" : "ZEGO-TOKEN04-2.17";
    if (ev.condition == Condition::kPrivilegeMissing || ev.condition == Condition::kRoomMismatch)
      return "ZEGO-PRIVILEGE";
    if (login && ev.condition == Condition::kExpired) return "ZEGO-RELOGIN-EXPIRED";
    if (!login && ev.condition == Condition::kExpired) return "LIFE-RENEW-EXPIRED";
    return "ZEGO-LOGIN-CODES";
  }

  TokenBook book_;
  ZegoProfile p_;
};

// --- Express ----------------------------------------------------------------------
// Rooms (ZEGO-ROOM-*): seed 002 gives every room call and callback a roomID —
// "renewToken(roomID, token)", "onRoomTokenWillExpire(String roomID, int
// remainTimeInSecond)" — so a token belongs to a room, not to the engine. Each
// logged-in room holds its own token, watched under the room's id: its own notice,
// expiry, kick-out and renew. A profile's room_mode "multi" lets the engine hold
// more than one room at a time; "single" (the default) refuses a second.
class ExpressSession final : public ZegoSessionBase {
 public:
  using ZegoSessionBase::ZegoSessionBase;

 private:
  enum class AppSign { kNone, kValid, kInvalid };

  // One logged-in room: who logged in, how, and what its token allows.
  struct Room {
    std::string id;
    std::string user;
    bool by_appsign = false;
    bool appsign_only = false;  // logged in without a token: nothing to renew, no notice
    bool publish_privilege = true;
  };
  // A started stream and the room it belongs to.
  struct Stream {
    std::string id;
    std::string room;
  };

  void dispatch(std::string_view op, const Json& e, const std::string& path) override {
    if (op == "createEngine") {
      only_keys(e, path, {"op", "at", "app_sign"});
      create_engine(e, path);
    } else if (op == "loginRoom") {
      only_keys(e, path, {"op", "at", "room", "user", "token"});
      login(e, path);
    } else if (op == "renewToken") {
      only_keys(e, path, {"op", "at", "room", "token"});
      renew(e, path);
    } else if (op == "startPublishingStream" || op == "startPlayingStream") {
      only_keys(e, path, {"op", "at", "stream", "room"});
      const std::string stream = req_string(e, path, "stream");
      const std::optional<std::string> room = named_room(e, path);
      if (no_engine()) return;
      start_stream(op == "startPublishingStream", stream, room);
    } else if (op == "stopPublishingStream" || op == "stopPlayingStream") {
      only_keys(e, path, {"op", "at", "stream"});
      auto& list = op == "stopPublishingStream" ? publishing_ : playing_;
      const std::string stream = req_string(e, path, "stream");
      if (no_engine()) return;
      std::erase_if(list, [&stream](const Stream& s) { return s.id == stream; });
      result_ok();
    } else if (op == "logoutRoom") {
      only_keys(e, path, {"op", "at", "room"});
      const std::optional<std::string> room = named_room(e, path);
      if (no_engine()) return;
      logout(room);
      result_ok();
    } else if (op == "set_server_switch") {
      only_keys(e, path, {"op", "at", "name", "value"});
      req_choice(e, path, "name", {"privilege_expiry_management"});
      p_.expiry_management = req_bool(e, path, "value");
    } else {
      usage(join_path(path, "op"),
            "\"" + std::string(op) +
                "\" is not a ZEGO Express event (createEngine, loginRoom, renewToken, "
                "startPublishingStream, stopPublishingStream, startPlayingStream, "
                "stopPlayingStream, logoutRoom, set_server_switch, advance)");
    }
  }

  // The event's "room", if it names one. A call that names a room reports it on
  // its result, as the SDK's room callbacks carry their roomID (ZEGO-ROOM-PAYLOAD).
  std::optional<std::string> named_room(const Json& e, const std::string& path) {
    std::optional<std::string> room = opt_string(e, path, "room");
    if (room) result_payload("room_id", *room);
    return room;
  }

  Room* find_room(std::string_view id) {
    for (Room& r : rooms_) {
      if (r.id == id) return &r;
    }
    return nullptr;
  }
  bool was_kicked(std::string_view id) const {
    return std::find(kicked_.begin(), kicked_.end(), id) != kicked_.end();
  }
  void forget_kick(std::string_view id) { std::erase(kicked_, std::string(id)); }

  // ZEGO-CALL-ORDER: every call but createEngine needs the engine. Reports
  // no_engine (and returns true) when there is none.
  bool no_engine() {
    if (engine_) return false;
    because("ZEGO-CALL-ORDER");
    result_fail("no_engine", Json::array());
    return true;
  }

  void create_engine(const Json& e, const std::string& path) {
    AppSign sign = AppSign::kNone;
    if (has(e, "app_sign")) {
      sign = req_choice(e, path, "app_sign", {"valid", "invalid"}) == "valid" ? AppSign::kValid
                                                                              : AppSign::kInvalid;
    }
    if (sign != AppSign::kNone && !p_.caps.appsign) {
      usage(join_path(path, "app_sign"), "this platform has no AppSign authentication");
    }
    if (p_.auth == AuthMode::kToken && sign != AppSign::kNone) {
      usage(join_path(path, "app_sign"), "auth_mode \"token\" creates the engine without AppSign");
    }
    if ((p_.auth == AuthMode::kAppSign || p_.auth == AuthMode::kTokenAppSign) &&
        sign == AppSign::kNone) {
      usage(join_path(path, "app_sign"), "this auth_mode creates the engine with an AppSign");
    }
    if (engine_) {
      because("ZEGO-CALL-ORDER");
      result_fail("engine_exists", Json::array());
      return;
    }
    if (sign == AppSign::kNone && !p_.caps.token_auth_mode) {
      // Seed 002: "AppSign 传空或不传" works from the versions it lists (2.17.0 on
      // iOS); an older SDK creates no engine without an AppSign. The reason name
      // and the absence of codes are inferred (ZEGO-AUTH-TOKEN-2.17).
      because("ZEGO-AUTH-TOKEN-2.17");
      result_fail("token_auth_unavailable", Json::array());
      return;
    }
    engine_ = true;
    app_sign_ = sign;
    result_ok();
  }

  void login(const Json& e, const std::string& path) {
    const std::string room = req_string(e, path, "room");
    result_payload("room_id", room);
    const std::string user = req_string(e, path, "user");
    const std::optional<TokenSpec> token = book_.resolve(e, path);
    if (token && p_.auth == AuthMode::kAppSign) {
      usage(join_path(path, "token"), "auth_mode \"appsign\" logs in without a token");
    }
    if (no_engine()) return;
    if (find_room(room) != nullptr) {
      // The same room twice, in either room mode (ZEGO-ROOM-SAME-TWICE).
      because(token && watched_expired(room) ? "ZEGO-RELOGIN-EXPIRED" : "ZEGO-ROOM-SAME-TWICE");
      result_fail("already_logged_in", Json::array());
      return;
    }
    if (!rooms_.empty() && !p_.multi_room) {
      // Single-room mode holds one room (ZEGO-ROOM-MODE): a second, other room is
      // refused as before the rooms were modelled.
      because(token && watched_expired(rooms_.front().id) ? "ZEGO-RELOGIN-EXPIRED"
                                                          : "ZEGO-ROOM-MODE");
      result_fail("already_logged_in", Json::array());
      return;
    }
    const bool forced = p_.auth == AuthMode::kForcedToken;
    std::optional<Evaluation> ev;
    if (token) ev = evaluate(*token, room, user, /*login=*/true, path);
    const bool token_ok = ev && ev->condition == Condition::kValid;
    // Forced Token "不兼容 AppSign 鉴权" (seed 002), whatever the version.
    const bool appsign_ok = !forced && app_sign_ == AppSign::kValid;
    bool passes = false;
    if (forced || app_sign_ == AppSign::kNone) {
      passes = token_ok;  // ZEGO-AUTH-TOKEN / ZEGO-AUTH-FORCED
    } else if (!token) {
      passes = appsign_ok;  // ZEGO-AUTH-APPSIGN
    } else if (p_.caps.token_auth_mode) {
      // Seed 002's Token auth mode "能兼容 Appsign 鉴权": "只要其中一个校验通过则表示
      // 鉴权通过" (ZEGO-AUTH-EITHER).
      passes = token_ok || appsign_ok;
    } else {
      // Before the Token auth mode the AppSign authenticates and the token carries
      // the room privileges; both must hold, and the token's expiry is seed 000's
      // (ZEGO-AUTH-APPSIGN-TOKEN).
      passes = token_ok && appsign_ok;
    }
    if (!passes) {
      if (ev && !token_ok) {
        because(refusal_rule(*ev, /*login=*/true));
        result_fail(ev->condition, login_codes(ev->condition));
      } else if (forced && app_sign_ != AppSign::kNone) {
        because("ZEGO-AUTH-FORCED");
        result_fail("appsign_refused",
                    sdk_codes(Vendor::kZego, "appsign_auth", p_.caps.code_platform));
      } else if (app_sign_ == AppSign::kInvalid) {
        because("ZEGO-AUTH-APPSIGN");
        result_fail("appsign_invalid",
                    sdk_codes(Vendor::kZego, "appsign_auth", p_.caps.code_platform));
      } else {
        because("ZEGO-AUTH-TOKEN");
        result_fail(Condition::kTokenMissing, login_codes(Condition::kTokenMissing));
      }
      return;
    }
    forget_kick(room);
    Room r;
    r.id = room;
    r.user = user;
    // The AppSign outlives the token only where either credential authenticates
    // (ZEGO-AUTH-APPSIGN-NO-EXPIRY), or when there is no token at all.
    r.by_appsign = appsign_ok && (p_.caps.token_auth_mode || !token);
    r.appsign_only = !token;
    r.publish_privilege = token_ok ? ev->publish_privilege : true;
    rooms_.push_back(std::move(r));
    if (token_ok) {
      watch(room, ev->expire);
    } else {
      unwatch(room);
    }
    result_ok();
  }

  void renew(const Json& e, const std::string& path) {
    const std::optional<TokenSpec> token = book_.resolve(e, path);
    if (!token) usage(join_path(path, "token"), "renewToken needs a token");
    std::optional<std::string> id = named_room(e, path);
    if (!id && p_.multi_room) {
      // With several rooms a renew without one would be ambiguous; the SDK's
      // renewToken always takes the roomID (seed 002).
      usage(join_path(path, "room"), "room_mode \"multi\": renewToken names its room");
    }
    if (!p_.caps.renew) {
      because("ZEGO-RENEW-2.8");
      result_fail("api_unavailable", Json::array());
      return;
    }
    if (no_engine()) return;
    // Single-room mode without a named room renews the room the engine holds.
    if (!id && !rooms_.empty()) id = rooms_.front().id;
    Room* room = id ? find_room(*id) : nullptr;
    if (room == nullptr) {
      // Not in that room (or in none): ZEGO-ROOM-RENEW-UNKNOWN, as before any login.
      because(id && was_kicked(*id)     ? "LIFE-RENEW-AFTER-KICK"
              : id && !rooms_.empty()   ? "ZEGO-ROOM-RENEW-UNKNOWN"
              : !id && !kicked_.empty() ? "LIFE-RENEW-AFTER-KICK"
                                        : "LIFE-RENEW-NOT-JOINED");
      result_fail("not_logged_in", Json::array());
      return;
    }
    if (room->appsign_only) {
      // Seed 002: AppSign authentication passes the AppSign at createEngine and no
      // token at all ("AppSign 没有过期机制"); there is no token to renew.
      because("ZEGO-AUTH-APPSIGN-NO-TOKEN");
      result_fail("no_token", Json::array());
      return;
    }
    const Evaluation ev = evaluate(*token, room->id, room->user, /*login=*/false, path);
    if (ev.condition != Condition::kValid) {
      because(refusal_rule(ev, /*login=*/false));
      result_fail(ev.condition, login_codes(ev.condition));
      return;
    }
    room->publish_privilege = ev.publish_privilege;  // for the next publish only
    watch_renewed(room->id, ev.expire);              // this room's token only
    result_ok();
  }

  // Without a room, logoutRoom leaves every room (the SDK's logoutRoom() without
  // a roomID); with one, that room only (ZEGO-ROOM-LOGOUT).
  void logout(const std::optional<std::string>& room) {
    if (!room) {
      rooms_.clear();
      kicked_.clear();
      publishing_.clear();
      playing_.clear();
      unwatch();
      return;
    }
    std::erase_if(rooms_, [&room](const Room& r) { return r.id == *room; });
    forget_kick(*room);
    std::erase_if(publishing_, [&room](const Stream& s) { return s.room == *room; });
    std::erase_if(playing_, [&room](const Stream& s) { return s.room == *room; });
    unwatch(*room);
  }

  void start_stream(bool publish, const std::string& stream,
                    const std::optional<std::string>& named) {
    // A stream goes to the room named, else to the first room logged in (the
    // main room; the only one in single-room mode).
    Room* room = named ? find_room(*named) : rooms_.empty() ? nullptr : &rooms_.front();
    if (room == nullptr) {
      const bool kicked = named ? was_kicked(*named) : !kicked_.empty();
      because(kicked ? "ZEGO-EXPIRY-2.13-SWITCH" : "ZEGO-CALL-ORDER");
      result_fail("not_logged_in", Json::array());
      return;
    }
    const std::string_view key = publish ? "publish_auth" : "play_auth";
    if (!room->by_appsign) {
      if (watched_expired(room->id)) {
        because(expiry_rule());
        result_fail(Condition::kExpired, sdk_codes(Vendor::kZego, key, p_.caps.code_platform));
        return;
      }
      if (publish && !room->publish_privilege) {
        because("ZEGO-PRIVILEGE");
        result_fail(Condition::kPrivilegeMissing,
                    sdk_codes(Vendor::kZego, key, p_.caps.code_platform));
        return;
      }
    }
    auto& list = publish ? publishing_ : playing_;
    const bool started = std::any_of(list.begin(), list.end(),
                                     [&stream](const Stream& s) { return s.id == stream; });
    if (!started) list.push_back(Stream{stream, room->id});
    result_ok();
  }

  // LIFE-STATE: the engine, the rooms logged in (login order) and the streams.
  void describe_state(Json& out) const override {
    out["engine"] = engine_;
    Json rooms = Json::array();
    for (const Room& r : rooms_) rooms.push_back(r.id);
    out["rooms"] = std::move(rooms);
    for (const auto& [key, streams] :
         {std::pair{"publishing", &publishing_}, std::pair{"playing", &playing_}}) {
      Json ids = Json::array();
      for (const Stream& st : *streams) ids.push_back(st.id);
      out[key] = std::move(ids);
    }
  }

  void on_will_expire(std::int64_t remaining) override {
    because("ZEGO-WILL-EXPIRE-30");
    // onRoomTokenWillExpire(roomID, remainTimeInSecond) (seed 002): ZEGO-ROOM-PAYLOAD.
    will_expire_callback(
        p_.caps.code_platform == "web" ? "roomTokenWillExpire" : "onRoomTokenWillExpire",
        remaining)["room_id"] = timer_key();
  }

  void on_expired() override {
    const std::string id = timer_key();  // the room whose token expired; no other
    Room* room = find_room(id);
    if (room == nullptr || room->by_appsign) return;  // AppSign has no expiry
    if (p_.caps.expiry_kick && p_.expiry_management) {
      // ZEGO-KICK-CODE: onRoomStateChanged(roomID, KickOut, 1002056, ...).
      because("ZEGO-EXPIRY-2.13-SWITCH, ZEGO-KICK-CODE");
      kicked_out("token_expired",
                 sdk_codes(Vendor::kZego, "expiry_kickout", p_.caps.code_platform))["room_id"] = id;
      because("ZEGO-EXPIRY-2.13-SWITCH");
      for (const Stream& s : publishing_) {
        if (s.room == id) stream_stopped(s.id, "token_expired");
      }
      std::erase_if(publishing_, [&id](const Stream& s) { return s.room == id; });
      std::erase_if(playing_, [&id](const Stream& s) { return s.room == id; });
      std::erase_if(rooms_, [&id](const Room& r) { return r.id == id; });
      kicked_.push_back(id);
      unwatch(id);
    }
    // Otherwise nothing is visible now: the token stays, expired (watched_expired()).
  }

  // Which expiry rule left the user in the room with an expired token.
  std::string_view expiry_rule() const {
    if (p_.caps.code_platform == "web") return "ZEGO-WEB";
    return p_.caps.expiry_kick ? "ZEGO-EXPIRY-2.13-NOSWITCH" : "ZEGO-EXPIRY-2.8-2.12";
  }

  bool engine_ = false;
  AppSign app_sign_ = AppSign::kNone;
  std::vector<Room> rooms_;          // logged in, in login order (the first: main room)
  std::vector<std::string> kicked_;  // rooms left by ZEGO-EXPIRY-2.13-SWITCH (not by logout)
  std::vector<Stream> publishing_;
  std::vector<Stream> playing_;
};

// --- DocsView and SuperBoard --------------------------------------------------------
class BoardSession final : public ZegoSessionBase {
 public:
  using ZegoSessionBase::ZegoSessionBase;

 private:
  void dispatch(std::string_view op, const Json& e, const std::string& path) override {
    const bool board = p_.product == "superboard";
    if (op == "init") {
      if (board) {
        only_keys(e, path, {"op", "at", "user", "room", "token"});
      } else {
        only_keys(e, path, {"op", "at", "user", "token"});
      }
      const std::string user = req_string(e, path, "user");
      std::optional<std::string> room;
      if (board) room = req_string(e, path, "room");
      const std::optional<TokenSpec> token = book_.resolve(e, path);
      if (!token) usage(join_path(path, "token"), "init with token authentication needs a token");
      because("ZEGO-DOCS-TOKEN-AUTH");
      if (!p_.caps.token_auth) {
        result_fail("token_auth_unavailable", Json::array());
        return;
      }
      if (inited_) {
        result_fail("already_initialized", Json::array());
        return;
      }
      const Evaluation ev = evaluate(*token, room, user, /*login=*/true, path);
      if (ev.condition != Condition::kValid) {
        result_fail(ev.condition, Json::array());
        return;
      }
      inited_ = true;
      user_ = user;
      room_ = room;
      watch(ev.expire);
      result_ok();
    } else if (op == "renewToken") {
      only_keys(e, path, {"op", "at", "token"});
      const std::optional<TokenSpec> token = book_.resolve(e, path);
      if (!token) usage(join_path(path, "token"), "renewToken needs a token");
      if (!inited_) {
        because("ZEGO-DOCS-TOKEN-AUTH");
        result_fail("not_initialized", Json::array());
        return;
      }
      const Evaluation ev = evaluate(*token, room_, user_, /*login=*/false, path);
      if (ev.condition != Condition::kValid) {
        result_fail(ev.condition, Json::array());
        return;
      }
      watch_renewed(ev.expire);
      result_ok();
    } else {
      usage(join_path(path, "op"), "\"" + std::string(op) + "\" is not a ZEGO " + p_.product +
                                       " event (init, renewToken, advance)");
    }
  }

  void describe_state(Json& out) const override { out["initialized"] = inited_; }

  void on_will_expire(std::int64_t remaining) override {
    because("ZEGO-DOCS-NOTICE");
    if (p_.product == "superboard") {
      // Express's callback (seed 002), so Express's arguments: (roomID, remainTimeInSecond).
      will_expire_callback("onRoomTokenWillExpire", remaining)["room_id"] = room_.value_or("");
      return;
    }
    std::string_view name = "onTokenWillExpire";  // DocsView Android / Electron
    if (p_.platform == "ios") name = "tokenWillExpire";
    will_expire_callback(name, remaining);
  }

  // The seeds document only the notice and renewToken for these SDKs: nothing
  // else is modelled at the expiry (docs/SEMANTICS.md ZEGO-DOCS-EXPIRY).
  void on_expired() override {}

  bool inited_ = false;
  std::string user_;
  std::optional<std::string> room_;
};

std::optional<std::string> app_id_text(const Json& p) {
  if (!has(p, "app_id")) return std::nullopt;
  const Json& v = p["app_id"];
  if (v.is_number_unsigned() || v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_string()) return v.get<std::string>();
  usage("profile.app_id", "must be a number or a string");
}

}  // namespace

std::unique_ptr<Session> make_zego_session(const SessionInput& in) {
  const Json& j = in.profile;
  ZegoProfile p;
  p.product = req_choice(j, "profile", "product", {"express", "docsview", "superboard"});
  if (p.product == "express") {
    only_keys(j, "profile",
              {"vendor", "product", "platform", "sdk_version", "auth_mode", "token_version",
               "privilege_expiry_management", "room_mode", "app_id", "secret"});
  } else {
    only_keys(
        j, "profile",
        {"vendor", "product", "platform", "sdk_version", "token_version", "app_id", "secret"});
  }
  p.platform = req_string(j, "profile", "platform");
  const std::string version_text = req_string(j, "profile", "sdk_version");
  const ZegoCapsResult caps = zego_caps(p.product, p.platform, version_text);
  if (!caps.caps) usage("profile", caps.error);
  p.caps = *caps.caps;
  p.token_version = has(j, "token_version")
                        ? req_choice(j, "profile", "token_version", {"03", "04"})
                        : std::string("04");
  p.app_id = app_id_text(j);
  p.secret = opt_string(j, "profile", "secret");
  if (p.product != "express") return std::make_unique<BoardSession>(in, std::move(p));

  const std::string mode =
      req_choice(j, "profile", "auth_mode", {"appsign", "token", "token_appsign", "forced_token"});
  p.auth = mode == "appsign"         ? AuthMode::kAppSign
           : mode == "token"         ? AuthMode::kToken
           : mode == "token_appsign" ? AuthMode::kTokenAppSign
                                     : AuthMode::kForcedToken;
  if (!p.caps.appsign && (p.auth == AuthMode::kAppSign || p.auth == AuthMode::kTokenAppSign)) {
    usage("profile.auth_mode",
          "\"" + mode + "\" needs AppSign, which ZEGO " + p.platform + " does not have");
  }
  p.expiry_management = req_bool(j, "profile", "privilege_expiry_management");
  p.multi_room =
      has(j, "room_mode") && req_choice(j, "profile", "room_mode", {"single", "multi"}) == "multi";
  return std::make_unique<ExpressSession>(in, std::move(p));
}

}  // namespace tokcheck::lifecycle
