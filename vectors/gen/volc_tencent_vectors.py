#!/usr/bin/env python3
"""Golden vectors for Volcengine/ByteDance RTC AccessToken "001" and Tencent UserSig.

An independent implementation of both formats (stdlib only: hmac, hashlib, zlib,
base64, struct, json), written from token-formats.md §5-§7 and §9,
suite-anchors.md §7 and the decisions in docs/formats/{volc,tencent}.md. It never
calls the C++ reference. It writes

    vectors/volc-001/{build,parse,verify}.json
    vectors/tencent-usersig/{build,parse,verify}.json

through vectors/gen/vectorfile.py. Every mutation's expected outcome is what the
mutation means, decided here; the vendor codes come from the Python copy of the
code tables below.

Run:  python3 vectors/gen/volc_tencent_vectors.py      (from anywhere; deterministic)

Python-style UserSigs are made exactly as the Python SDK makes them (json.dumps of
the claims dict, zlib.compress at the default level); the generator refuses to run
if the local zlib does not reproduce the level-6 and level-1 streams it expects, so
a machine with another deflate cannot silently write different golden tokens.

Go-style UserSigs are modelled here (struct field order, omitempty, HTML escaping,
the Encoder's newline, NoCompression stored blocks). `--crosscheck-go` re-makes every
Go-style token of the vectors with the Go toolchain's own encoding/json and
compress/zlib (a small program of ours over the SDK's struct tags, embedded below)
and fails on any difference; it passed with Go 1.19.8 (Debian golang-go), which is
what GO_CROSSCHECK records in those vectors' `source`.
"""
import base64
import hashlib
import hmac
import json
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from vectorfile import VectorFile  # noqa: E402

ROOT = os.path.dirname(HERE)  # vectors/
GENERATOR = "vectors/gen/volc_tencent_vectors.py"
WYCHEPROOF = "Wycheproof hmac_sha256_test.json ModifiedTag set (suite-anchors.md §1)"


def b64(data):
    return base64.b64encode(data).decode()


def hexs(data):
    return data.hex()


