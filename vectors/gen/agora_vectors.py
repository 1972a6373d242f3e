#!/usr/bin/env python3
"""Golden vectors for Agora AccessToken "006" and AccessToken2 "007".

An independent implementation of both formats (stdlib only: hmac, hashlib, zlib,
base64, struct, json), written from token-formats.md §0-§5 and the decisions in
docs/formats/agora.md. It never calls the C++ reference. It writes

    vectors/agora-006/{build,parse,verify}.json
    vectors/agora-007/{build,parse,verify}.json

through vectors/gen/vectorfile.py. Every mutation case states what the mutation
means (its expected condition/malformation); a small parser below, written from
the same byte tables, re-checks each declared outcome so a slip in the generator
fails here rather than in the conformance suite.

Run:  python3 vectors/gen/agora_vectors.py        (from anywhere; deterministic)

The compressed bytes of 007 build vectors come from the local zlib at the default
level. The generator refuses to run if that zlib does not reproduce Agora's
released C-zlib vectors (token-formats.md §4), so a machine with a different
deflate (zlib-ng, ...) cannot silently write different golden tokens.
"""
import base64
import hashlib
import hmac
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from vectorfile import VectorFile  # noqa: E402

ROOT = os.path.dirname(HERE)  # vectors/
GENERATOR = "vectors/gen/agora_vectors.py"

# crosscheck_agora_npm.mjs was run against these files and passed (see its header).
# Vectors it covers say so in their `source`; it fails if a vector claims a check
# it did not perform.
NPM_CROSSCHECK_PASSED = True
NPM_NOTE = ("; cross-checked with npm agora-token@2.0.6 / agora-access-token@2.0.4 "
            "(vectors/gen/crosscheck_agora_npm.mjs)")

# ---------------------------------------------------------------------------
# Common inputs of Agora's released tests (token-formats.md §4)
# ---------------------------------------------------------------------------
APP = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CH = "7d72365eb983485397e3e3f9d460bdda"
UID = 2882341273
USER = "test_user"
OTHER_APP = "0123456789abcdef0123456789ABCDEF"

S4 = "token-formats.md §4"
S6_TESTS = ("AgoraIO/Tools cpp test/AccessToken_test.cpp, go src/AccessToken/AccessToken_test.go and "
            "test/AccessToken_test.go, python3 test/AccessTokenTest.py, nodejs test/AccessTokenTest.js")
S7_TESTS = "AgoraIO/Tools cpp test/AccessToken2_test.cpp, python3 test/AccessToken2Test.py"
SEED_CODES = "seed 001_d4a146d8499d6d2a.txt"
WYCHEPROOF = "Wycheproof hmac_sha256_test.json ModifiedTag set (suite-anchors.md §1)"

# ---------------------------------------------------------------------------
# Agora's error codes per condition, restated from seed 001_d4a146d8499d6d2a.txt
# ("如何处理 Token 相关错误码？"): its table "各语言 Token 错误码对照表" gives the
# Java/C++/C# ("native"), Objective-C and JavaScript ("web") names. 110 covers an
# invalid token and a token whose App ID / user ID / channel differ; 119/120 are
# the Web codes for token-without-certificate / certificate-without-token; 109,
# 118 and 2 are "Token 已过期". Which tokcheck condition gets which code follows
# reference/vendors/agora/agora_codes.cc (the project's decision); rows in table order.
# ---------------------------------------------------------------------------
INVALID_110 = [("native", 110, "ERR_INVALID_TOKEN"), ("objc", 110, "AgoraErrorCodeInvalidToken"),
               ("web", 110, "ERR_NO_AUTHORIZED")]
CODES = {
    "valid": [],
    "malformed": INVALID_110,
    "unsupported_version": INVALID_110,
    "invalid_secret": INVALID_110,
    "bad_signature": INVALID_110,
    "app_id_mismatch": INVALID_110,
    "channel_mismatch": INVALID_110,
    "uid_mismatch": INVALID_110,
    "user_id_mismatch": INVALID_110,
    "service_missing": INVALID_110,
    "privilege_missing": INVALID_110,
    "token_missing": [("native", 110, "ERR_INVALID_TOKEN"), ("objc", 110, "AgoraErrorCodeInvalidToken"),
                      ("web", 120, "ERR_DYNAMIC_USE_STATIC_KEY")],
    "token_unexpected": [("native", 110, "ERR_INVALID_TOKEN"),
                         ("objc", 110, "AgoraErrorCodeInvalidToken"),
                         ("web", 119, "ERR_STATIC_USE_DYNAMIC_KEY")],
    "invalid_app_id": [("native", 101, "ERR_INVALID_APP_ID"), ("objc", 101, "AgoraErrorCodeInvalidAppId"),
                       ("web", 101, "ERR_INVALID_VENDOR_KEY")],
    "expired": [("native", 109, "ERR_TOKEN_EXPIRED"), ("objc", 109, "AgoraErrorCodeTokenExpired"),
                ("web", 109, "ERR_DYNAMIC_KEY_TIMEOUT"), ("web", 118, "ERR_DYNAMIC_KEY_EXPIRED"),
                ("web", 2, "K_TIMESTAMP_EXPIRED")],
    "privilege_expired": [("native", 109, "ERR_TOKEN_EXPIRED"), ("objc", 109, "AgoraErrorCodeTokenExpired"),
                          ("web", 109, "ERR_DYNAMIC_KEY_TIMEOUT")],
}


def vendor_codes(condition):
    return [{"platform": p, "code": c, "name": n} for p, c, n in CODES[condition]]


def verdict(condition, malformation=None, privilege=None):
    assert condition in CODES, condition
    assert (malformation is not None) == (condition == "malformed"), (condition, malformation)
    assert (privilege is not None) == (condition in ("privilege_missing", "privilege_expired"))
    return {"condition": condition, "malformation": malformation, "privilege": privilege,
            "vendor_codes": vendor_codes(condition)}


# ---------------------------------------------------------------------------
# Flags (Wycheproof bug types, suite-anchors.md §1 and §3)
# ---------------------------------------------------------------------------
NOTES = {
    "ReleasedVector": {"bugType": "BASIC",
                       "description": "A token published in Agora's own tests (token-formats.md §4), copied verbatim."},
    "UidRule": {"bugType": "DEFINED",
                "description": "Agora's uid rule: the number 0 is rendered as \"\", any other number as its "
                               "decimal digits, and a string uid is used verbatim (\"0\" stays \"0\"). token-formats.md §1."},
    "UnsortedInput": {"bugType": "FUNCTIONALITY",
                      "description": "Build input lists privileges, services or RTM2 permissions out of order; "
                                     "the token packs maps in ascending key order and services stably sorted by "
                                     "type (token-formats.md §0, §2)."},
    "MultiService": {"bugType": "FUNCTIONALITY",
                     "description": "A 007 token with several services, possibly several of one type "
                                    "(allowed in the 2026-07 code, token-formats.md §2)."},
    "EdgeValue": {"bugType": "EDGE_CASE",
                  "description": "Empty, unicode or extreme field values (u32/u16/i16 limits, empty strings)."},
    "BuildRefusal": {"bugType": "MODIFIED_PARAMETER",
                     "description": "Agora's builders refuse these inputs: appId/appCertificate not exactly 32 hex "
                                    "characters, a 007 token without services (token-formats.md §0, §4), or a "
                                    "field longer than a u16 length prefix can carry."},
    "ModifiedTag": {"bugType": "AUTH_BYPASS",
                    "description": "The signature has bits flipped (Wycheproof's ModifiedTag positions); the "
                                   "token is otherwise re-encoded correctly, so only the tag is wrong."},
    "TruncatedTag": {"bugType": "AUTH_BYPASS",
                     "description": "The signature field is shorter than 32 bytes (catches memcmp over the "
                                    "attacker's length)."},
    "ExtendedTag": {"bugType": "AUTH_BYPASS",
                    "description": "The signature field is longer than 32 bytes (the correct tag plus a byte)."},
    "SignatureStripped": {"bugType": "AUTH_BYPASS",
                          "description": "The signature is empty (length prefix 0) or its field removed."},
    "Truncated": {"bugType": "CAN_OF_WORMS",
                  "description": "The token ends inside a field. A fixed-size field or a length prefix that "
                                 "runs out is `truncated`; string data or map records that a complete length "
                                 "or count promises but the bytes do not hold is `length_overflow`."},
    "LengthPrefixOverflow": {"bugType": "CAN_OF_WORMS",
                             "description": "A u16 length or count points past the end of the data "
                                            "(e.g. 65535 privilege records in a few bytes)."},
    "TrailingData": {"bugType": "MALLEABILITY",
                     "description": "Bytes after the last field (after the 006 content or message, after the "
                                    "007 services, or after the zlib stream). The reference rejects them; "
                                    "Agora's parsers ignore them (token-formats.md §2, §5)."},
    "UnsortedMap": {"bugType": "MALLEABILITY",
                    "description": "A map's keys are not strictly ascending (unsorted or duplicated); every "
                                   "Agora builder sorts (token-formats.md §0). The reference rejects; Agora's "
                                   "parsers read such maps."},
    "AppIdNotHex": {"bugType": "MODIFIED_PARAMETER",
                    "description": "The app id carried in the token is not 32 hex characters; the reference "
                                   "rejects it as malformed (bad_app_id). 006, 32 characters and otherwise "
                                   "sound: acceptable in parse and verify alike, because Agora's 006 parsers "
                                   "take t[3:35] unchecked (token-formats.md §5), Agora ships no 006 "
                                   "verifier, and its Python3, Node and Go 006 builders sign any app id "
                                   "(§0), so a checker that recomputes their signature accepts it (only the "
                                   "C++ builder refuses; crosscheck_agora_npm.mjs confirms Node builds and "
                                   "reads these tokens). 006 with an app id of another length: the content "
                                   "is misaligned and no Agora parser reads it, invalid. 007: invalid in "
                                   "parse and verify alike, because Agora's C++, Go and Node 007 verifiers "
                                   "refuse it (-3 / isUuid, §2). One token, one class in every operation "
                                   "(docs/VECTORS.md)."},
    "VersionConfusion": {"bugType": "WRONG_PRIMITIVE",
                         "description": "A token of another version or vendor, or one format's body under the "
                                        "other's prefix (PASETO 4-F-3 analog)."},
    "NonCanonicalEncoding": {"bugType": "MALLEABILITY",
                             "description": "Non-canonical base64 (nonzero padding bits, missing padding, URL "
                                            "alphabet, embedded whitespace, text after the padding). The strict "
                                            "reference rejects it; Agora's C++ and Node decoders are lenient "
                                            "(token-formats.md §5)."},
    "LenientBase64": {"bugType": "LEGACY",
                      "description": "The request asks for lenient base64 (\"base64\": \"lenient\"), modelling "
                                     "Agora's C++/Node decoders: characters outside the alphabet skipped, '-' "
                                     "and '_' read as '+' and '/', decoding stops at the first '=', padding "
                                     "and padding bits ignored."},
    "AlternativeZlib": {"bugType": "FUNCTIONALITY",
                        "description": "The same payload compressed differently (as Go, Node, Dart, C# or Rust "
                                       "do); any valid zlib stream must parse and verify identically "
                                       "(token-formats.md §2 \"Compression is not canonical\")."},
    "NodeZlib": {"bugType": "FUNCTIONALITY",
                 "description": "A token compressed by Node 20's bundled zlib fork (1.3.1-e00f703) through npm "
                                "agora-token@2.0.6; its bytes differ from C zlib's."},
    "BadZlib": {"bugType": "CAN_OF_WORMS",
                "description": "The 007 body is not a complete, valid zlib stream (not zlib, raw deflate, gzip, "
                               "bad checksum, preset dictionary, cut short)."},
    "ZlibBomb": {"bugType": "CAN_OF_WORMS",
                 "description": "The zlib stream inflates past the 256 KiB cap on a token body "
                                "(docs/formats/agora.md, inferred); a parser must stop instead of allocating."},
    "InflateCap": {"bugType": "EDGE_CASE",
                   "description": "A validly signed 007 body at or just past the 256 KiB inflate cap; the cap "
                                  "is the reference's choice, so another implementation may report "
                                  "trailing bytes or accept."},
    "ExpiryBoundary": {"bugType": "EDGE_CASE",
                       "description": "now at expiry-1, expiry, expiry+1. Expired when now >= expiry (inferred, "
                                      "RFC 7519 exp); 006 ts is the absolute expiry, 007 expiry is issue_ts + "
                                      "expire."},
    "PrivilegeExpiry": {"bugType": "EDGE_CASE",
                        "description": "A required privilege's own expiry: 006 values are absolute, a 007 value "
                                       "v != 0 ends at issue_ts + v; the value 0 means no separate limit "
                                       "(inferred)."},
    "RequiredPrivileges": {"bugType": "DEFINED",
                           "description": "The caller requires privileges; each is checked in request order, "
                                          "first present then unexpired; the first failure is reported."},
    "TimeWrap": {"bugType": "EDGE_CASE",
                 "description": "issue_ts + expire beyond 2^32: expiry is computed without wrap-around."},
    "FutureIssue": {"bugType": "EDGE_CASE",
                    "description": "issue_ts after now. Agora defines no not-before check; the token is judged "
                                   "by its expiry only (inferred)."},
    "BindingMismatch": {"bugType": "AUTH_BYPASS",
                        "description": "The app id, channel, uid, user id or account the caller binds differs "
                                       "from the token's (seed 001_d4a146d8499d6d2a.txt, 110)."},
    "CrcCollision": {"bugType": "AUTH_BYPASS",
                     "description": "006 carries only CRC32s of the channel and uid; a bound value forged to the "
                                    "same CRC32 passes the CRC check but not the HMAC, which covers the full "
                                    "value. A verifier that trusts the CRCs alone accepts it."},
    "ServiceConfusion": {"bugType": "MODIFIED_PARAMETER",
                         "description": "A token for one 007 service presented for another (e.g. RTM for RTC)."},
    "WrongSecret": {"bugType": "AUTH_BYPASS",
                    "description": "A well-formed but wrong App Certificate (token-formats.md §4 negative cases)."},
    "KeyEncoding": {"bugType": "FUNCTIONALITY",
                    "description": "The certificate is HMAC key text exactly as given (case preserved, never "
                                   "hex-decoded, token-formats.md §0): the same hex digits in another case are "
                                   "another key."},
    "InvalidSecret": {"bugType": "MODIFIED_PARAMETER",
                      "description": "The verifier's certificate is not 32 hex characters (Agora: -3)."},
    "InvalidAppId": {"bugType": "MODIFIED_PARAMETER",
                     "description": "The app id the caller binds is not a valid App ID (seed "
                                    "001_d4a146d8499d6d2a.txt, 101)."},
    "CertificatePresence": {"bugType": "DEFINED",
                            "description": "Certificate enabled but no token (110 native / 120 Web), token but no "
                                           "certificate (110 / 119), or neither (not token-gated) "
                                           "(seed 001_d4a146d8499d6d2a.txt)."},
    "UnknownServiceType": {"bugType": "FUNCTIONALITY",
                           "description": "A 007 service type this implementation cannot lay out: parsing stops "
                                          "there, earlier services are kept, the token still verifies (every "
                                          "Agora parser does this, token-formats.md §2, §4). Strict "
                                          "implementations may reject."},
    "ServiceCount": {"bugType": "EDGE_CASE",
                     "description": "The declared 007 service count differs from the services present."},
}

# ---------------------------------------------------------------------------
# §0 primitives
# ---------------------------------------------------------------------------


def u16(v):
    return struct.pack("<H", v)


def u32(v):
    return struct.pack("<I", v)


def i16(v):
    return struct.pack("<h", v)


def utf8(s):
    return s.encode("utf-8") if isinstance(s, str) else bytes(s)


def pstr(s):
    """string = u16 byte length + raw bytes."""
    b = utf8(s)
    if len(b) > 0xFFFF:
        raise OverflowError("string longer than a u16 length prefix")
    return u16(len(b)) + b


def privmap(privileges, *, order=None):
    """map<u16,u32>: count, then (key, value) in ascending key order (or `order`, for mutations)."""
    items = [(int(k), v) for k, v in privileges.items()]
    items = sorted(dict(items).items()) if order is None else order
    return u16(len(items)) + b"".join(u16(k) + u32(v) for k, v in items)


def mac(key, msg):
    return hmac.new(utf8(key), utf8(msg), hashlib.sha256).digest()


def crc32(s):
    return zlib.crc32(utf8(s)) & 0xFFFFFFFF


def b64(data):
    return base64.b64encode(data).decode("ascii")


def is_hex32(s):
    return isinstance(s, str) and len(s) == 32 and all(c in "0123456789abcdefABCDEF" for c in s)


def uid_text(uid):
    """Agora's uid rule (token-formats.md §1)."""
    if isinstance(uid, int):
        return "" if uid == 0 else str(uid)
    return uid


