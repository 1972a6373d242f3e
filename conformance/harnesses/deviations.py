"""The known deviation classes of the official npm packages, as code.

classify(package, op, inp, want, got) names why a package's answer `got`
differs from the reference's answer `want` to the request `inp`, as
(class, evidence), or None when the difference is of no known kind. The same
rules judge the conformance matrix (check_compat.py checks that each
deviations.allow line carries the class they give) and the differential fuzzer
(difffuzz.py counts only unknown differences). Each rule cites where the
behaviour is in the package's source or in the notes. Standard library only.
"""

import base64
import json
import zlib

CLASSES = ("different-bytes", "lenient", "package-bug", "reference-wrong")

# Conditions that lead to other vendor codes than Agora's 110 (docs/formats/agora.md
# "Vendor codes"): a verify that swaps one of these for another code is a real difference.
AGORA_CODE = {"expired": 109, "privilege_expired": 109, "invalid_app_id": 101,
              "token_missing": 120, "token_unexpected": 119}


def agree(op, want, got):
    """Whether two answers agree the way the gate judges them (not byte for byte
    in conditions: another condition with the same vendor codes agrees)."""
    if op == "build":
        return ("token" in want) == ("token" in got) and want.get("token") == got.get("token")
    if op == "parse":
        if bool(want.get("ok")) != bool(got.get("ok")):
            return False
        if not want.get("ok"):
            return True
        # No package reports which unknown 007 service type stopped its parse (it
        # keeps the services before it, as the reference does): the vectors mark
        # that `acceptable` (flag UnknownServiceType), so it is no difference here.
        w, g = dict(want.get("fields") or {}), dict(got.get("fields") or {})
        if w.get("unknown_service_type") is not None and g.get("unknown_service_type") is None:
            w.pop("unknown_service_type")
            g.pop("unknown_service_type", None)
        return w == g
    w, g = want.get("condition"), got.get("condition")
    if (w == "valid") != (g == "valid"):
        return False
    return AGORA_CODE.get(w, 110) == AGORA_CODE.get(g, 110)


def inflate_007(token):
    try:
        return zlib.decompress(base64.b64decode(token[3:]))
    except Exception:  # noqa: BLE001 - an undecodable token has no payload
        return None


def usersig_claims(token):
    """Tencent's b64tls(zlib(JSON)) decoded (docs/formats/tencent.md), or None."""
    try:
        raw = token.replace("*", "+").replace("-", "/").replace("_", "=")
        return json.loads(zlib.decompress(base64.b64decode(raw)))
    except Exception:  # noqa: BLE001
        return None


# What a lenient decoder reads anyway: the packages decode base64 leniently (Buffer.from) and
# ignore trailing data, key order and (007 from_string) the app id's shape and inflate size.
LENIENT_MALFORMATIONS = {"non_canonical_base64", "trailing_bytes", "trailing_after_zlib", "unsorted_map",
                         "bad_app_id", "zlib_too_large"}


def _read_leniently(op, want, got):
    """A verify the reference stops at a flaw the package reads past, rejected later for
    another reason (another vendor code): the same lenient decoding, seen through verify."""
    return (op == "verify" and want.get("condition") == "malformed"
            and want.get("malformation") in LENIENT_MALFORMATIONS and got.get("condition") not in (None, "valid"))


def _rejected(want):
    return f"{want.get('condition')}" + (f"/{want['malformation']}" if want.get("malformation") else "")


def _agora_007(op, inp, want, got):
    if op == "build":
        if "token" in want and "token" in got:
            a, b = inflate_007(want["token"]), inflate_007(got["token"])
            if a is not None and a == b:
                return ("different-bytes", "Node's bundled zlib deflates the same signed payload to other "
                        "bytes (token-formats.md §2: compression is not canonical)")
            if any(s.get("type") == 7 and s.get("role") == 0 for s in inp.get("services", [])):
                return ("package-bug", "ServiceApaas stores `role || -1`, so role 0 is packed as -1 "
                        "(agora-token src/AccessToken2.js ServiceApaas; token-formats.md §5)")
            return None
        if "token" in got:
            return ("lenient", f"builds what the reference refuses ({want.get('error', {}).get('code')})")
        return None
    if op == "parse":
        if not want.get("ok") and got.get("ok"):
            return ("lenient", f"from_string reads a token the reference rejects as {_rejected(want)} "
                    "(it checks neither the app id's shape, trailing bytes nor an inflate limit)")
        if want.get("ok") and got.get("ok"):
            services = want["fields"].get("services", [])
            if any(s.get("type") == 8 and any(not p for p in s.get("permissions", {}).values()) for s in services):
                return ("package-bug", "ServiceRtm2.unpack drops a resource type with no permission list: "
                        "Rtm2Permissions.add runs only per permission type (token-formats.md §5)")
            names = [n for s in services if s.get("type") == 8 for p in s.get("permissions", {}).values()
                     for names in p.values() for n in names]
            if any("\\x" in n for n in names):
                return ("package-bug", "ServiceRtm2.unpack turns RTM2 resource names into strings "
                        "(getString().toString()): bytes that are not UTF-8 become U+FFFD, so other "
                        "names read the same (agora-token src/AccessToken2.js)")
        return None
    if want.get("condition") != "valid" and got.get("condition") == "valid":
        return ("lenient", f"the verify composed over from_string/verifySignature accepts a token the "
                f"reference rejects as {_rejected(want)}")
    if _read_leniently(op, want, got):
        return ("lenient", f"from_string reads past {_rejected(want)}; the token is then rejected as "
                f"{got.get('condition')}")
    return None