# The Wycheproof HMAC ModifiedTag mutations (suite-anchors.md §1), as (name, fn).
def modified_tags(tag):
    out = []
    for bit in (0, 1, 7, 8, 31, 32, 33, 63, 64, 71, 77, 80, 96, 97, 103, 120, 121, 126, 127,
                248, 249, 254, 255):
        t = bytearray(tag)
        t[bit // 8] ^= 1 << (bit % 8)
        out.append((f"bit {bit} of the signature flipped", bytes(t)))
    for a, b in ((0, 64), (31, 63), (63, 127)):
        t = bytearray(tag)
        t[a // 8] ^= 1 << (a % 8)
        t[b // 8] ^= 1 << (b % 8)
        out.append((f"bits {a} and {b} of the signature flipped", bytes(t)))
    out.append(("all bits of the signature flipped", bytes(x ^ 0xFF for x in tag)))
    out.append(("signature all zero", bytes(len(tag))))
    out.append(("signature all one", b"\xff" * len(tag)))
    out.append(("msb of every signature byte flipped", bytes(x ^ 0x80 for x in tag)))
    out.append(("lsb of every signature byte flipped", bytes(x ^ 0x01 for x in tag)))
    assert len(out) == 31
    return out


# ===========================================================================
# Volcengine / ByteDance "001" (token-formats.md §5-§7)
# ===========================================================================
V_APP = "123456781234567812345678"  # official AccessTokenTest inputs (§7)
V_KEY = "app key"
V_ROOM = "new room"
V_USER = "new user id"
V_NONCE = 0x12345678
V_ISSUED = 1700000000
V_EXP = 1700086400
V1_TOKEN = ("001123456781234567812345678QwB4VjQSAPFTZYBCVWUIAG5ldyByb29tCwBuZXcgdXNlciBpZAUAAACAQl"
            "VlAQCAQlVlAgCAQlVlAwCAQlVlBAAAAAAAIAAzxOykEMtwIRCmMVrGzrql8EBRNKoK7XTLa7DgEpxfEg==")
V1_MSG = ("7856341200f153658042556508006e657720726f6f6d0b006e657720757365722069640500000080425565010080"
          "425565020080425565030080425565040000000000")
V1_SIG = "33c4eca410cb702110a6315ac6cebaa5f0405134aa0aed74cb6bb0e0129c5f12"
SEED_TOKEN = ("0015dc114b50538d600388f7b18PgDxNOADsJDmYTDL72EDADAwMgUAdXNlcjcGAAAAMMvvYQEAMMvvYQIAMMvvYQ"
              "MAMMvvYQQAMMvvYQUAMMvvYSAAYUqG/tHPKk44g5iN6UQFcQugzPDX7ryKQ2Qiu0V/EmA=")
SEED_EXP = 1643105072
S_V1 = "token-formats.md §7 V1 (reproduced by official token.js)"
S_SEED = "seed 004_feb3ed951cfe7da6.txt (RtcRoomContext.updateToken sample); token-formats.md §6 (b)"
S_RULES = "token-formats.md §5.2 Parse / Verify"
S_VOLC_DOC = "docs/formats/volc.md"

# Privilege numbers (§5.2)
PUB, PUB_A, PUB_V, PUB_D, SUB = 0, 1, 2, 3, 4


def expand(privileges):
    """AddPrivilege: PublishStream also sets 1-3 unless they are given (docs/formats/volc.md)."""
    out = dict(privileges)
    if PUB in privileges:
        for k in (PUB_A, PUB_V, PUB_D):
            if k not in privileges:
                out[k] = privileges[PUB]
    return sorted(out.items())


def volc_string(s):
    raw = s.encode() if isinstance(s, str) else s
    return struct.pack("<H", len(raw)) + raw


def volc_msg(nonce, issued, expire, room, user, records, tail=b""):
    """MSG with `records` (list of (key, value)) exactly in the given order."""
    out = struct.pack("<III", nonce, issued, expire) + volc_string(room) + volc_string(user)
    out += struct.pack("<H", len(records))
    for k, v in records:
        out += struct.pack("<HI", k, v)
    return out + tail


def volc_sign(key, msg):
    return hmac.new(key.encode(), msg, hashlib.sha256).digest()


def volc_frame(app_id, msg, sig, trailing=b""):
    content = struct.pack("<H", len(msg)) + msg + struct.pack("<H", len(sig)) + sig + trailing
    return "001" + app_id + b64(content)


def volc_token(app_id=V_APP, key=V_KEY, room=V_ROOM, user=V_USER, nonce=V_NONCE, issued=V_ISSUED,
               expire=V_EXP, privileges=None):
    privileges = {SUB: 0, PUB: V_EXP} if privileges is None else privileges
    msg = volc_msg(nonce, issued, expire, room, user, expand(privileges))
    return volc_frame(app_id, msg, volc_sign(key, msg)), msg


def volc_content(token):
    return base64.b64decode(token[27:], validate=True)


def volc_fields(app_id, nonce, issued, expire, room, user, records, sig):
    """The adapter's parse fields: privileges as the official verifier sees them."""
    canonical = {}
    for k, v in records:
        canonical[k] = v  # last value wins
    return {"version": "001", "app_id": app_id, "nonce": nonce, "issued_at": issued,
            "expire_at": expire, "room_id": room, "user_id": user,
            "privileges": {str(k): canonical[k] for k in sorted(canonical)},
            "signature": hexs(sig)}


# Outcome of reading a (re-framed) MSG, per the layout rules of docs/formats/volc.md:
# a fixed field or a length prefix that runs out is "truncated", a string or record
# block that a complete prefix promises but the bytes lack is "length_overflow".
def msg_outcome(msg, strict=True):
    pos = 0
    if len(msg) < 12:
        return "truncated"
    pos = 12
    for _ in range(2):
        if len(msg) - pos < 2:
            return "truncated"
        n = struct.unpack_from("<H", msg, pos)[0]
        pos += 2
        if len(msg) - pos < n:
            return "length_overflow"
        try:
            msg[pos:pos + n].decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            return "bad_field"
        pos += n
    if len(msg) - pos < 2:
        return "truncated"
    count = struct.unpack_from("<H", msg, pos)[0]
    pos += 2
    if len(msg) - pos < 6 * count:
        return "length_overflow"
    keys = [struct.unpack_from("<H", msg, pos + 6 * i)[0] for i in range(count)]
    pos += 6 * count
    if strict and any(b <= a for a, b in zip(keys, keys[1:])):
        return "unsorted_map"
    if strict and pos != len(msg):
        return "trailing_bytes"
    return None


def content_outcome(content, strict=True):
    """Outcome of reading CONTENT = u16 len MSG, u16 len SIG (same rules)."""
    if len(content) < 2:
        return "truncated"
    n = struct.unpack_from("<H", content, 0)[0]
    if len(content) - 2 < n:
        return "length_overflow"
    msg = content[2:2 + n]
    rest = content[2 + n:]
    if len(rest) < 2:
        return "truncated"
    s = struct.unpack_from("<H", rest, 0)[0]
    if len(rest) - 2 < s:
        return "length_overflow"
    if strict and len(rest) != 2 + s:
        return "trailing_bytes"
    return msg_outcome(msg, strict)


# The Volcengine code table, restated (reference/vendors/volc/volc_codes.cc is the
# project's decision; sources: volcengine.com/docs/6348/136652 (-1000, -1009,
# -1010), /docs/6348/1157360 (-1000 causes), /docs/6348/136658 (Web), seed
# 004_feb3ed951cfe7da6.txt (mini-program)). Rows in table order.
_NATIVE_INVALID = ("native", -1000, "InvalidToken")
_UPDATE_INVALID = ("native-update", -1010, "UpdateTokenWithInvalidToken")
_WEB_INVALID = ("web", "INVALID_TOKEN", "INVALID_TOKEN")
_WEB_EXPIRED = ("web", "EXPIRED_TOKEN", "EXPIRED_TOKEN")
_MINI_INVALID = ("miniprogram", 21101, "token invalid")
_MINI_FAIL = ("miniprogram", 115902, "updateToken:fail invalid token")
_VOLC_INVALID = [_NATIVE_INVALID, _UPDATE_INVALID, _WEB_INVALID, _MINI_INVALID, _MINI_FAIL]
VOLC_CODES = {
    "valid": [],
    "malformed": _VOLC_INVALID,
    "unsupported_version": _VOLC_INVALID,
    "bad_signature": _VOLC_INVALID,
    "privilege_missing": _VOLC_INVALID,
    "app_id_mismatch": _VOLC_INVALID,
    "room_mismatch": _VOLC_INVALID,
    "user_id_mismatch": _VOLC_INVALID,
    "expired": [_NATIVE_INVALID, ("native", -1009, "TokenExpired"), _UPDATE_INVALID, _WEB_EXPIRED,
                _MINI_INVALID, _MINI_FAIL],
    "privilege_expired": [_NATIVE_INVALID, _UPDATE_INVALID, _WEB_EXPIRED, _MINI_INVALID, _MINI_FAIL],
    "token_missing": [_NATIVE_INVALID, _UPDATE_INVALID, _WEB_INVALID,
                      ("miniprogram", 20000, "updateToken:fail (parameter error)")],
    "invalid_secret": [],
    "invalid_app_id": [],
}


def volc_verdict(condition, malformation=None, privilege=None, mode="strict"):
    assert (malformation is not None) == (condition == "malformed"), (condition, malformation)
    assert (privilege is not None) == (condition in ("privilege_missing", "privilege_expired"))
    return {"condition": condition, "malformation": malformation, "privilege": privilege,
            "vendor_codes": [{"platform": p, "code": c, "name": n} for p, c, n in VOLC_CODES[condition]],
            "details": {"check_mode": mode}}


VOLC_NOTES = {
    "ReleasedVector": {"bugType": "BASIC",
                       "description": "The computed vector V1 of token-formats.md §7, reproduced byte for byte "
                                      "by the official token.js."},
    "SeedToken": {"bugType": "BASIC",
                  "description": "The console-made mini-program token of seed 004_feb3ed951cfe7da6.txt; its "
                                 "AppKey is unknown, so it is only parsed, or verified where the outcome is "
                                 "decided before the HMAC."},
    "PublishImplies": {"bugType": "DEFINED",
                       "description": "AddPrivilege(PublishStream, t) also grants keys 1-3 with t "
                                      "(token-formats.md §5.2); an explicitly given key 1-3 keeps its own value "
                                      "(inferred)."},
    "EdgeValue": {"bugType": "EDGE_CASE",
                  "description": "Empty, unicode or extreme values (u32 limits, key 65535, keys >= 10 that a "
                                 "lexicographic sort would misorder)."},
    "BuildRefusal": {"bugType": "MODIFIED_PARAMETER",
                     "description": "The reference builder refuses: app id not 24 characters of [0-9A-Za-z], an "
                                    "empty app key, or a MSG longer than its u16 length prefix can carry "
                                    "(docs/formats/volc.md; the official generators check nothing)."},
    "CheckMode": {"bugType": "DEFINED",
                  "description": "check_mode \"official\" does exactly what the official Verify does (expiry, "
                                 "then the HMAC over the re-packed parsed fields); \"strict\" also binds app "
                                 "id, room, user and privileges and rejects non-canonical layouts. Outcomes "
                                 "that differ between the modes are `acceptable` for other implementations."},
    "ExpiryBoundary": {"bugType": "EDGE_CASE",
                       "description": "now at expire_at-1, expire_at, expire_at+1. Expired when expire_at > 0 "
                                      "and now > expire_at, so a token is still valid at equality "
                                      "(official Verify, token-formats.md §5.2); expire_at 0 never expires."},
    "PrivilegeExpiry": {"bugType": "EDGE_CASE",
                        "description": "A required privilege's own expiry (strict mode): expired when value > 0 "
                                       "and now > value (inferred, the token rule); value 0 is forever "
                                       "(token-formats.md §5.2)."},
    "BindingMismatch": {"bugType": "AUTH_BYPASS",
                        "description": "The verifier's app id, room or user differs from the token's; the docs "
                                       "require them to match (docs 6348/1157360), the official Verify does "
                                       "not check them."},
    "AppIdNotSigned": {"bugType": "MALLEABILITY",
                       "description": "The clear-text app id is outside the HMAC: replacing it leaves the "
                                      "signature valid. Only a verifier that binds the expected app id notices."},
    "ModifiedTag": {"bugType": "AUTH_BYPASS",
                    "description": "The signature has bits flipped (Wycheproof ModifiedTag positions), the rest "
                                   "of the token unchanged."},
    "TruncatedTag": {"bugType": "AUTH_BYPASS",
                     "description": "The SIG field is shorter than 32 bytes (length prefix adjusted)."},
    "ExtendedTag": {"bugType": "AUTH_BYPASS",
                    "description": "The SIG field is longer than 32 bytes (the correct tag plus bytes)."},
    "SignatureStripped": {"bugType": "AUTH_BYPASS",
                          "description": "The SIG field is empty (length 0) or missing altogether."},
    "Truncated": {"bugType": "CAN_OF_WORMS",
                  "description": "The content ends inside a field. A fixed-size field or a length prefix that "
                                 "runs out is `truncated`; string bytes or privilege records that a complete "
                                 "prefix or count promises is `length_overflow`."},
    "LengthPrefixOverflow": {"bugType": "CAN_OF_WORMS",
                             "description": "A length or count points past the end (65535 privileges in a few "
                                            "bytes)."},
    "TrailingData": {"bugType": "MALLEABILITY",
                     "description": "Bytes after SIG, or after the last MSG field with the MSG length covering "
                                    "them. The official Parse ignores them (and its re-pack drops them before "
                                    "the HMAC); strict rejects."},
    "UnsortedMap": {"bugType": "MALLEABILITY",
                    "description": "Privilege keys not strictly ascending (unsorted or repeated). Strict rejects; "
                                   "the official Verify re-packs them ascending and unique (last value wins) "
                                   "before the HMAC."},
    "NonCanonicalEncoding": {"bugType": "MALLEABILITY",
                             "description": "Non-canonical base64 (nonzero padding bits, missing padding, URL "
                                            "alphabet, embedded newline). Strict rejects; the official JS "
                                            "Buffer.from(.., 'base64') reads it."},
    "VersionConfusion": {"bugType": "WRONG_PRIMITIVE",
                         "description": "Not a \"001\" token: another version prefix or another vendor's token."},
    "BadAppId": {"bugType": "MODIFIED_PARAMETER",
                 "description": "The 24 characters after \"001\" are not [0-9A-Za-z] (the official Parse takes "
                                "them unchecked; the reference requires an app id's shape, inferred)."},
    "BadUtf8": {"bugType": "FUNCTIONALITY",
                "description": "room or user is not UTF-8; no official builder can write it (inferred "
                               "rejection: bad_field)."},
    "WrongKey": {"bugType": "BASIC", "description": "Verified with another app key."},
    "MissingInput": {"bugType": "BASIC",
                     "description": "No token, or an empty app key: token_missing / invalid_secret."},
    "CheckOrder": {"bugType": "DEFINED",
                   "description": "Several checks fail; the verdict is the first in the documented order "
                                  "(official: expiry before HMAC; strict: app id, HMAC, expiry, room, user, "
                                  "privileges)."},
    "NoNotBefore": {"bugType": "DEFINED",
                    "description": "issued_at later than now is not checked by any official code; the token is "
                                   "valid."},
    "OfficialSkipsChecks": {"bugType": "DEFINED",
                            "description": "The official Verify ignores privilege expiries; official mode "
                                           "reports valid where a server (and strict mode) would not."},
}

VOLC_HEADER_COMMON = [
    "Volcengine / ByteDance RTC AccessToken \"001\": \"001\" + appID (24 chars, clear text) + "
    "base64(u16le len MSG, MSG, u16le len SIG, SIG); MSG = u32le nonce, issued_at, expire_at, "
    "u16le-prefixed room and user, u16le count + (u16le key, u32le expire) ascending; "
    "SIG = HMAC-SHA256(app key bytes, MSG) (token-formats.md §5).",
    "Layout, rules and decisions: docs/formats/volc.md. Written by an independent Python "
    "implementation (vectors/gen/volc_tencent_vectors.py), never by the C++ reference.",
]


def volc_build_file():
    vf = VectorFile("volc-001", "build", GENERATOR,
                    VOLC_HEADER_COMMON + ["Build inputs: app_id, app_key, room_id, user_id, nonce, issued_at, "
                                          "expire_at (0 = never), privileges {\"key\": absolute expiry}."],
                    VOLC_NOTES)

    def inp(app_id=V_APP, key=V_KEY, room=V_ROOM, user=V_USER, nonce=V_NONCE, issued=V_ISSUED,
            expire=V_EXP, privileges=None):
        privileges = {str(SUB): 0, str(PUB): V_EXP} if privileges is None else privileges
        d = {"app_id": app_id, "app_key": key, "room_id": room, "user_id": user, "nonce": nonce,
             "issued_at": issued}
        if expire is not None:
            d["expire_at"] = expire
        d["privileges"] = privileges
        return d

    def ok(comment, flags, source, **kw):
        i = inp(**kw)
        privs = {int(k): v for k, v in i["privileges"].items()}
        token, _ = volc_token(i["app_id"], i["app_key"], i["room_id"], i["user_id"], i["nonce"],
                              i["issued_at"], i.get("expire_at", 0), privs)
        vf.add(comment, flags, "valid", source, i, {"token": token})
        return token

    t = ok("released vector V1: Subscribe 0 (forever) then Publish 1700086400, expire 1700086400",
           ["ReleasedVector", "PublishImplies"], S_V1)
    assert t == V1_TOKEN, "generator does not reproduce V1"
    ok("V1 with the privileges listed in the other order: same token", ["ReleasedVector"], S_V1,
       privileges={str(PUB): V_EXP, str(SUB): 0})
    ok("no privileges, expire_at 0 (the generators' defaults: never expires)", ["EdgeValue"], S_RULES,
       expire=0, privileges={})
    ok("expire_at omitted means 0", ["EdgeValue"], S_RULES, expire=None, privileges={str(SUB): 0})
    ok("publish implies 1-3; an explicit key 2 keeps its own value", ["PublishImplies"],
       S_RULES + "; docs/formats/volc.md (explicit key wins, inferred)",
       privileges={str(PUB): 1700003600, str(PUB_V): 1700007200})
    ok("keys 2 and 10 pack numerically (2 before 10), not lexicographically", ["EdgeValue"],
       "token-formats.md §5.1 (TS copy's lexicographic sort would misorder keys >= 10)",
       privileges={"10": 5, "2": 6})
    ok("console-style privileges 0-5 with one expiry (key 5 as in every console token)", ["EdgeValue"],
       "token-formats.md §5.2, §6 (c)", privileges={str(k): V_EXP for k in range(6)})
    ok("key 65535 and u32 maxima", ["EdgeValue"], S_VOLC_DOC, nonce=0xFFFFFFFF, issued=0xFFFFFFFF,
       expire=0xFFFFFFFF, privileges={"65535": 0xFFFFFFFF})
    ok("zero nonce and issue time", ["EdgeValue"], S_VOLC_DOC, nonce=0, issued=0)
    ok("unicode room and user (UTF-8 bytes, lengths in bytes)", ["EdgeValue"], "token-formats.md §5.1",
       room="房间-1", user="用户😀")
    ok("empty room and user", ["EdgeValue"], "token-formats.md §5.1", room="", user="")
    ok("lower-case hex app id as the console issues", ["EdgeValue"], "token-formats.md §6",
       app_id="5dc114b50538d600388f7b18", key="0123456789abcdef0123456789abcdef")
    ok("largest MSG that fits its u16 length prefix: room of 65517 bytes", ["EdgeValue"],
       "docs/formats/volc.md (MSG length prefix)", room="r" * 65517, user="", privileges={})

    def refuse(comment, code, **kw):
        vf.add(comment, ["BuildRefusal"], "invalid", S_VOLC_DOC, inp(**kw), {"error": {"code": code}})

    refuse("app id of 23 characters", "bad_app_id", app_id=V_APP[:-1])
    refuse("app id of 25 characters", "bad_app_id", app_id=V_APP + "9")
    refuse("app id with a character outside [0-9A-Za-z]", "bad_app_id", app_id=V_APP[:-1] + "-")
    refuse("empty app key", "bad_app_key", key="")
    refuse("MSG one byte longer than its u16 prefix: room of 65518 bytes", "field_too_long",
           room="r" * 65518, user="", privileges={})
    return vf


def volc_parse_file():
    vf = VectorFile("volc-001", "parse", GENERATOR,
                    VOLC_HEADER_COMMON + ["Parse input: token, base64 (strict default | lenient), check_mode "
                                          "(strict default | official: tolerate what the official Parse "
                                          "ignores). Fields list privileges ascending and unique."],
                    VOLC_NOTES)

    def ok(comment, flags, result, source, token, fields, **extra):
        vf.add(comment, flags, result, source, dict({"token": token}, **extra), {"ok": True, "fields": fields})

    def bad(comment, flags, result, source, token, malformation, condition="malformed", **extra):
        # `malformation` is the decoder's reason; the file names it only under "malformed"
        # (docs/VECTORS.md), as verify does.
        vf.add(comment, flags, result, source, dict({"token": token}, **extra),
               {"ok": False, "condition": condition,
                "malformation": malformation if condition == "malformed" else None})

    v1_records = expand({SUB: 0, PUB: V_EXP})
    v1_fields = volc_fields(V_APP, V_NONCE, V_ISSUED, V_EXP, V_ROOM, V_USER, v1_records, bytes.fromhex(V1_SIG))
    assert volc_msg(V_NONCE, V_ISSUED, V_EXP, V_ROOM, V_USER, v1_records).hex() == V1_MSG
    ok("released vector V1", ["ReleasedVector"], "valid", S_V1, V1_TOKEN, v1_fields)
    seed_fields = volc_fields("5dc114b50538d600388f7b18", 65025265, 1642500272, SEED_EXP, "002", "user7",
                              [(k, SEED_EXP) for k in range(6)],
                              bytes.fromhex("614a86fed1cf2a4e3883988de94405710ba0ccf0d7eebc8a436422bb457f1260"))
    ok("seed mini-program token: app id, nonce, dates, room \"002\", user \"user7\", privileges 0-5",
       ["SeedToken"], "valid", S_SEED, SEED_TOKEN, seed_fields)
    ok("seed token, check_mode official: same fields", ["SeedToken", "CheckMode"], "valid", S_SEED,
       SEED_TOKEN, seed_fields, check_mode="official")

    for comment, kw in (("unicode room and user", {"room": "房间-1", "user": "用户😀"}),
                        ("empty room and user, no privileges, never expires",
                         {"room": "", "user": "", "expire": 0, "privileges": {}}),
                        ("key 65535 and u32 maxima", {"nonce": 0xFFFFFFFF, "issued": 0xFFFFFFFF,
                                                       "expire": 0xFFFFFFFF, "privileges": {65535: 0xFFFFFFFF}}),
                        ("keys 2 and 10", {"privileges": {10: 5, 2: 6}})):
        token, msg = volc_token(**kw)
        args = dict(nonce=V_NONCE, issued=V_ISSUED, expire=V_EXP, room=V_ROOM, user=V_USER,
                    privileges={SUB: 0, PUB: V_EXP})
        args.update(kw)
        fields = volc_fields(V_APP, args["nonce"], args["issued"], args["expire"], args["room"], args["user"],
                             expand(args["privileges"]), volc_sign(V_KEY, msg))
        ok(comment, ["EdgeValue"], "valid", S_VOLC_DOC, token, fields)

    # Non-canonical base64: strict rejects, lenient reads the same bytes.
    for comment, mutated in (("padding bits set (Eg== -> Eh==)", V1_TOKEN[:-3] + "h=="),
                             ("padding removed", V1_TOKEN[:-2]),
                             ("newline inside the base64", V1_TOKEN[:60] + "\n" + V1_TOKEN[60:])):
        bad("V1, " + comment + ": strict", ["NonCanonicalEncoding"], "acceptable",
            "PASETO 4-F-4 analog (suite-anchors.md §3)", mutated, "non_canonical_base64")
        ok("V1, " + comment + ": base64 lenient", ["NonCanonicalEncoding"], "acceptable",
           "PASETO 4-F-4 analog (suite-anchors.md §3)", mutated, v1_fields, base64="lenient")
    seed_url = SEED_TOKEN.replace("/", "_").replace("+", "-")
    assert seed_url != SEED_TOKEN
    bad("seed token in the URL-safe alphabet: strict", ["NonCanonicalEncoding", "SeedToken"], "acceptable",
        S_SEED, seed_url, "non_canonical_base64")
    ok("seed token in the URL-safe alphabet: base64 lenient", ["NonCanonicalEncoding", "SeedToken"],
       "acceptable", S_SEED, seed_url, seed_fields, base64="lenient")

    # Layout tolerance: strict vs official.
    msg = bytes.fromhex(V1_MSG)
    sig = bytes.fromhex(V1_SIG)
    trailing_sig = volc_frame(V_APP, msg, sig, b"\x00")
    bad("V1 with one byte after SIG: strict", ["TrailingData", "CheckMode"], "acceptable", S_RULES,
        trailing_sig, "trailing_bytes")
    ok("V1 with one byte after SIG: official ignores it", ["TrailingData", "CheckMode"], "acceptable",
       S_RULES, trailing_sig, v1_fields, check_mode="official")
    trailing_msg = volc_frame(V_APP, msg + b"junk", sig)
    bad("V1 with 4 bytes after the last MSG field (MSG length covers them): strict",
        ["TrailingData", "CheckMode"], "acceptable", S_RULES, trailing_msg, "trailing_bytes")
    ok("V1 with 4 bytes after the last MSG field: official ignores them", ["TrailingData", "CheckMode"],
       "acceptable", S_RULES, trailing_msg, v1_fields, check_mode="official")
    seed_content = volc_content(SEED_TOKEN)
    seed_trailing = SEED_TOKEN[:27] + b64(seed_content + b"\x01\x02")
    bad("seed token with 2 bytes after SIG: strict", ["TrailingData", "SeedToken"], "acceptable", S_SEED,
        seed_trailing, "trailing_bytes")
    ok("seed token with 2 bytes after SIG: official", ["TrailingData", "SeedToken", "CheckMode"], "acceptable",
       S_SEED, seed_trailing, seed_fields, check_mode="official")
    unsorted = volc_msg(1, 2, 0, "r", "u", [(SUB, 0), (PUB, 7)])
    unsorted_tok = volc_frame(V_APP, unsorted, volc_sign(V_KEY, unsorted))
    bad("privileges 4 then 0: strict", ["UnsortedMap", "CheckMode"], "acceptable", S_RULES, unsorted_tok,
        "unsorted_map")
    ok("privileges 4 then 0: official reads them (fields ascending)", ["UnsortedMap", "CheckMode"],
       "acceptable", S_RULES, unsorted_tok,
       volc_fields(V_APP, 1, 2, 0, "r", "u", [(SUB, 0), (PUB, 7)], volc_sign(V_KEY, unsorted)),
       check_mode="official")
    repeated = volc_msg(1, 2, 0, "r", "u", [(PUB, 9), (PUB, 7)])
    repeated_tok = volc_frame(V_APP, repeated, volc_sign(V_KEY, repeated))
    bad("privilege 0 twice: strict", ["UnsortedMap"], "acceptable", S_RULES, repeated_tok, "unsorted_map")
    ok("privilege 0 twice: official keeps the last value", ["UnsortedMap", "CheckMode"], "acceptable", S_RULES,
       repeated_tok, volc_fields(V_APP, 1, 2, 0, "r", "u", [(PUB, 9), (PUB, 7)], volc_sign(V_KEY, repeated)),
       check_mode="official")

    # Truncation of the content with its prefixes intact, at every field boundary of V1.
    content = volc_content(V1_TOKEN)
    msg_len = len(msg)
    boundaries = sorted({0, 1, 2, 6, 10, 14, 16, 24, 26, 37, 39, 45, 51, 57, 63, 69, 2 + msg_len,
                         3 + msg_len, 4 + msg_len, 20 + msg_len, len(content) - 1})
    for n in boundaries:
        expected = content_outcome(content[:n])
        assert expected in ("truncated", "length_overflow"), (n, expected)
        bad(f"V1 content cut to {n} of {len(content)} bytes (prefixes unchanged)", ["Truncated"], "invalid",
            "generator: V1 truncated at a field boundary", V1_TOKEN[:27] + b64(content[:n]), expected)
    # MSG re-framed at each field boundary: the MSG length says exactly what is there.
    for k in (0, 3, 4, 8, 12, 13, 14, 18, 22, 23, 24, 30, 35, 36, 37, 43, 66):
        expected = msg_outcome(msg[:k])
        assert expected in ("truncated", "length_overflow"), (k, expected)
        bad(f"V1 MSG re-framed to its first {k} bytes", ["Truncated"], "invalid",
            "generator: V1 MSG truncated at a field boundary, MSG length adjusted",
            volc_frame(V_APP, msg[:k], sig), expected)
    seed_msg_len = struct.unpack_from("<H", seed_content, 0)[0]
    for n in (1, 30, 2 + seed_msg_len + 1, len(seed_content) - 1):
        bad(f"seed token content cut to {n} bytes", ["Truncated", "SeedToken"], "invalid", S_SEED,
            SEED_TOKEN[:27] + b64(seed_content[:n]), content_outcome(seed_content[:n]))
    huge = volc_msg(1, 2, 0, "r", "u", [(PUB, 1)])
    huge = huge[:-8] + struct.pack("<H", 0xFFFF) + huge[-6:]
    bad("privilege count 65535 with one record", ["LengthPrefixOverflow"], "invalid",
        "suite-anchors.md §3 LengthPrefixOverflow", volc_frame(V_APP, huge, sig), "length_overflow")
    bad("MSG length 65535 in a short token", ["LengthPrefixOverflow"], "invalid",
        "suite-anchors.md §3 LengthPrefixOverflow",
        V1_TOKEN[:27] + b64(struct.pack("<H", 0xFFFF) + content[2:]), "length_overflow")
    bad("SIG length 65535", ["LengthPrefixOverflow"], "invalid", "suite-anchors.md §3 LengthPrefixOverflow",
        V1_TOKEN[:27] + b64(content[:2 + msg_len] + struct.pack("<H", 0xFFFF) + sig), "length_overflow")
    bad("SIG field removed (content ends after MSG)", ["SignatureStripped"], "invalid",
        "suite-anchors.md §3 SignatureStripped", V1_TOKEN[:27] + b64(content[:2 + msg_len]), "truncated")
    bad_room = volc_msg(1, 2, 0, b"\xff\xfe", "u", [])
    bad("room is not UTF-8", ["BadUtf8"], "invalid", S_VOLC_DOC,
        volc_frame(V_APP, bad_room, volc_sign(V_KEY, bad_room)), "bad_field")
    bad_user = volc_msg(1, 2, 0, "r", b"\xc0\xaf", [])
    bad("user is an overlong UTF-8 sequence", ["BadUtf8"], "invalid", S_VOLC_DOC,
        volc_frame(V_APP, bad_user, volc_sign(V_KEY, bad_user)), "bad_field")

    # Prefix, app id, base64.
    bad("empty token", ["MissingInput"], "invalid", S_RULES, "", "empty")
    bad("V1 body under prefix \"002\"", ["VersionConfusion"], "invalid", S_RULES, "002" + V1_TOKEN[3:],
        "bad_prefix", condition="unsupported_version")
    bad("V1 body under Agora's \"006\"", ["VersionConfusion"], "invalid", S_RULES, "006" + V1_TOKEN[3:],
        "bad_prefix", condition="unsupported_version")
    bad("ZEGO-style \"04\" prefix", ["VersionConfusion"], "invalid", S_RULES, "04" + V1_TOKEN[3:],
        "bad_prefix", condition="unsupported_version")
    bad("\"001\" and 20 characters: shorter than the app id", ["Truncated"], "invalid",
        "token-formats.md §5.2 (Parse fails if len <= 27)", V1_TOKEN[:23], "truncated")
    bad("\"001\" + app id and nothing else (27 characters)", ["Truncated"], "invalid",
        "token-formats.md §5.2 (Parse fails if len <= 27)", V1_TOKEN[:27], "truncated")
    bad("app id containing '-'", ["BadAppId"], "invalid", S_VOLC_DOC, "001" + V_APP[:-1] + "-" + V1_TOKEN[27:],
        "bad_app_id")
    bad("app id containing a space", ["BadAppId"], "invalid", S_VOLC_DOC,
        "001" + V_APP[:10] + " " + V_APP[11:] + V1_TOKEN[27:], "bad_app_id")
    bad("body that is not base64", ["NonCanonicalEncoding"], "invalid", S_VOLC_DOC,
        V1_TOKEN[:27] + "!!!!", "bad_base64")
    return vf


def volc_verify_file():
    vf = VectorFile("volc-001", "verify", GENERATOR,
                    VOLC_HEADER_COMMON + ["Verify input: token, app_key, now, check_mode (strict default | "
                                          "official), base64, and in strict mode the optional bindings app_id, "
                                          "room_id, user_id, privileges [required keys]. Expected outcomes "
                                          "include details.check_mode."],
                    VOLC_NOTES)

    def case(comment, flags, result, source, token, now, expected, mode=None, key=V_KEY, **extra):
        inp = {"token": token, "app_key": key, "now": now}
        if mode is not None:
            inp["check_mode"] = mode
        inp.update(extra)
        vf.add(comment, flags, result, source, inp, expected)

    def both(comment, flags, result, source, token, now, condition, malformation=None, **extra):
        for mode in ("official", "strict"):
            case(f"{comment} [{mode}]", flags, result, source, token, now,
                 volc_verdict(condition, malformation, mode=mode), mode=mode, **extra)

    msg = bytes.fromhex(V1_MSG)
    sig = bytes.fromhex(V1_SIG)
    assert volc_sign(V_KEY, msg) == sig

    case("V1 at its issue time, default check mode (strict)", ["ReleasedVector"], "valid", S_V1, V1_TOKEN,
         V_ISSUED, volc_verdict("valid"))
    case("V1 at its issue time, official", ["ReleasedVector", "CheckMode"], "valid", S_V1, V1_TOKEN, V_ISSUED,
         volc_verdict("valid", mode="official"), mode="official")
    case("V1 strict with every binding and privileges 0-4 required", ["ReleasedVector"], "valid", S_V1,
         V1_TOKEN, V_ISSUED, volc_verdict("valid"), mode="strict", app_id=V_APP, room_id=V_ROOM,
         user_id=V_USER, privileges=[0, 1, 2, 3, 4])
    for now, cond in ((V_EXP - 1, "valid"), (V_EXP, "valid"), (V_EXP + 1, "expired")):
        both(f"V1 at expire_at{now - V_EXP:+d}", ["ExpiryBoundary"], "valid" if cond == "valid" else "invalid",
             S_RULES, V1_TOKEN, now, cond)
    case("issued_at later than now: no not-before check", ["NoNotBefore"], "valid", S_RULES, V1_TOKEN,
         V_ISSUED - 86400, volc_verdict("valid"), mode="strict")

    forever, _ = volc_token(expire=0, privileges={SUB: 0, PUB: 0})
    both("expire_at 0 at now 4294967295", ["ExpiryBoundary"], "valid", S_RULES, forever, 0xFFFFFFFF, "valid")
    case("expire_at 0 and privilege values 0 at now 9999999999 with privileges 0 and 4 required",
         ["ExpiryBoundary", "PrivilegeExpiry"], "valid", S_RULES, forever, 9999999999, volc_verdict("valid"),
         mode="strict", privileges=[0, 4])
    maxexp, _ = volc_token(expire=0xFFFFFFFF)
    both("expire_at 4294967295 at now 4294967295", ["ExpiryBoundary"], "valid", S_RULES, maxexp, 0xFFFFFFFF,
         "valid")
    both("expire_at 4294967295 at now 4294967296", ["ExpiryBoundary"], "invalid", S_RULES, maxexp,
         0x100000000, "expired")

    # Privilege expiries (strict only).
    P = 1700003600
    ptok, _ = volc_token(expire=0, privileges={PUB: P, SUB: 0})
    for now, cond in ((P - 1, "valid"), (P, "valid"), (P + 1, "privilege_expired")):
        case(f"publish privilege at its expiry{now - P:+d}, privilege 0 required", ["PrivilegeExpiry"],
             "valid" if cond == "valid" else "invalid", S_RULES + "; docs/formats/volc.md", ptok, now,
             volc_verdict(cond, privilege=0 if cond != "valid" else None), mode="strict", privileges=[0])
    case("implied privilege 2 expires with publish", ["PrivilegeExpiry", "PublishImplies"], "invalid",
         S_RULES, ptok, P + 1, volc_verdict("privilege_expired", privilege=2), mode="strict", privileges=[4, 2])
    case("subscribe privilege 0 = forever, long after publish expired", ["PrivilegeExpiry"], "valid", S_RULES,
         ptok, P + 10 ** 6, volc_verdict("valid"), mode="strict", privileges=[4])
    case("privilege 5 required but absent", ["PrivilegeExpiry"], "invalid", S_VOLC_DOC, ptok, P,
         volc_verdict("privilege_missing", privilege=5), mode="strict", privileges=[5])
    case("no privileges in the token, 4 required", ["PrivilegeExpiry"], "invalid", S_VOLC_DOC,
         volc_token(privileges={})[0], V_ISSUED, volc_verdict("privilege_missing", privilege=4), mode="strict",
         privileges=[4])
    case("official mode ignores the expired publish privilege", ["OfficialSkipsChecks", "CheckMode"],
         "acceptable", S_RULES, ptok, P + 1, volc_verdict("valid", mode="official"), mode="official")
    capped, _ = volc_token(expire=1700000100, privileges={PUB: P})
    both("token expiry caps a later privilege expiry", ["ExpiryBoundary"], "invalid",
         "token-formats.md §5.2 (\"invalid after expireTime no matter what privilege's expireTime is\")",
         capped, 1700000101, "expired")

    # Bindings (strict).
    for comment, extra, cond in (
            ("room differs", {"room_id": "other room"}, "room_mismatch"),
            ("room differs in case", {"room_id": "New room"}, "room_mismatch"),
            ("user differs", {"user_id": "new user"}, "user_id_mismatch"),
            ("user bound as empty string", {"user_id": ""}, "user_id_mismatch"),
            ("app id differs", {"app_id": "876543218765432187654321"}, "app_id_mismatch")):
        case(comment, ["BindingMismatch"], "invalid", "docs 6348/1157360 (-1000 causes); " + S_VOLC_DOC,
             V1_TOKEN, V_ISSUED, volc_verdict(cond), mode="strict", **extra)
    hexapp, _ = volc_token(app_id="abcdefabcdefabcdefabcdef")
    case("app id bound in upper case: compared exactly", ["BindingMismatch"], "invalid", S_VOLC_DOC, hexapp,
         V_ISSUED, volc_verdict("app_id_mismatch"), mode="strict", app_id="ABCDEFABCDEFABCDEFABCDEF")
    case("bound app id of 23 characters", ["BindingMismatch"], "invalid", S_VOLC_DOC, V1_TOKEN, V_ISSUED,
         volc_verdict("invalid_app_id"), mode="strict", app_id=V_APP[:-1])
    case("bound app id with a '_'", ["BindingMismatch"], "invalid", S_VOLC_DOC, V1_TOKEN, V_ISSUED,
         volc_verdict("invalid_app_id"), mode="strict", app_id=V_APP[:-1] + "_")
    case("room, user and app id all differ: app id first", ["BindingMismatch", "CheckOrder"], "invalid",
         S_VOLC_DOC, V1_TOKEN, V_ISSUED, volc_verdict("app_id_mismatch"), mode="strict",
         app_id="876543218765432187654321", room_id="x", user_id="y")
    case("room and user differ: room first", ["BindingMismatch", "CheckOrder"], "invalid", S_VOLC_DOC,
         V1_TOKEN, V_ISSUED, volc_verdict("room_mismatch"), mode="strict", room_id="x", user_id="y")

    # App id tampering: outside the MAC.
    tampered = "001" + "876543218765432187654321" + V1_TOKEN[27:]
    case("app id replaced: official accepts (app id is not signed)", ["AppIdNotSigned", "CheckMode"],
         "acceptable", "token-formats.md §5.1 (appID outside the signed MSG)", tampered, V_ISSUED,
         volc_verdict("valid", mode="official"), mode="official")
    case("app id replaced: strict without an app id binding accepts", ["AppIdNotSigned"], "acceptable",
         "token-formats.md §5.1", tampered, V_ISSUED, volc_verdict("valid"), mode="strict")
    case("app id replaced: strict bound to the real app id rejects", ["AppIdNotSigned", "BindingMismatch"],
         "invalid", "token-formats.md §5.1", tampered, V_ISSUED, volc_verdict("app_id_mismatch"),
         mode="strict", app_id=V_APP)
    case("app id replaced: strict bound to the replaced id accepts (only the clear text is compared)",
         ["AppIdNotSigned"], "acceptable", "token-formats.md §5.1", tampered, V_ISSUED, volc_verdict("valid"),
         mode="strict", app_id="876543218765432187654321")

    # Signature mutations.
    for comment, bad_sig in modified_tags(sig):
        both("V1, " + comment, ["ModifiedTag"], "invalid", WYCHEPROOF, volc_frame(V_APP, msg, bad_sig), V_ISSUED,
             "bad_signature")
    for n, flag in ((0, "SignatureStripped"), (1, "TruncatedTag"), (16, "TruncatedTag"), (31, "TruncatedTag"),
                    (33, "ExtendedTag"), (64, "ExtendedTag")):
        s = (sig + bytes(32))[:n] if n > 32 else sig[:n]
        both(f"SIG of {n} bytes", [flag], "invalid", "suite-anchors.md §3", volc_frame(V_APP, msg, s), V_ISSUED,
             "bad_signature")
    content = volc_content(V1_TOKEN)
    both("SIG field removed", ["SignatureStripped"], "invalid", "suite-anchors.md §3",
         V1_TOKEN[:27] + b64(content[:2 + len(msg)]), V_ISSUED, "malformed", "truncated")
    both("wrong app key", ["WrongKey"], "invalid", S_RULES, V1_TOKEN, V_ISSUED, "bad_signature", key="app key ")
    both("MSG field changed (room) without re-signing", ["ModifiedTag"], "invalid", S_RULES,
         volc_frame(V_APP, volc_msg(V_NONCE, V_ISSUED, V_EXP, "new rooM", V_USER, expand({SUB: 0, PUB: V_EXP})),
                    sig), V_ISSUED, "bad_signature")
    both("expire_at raised without re-signing", ["ModifiedTag"], "invalid", S_RULES,
         volc_frame(V_APP, volc_msg(V_NONCE, V_ISSUED, V_EXP + 86400, V_ROOM, V_USER,
                                    expand({SUB: 0, PUB: V_EXP})), sig), V_ISSUED, "bad_signature")
    late_forged = volc_frame(V_APP, msg, bytes(32))
    case("forged signature after expiry: official reports expired (expiry first)", ["CheckOrder", "CheckMode"],
         "invalid", S_RULES, late_forged, V_EXP + 1, volc_verdict("expired", mode="official"), mode="official")
    case("forged signature after expiry: strict reports bad_signature (HMAC first)", ["CheckOrder"],
         "invalid", S_VOLC_DOC, late_forged, V_EXP + 1, volc_verdict("bad_signature"), mode="strict")
    case("forged signature and wrong room: strict reports bad_signature", ["CheckOrder"], "invalid",
         S_VOLC_DOC, late_forged, V_ISSUED, volc_verdict("bad_signature"), mode="strict", room_id="x")

    # Seed token: outcomes decided before the HMAC.
    case("seed token after its expiry, official: expired before any key is used", ["SeedToken", "CheckOrder"],
         "invalid", S_SEED, SEED_TOKEN, SEED_EXP + 1, volc_verdict("expired", mode="official"), mode="official")
    seed_content = volc_content(SEED_TOKEN)
    both("seed token cut inside MSG", ["SeedToken", "Truncated"], "invalid", S_SEED,
         SEED_TOKEN[:27] + b64(seed_content[:40]), 1642500272, "malformed", "length_overflow")
    case("seed token with a byte after SIG, strict", ["SeedToken", "TrailingData"], "acceptable", S_SEED,
         SEED_TOKEN[:27] + b64(seed_content + b"\x00"), 1642500272, volc_verdict("malformed", "trailing_bytes"),
         mode="strict")
    case("seed token under prefix \"002\"", ["SeedToken", "VersionConfusion"], "invalid", S_SEED,
         "002" + SEED_TOKEN[3:], 1642500272, volc_verdict("unsupported_version"), mode="strict")

    # Layout tolerance.
    trailing_sig = volc_frame(V_APP, msg, sig, b"\x00" * 16)
    case("16 bytes after SIG: official accepts", ["TrailingData", "CheckMode"], "acceptable", S_RULES,
         trailing_sig, V_ISSUED, volc_verdict("valid", mode="official"), mode="official")
    case("16 bytes after SIG: strict rejects", ["TrailingData"], "acceptable", S_VOLC_DOC, trailing_sig, V_ISSUED,
         volc_verdict("malformed", "trailing_bytes"), mode="strict")
    trailing_msg = volc_frame(V_APP, msg + b"junk", sig)
    case("4 bytes after the last MSG field: official re-packs without them and accepts",
         ["TrailingData", "CheckMode"], "acceptable", S_RULES, trailing_msg, V_ISSUED,
         volc_verdict("valid", mode="official"), mode="official")
    case("4 bytes after the last MSG field: strict rejects", ["TrailingData"], "acceptable", S_VOLC_DOC,
         trailing_msg, V_ISSUED, volc_verdict("malformed", "trailing_bytes"), mode="strict")
    records = [(SUB, 0), (PUB, 7), (PUB_A, 7), (PUB_V, 7), (PUB_D, 7)]
    unsorted = volc_msg(1, 2, 0, "r", "u", records)
    canonical = volc_msg(1, 2, 0, "r", "u", sorted(records))
    case("unsorted privileges signed as written: official re-packs sorted, HMAC fails",
         ["UnsortedMap", "CheckMode"], "invalid", S_RULES, volc_frame(V_APP, unsorted, volc_sign(V_KEY, unsorted)),
         5, volc_verdict("bad_signature", mode="official"), mode="official")
    case("unsorted privileges signed over the sorted re-pack: official accepts",
         ["UnsortedMap", "CheckMode"], "acceptable", S_RULES,
         volc_frame(V_APP, unsorted, volc_sign(V_KEY, canonical)), 5, volc_verdict("valid", mode="official"),
         mode="official")
    case("unsorted privileges: strict rejects", ["UnsortedMap"], "acceptable", S_VOLC_DOC,
         volc_frame(V_APP, unsorted, volc_sign(V_KEY, canonical)), 5, volc_verdict("malformed", "unsorted_map"),
         mode="strict")
    repeated = volc_msg(1, 2, 0, "r", "u", [(PUB, 9), (PUB, 7), (SUB, 0)])
    last_wins = volc_msg(1, 2, 0, "r", "u", [(PUB, 7), (SUB, 0)])
    case("key 0 twice, signed over the re-pack keeping the last value: official accepts",
         ["UnsortedMap", "CheckMode"], "acceptable", S_RULES,
         volc_frame(V_APP, repeated, volc_sign(V_KEY, last_wins)), 5, volc_verdict("valid", mode="official"),
         mode="official")
    case("key 0 twice, signed over the re-pack keeping the first value: official rejects",
         ["UnsortedMap", "CheckMode"], "invalid", S_RULES,
         volc_frame(V_APP, repeated, volc_sign(V_KEY, volc_msg(1, 2, 0, "r", "u", [(PUB, 9), (SUB, 0)]))), 5,
         volc_verdict("bad_signature", mode="official"), mode="official")
    huge = volc_msg(1, 2, 0, "r", "u", [(PUB, 1)])
    huge = huge[:-8] + struct.pack("<H", 0xFFFF) + huge[-6:]
    both("privilege count 65535 with one record", ["LengthPrefixOverflow"], "invalid",
         "suite-anchors.md §3", volc_frame(V_APP, huge, sig), 5, "malformed", "length_overflow")
    for k in (0, 12, 14, 35, 37):
        both(f"MSG re-framed to {k} bytes", ["Truncated"], "invalid", "generator: V1 MSG truncated",
             volc_frame(V_APP, msg[:k], sig), V_ISSUED, "malformed", msg_outcome(msg[:k]))
    bad_room = volc_msg(1, 2, 0, b"\xff", "u", [])
    both("room not UTF-8 (signed)", ["BadUtf8"], "invalid", S_VOLC_DOC,
         volc_frame(V_APP, bad_room, volc_sign(V_KEY, bad_room)), 5, "malformed", "bad_field")

    # Encoding and prefix.
    for comment, mutated in (("padding bits set", V1_TOKEN[:-3] + "h=="), ("padding removed", V1_TOKEN[:-2]),
                             ("newline inside the base64", V1_TOKEN[:60] + "\n" + V1_TOKEN[60:])):
        case(f"V1, {comment}: strict base64", ["NonCanonicalEncoding"], "acceptable",
             "suite-anchors.md §3 NonCanonicalEncoding", mutated, V_ISSUED,
             volc_verdict("malformed", "non_canonical_base64"), mode="strict")
        case(f"V1, {comment}: lenient base64", ["NonCanonicalEncoding"], "acceptable",
             "suite-anchors.md §3 NonCanonicalEncoding", mutated, V_ISSUED, volc_verdict("valid"), mode="strict",
             base64="lenient")
    # A token whose base64 holds '+' and '/', then spelled in the URL alphabet.
    for nonce in range(1000):
        t, _ = volc_token(nonce=nonce)
        if "+" in t[27:] and "/" in t[27:]:
            break
    assert "+" in t[27:] and "/" in t[27:]
    url = t[:27] + t[27:].replace("+", "-").replace("/", "_")
    case("URL-safe alphabet: strict", ["NonCanonicalEncoding"], "acceptable", "suite-anchors.md §3", url,
         V_ISSUED, volc_verdict("malformed", "non_canonical_base64"), mode="strict")
    case("URL-safe alphabet: lenient", ["NonCanonicalEncoding"], "acceptable", "suite-anchors.md §3", url,
         V_ISSUED, volc_verdict("valid"), mode="strict", base64="lenient")
    case("body not base64", ["NonCanonicalEncoding"], "invalid", S_VOLC_DOC, V1_TOKEN[:27] + "!!!!", V_ISSUED,
         volc_verdict("malformed", "bad_base64"), mode="strict")
    both("V1 body under prefix \"002\"", ["VersionConfusion"], "invalid", S_RULES, "002" + V1_TOKEN[3:],
         V_ISSUED, "unsupported_version")
    case("an Agora 006 token", ["VersionConfusion"], "invalid", "token-formats.md §4 (Agora 006)",
         "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/"
         "QQAAEAAQCvKDdW", V_ISSUED, volc_verdict("unsupported_version"), mode="strict")
    both("app id with '-'", ["BadAppId"], "invalid", S_VOLC_DOC, "001" + V_APP[:-1] + "-" + V1_TOKEN[27:],
         V_ISSUED, "malformed", "bad_app_id")
    both("only \"001\" and part of an app id", ["Truncated"], "invalid", S_RULES, V1_TOKEN[:20], V_ISSUED,
         "malformed", "truncated")
    both("empty token", ["MissingInput"], "invalid", "seed 004_feb3ed951cfe7da6.txt (20000 parameter error)",
         "", V_ISSUED, "token_missing")
    both("empty app key", ["MissingInput"], "invalid", S_VOLC_DOC, V1_TOKEN, V_ISSUED, "invalid_secret", key="")
    return vf


# ===========================================================================
# Tencent UserSig, TLSSigAPIv2 (suite-anchors.md §7)
# ===========================================================================
T_KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"  # SDK README sample
T_APP = 1400000000
T_ID = "xiaojun"
T_EXPIRE = 86400 * 180
T_TIME = 1700000000
S_T7 = "suite-anchors.md §7 (TLSSigAPIv2)"
S_TDOC = "docs/formats/tencent.md"
S_GO = "suite-anchors.md §7; tencentyun/tls-sig-api-v2-golang TLSSigAPI.go verify"
S_PY = "suite-anchors.md §7; tencentyun/tls-sig-api-v2-python TLSSigAPIv2.py"


def b64tls(data):
    return b64(data).replace("+", "*").replace("/", "-").replace("=", "_")


def t_sig(key, identifier, sdkappid, time_, expire, userbuf=None):
    content = (f"TLS.identifier:{identifier}\nTLS.sdkappid:{sdkappid}\nTLS.time:{time_}\n"
               f"TLS.expire:{expire}\n")
    if userbuf is not None:
        content += f"TLS.userbuf:{b64(userbuf)}\n"
    return hmac.new(key.encode(), content.encode(), hashlib.sha256).digest()


def go_escape(s):
    out = []
    for ch in s:
        cp = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif cp < 0x20 or ch in "<>&" or cp in (0x2028, 0x2029):
            out.append("\\u%04x" % cp)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def cpp_escape(s):
    short = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
    out = []
    for ch in s:
        if ch in short:
            out.append(short[ch])
        elif ord(ch) < 0x20:
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def claims_text(style, identifier, sdkappid, expire, time_, sig_b64, userbuf_b64=None, ver="2.0"):
    if style == "python":
        # The Python SDK: a dict in this insertion order, json.dumps() defaults.
        m = {"TLS.ver": ver, "TLS.identifier": identifier, "TLS.sdkappid": sdkappid, "TLS.expire": expire,
             "TLS.time": time_}
        if userbuf_b64 is not None:
            m["TLS.userbuf"] = userbuf_b64
        m["TLS.sig"] = sig_b64
        return json.dumps(m)
    if style == "go":
        # encoding/json Encoder over the userSig struct: field order, omitempty, "\n".
        parts = []
        if ver:
            parts.append('"TLS.ver":' + go_escape(ver))
        if identifier:
            parts.append('"TLS.identifier":' + go_escape(identifier))
        if sdkappid:
            parts.append('"TLS.sdkappid":%d' % sdkappid)
        if expire:
            parts.append('"TLS.expire":%d' % expire)
        if time_:
            parts.append('"TLS.time":%d' % time_)
        if userbuf_b64:
            parts.append('"TLS.userbuf":' + go_escape(userbuf_b64))
        if sig_b64:
            parts.append('"TLS.sig":' + go_escape(sig_b64))
        return "{" + ",".join(parts) + "}\n"
    assert style == "cpp"
    # rapidjson Writer over the Document built in AddMember order.
    text = ('{"TLS.ver":%s,"TLS.sdkappid":%d,"TLS.identifier":%s,"TLS.time":%d,"TLS.expire":%d'
            % (cpp_escape(ver), sdkappid, cpp_escape(identifier), time_, expire))
    if userbuf_b64 is not None:
        text += ',"TLS.userbuf":' + cpp_escape(userbuf_b64)
    return text + ',"TLS.sig":' + cpp_escape(sig_b64) + "}"


def go_stored(data):
    """Go compress/zlib at NoCompression: 78 01, stored blocks, an empty final block, Adler-32."""
    out = b"\x78\x01"
    for at in range(0, len(data), 0xFFFF):
        chunk = data[at:at + 0xFFFF]
        out += b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF) + chunk
    return out + b"\x01\x00\x00\xff\xff" + struct.pack(">I", zlib.adler32(data))


GO_CROSSCHECK = "; cross-checked with Go 1.19.8 encoding/json + compress/zlib (--crosscheck-go)"
GO_TOKENS = []  # (claims for the Go program, token) of every Go-style token made

GO_PROGRAM = r"""package main

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// The Go SDK's userSig struct tags (suite-anchors.md §7), in its field order.
type claims struct {
	Version    string `json:"TLS.ver,omitempty"`
	Identifier string `json:"TLS.identifier,omitempty"`
	SdkAppID   uint64 `json:"TLS.sdkappid,omitempty"`
	Expire     int64  `json:"TLS.expire,omitempty"`
	Time       int64  `json:"TLS.time,omitempty"`
	UserBuf    []byte `json:"TLS.userbuf,omitempty"`
	Sig        []byte `json:"TLS.sig,omitempty"`
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	for in.Scan() {
		var c claims
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			panic(err)
		}
		var b bytes.Buffer
		w, _ := zlib.NewWriterLevel(&b, zlib.NoCompression)
		if err := json.NewEncoder(w).Encode(c); err != nil {
			panic(err)
		}
		w.Close()
		s := base64.StdEncoding.EncodeToString(b.Bytes())
		fmt.Println(strings.NewReplacer("+", "*", "/", "-", "=", "_").Replace(s))
	}
}
"""


def crosscheck_go():
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "main.go"), "w") as f:
            f.write(GO_PROGRAM)
        lines = "".join(json.dumps(c) + "\n" for c, _ in GO_TOKENS)
        out = subprocess.run(["go", "run", "main.go"], cwd=d, input=lines, capture_output=True, text=True,
                             check=True, env=dict(os.environ, GOCACHE=os.path.join(d, "cache"), GO111MODULE="off"))
    got = out.stdout.split()
    want = [t for _, t in GO_TOKENS]
    assert len(got) == len(want), (len(got), len(want))
    for (c, w), g in zip(GO_TOKENS, got):
        assert w == g, f"Go disagrees for {c}: generator {w} vs Go {g}"
    print(f"--crosscheck-go: {len(want)} Go-style tokens identical to Go's own encoding/json + compress/zlib")


