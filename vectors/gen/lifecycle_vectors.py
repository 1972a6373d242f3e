#!/usr/bin/env python3
"""Scenario vectors for the token lifecycle (docs/SEMANTICS.md).

Writes vectors/lifecycle-{zego,agora,rongcloud,bytedance}/scenario.json. Each test's
`input` is a scenario (profile + tokens + events) and `expected.outputs` is what the
rules in docs/SEMANTICS.md say the SDK does. The expected outputs come from the
small models in this file, an independent and deliberately plain statement of the
rules: it never calls the C++ engine, shares no code with it, and advances its
clock one second at a time instead of scheduling timers, so the two only agree
when the rules, not the algorithms, agree. Encoded Agora and Volcengine tokens are
built here with hmac/zlib/base64 from the byte tables in token-formats.md.

    python3 vectors/gen/lifecycle_vectors.py            # writes the four files
    python3 vectors/gen/lifecycle_vectors.py --check    # fails if a file would change
"""
import base64
import hashlib
import hmac
import json
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vectorfile import VectorFile  # noqa: E402

GENERATOR = "vectors/gen/lifecycle_vectors.py"
T0 = 1700000000  # every scenario starts here (2023-11-14 22:13:20 UTC)
LEAD = 30        # the will-expire notice fires this many seconds before the expiry

SEED_ZEGO_CODES = "seed 000_8bca4052b8130c0a.txt"
SEED_ZEGO_UPGRADE = "seed 002_0acf9ebd17163d1c.txt"
SEED_AGORA = "seed 001_d4a146d8499d6d2a.txt"
SEED_RONG = "seed 003_65ee157fdeaf3d18.txt"
SEED_BD = "seed 004_feb3ed951cfe7da6.txt"
URL_JOIN_RTC = ("https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/"
                "media/rtc-room/rtc-room-context/join-rtc-room")
URL_EXIT_RTC = ("https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/"
                "media/rtc-room/rtc-room-context/exit-rtc-room")
URL_VOLC_TOKEN = "https://volcengine.com/docs/6348/1157360"
URL_RONG_31004 = "https://docs.rongcloud.cn/im/imkit/ios/quick-start/connect/"
URL_RONG_CONNECT_IOS = ("https://docs.rongcloud.cn/v4-platform/views/im/noui/guide/connection/"
                        "connect/ios.html")
URL_RONG_WEB_RECONNECT = "https://docs.rongcloud.cn/web-imlib/2.x/private/connection/reconnect"
SRC_RC_STATUS = ("RongCloud iOS SDK header RCStatusDefine.h (RC_CONNECT_TIMEOUT = 34006; "
                 "RCConnectionStatus)")

NOTES = {
    "InferredRule": {
        "bugType": "DEFINED",
        "description": "The expected outputs depend on a rule the sources are silent on; "
                       "docs/SEMANTICS.md records it as inferred, with the reason. A real SDK "
                       "may legitimately differ."},
    "VersionBoundary": {
        "bugType": "EDGE_CASE",
        "description": "An SDK or base-library version just below or exactly at a documented "
                       "threshold (2.8.0, 2.13.0, 2.17.0, 2.3.0, 2.1.6, 2.42.0, 2.68.0, 1.x/2.x)."},
    "ExpiryEffect": {
        "bugType": "FUNCTIONALITY",
        "description": "What happens when a token reaches its expiry without a renew."},
    "WillExpireNotice": {
        "bugType": "FUNCTIONALITY",
        "description": "The will-expire notice: 30 s before the expiry, once per token."},
    "RenewRule": {
        "bugType": "FUNCTIONALITY",
        "description": "renewToken / updateToken: what an accepted or a refused renew changes."},
    "AuthMode": {
        "bugType": "AUTH_BYPASS",
        "description": "Which credential (AppSign, token, certificate) lets a user in."},
    "CodeMapping": {
        "bugType": "FUNCTIONALITY",
        "description": "The vendor's error code and name for a failed call on this platform."},
    "ClockSkew": {
        "bugType": "EDGE_CASE",
        "description": "An event stamped earlier than the simulated clock."},
    "TimerOrder": {
        "bugType": "EDGE_CASE",
        "description": "A call at exactly the second a notice or an expiry is due."},
    "EncodedToken": {
        "bugType": "BASIC",
        "description": "A real encoded token (built by this generator), verified through the "
                       "codecs instead of given as claims."},
    "SecretRotation": {
        "bugType": "FUNCTIONALITY",
        "description": "Tokens signed under an App Secret that has since been refreshed."},
    "CallbackOrder": {
        "bugType": "FUNCTIONALITY",
        "description": "success → complete / fail → complete with the documented errMsg, errNo "
                       "and errorCode."},
    "Privilege": {
        "bugType": "MODIFIED_PARAMETER",
        "description": "A token whose login or publish privilege is denied."},
    "InvalidAppId": {
        "bugType": "MODIFIED_PARAMETER",
        "description": "The App ID the engine is initialised with is not an App ID (not 32 hex "
                       "characters, or not a string): seed 001's 101 at initialisation and at "
                       "joinChannel."},
    "UidType": {
        "bugType": "MODIFIED_PARAMETER",
        "description": "An Agora claims token for an int uid joined with a user account of the "
                       "same digits, or the reverse: seed 001 wants the same user ID \"且数据类型也"
                       "一致\" (110)."},
    "StateQuery": {
        "bugType": "FUNCTIONALITY",
        "description": "A state event asks what the SDK holds at that second (in the room, "
                       "connected, which streams) instead of probing with a call (LIFE-STATE)."},
    "MultiRoom": {
        "bugType": "FUNCTIONALITY",
        "description": "ZEGO Express holding several rooms (profile room_mode \"multi\"): each "
                       "room's token has its own notice, expiry, kick-out and renewToken(roomID, "
                       "token) (seed 002); outputs name the room (room_id)."},
    "Network": {
        "bugType": "FUNCTIONALITY",
        "description": "The device's network goes down and comes back (RongCloud IM, RONG-NET-*): "
                       "a connect waits for it or times out (iOS timeLimit), a live connection "
                       "reconnects by itself and that reconnect is judged like a connect."},
    "ClockRange": {
        "bugType": "EDGE_CASE",
        "description": "Times at the last second a scenario's clock can reach "
                       "(4611686018427387903, LIFE-CLOCK-RANGE); an advance past it is a usage "
                       "error, which a scenario vector cannot express."},
}
MAX_TIME = 2**62 - 1  # LIFE-CLOCK-RANGE: the last second of the scenario clock


# --------------------------------------------------------------------------------------
# The clock, shared by every vendor model: one second at a time.
# --------------------------------------------------------------------------------------
class Model:
    """A session that watches tokens: one unnamed watch (key "") for every vendor
    but ZEGO Express, which watches one per room (ZEGO-ROOM-SCOPED). Subclasses
    define the calls (op_<name>), notice(remaining) and expired(); self.timer_key
    names the watch whose timer is running."""

    # The token counts as expired at now >= expire (Agora, ZEGO) or only at
    # now > expire (Volcengine's Verify).
    EXPIRED_AT_EXPIRE = True

    def __init__(self, start):
        self.now = start
        self.out = []
        self.index = None
        self.call = None
        self.payload = {}  # members every result of the current event carries
        # key -> {"exp", "noticed", "done", "noticed_exps"}, in the order the watches
        # began; noticed_exps: the expiry instants noticed in that session
        self.toks = {}
        self.timer_key = None
        self.alarm_at = None  # a session's one alarm (RongCloud's connect timeLimit)

    # outputs ---------------------------------------------------------------------------
    def emit(self, kind, **fields):
        o = {"at": self.now, "kind": kind}
        o.update(fields)
        self.out.append(o)
        return o

    def ok(self):
        self.emit("result", event=self.index, call=self.call, ok=True, **self.payload)

    def fail(self, reason, codes):
        return self.emit("result", event=self.index, call=self.call, ok=False, reason=reason,
                         codes=self.vendor_codes(codes), **self.payload)

    # The platform the vendor's code tables file this session's codes under.
    CODE_PLATFORM = None

    def code_platform(self):
        return self.CODE_PLATFORM

    def vendor_codes(self, codes):
        """(code, name) pairs in the one vendor-code shape, {platform, code, name}
        (reference/schemes/vendor_code_json.h; the basis is not judged)."""
        return [{"platform": self.code_platform(), "code": c, "name": n} for c, n in codes]

    # the watched tokens ----------------------------------------------------------------
    def is_expired(self, exp, t):
        if exp is None:
            return False
        return t >= exp if self.EXPIRED_AT_EXPIRE else t > exp

    def watch(self, exp, renew=False, key=""):
        """A login / join / init starts a session; a renew continues it: the notice
        fires once per expiry instant in a session (LIFE-WILL-EXPIRE-ONCE)."""
        old = self.toks.get(key)
        if not renew or old is None:
            self.toks.pop(key, None)  # a new session's watch goes last
            noticed = set()
        else:
            noticed = old["noticed_exps"]
        self.toks[key] = {"exp": exp, "noticed": exp in noticed, "done": False,
                          "noticed_exps": noticed}

    def unwatch(self, key=None):
        """Without a key, every watch ends."""
        if key is None:
            self.toks = {}
        else:
            self.toks.pop(key, None)

    def watched_expired(self, key=""):
        return key in self.toks and self.toks[key]["done"]

    def settle(self):
        """Fire whatever is due at the current second: the alarm, then watch by
        watch in order."""
        while True:
            if self.alarm_at is not None and self.now >= self.alarm_at:
                self.alarm_at = None
                self.alarm()
                continue
            for key, t in list(self.toks.items()):
                if t["exp"] is None:
                    continue
                if not t["done"] and self.is_expired(t["exp"], self.now):
                    t["done"] = True
                    t["noticed"] = True
                    self.timer_key = key
                    self.expired()
                    break
                # never with 0 s left: a Volcengine token is still valid at its expire second
                if not t["noticed"] and not t["done"] and t["exp"] - LEAD <= self.now < t["exp"]:
                    t["noticed"] = True
                    t["noticed_exps"].add(t["exp"])
                    self.timer_key = key
                    self.notice(t["exp"] - self.now)
                    break
            else:
                return

    def run(self, events):
        for i, ev in enumerate(events):
            self.index = i
            self.call = ev["op"]
            target = self.now
            if "at" in ev:
                target = ev["at"]
            elif ev["op"] == "advance":
                target = self.now + ev["seconds"]
            if target < self.now:
                self.emit("clock_ignored", event=i, requested=target)
                target = self.now
            self.settle()
            while self.now < target:
                self.now += 1
                self.settle()
            self.payload = {}
            if ev["op"] != "advance":
                getattr(self, "op_" + ev["op"])(ev)
            self.settle()
        return self.out

    def op_state(self, ev):
        # LIFE-STATE: what the SDK would answer if asked; changes nothing.
        self.emit("state", event=self.index, **self.state())

    def notice(self, remaining):
        pass

    def alarm(self):
        pass

    def expired(self):
        pass


def judge_claims(tok, now, *, app=None, room=None, user=None, generation=1, expired_at_expire=True,
                 room_cond="room_mismatch", user_cond="user_id_mismatch", wrong_secret="bad_signature",
                 version_ok=None, default_version="", login=False, zero_never=False,
                 typed_uid=False):
    """A claims token, checked in the documented order (SEMANTICS.md LIFE-EVAL-ORDER).
    zero_never: the codec's "expire 0 never expires" (Volcengine 001).
    typed_uid: Agora, `user` is (text, is_int) and a claims uid given as a number is an
    int uid, as a string a user account; they match only with the same type too
    (AGORA-UID-TYPE)."""
    if tok.get("malformed"):
        return "malformed"
    version = tok.get("version", default_version)
    if version_ok is not None and not version_ok(version):
        return "unsupported_version"
    if tok.get("secret_generation", 1) != generation:
        return wrong_secret
    app_key = "app_key" if "app_key" in tok else "app_id"
    if app is not None and app_key in tok and tok[app_key] != app:
        return "app_id_mismatch"
    room_key = "channel" if "channel" in tok else "room"
    if room is not None and room_key in tok and tok[room_key] != room:
        return room_cond
    user_key = "uid" if "uid" in tok else "user"
    if user is not None and user_key in tok:
        claim = tok[user_key]
        if typed_uid:
            claim = (agora_uid(claim), isinstance(claim, int))
        if claim != user:
            return user_cond
    exp = tok.get("expire")
    if zero_never and exp == 0:
        exp = None
    if exp is not None and (now >= exp if expired_at_expire else now > exp):
        return "expired"
    if login and not tok.get("privileges", {}).get("login", True):
        return "privilege_missing"
    return "valid"


# --------------------------------------------------------------------------------------
# ZEGO Express, DocsView, SuperBoard
# --------------------------------------------------------------------------------------
ZEGO_WEB_TOKEN_ERROR = (1102016, "login token error (登录 Token 错误)")
ZEGO_AUTH_FAILED = (1002033, "RoomErrorAuthenticationFailed")
# Login / renew failures per condition (token-formats.md ZEGO §4, seed 000).
ZEGO_LOGIN_CODES = {
    "native": {
        "malformed": [(1002075, "RoomTokenFormatError")],
        "unsupported_version": [(1002079, "RoomTokenVersionError")],
        "decrypt_failed": [ZEGO_AUTH_FAILED],
        "expired": [(1002078, "RoomTokenExpireError")],
        "app_id_mismatch": [(1002076, "RoomTokenAppidError")],
        "user_id_mismatch": [(1002077, "RoomTokenUseridError")],
        "room_mismatch": [ZEGO_AUTH_FAILED],
        "privilege_missing": [ZEGO_AUTH_FAILED],
        "token_missing": [(1002067, "RoomNoToken")],
    },
    "web": {
        "malformed": [(1011, "token format error"), ZEGO_WEB_TOKEN_ERROR],
        "unsupported_version": [ZEGO_WEB_TOKEN_ERROR],
        "decrypt_failed": [ZEGO_WEB_TOKEN_ERROR],
        "expired": [(1102018, "login token timeout (登录 Token 超时)")],
        "app_id_mismatch": [ZEGO_WEB_TOKEN_ERROR],
        "user_id_mismatch": [ZEGO_WEB_TOKEN_ERROR],
        "room_mismatch": [ZEGO_WEB_TOKEN_ERROR],
        "privilege_missing": [ZEGO_WEB_TOKEN_ERROR],
        "token_missing": [],
    },
}
ZEGO_PUBLISH = {"native": [(1003072, "PublisherErrorDispatchAuthError")], "web": []}
ZEGO_PLAY = {"native": [(1004003, "PlayerErrorDispatchAuthError")], "web": []}
ZEGO_APPSIGN = {"native": [ZEGO_AUTH_FAILED], "web": []}

ZEGO_NATIVE = ("ios", "android", "macos", "windows")