def _agora_006(op, inp, want, got):
    short_read = ("truncated", "length_overflow")
    if op == "build":
        if "error" in want and "token" in got:
            return ("lenient", f"AccessToken.build checks neither app id nor certificate, so it builds what "
                    f"the reference refuses ({want.get('error', {}).get('code')}; token-formats.md §0)")
        return None
    accepted = got.get("ok") if op == "parse" else got.get("condition") == "valid"
    rejected = (not want.get("ok")) if op == "parse" else want.get("condition") != "valid"
    if accepted and rejected:
        if want.get("malformation") in short_read:
            return ("package-bug", "ReadByteBuf.getString copies into Buffer.alloc(len): a string cut short "
                    "is zero-padded instead of failing, so a truncated token parses "
                    "(agora-access-token src/AccessToken.js)")
        return ("lenient", f"fromString (Buffer.from base64, no shape checks) reads a token the reference "
                f"rejects as {_rejected(want)}")
    if _read_leniently(op, want, got):
        return ("lenient", f"fromString reads past {_rejected(want)}; the token is then rejected as "
                f"{got.get('condition')}")
    if (op == "verify" and want.get("malformation") in short_read
            and got.get("condition") not in (None, "valid")):
        return ("package-bug", f"the zero-padded short read (ReadByteBuf.getString) gets past "
                f"{_rejected(want)}; the token is then rejected as {got.get('condition')}")
    return None


def _tencent(op, inp, want, got):
    if op != "build":
        return None
    if "error" in want and "token" in got:
        return ("lenient", f"the package refuses nothing; the reference refuses this ({want.get('error', {}).get('code')})")
    if "token" not in want or "token" not in got:
        return None
    a, b = usersig_claims(want["token"]), usersig_claims(got["token"])
    if a is not None and a == b:
        return ("different-bytes", "same claims and signature; the package writes its own JSON member order "
                "and Node's zlib level 6 (docs/formats/tencent.md; suite-anchors.md §7 SDK divergence)")
    if a is not None and b is not None and "TLS.expire" not in a and b.get("TLS.expire") == 0:
        if a == {k: v for k, v in b.items() if k != "TLS.expire"}:
            return ("different-bytes", "the Go SDK's omitempty drops TLS.expire 0, the package writes it; "
                    "the same claims otherwise (docs/formats/tencent.md)")
    userbuf = inp.get("userbuf") or {}
    if userbuf.get("room_str") == "" and not any(k in userbuf for k in ("account", "sdkappid", "expire_abs")):
        return ("package-bug", "genPrivateMapKeyWithStringRoomID writes version 1 for an empty room string "
                "(`null != roomstr`); the Go and Python SDKs write the numeric layout (`len(roomStr) > 0`, "
                "docs/formats/tencent.md)")
    big = 2**53
    if any(abs(int(inp.get(k, 0))) > big for k in ("time", "expire", "sdkappid")):
        return ("package-bug", "integers are JavaScript doubles: values past 2^53 are rounded "
                "(tls-sig-api-v2 TLSSigAPIv2.js Number(...))")
    texts = [userbuf.get("account", inp.get("identifier", "")), userbuf.get("room_str") or ""]
    if "userbuf" in inp and any(ord(c) > 0x7F for t in texts for c in t):
        return ("package-bug", "_genUserbuf writes the account's and the room string's length in UTF-16 "
                "code units and each as charCodeAt & 0xFF, not their UTF-8 bytes (tls-sig-api-v2 "
                "TLSSigAPIv2.js)")
    return None


RULES = {"agora-token": _agora_007, "agora-access-token": _agora_006, "tls-sig-api-v2": _tencent}


def classify(package, op, inp, want, got):
    return RULES[package](op, inp, want, got)