def compress(style, data):
    if style == "python":
        return zlib.compress(data)  # level -1 = 6
    if style == "cpp":
        return zlib.compress(data, 1)  # Z_BEST_SPEED
    return go_stored(data)


def usersig(style="python", key=T_KEY, identifier=T_ID, sdkappid=T_APP, expire=T_EXPIRE, time_=T_TIME,
            userbuf=None):
    sig = t_sig(key, identifier, sdkappid, time_, expire, userbuf)
    text = claims_text(style, identifier, sdkappid, expire, time_, b64(sig),
                       None if userbuf is None else b64(userbuf))
    token = b64tls(compress(style, text.encode()))
    if style == "go":
        c = {"TLS.ver": "2.0", "TLS.identifier": identifier, "TLS.sdkappid": sdkappid, "TLS.expire": expire,
             "TLS.time": time_, "TLS.sig": b64(sig)}
        if userbuf is not None:
            c["TLS.userbuf"] = b64(userbuf)
        GO_TOKENS.append((c, token))
    return token, sig


def wrap_json(text, level=6):
    """Arbitrary claims text as a token (for cases no SDK writes)."""
    return b64tls(zlib.compress(text.encode() if isinstance(text, str) else text, level))


def pmk(account=T_ID, sdkappid=T_APP, room_id=0, expire_abs=(T_TIME + T_EXPIRE) & 0xFFFFFFFF,
        privilege_map=255, account_type=0, room_str=None, version=None):
    """The PrivateMapKey userbuf layout (suite-anchors.md §7), big-endian."""
    if version is None:
        version = 1 if room_str else 0
    acc = account.encode()
    out = struct.pack(">BH", version, len(acc)) + acc
    out += struct.pack(">IIIII", sdkappid, room_id, expire_abs, privilege_map, account_type)
    if version == 1:
        room = (room_str or "").encode()
        out += struct.pack(">H", len(room)) + room
    return out