def vtuple(text):
    parts = [int(p) for p in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def zego_express_caps(platform, version):
    """Seeds 000 and 002 as plain statements (the C++ engine reads them from
    reference/vendors/zego/sdk_versions.h)."""
    if platform == "web":  # ZEGO-WEB: no version thresholds documented, no AppSign, no kick
        return {"web": True, "token03": True, "token04": True, "renew": True, "kick": False,
                "token_mode": True}
    v = vtuple(version)
    return {"web": False,
            "token03": v >= (2, 8, 0),    # token03: 2.8.0 and later
            "token04": v >= (2, 17, 0),   # token04: 2.17.0 and later
            "token_mode": v >= (2, 17, 0),  # createEngine with AppSign empty: 2.17.0 and later
            "renew": v >= (2, 8, 0),      # renewToken / onRoomTokenWillExpire since 2.8.0
            "kick": v >= (2, 13, 0)}      # expiry management from 2.13.0 (with the switch)


class ZegoExpress(Model):
    """Express: each logged-in room holds its own token (seed 002: renewToken(roomID,
    token), onRoomTokenWillExpire(roomID, remainTimeInSecond)), watched under the
    room's id; room_mode "multi" holds several rooms at once (ZEGO-ROOM-*)."""

    def code_platform(self):
        return self.cp

    def __init__(self, scenario):
        super().__init__(scenario["start"])
        p = scenario["profile"]
        self.tokens = scenario.get("tokens", {})
        self.caps = zego_express_caps(p["platform"], p["sdk_version"])
        self.cp = "web" if self.caps["web"] else "native"
        self.mode = p["auth_mode"]
        self.switch = p["privilege_expiry_management"]
        self.multi = p.get("room_mode", "single") == "multi"
        self.default_version = p.get("token_version", "04")
        self.app = str(p["app_id"]) if "app_id" in p else None
        self.engine = False
        self.sign = None  # None | "valid" | "invalid"
        # room id -> {"user", "by_appsign", "no_token", "publish_ok"}, in login order
        self.rooms = {}
        self.publishing = []  # [(stream, room)]
        self.playing = []

    def token(self, ev):
        t = ev.get("token")
        return self.tokens[t] if isinstance(t, str) else t

    def named(self, ev):
        """A call naming a room reports it on its result (ZEGO-ROOM-PAYLOAD)."""
        if "room" in ev:
            self.payload = {"room_id": ev["room"]}
        return ev.get("room")

    def judge(self, tok, room, user, login):
        claims = dict(tok)
        if "app_id" in claims:
            claims["app_id"] = str(claims["app_id"])
        caps = self.caps
        return judge_claims(claims, self.now, app=self.app, room=room, user=user,
                            wrong_secret="decrypt_failed", default_version=self.default_version,
                            version_ok=lambda v: caps["token03"] if v == "03" else caps["token04"],
                            login=login)

    def op_createEngine(self, ev):
        if self.engine:
            return self.fail("engine_exists", [])
        if ev.get("app_sign") is None and not self.caps["token_mode"]:
            return self.fail("token_auth_unavailable", [])  # no engine without an AppSign
        self.engine = True
        self.sign = ev.get("app_sign")
        self.ok()

    def op_loginRoom(self, ev):
        room = self.named(ev)
        tok = self.token(ev)
        if not self.engine:
            return self.fail("no_engine", [])
        if room in self.rooms or (self.rooms and not self.multi):
            return self.fail("already_logged_in", [])
        verdict = self.judge(tok, room, ev["user"], True) if tok is not None else None
        token_ok = verdict == "valid"
        forced = self.mode == "forced_token"
        sign_ok = not forced and self.sign == "valid"
        if forced or self.sign is None:
            passes = token_ok
        elif tok is None:
            passes = sign_ok
        elif self.caps["token_mode"]:
            passes = token_ok or sign_ok  # seed 002: either passes
        else:
            passes = token_ok and sign_ok  # before the Token mode: AppSign and the token's privileges
        if not passes:
            if verdict is not None and not token_ok:
                return self.fail(verdict, ZEGO_LOGIN_CODES[self.cp][verdict])
            if forced and self.sign is not None:
                return self.fail("appsign_refused", ZEGO_APPSIGN[self.cp])
            if self.sign == "invalid":
                return self.fail("appsign_invalid", ZEGO_APPSIGN[self.cp])
            return self.fail("token_missing", ZEGO_LOGIN_CODES[self.cp]["token_missing"])
        self.rooms[room] = {
            "user": ev["user"],
            "by_appsign": sign_ok and (self.caps["token_mode"] or tok is None),
            "no_token": tok is None,
            "publish_ok": tok.get("privileges", {}).get("publish", True) if token_ok else True}
        if token_ok:
            self.watch(tok.get("expire"), key=room)
        else:
            self.unwatch(room)
        self.ok()

    def op_renewToken(self, ev):
        room = self.named(ev)
        tok = self.token(ev)
        if not self.caps["renew"]:
            return self.fail("api_unavailable", [])
        if not self.engine:
            return self.fail("no_engine", [])
        if room is None and self.rooms:
            room = next(iter(self.rooms))  # single-room mode: the room the engine holds
        if room not in self.rooms:  # not in that room, or in none
            return self.fail("not_logged_in", [])
        r = self.rooms[room]
        if r["no_token"]:  # seed 002: AppSign authentication has no token
            return self.fail("no_token", [])
        verdict = self.judge(tok, room, r["user"], False)
        if verdict != "valid":
            return self.fail(verdict, ZEGO_LOGIN_CODES[self.cp][verdict])
        r["publish_ok"] = tok.get("privileges", {}).get("publish", True)
        self.watch(tok.get("expire"), renew=True, key=room)
        self.ok()

    def start(self, ev, publish):
        room = self.named(ev)
        if not self.engine:
            return self.fail("no_engine", [])
        if room is None and self.rooms:
            room = next(iter(self.rooms))  # the main room: the first logged in
        if room not in self.rooms:
            return self.fail("not_logged_in", [])
        r = self.rooms[room]
        codes = (ZEGO_PUBLISH if publish else ZEGO_PLAY)[self.cp]
        if not r["by_appsign"]:
            if self.watched_expired(room):
                return self.fail("expired", codes)
            if publish and not r["publish_ok"]:
                return self.fail("privilege_missing", codes)
        lst = self.publishing if publish else self.playing
        if all(s != ev["stream"] for s, _ in lst):
            lst.append((ev["stream"], room))
        self.ok()

    def op_startPublishingStream(self, ev):
        self.start(ev, True)

    def op_startPlayingStream(self, ev):
        self.start(ev, False)

    def op_stopPublishingStream(self, ev):
        if not self.engine:
            return self.fail("no_engine", [])
        self.publishing = [x for x in self.publishing if x[0] != ev["stream"]]
        self.ok()

    def op_stopPlayingStream(self, ev):
        if not self.engine:
            return self.fail("no_engine", [])
        self.playing = [x for x in self.playing if x[0] != ev["stream"]]
        self.ok()

    def leave(self, room):
        self.rooms.pop(room, None)
        self.publishing = [x for x in self.publishing if x[1] != room]
        self.playing = [x for x in self.playing if x[1] != room]
        self.unwatch(room)

    def op_logoutRoom(self, ev):
        room = self.named(ev)
        if not self.engine:
            return self.fail("no_engine", [])
        for r in ([room] if room is not None else list(self.rooms)):
            self.leave(r)  # without a room: every room
        self.ok()

    def op_set_server_switch(self, ev):
        self.switch = ev["value"]

    def state(self):
        return {"engine": self.engine, "rooms": list(self.rooms),
                "publishing": [x[0] for x in self.publishing],
                "playing": [x[0] for x in self.playing]}

    def notice(self, remaining):
        name = "roomTokenWillExpire" if self.caps["web"] else "onRoomTokenWillExpire"
        self.emit("callback", name=name, remaining=remaining, room_id=self.timer_key)

    def expired(self):
        room = self.timer_key
        if self.rooms[room]["by_appsign"]:
            return
        if self.caps["kick"] and self.switch:
            # ZEGO-KICK-CODE: onRoomStateChanged(KickOut, 1002056 RoomTokenExpiredKickedOut)
            self.emit("kicked_out", reason="token_expired",
                      codes=self.vendor_codes([(1002056, "RoomTokenExpiredKickedOut")]),
                      room_id=room)
            for s, r in self.publishing:
                if r == room:
                    self.emit("stream_stopped", stream=s, reason="token_expired")
            self.leave(room)


ZEGO_BOARD_SINCE = {("docsview", "ios"): (2, 3, 0), ("docsview", "android"): (2, 3, 0),
                    ("docsview", "electron"): (2, 1, 6), ("superboard", "ios"): (2, 3, 0),
                    ("superboard", "android"): (2, 3, 0)}


class ZegoBoard(Model):
    """DocsView and SuperBoard (seed 002): init with a token, a notice, renewToken."""

    def __init__(self, scenario):
        super().__init__(scenario["start"])
        p = scenario["profile"]
        self.tokens = scenario.get("tokens", {})
        self.product, self.platform = p["product"], p["platform"]
        self.token_auth = vtuple(p["sdk_version"]) >= ZEGO_BOARD_SINCE[(self.product, self.platform)]
        self.app = str(p["app_id"]) if "app_id" in p else None
        self.default_version = p.get("token_version", "04")
        self.inited = False
        self.user = self.room = None

    def token(self, ev):
        t = ev.get("token")
        return self.tokens[t] if isinstance(t, str) else t

    def judge(self, tok, login):
        # ZEGO-DOCS-TOKEN-AUTH: their token authentication takes a token04 only (inferred).
        return judge_claims(tok, self.now, app=self.app, room=self.room, user=self.user,
                            wrong_secret="decrypt_failed", login=login,
                            version_ok=lambda v: v == "04",
                            default_version=self.default_version)

    def op_init(self, ev):
        tok = self.token(ev)
        if not self.token_auth:
            return self.fail("token_auth_unavailable", [])
        if self.inited:
            return self.fail("already_initialized", [])
        self.user, self.room = ev["user"], ev.get("room")
        verdict = self.judge(tok, True)
        if verdict != "valid":
            self.user = self.room = None
            return self.fail(verdict, [])
        self.inited = True
        self.watch(tok.get("expire"))
        self.ok()

    def op_renewToken(self, ev):
        tok = self.token(ev)
        if not self.inited:
            return self.fail("not_initialized", [])
        verdict = self.judge(tok, False)
        if verdict != "valid":
            return self.fail(verdict, [])
        self.watch(tok.get("expire"), renew=True)
        self.ok()

    def state(self):
        return {"initialized": self.inited}

    def notice(self, remaining):
        if self.product == "superboard":
            # Express's callback, with Express's arguments (roomID, remainTimeInSecond).
            self.emit("callback", name="onRoomTokenWillExpire", remaining=remaining,
                      room_id=self.room)
            return
        name = "tokenWillExpire" if self.platform == "ios" else "onTokenWillExpire"
        self.emit("callback", name=name, remaining=remaining)


# --------------------------------------------------------------------------------------
# Agora RTC (seed 001; token-formats.md §7)
# --------------------------------------------------------------------------------------
AGORA_JOIN_CODES = {
    "native": {"invalid": [(110, "ERR_INVALID_TOKEN")], "expired": [(109, "ERR_TOKEN_EXPIRED")],
               "token_missing": [(110, "ERR_INVALID_TOKEN")],
               "token_unexpected": [(110, "ERR_INVALID_TOKEN")]},
    "objc": {"invalid": [(110, "AgoraErrorCodeInvalidToken")],
             "expired": [(109, "AgoraErrorCodeTokenExpired")],
             "token_missing": [(110, "AgoraErrorCodeInvalidToken")],
             "token_unexpected": [(110, "AgoraErrorCodeInvalidToken")]},
    "web": {"invalid": [(110, "ERR_NO_AUTHORIZED")],
            "expired": [(109, "ERR_DYNAMIC_KEY_TIMEOUT"), (118, "ERR_DYNAMIC_KEY_EXPIRED"),
                        (2, "K_TIMESTAMP_EXPIRED")],
            "privilege_expired": [(109, "ERR_DYNAMIC_KEY_TIMEOUT")],
            "token_missing": [(120, "ERR_DYNAMIC_USE_STATIC_KEY")],
            "token_unexpected": [(119, "ERR_STATIC_USE_DYNAMIC_KEY")]},
}


# seed 001 §101 and its code table (各语言 Token 错误码对照表)
AGORA_APP_ID_CODES = {"native": [(101, "ERR_INVALID_APP_ID")],
                      "objc": [(101, "AgoraErrorCodeInvalidAppId")],
                      "web": [(101, "ERR_INVALID_VENDOR_KEY")]}


def agora_join_codes(platform, condition):
    table = AGORA_JOIN_CODES[platform]
    if condition in table:
        return table[condition]
    if condition == "privilege_expired":
        return table["expired"]
    return table["invalid"]


def agora_renew_codes(platform, condition):
    """renewToken's own results natively (SDK 4.6+); on Web the join codes."""
    if platform == "web":
        return agora_join_codes(platform, condition)
    if condition in ("expired", "privilege_expired"):
        return [(2, "TOKEN_EXPIRED")]
    if condition == "channel_mismatch":
        return [(4, "INVALID_CHANNEL_NAME")]
    if condition == "app_id_mismatch":
        return [(5, "INCONSISTENT_APPID")]
    return [(3, "INVALID_TOKEN")]


def agora_app_id_ok(app):
    """AGORA-INIT-APP-ID: an App ID is the text of 32 hex characters (token-formats.md
    §0); a number is the seed's "wrong data type" and never valid; absent: unchecked."""
    if app is None:
        return True
    return isinstance(app, str) and len(app) == 32 and all(c in "0123456789abcdefABCDEF"
                                                           for c in app)


def agora_uid(v):
    if isinstance(v, int):
        return "" if v == 0 else str(v)
    return v


class Agora(Model):
    def code_platform(self):
        return self.platform

    def __init__(self, scenario, truths):
        super().__init__(scenario["start"])
        p = scenario["profile"]
        self.tokens = scenario.get("tokens", {})
        self.truths = truths  # what the generator knows about its encoded tokens
        self.platform = p["platform"]
        self.cert = p["certificate"]
        self.app = p.get("app_id")
        self.app_ok = agora_app_id_ok(self.app)
        # AGORA-RENEW-CODES-4.6: renewToken's result codes exist natively from SDK 4.6;
        # no sdk_version (or Web, whose version line is its own) means the current SDK.
        v = p.get("sdk_version")
        self.renew_results = self.platform == "web" or v is None or vtuple(v) >= (4, 6, 0)
        self.initialized = False
        self.phase = "idle"  # idle | joined | out (after the expiry)
        self.channel = self.uid = None
        self.streams = []

    def token(self, ev):
        t = ev.get("token")
        return (t, self.tokens[t]) if isinstance(t, str) else (None, t)

    def judge(self, name, tok, channel, uid):
        """(condition, expire) of a claims or encoded token."""
        if "encoded" in tok:  # the token carries the uid as text only
            truth = self.truths[name]
            return truth["judge"](self.now, channel, uid[0]), truth["expire"]
        return (judge_claims(tok, self.now, app=self.app, room=channel, user=uid,
                             room_cond="channel_mismatch", user_cond="uid_mismatch",
                             typed_uid=True),
                tok.get("expire"))

    def app_id_refused(self):
        if self.app_ok:
            return False
        self.fail("invalid_app_id", AGORA_APP_ID_CODES[self.platform])
        return True

    def op_initialize(self, ev):
        if self.initialized:
            return self.fail("already_initialized", [])
        if self.app_id_refused():
            return
        self.initialized = True
        self.ok()

    def op_joinChannel(self, ev):
        name, tok = self.token(ev)
        if self.app_id_refused():  # seed 001: 101 at initialisation and at joinChannel
            return
        self.initialized = True  # a join without initialize creates the engine itself
        if self.phase == "joined":
            return self.fail("already_in_channel", [])
        if self.cert and tok is None:
            return self.fail("token_missing", agora_join_codes(self.platform, "token_missing"))
        if not self.cert and tok is not None:
            return self.fail("token_unexpected", agora_join_codes(self.platform, "token_unexpected"))
        # joinChannel takes an int uid, joinChannelWithUserAccount a string account
        channel, uid = ev["channel"], (agora_uid(ev["uid"]), isinstance(ev["uid"], int))
        if not self.cert:
            self.phase, self.channel, self.uid = "joined", channel, uid
            self.unwatch()
            return self.ok()
        verdict, exp = self.judge(name, tok, channel, uid)
        if verdict != "valid":
            return self.fail(verdict, agora_join_codes(self.platform, verdict))
        self.phase, self.channel, self.uid = "joined", channel, uid
        self.streams = []
        self.watch(exp)
        self.ok()

    def op_renewToken(self, ev):
        name, tok = self.token(ev)
        if self.phase == "idle":
            return self.fail("not_in_channel", [])
        if not self.cert:  # renewToken's own result natively (110 is a joinChannel code)
            return self.fail("token_unexpected", self.renew_codes("token_unexpected"))
        verdict, exp = self.judge(name, tok, self.channel, self.uid)
        if verdict != "valid":
            return self.fail(verdict, self.renew_codes(verdict))
        self.phase = "joined"  # after the expiry, renewToken re-joins (seed 001)
        self.watch(exp, renew=True)
        self.ok()

    def renew_codes(self, condition):
        # Before 4.6 the sources give no code for a refused renewToken: none is invented.
        return agora_renew_codes(self.platform, condition) if self.renew_results else []

    def op_publish(self, ev):
        if self.phase != "joined":
            return self.fail("not_in_channel", [])
        if ev["stream"] not in self.streams:
            self.streams.append(ev["stream"])
        self.ok()

    def op_leaveChannel(self, ev):
        self.phase = "idle"
        self.streams = []
        self.unwatch()
        self.ok()

    def state(self):
        return {"initialized": self.initialized, "in_channel": self.phase == "joined"}

    def notice(self, remaining):
        self.emit("callback", name="onTokenPrivilegeWillExpire", remaining=remaining)

    def expired(self):
        web = self.platform == "web"
        self.emit("callback", name="onTokenPrivilegeDidExpire" if web else "onRequestToken")
        self.emit("kicked_out", reason="token_expired",
                  codes=[] if web else self.vendor_codes([(9, "TOKEN_EXPIRED")]))
        for s in self.streams:
            self.emit("stream_stopped", stream=s, reason="token_expired")
        self.streams = []
        self.phase = "out"
        self.unwatch()


# --------------------------------------------------------------------------------------
# RongCloud IM (seed 003)
# --------------------------------------------------------------------------------------
class RongCloud(Model):
    def code_platform(self):
        return self.platform

    def __init__(self, scenario):
        super().__init__(scenario["start"])
        p = scenario["profile"]
        self.tokens = scenario.get("tokens", {})
        self.platform = p["platform"]
        version = vtuple(p["sdk_version"])
        self.line = "1.x" if version[0] == 1 else "2.x"
        # RONG-NET-WEB-2.6: the Web SDK reconnects by itself from 2.6.0 on
        self.reconnects = self.platform != "web" or version >= (2, 6, 0)
        self.app_key = p.get("app_key")
        self.generation = 1
        self.connected = False
        self.network = True
        self.held = None     # the token of the live or suspended connection
        self.waiting = None  # (index, call, token) of a connect waiting for the network

    def token_incorrect(self):
        """TOKEN_INCORRECT's codes and how it reaches the app (RONG-REPORT-1X/2X)."""
        if self.line == "1.x":
            return [(31004, "TOKEN_INCORRECT")], "error_code"
        if self.platform == "web":
            return [], "onTokenIncorrect"
        return [(31004, "RC_CONN_TOKEN_INCORRECT")], "onError" if self.platform == "android" else "error"

    def judge(self, tok):
        return judge_claims(tok, self.now, app=self.app_key, generation=self.generation)

    def resumed(self, waiting, fn):
        """Emit the result of a call made earlier (RONG-NET-WAIT)."""
        saved = (self.index, self.call, self.payload)
        self.index, self.call, self.payload = waiting[0], waiting[1], {}
        try:
            fn()
        finally:
            self.index, self.call, self.payload = saved

    def op_connect(self, ev):
        t = ev["token"]
        tok = self.tokens[t] if isinstance(t, str) else t
        if self.connected or self.held is not None:
            return self.fail("already_connected", [])
        if self.waiting is not None:
            return self.fail("already_connecting", [])
        if not self.network:
            self.waiting = (self.index, self.call, tok)
            if ev.get("time_limit", 0) > 0:
                self.alarm_at = self.now + ev["time_limit"]
            return
        self.reach_server(tok)

    def reach_server(self, tok):
        verdict = self.judge(tok)
        if verdict != "valid":
            codes, via = self.token_incorrect()
            self.fail(verdict, codes)["via"] = via
            return
        self.connected = True
        self.held = tok
        if "user" in tok:  # RONG-CONNECT-USER: success:^(NSString *userId) / onSuccess(userId)
            self.payload["user_id"] = tok["user"]
        self.ok()

    def op_disconnect(self, ev):
        if self.waiting is not None:  # RONG-NET-CANCEL
            self.resumed(self.waiting, lambda: self.fail("cancelled", []))
            self.waiting = None
            self.alarm_at = None
        self.connected = False
        self.held = None
        self.ok()

    def status(self, status, **fields):
        name = "onConnectionStatusChanged" if self.platform == "ios" else "onChanged"
        self.emit("callback", name=name, status=status, **fields)

    def op_network(self, ev):
        if ev["up"] == self.network:
            return
        self.network = ev["up"]
        if not self.network:
            if self.connected:
                self.connected = False
                self.status("network_unavailable")
                if not self.reconnects:
                    self.held = None
            return
        if self.waiting is not None:
            w, self.waiting, self.alarm_at = self.waiting, None, None
            self.resumed(w, lambda: self.reach_server(w[2]))
        elif self.held is not None:  # RONG-NET-RECONNECT
            verdict = self.judge(self.held)
            if verdict == "valid":
                self.connected = True
                self.status("connected")
            else:
                self.held = None
                codes, _ = self.token_incorrect()
                self.status("token_incorrect", reason=verdict, codes=self.vendor_codes(codes))

    def alarm(self):  # RONG-NET-TIMEOUT
        w, self.waiting = self.waiting, None
        self.resumed(w, lambda: self.fail("connect_timeout",
                                          [(34006, "RC_CONNECT_TIMEOUT")]).update(via="error"))

    def state(self):
        return {"connected": self.connected,
                "connecting": self.waiting is not None or (self.held is not None
                                                           and not self.connected),
                "network": "up" if self.network else "down"}

    def op_rotate_secret(self, ev):
        self.generation += 1


# --------------------------------------------------------------------------------------
# ByteDance mini-program RTC (seed 004; joinRtcRoom / exitRtcRoom pages; Volcengine docs)
# --------------------------------------------------------------------------------------
class MiniProgram(Model):
    CODE_PLATFORM = "miniprogram"

    EXPIRED_AT_EXPIRE = False  # Volcengine Verify: expired only when now > expire_at

    def __init__(self, scenario, truths):
        super().__init__(scenario["start"])
        p = scenario["profile"]
        self.tokens = scenario.get("tokens", {})
        self.truths = truths
        self.base = vtuple(p["base_library"])
        self.app = p.get("app_id")
        self.joined = False
        self.room = self.user = None

    def callbacks(self, names, msg, err_no=None, error_code=None):
        for n in names:
            o = self.emit("callback", name=n, call=self.call, errMsg=msg)
            if err_no is not None:
                o["errNo"] = err_no
            if error_code is not None:
                o["errorCode"] = error_code

    def succeed(self, msg):
        self.ok()
        self.callbacks(("success", "complete"), msg)

    def failed(self, reason, msg, err_no=None, error_code=None):
        self.fail(reason, [])
        self.callbacks(("fail", "complete"), msg, err_no, error_code)

    def judge(self, name, tok, room, user):
        if "encoded" in tok:
            truth = self.truths[name]
            return truth["judge"](self.now, room, user), truth["expire"]
        exp = tok.get("expire")
        return (judge_claims(tok, self.now, app=self.app, room=room, user=user,
                             expired_at_expire=False, zero_never=True),
                None if exp == 0 else exp)  # BD-NO-EXPIRY: 0 never expires, as in the codec

    def token(self, ev):
        t = ev.get("token")
        return (t, self.tokens[t]) if isinstance(t, str) else (None, t)

    def op_joinRtcRoom(self, ev):
        name, tok = self.token(ev)
        if self.base < (2, 42, 0):
            return self.fail("api_unavailable", [])
        for param, present in (("roomId", "room" in ev), ("token", tok is not None),
                               ("userId", "user" in ev)):
            if not present:
                return self.failed("invalid_parameter", "joinRtcRoom:fail parameter error: parameter."
                                   + param + " should be String instead of Undefined;", 20000)
        if self.joined:
            return self.failed("already_in_room", "joinRtcRoom:fail user %s is already in the room %s"
                               % (self.user, self.room), 21100)
        verdict, exp = self.judge(name, tok, ev["room"], ev["user"])
        if verdict != "valid":
            return self.failed(verdict, "joinRtcRoom:fail invalid token", 21101)
        self.joined, self.room, self.user = True, ev["room"], ev["user"]
        self.watch(exp)
        self.succeed("joinRtcRoom:ok")

    def op_updateToken(self, ev):
        name, tok = self.token(ev)
        if self.base < (2, 68, 0):
            return self.fail("api_unavailable", [])
        if tok is None:
            return self.failed("invalid_parameter", "updateToken:fail parameter error: "
                               "parameter.token should be String instead of Undefined;", 20000)
        if not self.joined:
            return self.failed("not_in_room", "updateToken:fail not in room")
        verdict, exp = self.judge(name, tok, self.room, self.user)
        if verdict != "valid":
            return self.failed(verdict, "updateToken:fail invalid token", 21101, 115902)
        self.watch(exp, renew=True)
        self.succeed("updateToken:ok")

    def op_exitRtcRoom(self, ev):
        if self.base < (2, 42, 0):
            return self.fail("api_unavailable", [])
        self.joined = False
        self.unwatch()
        self.succeed("exitRtcRoom:ok")

    def state(self):
        return {"in_room": self.joined}

    def notice(self, remaining):
        self.emit("callback", name="onTokenWillExpire", remaining=remaining)

    def expired(self):
        self.emit("kicked_out", reason="token_expired",
                  codes=self.vendor_codes([(-1009, "TokenExpired")]))
        self.joined = False
        self.unwatch()


# --------------------------------------------------------------------------------------
# Encoded tokens, built from the byte tables in token-formats.md (§1, §2, §5.1)
# --------------------------------------------------------------------------------------
def _str16(b):
    return struct.pack("<H", len(b)) + b


def _map16(m):
    return struct.pack("<H", len(m)) + b"".join(struct.pack("<HI", k, v) for k, v in sorted(m.items()))


def agora006(app_id, cert, channel, uid, salt, ts, privileges):
    message = struct.pack("<II", salt, ts) + _map16(privileges)
    sig = hmac.new(cert.encode(), (app_id + channel + uid).encode() + message, hashlib.sha256).digest()
    content = (_str16(sig) + struct.pack("<II", zlib.crc32(channel.encode()), zlib.crc32(uid.encode()))
               + _str16(message))
    return "006" + app_id + base64.b64encode(content).decode()


def agora007_rtc(app_id, cert, channel, uid, issue_ts, expire, salt, privileges):
    service = struct.pack("<H", 1) + _map16(privileges) + _str16(channel.encode()) + _str16(uid.encode())
    info = (_str16(app_id.encode()) + struct.pack("<III", issue_ts, expire, salt)
            + struct.pack("<H", 1) + service)
    k1 = hmac.new(struct.pack("<I", issue_ts), cert.encode(), hashlib.sha256).digest()
    k2 = hmac.new(struct.pack("<I", salt), k1, hashlib.sha256).digest()
    sig = hmac.new(k2, info, hashlib.sha256).digest()
    return "007" + base64.b64encode(zlib.compress(_str16(sig) + info)).decode()


def volc001(app_id, app_key, room, user, nonce, issued_at, expire_at, privileges):
    msg = (struct.pack("<III", nonce, issued_at, expire_at) + _str16(room.encode())
           + _str16(user.encode()) + _map16(privileges))
    sig = hmac.new(app_key.encode(), msg, hashlib.sha256).digest()
    return "001" + app_id + base64.b64encode(_str16(msg) + _str16(sig)).decode()


AGORA_APP = "970CA35de60c44645bbae8a215061b33"    # token-formats.md §4 common inputs
AGORA_CERT = "5CFd2fd1755d40ecb72977518be15d3b"
AGORA_OTHER_CERT = "a" * 32
VOLC_APP = "123456781234567812345678"             # token-formats.md §7 inputs
VOLC_KEY = "app key"


def agora_truth(kind, channel, uid, expire, cert_ok=True):
    """What the generator knows about an encoded Agora token it built."""
    def judge(now, ch, u):
        if kind == "006":  # 006 verifier: CRC bindings, then the signature, then time
            if ch != channel:
                return "channel_mismatch"
            if u != uid:
                return "uid_mismatch"
            if not cert_ok:
                return "bad_signature"
        else:              # 007 verifier: signature, then time, then the RTC binding
            if not cert_ok:
                return "bad_signature"
        if now >= expire:
            return "expired"
        if kind == "007":
            if ch != channel:
                return "channel_mismatch"
            if u != uid:
                return "uid_mismatch"
        return "valid"
    return {"expire": expire, "judge": judge}


def volc_truth(room, user, expire_at, key_ok=True):
    def judge(now, r, u):  # strict check: signature → expiry → room → user
        if not key_ok:
            return "bad_signature"
        if expire_at and now > expire_at:
            return "expired"
        if r != room:
            return "room_mismatch"
        if u != user:
            return "user_id_mismatch"
        return "valid"
    return {"expire": expire_at or None, "judge": judge}


# --------------------------------------------------------------------------------------
# Scenario helpers
# --------------------------------------------------------------------------------------
def at(s):
    return T0 + s


def ev(op, **kw):
    e = {"op": op}
    e.update(kw)
    return e


def adv(seconds):
    return {"op": "advance", "seconds": seconds}


def until(s):
    return {"op": "advance", "at": at(s)}


class Suite:
    def __init__(self, name, header):
        self.file = VectorFile("lifecycle-" + name, "scenario", GENERATOR, header, NOTES)

    def add(self, comment, rules, sources, flags, scenario, model):
        flags = list(flags)
        outputs = model.run(scenario["events"])
        rules = list(rules)
        # Every ZEGO kick-out carries its code (ZEGO-KICK-CODE): name the rule wherever one
        # happens, so the rule index lists each scenario that pins it.
        if (scenario["profile"]["vendor"] == "zego" and "ZEGO-KICK-CODE" not in rules
                and any(o["kind"] == "kicked_out" for o in outputs)):
            rules.append("ZEGO-KICK-CODE")
        result = "acceptable" if "InferredRule" in flags else "valid"
        self.file.add(comment, flags, result, "; ".join(list(rules) + list(sources)), scenario,
                      {"outputs": outputs})
        return outputs


# --------------------------------------------------------------------------------------
# ZEGO scenarios
# --------------------------------------------------------------------------------------
def zprofile(platform="ios", version="2.17.0", mode="token", tv="04", switch=False, **extra):
    p = {"vendor": "zego", "product": "express", "platform": platform, "sdk_version": version,
         "auth_mode": mode, "token_version": tv, "privilege_expiry_management": switch}
    p.update(extra)
    return p


def zscenario(profile, tokens, events, as_written=False):
    """A token session below the Token auth mode (seed 002: createEngine with AppSign
    empty from 2.17.0) is an AppSign + token session: such a profile is written as
    `token_appsign` (forced Token keeps its mode) with a valid AppSign at createEngine,
    unless `as_written`, for the scenarios about that very threshold."""
    if not as_written and profile.get("product", "express") == "express" and \
            not zego_express_caps(profile["platform"], profile["sdk_version"])["token_mode"] and \
            profile["auth_mode"] in ("token", "forced_token"):
        profile = dict(profile)
        if profile["auth_mode"] == "token":
            profile["auth_mode"] = "token_appsign"
        events = [dict(e, app_sign="valid") if e["op"] == "createEngine" and "app_sign" not in e
                  else e for e in events]
    return {"profile": profile, "start": T0, "tokens": tokens, "events": events}


def zego_suite():
    s = Suite("zego", [
        "ZEGO token lifecycle scenarios: Express (native platforms and Web), DocsView and "
        "SuperBoard. Rules and their ids: docs/SEMANTICS.md (ZEGO-*, LIFE-*).",
        "Sources: seed 000_8bca4052b8130c0a.txt (expiry behaviour per version, "
        "onRoomTokenWillExpire 30 s before, 1002033), seed 002_0acf9ebd17163d1c.txt (auth modes, "
        "token03 >= 2.8.0, token04 >= 2.17.0, DocsView/SuperBoard), token-formats.md ZEGO §4 "
        "(error codes), reference/vendors/zego/sdk_versions.h (the version table the engine reads).",
        "Expected outputs come from the independent model in " + GENERATOR + "."])
    add = s.add
    S0, S2 = SEED_ZEGO_CODES, SEED_ZEGO_UPGRADE

    # -- expiry effects per version and server switch (seed 000) ----------------------
    combos = [("2.8.0", "03"), ("2.12.3", "03"), ("2.13.0", "03"), ("2.16.9", "03"),
              ("2.17.0", "03"), ("2.17.0", "04"), ("3.1.0", "04")]
    plat = 0
    for version, tv in combos:
        for switch in (False, True):
            platform = ZEGO_NATIVE[plat % 4]
            plat += 1
            kick = vtuple(version) >= (2, 13, 0) and switch
            rule = ("ZEGO-EXPIRY-2.13-SWITCH" if kick else
                    "ZEGO-EXPIRY-2.13-NOSWITCH" if vtuple(version) >= (2, 13, 0) else
                    "ZEGO-EXPIRY-2.8-2.12")
            sc = zscenario(zprofile(platform, version, "token", tv, switch),
                           {"A": {"expire": at(100), "room": "r1", "user": "u1", "version": tv}},
                           [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                            ev("startPublishingStream", stream="s1"),
                            ev("startPlayingStream", stream="p1"), until(100),
                            ev("startPublishingStream", at=at(101), stream="s2"),
                            ev("startPlayingStream", stream="p2"),
                            ev("loginRoom", room="r1", user="u1", token="A"), until(200)])
            add("Express %s %s token%s, switch %s: login, publish, play, let the token expire, "
                "then publish, play and log in again" % (platform, version, tv,
                                                        "on" if switch else "off"),
                [rule, "ZEGO-WILL-EXPIRE-30", "ZEGO-RELOGIN-EXPIRED"] +
                (["ZEGO-KICK-PLAY-UNTOUCHED"] if kick else []), [S0],
                ["ExpiryEffect", "VersionBoundary", "WillExpireNotice"] +
                (["InferredRule"] if kick else []), sc, ZegoExpress(sc))

    # -- switch turned on / off during the session ------------------------------------
    for on_at_login, change_to in ((False, True), (True, False)):
        sc = zscenario(zprofile("android", "2.13.0", "token", "03", on_at_login),
                       {"A": {"expire": at(100), "user": "u1", "version": "03"}},
                       [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                        ev("startPublishingStream", stream="s1"),
                        ev("set_server_switch", at=at(50), name="privilege_expiry_management",
                           value=change_to),
                        until(120), ev("startPublishingStream", stream="s2")])
        add("Express android 2.13.0: the expiry-management switch is turned %s before the expiry; "
            "the setting at the expiry decides" % ("on" if change_to else "off"),
            ["ZEGO-SWITCH-AT-EXPIRY", "ZEGO-EXPIRY-2.13-SWITCH", "ZEGO-EXPIRY-2.13-NOSWITCH"], [S0],
            ["ExpiryEffect", "InferredRule"], sc, ZegoExpress(sc))

    # -- token versions (seed 002) -----------------------------------------------------
    for version, mode in (("2.7.9", "forced_token"), ("2.8.0", "token")):
        sc = zscenario(zprofile("ios", version, mode, "03"),
                       {"A": {"expire": at(60), "user": "u1", "version": "03"}},
                       [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                        until(70)])
        add("Express ios %s: log in with a token03 (token03 needs 2.8.0)" % version,
            ["ZEGO-TOKEN03-2.8", "ZEGO-WILL-EXPIRE-30", "ZEGO-LOGIN-CODES"], [S2],
            ["VersionBoundary", "CodeMapping"], sc, ZegoExpress(sc))
    for platform in ZEGO_NATIVE:
        for version in ("2.16.9", "2.17.0"):
            sc = zscenario(zprofile(platform, version, "token", "04"),
                           {"A": {"expire": at(300), "user": "u1"}},
                           [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                            until(280)])
            add("Express %s %s: log in with a token04 (token04 needs 2.17.0)" % (platform, version),
                ["ZEGO-TOKEN04-2.17", "ZEGO-WILL-EXPIRE-30", "ZEGO-LOGIN-CODES"], [S2],
                ["VersionBoundary", "CodeMapping"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("windows", "2.16.9", "token", "03"),
                   {"A": {"expire": at(100), "user": "u1"}, "B": {"expire": at(400), "user": "u1",
                                                                  "version": "04"}},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("renewToken", at=at(70), token="B"), until(110),
                    ev("startPublishingStream", stream="s1")])
    add("Express windows 2.16.9: renewing a token03 session with a token04 is refused; the old "
        "token runs out", ["ZEGO-TOKEN04-2.17", "LIFE-RENEW-INVALID-NOCHANGE"], [S2],
        ["VersionBoundary", "RenewRule"], sc, ZegoExpress(sc))
    for version in ("2.7.9", "2.8.0"):
        sc = zscenario(zprofile("android", version, "appsign", "03"),
                       {"B": {"expire": at(600), "user": "u1", "version": "03"}},
                       [ev("createEngine", app_sign="valid"),
                        ev("loginRoom", room="r1", user="u1"),
                        ev("renewToken", token="B"), until(100)])
        # From 2.8.0 the method exists, and an AppSign-only session has no token to renew.
        add("Express android %s, AppSign only: renewToken exists from 2.8.0%s"
            % (version, "" if version == "2.7.9" else "; with no token to renew it is refused"),
            ["ZEGO-RENEW-2.8", "ZEGO-AUTH-APPSIGN"] +
            ([] if version == "2.7.9" else ["ZEGO-AUTH-APPSIGN-NO-TOKEN"]),
            [S0, "token-formats.md ZEGO §4"] + ([] if version == "2.7.9" else [S2]),
            ["VersionBoundary", "RenewRule"] + ([] if version == "2.7.9" else ["InferredRule"]),
            sc, ZegoExpress(sc))

    # -- auth modes (seed 002) ----------------------------------------------------------
    sc = zscenario(zprofile("ios", "2.7.9", "appsign", "03", True),
                   {}, [ev("createEngine", app_sign="valid"), ev("loginRoom", room="r1", user="u1"),
                        ev("startPublishingStream", stream="s1"), adv(100000),
                        ev("startPublishingStream", stream="s2")])
    add("AppSign only (2.7.9): the login passes, nothing ever expires", ["ZEGO-AUTH-APPSIGN"], [S2],
        ["AuthMode"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("android", "2.17.0", "appsign", "04"),
                   {}, [ev("createEngine", app_sign="invalid"),
                        ev("loginRoom", room="r1", user="u1")])
    add("AppSign only with a wrong AppSign: login authentication fails (1002033)",
        ["ZEGO-AUTH-APPSIGN", "ZEGO-LOGIN-CODES"], [S0, S2], ["AuthMode", "CodeMapping",
                                                             "InferredRule"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("macos", "2.17.0", "token", "04"),
                   {}, [ev("createEngine"), ev("loginRoom", room="r1", user="u1")])
    add("Token mode, no AppSign and no token at login: RoomNoToken (1002067)",
        ["ZEGO-AUTH-TOKEN", "ZEGO-LOGIN-CODES"], [S2, "token-formats.md ZEGO §4"],
        ["AuthMode", "CodeMapping"], sc, ZegoExpress(sc))
    for sign, tokname, desc, extra in (
            ("valid", "A", "valid AppSign and valid token: the notice fires, the expiry changes "
                           "nothing because the AppSign still authenticates", ["InferredRule"]),
            ("valid", "X", "valid AppSign, expired token: the AppSign lets the user in", []),
            ("invalid", "A", "wrong AppSign, valid token: the token lets the user in and its "
                             "expiry kicks out (switch on)", []),
            ("invalid", "U", "wrong AppSign, token for another user: refused with the token's "
                             "condition (1002077)", ["InferredRule"])):
        # Either credential authenticates only in seed 002's Token auth mode (2.17.0 on
        # iOS); below it see "issue 11, finding 1" at the end of this suite.
        sc = zscenario(zprofile("ios", "2.17.0", "token_appsign", "04", True),
                       {"A": {"expire": at(100), "user": "u1", "version": "04"},
                        "X": {"expire": at(-10), "user": "u1", "version": "04"},
                        "U": {"expire": at(100), "user": "u2", "version": "04"}},
                       [ev("createEngine", app_sign=sign),
                        ev("loginRoom", room="r1", user="u1", token=tokname),
                        ev("startPublishingStream", stream="s1"), until(130),
                        ev("startPublishingStream", stream="s2")])
        add("Token + AppSign, " + desc, ["ZEGO-AUTH-EITHER", "ZEGO-AUTH-APPSIGN-NO-EXPIRY"], [S2],
            ["AuthMode"] + extra, sc, ZegoExpress(sc))
    for version in ("2.7.9", "2.17.0"):
        sc = zscenario(zprofile("android", version, "forced_token", "04"), {},
                       [ev("createEngine", app_sign="valid"), ev("loginRoom", room="r1", user="u1")])
        add("Forced Token, app still on AppSign (%s): refused (1002033)" % version,
            ["ZEGO-AUTH-FORCED", "ZEGO-LOGIN-CODES"], [S2, S0],
            ["AuthMode", "CodeMapping", "InferredRule"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("windows", "2.17.0", "forced_token", "04", True),
                   {"A": {"expire": at(100), "user": "u1"}},
                   [ev("createEngine", app_sign="valid"),
                    ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("startPublishingStream", stream="s1"), until(100)])
    add("Forced Token with AppSign and a valid token: the token decides, its expiry kicks out",
        ["ZEGO-AUTH-FORCED", "ZEGO-EXPIRY-2.13-SWITCH"], [S2, S0], ["AuthMode", "ExpiryEffect"],
        sc, ZegoExpress(sc))
    sc = zscenario(zprofile("ios", "2.17.0", "forced_token", "04"), {},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1")])
    add("Forced Token, neither AppSign nor token: RoomNoToken (1002067)",
        ["ZEGO-AUTH-FORCED", "ZEGO-AUTH-TOKEN"], [S2], ["AuthMode", "CodeMapping"], sc,
        ZegoExpress(sc))

    # -- login failures and their codes -------------------------------------------------
    failing = [
        ("expired token", {"expire": at(-1), "user": "u1"}, "ZEGO-LOGIN-CODES"),
        ("token for another user", {"expire": at(100), "user": "u9"}, "ZEGO-LOGIN-CODES"),
        ("token for another room", {"expire": at(100), "user": "u1", "room": "r9"}, "ZEGO-PRIVILEGE"),
        ("token for another app id", {"expire": at(100), "user": "u1", "app_id": "2"},
         "ZEGO-LOGIN-CODES"),
        ("token encrypted under a rotated secret", {"expire": at(100), "user": "u1",
                                                   "secret_generation": 2}, "ZEGO-LOGIN-CODES"),
        ("malformed token", {"malformed": True}, "ZEGO-LOGIN-CODES"),
        ("token denying the login privilege", {"expire": at(100), "user": "u1",
                                               "privileges": {"login": False}}, "ZEGO-PRIVILEGE"),
    ]
    for platform in ("android", "web"):
        for desc, tok, rule in failing:
            sc = zscenario(zprofile(platform, "2.17.0", "token", "04", app_id=1), {"A": tok},
                           [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A")])
            add("Express %s: login with a %s" % (platform, desc), [rule, "LIFE-EVAL-ORDER"],
                [S0, "token-formats.md ZEGO §4"], ["CodeMapping"], sc, ZegoExpress(sc))

    # -- the will-expire notice -----------------------------------------------------------
    sc = zscenario(zprofile("ios", "2.17.0"), {"A": {"expire": at(20), "user": "u1"}},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"), until(40)])
    add("Login with 20 s left: the notice fires at once with 20 s remaining",
        ["LIFE-WILL-EXPIRE-LATE", "ZEGO-WILL-EXPIRE-30"], [S0], ["WillExpireNotice", "InferredRule"],
        sc, ZegoExpress(sc))
    sc = zscenario(zprofile("android", "2.17.0"), {"A": {"expire": at(30), "user": "u1"}},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"), until(31)])
    add("Login with exactly 30 s left: the notice fires at the login", ["ZEGO-WILL-EXPIRE-30"], [S0],
        ["WillExpireNotice", "TimerOrder"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("ios", "2.17.0"), {"A": {"expire": at(100), "user": "u1"}},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("logoutRoom", at=at(60)), until(200)])
    add("Logout before the notice: no notice, no expiry", ["LIFE-WILL-EXPIRE-ONCE"], [S0],
        ["WillExpireNotice", "InferredRule"], sc, ZegoExpress(sc))

    # -- renew ---------------------------------------------------------------------------
    R = {"A": {"expire": at(100), "user": "u1"}, "B": {"expire": at(300), "user": "u1"},
         "C": {"expire": at(500), "user": "u1"}, "U": {"expire": at(300), "user": "u2"},
         "X": {"expire": at(50), "user": "u1"}, "S": {"expire": at(120), "user": "u1"},
         "M": {"malformed": True}, "K": {"expire": at(300), "user": "u1", "secret_generation": 2},
         "RM": {"expire": at(300), "user": "u1", "room": "r9"}}
    renew_cases = [
        ("renew at the notice with a later token: one notice per token, no expiry at the old time",
         [ev("renewToken", at=at(70), token="B")], ["LIFE-RENEW-REPLACES", "ZEGO-WILL-EXPIRE-30"],
         ["RenewRule", "WillExpireNotice"]),
        ("renew before the notice: the old token never gets a notice",
         [ev("renewToken", at=at(40), token="B")], ["LIFE-RENEW-REPLACES", "LIFE-WILL-EXPIRE-ONCE"],
         ["RenewRule", "WillExpireNotice"]),
        ("renew with a token for another user: refused, the old token expires",
         [ev("renewToken", at=at(75), token="U")], ["LIFE-RENEW-OTHER-BINDING",
                                                   "LIFE-RENEW-INVALID-NOCHANGE"],
         ["RenewRule", "InferredRule"]),
        ("renew with a token for another room: refused",
         [ev("renewToken", at=at(75), token="RM")], ["LIFE-RENEW-OTHER-BINDING"],
         ["RenewRule", "InferredRule"]),
        ("renew with an already expired token: refused (1002078), nothing changes",
         [ev("renewToken", at=at(75), token="X")], ["LIFE-RENEW-EXPIRED",
                                                   "LIFE-RENEW-INVALID-NOCHANGE"],
         ["RenewRule", "InferredRule"]),
        ("renew with a malformed token, then a valid one",
         [ev("renewToken", at=at(75), token="M"), ev("renewToken", token="B")],
         ["LIFE-RENEW-INVALID-NOCHANGE", "LIFE-RENEW-REPLACES"], ["RenewRule", "InferredRule"]),
        ("renew with a token under another secret (decrypt fails)",
         [ev("renewToken", at=at(75), token="K")], ["LIFE-RENEW-INVALID-NOCHANGE"],
         ["RenewRule", "InferredRule"]),
        ("two renews in a row: the last one wins",
         [ev("renewToken", at=at(71), token="B"), ev("renewToken", at=at(72), token="C")],
         ["LIFE-RENEW-TWICE"], ["RenewRule", "InferredRule"]),
        ("two renews, the second with an earlier-expiring token: it still wins",
         [ev("renewToken", at=at(71), token="C"), ev("renewToken", at=at(72), token="S")],
         ["LIFE-RENEW-TWICE"], ["RenewRule", "InferredRule"]),
        ("renew with a token that has 25 s left: its notice fires at once",
         [ev("renewToken", at=at(25), token="X")], ["LIFE-WILL-EXPIRE-LATE", "LIFE-RENEW-REPLACES"],
         ["RenewRule", "WillExpireNotice", "InferredRule"]),
        ("renew exactly when the notice is due: the notice comes first",
         [ev("renewToken", at=at(70), token="B")], ["LIFE-TIMERS-FIRST"],
         ["RenewRule", "TimerOrder", "InferredRule"]),
    ]
    for i, (desc, renews, rules, flags) in enumerate(renew_cases):
        version, switch = (("2.13.0", True), ("2.12.3", False), ("2.17.0", True))[i % 3]
        tv = "04" if version == "2.17.0" else "03"
        tokens = {k: dict(v, version=tv) if "malformed" not in v else v for k, v in R.items()}
        sc = zscenario(zprofile(ZEGO_NATIVE[i % 4], version, "token", tv, switch), tokens,
                       [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                        ev("startPublishingStream", stream="s1")] + renews +
                       [until(320), ev("startPublishingStream", stream="s2"), until(520)])
        add("Express %s %s: %s" % (ZEGO_NATIVE[i % 4], version, desc), rules, [S0, S2], flags, sc,
            ZegoExpress(sc))
    for version, switch in (("2.12.3", True), ("2.13.0", True)):
        sc = zscenario(zprofile("ios", version, "token", "03", switch),
                       {"A": {"expire": at(100), "user": "u1", "version": "03"},
                        "B": {"expire": at(300), "user": "u1", "version": "03"}},
                       [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                        ev("startPublishingStream", stream="s1"), until(150),
                        ev("startPlayingStream", stream="p1"), ev("renewToken", token="B"),
                        ev("startPlayingStream", stream="p1"), until(300)])
        add("Express ios %s: renew after the expiry (%s)" % (version, "still in the room" if
                                                            version == "2.12.3" else "kicked out"),
            ["LIFE-RENEW-AFTER-KICK", "ZEGO-EXPIRY-2.8-2.12", "ZEGO-EXPIRY-2.13-SWITCH"], [S0],
            ["RenewRule", "ExpiryEffect", "InferredRule"], sc, ZegoExpress(sc))
    for version, switch in (("2.12.3", False), ("2.13.0", True)):
        sc = zscenario(zprofile("android", version, "token", "03", switch),
                       {"A": {"expire": at(100), "user": "u1", "version": "03"}},
                       [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                        ev("renewToken", at=at(100), token="A")])
        add("Express android %s: renew at exactly the expiry second: the expiry comes first" %
            version, ["LIFE-TIMERS-FIRST", "LIFE-RENEW-EXPIRED"], [S0],
            ["TimerOrder", "InferredRule"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("ios", "2.17.0"), {"B": {"expire": at(300), "user": "u1"}},
                   [ev("createEngine"), ev("renewToken", token="B")])
    add("renewToken before any login is refused", ["LIFE-RENEW-NOT-JOINED"], [S0],
        ["RenewRule", "InferredRule"], sc, ZegoExpress(sc))

    # -- privileges (token-formats.md ZEGO §1.3, §4) ---------------------------------------
    sc = zscenario(zprofile("ios", "2.17.0"),
                   {"A": {"expire": at(300), "user": "u1", "privileges": {"publish": False}},
                    "B": {"expire": at(600), "user": "u1"},
                    "C": {"expire": at(900), "user": "u1", "privileges": {"publish": False}}},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("startPublishingStream", stream="s1"), ev("startPlayingStream", stream="p1"),
                    ev("renewToken", at=at(10), token="B"), ev("startPublishingStream", stream="s1"),
                    ev("renewToken", at=at(20), token="C"), adv(5),
                    ev("startPublishingStream", stream="s2")])
    add("Publish privilege denied, then granted by a renew, then denied again: only the next "
        "publish is affected, the running stream is not stopped",
        ["ZEGO-PRIVILEGE", "ZEGO-RENEW-NEXT-PUBLISH"], ["token-formats.md ZEGO §1.3, §4"],
        ["Privilege", "RenewRule"], sc, ZegoExpress(sc))

    # -- misc ------------------------------------------------------------------------------
    sc = zscenario(zprofile("android", "2.17.0"), {"A": {"expire": at(100), "user": "u1"}},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("startPublishingStream", at=at(50), stream="s1"),
                    ev("startPlayingStream", at=at(40), stream="p1"), until(80)])
    add("An event stamped before the clock runs at the clock", ["LIFE-CLOCK-BACKWARDS", "LIFE-CLOCK"], [],
        ["ClockSkew", "InferredRule"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("ios", "2.17.0", "token", "04", True),
                   {"A": {"expire": at(100), "user": "u1"}},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("advance", at=at(90)), ev("advance", seconds=-50), until(100)])
    add("advance with negative seconds: ignored, the expiry still comes at its time",
        ["LIFE-CLOCK-BACKWARDS", "LIFE-CLOCK"], [], ["ClockSkew", "InferredRule"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("ios", "2.17.0"), {"A": {"expire": at(100), "user": "u1"}},
                   [ev("loginRoom", room="r1", user="u1", token="A"), ev("createEngine"),
                    ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("loginRoom", room="r1", user="u1", token="A")])
    add("loginRoom before createEngine, createEngine twice, loginRoom twice",
        ["ZEGO-CALL-ORDER"], [], ["InferredRule"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("web", "3.1.0", "token", "04", True),
                   {"A": {"expire": at(100), "user": "u1"}, "B": {"expire": at(300), "user": "u1"}},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("startPublishingStream", stream="s1"), until(110),
                    ev("startPublishingStream", stream="s2"), ev("renewToken", token="B"),
                    ev("startPublishingStream", stream="s2"), until(280)])
    add("Web: roomTokenWillExpire, no kick-out even with the switch on, the next publish fails "
        "until a renew", ["ZEGO-WEB", "ZEGO-WILL-EXPIRE-30"], [S0, "token-formats.md ZEGO §4"],
        ["ExpiryEffect", "InferredRule"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("web", "2.0.0", "forced_token", "03"),
                   {"A": {"expire": at(-5), "user": "u1", "version": "03"}},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("loginRoom", room="r1", user="u1")])
    add("Web: an expired token03 (1102018), then no token at all", ["ZEGO-WEB", "ZEGO-LOGIN-CODES"],
        [S0], ["CodeMapping", "InferredRule"], sc, ZegoExpress(sc))

    # -- DocsView and SuperBoard (seed 002) ------------------------------------------------
    for product, platform, below, since in (("docsview", "ios", "2.2.9", "2.3.0"),
                                            ("docsview", "android", "2.2.9", "2.3.0"),
                                            ("docsview", "electron", "2.1.5", "2.1.6"),
                                            ("superboard", "ios", "2.2.9", "2.3.0"),
                                            ("superboard", "android", "2.2.9", "2.3.0")):
        room = {"room": "r1"} if product == "superboard" else {}
        for version in (below, since):
            sc = {"profile": {"vendor": "zego", "product": product, "platform": platform,
                              "sdk_version": version},
                  "start": T0,
                  "tokens": {"A": {"expire": at(100), "user": "u1"},
                             "B": {"expire": at(300), "user": "u1"},
                             "U": {"expire": at(300), "user": "u2"}},
                  "events": [ev("init", user="u1", token="A", **room), until(75),
                             ev("renewToken", token="U"), ev("renewToken", token="B"), until(300)]}
            add("%s %s %s: init with a token, the notice, renewToken" % (product, platform, version),
                ["ZEGO-DOCS-TOKEN-AUTH", "ZEGO-DOCS-NOTICE", "ZEGO-DOCS-EXPIRY"], [S2],
                ["VersionBoundary", "WillExpireNotice", "RenewRule", "InferredRule"], sc,
                ZegoBoard(sc))
    sc = {"profile": {"vendor": "zego", "product": "superboard", "platform": "ios",
                      "sdk_version": "2.3.0"}, "start": T0,
          "tokens": {"A": {"expire": at(100), "user": "u1", "room": "r2"},
                     "B": {"expire": at(100), "user": "u1", "room": "r1"}},
          "events": [ev("renewToken", token="B"), ev("init", user="u1", room="r1", token="A"),
                     ev("init", user="u1", room="r1", token="B"),
                     ev("init", user="u1", room="r1", token="B")]}
    add("SuperBoard: renew before init, a token for another room, init twice",
        ["ZEGO-DOCS-TOKEN-AUTH"], [S2], ["InferredRule"], sc, ZegoBoard(sc))

    # -- issue 11: the notice once per expiry instant, calls before createEngine, AppSign only
    sc = zscenario(zprofile("ios", "2.17.0"),
                   {"A": {"expire": at(100), "user": "u1"},
                    "A2": {"expire": at(100), "user": "u1", "room": "r1"},
                    "B": {"expire": at(300), "user": "u1"}},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("renewToken", at=at(71), token="A"), ev("renewToken", at=at(72), token="A"),
                    ev("renewToken", at=at(73), token="A2"), ev("renewToken", at=at(80), token="B"),
                    ev("renewToken", at=at(275), token="B"), until(299),
                    ev("startPublishingStream", at=at(300), stream="s1")])
    add("Express ios 2.17.0: renewing with the same token after its notice (at 71 and 72), or with "
        "another token expiring at the same second, fires no second notice; a token with a new "
        "expiry gets its own, once",
        ["LIFE-WILL-EXPIRE-ONCE", "ZEGO-WILL-EXPIRE-30", "LIFE-RENEW-REPLACES"], [S0],
        ["WillExpireNotice", "RenewRule", "InferredRule"], sc, ZegoExpress(sc))
    sc = {"profile": {"vendor": "zego", "product": "superboard", "platform": "android",
                      "sdk_version": "2.3.0"}, "start": T0,
          "tokens": {"A": {"expire": at(100), "user": "u1", "room": "r1"}},
          "events": [ev("init", user="u1", room="r1", token="A"),
                     ev("renewToken", at=at(75), token="A"), ev("renewToken", at=at(76), token="A"),
                     until(120)]}
    add("SuperBoard android 2.3.0: renewing with the same token after the notice fires no second "
        "notice", ["LIFE-WILL-EXPIRE-ONCE", "ZEGO-DOCS-NOTICE"], [S2, S0],
        ["WillExpireNotice", "RenewRule", "InferredRule"], sc, ZegoBoard(sc))
    sc = zscenario(zprofile("ios", "2.17.0"), {"B": {"expire": at(300), "user": "u1"}},
                   [ev("renewToken", token="B"), ev("startPublishingStream", stream="s1"),
                    ev("startPlayingStream", stream="p1"), ev("stopPublishingStream", stream="s1"),
                    ev("stopPlayingStream", stream="p1"), ev("logoutRoom"),
                    ev("loginRoom", room="r1", user="u1", token="B"), ev("createEngine"),
                    ev("renewToken", token="B"), ev("startPublishingStream", stream="s1")])
    add("Every call before createEngine is no_engine (renewToken, streams, logoutRoom as "
        "loginRoom); after it, renewToken and publishing without a login are not_logged_in",
        ["ZEGO-CALL-ORDER", "LIFE-RENEW-NOT-JOINED"], [S0], ["InferredRule"], sc, ZegoExpress(sc))
    for mode, version in (("appsign", "2.17.0"), ("token_appsign", "2.13.0")):
        sc = zscenario(zprofile("android", version, mode, "04" if version == "2.17.0" else "03", True),
                       {"B": {"expire": at(100), "user": "u1",
                              "version": "04" if version == "2.17.0" else "03"}},
                       [ev("createEngine", app_sign="valid"), ev("loginRoom", room="r1", user="u1"),
                        ev("startPublishingStream", stream="s1"), ev("renewToken", token="B"),
                        until(200), ev("startPublishingStream", stream="s2")])
        add("Express android %s, %s, logged in by the AppSign without a token: renewToken is "
            "refused (no token to renew), no notice, nothing expires" % (version, mode),
            ["ZEGO-AUTH-APPSIGN-NO-TOKEN", "ZEGO-AUTH-APPSIGN"], [S2, S0],
            ["AuthMode", "RenewRule", "InferredRule"], sc, ZegoExpress(sc))

    # -- issue 11, finding 8: DocsView / SuperBoard take a token04 only
    for product, platform in (("docsview", "android"), ("superboard", "ios")):
        room = {"room": "r1"} if product == "superboard" else {}
        sc = {"profile": {"vendor": "zego", "product": product, "platform": platform,
                          "sdk_version": "2.3.0"}, "start": T0,
              "tokens": {"T3": {"expire": at(100), "user": "u1", "version": "03"},
                         "T4": {"expire": at(100), "user": "u1", "version": "04"},
                         "R3": {"expire": at(300), "user": "u1", "version": "03"}},
              "events": [ev("init", user="u1", token="T3", **room),
                         ev("init", user="u1", token="T4", **room),
                         ev("renewToken", token="R3"), until(100)]}
        add("%s %s 2.3.0: a token03 at init and at renewToken is unsupported_version; a token04 "
            "inits, and its expiry stands" % (product, platform),
            ["ZEGO-DOCS-TOKEN-AUTH", "ZEGO-DOCS-NOTICE"], [S2],
            ["VersionBoundary", "RenewRule", "InferredRule"], sc, ZegoBoard(sc))

    # -- issue 11, finding 1: the Token auth mode (AppSign empty) exists from seed 002's
    # versions; before it every engine has an AppSign and a token must hold as well.
    # (The lifecycle models the four platforms whose renew / kick-out versions the seeds
    # give; Web has no AppSign and always the Token mode, ZEGO-WEB.)
    for platform, version in (("ios", "2.16.9"), ("ios", "2.17.0"), ("windows", "2.12.0"),
                              ("windows", "2.17.0"), ("web", "2.10.0")):
        sc = zscenario(zprofile(platform, version, "token", "04"),
                       {"A": {"expire": at(100), "user": "u1"}},
                       [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A")],
                       as_written=True)
        caps = zego_express_caps(platform, version)
        add("Express %s %s, Token auth mode (no AppSign at createEngine): %s"
            % (platform, version, "the engine is created and the token04 logs in"
               if caps["token_mode"] else "no engine without an AppSign before this platform's "
               "Token auth mode"),
            ["ZEGO-AUTH-TOKEN-2.17", "ZEGO-AUTH-TOKEN"] + (["ZEGO-WEB"] if platform == "web" else []),
            [S2],
            ["AuthMode", "VersionBoundary"] + ([] if caps["token_mode"] else ["InferredRule"]),
            sc, ZegoExpress(sc))
    for version in ("2.10.0", "2.13.0"):
        for sign, tokname, desc in (
                ("valid", "A", "valid AppSign and valid token: the token's expiry is seed 000's"),
                ("valid", "X", "valid AppSign, expired token: refused (1002078); the AppSign "
                               "does not outvote the token"),
                ("invalid", "A", "wrong AppSign, valid token: refused (1002033)"),
                ("valid", None, "valid AppSign and no token: an AppSign-only session")):
            sc = zscenario(zprofile("android", version, "token_appsign", "03", True),
                           {"A": {"expire": at(100), "user": "u1", "version": "03"},
                            "X": {"expire": at(-10), "user": "u1", "version": "03"}},
                           [ev("createEngine", app_sign=sign),
                            ev("loginRoom", room="r1", user="u1",
                               **({"token": tokname} if tokname else {})),
                            ev("startPublishingStream", stream="s1"), until(130),
                            ev("startPublishingStream", stream="s2")])
            add("Express android %s (before the Token auth mode), AppSign + token, %s"
                % (version, desc),
                ["ZEGO-AUTH-APPSIGN-TOKEN", "ZEGO-EXPIRY-2.13-SWITCH" if version == "2.13.0"
                 else "ZEGO-EXPIRY-2.8-2.12"], [S2, S0],
                ["AuthMode", "ExpiryEffect", "InferredRule"], sc, ZegoExpress(sc))

    # -- issue 11, finding 7: room-scoped tokens and multi-room login. Seed 002 gives the
    # room to every token call: renewToken(roomID, token), onRoomTokenWillExpire(roomID,
    # remainTimeInSecond). Whether one engine holds several rooms is not in the seeds
    # (ZEGO-ROOM-MODE, inferred): room_mode "multi" opts in.
    room_rules = ["ZEGO-ROOM-SCOPED", "ZEGO-ROOM-PAYLOAD"]
    two = {"A": {"expire": at(100), "room": "r1", "user": "u1"},
           "B": {"expire": at(200), "room": "r2", "user": "u1"},
           "A2": {"expire": at(300), "room": "r1", "user": "u1"},
           "B1": {"expire": at(100), "room": "r2", "user": "u1"}}
    sc = zscenario(zprofile("ios", "2.17.0", "token", "04", True, room_mode="multi"), two,
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("loginRoom", room="r2", user="u1", token="B"),
                    ev("startPublishingStream", stream="s1", room="r1"),
                    ev("startPublishingStream", stream="s2", room="r2"),
                    ev("startPlayingStream", stream="p2", room="r2"), until(120),
                    ev("startPublishingStream", stream="s1", room="r1"),
                    ev("startPublishingStream", stream="s3", room="r2"), until(250)])
    add("Express iOS 2.17.0 multi-room, switch on: r1's token expires at +100, r2's at +200; "
        "each room gets its own notice and kick-out naming it, stopping only its own streams; "
        "r2 keeps publishing after r1 is gone",
        ["ZEGO-ROOM-MODE"] + room_rules + ["ZEGO-EXPIRY-2.13-SWITCH", "ZEGO-WILL-EXPIRE-30"],
        [S2, S0], ["MultiRoom", "ExpiryEffect", "WillExpireNotice", "InferredRule"], sc,
        ZegoExpress(sc))
    sc = zscenario(zprofile("android", "2.17.0", "token", "04", True, room_mode="multi"), two,
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("loginRoom", room="r2", user="u1", token="B1"), until(60),
                    ev("renewToken", room="r1", token="A2"), until(320)])
    add("Express Android 2.17.0 multi-room: both rooms' tokens expire at +100; renewing r1 "
        "alone moves r1's notice and expiry to +300 while r2's notice (+70) and kick-out "
        "(+100) stay",
        ["ZEGO-ROOM-MODE"] + room_rules + ["LIFE-RENEW-REPLACES", "ZEGO-EXPIRY-2.13-SWITCH"],
        [S2, S0], ["MultiRoom", "RenewRule", "InferredRule"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("windows", "2.17.0", "token", "04", True, room_mode="multi"), two,
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("renewToken", room="r2", token="B"),
                    ev("renewToken", room="r1", token="B"), until(120)])
    add("Express Windows 2.17.0 multi-room, in r1 only: renewToken for r2 is not_logged_in "
        "(no codes); renewing r1 with r2's token is room_mismatch (1002033); r1's own token "
        "still runs to its notice and kick-out",
        ["ZEGO-ROOM-RENEW-UNKNOWN", "ZEGO-ROOM-PAYLOAD", "LIFE-RENEW-OTHER-BINDING",
         "LIFE-RENEW-INVALID-NOCHANGE"],
        [S2], ["MultiRoom", "RenewRule", "InferredRule"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("ios", "2.17.0", "token", "04", False), two,
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("renewToken", room="r2", token="B"),
                    ev("renewToken", room="r1", token="A2"), until(320)])
    add("Express iOS 2.17.0 single-room: renewToken naming a room the engine is not in is "
        "not_logged_in; naming its own room renews it (notice at +270)",
        ["ZEGO-ROOM-RENEW-UNKNOWN", "ZEGO-ROOM-PAYLOAD", "LIFE-RENEW-REPLACES"],
        [S2], ["MultiRoom", "RenewRule", "InferredRule"], sc, ZegoExpress(sc))
    for mode in ("multi", "single"):
        sc = zscenario(zprofile("macos", "2.17.0", "token", "04", False, room_mode=mode), two,
                       [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                        ev("loginRoom", room="r1", user="u1", token="A2"),
                        ev("loginRoom", room="r2", user="u1", token="B"), until(210)])
        add("Express macOS 2.17.0 room_mode %s: the same room twice is already_logged_in; "
            "another room %s" % (mode, "logs in beside it, each with its own notice"
                                 if mode == "multi" else "is already_logged_in too (one room "
                                 "at a time)"),
            ["ZEGO-ROOM-SAME-TWICE", "ZEGO-ROOM-MODE", "ZEGO-ROOM-PAYLOAD"],
            [S2], ["MultiRoom", "InferredRule"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("ios", "2.12.0", "token", "03", False, room_mode="multi"),
                   {k: dict(v, version="03") for k, v in two.items()},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("loginRoom", room="r2", user="u1", token="B1"), until(50),
                    ev("logoutRoom", room="r1"),
                    ev("startPublishingStream", stream="s1", room="r1"),
                    ev("startPublishingStream", stream="s2", room="r2"), until(110),
                    ev("startPublishingStream", stream="s3"),
                    ev("startPlayingStream", stream="p2", room="r2"),
                    ev("logoutRoom"), ev("renewToken", room="r2", token="B"), until(250)])
    add("Express iOS 2.12.0 (AppSign + token03) multi-room: logging out of r1 keeps r2 — "
        "no r1 notice, r2's notice at +70; after r2's expiry its next publish and play fail "
        "(seed 000's 2.8.0-2.12.0 rule, per room); logoutRoom without a room leaves every room",
        ["ZEGO-ROOM-LOGOUT"] + room_rules + ["ZEGO-EXPIRY-2.8-2.12", "ZEGO-AUTH-APPSIGN-TOKEN"],
        [S2, S0], ["MultiRoom", "ExpiryEffect", "InferredRule"], sc, ZegoExpress(sc))

    # -- issue 11, "the format cannot say": a state event (LIFE-STATE) asserts what the
    # SDK holds, where earlier scenarios could only probe with a call. Seed 000: in
    # 2.8.0-2.12.0 an expired token leaves the user in the room with the current streams
    # running; from 2.13.0 with the server switch the user is kicked out and publishing
    # stops; without the switch, 2.13.0 behaves as before.
    for version, switch in (("2.12.0", True), ("2.13.0", True), ("2.13.0", False)):
        sc = zscenario(zprofile("android", version, "token", "03", switch),
                       {"A": {"expire": at(100), "user": "u1", "version": "03"}},
                       [ev("state"), ev("createEngine"),
                        ev("loginRoom", room="r1", user="u1", token="A"),
                        ev("startPublishingStream", stream="s1"),
                        ev("startPlayingStream", stream="p1"), ev("state", at=at(50)),
                        until(101), ev("state")])
        kicked = version == "2.13.0" and switch
        add("Express Android %s, switch %s: state before the engine, while logged in, and after "
            "the expiry: %s" % (version, "on" if switch else "off",
                                "out of the room, no streams" if kicked else
                                "still in r1 with s1 and p1"),
            ["LIFE-STATE", "ZEGO-EXPIRY-2.13-SWITCH" if version == "2.13.0"
             else "ZEGO-EXPIRY-2.8-2.12", "ZEGO-AUTH-APPSIGN-TOKEN"],
            [S0, S2], ["StateQuery", "ExpiryEffect", "InferredRule"], sc, ZegoExpress(sc))
    sc = zscenario(zprofile("ios", "2.17.0", "token", "04", True, room_mode="multi"),
                   {"A": {"expire": at(100), "room": "r1", "user": "u1"},
                    "B": {"expire": at(200), "room": "r2", "user": "u1"}},
                   [ev("createEngine"), ev("loginRoom", room="r1", user="u1", token="A"),
                    ev("loginRoom", room="r2", user="u1", token="B"),
                    ev("startPublishingStream", stream="s1", room="r1"),
                    ev("startPublishingStream", stream="s2", room="r2"), ev("state"),
                    until(100), ev("state"), ev("logoutRoom", room="r2"), ev("state")])
    add("Express iOS 2.17.0 multi-room, switch on: state lists both rooms and streams; after r1's "
        "kick-out only r2 and s2; after logging out of r2, no room",
        ["LIFE-STATE", "ZEGO-ROOM-SCOPED", "ZEGO-ROOM-LOGOUT", "ZEGO-EXPIRY-2.13-SWITCH"],
        [S0, S2], ["StateQuery", "MultiRoom", "InferredRule"], sc, ZegoExpress(sc))
    for token in ("T3", "T4"):
        sc = {"profile": {"vendor": "zego", "product": "superboard", "platform": "ios",
                          "sdk_version": "2.3.0"}, "start": T0,
              "tokens": {"T3": {"expire": at(100), "user": "u1", "version": "03"},
                         "T4": {"expire": at(100), "user": "u1", "version": "04"}},
              "events": [ev("state"), ev("init", user="u1", room="r1", token=token), ev("state")]}
        add("SuperBoard iOS 2.3.0: state before and after init with a %s: %s" % (
            "token03" if token == "T3" else "token04",
            "still not initialised" if token == "T3" else "initialised"),
            ["LIFE-STATE", "ZEGO-DOCS-TOKEN-AUTH"], [S2], ["StateQuery", "InferredRule"], sc,
            ZegoBoard(sc))
    return s


# --------------------------------------------------------------------------------------
# Agora scenarios
# --------------------------------------------------------------------------------------
AGORA_PLATFORMS = ("native", "objc", "web")


def aprofile(platform, certificate=True, encoded=False):
    p = {"vendor": "agora", "product": "rtc", "platform": platform, "certificate": certificate,
         "app_id": AGORA_APP}
    if encoded:
        p["app_certificate"] = AGORA_CERT
    return p


def agora_suite():
    s = Suite("agora", [
        "Agora RTC token lifecycle scenarios on native (Java/C++/C#), Objective-C and Web, with "
        "and without an App Certificate. Rules and their ids: docs/SEMANTICS.md (AGORA-*, LIFE-*).",
        "Sources: seed 001_d4a146d8499d6d2a.txt (109/110/119/120, onTokenPrivilegeWillExpire 30 s "
        "before, onRequestToken / Web onTokenPrivilegeDidExpire, renewToken), token-formats.md §7 "
        "(renewToken results 4.6+, connection-state reason 9), §1-§4 (the encoded tokens).",
        "Expected outputs come from the independent model in " + GENERATOR + "."])
    add = s.add
    ch, uid = "7d72365eb983485397e3e3f9d460bdda", "2882341273"
    base = {"A": {"expire": at(100), "channel": ch, "uid": uid},
            "B": {"expire": at(400), "channel": ch, "uid": uid},
            "X": {"expire": at(-1), "channel": ch, "uid": uid},
            "CH": {"expire": at(400), "channel": "other", "uid": uid},
            "UID": {"expire": at(400), "channel": ch, "uid": "42"},
            "APP": {"expire": at(400), "channel": ch, "uid": uid,
                    "app_id": "0" * 32},
            "SIG": {"expire": at(400), "channel": ch, "uid": uid, "secret_generation": 2},
            "M": {"malformed": True}}

    def sc(platform, events, certificate=True, tokens=None, encoded=False):
        return {"profile": aprofile(platform, certificate, encoded), "start": T0,
                "tokens": base if tokens is None else tokens, "events": events}

    for platform in AGORA_PLATFORMS:
        x = sc(platform, [ev("joinChannel", channel=ch, uid=int(uid))])
        add("%s, certificate on, join without a token" % platform, ["AGORA-CERT-NO-TOKEN"],
            [SEED_AGORA], ["AuthMode", "CodeMapping"], x, Agora(x, {}))
        x = sc(platform, [ev("joinChannel", channel=ch, uid=uid, token="A")], certificate=False)
        add("%s, no certificate, join with a token" % platform, ["AGORA-NO-CERT-TOKEN"],
            [SEED_AGORA], ["AuthMode", "CodeMapping"], x, Agora(x, {}))
        x = sc(platform, [ev("joinChannel", channel=ch, uid=0), ev("publish", stream="s1"),
                          adv(86400), ev("renewToken", token="B")], certificate=False)
        add("%s, no certificate and no token: joined, nothing expires" % platform,
            ["AGORA-NO-CERT-NO-TOKEN", "AGORA-RENEW-CODES"], [SEED_AGORA, "token-formats.md §7"],
            ["AuthMode", "InferredRule"], x, Agora(x, {}))
        x = sc(platform, [ev("joinChannel", channel=ch, uid=uid, token="A"),
                          ev("publish", stream="s1"), ev("publish", stream="s2"), until(120)])
        add("%s: join, will-expire 30 s before, then the did-expire callback and the user is out"
            % platform, ["AGORA-WILL-EXPIRE-30", "AGORA-DID-EXPIRE"], [SEED_AGORA],
            ["WillExpireNotice", "ExpiryEffect", "InferredRule"], x, Agora(x, {}))
        for name, desc in (("X", "an expired token"), ("CH", "a token for another channel"),
                           ("UID", "a token for another uid"), ("APP", "a token for another App ID"),
                           ("SIG", "a token signed with another certificate"),
                           ("M", "a malformed token")):
            x = sc(platform, [ev("joinChannel", channel=ch, uid=uid, token=name)])
            add("%s: join with %s" % (platform, desc), ["AGORA-JOIN-VERIFY", "LIFE-EVAL-ORDER"],
                [SEED_AGORA], ["CodeMapping"], x, Agora(x, {}))
        for name, desc in (("X", "an expired token"), ("CH", "a token for another channel"),
                           ("UID", "a token for another uid"), ("APP", "a token for another App ID"),
                           ("SIG", "a token signed with another certificate")):
            x = sc(platform, [ev("joinChannel", channel=ch, uid=uid, token="A"),
                              ev("renewToken", at=at(72), token=name), until(101)])
            add("%s: renew with %s: refused with renewToken's code, the old token expires"
                % (platform, desc), ["AGORA-RENEW-CODES", "LIFE-RENEW-INVALID-NOCHANGE",
                                     "LIFE-RENEW-OTHER-BINDING"],
                ["token-formats.md §7", SEED_AGORA], ["RenewRule", "CodeMapping", "InferredRule"], x,
                Agora(x, {}))
        x = sc(platform, [ev("joinChannel", channel=ch, uid=uid, token="A"), ev("publish", stream="s1"),
                          ev("renewToken", at=at(71), token="B"), until(400)])
        add("%s: renew at the notice: no did-expire at the old expiry, a new notice later" % platform,
            ["AGORA-RENEW", "LIFE-RENEW-REPLACES"], [SEED_AGORA], ["RenewRule", "WillExpireNotice"],
            x, Agora(x, {}))
        x = sc(platform, [ev("joinChannel", channel=ch, uid=uid, token="A"), ev("publish", stream="s1"),
                          until(110), ev("publish", stream="s2"), ev("renewToken", token="X"),
                          ev("renewToken", token="B"), ev("publish", stream="s2"), until(400)])
        add("%s: after the expiry, renewToken with a fresh token re-joins" % platform,
            ["AGORA-RENEW-REJOIN", "AGORA-DID-EXPIRE"], [SEED_AGORA],
            ["RenewRule", "ExpiryEffect", "InferredRule"], x, Agora(x, {}))
    x = sc("native", [ev("renewToken", token="B"), ev("joinChannel", channel=ch, uid=uid, token="A"),
                      ev("joinChannel", channel=ch, uid=uid, token="B"), ev("leaveChannel", at=at(50)),
                      until(200), ev("renewToken", token="B")])
    add("renew before join, join twice, leave before the notice", ["LIFE-RENEW-NOT-JOINED",
                                                                  "AGORA-CALL-ORDER"],
        [], ["RenewRule", "InferredRule"], x, Agora(x, {}))
    x = sc("objc", [ev("joinChannel", channel=ch, uid=uid, token="A"),
                    ev("renewToken", at=at(100), token="B"), until(400)])
    add("renew at exactly the expiry second: the did-expire comes first, the renew re-joins",
        ["LIFE-TIMERS-FIRST", "AGORA-RENEW-REJOIN"], [SEED_AGORA], ["TimerOrder", "InferredRule"],
        x, Agora(x, {}))
    x = sc("web", [ev("joinChannel", channel=ch, uid=uid, token="A"),
                   ev("publish", at=at(80), stream="s1"), ev("publish", at=at(60), stream="s2"),
                   until(100)])
    add("web: an event stamped before the clock", ["LIFE-CLOCK-BACKWARDS", "LIFE-CLOCK"], [],
        ["ClockSkew", "InferredRule"], x, Agora(x, {}))

    # -- encoded tokens (token-formats.md §1, §2 layouts; built here) ----------------------
    t006 = agora006(AGORA_APP, AGORA_CERT, ch, uid, 1, at(200), {1: 0})
    t006_short = agora006(AGORA_APP, AGORA_CERT, ch, uid, 2, at(600), {1: at(100), 2: at(600)})
    t006_bad = agora006(AGORA_APP, AGORA_OTHER_CERT, ch, uid, 3, at(200), {1: 0})
    t007 = agora007_rtc(AGORA_APP, AGORA_CERT, ch, uid, at(0), 300, 7, {1: 0, 2: 0, 3: 0, 4: 0})
    t007_priv = agora007_rtc(AGORA_APP, AGORA_CERT, ch, uid, at(0), 600, 8, {1: 120})
    t007_bad = agora007_rtc(AGORA_APP, AGORA_OTHER_CERT, ch, uid, at(0), 300, 9, {1: 0})
    t007_old = agora007_rtc(AGORA_APP, AGORA_CERT, ch, uid, at(-900), 600, 10, {1: 0})
    enc = {"E6": {"encoded": t006}, "E6P": {"encoded": t006_short, "scheme": "agora-006"},
           "E6B": {"encoded": t006_bad}, "E7": {"encoded": t007}, "E7P": {"encoded": t007_priv},
           "E7B": {"encoded": t007_bad, "scheme": "agora-007"}, "E7X": {"encoded": t007_old}}
    truths = {"E6": agora_truth("006", ch, uid, at(200)),
              "E6P": agora_truth("006", ch, uid, at(100)),
              "E6B": agora_truth("006", ch, uid, at(200), cert_ok=False),
              "E7": agora_truth("007", ch, uid, at(300)),
              "E7P": agora_truth("007", ch, uid, at(120)),
              "E7B": agora_truth("007", ch, uid, at(300), cert_ok=False),
              "E7X": agora_truth("007", ch, uid, at(-300))}
    encoded_cases = [
        ("native", "a 006 token: join, notice, expiry", [ev("joinChannel", channel=ch, uid=uid,
                                                            token="E6"), until(210)]),
        ("web", "a 006 token whose join privilege expires before the token",
         [ev("joinChannel", channel=ch, uid=uid, token="E6P"), until(110)]),
        ("objc", "a 006 token joined with another uid, then the right one",
         [ev("joinChannel", channel=ch, uid=7, token="E6"),
          ev("joinChannel", channel=ch, uid=int(uid), token="E6")]),
        ("native", "a 006 token for another channel", [ev("joinChannel", channel="x", uid=uid,
                                                           token="E6")]),
        ("web", "a 006 token signed with another certificate",
         [ev("joinChannel", channel=ch, uid=uid, token="E6B")]),
        ("native", "a 007 token: join, renew with a 006, both expire in turn",
         [ev("joinChannel", channel=ch, uid=uid, token="E7"), ev("renewToken", at=at(150), token="E6"),
          until(320)]),
        ("objc", "a 007 token whose join privilege (120 s) ends before the token (600 s)",
         [ev("joinChannel", channel=ch, uid=uid, token="E7P"), until(130)]),
        ("native", "a 007 token signed with another certificate, renewed after a claims join",
         [ev("joinChannel", channel=ch, uid=uid, token="A"), ev("renewToken", token="E7B"),
          until(100)]),
        ("web", "an expired 007 token", [ev("joinChannel", channel=ch, uid=uid, token="E7X")]),
        ("native", "a 007 token joined on another channel", [ev("joinChannel", channel="x", uid=uid,
                                                                 token="E7")]),
    ]
    tokens = dict(base)
    tokens.update(enc)
    for platform, desc, events in encoded_cases:
        x = sc(platform, events, tokens=tokens, encoded=True)
        add("%s: %s" % (platform, desc), ["AGORA-ENCODED", "AGORA-JOIN-VERIFY"],
            ["token-formats.md §1, §2", SEED_AGORA], ["EncodedToken"], x, Agora(x, truths))

    # -- issue 11: the notice once per expiry instant; the last second of the clock ----------
    x = sc("native", [ev("joinChannel", channel=ch, uid=uid, token="A"),
                      ev("renewToken", at=at(71), token="A"), ev("renewToken", at=at(72), token="A"),
                      until(120)])
    add("native: renewing with the same token after its notice (at 71 and 72) fires no second "
        "notice; the token still expires", ["LIFE-WILL-EXPIRE-ONCE", "AGORA-WILL-EXPIRE-30",
                                            "AGORA-DID-EXPIRE"], [SEED_AGORA],
        ["WillExpireNotice", "RenewRule", "InferredRule"], x, Agora(x, {}))
    x = {"profile": aprofile("objc"), "start": MAX_TIME - 100,
         "tokens": {"T": {"expire": MAX_TIME - 10, "channel": ch, "uid": uid}},
         "events": [ev("joinChannel", channel=ch, uid=uid, token="T"),
                    ev("publish", at=MAX_TIME - 50, stream="s1"),
                    {"op": "advance", "seconds": 50}]}
    add("objc: a scenario at the end of the clock's range: notice, expiry and an advance to "
        "exactly the last second it can reach", ["LIFE-CLOCK-RANGE", "AGORA-WILL-EXPIRE-30",
                                                 "AGORA-DID-EXPIRE"], [SEED_AGORA],
        ["ClockRange", "InferredRule"], x, Agora(x, {}))

    # -- issue 11 finding 2: an invalid App ID, at initialisation and at joinChannel -------
    def with_app(x, app_id):
        x["profile"]["app_id"] = app_id
        return x

    app_src = [SEED_AGORA, "token-formats.md §0 (an App ID is 32 hex characters)"]
    for platform in AGORA_PLATFORMS:
        x = with_app(sc(platform, [ev("initialize"), ev("joinChannel", channel=ch, uid=uid, token="A"),
                                   ev("renewToken", token="B"), ev("publish", stream="s1"),
                                   until(120)]), "not-an-app-id")
        add("%s, certificate on: App ID \"not-an-app-id\": initialize and joinChannel fail with "
            "101, nothing else happens" % platform, ["AGORA-INIT-APP-ID"], app_src,
            ["InvalidAppId", "CodeMapping"], x, Agora(x, {}))
        x = with_app(sc(platform, [ev("joinChannel", channel=ch, uid=0)], certificate=False),
                     "not-an-app-id")
        add("%s, no certificate, no token: joinChannel with App ID \"not-an-app-id\" (no "
            "initialize event) fails with 101" % platform, ["AGORA-INIT-APP-ID"], app_src,
            ["InvalidAppId", "CodeMapping"], x, Agora(x, {}))
    x = sc("native", [ev("initialize"), ev("initialize"),
                      ev("joinChannel", channel=ch, uid=uid, token="A"), ev("initialize"),
                      until(120)])
    add("native: a valid App ID: initialize, a second initialize is already_initialized, the "
        "join and the token's lifecycle run as without the init step", ["AGORA-INIT-APP-ID",
                                                                       "AGORA-WILL-EXPIRE-30",
                                                                       "AGORA-DID-EXPIRE"],
        app_src, ["InvalidAppId", "InferredRule"], x, Agora(x, {}))
    for platform, app_id, desc in (("objc", AGORA_APP[:31], "31 hex characters"),
                                   ("web", AGORA_APP[:31] + "g", "32 characters, one not hex"),
                                   ("native", AGORA_APP + "0", "33 hex characters")):
        x = with_app(sc(platform, [ev("initialize"), ev("joinChannel", channel=ch, uid=uid,
                                                         token="A")]), app_id)
        add("%s: an App ID of %s is not an App ID: 101" % (platform, desc), ["AGORA-INIT-APP-ID"],
            app_src, ["InvalidAppId", "CodeMapping", "InferredRule"], x, Agora(x, {}))
    x = with_app(sc("web", [ev("initialize"), ev("joinChannel", channel=ch, uid=uid, token="A")]),
                 970)
    add("web: an App ID of the wrong data type (a number, the seed's usual cause): 101",
        ["AGORA-INIT-APP-ID"], app_src, ["InvalidAppId", "CodeMapping"], x, Agora(x, {}))

    # -- issue 11 finding 6: renewToken without a certificate reports renewToken's result ---
    for platform in AGORA_PLATFORMS:
        x = sc(platform, [ev("joinChannel", channel=ch, uid=uid), ev("renewToken", token="B"),
                          ev("renewToken", token="X"), ev("renewToken", token="CH"),
                          ev("publish", stream="s1"), until(500)], certificate=False)
        add("%s, no certificate: renewToken with a token (valid, expired, another channel) is "
            "token_unexpected with renewToken's result code natively (3 INVALID_TOKEN, not the "
            "join's 110), Web's join code 119; the user stays in the channel" % platform,
            ["AGORA-RENEW-CODES", "AGORA-NO-CERT-NO-TOKEN"], ["token-formats.md §7", SEED_AGORA],
            ["RenewRule", "CodeMapping", "InferredRule"], x, Agora(x, {}))

    # -- issue 11 finding 5: an int uid and a user account of the same digits differ -------
    typed = dict(base)
    typed.update({"S7": {"expire": at(100), "channel": ch, "uid": "7"},
                  "I7": {"expire": at(100), "channel": ch, "uid": 7},
                  "I7B": {"expire": at(400), "channel": ch, "uid": 7},
                  "S7B": {"expire": at(400), "channel": ch, "uid": "7"},
                  "I0": {"expire": at(100), "channel": ch, "uid": 0}})
    for platform in AGORA_PLATFORMS:
        x = sc(platform, [ev("joinChannel", channel=ch, uid=7, token="S7"),
                          ev("joinChannel", channel=ch, uid="7", token="I7"),
                          ev("joinChannel", channel=ch, uid="7", token="S7")], tokens=typed)
        add("%s: a token for the user account \"7\" joined with the int uid 7, and a token for "
            "the int uid 7 joined with the account \"7\": uid_mismatch (110); the account joins "
            "with its own token" % platform, ["AGORA-UID-TYPE", "AGORA-JOIN-VERIFY"], [SEED_AGORA],
            ["UidType", "CodeMapping"], x, Agora(x, {}))
    x = sc("native", [ev("joinChannel", channel=ch, uid=7, token="I7"),
                      ev("renewToken", at=at(72), token="S7B"),
                      ev("renewToken", at=at(73), token="I7B"), until(400)], tokens=typed)
    add("native: int uid 7 joined with its token; a renew with the account \"7\"'s token is "
        "refused (renewToken's 3 INVALID_TOKEN), one for the int uid 7 is accepted",
        ["AGORA-UID-TYPE", "AGORA-RENEW-CODES", "LIFE-RENEW-OTHER-BINDING"],
        [SEED_AGORA, "token-formats.md §7"], ["UidType", "RenewRule", "InferredRule"], x,
        Agora(x, {}))
    x = sc("web", [ev("joinChannel", channel=ch, uid=0, token="I0"), ev("leaveChannel"),
                   ev("joinChannel", channel=ch, uid="", token="I0")], tokens=typed)
    add("web: a token for the int uid 0 (written \"\") joins with uid 0, not with the account \"\"",
        ["AGORA-UID-TYPE", "AGORA-JOIN-VERIFY"], [SEED_AGORA, "token-formats.md §1"],
        ["UidType", "CodeMapping"], x, Agora(x, {}))

    # -- LIFE-STATE: in the channel while the token holds; out after its expiry (seed 001:
    # the SDK leaves the channel when the token expires without a renew).
    for platform in ("native", "web"):
        x = sc(platform, [ev("state"), ev("joinChannel", channel=ch, uid=uid, token="A"),
                          ev("state", at=at(50)), until(100), ev("state"),
                          ev("joinChannel", channel=ch, uid=uid, token="B"), ev("state"),
                          ev("leaveChannel"), ev("state")])
        add("%s: state before joining, in the channel, after the expiry (out), after joining "
            "again with a fresh token, after leaving" % platform,
            ["LIFE-STATE", "AGORA-DID-EXPIRE", "AGORA-JOIN-VERIFY"], [SEED_AGORA],
            ["StateQuery", "ExpiryEffect", "InferredRule"], x, Agora(x, {}))

    # -- issue 11, "Agora has no SDK version": renewToken's result codes are documented
    # for SDK 4.6+ (token-formats.md §7). Natively below 4.6 a refused renew reports no
    # code (the sources give none; AGORA-RENEW-CODES-4.6); Web's version line is its own.
    for platform, version in (("native", "4.5.9"), ("native", "4.6.0"), ("objc", "4.5.9"),
                              ("web", "4.5.9")):
        x = sc(platform, [ev("joinChannel", channel=ch, uid=uid, token="A"),
                          ev("renewToken", at=at(70), token="X"),
                          ev("renewToken", token="CH"), ev("renewToken", token="SIG"),
                          ev("renewToken", token="B"), ev("state")])
        x["profile"]["sdk_version"] = version
        old = platform != "web" and version == "4.5.9"
        add("%s SDK %s: renews refused as expired, channel_mismatch and bad_signature report %s; "
            "a valid renew then replaces the token" % (
                platform, version, "no code (renewToken's results arrive in 4.6)" if old else
                "renewToken's result codes" if platform != "web" else "the join codes"),
            ["AGORA-RENEW-CODES-4.6" if old else "AGORA-RENEW-CODES", "AGORA-RENEW",
             "LIFE-RENEW-INVALID-NOCHANGE", "LIFE-STATE"],
            ["token-formats.md §7", SEED_AGORA], ["VersionBoundary", "RenewRule", "InferredRule"],
            x, Agora(x, {}))
    x = sc("native", [ev("joinChannel", channel=ch, uid=uid),
                      ev("renewToken", token="B")], certificate=False)
    x["profile"]["sdk_version"] = "4.2.0"
    add("native SDK 4.2.0, no certificate: a renewToken with a token is token_unexpected with no "
        "code (before 4.6); the user stays in the channel",
        ["AGORA-RENEW-CODES-4.6", "AGORA-NO-CERT-NO-TOKEN"], ["token-formats.md §7", SEED_AGORA],
        ["VersionBoundary", "RenewRule", "InferredRule"], x, Agora(x, {}))
    return s


# --------------------------------------------------------------------------------------
# RongCloud scenarios
# --------------------------------------------------------------------------------------
def rong_suite():
    s = Suite("rongcloud", [
        "RongCloud IM token scenarios: SDK 1.x and 2.x on Android, iOS and Web; App Secret "
        "refresh; how TOKEN_INCORRECT reaches the app. Rules: docs/SEMANTICS.md (RONG-*).",
        "Sources: seed 003_65ee157fdeaf3d18.txt; the code 31004 RC_CONN_TOKEN_INCORRECT and the "
        "expiry / App Key causes: " + URL_RONG_31004 + ".",
        "Expected outputs come from the independent model in " + GENERATOR + "."])
    add = s.add
    toks = {"G1": {"user": "u1"}, "G2": {"user": "u1", "secret_generation": 2},
            "EXP": {"user": "u1", "expire": at(100)}, "KEY": {"user": "u1", "app_key": "other"},
            "M": {"malformed": True}}

    def sc(platform, version, events, app_key="k1"):
        return {"profile": {"vendor": "rongcloud", "product": "im", "platform": platform,
                            "sdk_version": version, "app_key": app_key},
                "start": T0, "tokens": toks, "events": events}

    for version in ("1.9.9", "2.0.0"):
        for platform in ("android", "ios", "web"):
            x = sc(platform, version, [ev("connect", token="G1"), ev("disconnect", at=at(10)),
                                       ev("rotate_secret", at=at(20)), ev("connect", token="G1"),
                                       ev("connect", token="G2")])
            add("SDK %s %s: connect, refresh the App Secret, reconnect with the old token, then a "
                "new one" % (version, platform), ["RONG-ROTATE", "RONG-REPORT-1X" if version <
                                                  "2" else "RONG-REPORT-2X", "RONG-CONNECT-USER"],
                [SEED_RONG, URL_RONG_31004], ["SecretRotation", "CodeMapping", "VersionBoundary"], x,
                RongCloud(x))
    for platform in ("android", "ios", "web"):
        x = sc(platform, "2.10.3", [ev("connect", token="G1"), ev("rotate_secret", at=at(5)),
                                    adv(100000), ev("connect", token="G1"), ev("disconnect"),
                                    ev("connect", token="G1")])
        add("SDK 2.x %s: a refresh does not drop a live connection; the next connect fails"
            % platform, ["RONG-CONNECTED-UNAFFECTED", "RONG-ROTATE"], [SEED_RONG],
            ["SecretRotation", "InferredRule"], x, RongCloud(x))
        x = sc(platform, "1.4.0", [ev("connect", token="EXP"), until(100), ev("disconnect"),
                                   ev("connect", token="EXP")])
        add("SDK 1.x %s: a token with an expiry connects, no notice, and fails after it" % platform,
            ["RONG-EXPIRED", "RONG-NO-NOTICE"], [SEED_RONG, URL_RONG_31004],
            ["ExpiryEffect", "InferredRule"], x, RongCloud(x))
        x = sc(platform, "2.8.1", [ev("connect", token="KEY"), ev("connect", token="M"),
                                   ev("connect", token="G2")])
        add("SDK 2.x %s: a token for another App Key, a malformed token, a future-secret token"
            % platform, ["RONG-APPKEY", "RONG-REPORT-2X"], [URL_RONG_31004, SEED_RONG],
            ["CodeMapping"], x, RongCloud(x))
    x = sc("android", "2.0.0", [ev("rotate_secret"), ev("rotate_secret"), ev("connect", token="G2"),
                                ev("connect", token="G1")])
    add("Two refreshes: a token of the middle generation fails too; connect while connected",
        ["RONG-ROTATE", "RONG-CALL-ORDER"], [SEED_RONG], ["SecretRotation", "InferredRule"], x,
        RongCloud(x))

    # -- LIFE-STATE: a refresh of the App Secret leaves a live connection connected
    # (RONG-CONNECTED-UNAFFECTED), now asserted directly rather than through connect.
    x = sc("ios", "2.10.3", [ev("state"), ev("connect", token="G1"), ev("rotate_secret", at=at(5)),
                             ev("state", at=at(6)), ev("disconnect"), ev("state"),
                             ev("connect", token="G1"), ev("state")])
    add("SDK 2.x iOS: connected after an App Secret refresh; after disconnect, a connect with "
        "the old token fails and the state stays disconnected",
        ["LIFE-STATE", "RONG-CONNECTED-UNAFFECTED", "RONG-ROTATE", "RONG-CONNECT-USER"], [SEED_RONG],
        ["StateQuery", "SecretRotation", "InferredRule"], x, RongCloud(x))

    # -- The network model (RONG-NET-*): a connect made without a network waits for it;
    # iOS's timeLimit ends the wait with RC_CONNECT_TIMEOUT; a live connection that
    # loses the network reconnects by itself, and that reconnect is judged like a connect.
    down, up = ev("network", up=False), ev("network", up=True)
    x = sc("ios", "2.10.3", [down, ev("connect", token="G1", time_limit=5), ev("state"),
                             ev("connect", token="G1"), adv(10), ev("state"), up,
                             ev("connect", token="G1")])
    add("SDK 2.x iOS: connectWithToken:timeLimit:5 without a network ends in RC_CONNECT_TIMEOUT "
        "5 s later and the SDK stops trying; a second connect meanwhile is refused",
        ["RONG-NET-WAIT", "RONG-NET-TIMEOUT", "LIFE-STATE", "RONG-CONNECT-USER"],
        [SEED_RONG, URL_RONG_CONNECT_IOS, SRC_RC_STATUS], ["Network", "CodeMapping", "InferredRule"],
        x, RongCloud(x))
    x = sc("ios", "2.10.3", [down, ev("connect", token="G1", time_limit=5),
                             ev("network", up=True, at=at(4)), ev("state"), ev("disconnect"), down,
                             ev("connect", token="G1", time_limit=5),
                             ev("network", up=True, at=at(9)), ev("state")])
    add("SDK 2.x iOS: the network comes back within the timeLimit: the connect succeeds then; "
        "at the deadline second the timeout comes first",
        ["RONG-NET-WAIT", "RONG-NET-TIMEOUT", "RONG-CONNECT-USER", "LIFE-STATE"],
        [SEED_RONG, URL_RONG_CONNECT_IOS, SRC_RC_STATUS], ["Network", "TimerOrder", "InferredRule"],
        x, RongCloud(x))
    x = sc("ios", "2.10.3", [down, ev("connect", token="G1", time_limit=0), adv(100000), ev("state"),
                             up])
    add("SDK 2.x iOS: timeLimit 0 keeps connecting for as long as it takes",
        ["RONG-NET-WAIT", "RONG-NET-TIMEOUT", "LIFE-STATE"], [URL_RONG_CONNECT_IOS, SEED_RONG],
        ["Network"], x, RongCloud(x))
    for platform in ("android", "ios", "web"):
        x = sc(platform, "2.10.3", [ev("connect", token="G1"), ev("rotate_secret", at=at(5)),
                                    ev("network", up=False, at=at(10)), ev("state"),
                                    ev("connect", token="G2"),
                                    ev("network", up=True, at=at(20)), ev("state"),
                                    ev("connect", token="G2")])
        add("SDK 2.x %s: after an App Secret refresh the live connection stays up until the "
            "network drops; the SDK's own reconnect then fails with TOKEN_INCORRECT and a new "
            "token connects" % platform,
            ["RONG-NET-RECONNECT", "RONG-ROTATE", "RONG-CONNECTED-UNAFFECTED", "RONG-REPORT-2X",
             "RONG-CALL-ORDER", "LIFE-STATE"],
            [SEED_RONG, URL_RONG_CONNECT_IOS, URL_RONG_WEB_RECONNECT, SRC_RC_STATUS],
            ["Network", "SecretRotation", "InferredRule"], x, RongCloud(x))
    x = sc("android", "1.4.0", [ev("connect", token="EXP"), ev("network", up=False, at=at(50)),
                                ev("network", up=True, at=at(150)), ev("connect", token="G1")])
    add("SDK 1.x Android: a token that expires while the network is down fails the reconnect "
        "(31004)", ["RONG-NET-RECONNECT", "RONG-EXPIRED", "RONG-REPORT-1X"],
        [SEED_RONG, URL_RONG_31004], ["Network", "ExpiryEffect", "InferredRule"], x, RongCloud(x))
    x = sc("android", "2.10.3", [down, ev("connect", token="G1"), ev("rotate_secret", at=at(30)),
                                 ev("network", up=True, at=at(60)), ev("connect", token="G2"),
                                 down, ev("network", up=True, at=at(70)), ev("state")])
    add("SDK 2.x Android: a connect waiting for the network is judged when it reaches the server: "
        "a refresh meanwhile makes it fail; a reconnect with a current token succeeds",
        ["RONG-NET-WAIT", "RONG-ROTATE", "RONG-NET-RECONNECT", "RONG-REPORT-2X", "LIFE-STATE"],
        [SEED_RONG, URL_RONG_CONNECT_IOS], ["Network", "SecretRotation", "InferredRule"], x,
        RongCloud(x))
    for version in ("2.5.2", "2.6.0"):
        x = sc("web", version, [ev("connect", token="G1"), ev("network", up=False, at=at(10)),
                                ev("network", up=True, at=at(15)), ev("state"),
                                ev("connect", token="G1"), ev("state")])
        add("Web SDK %s: after a network loss the SDK %s" % (
            version, "does not reconnect (no reconnect before 2.6.0); the app connects again"
            if version < "2.6" else "reconnects by itself; a connect is already_connected"),
            ["RONG-NET-WEB-2.6", "RONG-NET-RECONNECT", "RONG-CALL-ORDER", "LIFE-STATE"],
            [URL_RONG_WEB_RECONNECT], ["Network", "VersionBoundary"], x, RongCloud(x))
    x = sc("web", "2.10.3", [down, ev("connect", token="G1"), ev("disconnect", at=at(8)),
                             ev("state"), up, ev("state")])
    add("Web SDK 2.x: a disconnect ends a connect still waiting for the network (cancelled); "
        "the network's return then connects nothing",
        ["RONG-NET-CANCEL", "RONG-NET-WAIT", "LIFE-STATE"], [SEED_RONG],
        ["Network", "InferredRule"], x, RongCloud(x))
    return s


# --------------------------------------------------------------------------------------
# ByteDance mini-program scenarios
# --------------------------------------------------------------------------------------
def bytedance_suite():
    s = Suite("bytedance", [
        "ByteDance (Douyin) mini-program RTC scenarios: RtcRoomContext.joinRtcRoom / updateToken "
        "/ exitRtcRoom over Volcengine RTC tokens, per base-library version. Rules: "
        "docs/SEMANTICS.md (BD-*, LIFE-*).",
        "Sources: seed 004_feb3ed951cfe7da6.txt (updateToken, >= 2.68.0, errMsg/errNo/errorCode), "
        + URL_JOIN_RTC + ", " + URL_EXIT_RTC + ", " + URL_VOLC_TOKEN + " (onTokenWillExpire 30 s "
        "before; removed from the room otherwise), token-formats.md §5-§7 (the encoded tokens).",
        "Expected outputs come from the independent model in " + GENERATOR + "."])
    add = s.add
    toks = {"A": {"expire": at(100), "room": "r1", "user": "u1"},
            "B": {"expire": at(400), "room": "r1", "user": "u1"},
            "N": {"room": "r1", "user": "u1"},
            "X": {"expire": at(-1), "room": "r1", "user": "u1"},
            "R": {"expire": at(400), "room": "r9", "user": "u1"},
            "U": {"expire": at(400), "room": "r1", "user": "u9"},
            "K": {"expire": at(400), "room": "r1", "user": "u1", "secret_generation": 2},
            "APP": {"expire": at(400), "room": "r1", "user": "u1", "app_id": "0" * 24},
            "S": {"expire": at(110), "room": "r1", "user": "u1"}}

    def sc(base, events, tokens=None, encoded=False):
        p = {"vendor": "bytedance", "product": "miniprogram_rtc", "base_library": base,
             "app_id": VOLC_APP}
        if encoded:
            p["app_key"] = VOLC_KEY
        return {"profile": p, "start": T0, "tokens": toks if tokens is None else tokens,
                "events": events}

    for base in ("2.67.9", "2.68.0"):
        x = sc(base, [ev("joinRtcRoom", room="r1", user="u1", token="A"),
                      ev("updateToken", at=at(72), token="B"), until(400)])
        add("base %s: updateToken at the notice (the method exists from 2.68.0)" % base,
            ["BD-UPDATE-2.68", "BD-CALLBACK-ORDER", "BD-WILL-EXPIRE-30", "BD-EXPIRY-REMOVED"],
            [SEED_BD, URL_VOLC_TOKEN], ["VersionBoundary", "CallbackOrder", "WillExpireNotice"], x,
            MiniProgram(x, {}))
        x = sc(base, [ev("joinRtcRoom", room="r1", user="u1", token="A"),
                      ev("updateToken", at=at(50), token="R"), ev("updateToken", token="U"),
                      ev("updateToken", token="X"), ev("updateToken", token="K"),
                      ev("updateToken"), until(101)])
        add("base %s: updateToken with invalid tokens and without a token" % base,
            ["BD-UPDATE-2.68", "BD-UPDATE-RESULT", "BD-UPDATE-PARAM", "LIFE-RENEW-OTHER-BINDING",
             "LIFE-RENEW-EXPIRED", "LIFE-RENEW-INVALID-NOCHANGE"], [SEED_BD],
            ["VersionBoundary", "CallbackOrder", "RenewRule", "InferredRule"], x, MiniProgram(x, {}))
    for base in ("2.41.9", "2.42.0"):
        x = sc(base, [ev("joinRtcRoom", room="r1", user="u1", token="A"), ev("exitRtcRoom", at=at(10)),
                      until(120)])
        add("base %s: joinRtcRoom and exitRtcRoom exist from 2.42.0" % base, ["BD-JOIN", "BD-EXIT"],
            [URL_JOIN_RTC, URL_EXIT_RTC], ["VersionBoundary", "CallbackOrder"], x, MiniProgram(x, {}))
    for name, desc in (("X", "an expired token"), ("R", "a token for another room"),
                       ("U", "a token for another user"), ("K", "a token signed with another key"),
                       ("APP", "a token for another app id")):
        x = sc("2.70.0", [ev("joinRtcRoom", room="r1", user="u1", token=name)])
        add("joinRtcRoom with %s: fail 21101 then complete" % desc, ["BD-JOIN", "LIFE-EVAL-ORDER"],
            [URL_JOIN_RTC], ["CallbackOrder", "CodeMapping"], x, MiniProgram(x, {}))
    for missing in ("room", "token", "user"):
        e = {"room": "r1", "user": "u1", "token": "A"}
        del e[missing]
        x = sc("2.70.0", [ev("joinRtcRoom", **e)])
        add("joinRtcRoom without %s: parameter error 20000" % missing, ["BD-JOIN-PARAM"],
            [URL_JOIN_RTC], ["CallbackOrder", "InferredRule"], x, MiniProgram(x, {}))
    x = sc("2.70.0", [ev("joinRtcRoom", room="r1", user="u1", token="A"),
                      ev("joinRtcRoom", room="r2", user="u2", token="B")])
    add("joinRtcRoom while in a room: 21100 with the user and room", ["BD-JOIN"], [URL_JOIN_RTC],
        ["CallbackOrder"], x, MiniProgram(x, {}))
    x = sc("2.70.0", [ev("updateToken", token="B"), ev("joinRtcRoom", room="r1", user="u1", token="N"),
                      adv(1000000)])
    add("updateToken before joining; a token without expiry never expires",
        ["BD-UPDATE-NOT-JOINED", "BD-NO-EXPIRY"], [SEED_BD, "token-formats.md §5.2"],
        ["RenewRule", "InferredRule"], x, MiniProgram(x, {}))
    x = sc("2.70.0", [ev("joinRtcRoom", room="r1", user="u1", token="A"), until(100), adv(1),
                      ev("updateToken", token="B")])
    add("The token is still valid at its expire_at second and the user is removed one second "
        "later; updateToken afterwards fails", ["BD-EXPIRY-INSTANT", "BD-EXPIRY-REMOVED",
                                                "LIFE-RENEW-AFTER-KICK"],
        ["token-formats.md §5.2", URL_VOLC_TOKEN], ["ExpiryEffect", "TimerOrder", "InferredRule"], x,
        MiniProgram(x, {}))
    x = sc("2.70.0", [ev("joinRtcRoom", room="r1", user="u1", token="A"),
                      ev("updateToken", at=at(90), token="S"), until(115)])
    add("updateToken with a token that has 20 s left: its notice fires at once",
        ["LIFE-WILL-EXPIRE-LATE", "LIFE-RENEW-REPLACES"], [SEED_BD],
        ["WillExpireNotice", "RenewRule", "InferredRule"], x, MiniProgram(x, {}))
    x = sc("2.70.0", [ev("joinRtcRoom", room="r1", user="u1", token="A"),
                      ev("updateToken", at=at(71), token="S"), ev("updateToken", at=at(72), token="B"),
                      until(400)])
    add("Two updateToken calls: the last accepted wins", ["LIFE-RENEW-TWICE"], [SEED_BD],
        ["RenewRule", "InferredRule"], x, MiniProgram(x, {}))
    x = sc("2.70.0", [ev("joinRtcRoom", room="r1", user="u1", token="A"),
                      ev("updateToken", at=at(70), token="B"), until(120)])
    add("updateToken exactly when the notice is due: the notice comes first",
        ["LIFE-TIMERS-FIRST"], [SEED_BD], ["TimerOrder", "InferredRule"], x, MiniProgram(x, {}))
    x = sc("2.70.0", [ev("joinRtcRoom", room="r1", user="u1", token="A"),
                      ev("updateToken", at=at(60), token="B"), ev("updateToken", at=at(30), token="S"),
                      until(80)])
    add("An updateToken stamped before the clock runs at the clock", ["LIFE-CLOCK-BACKWARDS", "LIFE-CLOCK"], [],
        ["ClockSkew", "InferredRule"], x, MiniProgram(x, {}))

    # -- encoded Volcengine 001 tokens (token-formats.md §5.1) -----------------------------
    good = volc001(VOLC_APP, VOLC_KEY, "r1", "u1", 0x12345678, at(0), at(200), {0: 0, 4: 0})
    good2 = volc001(VOLC_APP, VOLC_KEY, "r1", "u1", 0x12345679, at(0), at(500), {})
    badkey = volc001(VOLC_APP, "other key", "r1", "u1", 1, at(0), at(200), {})
    other_room = volc001(VOLC_APP, VOLC_KEY, "r2", "u1", 2, at(0), at(200), {})
    forever = volc001(VOLC_APP, VOLC_KEY, "r1", "u1", 3, at(0), 0, {})
    enc = dict(toks)
    enc.update({"V": {"encoded": good}, "V2": {"encoded": good2, "scheme": "volc-001"},
                "VK": {"encoded": badkey}, "VR": {"encoded": other_room}, "VF": {"encoded": forever}})
    truths = {"V": volc_truth("r1", "u1", at(200)), "V2": volc_truth("r1", "u1", at(500)),
              "VK": volc_truth("r1", "u1", at(200), key_ok=False),
              "VR": volc_truth("r2", "u1", at(200)), "VF": volc_truth("r1", "u1", 0)}
    for desc, events in (
            ("join with a 001 token, update with another, let it run out",
             [ev("joinRtcRoom", room="r1", user="u1", token="V"),
              ev("updateToken", at=at(175), token="V2"), until(520)]),
            ("join with a 001 token signed with another key, then a good one",
             [ev("joinRtcRoom", room="r1", user="u1", token="VK"),
              ev("joinRtcRoom", room="r1", user="u1", token="V"), until(201)]),
            ("updateToken with a 001 token for another room",
             [ev("joinRtcRoom", room="r1", user="u1", token="V"), ev("updateToken", token="VR")]),
            ("a 001 token with expire_at 0 never expires",
             [ev("joinRtcRoom", room="r1", user="u1", token="VF"), adv(1000000)])):
        x = sc("2.68.0", events, tokens=enc, encoded=True)
        add(desc, ["BD-ENCODED", "BD-UPDATE-RESULT"], ["token-formats.md §5.1-§5.3", SEED_BD],
            ["EncodedToken", "CallbackOrder"], x, MiniProgram(x, truths))

    # -- issue 11: claims follow the codec's expiry rule; no notice with 0 s left; once per instant
    zt = dict(toks)
    zt["Z"] = {"expire": 0, "room": "r1", "user": "u1"}
    zt["L"] = {"expire": at(1000100), "room": "r1", "user": "u1"}
    x = sc("2.70.0", [ev("joinRtcRoom", room="r1", user="u1", token="Z"), adv(1000000),
                      ev("exitRtcRoom"), ev("joinRtcRoom", room="r1", user="u1", token="L"),
                      ev("updateToken", at=at(1000050), token="Z"), adv(1000000)], tokens=zt)
    add("A claims token with expire 0 never expires, as expire_at 0 in the codec: join with it, "
        "and replace an expiring token with it before the notice",
        ["BD-NO-EXPIRY", "LIFE-RENEW-REPLACES"], ["token-formats.md §5.2", URL_VOLC_TOKEN, SEED_BD],
        ["ExpiryEffect", "RenewRule"], x, MiniProgram(x, {}))
    x = sc("2.70.0", [ev("joinRtcRoom", at=at(100), room="r1", user="u1", token="A"), until(110)])
    add("joinRtcRoom at exactly the token's expire_at: joined (still valid), no notice with 0 s "
        "left, removed one second later", ["BD-EXPIRY-INSTANT", "LIFE-WILL-EXPIRE-ONCE",
                                           "BD-EXPIRY-REMOVED"],
        ["token-formats.md §5.2", URL_VOLC_TOKEN], ["WillExpireNotice", "TimerOrder", "InferredRule"],
        x, MiniProgram(x, {}))
    x = sc("2.70.0", [ev("joinRtcRoom", room="r1", user="u1", token="B"),
                      ev("updateToken", at=at(100), token="A"), until(110)])
    add("updateToken at exactly the new token's expire_at: accepted, no notice with 0 s left, "
        "removed one second later", ["BD-EXPIRY-INSTANT", "LIFE-WILL-EXPIRE-ONCE",
                                     "BD-EXPIRY-REMOVED"],
        ["token-formats.md §5.2", URL_VOLC_TOKEN, SEED_BD],
        ["WillExpireNotice", "TimerOrder", "RenewRule", "InferredRule"], x, MiniProgram(x, {}))
    x = sc("2.70.0", [ev("joinRtcRoom", room="r1", user="u1", token="A"),
                      ev("updateToken", at=at(71), token="A"), ev("updateToken", at=at(72), token="A"),
                      until(102)])
    add("updateToken with the same token after its notice (at 71 and 72): no second notice",
        ["LIFE-WILL-EXPIRE-ONCE", "BD-WILL-EXPIRE-30", "BD-EXPIRY-REMOVED"], [SEED_BD, URL_VOLC_TOKEN],
        ["WillExpireNotice", "RenewRule", "InferredRule"], x, MiniProgram(x, {}))

    # -- LIFE-STATE: in the room until removed one second after expire_at
    # (BD-EXPIRY-INSTANT, BD-EXPIRY-REMOVED), and after exitRtcRoom.
    x = sc("2.70.0", [ev("state"), ev("joinRtcRoom", room="r1", user="u1", token="A"),
                      ev("state", at=at(100)), ev("state", at=at(101)),
                      ev("joinRtcRoom", room="r1", user="u1", token="B"), ev("state"),
                      ev("exitRtcRoom"), ev("state")])
    add("state: in the room at the expire_at second (still valid), out one second later; in "
        "again after a join with a fresh token, out after exitRtcRoom",
        ["LIFE-STATE", "BD-EXPIRY-INSTANT", "BD-EXPIRY-REMOVED", "BD-EXIT"],
        [URL_VOLC_TOKEN, URL_EXIT_RTC], ["StateQuery", "ExpiryEffect", "InferredRule"], x,
        MiniProgram(x, {}))
    return s


def rule_index(suites):
    """Markdown lines: each rule id → the scenarios that exercise it (SEMANTICS.md)."""
    import re
    rules = {}
    for suite in suites:
        for t in suite.file.tests:
            for part in t["source"].split("; "):
                if re.fullmatch(r"[A-Z]+(-[A-Z0-9.]+)+", part):
                    rules.setdefault(part, {}).setdefault(suite.file.scheme, []).append(t["tcId"])
    lines = []
    for rule in sorted(rules):
        where = []
        for scheme, ids in sorted(rules[rule].items()):
            spans, start = [], ids[0]
            for prev, cur in zip(ids, ids[1:] + [None]):
                if cur != prev + 1:
                    spans.append(str(start) if start == prev else "%d-%d" % (start, prev))
                    start = cur
            where.append("%s #%s" % (scheme, ", ".join(spans)))
        lines.append("| `%s` | %s |" % (rule, "; ".join(where)))
    return lines


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    if "--rule-index" in sys.argv[1:]:
        print("\n".join(rule_index([zego_suite(), agora_suite(), rong_suite(), bytedance_suite()])))
        return 0
    check = "--check" in sys.argv[1:]
    changed = []
    for suite in (zego_suite(), agora_suite(), rong_suite(), bytedance_suite()):
        path = os.path.join(root, suite.file.scheme, "scenario.json")
        before = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if check:
            tmp = os.path.join(root, ".check")
            written = suite.file.write(tmp)
            after = open(written, encoding="utf-8").read()
            os.remove(written)
            os.rmdir(os.path.dirname(written))
            os.rmdir(tmp)
        else:
            suite.file.write(root)
            after = open(path, encoding="utf-8").read()
        if before != after:
            changed.append(path)
        print("%-40s %3d scenarios" % (suite.file.scheme, len(suite.file.tests)))
    if check and changed:
        print("out of date: " + ", ".join(changed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