# ---------------------------------------------------------------------------
# Base64 as the reference reads it (docs/formats/agora.md "Base64")
# ---------------------------------------------------------------------------
STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
LENIENT = {c: i for i, c in enumerate(STD)}
LENIENT.update({"-": 62, "_": 63})


def b64_strict(text):
    """Canonical only: the decoding re-encodes to exactly `text`."""
    try:
        data = base64.b64decode(text, validate=True)
    except Exception:
        return None
    return data if b64(data) == text else None


def b64_lenient(text):
    out, acc, bits = bytearray(), 0, 0
    for c in text:
        if c == "=":
            break
        if c not in LENIENT:
            continue
        acc = (acc << 6) | LENIENT[c]
        bits += 6
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
            acc &= (1 << bits) - 1
    return bytes(out)


def b64_read(text, lenient):
    """(bytes, None) or (None, malformation)."""
    data = b64_strict(text)
    if data is not None:
        return data, None
    if not any(c in LENIENT for c in text):
        return None, "bad_base64"
    if not lenient:
        return None, "non_canonical_base64"
    return b64_lenient(text), None


# ---------------------------------------------------------------------------
# §1 AccessToken 006
# ---------------------------------------------------------------------------


def message006(salt, ts, privileges):
    return u32(salt) + u32(ts) + privmap(privileges)


def sign006(cert, app_id, channel, uid, message):
    return mac(cert, utf8(app_id) + utf8(channel) + utf8(uid) + message)


def content006(sig, crc_ch, crc_uid, message):
    return pstr(sig) + u32(crc_ch) + u32(crc_uid) + pstr(message)


def token006(app_id, content):
    return "006" + app_id + b64(content)


def build006(inp):
    """The build adapter's contract: {"token"} or {"error": {"code"}} (docs/VECTORS.md)."""
    if not is_hex32(inp["app_id"]):
        return {"error": {"code": "bad_app_id"}}
    if not is_hex32(inp["app_certificate"]):
        return {"error": {"code": "bad_certificate"}}
    uid = uid_text(inp["uid"])
    m = message006(inp["salt"], inp["ts"], inp["privileges"])
    sig = sign006(inp["app_certificate"], inp["app_id"], inp["channel_name"], uid, m)
    return {"token": token006(inp["app_id"], content006(sig, crc32(inp["channel_name"]), crc32(uid), m))}


def fields006(inp):
    """The parse adapter's `fields` for a token built from `inp`."""
    uid = uid_text(inp["uid"])
    m = message006(inp["salt"], inp["ts"], inp["privileges"])
    sig = sign006(inp["app_certificate"], inp["app_id"], inp["channel_name"], uid, m)
    return {"version": "006", "app_id": inp["app_id"], "signature": sig.hex(),
            "crc_channel_name": crc32(inp["channel_name"]), "crc_uid": crc32(uid),
            "salt": inp["salt"], "ts": inp["ts"],
            "privileges": {str(k): v for k, v in sorted((int(k), v) for k, v in inp["privileges"].items())}}


class Malformed(Exception):
    def __init__(self, why):
        super().__init__(why)
        self.why = why


class Reader:
    """Bounds-checked reader: a fixed field that runs out is `truncated`; a length or
    count whose promised bytes are not there is `length_overflow`."""

    def __init__(self, data):
        self.data, self.pos = data, 0

    def left(self):
        return len(self.data) - self.pos

    def fixed(self, n):
        if self.left() < n:
            raise Malformed("truncated")
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def u16(self):
        return struct.unpack("<H", self.fixed(2))[0]

    def u32(self):
        return struct.unpack("<I", self.fixed(4))[0]

    def i16(self):
        return struct.unpack("<h", self.fixed(2))[0]

    def string(self):
        n = self.u16()
        if self.left() < n:
            raise Malformed("length_overflow")
        return self.fixed(n)

    def need_records(self, count, size):
        if self.left() < count * size:
            raise Malformed("length_overflow")

    def privmap(self):
        count = self.u16()
        self.need_records(count, 6)
        out, prev = {}, -1
        for _ in range(count):
            k, v = self.u16(), self.u32()
            if k <= prev:
                raise Malformed("unsorted_map")
            prev = k
            out[str(k)] = v
        return out

    def done(self):
        if self.left():
            raise Malformed("trailing_bytes")


def parse006(token, lenient=False):
    """(fields, None) or (None, malformation), independent of the C++ reference."""
    if token == "":
        return None, "empty"
    if not token.startswith("006"):
        return None, "bad_prefix"
    if len(token) < 35:
        return None, "truncated"
    app_id = token[3:35]
    if not is_hex32(app_id):
        return None, "bad_app_id"
    content, why = b64_read(token[35:], lenient)
    if why:
        return None, why
    try:
        r = Reader(content)
        sig = r.string()
        crc_ch, crc_uid = r.u32(), r.u32()
        msg = r.string()
        r.done()
        m = Reader(msg)
        salt, ts = m.u32(), m.u32()
        privs = m.privmap()
        m.done()
    except Malformed as e:
        return None, e.why
    return {"version": "006", "app_id": app_id, "signature": sig.hex(), "crc_channel_name": crc_ch,
            "crc_uid": crc_uid, "salt": salt, "ts": ts, "privileges": privs}, None


# ---------------------------------------------------------------------------
# §2 AccessToken2 007
# ---------------------------------------------------------------------------
SERVICE_NAMES = {1: "rtc", 2: "rtm", 3: "streaming", 4: "fpa", 5: "chat", 6: "fcdn", 7: "apaas", 8: "rtm2",
                 9: "convoai", 10: "stt"}


def rtm2_lists(permissions):
    """u16 nRes; per resource type (ascending): u16 type, u16 nPerm; per permission type
    (ascending): u16 type, u16 n, n × string."""
    out = u16(len(permissions))
    for res in sorted(permissions, key=int):
        perms = permissions[res]
        out += u16(int(res)) + u16(len(perms))
        for p in sorted(perms, key=int):
            out += u16(int(p)) + u16(len(perms[p])) + b"".join(pstr(n) for n in perms[p])
    return out


def service_bytes(s):
    t = s["type"]
    out = u16(t) + privmap(s.get("privileges", {}))
    if t == 1:
        out += pstr(s.get("channel_name", "")) + pstr(uid_text(s.get("uid", "")))
    elif t in (2, 5):
        out += pstr(s.get("user_id", ""))
    elif t in (3, 6):
        out += pstr(s.get("channel_name", "")) + pstr(s.get("account", ""))
    elif t == 7:
        out += pstr(s.get("room_uuid", "")) + pstr(s.get("user_uuid", "")) + i16(s.get("role", -1))
    elif t == 8:
        out += pstr(s.get("user_id", "")) + rtm2_lists(s.get("permissions", {}))
    elif t not in (4, 9, 10):
        raise ValueError(f"no layout for service type {t}")
    return out


def service_fields(s):
    t = s["type"]
    f = {"type": t, "name": SERVICE_NAMES[t],
         "privileges": {str(k): v for k, v in sorted((int(k), v) for k, v in s.get("privileges", {}).items())}}
    if t == 1:
        f["channel_name"] = s.get("channel_name", "")
        f["uid"] = uid_text(s.get("uid", ""))
    elif t in (2, 5):
        f["user_id"] = s.get("user_id", "")
    elif t in (3, 6):
        f["channel_name"] = s.get("channel_name", "")
        f["account"] = s.get("account", "")
    elif t == 7:
        f["room_uuid"] = s.get("room_uuid", "")
        f["user_uuid"] = s.get("user_uuid", "")
        f["role"] = s.get("role", -1)
    elif t == 8:
        f["user_id"] = s.get("user_id", "")
        perms = s.get("permissions", {})
        f["permissions"] = {str(r): {str(p): list(perms[r][p]) for p in sorted(perms[r], key=int)}
                            for r in sorted(perms, key=int)}
    return f


def ordered_services(services):
    return sorted(services, key=lambda s: s["type"])  # Python's sort is stable


def signing_info(app_id, issue_ts, expire, salt, service_blobs, count=None):
    return (pstr(app_id) + u32(issue_ts) + u32(expire) + u32(salt)
            + u16(len(service_blobs) if count is None else count) + b"".join(service_blobs))


def signing_key(cert, issue_ts, salt):
    k1 = hmac.new(u32(issue_ts), utf8(cert), hashlib.sha256).digest()
    return hmac.new(u32(salt), k1, hashlib.sha256).digest()


def sign007(cert, issue_ts, salt, info):
    return hmac.new(signing_key(cert, issue_ts, salt), info, hashlib.sha256).digest()


def deflate(data, level=-1, wbits=15, mem_level=8, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, wbits, mem_level, strategy)
    return c.compress(data) + c.flush()


def token007(payload, compressed=None):
    return "007" + b64(deflate(payload) if compressed is None else compressed)


def payload007(sig, info):
    return pstr(sig) + info


def signed_payload(info, issue_ts=1111111, salt=1, cert=CERT):
    """Signs raw (possibly mutated) signing-info bytes, so that only the mutation is wrong."""
    return payload007(sign007(cert, issue_ts, salt, info), info)


def info007(inp):
    blobs = [service_bytes(s) for s in ordered_services(inp["services"])]
    return signing_info(inp["app_id"], inp["issue_ts"], inp["expire"], inp["salt"], blobs)


def build007(inp):
    if not is_hex32(inp["app_id"]):
        return {"error": {"code": "bad_app_id"}}
    if not is_hex32(inp["app_certificate"]):
        return {"error": {"code": "bad_certificate"}}
    if not inp["services"]:
        return {"error": {"code": "no_services"}}
    if any(s["type"] not in SERVICE_NAMES for s in inp["services"]):
        return {"error": {"code": "unknown_service"}}
    try:
        info = info007(inp)
    except OverflowError:
        return {"error": {"code": "field_too_long"}}
    sig = sign007(inp["app_certificate"], inp["issue_ts"], inp["salt"], info)
    return {"token": token007(payload007(sig, info))}


def fields007(inp, services=None, unknown=None, sig=None):
    info = info007(inp)
    if sig is None:
        sig = sign007(inp["app_certificate"], inp["issue_ts"], inp["salt"], info)
    svcs = ordered_services(inp["services"]) if services is None else services
    return {"version": "007", "signature": sig.hex(), "app_id": inp["app_id"], "issue_ts": inp["issue_ts"],
            "expire": inp["expire"], "salt": inp["salt"], "services": [service_fields(s) for s in svcs],
            "unknown_service_type": unknown}


INFLATE_CAP = 256 * 1024


def inflate(data):
    d = zlib.decompressobj()
    try:
        out = d.decompress(data, INFLATE_CAP + 1)
    except zlib.error:
        return None, "bad_zlib"
    if len(out) > INFLATE_CAP:
        return None, "zlib_too_large"
    if not d.eof:
        return None, "bad_zlib"
    if d.unused_data:
        return None, "trailing_after_zlib"
    return out, None


def read_service(r):
    t = r.u16()
    if t not in SERVICE_NAMES:
        return None, t
    f = {"type": t, "name": SERVICE_NAMES[t], "privileges": r.privmap()}
    s = lambda: r.string().decode("utf-8")  # noqa: E731
    if t == 1:
        f["channel_name"], f["uid"] = s(), s()
    elif t in (2, 5):
        f["user_id"] = s()
    elif t in (3, 6):
        f["channel_name"], f["account"] = s(), s()
    elif t == 7:
        f["room_uuid"], f["user_uuid"], f["role"] = s(), s(), r.i16()
    elif t == 8:
        f["user_id"] = s()
        nres = r.u16()
        r.need_records(nres, 4)
        perms, prev_r = {}, -1
        for _ in range(nres):
            rt, nperm = r.u16(), r.u16()
            if rt <= prev_r:
                raise Malformed("unsorted_map")
            prev_r = rt
            r.need_records(nperm, 4)
            by, prev_p = {}, -1
            for _ in range(nperm):
                pt, n = r.u16(), r.u16()
                if pt <= prev_p:
                    raise Malformed("unsorted_map")
                prev_p = pt
                r.need_records(n, 2)
                by[str(pt)] = [s() for _ in range(n)]
            perms[str(rt)] = by
        f["permissions"] = perms
    return f, None


def parse007(token, lenient=False):
    if token == "":
        return None, "empty"
    if not token.startswith("007"):
        return None, "bad_prefix"
    compressed, why = b64_read(token[3:], lenient)
    if why:
        return None, why
    plain, why = inflate(compressed)
    if why:
        return None, why
    try:
        r = Reader(plain)
        sig = r.string()
        app_id = r.string().decode("utf-8", "replace")
        issue_ts, expire, salt, count = r.u32(), r.u32(), r.u32(), r.u16()
        services, unknown = [], None
        for _ in range(count):
            f, unknown = read_service(r)
            if f is None:
                break
            services.append(f)
        if unknown is None:
            r.done()
    except Malformed as e:
        return None, e.why
    if not is_hex32(app_id):
        return None, "bad_app_id"
    return {"version": "007", "signature": sig.hex(), "app_id": app_id, "issue_ts": issue_ts,
            "expire": expire, "salt": salt, "services": services, "unknown_service_type": unknown}, None


# ---------------------------------------------------------------------------
# Helpers shared by the file writers
# ---------------------------------------------------------------------------