def pmk_fields(account=T_ID, sdkappid=T_APP, room_id=0, expire_abs=(T_TIME + T_EXPIRE) & 0xFFFFFFFF,
               privilege_map=255, account_type=0, room_str=None, version=None):
    if version is None:
        version = 1 if room_str else 0
    return {"version": version, "account": account, "sdkappid": sdkappid, "room_id": room_id,
            "room_str": (room_str or "") if version == 1 else None, "expire_abs": expire_abs,
            "privilege_map": privilege_map, "account_type": account_type}


def t_fields(identifier=T_ID, sdkappid=T_APP, expire=T_EXPIRE, time_=T_TIME, sig=None, userbuf=None,
             userbuf_fields=None):
    return {"ver": "2.0", "identifier": identifier, "sdkappid": sdkappid, "expire": expire, "time": time_,
            "signature": hexs(sig), "userbuf_hex": None if userbuf is None else hexs(userbuf),
            "userbuf": userbuf_fields}


# The CHECK_ERR table, restated from tls_sig_api_v2.h (reference/vendors/tencent/tencent_codes.cc
# is the project's mapping). Rows in table order.
def _chk(code, name):
    return ("server", code, name)


TENCENT_CODES = {
    "valid": [],
    "token_missing": [_chk(1, "CHECK_ERR01 sig empty")],
    "malformed": [_chk(2, "CHECK_ERR02 sig base64 decode failed"),
                  _chk(3, "CHECK_ERR03 sig zip decompression failed"),
                  _chk(4, "CHECK_ERR04 sig json parse failed")],
    "payload_invalid": [_chk(6, "CHECK_ERR06 TLS.sig base64 decode failed"), _chk(7, "CHECK_ERR07 field missing"),
                        _chk(10, "CHECK_ERR10 bad time/expire field")],
    "bad_signature": [_chk(8, "CHECK_ERR08 signature check failed")],
    "expired": [_chk(9, "CHECK_ERR09 sig expired")],
    "user_id_mismatch": [_chk(13, "CHECK_ERR13 identifier mismatch")],
    "app_id_mismatch": [_chk(14, "CHECK_ERR14 sdk_appid mismatch")],
    "userbuf_mismatch": [_chk(15, "CHECK_ERR15 userbuf abnormal")],
    "unsupported_version": [],
    "invalid_secret": [],
}

# The client SDKs' rows (the account system's 700xx codes, one platform "client";
# TRTC native's single -100018), restated from the pages tencent_codes.cc cites,
# appended per condition after the CHECK_ERR rows as the table orders them.
_TRTC_NATIVE = ("trtc-native", -100018, "UserSig check failed (enterRoom)")
TENCENT_CLIENT_CODES = {
    "token_missing": [("client", 70002, "userSig length is 0")],
    "malformed": [("client", 70003, "UserSig parse failed (truncated)"),
                  ("client", 70004, "userSig verification failed (truncated)"), _TRTC_NATIVE],
    "payload_invalid": [("client", 70003, "UserSig parse failed (truncated)")],
    "bad_signature": [("client", 70009, "UserSig verification failed (another SDKAppID's key)"),
                      _TRTC_NATIVE],
    "expired": [("client", 70001, "UserSig expired"), _TRTC_NATIVE],
    "user_id_mismatch": [("client", 70013, "UserID differs from the UserSig's"), _TRTC_NATIVE],
    "app_id_mismatch": [("client", 70014, "SDKAppID differs from the UserSig's"), _TRTC_NATIVE],
}
for _condition, _rows in TENCENT_CLIENT_CODES.items():
    TENCENT_CODES[_condition] = TENCENT_CODES[_condition] + _rows


def t_verdict(condition, malformation=None):
    assert (malformation is not None) == (condition == "malformed"), (condition, malformation)
    return {"condition": condition, "malformation": malformation, "privilege": None,
            "vendor_codes": [{"platform": p, "code": c, "name": n} for p, c, n in TENCENT_CODES[condition]]}


TENCENT_NOTES = {
    "SdkStyle": {"bugType": "FUNCTIONALITY",
                 "description": "The same claims as the Python SDK (json.dumps, zlib level 6), the Go SDK "
                                "(compact JSON + newline, HTML escaping, omitempty, zlib stored blocks) or the "
                                "C++ SDK (rapidjson order, zlib level 1) serialize them; tokens differ, claims "
                                "and HMAC do not (suite-anchors.md §7)."},
    "PrivateMapKey": {"bugType": "FUNCTIONALITY",
                      "description": "A PrivateMapKey: the userbuf layout (version, account, sdkappid, room, "
                                     "expire_abs, privilege bits, account type, [string room]) signed as "
                                     "TLS.userbuf."},
    "EdgeValue": {"bugType": "EDGE_CASE",
                  "description": "Unicode, escaped or extreme values (expire 0 or negative, u32 sdkappid)."},
    "BuildRefusal": {"bugType": "MODIFIED_PARAMETER",
                     "description": "The reference builder refuses: empty key, empty or non-UTF-8 identifier, "
                                    "negative time or time + expire outside int64 (docs/formats/tencent.md; the "
                                    "SDKs check nothing)."},
    "ExpiryBoundary": {"bugType": "EDGE_CASE",
                       "description": "now at time+expire-1, time+expire, time+expire+1: expired only when now > "
                                      "time + expire (Go verify; valid at equality)."},
    "NoNotBefore": {"bugType": "DEFINED",
                    "description": "TLS.time later than now is not checked (no SDK does)."},
    "BindingMismatch": {"bugType": "AUTH_BYPASS",
                        "description": "sdkappid or identifier differs from the verifier's."},
    "CheckOrder": {"bugType": "DEFINED",
                   "description": "Several checks fail; the verdict is the first in Go's order: sdkappid, "
                                  "identifier, expiry, userbuf, HMAC."},
    "UserbufMismatch": {"bugType": "AUTH_BYPASS",
                        "description": "The token's userbuf is absent, present, or different from what the "
                                       "verifier requires (Go ErrUserBufTypeNotMatch / ErrUserBufNotMatch)."},
    "ModifiedTag": {"bugType": "AUTH_BYPASS",
                    "description": "TLS.sig has bits flipped (Wycheproof ModifiedTag positions), the token "
                                   "re-encoded otherwise unchanged."},
    "TruncatedTag": {"bugType": "AUTH_BYPASS", "description": "TLS.sig decodes to fewer than 32 bytes."},
    "ExtendedTag": {"bugType": "AUTH_BYPASS", "description": "TLS.sig decodes to more than 32 bytes."},
    "SignatureStripped": {"bugType": "AUTH_BYPASS",
                          "description": "TLS.sig is the empty string, or the member is missing."},
    "WrongKey": {"bugType": "BASIC", "description": "Verified with another key."},
    "KeyEncoding": {"bugType": "FUNCTIONALITY",
                    "description": "Signed with the key hex-decoded instead of its string bytes (the SDKs use "
                                   "the string)."},
    "NonCanonicalEncoding": {"bugType": "MALLEABILITY",
                             "description": "Non-canonical base64: the standard alphabet ('+' '/' '=') in place "
                                            "of '*' '-' '_' (Go's decoder maps back and accepts), padding bits, "
                                            "missing padding, CR LF inside TLS.sig (Go's []byte decoding skips "
                                            "them). Strict rejects; lenient reads."},
    "ZlibBomb": {"bugType": "CAN_OF_WORMS",
                 "description": "The zlib stream inflates past the 256 KiB cap (inferred); the Go SDK has no cap."},
    "TrailingData": {"bugType": "MALLEABILITY",
                     "description": "Bytes after the zlib stream or after the JSON object. Go's zlib reader stops "
                                    "at the stream end; JSON must end after the object (whitespace aside)."},
    "BadZlib": {"bugType": "CAN_OF_WORMS", "description": "Not a complete, valid zlib stream."},
    "BadJson": {"bugType": "CAN_OF_WORMS",
                "description": "The claims are not one strict JSON object (syntax, not an object, invalid "
                               "UTF-8, lone surrogate)."},
    "NumberRange": {"bugType": "EDGE_CASE",
                    "description": "A number beyond IEEE 754 binary64 (1e400): RFC 8259 §6 leaves the range to "
                                   "the parser and parsers disagree (Go and nlohmann refuse it, Python reads "
                                   "Infinity). The reference refuses it as bad_json (inferred, I-JSON RFC 7493 "
                                   "§2.2); found by tencent_usersig_json_fuzzer."},
    "DuplicateKey": {"bugType": "MALLEABILITY",
                     "description": "A member repeated: JSON parsers disagree on which wins (Go and Python take "
                                    "the last); the reference rejects (I-JSON, RFC 7493)."},
    "UnknownClaim": {"bugType": "MALLEABILITY",
                     "description": "A member the format does not define; Go ignores it, the reference rejects "
                                    "(payload_invalid)."},
    "WrongType": {"bugType": "FUNCTIONALITY",
                  "description": "A member with the wrong JSON type or range (string sdkappid, fractional time, "
                                 "sdkappid above u32, negative time)."},
    "MissingField": {"bugType": "MISSING_STEP", "description": "A required member is absent."},
    "TimeWrap": {"bugType": "EDGE_CASE",
                 "description": "time + expire overflows int64 (Go would wrap and call it expired), or an "
                                "integer beyond int64: payload_invalid (inferred)."},
    "VersionConfusion": {"bugType": "WRONG_PRIMITIVE",
                         "description": "TLS.ver is not \"2.0\" (absent means a v1 ECDSA sig), or the token is "
                                        "another vendor's."},
    "EscapedJson": {"bugType": "FUNCTIONALITY",
                    "description": "Escapes in JSON strings (\\u0078, \\/) decode to the same claims."},
    "MissingInput": {"bugType": "BASIC",
                     "description": "No token (CHECK_ERR01 sig empty) or an empty key."},
}