def wycheproof_tags(sig):
    """(comment, modified tag) for Wycheproof's ModifiedTag set: bit k is bit k%8 of byte k//8."""
    def flip(bits):
        b = bytearray(sig)
        for k in bits:
            b[k // 8] ^= 1 << (k % 8)
        return bytes(b)
    out = [(f"flipped bit {k} in the signature", flip([k]))
           for k in (0, 1, 7, 8, 31, 32, 33, 63, 64, 71, 77, 80, 96, 97, 103, 120, 121, 126, 127, 248, 249,
                     254, 255)]
    out += [(f"flipped bits {a} and {b} in the signature", flip([a, b])) for a, b in ((0, 64), (31, 63), (63, 127))]
    out += [("all bits of the signature flipped", bytes(x ^ 0xFF for x in sig)),
            ("signature all zero", bytes(32)),
            ("signature all one bits", b"\xff" * 32),
            ("msb of every signature byte flipped", bytes(x ^ 0x80 for x in sig)),
            ("lsb of every signature byte flipped", bytes(x ^ 0x01 for x in sig))]
    assert len(out) == 31 and all(t != sig for _, t in out)
    return out


def forge_crc(prefix, target, alphabet=("0", "1"), positions=48):
    """A printable string `prefix` + `positions` chars from `alphabet` whose CRC32 is `target`.
    CRC32 is affine over GF(2), so choosing one of two characters per position is a linear
    system in the choice bits; it is solved by Gaussian elimination (deterministic)."""
    base = prefix + alphabet[0] * positions
    base_crc = crc32(base)
    columns = []
    for i in range(positions):
        s = list(base)
        s[len(prefix) + i] = alphabet[1]
        columns.append(crc32("".join(s)) ^ base_crc)
    want = base_crc ^ target
    # Solve sum(x_i * columns[i]) = want over GF(2).
    rows = []  # (pivot bit, vector, combination mask)
    for i, col in enumerate(columns):
        v, m = col, 1 << i
        for bit, rv, rm in rows:
            if v >> bit & 1:
                v, m = v ^ rv, m ^ rm
        if v:
            bit = v.bit_length() - 1
            rows = [(b, rv ^ v, rm ^ m) if rv >> bit & 1 else (b, rv, rm) for b, rv, rm in rows]
            rows.append((bit, v, m))
    mask = 0
    for bit, rv, rm in rows:
        if want >> bit & 1:
            want ^= rv
            mask ^= rm
    assert want == 0, "CRC forging system has no solution"
    s = list(base)
    for i in range(positions):
        if mask >> i & 1:
            s[len(prefix) + i] = alphabet[1]
    forged = "".join(s)
    assert crc32(forged) == target
    return forged


def with_source(source, crosschecked):
    return source + NPM_NOTE if (crosschecked and NPM_CROSSCHECK_PASSED) else source


def npm_checks_006_verify(inp, expected):
    """crosscheck_agora_npm.mjs rebuilds every valid 006 verify token with strict-base64 canonical
    bytes through agora-access-token (see its header)."""
    return expected["condition"] == "valid" and inp.get("token") and inp.get("app_certificate") \
        and inp.get("base64", "strict") == "strict"


def npm_checks_007_build(inp, expected):
    """crosscheck_agora_npm.mjs builds every valid 007 vector with AccessToken2 (comparing payloads after
    inflating) except APaaS role 0, which npm turns into -1; and checks that npm refuses what Agora's
    builders refuse (bad ids, no services)."""
    if "token" in expected:
        return not any(s["type"] == 7 and s.get("role") == 0 for s in inp["services"])
    return expected["error"]["code"] in ("bad_app_id", "bad_certificate", "no_services")


def npm_checks_007_parse(expected):
    """crosscheck_agora_npm.mjs parses every 007 token we parse with AccessToken2.from_string, except an
    RTM2 resource without permission lists, which npm's Rtm2Permissions cannot hold."""
    return expected["ok"] and not any(s["type"] == 8 and any(not p for p in s["permissions"].values())
                                      for s in expected["fields"]["services"])


def npm_checks_007_verify(inp, expected):
    """crosscheck_agora_npm.mjs parses every 007 verify token that the reference finds valid or
    bad_signature (with a well-formed certificate) through agora-token's AccessToken2."""
    return expected["condition"] in ("valid", "bad_signature") and inp.get("token") \
        and is_hex32(inp.get("app_certificate") or "")


# ---------------------------------------------------------------------------
# agora-006
# ---------------------------------------------------------------------------
V6_1 = "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW"
V6_2 = "006970CA35de60c44645bbae8a215061b33IACw1o7htY6ISdNRtku3p9tjTPi0jCKf9t49UHJhzCmL6bdIfRAAAAAAEAABAAAAR/QQAAEAAQCvKDdW"


def in006(channel=CH, uid=UID, salt=1, ts=1111111, privileges=None, app_id=APP, cert=CERT):
    return {"app_id": app_id, "app_certificate": cert, "channel_name": channel, "uid": uid, "salt": salt,
            "ts": ts, "privileges": {"1": 1446455471} if privileges is None else privileges}


# Tokens used by parse and verify; each with the binding and a `now` at which it is valid.
# (key, comment, flags, source, build input, now)
CASES_006 = [
    ("v6_1_num", "V6-1: uid 2882341273 as a number, {1: 1446455471}, salt 1, ts 1111111", ["ReleasedVector"],
     f"{S4} V6-1; {S6_TESTS}", in006(), 1111000),
    ("v6_1_str", "V6-1 with uid \"2882341273\" as a string: identical token", ["ReleasedVector", "UidRule"],
     f"{S4} V6-1 (int or string uid); {S6_TESTS}", in006(uid="2882341273"), 1111000),
    ("v6_2", "V6-2: uid 0 is packed as the empty string", ["ReleasedVector", "UidRule"],
     f"{S4} V6-2; {S6_TESTS}", in006(uid=0), 1111000),
    ("uid_str0", "uid \"0\" as a string stays \"0\" (differs from V6-2)", ["UidRule"],
     "token-formats.md §1 uid rule", in006(uid="0"), 1111000),
    ("uid_empty", "uid \"\" as a string: the same token as V6-2 (uid 0)", ["UidRule"],
     "token-formats.md §1 uid rule", in006(uid=""), 1111000),
    ("uid_max", "uid 4294967295 (largest u32) as a number", ["UidRule", "EdgeValue"],
     "token-formats.md §1 uid rule", in006(uid=4294967295), 1111000),
    ("uid_zeros", "string uid \"007\" with leading zeros is used verbatim", ["UidRule"],
     "token-formats.md §1 uid rule", in006(uid="007"), 1111000),
    ("account", "user account \"test_user\" as uid (BuildTokenWithUserAccount)", [],
     "token-formats.md §1, §4 (user test_user)", in006(uid=USER), 1111000),
    ("publisher", "RtcTokenBuilder role Publisher: privileges 1,2,3,4 with one expiry", [],
     "token-formats.md §1 RtcTokenBuilder roles",
     in006(privileges={"1": 1446455471, "2": 1446455471, "3": 1446455471, "4": 1446455471}), 1111000),
    ("admin101", "privilege 101 kAdministrateChannel (C++ enum only) beside 1", [],
     "token-formats.md §1 privileges", in006(privileges={"1": 1446455471, "101": 1446455471}), 1111000),
    ("rtm", "RtmTokenBuilder 006: channel slot = user account \"test_user\", uid \"\", {1000: 1446455471}", [],
     "token-formats.md §1 RtmTokenBuilder (006)", in006(channel=USER, uid="", privileges={"1000": 1446455471}),
     1111000),
    ("empty_channel", "empty channel name (crc32(\"\") = 0)", ["EdgeValue"],
     "token-formats.md §0 (crc32(\"\")=0)", in006(channel=""), 1111000),
    ("unicode", "unicode channel and user account, hashed and CRC'd as UTF-8", ["EdgeValue"],
     "token-formats.md §0 (UTF-8 strings)", in006(channel="频道-Ω 🎧", uid="用户_ü"), 1111000),
    ("unsorted", "privileges given as 4,3,2,1: packed in ascending key order", ["UnsortedInput"],
     "token-formats.md §0 map order", in006(privileges={"4": 1446455474, "3": 1446455473, "2": 1446455472,
                                                       "1": 1446455471}), 1111000),
    ("no_privs", "no privileges at all (count 0)", ["EdgeValue"], "token-formats.md §0 map",
     in006(privileges={}), 1111000),
    ("priv_zero", "privilege value 0 (the builders' default)", ["EdgeValue"],
     "token-formats.md §1 (builders default privileges to 0)", in006(privileges={"1": 0}), 1111000),
    ("extremes", "salt, ts and a privilege at 0xFFFFFFFF; keys 0 and 65535", ["EdgeValue"],
     "token-formats.md §0 (u16 keys, u32 values)",
     in006(salt=0xFFFFFFFF, ts=0xFFFFFFFF, privileges={"65535": 0xFFFFFFFF, "0": 0}), 1700000000),
    ("lower_hex", "app id and certificate in lower-case hex are used as given", ["EdgeValue"],
     "token-formats.md §0 (case preserved)", in006(app_id=APP.lower(), cert=CERT.lower()), 1111000),
    ("realistic", "a realistic token: ts = 1700000000 + 24 h, privileges at +1 h / +2 h / 0", [],
     "token-formats.md §1 (ts = now + 24*3600)",
     in006(salt=12345678, ts=1700086400, uid=UID,
           privileges={"1": 1700003600, "2": 1700003600, "3": 1700007200, "4": 0}), 1700000000),
]


def agora006(root):
    header_common = ["Agora AccessToken \"006\" (token-formats.md §1; docs/formats/agora.md).",
                     "Generated by vectors/gen/agora_vectors.py, an independent Python implementation; "
                     "released vectors are copied from Agora's tests (token-formats.md §4)."]
    build = VectorFile("agora-006", "build", GENERATOR, header_common + [
        "build: input as Agora's builders take it with salt and ts injected; expected is the exact token, "
        "or the adapter's error code when Agora's builders refuse."], NOTES)
    parse = VectorFile("agora-006", "parse", GENERATOR, header_common + [
        "parse: the token's fields (signature as lowercase hex, privileges as {\"<id>\": value}), or why it "
        "is malformed. Strict base64 unless the input says \"base64\": \"lenient\"."], NOTES)
    verify = VectorFile("agora-006", "verify", GENERATOR, header_common + [
        "verify: check order certificate shape -> decode -> app id -> channel CRC -> uid CRC -> signature -> "
        "expiry (now >= ts) -> required privileges (present, then unexpired; 0 = no separate limit).",
        "vendor_codes restate seed 001_d4a146d8499d6d2a.txt per condition, in table order."], NOTES)

    tokens = {}
    for key, comment, flags, source, inp, now in CASES_006:
        out = build006(inp)
        tokens[key] = out["token"]
        build.add(comment, flags, "valid", with_source(source, True), inp, out)
    assert tokens["v6_1_num"] == V6_1 and tokens["v6_1_str"] == V6_1, "V6-1 does not rebuild"
    assert tokens["v6_2"] == V6_2 and tokens["uid_empty"] == V6_2, "V6-2 does not rebuild"

    refusals = [
        ("appId \"invalid\"", dict(app_id="invalid"), "bad_app_id"),
        ("appCertificate \"invalid\"", dict(cert="invalid"), "bad_certificate"),
        ("appId with a non-hex first character (Z70C…)", dict(app_id="Z" + APP[1:]), "bad_app_id"),
        ("appCertificate with a non-hex last character (…d3Z)", dict(cert=CERT[:-1] + "Z"), "bad_certificate"),
        ("appId of 31 hex characters", dict(app_id=APP[:31]), "bad_app_id"),
        ("appId of 33 hex characters", dict(app_id=APP + "0"), "bad_app_id"),
        ("empty appId", dict(app_id=""), "bad_app_id"),
        ("empty appCertificate", dict(cert=""), "bad_certificate"),
        ("appId written as a dashed UUID (36 characters)",
         dict(app_id=f"{APP[:8]}-{APP[8:12]}-{APP[12:16]}-{APP[16:20]}-{APP[20:]}"), "bad_app_id"),
        ("both invalid: the app id is checked first (inferred)", dict(app_id="invalid", cert="invalid"),
         "bad_app_id"),
    ]
    for comment, kw, code in refusals:
        inp = in006(**kw)
        assert build006(inp) == {"error": {"code": code}}
        build.add(f"build refuses: {comment}", ["BuildRefusal"], "invalid",
                  f"{S4} negative cases; token-formats.md §0 (C++ builder refuses non-32-hex appId/cert)",
                  inp, {"error": {"code": code}})

    # ---------------- parse ----------------
    def parse_ok(comment, flags, source, token, fields, lenient=False, result="valid"):
        got, why = parse006(token, lenient)
        assert why is None and got == fields, (comment, why, got, fields)
        inp = {"token": token}
        if lenient:
            inp["base64"] = "lenient"
        parse.add(comment, flags, result, source, inp, {"ok": True, "fields": fields})

    def parse_bad(comment, flags, source, token, why, result="invalid", lenient=False, npm=False):
        _, got = parse006(token, lenient)
        assert got == why, (comment, got, why)
        condition = "unsupported_version" if why == "bad_prefix" else "malformed"
        inp = {"token": token}
        if lenient:
            inp["base64"] = "lenient"
        # A malformation is named only under "malformed" (docs/VECTORS.md), as verify does.
        parse.add(comment, flags, result, with_source(source, npm), inp,
                  {"ok": False, "condition": condition, "malformation": why if condition == "malformed" else None})

    for key, comment, flags, source, inp, now in CASES_006:
        parse_ok(comment, flags, source, tokens[key], fields006(inp))

    base = in006()
    uid = uid_text(base["uid"])
    msg = message006(1, 1111111, base["privileges"])
    sig = sign006(CERT, APP, CH, uid, msg)
    crc_ch, crc_uid = crc32(CH), crc32(uid)
    good_content = content006(sig, crc_ch, crc_uid, msg)
    assert token006(APP, good_content) == V6_1
    GEN = f"{GENERATOR} mutation of {S4} V6-1"

    def resigned(message):
        return content006(sign006(CERT, APP, CH, uid, message), crc_ch, crc_uid, message)

    # Signature length variants: the parser reports whatever signature is there; only verify judges it.
    for comment, flags, s in [("signature field empty (length 0)", ["SignatureStripped"], b""),
                              ("signature of 33 bytes (tag + 00)", ["ExtendedTag"], sig + b"\x00")]:
        t = token006(APP, content006(s, crc_ch, crc_uid, msg))
        f = dict(fields006(base), signature=s.hex())
        parse_ok(f"{comment}: parses; only verify judges the tag", flags, GEN, t, f)

    # Truncation at every field boundary of the content (and inside fields), canonical base64.
    content_cuts = [(0, "empty content", "truncated"), (1, "inside the signature length", "truncated"),
                    (2, "after the signature length (32 promised, 0 present)", "length_overflow"),
                    (18, "inside the signature", "length_overflow"),
                    (34, "before crcChannelName", "truncated"), (36, "inside crcChannelName", "truncated"),
                    (38, "before crcUid", "truncated"), (42, "before the message length", "truncated"),
                    (43, "inside the message length", "truncated"),
                    (44, "after the message length (16 promised, 0 present)", "length_overflow"),
                    (52, "inside the message", "length_overflow"),
                    (59, "one byte short of the end", "length_overflow")]
    for cut, where, why in content_cuts:
        parse_bad(f"content truncated at byte {cut}: {where}", ["Truncated"], GEN,
                  token006(APP, good_content[:cut]), why)
    message_cuts = [(0, "empty message", "truncated"), (2, "inside salt", "truncated"),
                    (4, "before ts", "truncated"), (8, "before the privilege count", "truncated"),
                    (9, "inside the privilege count", "truncated"),
                    (10, "count 1, no record", "length_overflow"),
                    (12, "inside the privilege record", "length_overflow")]
    for cut, where, why in message_cuts:
        parse_bad(f"message truncated at byte {cut} ({where}); message length and signature fixed up",
                  ["Truncated"], GEN, token006(APP, resigned(msg[:cut])), why)
    parse_bad("token shorter than prefix + 32-character app id (\"006invalid\")", ["Truncated"],
              f"{S4} negative cases (parse fails)", "006invalid", "truncated")
    parse_bad("token is only the prefix \"006\"", ["Truncated"], GEN, "006", "truncated")
    parse_bad("prefix and app id only: empty content", ["Truncated"], GEN, "006" + APP, "truncated")

    # Length prefixes past the end.
    over = [("signature length 0xFFFF", u16(0xFFFF) + good_content[2:]),
            ("signature length 33 (one past the signature, eating into the CRCs)", u16(33) + good_content[2:]),
            ("message length 0xFFFF", good_content[:42] + u16(0xFFFF) + good_content[44:]),
            ("message length 17 (one past the end)", good_content[:42] + u16(17) + good_content[44:])]
    # (signature length 33 swallows a CRC byte; the message length is then read from the
    # message's own first bytes, 0x0100, which also points past the end.)
    for comment, content in over:
        parse_bad(comment, ["LengthPrefixOverflow"], GEN, token006(APP, content), "length_overflow")
    parse_bad("privilege count 65535 with one record present (signature fixed up)", ["LengthPrefixOverflow"],
              GEN, token006(APP, resigned(msg[:8] + u16(0xFFFF) + msg[10:])), "length_overflow")

    # Trailing bytes and non-canonical maps: Agora's parsers accept them (token-formats.md §5).
    parse_bad("one byte after the message string", ["TrailingData"], GEN + "; token-formats.md §5",
              token006(APP, good_content + b"\x00"), "trailing_bytes", "acceptable")
    parse_bad("four bytes inside the message after the privilege map (signature fixed up)", ["TrailingData"],
              GEN + "; token-formats.md §5", token006(APP, resigned(msg + b"\x00\x00\x00\x00")),
              "trailing_bytes", "acceptable")
    unsorted_msg = u32(1) + u32(1111111) + privmap({}, order=[(2, 1446455471), (1, 1446455471)])
    parse_bad("privilege map keys 2, 1 (unsorted; signature fixed up)", ["UnsortedMap"], GEN,
              token006(APP, resigned(unsorted_msg)), "unsorted_map", "acceptable")
    dup_msg = u32(1) + u32(1111111) + privmap({}, order=[(1, 1446455471), (1, 1446455471)])
    parse_bad("privilege key 1 twice (signature fixed up)", ["UnsortedMap"], GEN,
              token006(APP, resigned(dup_msg)), "unsorted_map", "acceptable")
    bad_app = "Z70CA35de60c44645bbae8a215061b33"
    bad_app_content = content006(sign006(CERT, bad_app, CH, uid, msg), crc_ch, crc_uid, msg)
    parse_bad("app id \"Z70C…\" (not hex), signed with it", ["AppIdNotHex"], GEN + "; token-formats.md §5",
              token006(bad_app, bad_app_content), "bad_app_id", "acceptable", npm=True)
    # 33 characters, not 32: Agora's parsers read t[3:35] and then base64 shifted by one
    # character, which none of them decodes (issue 8; was mislabelled 32 and acceptable).
    parse_bad("app id of 33 characters with dashes on V6-1's body: t[3:35] holds dashes and the content "
              "is shifted by one character", ["AppIdNotHex"], GEN + "; token-formats.md §5",
              "006" + "970CA35d-e60c-4464-5bba-e8a215061" + V6_1[35:], "bad_app_id", "invalid", npm=True)

    # Version confusion.
    t7 = "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj"
    confusions = [
        ("released 007 vector A under the 006 parser", t7, "bad_prefix", f"{S4} vector A"),
        ("\"007invalid\" under the 006 parser", "007invalid", "bad_prefix", f"{S4} negative cases"),
        ("007 body under a \"006\" prefix: its first 32 characters are not a hex app id", "006" + t7[3:],
         "bad_app_id", f"{GENERATOR} ({S4} vector A re-prefixed)"),
        ("DynamicKey5 \"005\" token", "005AQAoAEJERTJDRDdFNkZDNkU0ODYxNkYxQTYwOUVFNTM1M0U5ODNCQjFDNDQQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==",
         "bad_prefix", "token-formats.md §3 (DynamicKey5 test vector)"),
        ("Volcengine \"001\" token", "001123456781234567812345678QwB4VjQSAPFTZYBCVWUIAG5ldyByb29tCwBuZXcgdXNlciBpZAUAAACAQlVlAQCAQlVlAgCAQlVlAwCAQlVlBAAAAAAAIAAzxOykEMtwIRCmMVrGzrql8EBRNKoK7XTLa7DgEpxfEg==",
         "bad_prefix", "token-formats.md (Volcengine §7 V1)"),
        ("ZEGO \"04\" token", "04AAAAAGVT/xAAEDAxMjM0NTY3ODlhYmNkZWYAcPDOWcZeMCPxbh1dpHzCTREIwK2oIO5x78Qlcu9iUMPYkqBI5TvjB3JwCxC9+klE8/eu//t2uE7+o7gQ53yB/JkIFUA6xyD5rb5rd5NER5knvdDJH2auGOam8ZKJG5qT/1t+UUUnbL8ghIsUgkbwAAg=",
         "bad_prefix", "token-formats.md (ZEGO §3 Z1)"),
        ("V6-1 behind a leading space", " " + V6_1, "bad_prefix", GEN),
        ("\"00\"", "00", "bad_prefix", f"{S4} negative cases"),
        ("empty token", "", "empty", GEN),
    ]
    for comment, t, why, source in confusions:
        parse_bad(comment, ["VersionConfusion"], source, t, why)

    # Base64: non-canonical spellings are rejected strictly and read leniently. A 006 content
    # is always 54 + 6n bytes, a multiple of 3, so 006 tokens never carry padding; the padding
    # cases live in agora-007.
    noncanon = [
        ("URL-safe alphabet ('-' and '_' for '+' and '/')", V6_1.replace("+", "-").replace("/", "_")),
        ("newline inside the base64", V6_1[:60] + "\n" + V6_1[60:]),
        ("space inside the base64", V6_1[:60] + " " + V6_1[60:]),
        ("CRLF at the end", V6_1 + "\r\n"),
        ("superfluous padding \"====\" after unpadded base64", V6_1 + "===="),
        ("tab before the base64", "006" + APP + "\t" + V6_1[35:]),
    ]
    assert "+" in V6_1 and "/" in V6_1 and len(good_content) % 3 == 0
    for comment, t in noncanon:
        fields = fields006(base)
        parse_bad(f"{comment}: strict", ["NonCanonicalEncoding"], GEN + "; token-formats.md §5", t,
                  "non_canonical_base64", "acceptable")
        parse_ok(f"{comment}: lenient reads the same bytes", ["NonCanonicalEncoding", "LenientBase64"],
                 GEN + "; token-formats.md §5", t, fields, lenient=True)
    parse_bad("content \"invalid\" (not base64; decodes leniently to garbage)", ["NonCanonicalEncoding"],
              f"{S4} negative cases (\"006\"+appId+\"invalid\")", "006" + APP + "invalid", "non_canonical_base64",
              "acceptable")
    parse_bad("content \"invalid\" read leniently: 5 bytes, too short for the signature", ["LenientBase64"],
              f"{S4} negative cases", "006" + APP + "invalid", "length_overflow", lenient=True)
    parse_bad("content \"!\": no base64 character at all", [], f"{S4} negative cases (\"!\")",
              "006" + APP + "!", "bad_base64")

    # ---------------- verify ----------------
    def vadd(comment, flags, result, source, inp, exp, npm=True):
        crosschecked = npm and (npm_checks_006_verify(inp, exp) or "AppIdNotHex" in flags)
        verify.add(comment, flags, result, with_source(source, crosschecked), inp, exp)

    def vin(token, now, channel=CH, uid=UID, cert=CERT, app_id=APP, privileges=None, b64mode=None):
        d = {"token": token, "app_certificate": cert, "now": now}
        if app_id is not None:
            d["app_id"] = app_id
        d["channel_name"] = channel
        d["uid"] = uid
        if privileges is not None:
            d["privileges"] = privileges
        if b64mode:
            d["base64"] = b64mode
        return d

    for key, comment, flags, source, inp, now in CASES_006:
        required = sorted(int(k) for k in inp["privileges"] if k != "0")
        vadd(f"{comment}: valid at now={now}", flags, "valid", source,
             vin(tokens[key], now, inp["channel_name"], inp["uid"], inp["app_certificate"], inp["app_id"],
                 required), verdict("valid"))

    vadd("V6-1 with no app id bound (the caller need not bind it)", [], "valid", f"{S4} V6-1",
         vin(V6_1, 1111000, app_id=None), verdict("valid"))

    # Wycheproof ModifiedTag set on V6-1's signature.
    for comment, tag in wycheproof_tags(sig):
        vadd(comment, ["ModifiedTag"], "invalid", f"{WYCHEPROOF}; {S4} V6-1",
             vin(token006(APP, content006(tag, crc_ch, crc_uid, msg)), 1111000), verdict("bad_signature"))
    for n in (0, 1, 16, 31):
        vadd(f"signature truncated to {n} bytes", ["SignatureStripped" if n == 0 else "TruncatedTag"],
             "invalid", f"suite-anchors.md §3 TruncatedTag; {S4} V6-1",
             vin(token006(APP, content006(sig[:n], crc_ch, crc_uid, msg)), 1111000), verdict("bad_signature"))
    vadd("signature extended to 33 bytes (correct tag + 00)", ["ExtendedTag"], "invalid",
         f"suite-anchors.md §3 ExtendedTag; {S4} V6-1",
         vin(token006(APP, content006(sig + b"\x00", crc_ch, crc_uid, msg)), 1111000), verdict("bad_signature"))
    vadd("signature field removed (content starts at crcChannelName)", ["SignatureStripped"], "invalid",
         GEN, vin(token006(APP, good_content[34:]), 1111000), verdict("malformed", "length_overflow"))
    assert parse006(token006(APP, good_content[34:]))[1] == "length_overflow"
    vadd("content truncated inside the message", ["Truncated"], "invalid", GEN,
         vin(token006(APP, good_content[:52]), 1111000), verdict("malformed", "length_overflow"))
    vadd("privilege count 65535 with one record (signature fixed up)", ["LengthPrefixOverflow"], "invalid",
         GEN, vin(token006(APP, resigned(msg[:8] + u16(0xFFFF) + msg[10:])), 1111000),
         verdict("malformed", "length_overflow"))
    vadd("one byte after the message string (signature still valid)", ["TrailingData"], "acceptable",
         GEN + "; token-formats.md §5", vin(token006(APP, good_content + b"\x00"), 1111000),
         verdict("malformed", "trailing_bytes"))
    vadd("privilege keys 2, 1 unsorted (validly signed)", ["UnsortedMap"], "acceptable", GEN,
         vin(token006(APP, resigned(unsorted_msg)), 1111000, privileges=[1]), verdict("malformed", "unsorted_map"))
    # acceptable, as in parse: Agora's 006 code never checks the app id's shape (§0, §5).
    vadd("app id \"Z70C…\" in the token (validly signed with it)", ["AppIdNotHex"], "acceptable",
         GEN + "; token-formats.md §0, §5", vin(token006(bad_app, bad_app_content), 1111000, app_id=None),
         verdict("malformed", "bad_app_id"))
    vadd("007 vector A presented to the 006 verifier", ["VersionConfusion"], "invalid", f"{S4} vector A",
         vin(t7, 1111000), verdict("unsupported_version"))
    vadd("007 body under a \"006\" prefix", ["VersionConfusion"], "invalid", GEN,
         vin("006" + t7[3:], 1111000), verdict("malformed", "bad_app_id"))
    vadd("DynamicKey5 \"005\" token", ["VersionConfusion"], "invalid", "token-formats.md §3",
         vin(confusions[3][1], 1111000), verdict("unsupported_version"))
    for comment, t in noncanon[:5]:
        vadd(f"{comment}: strict", ["NonCanonicalEncoding"], "acceptable", GEN + "; token-formats.md §5",
             vin(t, 1111000), verdict("malformed", "non_canonical_base64"))
        vadd(f"{comment}: lenient", ["NonCanonicalEncoding", "LenientBase64"], "valid",
             GEN + "; token-formats.md §5", vin(t, 1111000, privileges=[1], b64mode="lenient"), verdict("valid"))

    # Expiry: the token (ts) and a privilege (absolute).
    for now, cond in ((1111110, "valid"), (1111111, "expired"), (1111112, "expired")):
        vadd(f"V6-1 at now = ts{now - 1111111:+d} (ts 1111111)", ["ExpiryBoundary"],
             "valid" if cond == "valid" else "invalid", f"{S4} V6-1; docs/formats/agora.md expiry (inferred)",
             vin(V6_1, now), verdict(cond))
    rt = tokens["realistic"]
    for now, cond in ((1700003599, "valid"), (1700003600, "privilege_expired"), (1700003601, "privilege_expired")):
        vadd(f"privilege 1 (expires 1700003600) required at now = {now}; token ts 1700086400",
             ["PrivilegeExpiry", "ExpiryBoundary"], "valid" if cond == "valid" else "invalid",
             f"{GENERATOR}; docs/formats/agora.md (privilege values are absolute, inferred)",
             vin(rt, now, uid=UID, privileges=[1]), verdict(cond, privilege=1 if cond != "valid" else None))
    vadd("privilege 1 expired but not required: the token is valid", ["PrivilegeExpiry"], "valid", GENERATOR,
         vin(rt, 1700050000, privileges=[]), verdict("valid"))
    vadd("privilege 4 has value 0 (no separate limit): valid one second before ts", ["PrivilegeExpiry"], "valid",
         GENERATOR + "; docs/formats/agora.md (0 = no separate limit, inferred)",
         vin(rt, 1700086399, privileges=[4]), verdict("valid"))
    vadd("privilege 4 (value 0) required after ts: the token has expired", ["PrivilegeExpiry", "ExpiryBoundary"],
         "invalid", GENERATOR, vin(rt, 1700086400, privileges=[4]), verdict("expired"))
    vadd("privileges [3, 1] at 1700005000: 1 has expired, 3 has not", ["RequiredPrivileges", "PrivilegeExpiry"],
         "invalid", GENERATOR, vin(rt, 1700005000, privileges=[3, 1]), verdict("privilege_expired", privilege=1))
    vadd("required privilege 1000 absent from an RTC token", ["RequiredPrivileges"], "invalid", GENERATOR,
         vin(rt, 1700000000, privileges=[1, 2, 3, 4, 1000]), verdict("privilege_missing", privilege=1000))
    vadd("V6-1 requires publish audio (2), which it lacks", ["RequiredPrivileges"], "invalid", f"{S4} V6-1",
         vin(V6_1, 1111000, privileges=[2]), verdict("privilege_missing", privilege=2))
    vadd("privileges [2, 1] at 1700005000: 2 is checked first and is live; 1 has expired",
         ["RequiredPrivileges", "PrivilegeExpiry"], "invalid", GENERATOR,
         vin(rt, 1700005000, privileges=[2, 1]), verdict("privilege_expired", privilege=2))
    vadd("requires [1000, 1] on an RTC token at a time 1 has expired: 1000 is missing first",
         ["RequiredPrivileges"], "invalid", GENERATOR, vin(rt, 1700005000, privileges=[1000, 1]),
         verdict("privilege_missing", privilege=1000))
    vadd("ts 0: expired at every now >= 0", ["ExpiryBoundary", "EdgeValue"], "invalid", GENERATOR,
         vin(build006(in006(ts=0))["token"], 0), verdict("expired"))
    vadd("the RTM 006 token requires 1000", ["RequiredPrivileges"], "valid", "token-formats.md §1 RtmTokenBuilder",
         vin(tokens["rtm"], 1111000, channel=USER, uid="", privileges=[1000]), verdict("valid"))

    # Binding.
    bm = [("app id bound as another valid App ID", dict(app_id=OTHER_APP), "app_id_mismatch"),
          ("app id bound in lower case (app ids are compared as text)", dict(app_id=APP.lower()),
           "app_id_mismatch"),
          ("channel differs", dict(channel="other-channel"), "channel_mismatch"),
          ("channel differs only in case", dict(channel=CH.upper()), "channel_mismatch"),
          ("channel bound empty", dict(channel=""), "channel_mismatch"),
          ("uid differs", dict(uid=2882341274), "uid_mismatch"),
          ("uid bound as 0 (\"\") for a token built for 2882341273", dict(uid=0), "uid_mismatch"),
          ("uid bound as the user account \"test_user\"", dict(uid=USER), "uid_mismatch")]
    for comment, kw, cond in bm:
        vadd(f"V6-1: {comment}", ["BindingMismatch"], "invalid", f"{SEED_CODES} (110); {S4} V6-1",
             vin(V6_1, 1111000, **kw), verdict(cond))
    vadd("V6-2 (uid 0) bound as the string \"0\"", ["BindingMismatch", "UidRule"], "invalid",
         f"{SEED_CODES} (110: user ID and its type must match); {S4} V6-2", vin(V6_2, 1111000, uid="0"),
         verdict("uid_mismatch"))
    vadd("V6-2 (uid 0) bound as the string \"\"", ["UidRule"], "valid", f"{S4} V6-2",
         vin(V6_2, 1111000, uid=""), verdict("valid"))
    vadd("V6-1 bound with uid as the string \"2882341273\"", ["UidRule"], "valid", f"{S4} V6-1",
         vin(V6_1, 1111000, uid="2882341273"), verdict("valid"))
    vadd("token for uid \"0\" bound as the number 0 (\"\")", ["BindingMismatch", "UidRule"], "invalid",
         "token-formats.md §1 uid rule", vin(tokens["uid_str0"], 1111000, uid=0), verdict("uid_mismatch"))
    for comment, app_id in [("\"invalid\"", "invalid"), ("31 hex characters", APP[:31]),
                            ("\"Z70C…\" (not hex)", "Z" + APP[1:]), ("empty", "")]:
        vadd(f"bound app id {comment} is not an App ID", ["InvalidAppId"], "invalid", f"{SEED_CODES} (101)",
             vin(V6_1, 1111000, app_id=app_id), verdict("invalid_app_id"))
    forged_ch = forge_crc("evil-channel-", crc32(CH))
    vadd(f"channel forged to the same CRC32 as the token's ({forged_ch})", ["CrcCollision", "BindingMismatch"],
         "invalid", f"{GENERATOR} (CRC32 solved over GF(2)); token-formats.md §1 (HMAC covers the channel)",
         vin(V6_1, 1111000, channel=forged_ch), verdict("bad_signature"))
    forged_uid = forge_crc("user-", crc32("2882341273"))
    vadd(f"uid forged to the same CRC32 as \"2882341273\" ({forged_uid})", ["CrcCollision", "BindingMismatch"],
         "invalid", f"{GENERATOR} (CRC32 solved over GF(2)); token-formats.md §1",
         vin(V6_1, 1111000, uid=forged_uid), verdict("bad_signature"))
    vadd("app id mismatch is reported before a wrong channel (check order)", ["BindingMismatch"], "invalid",
         GENERATOR, vin(V6_1, 1111000, app_id=OTHER_APP, channel="x"), verdict("app_id_mismatch"))
    vadd("channel mismatch is reported before a bad signature (check order)", ["BindingMismatch", "ModifiedTag"],
         "invalid", GENERATOR,
         vin(token006(APP, content006(bytes(32), crc_ch, crc_uid, msg)), 1111000, channel="x"),
         verdict("channel_mismatch"))
    vadd("a bad signature is reported before expiry (check order)", ["ModifiedTag", "ExpiryBoundary"], "invalid",
         GENERATOR, vin(token006(APP, content006(bytes(32), crc_ch, crc_uid, msg)), 1111111),
         verdict("bad_signature"))

    # Secrets and certificate presence.
    for comment, cert in [("'a' * 32", "a" * 32), ("first character changed", "6" + CERT[1:])]:
        vadd(f"wrong certificate: {comment}", ["WrongSecret"], "invalid", f"{S4} negative cases (verify fails)",
             vin(V6_1, 1111000, cert=cert), verdict("bad_signature"))
    vadd("certificate in lower case (another key)", ["KeyEncoding"], "invalid", "token-formats.md §0",
         vin(V6_1, 1111000, cert=CERT.lower()), verdict("bad_signature"))
    for comment, cert in [("\"invalid\"", "invalid"), ("31 characters", CERT[:31]), ("33 characters", CERT + "0"),
                          ("non-hex last character (…d3Z)", CERT[:-1] + "Z")]:
        vadd(f"certificate {comment} is not 32 hex characters", ["InvalidSecret"], "invalid",
             f"{S4} negative cases (cert not 32 hex -> -3)", vin(V6_1, 1111000, cert=cert),
             verdict("invalid_secret"))
    vadd("a malformed token under a malformed certificate: the certificate is checked first", ["InvalidSecret"],
         "invalid", GENERATOR, vin("006" + APP + "!", 1111000, cert="invalid"), verdict("invalid_secret"))
    vadd("certificate enabled, empty token", ["CertificatePresence"], "invalid", f"{SEED_CODES} (110 / Web 120)",
         vin("", 1111000), verdict("token_missing"))
    vadd("certificate enabled, token field absent", ["CertificatePresence"], "invalid",
         f"{SEED_CODES} (110 / Web 120)",
         {"app_certificate": CERT, "now": 1111000, "channel_name": CH, "uid": UID}, verdict("token_missing"))
    vadd("no certificate (empty), token given", ["CertificatePresence"], "invalid", f"{SEED_CODES} (110 / Web 119)",
         vin(V6_1, 1111000, cert=""), verdict("token_unexpected"))
    vadd("no certificate (null), token given", ["CertificatePresence"], "invalid", f"{SEED_CODES} (110 / Web 119)",
         vin(V6_1, 1111000, cert=None), verdict("token_unexpected"))
    vadd("neither certificate nor token: the join is not token-gated", ["CertificatePresence"], "valid",
         SEED_CODES, {"token": "", "app_certificate": "", "now": 1111000, "channel_name": CH, "uid": UID},
         verdict("valid"))

    # Appended for issue 8 (one token, one class in every operation): the AppIdNotHex tokens in
    # verify as in parse. A 32-character app id with dashes, validly signed with it, is flawed only
    # in its shape: acceptable, as #62 (Node's 006 code builds and parses it). Parse #54's token
    # (33 characters, content shifted by one) no Agora parser reads: invalid, as #54.
    dash_app = "970CA35d-e60c-4464-5bba-e8a21506"
    assert len(dash_app) == 32
    dash_signed = token006(dash_app, content006(sign006(CERT, dash_app, CH, uid, msg), crc_ch, crc_uid, msg))
    vadd("app id of 32 characters with dashes, validly signed with it", ["AppIdNotHex"],
         "acceptable", GEN + "; token-formats.md §0, §5", vin(dash_signed, 1111000, app_id=None),
         verdict("malformed", "bad_app_id"))
    vadd("app id of 33 characters with dashes on V6-1's body (parse #54): the content is shifted by one "
         "character", ["AppIdNotHex"], "invalid", GEN + "; token-formats.md §5",
         vin("006" + dash_app + "1" + V6_1[35:], 1111000, app_id=None), verdict("malformed", "bad_app_id"))
    parse_bad("app id of 32 characters with dashes, validly signed with it", ["AppIdNotHex"],
              GEN + "; token-formats.md §0, §5", dash_signed, "bad_app_id", "acceptable", npm=True)

    return [f.write(root) for f in (build, parse, verify)]


# ---------------------------------------------------------------------------
# agora-007
# ---------------------------------------------------------------------------
T7 = {
    "A": "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj",
    "B": "007eJxTYLhzZP08Lxa1Pg57+TcXb/3cZ3wi4V6kbpbOog0G2dOYk20UGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiQwMADacImo=",
    "C": "007eJxTYEhuZrAR/XT+XPihI+6t4t5F9RtUltw9em3Pwi2sr6P/lAspMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbu38RYIhgYmBgZABhJiBmBPO5GIwsLIyMTQyNzI0BndAdKg==",
    "D": "007eJxTYNAIsnbS3v/A5t2TC6feR15r+6cq8bqAvfaW+tk/Vzz+p6xTYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NTAzTDI2dv8iwBDBxMDAyADCrEDMCOZzMRhZWBgZmxgamRsDAB+lHrg=",
    "E": "007eJxTYNDNaz3snC8huEfHWdz6s98qltq4zqy9fl99Uh0FDvy6F6DAYGlu4OxobJqSamaQbGJiZmKalJSYapFoZGhqYGaYZGzs/kWAIYKJgYGRAYRZgZgJzGdgAACt8hhr",
}

# Tokens built once by npm agora-token@2.0.6 under Node 20.20.2 (process.versions.zlib
# "1.3.1-e00f703"): `new AccessToken2(appId, cert, 1111111, 600)`, `.salt = 1`, the services
# added as named in NODE_TOKENS, then `.build()`. Kept as literals so generation never runs
# Node; the generator checks that each inflates to exactly its own payload.
NODE_TOKENS = {
    "C": "007eJxTYEhuZrAR/XT+XPihI+6t4t5F9RtUltw9em3Pwi2sr6P/lAspMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbu38RYIhgYmBgZABhJgZGBkYwn4vByMLCyNjE0MjcGACd0B0q",
    "D": "007eJxTYNAIsnbS3v/A5t2TC6feR15r+6cq8bqAvfaW+tk/Vzz+p6xTYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NTAzTDI2dv8iwBDBxMDAyADCrAyMDIxgPheDkYWFkbGJoZG5MQAfpR64",
    "E": "007eJxTYNDNaz3snC8huEfHWdz6s98qltq4zqy9fl99Uh0FDvy6F6DAYGlu4OxobJqSamaQbGJiZmKalJSYapFoZGhqYGaYZGzs/kWAIYKJgYGRAYRZGRgZmMB8BgYArfIYaw==",
    "rtc_rtm": "007eJxTYDhaztab3Jy6WmFrnaRPr8ed+xlsbRIXUrbJ8l/hPa9Wuk2BwdLcwNnR2DQl1cwg2cTEzMQ0KSkx1SLRyNDUwMwwydjY/YsAQwQTAwMjAwMDEwMjAwsDI5jPBCaZwSQLmFRgME8xNzI2M01NsrQwNrEwNbY0TzVONU6zTDExM0hKSUnkZChJLS6JLy1OLQIZBTEISRAAPMwqxA==",
    "streaming": "007eJxTYKhsnmXxY+ECNdX591ZatKslPVH5XbvLKorBcWvWCdal34wUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwMwMTAyOYzwQmFRjMU8yNjM1MU5MsLYxNLEyNLc1TjVON0yxTTMwMklJSEjkZSlKLS+JLi1OLAFUpJxo=",
    "rtm2": "007eJxTYPj8lE9mnfh/VskfD665LThVVBaoWnX8qTP/vHM6uR4XUjcpMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbu38RYIhgYmBgZABhDgZGBkYwn5OhJLW4JL60OLWIiYGBAYI5GZIzEkt0i/Lzc1kZcvKTkipBypFEWaDmsDIk5mQmpwIAp9oqEg==",
}


def dashed(hex32):
    """A 32-hex id written as a dashed UUID (36 characters)."""
    return f"{hex32[:8]}-{hex32[8:12]}-{hex32[12:16]}-{hex32[16:20]}-{hex32[20:]}"


def in007(services, issue_ts=1111111, expire=600, salt=1, app_id=APP, cert=CERT):
    return {"app_id": app_id, "app_certificate": cert, "issue_ts": issue_ts, "expire": expire, "salt": salt,
            "services": services}


def rtc(channel=CH, uid=UID, privileges=None):
    return {"type": 1, "privileges": {"1": 600} if privileges is None else privileges, "channel_name": channel,
            "uid": uid}


def rtm(user=str(UID), privileges=None):
    return {"type": 2, "privileges": {"1": 600} if privileges is None else privileges, "user_id": user}


def chat(user=str(UID), privileges=None):
    return {"type": 5, "privileges": {"1": 600} if privileges is None else privileges, "user_id": user}


def streaming(t=3, channel=CH, account=USER, privileges=None):
    return {"type": t, "privileges": {"1": 600, "2": 600} if privileges is None else privileges,
            "channel_name": channel, "account": account}


def apaas(role=1, room="room-uuid-1", user="user-uuid-1", privileges=None):
    s = {"type": 7, "privileges": {"1": 600} if privileges is None else privileges, "room_uuid": room,
         "user_uuid": user}
    if role is not None:
        s["role"] = role
    return s


def rtm2(user=USER, permissions=None, privileges=None):
    s = {"type": 8, "privileges": {"1": 600} if privileges is None else privileges, "user_id": user}
    if permissions is not None:
        s["permissions"] = permissions
    return s


RTM2_PERMS = {"4": {"0": ["alice"]}, "0": {"1": ["chat-room"], "0": ["chat-room", "lobby"]}}
ALL_PUB = {"1": 600, "2": 600, "3": 600, "4": 600}
EDU_USER = "user-uuid-1"


# (key, comment, flags, source, build input, verify binding, now)
def cases_007():
    md5 = hashlib.md5(EDU_USER.encode()).hexdigest()
    return [
        ("A_num", "A: RTC(channel, uid 2882341273 as a number, {1: 600})", ["ReleasedVector"],
         f"{S4} vector A; {S7_TESTS}; nodejs test", in007([rtc()]), {"channel_name": CH, "uid": UID, "privileges": [1]}, 1111200),
        ("A_str", "A with uid \"2882341273\" as a string: identical token", ["ReleasedVector", "UidRule"],
         f"{S4} vector A; {S7_TESTS}", in007([rtc(uid="2882341273")]),
         {"channel_name": CH, "uid": "2882341273", "privileges": [1]}, 1111200),
        ("B", "B: RTC(channel, uid 0 → \"\", {1: 600})", ["ReleasedVector", "UidRule"],
         f"{S4} vector B; {S7_TESTS}; nodejs test", in007([rtc(uid=0)]),
         {"channel_name": CH, "uid": 0, "privileges": [1]}, 1111200),
        ("C", "C: RTM(\"2882341273\", {1: 600})", ["ReleasedVector"], f"{S4} vector C; cpp test/AccessToken2_test.cpp",
         in007([rtm()]), {"user_id": str(UID), "privileges": [1], "service_type": 2}, 1111200),
        ("D", "D: Chat user \"2882341273\" {1: 600}", ["ReleasedVector"], f"{S4} vector D; {S7_TESTS}",
         in007([chat()]), {"service_type": 5, "user_id": str(UID), "privileges": [1]}, 1111200),
        ("E", "E: Chat app token, user \"\" {2: 600}", ["ReleasedVector"], f"{S4} vector E; {S7_TESTS}",
         in007([chat(user="", privileges={"2": 600})]), {"service_type": 5, "user_id": "", "privileges": [2]}, 1111200),
        ("uid_str0", "RTC uid \"0\" as a string stays \"0\"", ["UidRule"], "token-formats.md §1-§2 uid rule",
         in007([rtc(uid="0")]), {"channel_name": CH, "uid": "0"}, 1111200),
        ("uid_numstr", "RTC uid \"42\" (numeric string) equals uid 42", ["UidRule"], "token-formats.md §1-§2 uid rule",
         in007([rtc(uid="42")]), {"channel_name": CH, "uid": 42}, 1111200),
        ("publisher", "RtcTokenBuilder2 Publisher: {1,2,3,4: 600}", [], "token-formats.md §2 builders",
         in007([rtc(privileges=ALL_PUB)]), {"channel_name": CH, "uid": UID, "privileges": [1, 2, 3, 4]}, 1111200),
        ("privilege_expire", "…WithUidAndPrivilege: join 600, publish 300 (token expire 600)", [],
         "token-formats.md §2 builders",
         in007([rtc(privileges={"1": 600, "2": 300, "3": 300, "4": 300})]),
         {"channel_name": CH, "uid": UID, "privileges": [1, 2]}, 1111200),
        ("priv_zero", "RtcTokenBuilder2 with privilege_expire 0 (the default): {1: 0}", [],
         "token-formats.md §2 (privilege_expire=0 default)", in007([rtc(privileges={"1": 0})]),
         {"channel_name": CH, "uid": UID, "privileges": [1]}, 1111200),
        ("empty_channel", "RTC with an empty channel name and uid 0", ["EdgeValue", "UidRule"], GENERATOR,
         in007([rtc(channel="", uid=0)]), {"channel_name": "", "uid": 0}, 1111200),
        ("unicode", "RTC with a unicode channel and user account", ["EdgeValue"], "token-formats.md §0 (UTF-8)",
         in007([rtc(channel="频道-Ω 🎧", uid="用户_ü")]), {"channel_name": "频道-Ω 🎧", "uid": "用户_ü"}, 1111200),
        ("rtm_unicode", "RTM with a unicode user id", ["EdgeValue"], "token-formats.md §0 (UTF-8)",
         in007([rtm(user="ユーザー🙂")]), {"user_id": "ユーザー🙂"}, 1111200),
        ("streaming", "Streaming(channel, account \"test_user\", {1: 600, 2: 600})", [],
         "token-formats.md §2 service table", in007([streaming()]),
         {"service_type": 3, "channel_name": CH, "account": USER, "privileges": [1, 2]}, 1111200),
        ("fpa", "FPA {1: 86400}, token expire 86400 (FPA tokens use 24*3600)", [], "token-formats.md §2",
         in007([{"type": 4, "privileges": {"1": 86400}}], expire=86400), {"service_type": 4, "privileges": [1]},
         1111200),
        ("fcdn", "FCDN(channel, account \"test_user\", {1: 600, 2: 600})", [], "token-formats.md §2 service table",
         in007([streaming(t=6)]), {"service_type": 6, "channel_name": CH, "account": USER, "privileges": [2]},
         1111200),
        ("apaas1", "APaaS(room, user, role 1) {1: 600}", [], "token-formats.md §2 service table",
         in007([apaas(role=1)]), {"service_type": 7, "privileges": [1]}, 1111200),
        ("apaas0", "APaaS role 0 is packed as 0 (Node's `role || -1` would give -1)", ["EdgeValue"],
         "token-formats.md §2, §5 (Node APaaS role quirk)", in007([apaas(role=0)]), {"service_type": 7}, 1111200),
        ("apaas_m1", "APaaS role -1 (the default)", ["EdgeValue"], "token-formats.md §2 (default -1)",
         in007([apaas(role=-1)]), {"service_type": 7}, 1111200),
        ("apaas_default", "APaaS role omitted: packed as -1, the same token as role -1", ["EdgeValue"],
         "token-formats.md §2 (default -1)", in007([apaas(role=None)]), {"service_type": 7}, 1111200),
        ("apaas2", "APaaS role 2 with user privilege 2 and app privilege 3", [], "token-formats.md §2",
         in007([apaas(role=2, privileges={"2": 600, "3": 600})]), {"service_type": 7, "privileges": [2, 3]},
         1111200),
        ("apaas_ext", "APaaS roles -32768 and 32767 (i16 limits)", ["EdgeValue", "MultiService"],
         "token-formats.md §0 (i16 role)", in007([apaas(role=-32768), apaas(role=32767)]), {"service_type": 7},
         1111200),
        ("rtm2", "RTM2 with read/write lists over message channels and users (input unsorted)",
         ["UnsortedInput"], "token-formats.md §2 RTM2 layout", in007([rtm2(permissions=RTM2_PERMS)]),
         {"service_type": 8, "user_id": USER, "privileges": [1]}, 1111200),
        ("rtm2_all", "RTM2 over every resource type 0-4, empty name list, unicode and duplicate names",
         ["EdgeValue"], "token-formats.md §2 RTM2 layout",
         in007([rtm2(permissions={"3": {"1": ["server-group"]}, "2": {"0": [], "1": ["g1", "g1"]},
                                  "1": {"0": ["stream-ü"]}, "0": {"0": ["*"]}, "4": {"1": ["bob"], "0": ["bob"]}})]),
         {"service_type": 8, "user_id": USER}, 1111200),
        ("rtm2_empty", "RTM2 without permission lists (nRes 0)", ["EdgeValue"], "token-formats.md §2 RTM2 layout",
         in007([rtm2(permissions={})]), {"service_type": 8, "user_id": USER}, 1111200),
        ("rtm2_noperm", "RTM2 resource with an empty permission map", ["EdgeValue"], "token-formats.md §2 RTM2 layout",
         in007([rtm2(permissions={"2": {}})]), {"service_type": 8, "user_id": USER}, 1111200),
        ("convoai", "ConvoAI (9) with the builders' empty privilege map", [], "token-formats.md §2 (npm 2.0.6 only)",
         in007([{"type": 9, "privileges": {}}]), {"service_type": 9}, 1111200),
        ("stt", "STT (10) with the builders' empty privilege map", [], "token-formats.md §2 (npm 2.0.6 only)",
         in007([{"type": 10, "privileges": {}}]), {"service_type": 10}, 1111200),
        ("convoai_priv", "ConvoAI (9) carrying a privilege {1: 600}", ["EdgeValue"], "token-formats.md §2",
         in007([{"type": 9, "privileges": {"1": 600}}]), {"service_type": 9, "privileges": [1]}, 1111200),
        ("rtc_rtm", "BuildTokenWithRtm: RTC(channel, \"test_user\", {1,2,3,4}) + RTM(\"test_user\")",
         ["MultiService"], "token-formats.md §2 builders", in007([rtc(uid=USER, privileges=ALL_PUB), rtm(user=USER)]),
         {"channel_name": CH, "uid": USER, "privileges": [1, 2, 3, 4]}, 1111200),
        ("two_rtc", "two RTC services (channels a and b) keep their input order", ["MultiService"],
         "token-formats.md §2 (duplicates allowed, stable sort)",
         in007([rtc(channel="b", uid=2, privileges={"1": 600, "2": 600}), rtc(channel="a", uid=1)]),
         {"channel_name": "a", "uid": 1, "privileges": [1]}, 1111200),
        ("unsorted_services", "services given Chat, RTC, RTM: packed RTC, RTM, Chat", ["MultiService", "UnsortedInput"],
         "token-formats.md §2 (stable sort by type)", in007([chat(), rtc(), rtm()]),
         {"service_type": 5, "user_id": str(UID)}, 1111200),
        ("stable_sort", "services RTC(b), RTM, RTC(a): stable sort keeps RTC(b) before RTC(a)",
         ["MultiService", "UnsortedInput"], "token-formats.md §2 (stable sort by type)",
         in007([rtc(channel="b"), rtm(), rtc(channel="a")]), {"channel_name": "a", "uid": UID}, 1111200),
        ("education", "Education room-user token: APaaS(room, user, role 2) + RTM(user) + Chat(md5hex(user))",
         ["MultiService"], "token-formats.md §2 builders (Education/APaaS)",
         in007([apaas(role=2, user=EDU_USER), rtm(user=EDU_USER), chat(user=md5)]),
         {"service_type": 5, "user_id": md5, "privileges": [1]}, 1111200),
        ("all_types", "one service of every type 1-10, given in reverse order", ["MultiService", "UnsortedInput"],
         "token-formats.md §2 service table",
         in007([{"type": 10, "privileges": {}}, {"type": 9, "privileges": {}}, rtm2(permissions=RTM2_PERMS),
                apaas(), streaming(t=6), chat(), {"type": 4, "privileges": {"1": 600}}, streaming(), rtm(), rtc()]),
         {"service_type": 6, "channel_name": CH, "account": USER, "privileges": [1, 2]}, 1111200),
        ("realistic", "a realistic token: issue 1700000000, expire 86400, salt 99999999, join 86400, publish 3600",
         [], "token-formats.md §2 (Node/Go salt range 1..99999999)",
         in007([rtc(uid=UID, privileges={"1": 86400, "2": 3600, "3": 3600, "4": 0})], issue_ts=1700000000,
               expire=86400, salt=99999999), {"channel_name": CH, "uid": UID, "privileges": [1, 2]}, 1700000000),
        ("extremes", "issue_ts, salt and a privilege at 0xFFFFFFFF, key 65535", ["EdgeValue"],
         "token-formats.md §0", in007([rtc(privileges={"65535": 0xFFFFFFFF, "0": 0})], issue_ts=0xFFFFFFFF,
                                      expire=0xFFFFFFFF, salt=0xFFFFFFFF),
         {"channel_name": CH, "uid": UID}, 0xFFFFFFFF),
        ("zero_salt", "salt 0 and issue_ts 0, expire 4000000000", ["EdgeValue"], "token-formats.md §0",
         in007([rtc()], issue_ts=0, expire=4000000000, salt=0), {"channel_name": CH, "uid": UID}, 1700000000),
        ("lower_hex", "app id and certificate in lower-case hex are used as given", ["EdgeValue"],
         "token-formats.md §0 (case preserved)", in007([rtc()], app_id=APP.lower(), cert=CERT.lower()),
         {"channel_name": CH, "uid": UID}, 1111200),
    ]


def agora007(root):
    header_common = ["Agora AccessToken2 \"007\" (token-formats.md §2; docs/formats/agora.md).",
                     "Generated by vectors/gen/agora_vectors.py, an independent Python implementation; "
                     "released vectors are copied from Agora's tests (token-formats.md §4)."]
    build = VectorFile("agora-007", "build", GENERATOR, header_common + [
        "build: issue_ts, expire and salt injected; the token is compressed by stock zlib at the default "
        "level (byte-identical to Agora's C++/Python builders); services packed stably sorted by type.",
        "Expected is the exact token, or the adapter's error code when the builders refuse."], NOTES)
    parse = VectorFile("agora-007", "parse", GENERATOR, header_common + [
        "parse: the token's fields (services with type, name, privileges and only their type's fields; "
        "unknown_service_type), or why it is malformed. Any valid zlib stream is accepted; strict base64 "
        "unless \"base64\": \"lenient\"."], NOTES)
    verify = VectorFile("agora-007", "verify", GENERATOR, header_common + [
        "verify: check order certificate shape -> decode -> signature -> app id -> token expiry (now >= "
        "issue_ts + expire) -> service binding (type, channel, uid/account, user id) -> required privileges "
        "(present, then unexpired at issue_ts + v; 0 = no separate limit).",
        "With no service_type, a bound channel_name/uid/account selects RTC, a bound user_id alone RTM, "
        "required privileges alone RTC; with no binding no service is checked.",
        "vendor_codes restate seed 001_d4a146d8499d6d2a.txt per condition, in table order."], NOTES)

    # The local zlib must reproduce Agora's C-zlib vectors before anything is written.
    for k, inp in (("A", in007([rtc()])), ("B", in007([rtc(uid=0)])), ("C", in007([rtm()])),
                   ("D", in007([chat()])), ("E", in007([chat(user="", privileges={"2": 600})]))):
        if build007(inp)["token"] != T7[k]:
            sys.exit(f"local zlib {zlib.ZLIB_RUNTIME_VERSION} does not reproduce released vector {k}; "
                     "golden 007 tokens need stock zlib")

    cases = cases_007()
    tokens, inputs = {}, {}
    for key, comment, flags, source, inp, bind, now in cases:
        out = build007(inp)
        tokens[key], inputs[key] = out["token"], inp
        build.add(comment, flags, "valid", with_source(source, npm_checks_007_build(inp, out)), inp, out)
    assert tokens["A_num"] == T7["A"] and tokens["A_str"] == T7["A"] and tokens["B"] == T7["B"]
    assert tokens["apaas_default"] == tokens["apaas_m1"]
    assert tokens["uid_numstr"] == build007(in007([rtc(uid=42)]))["token"]

    refusals = [
        ("appId \"invalid\"", in007([rtc()], app_id="invalid"), "bad_app_id"),
        ("appCertificate \"invalid\"", in007([rtc()], cert="invalid"), "bad_certificate"),
        ("appId \"Z70C…\" (not hex)", in007([rtc()], app_id="Z" + APP[1:]), "bad_app_id"),
        ("appCertificate \"…d3Z\" (not hex)", in007([rtc()], cert=CERT[:-1] + "Z"), "bad_certificate"),
        ("appId of 31 characters", in007([rtc()], app_id=APP[:31]), "bad_app_id"),
        ("no services", in007([]), "no_services"),
        ("service type 999 has no layout", in007([rtc(), {"type": 999, "privileges": {}}]), "unknown_service"),
        ("service type 0 has no layout", in007([{"type": 0, "privileges": {}}]), "unknown_service"),
        ("service type 11 (after the npm 2.0.6 set) has no layout", in007([{"type": 11, "privileges": {}}]),
         "unknown_service"),
        ("channel name of 65536 bytes does not fit a u16 length",
         in007([rtc(channel="c" * 65536)]), "field_too_long"),
    ]
    for comment, inp, code in refusals:
        assert build007(inp) == {"error": {"code": code}}, comment
        src = (f"{S4} negative cases (build refuses)" if code in ("bad_app_id", "bad_certificate", "no_services")
               else f"{GENERATOR} (inferred: Agora's builders cannot express this; its packers use u16 lengths)")
        exp = {"error": {"code": code}}
        build.add(f"build refuses: {comment}", ["BuildRefusal"], "invalid",
                  with_source(src, npm_checks_007_build(inp, exp)), inp, exp)

    # ---------------- parse ----------------
    def parse_ok(comment, flags, source, token, fields, lenient=False, result="valid"):
        got, why = parse007(token, lenient)
        assert why is None and got == fields, (comment, why, got, fields)
        inp = {"token": token}
        if lenient:
            inp["base64"] = "lenient"
        exp = {"ok": True, "fields": fields}
        parse.add(comment, flags, result, with_source(source, npm_checks_007_parse(exp)), inp, exp)

    def parse_bad(comment, flags, source, token, why, result="invalid", lenient=False):
        _, got = parse007(token, lenient)
        assert got == why, (comment, got, why)
        inp = {"token": token}
        if lenient:
            inp["base64"] = "lenient"
        # A malformation is named only under "malformed" (docs/VECTORS.md), as verify does.
        parse.add(comment, flags, result, source, inp,
                  {"ok": False, "condition": "unsupported_version" if why == "bad_prefix" else "malformed",
                   "malformation": None if why == "bad_prefix" else why})

    for key, comment, flags, source, inp, bind, now in cases:
        parse_ok(comment, flags, source, tokens[key], fields007(inp))

    A = inputs["A_num"]
    info_a = info007(A)
    sig_a = sign007(CERT, 1111111, 1, info_a)
    pay_a = payload007(sig_a, info_a)
    fields_a = fields007(A)
    assert token007(pay_a) == T7["A"] and len(pay_a) == 138
    GEN = f"{GENERATOR} mutation of {S4} vector A"

    # Node-compressed tokens: different bytes, same payload.
    node_inputs = {k: inputs[k] for k in ("C", "D", "E", "rtc_rtm", "streaming", "rtm2")}
    node_src = "token built by npm agora-token@2.0.6 under Node 20.20.2 (zlib 1.3.1-e00f703), captured in agora_vectors.py"
    for k, t in NODE_TOKENS.items():
        inp = node_inputs[k]
        assert inflate(base64.b64decode(t[3:]))[0] == signed_payload(info007(inp)), k
        assert t != build007(inp)["token"], f"Node token {k} equals the C-zlib token; no extra coverage"
        parse_ok(f"{k}: compressed by Node's zlib (bytes differ from C zlib)", ["NodeZlib", "AlternativeZlib"],
                 node_src, t, fields007(inp))

    # Alternative zlib encodings of vector A.
    def go_style(data):
        c = zlib.compressobj(6)
        return c.compress(data) + c.flush(zlib.Z_SYNC_FLUSH) + c.flush(zlib.Z_FINISH)

    def header_7801(data):
        z = deflate(data)
        return b"\x78\x01" + z[2:]

    def split_blocks(data):
        c = zlib.compressobj(6)
        out = b""
        for i in range(0, len(data), 40):
            out += c.compress(data[i:i + 40]) + c.flush(zlib.Z_FULL_FLUSH)
        return out + c.flush()

    alt = [("Go-style: sync flush then finish (ends with an empty stored block)", go_style(pay_a)),
           ("level 0 (stored blocks only)", deflate(pay_a, 0)),
           ("level 1", deflate(pay_a, 1)), ("level 9", deflate(pay_a, 9)),
           ("header 78 01 over a default-level body (as Dart writes)", header_7801(pay_a)),
           ("windowBits 9 (header 18 95)", deflate(pay_a, 6, 9)), ("windowBits 12", deflate(pay_a, 6, 12)),
           ("memLevel 1, strategy Z_FILTERED", deflate(pay_a, 6, 15, 1, zlib.Z_FILTERED)),
           ("strategy Z_HUFFMAN_ONLY", deflate(pay_a, 6, 15, 8, zlib.Z_HUFFMAN_ONLY)),
           ("strategy Z_RLE", deflate(pay_a, 6, 15, 8, zlib.Z_RLE)),
           ("strategy Z_FIXED (fixed Huffman codes)", deflate(pay_a, 9, 15, 9, zlib.Z_FIXED)),
           ("full flush every 40 bytes (several blocks)", split_blocks(pay_a))]
    alt_tokens = []
    for comment, z in alt:
        assert z != deflate(pay_a) and zlib.decompress(z) == pay_a, comment
        t = token007(pay_a, z)
        alt_tokens.append((comment, t))
        parse_ok(f"vector A {comment}", ["AlternativeZlib"], GEN + "; token-formats.md §2", t, fields_a)

    # Signature length variants parse; only verify judges them.
    for comment, flags, s in [("signature field empty (length 0)", ["SignatureStripped"], b""),
                              ("signature of 33 bytes", ["ExtendedTag"], sig_a + b"\x00")]:
        parse_ok(f"{comment}: parses; only verify judges the tag", flags, GEN,
                 token007(payload007(s, info_a)), fields007(A, sig=s))

    # Truncation: first inside the signature, then the signing info at every field (re-signed).
    for cut, where, why in [(0, "empty payload", "truncated"), (1, "inside the signature length", "truncated"),
                            (2, "after the signature length", "length_overflow"),
                            (20, "inside the signature", "length_overflow")]:
        parse_bad(f"payload truncated at byte {cut}: {where}", ["Truncated"], GEN, token007(pay_a[:cut]), why)
    info_cuts = [(0, "no signing info", "truncated"), (1, "inside the app id length", "truncated"),
                 (2, "after the app id length", "length_overflow"), (18, "inside the app id", "length_overflow"),
                 (34, "before issueTs", "truncated"), (36, "inside issueTs", "truncated"),
                 (38, "before expire", "truncated"), (42, "before salt", "truncated"),
                 (46, "before the service count", "truncated"), (47, "inside the service count", "truncated"),
                 (48, "count 1 but no service", "truncated"), (49, "inside the service type", "truncated"),
                 (50, "before the privilege count", "truncated"),
                 (52, "privilege count 1, no record", "length_overflow"),
                 (54, "inside the privilege record", "length_overflow"),
                 (58, "before the channel length", "truncated"),
                 (60, "after the channel length", "length_overflow"), (76, "inside the channel", "length_overflow"),
                 (92, "before the uid length", "truncated"), (94, "after the uid length", "length_overflow"),
                 (103, "one byte short of the end", "length_overflow")]
    for cut, where, why in info_cuts:
        parse_bad(f"signing info truncated at byte {cut}: {where} (re-signed)", ["Truncated"], GEN,
                  token007(signed_payload(info_a[:cut])), why)
    ap = in007([apaas(role=2)])
    info_ap = info007(ap)
    parse_bad("APaaS cut before its i16 role (re-signed)", ["Truncated"], GENERATOR,
              token007(signed_payload(info_ap[:-2])), "truncated")
    parse_bad("APaaS cut inside its i16 role (re-signed)", ["Truncated"], GENERATOR,
              token007(signed_payload(info_ap[:-1])), "truncated")
    info_r2 = info007(in007([rtm2(permissions={"0": {"0": ["lobby"]}})]))
    # RTM2 tail: u16 nRes=1, u16 res 0, u16 nPerm=1, u16 perm 0, u16 n=1, string "lobby" (7 bytes) = 17 bytes.
    tail = len(info_r2) - 17
    for cut, where, why in [(0, "before nRes", "truncated"), (2, "nRes 1, nothing after", "length_overflow"),
                            (6, "nPerm 1, nothing after", "length_overflow"),
                            (10, "one name promised, none present", "length_overflow"),
                            (12, "name length present, name missing", "length_overflow")]:
        parse_bad(f"RTM2 permission lists truncated: {where} (re-signed)", ["Truncated"], GENERATOR,
                  token007(signed_payload(info_r2[:tail + cut])), why)

    # Length prefixes past the end.
    def patch(data, offset, value):
        return data[:offset] + value + data[offset + len(value):]

    over = [("signature length 0xFFFF", patch(pay_a, 0, u16(0xFFFF)), "length_overflow"),
            ("app id length 0xFFFF (re-signed)", signed_payload(patch(info_a, 0, u16(0xFFFF))), "length_overflow"),
            ("channel length 0xFFFF (re-signed)", signed_payload(patch(info_a, 58, u16(0xFFFF))), "length_overflow"),
            ("uid length 11, one past the end (re-signed)", signed_payload(patch(info_a, 92, u16(11))),
             "length_overflow"),
            ("privilege count 65535 with one record (re-signed)", signed_payload(patch(info_a, 50, u16(0xFFFF))),
             "length_overflow"),
            ("RTM2 nRes 65535 (re-signed)", signed_payload(patch(info_r2, tail, u16(0xFFFF))), "length_overflow"),
            ("RTM2 nPerm 65535 (re-signed)", signed_payload(patch(info_r2, tail + 4, u16(0xFFFF))), "length_overflow"),
            ("RTM2 name count 65535 (re-signed)", signed_payload(patch(info_r2, tail + 8, u16(0xFFFF))),
             "length_overflow")]
    for comment, payload, why in over:
        parse_bad(comment, ["LengthPrefixOverflow"], GEN, token007(payload), why)
    parse_bad("service count 65535 with one service present (re-signed)", ["ServiceCount", "Truncated"], GEN,
              token007(signed_payload(patch(info_a, 46, u16(0xFFFF)))), "truncated")
    parse_bad("service count 2 with one service present (re-signed)", ["ServiceCount", "Truncated"], GEN,
              token007(signed_payload(patch(info_a, 46, u16(2)))), "truncated")
    parse_bad("service count 0 with one service present (re-signed)", ["ServiceCount", "TrailingData"], GEN,
              token007(signed_payload(patch(info_a, 46, u16(0)))), "trailing_bytes", "acceptable")
    no_svc = signed_payload(info_a[:46] + u16(0))
    parse_ok("service count 0 and no services (Agora's builders refuse this; it still parses)", ["ServiceCount"],
             GEN, token007(no_svc), dict(fields007(A, services=[]), signature=no_svc[2:34].hex()))

    # Trailing bytes and non-canonical maps (Agora's parsers accept them).
    parse_bad("one byte after the services (re-signed)", ["TrailingData"], GEN + "; token-formats.md §2",
              token007(signed_payload(info_a + b"\x00")), "trailing_bytes", "acceptable")
    parse_bad("one byte after the zlib stream", ["TrailingData"], GEN + "; token-formats.md §2",
              token007(pay_a, deflate(pay_a) + b"\x00"), "trailing_after_zlib", "acceptable")
    parse_bad("a second zlib stream after the first", ["TrailingData"], GEN,
              token007(pay_a, deflate(pay_a) * 2), "trailing_after_zlib", "acceptable")
    svc_unsorted = u16(1) + privmap({}, order=[(2, 600), (1, 600)]) + pstr(CH) + pstr(str(UID))
    parse_bad("RTC privilege keys 2, 1 (re-signed)", ["UnsortedMap"], GEN,
              token007(signed_payload(signing_info(APP, 1111111, 600, 1, [svc_unsorted]))), "unsorted_map",
              "acceptable")
    svc_dup = u16(1) + privmap({}, order=[(1, 600), (1, 600)]) + pstr(CH) + pstr(str(UID))
    parse_bad("RTC privilege key 1 twice (re-signed)", ["UnsortedMap"], GEN,
              token007(signed_payload(signing_info(APP, 1111111, 600, 1, [svc_dup]))), "unsorted_map", "acceptable")

    def raw_rtm2(lists):
        return u16(8) + privmap({"1": 600}) + pstr(USER) + lists
    # nRes 2: resource 4 (1 list: read ["alice"]) before resource 0 (1 list: read ["lobby"]).
    r2_unsorted_res = (u16(2) + u16(4) + u16(1) + u16(0) + u16(1) + pstr("alice")
                       + u16(0) + u16(1) + u16(0) + u16(1) + pstr("lobby"))
    r2_unsorted_perm = u16(1) + u16(0) + u16(2) + u16(1) + u16(1) + pstr("a") + u16(0) + u16(1) + pstr("b")
    r2_dup_res = u16(2) + u16(0) + u16(0) + u16(0) + u16(0)
    for comment, lists in [("RTM2 resource types 4, 0", r2_unsorted_res),
                           ("RTM2 permission types 1, 0", r2_unsorted_perm),
                           ("RTM2 resource type 0 twice", r2_dup_res)]:
        parse_bad(f"{comment} (re-signed)", ["UnsortedMap"], GENERATOR,
                  token007(signed_payload(signing_info(APP, 1111111, 600, 1, [raw_rtm2(lists)]))), "unsorted_map",
                  "acceptable")
    for comment, app_id in [("\"Z70C…\" (not hex)", "Z" + APP[1:]), ("of 31 characters", APP[:31]),
                            ("empty", ""), ("of 36 characters (dashed UUID)", dashed(APP))]:
        parse_bad(f"app id {comment} inside the signed token", ["AppIdNotHex"], GEN + "; token-formats.md §2",
                  token007(signed_payload(signing_info(app_id, 1111111, 600, 1, [service_bytes(rtc())]))),
                  "bad_app_id")

    # Not zlib, or broken zlib.
    z_a = deflate(pay_a)
    bad_z = [("\"007aW52YWxpZA==\": base64 of \"invalid\", not zlib", "007aW52YWxpZA==",
              f"{S4} negative cases (Go)"),
             ("empty body \"007\"", "007", GEN),
             ("raw deflate without the zlib header", token007(pay_a, zlib.compress(pay_a)[2:-4]), GEN),
             ("gzip wrapper instead of zlib", token007(pay_a, deflate(pay_a, 6, 31)), GEN),
             ("adler32 checksum wrong", token007(pay_a, z_a[:-1] + bytes([z_a[-1] ^ 1])), GEN),
             ("adler32 checksum missing", token007(pay_a, z_a[:-4]), GEN),
             ("stream cut in the middle", token007(pay_a, z_a[:len(z_a) // 2]), GEN),
             ("header check bits wrong (78 9D)", token007(pay_a, b"\x78\x9d" + z_a[2:]), GEN),
             ("preset-dictionary flag set (78 BB + dictid)",
              token007(pay_a, b"\x78\xbb" + b"\x00\x00\x00\x01" + z_a[2:]), GEN),
             ("compression method 7 instead of deflate", token007(pay_a, b"\x77" + z_a[1:]), GEN),
             ("the 006 V6-1 body under \"007\"", "007" + V6_1[3:], f"{S4} V6-1 re-prefixed")]
    for comment, t, src in bad_z:
        parse_bad(comment, ["VersionConfusion" if "006" in comment else "BadZlib"], src, t, "bad_zlib")
    zeros_1m = deflate(bytes(1 << 20), 9)
    parse_bad("1 MiB of zeros (1 KiB compressed)", ["ZlibBomb"], GENERATOR, token007(b"", zeros_1m), "zlib_too_large")
    pad_to = lambda n: signed_payload(info_a + bytes(n - 34 - len(info_a)))  # noqa: E731
    parse_bad("validly signed, padded with zeros to 256 KiB + 1 inflated", ["ZlibBomb", "InflateCap"], GENERATOR,
              token007(pad_to(INFLATE_CAP + 1)), "zlib_too_large", "acceptable")
    parse_bad("validly signed, padded with zeros to exactly 256 KiB: inflates, then has trailing bytes",
              ["InflateCap", "TrailingData"], GENERATOR, token007(pad_to(INFLATE_CAP)), "trailing_bytes", "acceptable")

    # Version confusion and prefixes.
    for comment, t, why, src in [
            ("released 006 V6-1 under the 007 parser", V6_1, "bad_prefix", f"{S4} V6-1"),
            ("\"006invalid\" under the 007 parser", "006invalid", "bad_prefix", f"{S4} negative cases"),
            ("\"00\"", "00", "bad_prefix", f"{S4} negative cases"),
            ("DynamicKey5 \"005\" token", "005AQAoAEJERTJDRDdFNkZDNkU0ODYxNkYxQTYwOUVFNTM1M0U5ODNCQjFDNDQQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==", "bad_prefix", "token-formats.md §3"),
            ("Volcengine \"001\" token", "001123456781234567812345678QwB4VjQSAPFTZYBCVWUIAG5ldyByb29tCwBuZXcgdXNlciBpZAUAAACAQlVlAQCAQlVlAgCAQlVlAwCAQlVlBAAAAAAAIAAzxOykEMtwIRCmMVrGzrql8EBRNKoK7XTLa7DgEpxfEg==", "bad_prefix", "token-formats.md (Volcengine §7 V1)"),
            ("ZEGO \"04\" token", "04AAAAAGVT/xAAEDAxMjM0NTY3ODlhYmNkZWYAcPDOWcZeMCPxbh1dpHzCTREIwK2oIO5x78Qlcu9iUMPYkqBI5TvjB3JwCxC9+klE8/eu//t2uE7+o7gQ53yB/JkIFUA6xyD5rb5rd5NER5knvdDJH2auGOam8ZKJG5qT/1t+UUUnbL8ghIsUgkbwAAg=", "bad_prefix", "token-formats.md (ZEGO §3 Z1)"),
            ("prefix \"OO7\" (letter O, not zero)", "OO7" + T7["A"][3:], "bad_prefix", GEN),
            ("empty token", "", "empty", GEN)]:
        parse_bad(comment, ["VersionConfusion"], src, t, why)

    # Base64 spellings.
    b_tok, c_tok = T7["B"], T7["C"]
    assert b_tok.endswith("=") and not b_tok.endswith("==") and c_tok.endswith("==")
    fields_b, fields_c = fields007(inputs["B"]), fields007(inputs["C"])
    bump = lambda t, k: t[:-k - 1] + STD[STD.index(t[-k - 1]) + 1] + t[-k:]  # noqa: E731
    noncanon = [("B: nonzero padding bits (one '=')", bump(b_tok, 1), fields_b, "B"),
                ("C: nonzero padding bits (two '=')", bump(c_tok, 2), fields_c, "C"),
                ("C: padding removed", c_tok[:-2], fields_c, "C"),
                ("A: URL-safe alphabet", T7["A"].replace("+", "-").replace("/", "_"), fields_a, "A_num"),
                ("A: newline every 76 characters (MIME style)",
                 "007" + "\n".join(T7["A"][3:][i:i + 76] for i in range(0, len(T7["A"]) - 3, 76)), fields_a, "A_num"),
                ("A: space inside the base64", T7["A"][:50] + " " + T7["A"][50:], fields_a, "A_num"),
                ("B: extra text after the padding", b_tok + "QUFB", fields_b, "B")]
    assert "/" in T7["A"]
    for comment, t, fields, _ in noncanon:
        parse_bad(f"{comment}: strict", ["NonCanonicalEncoding"], GEN + "; token-formats.md §5", t,
                  "non_canonical_base64", "acceptable")
        parse_ok(f"{comment}: lenient reads the same bytes", ["NonCanonicalEncoding", "LenientBase64"],
                 GEN + "; token-formats.md §5", t, fields, lenient=True)
    parse_bad("\"007invalid\": not canonical base64", ["NonCanonicalEncoding"], f"{S4} negative cases",
              "007invalid", "non_canonical_base64", "acceptable")
    parse_bad("\"007invalid\" read leniently: 5 bytes that are not zlib", ["LenientBase64", "BadZlib"],
              f"{S4} negative cases", "007invalid", "bad_zlib", lenient=True)
    parse_bad("\"007!!!!\": no base64 character", [], GEN, "007!!!!", "bad_base64")

    # Unknown service types.
    unknown_blob = u16(999) + privmap({"1": 600}) + pstr("future-field")
    unk = [("RTC then unknown type 999: RTC kept", [service_bytes(rtc()), unknown_blob], [rtc()], 999),
           ("type 0 placed first, then RTC: nothing kept", [u16(0) + privmap({}), service_bytes(rtc())], [], 0),
           ("RTC, RTM, unknown 999, Chat: RTC and RTM kept, Chat lost",
            [service_bytes(rtc()), service_bytes(rtm()), unknown_blob, service_bytes(chat())], [rtc(), rtm()], 999),
           ("RTC then type 11 (first type after the npm 2.0.6 set)", [service_bytes(rtc()), u16(11) + privmap({})],
            [rtc()], 11),
           ("RTC then type 65535 with no body", [service_bytes(rtc()), u16(65535)], [rtc()], 65535)]
    unknown_tokens = []
    for comment, blobs, kept, t in unk:
        payload = signed_payload(signing_info(APP, 1111111, 600, 1, blobs))
        tok = token007(payload)
        unknown_tokens.append((comment, tok, kept))
        f = dict(fields007(A, services=kept, unknown=t), signature=payload[2:34].hex())
        parse_ok(comment, ["UnknownServiceType"], f"{S4} (unknown service types); token-formats.md §2; {GENERATOR}",
                 tok, f, result="acceptable")

    # ---------------- verify ----------------
    def vadd(comment, flags, result, source, inp, exp, npm=True):
        crosschecked = npm and npm_checks_007_verify(inp, exp)
        verify.add(comment, flags, result, with_source(source, crosschecked), inp, exp)

    def vin(token, now, cert=CERT, b64mode=None, **binding):
        d = {"token": token, "app_certificate": cert, "now": now}
        for k in ("app_id", "service_type", "channel_name", "uid", "account", "user_id", "privileges"):
            if k in binding and binding[k] is not None:
                d[k] = binding[k]
        if b64mode:
            d["base64"] = b64mode
        return d

    for key, comment, flags, source, inp, bind, now in cases:
        vadd(f"{comment}: valid at now={now}", flags, "valid", source,
             vin(tokens[key], now, cert=inp["app_certificate"], app_id=inp["app_id"], **bind), verdict("valid"))
    for k, t in NODE_TOKENS.items():
        bind = {"C": {"user_id": str(UID)}, "D": {"service_type": 5, "user_id": str(UID)},
                "E": {"service_type": 5, "user_id": "", "privileges": [2]},
                "rtc_rtm": {"channel_name": CH, "uid": USER, "privileges": [1, 2, 3, 4]},
                "streaming": {"service_type": 3, "channel_name": CH, "account": USER},
                "rtm2": {"service_type": 8, "user_id": USER, "privileges": [1]}}[k]
        vadd(f"{k}: compressed by Node's zlib, valid at now=1111200", ["NodeZlib", "AlternativeZlib"], "valid",
             node_src, vin(t, 1111200, app_id=APP, **bind), verdict("valid"))
    for comment, t in alt_tokens:
        vadd(f"vector A {comment}: valid", ["AlternativeZlib"], "valid", GEN + "; token-formats.md §2",
             vin(t, 1111200, channel_name=CH, uid=UID, privileges=[1]), verdict("valid"))
    vadd("vector A with no binding at all (no service is checked)", [], "valid", f"{S4} vector A",
         vin(T7["A"], 1111200), verdict("valid"))

    # Wycheproof ModifiedTag set and tag lengths on vector A.
    for comment, tag in wycheproof_tags(sig_a):
        vadd(comment, ["ModifiedTag"], "invalid", f"{WYCHEPROOF}; {S4} vector A",
             vin(token007(payload007(tag, info_a)), 1111200, channel_name=CH, uid=UID), verdict("bad_signature"))
    for n in (0, 1, 16, 31):
        vadd(f"signature truncated to {n} bytes", ["SignatureStripped" if n == 0 else "TruncatedTag"], "invalid",
             f"suite-anchors.md §3 TruncatedTag; {S4} vector A",
             vin(token007(payload007(sig_a[:n], info_a)), 1111200, channel_name=CH, uid=UID), verdict("bad_signature"))
    vadd("signature extended to 33 bytes", ["ExtendedTag"], "invalid", f"suite-anchors.md §3; {S4} vector A",
         vin(token007(payload007(sig_a + b"\x00", info_a)), 1111200, channel_name=CH, uid=UID), verdict("bad_signature"))
    vadd("signature field removed (payload starts at the app id)", ["SignatureStripped"], "invalid", GEN,
         vin(token007(info_a), 1111200, channel_name=CH, uid=UID), verdict("malformed", "length_overflow"))
    assert parse007(token007(info_a))[1] == "length_overflow"
    vadd("signature of vector B spliced onto vector A's signing info", ["ModifiedTag"], "invalid", GEN,
         vin(token007(payload007(base64_sig(T7["B"]), info_a)), 1111200), verdict("bad_signature"))
    vadd("signing info changed after signing (expire 600 -> 6000), old signature kept", ["ModifiedTag"], "invalid",
         GEN, vin(token007(payload007(sig_a, patch(info_a, 38, u32(6000)))), 1111800), verdict("bad_signature"))
    vadd("issue_ts changed after signing (the key chain depends on it)", ["ModifiedTag"], "invalid", GEN,
         vin(token007(payload007(sig_a, patch(info_a, 34, u32(1111112)))), 1111200), verdict("bad_signature"))
    vadd("salt changed after signing (the key chain depends on it)", ["ModifiedTag"], "invalid", GEN,
         vin(token007(payload007(sig_a, patch(info_a, 42, u32(2)))), 1111200), verdict("bad_signature"))

    # Structure (each also in parse.json).
    vadd("signing info truncated before the uid length (re-signed)", ["Truncated"], "invalid", GEN,
         vin(token007(signed_payload(info_a[:92])), 1111200), verdict("malformed", "truncated"))
    vadd("privilege count 65535 with one record (re-signed)", ["LengthPrefixOverflow"], "invalid", GEN,
         vin(token007(signed_payload(patch(info_a, 50, u16(0xFFFF)))), 1111200), verdict("malformed", "length_overflow"))
    vadd("one byte after the services (re-signed)", ["TrailingData"], "acceptable", GEN,
         vin(token007(signed_payload(info_a + b"\x00")), 1111200), verdict("malformed", "trailing_bytes"))
    vadd("one byte after the zlib stream (signature valid)", ["TrailingData"], "acceptable", GEN,
         vin(token007(pay_a, deflate(pay_a) + b"\x00"), 1111200), verdict("malformed", "trailing_after_zlib"))
    vadd("RTC privilege keys 2, 1 (re-signed)", ["UnsortedMap"], "acceptable", GEN,
         vin(token007(signed_payload(signing_info(APP, 1111111, 600, 1, [svc_unsorted]))), 1111200),
         verdict("malformed", "unsorted_map"))
    vadd("app id \"Z70C…\" inside the validly signed token", ["AppIdNotHex"], "invalid",
         GEN + "; token-formats.md §2 (Agora verifiers return -3)",
         vin(token007(signed_payload(signing_info("Z" + APP[1:], 1111111, 600, 1, [service_bytes(rtc())]))), 1111200),
         verdict("malformed", "bad_app_id"))
    vadd("not zlib (\"007aW52YWxpZA==\")", ["BadZlib"], "invalid", f"{S4} negative cases (Go)",
         vin("007aW52YWxpZA==", 1111200), verdict("malformed", "bad_zlib"))
    vadd("1 MiB of zeros", ["ZlibBomb"], "invalid", GENERATOR, vin(token007(b"", zeros_1m), 1111200),
         verdict("malformed", "zlib_too_large"))
    vadd("006 V6-1 presented to the 007 verifier", ["VersionConfusion"], "invalid", f"{S4} V6-1",
         vin(V6_1, 1111200), verdict("unsupported_version"))
    vadd("006 body under a \"007\" prefix", ["VersionConfusion"], "invalid", GEN,
         vin("007" + V6_1[3:], 1111200), verdict("malformed", "bad_zlib"))
    vadd("ZEGO \"04\" token", ["VersionConfusion"], "invalid", "token-formats.md (ZEGO §3 Z1)",
         vin("04AAAAAGVT/xAAEDAxMjM0NTY3ODlhYmNkZWYAcPDOWcZeMCPxbh1dpHzCTREIwK2oIO5x78Qlcu9iUMPYkqBI5TvjB3JwCxC9+klE8/eu//t2uE7+o7gQ53yB/JkIFUA6xyD5rb5rd5NER5knvdDJH2auGOam8ZKJG5qT/1t+UUUnbL8ghIsUgkbwAAg=", 1111200),
         verdict("unsupported_version"))
    bind_of = {"A_num": dict(channel_name=CH, uid=UID), "B": dict(channel_name=CH, uid=0),
               "C": dict(user_id=str(UID))}
    for comment, t, fields, key in noncanon:
        b = bind_of.get(key, {})
        vadd(f"{comment}: strict", ["NonCanonicalEncoding"], "acceptable", GEN + "; token-formats.md §5",
             vin(t, 1111200, **b), verdict("malformed", "non_canonical_base64"))
        vadd(f"{comment}: lenient", ["NonCanonicalEncoding", "LenientBase64"], "valid", GEN + "; token-formats.md §5",
             vin(t, 1111200, b64mode="lenient", **b), verdict("valid"))

    # Unknown service types: the token still verifies; services after the unknown one are unreadable.
    for comment, t, kept in unknown_tokens:
        vadd(f"{comment}: verifies", ["UnknownServiceType"], "acceptable", f"{S4} (unknown service types)",
             vin(t, 1111200), verdict("valid"))
    vadd("RTC then unknown 999, bound to the RTC channel and uid", ["UnknownServiceType"], "acceptable",
         f"{S4} (known services before an unknown one survive)",
         vin(unknown_tokens[0][1], 1111200, channel_name=CH, uid=UID, privileges=[1]), verdict("valid"))
    vadd("type 0 first: the RTC service behind it cannot be read, so it is missing", ["UnknownServiceType"],
         "invalid", f"{GENERATOR} (inferred: no layout is known past an unknown type)",
         vin(unknown_tokens[1][1], 1111200, channel_name=CH, uid=UID), verdict("service_missing"))
    vadd("Chat behind unknown 999 is lost: service_missing", ["UnknownServiceType"], "invalid", GENERATOR,
         vin(unknown_tokens[2][1], 1111200, service_type=5, user_id=str(UID)), verdict("service_missing"))
    no_svc_tok = token007(no_svc)
    vadd("no services, no binding: valid (nothing to check)", ["ServiceCount"], "valid", GEN,
         vin(no_svc_tok, 1111200), verdict("valid"))
    vadd("no services, RTC binding: service_missing", ["ServiceCount"], "invalid", GEN,
         vin(no_svc_tok, 1111200, channel_name=CH, uid=UID), verdict("service_missing"))

    # Expiry: token at issue_ts + expire, privilege at issue_ts + v.
    for now, cond in ((1111710, "valid"), (1111711, "expired"), (1111712, "expired")):
        vadd(f"vector A at now = issue_ts + expire {now - 1111711:+d}", ["ExpiryBoundary"],
             "valid" if cond == "valid" else "invalid", f"{S4} vector A; docs/formats/agora.md expiry (inferred)",
             vin(T7["A"], now, channel_name=CH, uid=UID), verdict(cond))
    pe = tokens["privilege_expire"]  # join 600, publish 300: publish ends at 1111411
    for now, cond in ((1111410, "valid"), (1111411, "privilege_expired"), (1111412, "privilege_expired")):
        vadd(f"publish audio (2, value 300) required at now = issue_ts + 300 {now - 1111411:+d}",
             ["PrivilegeExpiry", "ExpiryBoundary"], "valid" if cond == "valid" else "invalid",
             f"{GENERATOR}; token-formats.md §2 (parse.py: privilege expiry = issueTs + value)",
             vin(pe, now, channel_name=CH, uid=UID, privileges=[1, 2]),
             verdict(cond, privilege=2 if cond != "valid" else None))
    vadd("publish expired but only join required: valid", ["PrivilegeExpiry"], "valid", GENERATOR,
         vin(pe, 1111500, channel_name=CH, uid=UID, privileges=[1]), verdict("valid"))
    vadd("privilege value 0: no separate limit, valid until the token expires", ["PrivilegeExpiry"], "valid",
         GENERATOR + "; docs/formats/agora.md (0 = no separate limit, inferred)",
         vin(tokens["priv_zero"], 1111710, channel_name=CH, uid=UID, privileges=[1]), verdict("valid"))
    big = build007(in007([rtc(privileges={"1": 900})]))["token"]
    vadd("privilege value 900 beyond expire 600: the token expires first", ["PrivilegeExpiry", "ExpiryBoundary"],
         "invalid", GENERATOR, vin(big, 1111711, channel_name=CH, uid=UID, privileges=[1]), verdict("expired"))
    exp0 = build007(in007([rtc()], expire=0))["token"]
    vadd("expire 0: valid one second before issue_ts", ["ExpiryBoundary", "FutureIssue"], "valid", GENERATOR,
         vin(exp0, 1111110, channel_name=CH, uid=UID), verdict("valid"))
    vadd("expire 0: expired at issue_ts", ["ExpiryBoundary"], "invalid", GENERATOR,
         vin(exp0, 1111111, channel_name=CH, uid=UID), verdict("expired"))
    vadd("issue_ts a day after now: no not-before check", ["FutureIssue"], "valid", GENERATOR,
         vin(T7["A"], 1111111 - 86400, channel_name=CH, uid=UID), verdict("valid"))
    wrap = build007(in007([rtc()], issue_ts=0xFFFFFF00, expire=0x200))["token"]
    vadd("issue_ts 0xFFFFFF00 + expire 0x200 passes 2^32: not expired at now 0xFFFFFFFF", ["TimeWrap"], "valid",
         GENERATOR, vin(wrap, 0xFFFFFFFF, channel_name=CH, uid=UID), verdict("valid"))
    vadd("issue_ts 0xFFFFFF00 + expire 0x200: expired at 0x100000100", ["TimeWrap", "ExpiryBoundary"], "invalid",
         GENERATOR, vin(wrap, 0x100000100, channel_name=CH, uid=UID), verdict("expired"))
    vadd("bad signature reported before expiry (check order)", ["ModifiedTag", "ExpiryBoundary"], "invalid",
         GENERATOR, vin(token007(payload007(bytes(32), info_a)), 1111711), verdict("bad_signature"))
    vadd("expiry reported before a channel mismatch (check order)", ["ExpiryBoundary", "BindingMismatch"], "invalid",
         GENERATOR, vin(T7["A"], 1111711, channel_name="x", uid=UID), verdict("expired"))

    # Binding.
    bm = [("app id bound as another App ID", dict(app_id=OTHER_APP, channel_name=CH, uid=UID), "app_id_mismatch"),
          ("app id bound in lower case", dict(app_id=APP.lower(), channel_name=CH, uid=UID), "app_id_mismatch"),
          ("channel differs", dict(channel_name="other-channel", uid=UID), "channel_mismatch"),
          ("channel differs in case only", dict(channel_name=CH.upper(), uid=UID), "channel_mismatch"),
          ("uid differs", dict(channel_name=CH, uid=2882341274), "uid_mismatch"),
          ("uid bound as 0 (\"\")", dict(channel_name=CH, uid=0), "uid_mismatch"),
          ("uid bound as a user account", dict(channel_name=CH, uid=USER), "uid_mismatch")]
    for comment, kw, cond in bm:
        vadd(f"vector A: {comment}", ["BindingMismatch"], "invalid", f"{SEED_CODES} (110); {S4} vector A",
             vin(T7["A"], 1111200, **kw), verdict(cond))
    vadd("vector B (uid 0) bound as the string \"0\"", ["BindingMismatch", "UidRule"], "invalid",
         f"{SEED_CODES} (110: user ID and its type must match); {S4} vector B",
         vin(T7["B"], 1111200, channel_name=CH, uid="0"), verdict("uid_mismatch"))
    vadd("token for uid \"0\" bound as the number 0", ["BindingMismatch", "UidRule"], "invalid",
         "token-formats.md §1 uid rule", vin(tokens["uid_str0"], 1111200, channel_name=CH, uid=0),
         verdict("uid_mismatch"))
    vadd("vector A bound by uid only (no channel)", [], "valid", f"{S4} vector A",
         vin(T7["A"], 1111200, uid="2882341273"), verdict("valid"))
    for comment, app_id in [("\"invalid\"", "invalid"), ("\"Z70C…\"", "Z" + APP[1:]), ("empty", "")]:
        vadd(f"bound app id {comment} is not an App ID", ["InvalidAppId"], "invalid", f"{SEED_CODES} (101)",
             vin(T7["A"], 1111200, app_id=app_id, channel_name=CH, uid=UID), verdict("invalid_app_id"))
    vadd("RTM token C presented for RTC (channel bound)", ["ServiceConfusion"], "invalid", f"{S4} vector C",
         vin(T7["C"], 1111200, channel_name=CH, uid=UID), verdict("service_missing"))
    vadd("RTC token A presented for RTM (user id bound)", ["ServiceConfusion"], "invalid", f"{S4} vector A",
         vin(T7["A"], 1111200, user_id=str(UID)), verdict("service_missing"))
    vadd("RTC token A presented for Chat (service_type 5)", ["ServiceConfusion"], "invalid", f"{S4} vector A",
         vin(T7["A"], 1111200, service_type=5), verdict("service_missing"))
    vadd("RTM2 token with only user_id bound: that selects RTM (type 2), which it lacks", ["ServiceConfusion"],
         "invalid", GENERATOR, vin(tokens["rtm2"], 1111200, user_id=USER), verdict("service_missing"))
    vadd("Chat token D required to grant privilege 1 for RTC", ["ServiceConfusion"], "invalid", f"{S4} vector D",
         vin(T7["D"], 1111200, privileges=[1]), verdict("service_missing"))
    vadd("RTM token C: user id differs", ["BindingMismatch"], "invalid", f"{S4} vector C",
         vin(T7["C"], 1111200, user_id="someone-else"), verdict("user_id_mismatch"))
    vadd("Chat token D: user id differs", ["BindingMismatch"], "invalid", f"{S4} vector D",
         vin(T7["D"], 1111200, service_type=5, user_id="2882341274"), verdict("user_id_mismatch"))
    vadd("Chat app token E bound to a user", ["BindingMismatch"], "invalid", f"{S4} vector E",
         vin(T7["E"], 1111200, service_type=5, user_id=str(UID)), verdict("user_id_mismatch"))
    vadd("Chat app token E: privilege 1 (user) is not granted", ["RequiredPrivileges"], "invalid", f"{S4} vector E",
         vin(T7["E"], 1111200, service_type=5, privileges=[1]), verdict("privilege_missing", privilege=1))
    vadd("Streaming: account differs (the account is the user's uid/account slot)", ["BindingMismatch"], "invalid",
         "token-formats.md §2 (Streaming account = numeric uid or string account); docs/formats/agora.md",
         vin(tokens["streaming"], 1111200, service_type=3, channel_name=CH, account="other"), verdict("uid_mismatch"))
    vadd("FCDN: account differs", ["BindingMismatch"], "invalid", "token-formats.md §2; docs/formats/agora.md",
         vin(tokens["fcdn"], 1111200, service_type=6, channel_name=CH, account="other"), verdict("uid_mismatch"))
    vadd("FCDN: channel differs", ["BindingMismatch"], "invalid", "token-formats.md §2",
         vin(tokens["fcdn"], 1111200, service_type=6, channel_name="x", account=USER), verdict("channel_mismatch"))
    vadd("two RTC services: the second (channel a, uid 1) matches", ["MultiService"], "valid", GENERATOR,
         vin(tokens["two_rtc"], 1111200, channel_name="a", uid=1, privileges=[1]), verdict("valid"))
    vadd("two RTC services: the first (channel b, uid 2) grants publish audio", ["MultiService"], "valid", GENERATOR,
         vin(tokens["two_rtc"], 1111200, channel_name="b", uid=2, privileges=[1, 2]), verdict("valid"))
    vadd("two RTC services: channel a grants no publish audio", ["MultiService", "RequiredPrivileges"], "invalid",
         GENERATOR, vin(tokens["two_rtc"], 1111200, channel_name="a", uid=1, privileges=[2]),
         verdict("privilege_missing", privilege=2))
    vadd("two RTC services: channel of one and uid of the other do not combine", ["MultiService", "BindingMismatch"],
         "invalid", GENERATOR, vin(tokens["two_rtc"], 1111200, channel_name="b", uid=1), verdict("uid_mismatch"))
    vadd("RTC + RTM token used for RTM", ["MultiService"], "valid", "token-formats.md §2 BuildTokenWithRtm",
         vin(tokens["rtc_rtm"], 1111200, user_id=USER, privileges=[1]), verdict("valid"))
    vadd("all-types token: RTM2 selected by service_type 8", ["MultiService"], "valid", GENERATOR,
         vin(tokens["all_types"], 1111200, service_type=8, user_id=USER, privileges=[1]), verdict("valid"))
    vadd("all-types token: STT requires privilege 1, which its empty map lacks", ["RequiredPrivileges"], "invalid",
         GENERATOR, vin(tokens["all_types"], 1111200, service_type=10, privileges=[1]),
         verdict("privilege_missing", privilege=1))
    vadd("required privileges in order [1, 4, 1000]: 1000 is missing", ["RequiredPrivileges"], "invalid", GENERATOR,
         vin(tokens["publisher"], 1111200, channel_name=CH, uid=UID, privileges=[1, 4, 1000]),
         verdict("privilege_missing", privilege=1000))

    # Secrets and certificate presence.
    for comment, cert in [("'a' * 32", "a" * 32), ("first character changed", "6" + CERT[1:])]:
        vadd(f"wrong certificate: {comment}", ["WrongSecret"], "invalid", f"{S4} negative cases (verify fails)",
             vin(T7["A"], 1111200, cert=cert), verdict("bad_signature"))
    vadd("certificate in lower case (another key)", ["KeyEncoding"], "invalid", "token-formats.md §0",
         vin(T7["A"], 1111200, cert=CERT.lower()), verdict("bad_signature"))
    vadd("token built with the lower-case certificate, verified with the original", ["KeyEncoding"], "invalid",
         "token-formats.md §0", vin(tokens["lower_hex"], 1111200, cert=CERT), verdict("bad_signature"))
    for comment, cert in [("\"invalid\"", "invalid"), ("31 characters", CERT[:31]), ("…d3Z", CERT[:-1] + "Z"),
                          ("a 36-character dashed UUID", dashed(CERT))]:
        vadd(f"certificate {comment} is not 32 hex characters", ["InvalidSecret"], "invalid",
             f"{S4} negative cases (-3)", vin(T7["A"], 1111200, cert=cert), verdict("invalid_secret"))
    vadd("certificate enabled, empty token", ["CertificatePresence"], "invalid", f"{SEED_CODES} (110 / Web 120)",
         vin("", 1111200), verdict("token_missing"))
    vadd("certificate enabled, token null", ["CertificatePresence"], "invalid", f"{SEED_CODES} (110 / Web 120)",
         {"token": None, "app_certificate": CERT, "now": 1111200}, verdict("token_missing"))
    vadd("no certificate, token given", ["CertificatePresence"], "invalid", f"{SEED_CODES} (110 / Web 119)",
         vin(T7["A"], 1111200, cert=""), verdict("token_unexpected"))
    vadd("no certificate field, token given", ["CertificatePresence"], "invalid", f"{SEED_CODES} (110 / Web 119)",
         {"token": T7["A"], "now": 1111200}, verdict("token_unexpected"))
    vadd("neither certificate nor token", ["CertificatePresence"], "valid", SEED_CODES,
         {"token": "", "app_certificate": "", "now": 1111200}, verdict("valid"))

    return [f.write(root) for f in (build, parse, verify)]


def base64_sig(token):
    """The signature inside a 007 token."""
    plain, _ = inflate(base64.b64decode(token[3:]))
    return Reader(plain).string()


def main():
    paths = agora006(ROOT) + agora007(ROOT)
    for p in paths:
        print(os.path.relpath(p, os.path.dirname(ROOT)))


if __name__ == "__main__":
    main()