T_HEADER = [
    "Tencent TRTC/IM UserSig (TLSSigAPIv2): base64 with '*' '-' '_' of zlib(JSON claims TLS.ver \"2.0\", "
    "TLS.identifier, TLS.sdkappid, TLS.expire, TLS.time, [TLS.userbuf], TLS.sig); TLS.sig = base64std of "
    "HMAC-SHA256(key string bytes, \"TLS.identifier:..\\nTLS.sdkappid:..\\nTLS.time:..\\nTLS.expire:..\\n"
    "[TLS.userbuf:..\\n]\") (suite-anchors.md §7).",
    "Layout, rules and decisions: docs/formats/tencent.md. Written by an independent Python implementation "
    "(vectors/gen/volc_tencent_vectors.py); Python-style tokens are made exactly as the Python SDK makes them.",
]


def tencent_build_file():
    vf = VectorFile("tencent-usersig", "build", GENERATOR,
                    T_HEADER + ["Build inputs: sdkappid, key, identifier, expire, time, style (python default | "
                                "go | cpp), userbuf {PrivateMapKey fields, defaults in docs/formats/tencent.md} "
                                "or userbuf_hex."], TENCENT_NOTES)

    def inp(**kw):
        d = {"sdkappid": T_APP, "key": T_KEY, "identifier": T_ID, "expire": T_EXPIRE, "time": T_TIME}
        d.update(kw)
        return d

    def ok(comment, flags, source, style=None, userbuf=None, ubinput=None, **kw):
        i = inp(**kw)
        if style is not None:
            i["style"] = style
        if ubinput is not None:
            i.update(ubinput)
        token, _ = usersig(style or "python", i["key"], i["identifier"], i["sdkappid"], i["expire"], i["time"],
                           userbuf)
        vf.add(comment, flags, "valid", source + (GO_CROSSCHECK if style == "go" else ""), i, {"token": token})

    ok("SDK sample inputs, default style (Python SDK bytes)", ["SdkStyle"], S_PY)
    for style in ("python", "go", "cpp"):
        ok(f"SDK sample inputs, {style} style", ["SdkStyle"], S_T7, style=style)
        ok(f"unicode identifier, {style} style", ["SdkStyle", "EdgeValue"], S_T7, style=style,
           identifier="用户<&>é😀")
        ok(f"identifier with a quote, backslash, newline and U+0001, {style} style", ["SdkStyle", "EdgeValue"],
           S_T7, style=style, identifier='a"b\\c\nd\x01')
        ok(f"PrivateMapKey room 10000 all privileges, {style} style", ["PrivateMapKey", "SdkStyle"],
           S_T7 + " (genPrivateMapKey)", style=style, userbuf=pmk(room_id=10000),
           ubinput={"userbuf": {"room_id": 10000, "privilege_map": 255}})
    ok("PrivateMapKey with a string room", ["PrivateMapKey"], S_T7 + " (GenPrivateMapKeyWithStringRoomID)",
       userbuf=pmk(room_str="room-A", privilege_map=42),
       ubinput={"userbuf": {"room_str": "room-A", "privilege_map": 42}})
    ok("PrivateMapKey with every field given", ["PrivateMapKey"], S_T7,
       userbuf=pmk(account="other", sdkappid=1, room_id=7, expire_abs=5, privilege_map=2, account_type=3),
       ubinput={"userbuf": {"account": "other", "sdkappid": 1, "room_id": 7, "expire_abs": 5,
                            "privilege_map": 2, "account_type": 3}})
    ok("PrivateMapKey whose expire_abs wraps past 2^32", ["PrivateMapKey", "EdgeValue"],
       S_T7 + " (expire_abs truncated to 32 bits)", time=4294967000, expire=1000,
       userbuf=pmk(expire_abs=(4294967000 + 1000) & 0xFFFFFFFF, room_id=1),
       ubinput={"userbuf": {"room_id": 1, "privilege_map": 255}})
    ok("arbitrary userbuf bytes (GenUserSigWithBuf)", ["EdgeValue"], S_GO + " GenUserSigWithBuf",
       userbuf=b"hello\x00\xff", ubinput={"userbuf_hex": "68656c6c6f00ff"})
    ok("expire 0, python style", ["EdgeValue"], S_T7, expire=0)
    ok("expire 0, go style: omitempty drops TLS.expire", ["EdgeValue", "SdkStyle"], S_GO, style="go", expire=0)
    ok("negative expire", ["EdgeValue"], S_T7, expire=-1)
    ok("sdkappid 4294967295, time 0", ["EdgeValue"], S_T7, sdkappid=0xFFFFFFFF, time=0)
    ok("largest time + expire", ["EdgeValue"], S_TDOC, time=2 ** 62, expire=2 ** 63 - 1 - 2 ** 62)

    def refuse(comment, code, **kw):
        vf.add(comment, ["BuildRefusal"], "invalid", S_TDOC, inp(**kw), {"error": {"code": code}})

    refuse("empty key", "bad_key", key="")
    refuse("empty identifier", "bad_identifier", identifier="")
    refuse("negative time", "bad_time", time=-1)
    refuse("time + expire beyond int64", "bad_time", time=2 ** 62, expire=2 ** 62)
    # Differential fuzzing (conformance/harnesses/difffuzz.py) against npm tls-sig-api-v2@1.0.2:
    # its _genUserbuf writes the account as UTF-16 code units (length 1, byte charCodeAt & 0xFF =
    # 0xFC for "ü"), as the Python SDK's ord() does; the layout is the UTF-8 bytes (Go len(account)).
    ok('PrivateMapKey for identifier "ü": the account is its UTF-8 bytes c3 bc (length 2)',
       ["PrivateMapKey", "EdgeValue"],
       "docs/formats/tencent.md PrivateMapKey userbuf (Go len(account) bytes); found by "
       "conformance/harnesses/difffuzz.py: tls-sig-api-v2@1.0.2 writes length 1, byte 0xFC "
       "(UTF-16 code units, charCodeAt & 0xFF)",
       identifier="ü", userbuf=pmk(account="ü", room_id=10000),
       ubinput={"userbuf": {"room_id": 10000, "privilege_map": 255}})
    # The same fuzzing: npm tls-sig-api-v2@1.0.2 writes version 1 with an empty room for room_str ""
    # (`null != roomstr`); Go and Python write the numeric layout (`len(roomStr) > 0`).
    ok('PrivateMapKey with an empty string room: the numeric layout (version 0, room 0)',
       ["PrivateMapKey", "EdgeValue"],
       "docs/formats/tencent.md (Go GenPrivateMapKeyWithStringRoomID; tencentyun/tls-sig-api-v2-python "
       "_gen_userbuf `len(roomStr) > 0`); found by conformance/harnesses/difffuzz.py: "
       "tls-sig-api-v2@1.0.2 writes version 1 with an empty room",
       userbuf=pmk(room_str="", privilege_map=42),
       ubinput={"userbuf": {"room_str": "", "privilege_map": 42}})
    return vf


def tencent_parse_file():
    vf = VectorFile("tencent-usersig", "parse", GENERATOR,
                    T_HEADER + ["Parse input: token, base64 (strict default | lenient). Fields: ver, identifier, "
                                "sdkappid, expire, time, signature (hex), userbuf_hex, userbuf (PrivateMapKey "
                                "fields, or null when absent or not that layout)."], TENCENT_NOTES)

    def ok(comment, flags, result, source, token, fields, **extra):
        vf.add(comment, flags, result, source, dict({"token": token}, **extra), {"ok": True, "fields": fields})

    def bad(comment, flags, result, source, token, condition, malformation, **extra):
        # `malformation` is the decoder's reason (bad_field for a claim, ...); the file names it
        # only under "malformed" (docs/VECTORS.md), as verify does.
        vf.add(comment, flags, result, source, dict({"token": token}, **extra),
               {"ok": False, "condition": condition,
                "malformation": malformation if condition == "malformed" else None})

    for style in ("python", "go", "cpp"):
        src = S_T7 + (GO_CROSSCHECK if style == "go" else "")
        token, sig = usersig(style)
        ok(f"SDK sample claims, {style} style", ["SdkStyle"], "valid", src, token, t_fields(sig=sig))
        token, sig = usersig(style, identifier="用户<&>é😀")
        ok(f"unicode identifier, {style} style", ["SdkStyle", "EdgeValue"], "valid", src, token,
           t_fields(identifier="用户<&>é😀", sig=sig))
        ub = pmk(room_id=10000)
        token, sig = usersig(style, userbuf=ub)
        ok(f"PrivateMapKey, {style} style", ["PrivateMapKey", "SdkStyle"], "valid", src, token,
           t_fields(sig=sig, userbuf=ub, userbuf_fields=pmk_fields(room_id=10000)))
    ub = pmk(room_str="room-A", privilege_map=42)
    token, sig = usersig(userbuf=ub)
    ok("PrivateMapKey with a string room", ["PrivateMapKey"], "valid", S_T7, token,
       t_fields(sig=sig, userbuf=ub, userbuf_fields=pmk_fields(room_str="room-A", privilege_map=42)))
    ub = pmk(version=1, room_str="")
    token, sig = usersig(userbuf=ub)
    ok("PrivateMapKey version 1 with an empty string room", ["PrivateMapKey", "EdgeValue"], "valid", S_T7, token,
       t_fields(sig=sig, userbuf=ub, userbuf_fields=pmk_fields(version=1, room_str="")))
    for comment, ub in (("arbitrary userbuf bytes: not a PrivateMapKey", b"hello"),
                        ("PrivateMapKey layout with a trailing byte: not a PrivateMapKey", pmk() + b"\x00"),
                        ("PrivateMapKey layout with version 2: not a PrivateMapKey", b"\x02" + pmk()[1:]),
                        ("empty userbuf", b"")):
        token, sig = usersig(userbuf=ub)
        ok(comment, ["EdgeValue"], "valid", S_TDOC, token, t_fields(sig=sig, userbuf=ub, userbuf_fields=None))
    for comment, kw in (("expire 0", {"expire": 0}), ("negative expire", {"expire": -5}),
                        ("sdkappid 4294967295 and time 0", {"sdkappid": 0xFFFFFFFF, "time_": 0})):
        token, sig = usersig(**kw)
        fields_kw = {"expire": kw.get("expire", T_EXPIRE), "sdkappid": kw.get("sdkappid", T_APP),
                     "time_": kw.get("time_", T_TIME)}
        ok(comment, ["EdgeValue"], "valid", S_T7, token, t_fields(sig=sig, **fields_kw))
    sig = t_sig(T_KEY, T_ID, T_APP, T_TIME, T_EXPIRE)
    escaped = ('{"TLS.ver":"2.0","TLS.identifier":"\\u0078iaojun","TLS.sdkappid":1400000000,'
               '"TLS.expire":15552000,"TLS.time":1700000000,"TLS.sig":"%s"}' % b64(sig).replace("/", "\\/"))
    ok("identifier and sig written with JSON escapes", ["EscapedJson"], "valid", "RFC 8259 §7", wrap_json(escaped),
       t_fields(sig=sig))
    spaced = (' \r\n\t{ "TLS.sig" : "%s" , "TLS.time":1700000000, "TLS.expire":15552000, "TLS.sdkappid":'
              '1400000000, "TLS.identifier":"xiaojun", "TLS.ver":"2.0" } \n' % b64(sig))
    ok("members in another order with whitespace everywhere", ["SdkStyle"], "valid", "RFC 8259", wrap_json(spaced),
       t_fields(sig=sig))
    go_text = claims_text("go", T_ID, T_APP, T_EXPIRE, T_TIME, b64(sig)).encode()
    single = (b"\x78\x01\x01" + struct.pack("<HH", len(go_text), len(go_text) ^ 0xFFFF) + go_text
              + struct.pack(">I", zlib.adler32(go_text)))
    ok("Go-style JSON in one final stored block (no empty final block after it)", ["SdkStyle"], "valid",
       S_TDOC + " (the 244-character Go figure of suite-anchors.md §7 has this framing)", b64tls(single),
       t_fields(sig=sig))
    ok("compressed at level 9", ["SdkStyle"], "valid", S_TDOC,
       wrap_json(claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME, b64(sig)), 9), t_fields(sig=sig))

    # Outer encoding.
    good, sig = usersig()
    std = good.replace("*", "+").replace("-", "/").replace("_", "=")
    assert std != good
    bad("standard alphabet instead of '*-_': strict", ["NonCanonicalEncoding"], "acceptable",
        S_GO + " (base64urlDecode maps back to StdEncoding)", std, "malformed", "non_canonical_base64")
    ok("standard alphabet instead of '*-_': lenient", ["NonCanonicalEncoding"], "acceptable", S_GO, std,
       t_fields(sig=sig), base64="lenient")
    assert good.endswith("g__"), good[-4:]  # one byte in the last quantum: 4 padding bits
    for comment, mutated in (("padding removed", good[:-2]), ("padding bits set ('g__' -> 'h__')",
                                                               good[:-3] + "h__")):
        bad(comment + ": strict", ["NonCanonicalEncoding"], "acceptable", S_GO, mutated, "malformed",
            "non_canonical_base64")
        ok(comment + ": lenient", ["NonCanonicalEncoding"], "acceptable", S_GO, mutated, t_fields(sig=sig),
           base64="lenient")
    bad("not base64", ["BadZlib"], "invalid", S_TDOC, "%%%%", "malformed", "bad_base64")
    bad("empty token", ["MissingInput"], "invalid", S_TDOC, "", "malformed", "empty")
    raw = zlib.compress(claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME, b64(sig)).encode())
    bad("zlib stream cut short", ["BadZlib"], "invalid", S_TDOC, b64tls(raw[:-10]), "malformed", "bad_zlib")
    bad("zlib checksum wrong", ["BadZlib"], "invalid", S_TDOC, b64tls(raw[:-1] + bytes([raw[-1] ^ 1])), "malformed",
        "bad_zlib")
    bad("raw deflate without the zlib header", ["BadZlib"], "invalid", S_TDOC, b64tls(raw[2:-4]), "malformed",
        "bad_zlib")
    bad("JSON text not compressed at all", ["BadZlib"], "invalid", S_TDOC, b64tls(b'{"TLS.ver":"2.0"}'),
        "malformed", "bad_zlib")
    bad("a byte after the zlib stream", ["TrailingData"], "acceptable", S_GO, b64tls(raw + b"\x00"), "malformed",
        "trailing_after_zlib")
    bomb = claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME, b64(sig))[:-1] + " " * (300 * 1024) + "}"
    bad("claims padded to 300 KiB of whitespace (zlib bomb)", ["ZlibBomb"], "acceptable", S_GO + " (no cap)",
        wrap_json(bomb, 9), "malformed", "zlib_too_large")
    # JSON layer.
    base = claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME, b64(sig))
    for comment, text, flags, result in (
            ("text after the JSON object", base + " x", ["TrailingData"], "invalid"),
            ("two JSON objects", base + base, ["TrailingData"], "invalid"),
            ("JSON array, not an object", "[" + base + "]", ["BadJson"], "invalid"),
            ("truncated JSON", base[:-1], ["BadJson"], "invalid"),
            ("single quotes", base.replace('"', "'"), ["BadJson"], "invalid"),
            ("TLS.identifier repeated", base[:-1] + ', "TLS.identifier": "other"}', ["DuplicateKey"],
             "acceptable"),
            ("TLS.sig repeated via an escaped key", base[:-1] + ', "TLS.si\\u0067": "AAAA"}', ["DuplicateKey"],
             "acceptable"),
            ("invalid UTF-8 in the identifier", base.replace("xiaojun", "xiao\udcffjun"), ["BadJson"], "invalid"),
            ("lone surrogate escape in the identifier", base.replace("xiaojun", "xiao\\ud800jun"), ["BadJson"],
             "invalid"),
            ("raw control character in a string", base.replace("xiaojun", "xiao\x01jun"), ["BadJson"], "invalid"),
            ("UTF-8 byte order mark", "\ufeff" + base, ["BadJson"], "invalid")):
        data = text.encode("utf-8", errors="surrogateescape")
        bad(comment, flags, result, S_TDOC, b64tls(zlib.compress(data)), "malformed", "bad_json")

    def claims(**override):
        m = {"TLS.ver": "2.0", "TLS.identifier": T_ID, "TLS.sdkappid": T_APP, "TLS.expire": T_EXPIRE,
             "TLS.time": T_TIME, "TLS.sig": b64(sig)}
        for k, v in override.items():
            k = k.replace("_", ".", 1)
            if v is None:
                m.pop(k, None)
            else:
                m[k] = v
        return wrap_json(json.dumps(m))

    for member in ("TLS_identifier", "TLS_sdkappid", "TLS_expire", "TLS_time", "TLS_sig"):
        bad(f"{member.replace('_', '.', 1)} missing", ["MissingField"], "invalid", S_TDOC,
            claims(**{member: None}), "payload_invalid", "bad_field")
    for comment, override in (("sdkappid as a string", {"TLS_sdkappid": "1400000000"}),
                              ("time as a float", {"TLS_time": 1700000000.0}),
                              ("expire as a string", {"TLS_expire": "15552000"}),
                              ("identifier as a number", {"TLS_identifier": 7}),
                              ("sig as an array", {"TLS_sig": [b64(sig)]}),
                              ("userbuf as a number", {"TLS_userbuf": 1}),
                              ("sdkappid 4294967296", {"TLS_sdkappid": 2 ** 32}),
                              ("negative sdkappid", {"TLS_sdkappid": -1}),
                              ("negative time", {"TLS_time": -1})):
        bad(comment, ["WrongType"], "invalid", S_TDOC, claims(**override), "payload_invalid", "bad_field")
    exp_text = claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME, b64(sig)).replace("1700000000", "1.7e9")
    bad("time written with an exponent (1.7e9)", ["WrongType"], "invalid", S_TDOC, wrap_json(exp_text),
        "payload_invalid", "bad_field")
    bad("time + expire overflows int64", ["TimeWrap"], "invalid", S_TDOC,
        claims(TLS_time=2 ** 62, TLS_expire=2 ** 62), "payload_invalid", "bad_field")
    bad("time beyond int64", ["TimeWrap"], "invalid", S_TDOC, claims(TLS_time=2 ** 63), "payload_invalid",
        "bad_field")
    bad("unknown member TLS.extra", ["UnknownClaim"], "acceptable", S_GO, claims(TLS_extra=1), "payload_invalid",
        "bad_field")
    bad("unknown member holding a nested object", ["UnknownClaim"], "acceptable", S_GO,
        claims(**{"TLS_x": {"a": [1, {"b": None}]}}), "payload_invalid", "bad_field")
    bad("TLS.ver \"1.0\"", ["VersionConfusion"], "invalid", S_TDOC, claims(TLS_ver="1.0"), "unsupported_version",
        "bad_prefix")
    bad("TLS.ver absent (a v1 sig)", ["VersionConfusion"], "invalid",
        S_TDOC + " (TLS verifier get_sig_version defaults to 1.0)", claims(TLS_ver=None), "unsupported_version",
        "bad_prefix")
    bad("TLS.ver as a number", ["WrongType"], "invalid", S_TDOC, claims(TLS_ver=2), "payload_invalid", "bad_field")
    bad("TLS.sig not base64", ["SignatureStripped"], "invalid", S_TDOC, claims(TLS_sig="!!!!"), "payload_invalid",
        "bad_base64")
    crlf = b64(sig)[:20] + "\r\n" + b64(sig)[20:]
    bad("TLS.sig with CR LF inside: strict", ["NonCanonicalEncoding"], "acceptable", S_T7, claims(TLS_sig=crlf),
        "payload_invalid", "non_canonical_base64")
    ok("TLS.sig with CR LF inside: lenient", ["NonCanonicalEncoding"], "acceptable", S_T7, claims(TLS_sig=crlf),
       t_fields(sig=sig), base64="lenient")
    bad("TLS.userbuf not base64", ["WrongType"], "invalid", S_TDOC, claims(TLS_userbuf="***"), "payload_invalid",
        "bad_base64")
    bad("a Volcengine 001 token ('=' padding is outside the '*-_' alphabet)", ["VersionConfusion"], "invalid",
        "token-formats.md §7", V1_TOKEN, "malformed", "non_canonical_base64")
    # Appended last so earlier tcIds stay stable.
    for comment, text in (("TLS.time 1e400 (beyond binary64)", base.replace("1700000000", "1e400")),
                          ("an extra member of value -1E+309 (beyond binary64)",
                           base[:-1] + ', "TLS.x": -1E+309}')):
        bad(comment, ["NumberRange"], "acceptable", S_TDOC, b64tls(zlib.compress(text.encode())), "malformed",
            "bad_json")
    return vf


def tencent_verify_file():
    vf = VectorFile("tencent-usersig", "verify", GENERATOR,
                    T_HEADER + ["Verify input: token, key, now, base64, and optional bindings sdkappid, identifier, "
                                "userbuf (PrivateMapKey object with expire_abs, or \"none\") or userbuf_hex. Check "
                                "order (Go): sdkappid, identifier, expiry, userbuf, HMAC."], TENCENT_NOTES)

    def case(comment, flags, result, source, token, now, expected, key=T_KEY, **extra):
        inp = {"token": token, "key": key, "now": now}
        inp.update(extra)
        vf.add(comment, flags, result, source, inp, expected)

    good, sig = usersig()
    end = T_TIME + T_EXPIRE
    for style in ("python", "go", "cpp"):
        src = S_T7 + (GO_CROSSCHECK if style == "go" else "")
        token, _ = usersig(style)
        case(f"{style} style with sdkappid and identifier bound", ["SdkStyle"], "valid", src, token, T_TIME,
             t_verdict("valid"), sdkappid=T_APP, identifier=T_ID)
        token, _ = usersig(style, identifier="用户<&>é😀")
        case(f"unicode identifier, {style} style", ["SdkStyle", "EdgeValue"], "valid", src, token, T_TIME,
             t_verdict("valid"), identifier="用户<&>é😀")
    case("no bindings", [], "valid", S_T7, good, T_TIME, t_verdict("valid"))
    for now, cond in ((end - 1, "valid"), (end, "valid"), (end + 1, "expired")):
        case(f"now = time + expire {now - end:+d}", ["ExpiryBoundary"], "valid" if cond == "valid" else "invalid",
             S_GO, good, now, t_verdict(cond))
    zero, _ = usersig(expire=0)
    case("expire 0 at now = time", ["ExpiryBoundary"], "valid", S_GO, zero, T_TIME, t_verdict("valid"))
    case("expire 0 at now = time + 1", ["ExpiryBoundary"], "invalid", S_GO, zero, T_TIME + 1, t_verdict("expired"))
    neg, _ = usersig(expire=-1)
    case("expire -1 at now = time - 1", ["ExpiryBoundary", "EdgeValue"], "valid", S_GO, neg, T_TIME - 1,
         t_verdict("valid"))
    case("expire -1 at now = time", ["ExpiryBoundary", "EdgeValue"], "invalid", S_GO, neg, T_TIME,
         t_verdict("expired"))
    case("TLS.time a day after now", ["NoNotBefore"], "valid", S_GO, good, T_TIME - 86400, t_verdict("valid"))
    case("sdkappid differs", ["BindingMismatch"], "invalid", S_GO, good, T_TIME, t_verdict("app_id_mismatch"),
         sdkappid=T_APP + 1)
    case("identifier differs", ["BindingMismatch"], "invalid", S_GO, good, T_TIME, t_verdict("user_id_mismatch"),
         identifier="xiaojun2")
    case("identifier differs in case", ["BindingMismatch"], "invalid", S_GO, good, T_TIME,
         t_verdict("user_id_mismatch"), identifier="XiaoJun")
    case("identifier bound as empty string", ["BindingMismatch"], "invalid", S_GO, good, T_TIME,
         t_verdict("user_id_mismatch"), identifier="")

    other_key, _ = usersig(key="another key")
    late = end + 1
    case("wrong key, sdkappid differs, expired: sdkappid first", ["CheckOrder"], "invalid", S_GO, other_key, late,
         t_verdict("app_id_mismatch"), sdkappid=1, identifier="other")
    case("wrong key, identifier differs, expired: identifier next", ["CheckOrder"], "invalid", S_GO, other_key,
         late, t_verdict("user_id_mismatch"), sdkappid=T_APP, identifier="other")
    case("wrong key and expired: expiry before the HMAC", ["CheckOrder"], "invalid", S_GO, other_key, late,
         t_verdict("expired"), identifier=T_ID)
    case("wrong key, userbuf required but absent: userbuf before the HMAC", ["CheckOrder"], "invalid", S_GO,
         other_key, T_TIME, t_verdict("userbuf_mismatch"), userbuf_hex="00")
    case("wrong key", ["WrongKey"], "invalid", S_GO, other_key, T_TIME, t_verdict("bad_signature"))
    case("key upper-cased", ["WrongKey"], "invalid", S_GO, good, T_TIME, t_verdict("bad_signature"),
         key=T_KEY.upper())
    hexkey_sig = hmac.new(bytes.fromhex(T_KEY), (f"TLS.identifier:{T_ID}\nTLS.sdkappid:{T_APP}\nTLS.time:{T_TIME}\n"
                                                  f"TLS.expire:{T_EXPIRE}\n").encode(), hashlib.sha256).digest()
    case("signed with the key hex-decoded", ["KeyEncoding"], "invalid", S_T7,
         wrap_json(claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME, b64(hexkey_sig))), T_TIME,
         t_verdict("bad_signature"))
    case("empty key", ["MissingInput"], "invalid", S_TDOC, good, T_TIME, t_verdict("invalid_secret"), key="")
    case("empty token", ["MissingInput"], "invalid", "tls_sig_api_v2.h CHECK_ERR01", "", T_TIME,
         t_verdict("token_missing"))

    # userbuf.
    ub = pmk(room_id=10000)
    with_buf, _ = usersig(userbuf=ub)
    ub_obj = {"room_id": 10000, "privilege_map": 255, "expire_abs": (T_TIME + T_EXPIRE) & 0xFFFFFFFF}
    case("PrivateMapKey, userbuf bound as an object", ["PrivateMapKey"], "valid", S_GO, with_buf, T_TIME,
         t_verdict("valid"), sdkappid=T_APP, identifier=T_ID, userbuf=ub_obj)
    case("PrivateMapKey, userbuf bound as hex", ["PrivateMapKey"], "valid", S_GO, with_buf, T_TIME,
         t_verdict("valid"), userbuf_hex=hexs(ub))
    case("PrivateMapKey, userbuf not checked", ["PrivateMapKey"], "valid", S_TDOC, with_buf, T_TIME,
         t_verdict("valid"))
    for comment, change in (("privilege bits differ", {"privilege_map": 42}), ("room differs", {"room_id": 10001}),
                            ("expire_abs differs", {"expire_abs": 1}),
                            ("account differs", {"account": "someone"}),
                            ("string room instead of numeric", {"room_str": "10000", "room_id": 0})):
        case(f"PrivateMapKey, {comment}", ["UserbufMismatch"], "invalid", S_GO, with_buf, T_TIME,
             t_verdict("userbuf_mismatch"), identifier=T_ID, sdkappid=T_APP, userbuf=dict(ub_obj, **change))
    case("PrivateMapKey presented where a plain UserSig is required (userbuf \"none\")", ["UserbufMismatch"],
         "invalid", S_GO + " (VerifyUserSig)", with_buf, T_TIME, t_verdict("userbuf_mismatch"), userbuf="none")
    case("plain UserSig where a PrivateMapKey is required", ["UserbufMismatch"], "invalid", S_GO, good, T_TIME,
         t_verdict("userbuf_mismatch"), identifier=T_ID, sdkappid=T_APP, userbuf=ub_obj)
    case("plain UserSig, userbuf \"none\"", [], "valid", S_GO, good, T_TIME, t_verdict("valid"), userbuf="none")
    sub = pmk(room_str="room-A", privilege_map=42)
    str_room, _ = usersig(userbuf=sub)
    case("string-room PrivateMapKey bound with room_str", ["PrivateMapKey"], "valid", S_GO, str_room, T_TIME,
         t_verdict("valid"), identifier=T_ID, sdkappid=T_APP,
         userbuf={"room_str": "room-A", "privilege_map": 42, "expire_abs": (T_TIME + T_EXPIRE) & 0xFFFFFFFF})
    arbitrary, _ = usersig(userbuf=b"hello")
    case("arbitrary userbuf bound as hex", [], "valid", S_GO + " GenUserSigWithBuf", arbitrary, T_TIME,
         t_verdict("valid"), userbuf_hex=hexs(b"hello"))
    tampered_ub = pmk(room_id=10001)
    tampered = wrap_json(claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME,
                                     b64(t_sig(T_KEY, T_ID, T_APP, T_TIME, T_EXPIRE, ub)), b64(tampered_ub)))
    case("userbuf changed (room 10001) without re-signing, bound to the changed value", ["ModifiedTag"], "invalid",
         S_GO, tampered, T_TIME, t_verdict("bad_signature"), userbuf_hex=hexs(tampered_ub))
    dropped = wrap_json(claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME,
                                    b64(t_sig(T_KEY, T_ID, T_APP, T_TIME, T_EXPIRE, ub))))
    case("TLS.userbuf removed from a PrivateMapKey", ["ModifiedTag"], "invalid", S_GO, dropped, T_TIME,
         t_verdict("bad_signature"))

    # Signature mutations.
    def with_sig(sig_b64, **kw):
        return wrap_json(claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME, sig_b64, **kw))

    assert with_sig(b64(sig)) == good
    for comment, bad_sig in modified_tags(sig):
        case(comment, ["ModifiedTag"], "invalid", WYCHEPROOF, with_sig(b64(bad_sig)), T_TIME,
             t_verdict("bad_signature"))
    for n, flag in ((0, "SignatureStripped"), (1, "TruncatedTag"), (16, "TruncatedTag"), (31, "TruncatedTag"),
                    (33, "ExtendedTag"), (64, "ExtendedTag")):
        s = (sig + bytes(32))[:n] if n > 32 else sig[:n]
        case(f"TLS.sig of {n} bytes", [flag], "invalid", "suite-anchors.md §3", with_sig(b64(s)), T_TIME,
             t_verdict("bad_signature"))
    for comment, field, value in (("identifier", "identifier", "xiaojun2"), ("sdkappid", "sdkappid", T_APP + 1),
                                  ("time", "time_", T_TIME + 1), ("expire", "expire", T_EXPIRE + 1)):
        kw = {"identifier": T_ID, "sdkappid": T_APP, "expire": T_EXPIRE, "time_": T_TIME}
        kw[field] = value
        forged = wrap_json(claims_text("python", kw["identifier"], kw["sdkappid"], kw["expire"], kw["time_"],
                                       b64(sig)))
        case(f"{comment} changed without re-signing", ["ModifiedTag"], "invalid", S_T7, forged, T_TIME,
             t_verdict("bad_signature"))

    # Encodings.
    std = good.replace("*", "+").replace("-", "/").replace("_", "=")
    case("standard alphabet instead of '*-_': strict", ["NonCanonicalEncoding"], "acceptable", S_GO, std, T_TIME,
         t_verdict("malformed", "non_canonical_base64"))
    case("standard alphabet instead of '*-_': lenient", ["NonCanonicalEncoding"], "acceptable", S_GO, std, T_TIME,
         t_verdict("valid"), base64="lenient")
    mixed = good[:-1] + "="
    assert good.endswith("_")
    case("one character from the other alphabet: strict", ["NonCanonicalEncoding"], "acceptable", S_GO, mixed,
         T_TIME, t_verdict("malformed", "non_canonical_base64"))
    crlf = b64(sig)[:20] + "\r\n" + b64(sig)[20:]
    case("TLS.sig with CR LF inside: strict", ["NonCanonicalEncoding"], "acceptable", S_T7, with_sig(crlf), T_TIME,
         t_verdict("payload_invalid"))
    case("TLS.sig with CR LF inside: lenient", ["NonCanonicalEncoding"], "acceptable", S_T7, with_sig(crlf), T_TIME,
         t_verdict("valid"), base64="lenient")
    case("TLS.sig without padding: strict", ["NonCanonicalEncoding"], "acceptable", S_T7,
         with_sig(b64(sig).rstrip("=")), T_TIME, t_verdict("payload_invalid"))
    case("TLS.sig without padding: lenient", ["NonCanonicalEncoding"], "acceptable", S_T7,
         with_sig(b64(sig).rstrip("=")), T_TIME, t_verdict("valid"), base64="lenient")
    escaped = ('{"TLS.ver":"2\\u002e0","TLS.identifier":"\\u0078iaojun","TLS.sdkappid":1400000000,'
               '"TLS.expire":15552000,"TLS.time":1700000000,"TLS.sig":"%s"}' % b64(sig).replace("/", "\\/"))
    case("claims written with JSON escapes", ["EscapedJson"], "valid", "RFC 8259 §7", wrap_json(escaped), T_TIME,
         t_verdict("valid"), identifier=T_ID)

    # Layers.
    raw = zlib.compress(claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME, b64(sig)).encode())
    case("not base64", ["BadZlib"], "invalid", S_TDOC, "%%%%", T_TIME, t_verdict("malformed", "bad_base64"))
    case("zlib stream cut short", ["BadZlib"], "invalid", S_TDOC, b64tls(raw[:-6]), T_TIME,
         t_verdict("malformed", "bad_zlib"))
    case("a byte after the zlib stream", ["TrailingData"], "acceptable", S_GO, b64tls(raw + b"\x00"), T_TIME,
         t_verdict("malformed", "trailing_after_zlib"))
    bomb = claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME, b64(sig))[:-1] + " " * (300 * 1024) + "}"
    case("validly signed claims padded past 256 KiB (zlib bomb)", ["ZlibBomb"], "acceptable", S_GO + " (no cap)",
         wrap_json(bomb, 9), T_TIME, t_verdict("malformed", "zlib_too_large"))
    text = claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME, b64(sig))
    case("text after the JSON object", ["TrailingData"], "invalid", S_TDOC, wrap_json(text + "x"), T_TIME,
         t_verdict("malformed", "bad_json"))
    case("TLS.identifier repeated (first valid, second forged)", ["DuplicateKey"], "acceptable", S_TDOC,
         wrap_json(text[:-1] + ', "TLS.identifier": "admin"}'), T_TIME, t_verdict("malformed", "bad_json"))
    case("unknown member, validly signed claims", ["UnknownClaim"], "acceptable", S_GO,
         wrap_json(text[:-1] + ', "TLS.role": "admin"}'), T_TIME, t_verdict("payload_invalid"))
    case("TLS.time missing", ["MissingField"], "invalid", S_TDOC,
         wrap_json(text.replace(', "TLS.time": 1700000000', "")), T_TIME, t_verdict("payload_invalid"))
    case("TLS.sig missing", ["SignatureStripped", "MissingField"], "invalid", S_TDOC,
         wrap_json(text.replace(', "TLS.sig": "%s"' % b64(sig), "")), T_TIME, t_verdict("payload_invalid"))
    case("sdkappid as a string", ["WrongType"], "invalid", S_TDOC,
         wrap_json(text.replace("1400000000", '"1400000000"')), T_TIME, t_verdict("payload_invalid"))
    wrap_sig = t_sig(T_KEY, T_ID, T_APP, 2 ** 63 - 10, 100)
    case("time + expire overflows int64 (signed)", ["TimeWrap"], "invalid", S_TDOC,
         wrap_json(claims_text("python", T_ID, T_APP, 100, 2 ** 63 - 10, b64(wrap_sig))), T_TIME,
         t_verdict("payload_invalid"))
    case("TLS.ver \"1.0\"", ["VersionConfusion"], "invalid", S_TDOC,
         wrap_json(claims_text("python", T_ID, T_APP, T_EXPIRE, T_TIME, b64(sig), ver="1.0")), T_TIME,
         t_verdict("unsupported_version"))
    case("a Volcengine 001 token", ["VersionConfusion"], "invalid", "token-formats.md §7", V1_TOKEN, T_TIME,
         t_verdict("malformed", "non_canonical_base64"))
    # Appended last so earlier tcIds stay stable.
    case("validly signed claims with an extra member 1e400 (beyond binary64)", ["NumberRange"], "acceptable",
         S_TDOC, wrap_json(text[:-1] + ', "TLS.x": 1e400}'), T_TIME, t_verdict("malformed", "bad_json"))
    return vf


def check_local_zlib():
    """The golden Python/C++-style tokens depend on stock zlib's deflate output."""
    data = b'{"TLS.ver": "2.0", "TLS.identifier": "xiaojun"}'
    assert zlib.compress(data).hex() == ("789cab560af109d62b4b2d52b2525032d23350d251008b64a6a4e69564a66542242a"
                                         "3213f3b34af3946a013f4a0e49"), "unexpected zlib (level 6)"
    assert zlib.compress(data, 1).hex() == ("7801ab560af109d62b4b2d52b2525032d23350d251008b64a6a4e69564a66542"
                                            "242a3213f3b34af3946a013f4a0e49"), "unexpected zlib (level 1)"


# Every condition each verifier can return (docs/formats/{volc,tencent}.md "Check order").
VOLC_CONDITIONS = {"valid", "invalid_secret", "token_missing", "unsupported_version", "malformed", "invalid_app_id",
                   "app_id_mismatch", "bad_signature", "expired", "room_mismatch", "user_id_mismatch",
                   "privilege_missing", "privilege_expired"}
TENCENT_CONDITIONS = {"valid", "invalid_secret", "token_missing", "malformed", "unsupported_version",
                      "payload_invalid", "app_id_mismatch", "user_id_mismatch", "expired", "userbuf_mismatch",
                      "bad_signature"}


def check_coverage(verify, conditions, codes):
    """Every condition the verifier can return, and every vendor code of the table, occurs in a vector."""
    seen = {t["expected"]["condition"] for t in verify.tests}
    assert seen == conditions, (verify.scheme, conditions ^ seen)
    assert set(codes) == conditions, (verify.scheme, set(codes) ^ conditions)
    table = {(p, c) for rows in codes.values() for p, c, _ in rows}
    reached = {(v["platform"], v["code"]) for t in verify.tests for v in t["expected"]["vendor_codes"]}
    assert table == reached, (verify.scheme, table ^ reached)
    print(f"{verify.scheme}: {len(seen)} conditions and {len(table)} vendor codes all reached by verify vectors")


def main():
    check_local_zlib()
    files = [make() for make in (volc_build_file, volc_parse_file, volc_verify_file, tencent_build_file,
                                 tencent_parse_file, tencent_verify_file)]
    check_coverage(files[2], VOLC_CONDITIONS, VOLC_CODES)
    check_coverage(files[5], TENCENT_CONDITIONS, TENCENT_CODES)
    if "--crosscheck-go" in sys.argv[1:]:
        crosscheck_go()
    for vf in files:
        path = vf.write(ROOT)
        print(f"{os.path.relpath(path, os.path.dirname(ROOT))}: {len(vf.tests)} tests")


if __name__ == "__main__":
    main()
