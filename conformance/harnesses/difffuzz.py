#!/usr/bin/env python3
"""Differential fuzzing of an official npm package against the reference.

    difffuzz.py --tokcheck BIN --package NAME [--seed N] [--cases N | --seconds S]

Generates random requests reproducibly from --seed: builds over every service
type, privilege maps, uid forms, Unicode and boundary values, and tokens the
reference built then tampered with (characters, base64, the decoded or
inflated bytes) for parse and verify. Each request goes to the reference
(`tokcheck serve`) and to the package's harness (both speak docs/PROTOCOL.md).
A disagreement that a known deviation class explains (deviations.py) is
counted under its class; any other is shrunk to a minimal request and printed
as a ready-to-add vector line (`VECTOR {...}`, `source` naming package@version
and the seed). The last line is

    difffuzz: <package>@<version> seed=S cases=N in T s (R cases/s); known: ...; unknown: K

and the exit code is 1 when K > 0. Standard library only.
"""

import argparse
import base64
import json
import os
import random
import subprocess
import sys
import threading
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import deviations  # noqa: E402

SCHEME = {"agora-token": "agora-007", "agora-access-token": "agora-006", "tls-sig-api-v2": "tencent-usersig"}


class Peer:
    """One implementation speaking the protocol over a pipe."""

    def __init__(self, cmd):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
        self.n = 0

    def ask(self, op, scheme, inp):
        self.n += 1
        req = {"id": str(self.n), "op": op, "scheme": scheme, "input": inp}
        self.proc.stdin.write(json.dumps(req, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"{op} {scheme}: the implementation exited")
        answer = json.loads(line)
        if answer.pop("id", None) != req["id"]:
            raise RuntimeError(f"{op} {scheme}: answer without the request's id: {line}")
        return answer

    def send_many(self, requests):
        """Writes every request from a thread (so neither side blocks on a full
        pipe) and returns a function that reads their answers, in order."""
        ids, lines = [], []
        for op, scheme, inp in requests:
            self.n += 1
            ids.append(str(self.n))
            lines.append(json.dumps({"id": ids[-1], "op": op, "scheme": scheme, "input": inp},
                                    ensure_ascii=False) + "\n")

        def write():
            self.proc.stdin.write("".join(lines))
            self.proc.stdin.flush()

        writer = threading.Thread(target=write)
        writer.start()

        def read():
            answers = []
            for want_id in ids:
                line = self.proc.stdout.readline()
                if not line:
                    raise RuntimeError("the implementation exited")
                answer = json.loads(line)
                if answer.pop("id", None) != want_id:
                    raise RuntimeError(f"answer out of order or without id: {line}")
                answers.append(answer)
            writer.join()
            return answers
        return read

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


# ------------------------------------------------------------------ values
U32 = [0, 1, 2, 599, 600, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF]
TEXTS = ["", "a", "7d72365eb983485397e3e3f9d460bdda", "test_user", "ü", "频道", "😀", "a b", 'q"\\',
         "\x01\n", "0", "-1", "2882341273", "x" * 300]
APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"


def u32(r):
    return r.choice(U32) if r.random() < 0.4 else r.randrange(0, 2**32)


def text(r):
    if r.random() < 0.5:
        return r.choice(TEXTS)
    alphabet = "abcXYZ09_-.ü频😀 "
    return "".join(r.choice(alphabet) for _ in range(r.randrange(0, 12)))


def hex32(r, good):
    if r.random() < 0.85:
        return good if r.random() < 0.7 else "".join(r.choice("0123456789abcdefABCDEF") for _ in range(32))
    return r.choice(["", "invalid", good[:31], good + "0", "Z" + good[1:], good[:8] + "-" + good[8:]])


def uid(r):
    return r.choice([0, 1, r.randrange(2**32), 2**32 - 1, "", "0", str(r.randrange(2**32)), text(r)])


def account(r):
    """Streaming/FCDN account: always a string in the request (a numeric uid's text or a name)."""
    return r.choice(["", "0", str(r.randrange(2**32)), "2882341273", text(r)])


def privileges(r, keys):
    out = {}
    for _ in range(r.randrange(0, 4)):
        out[str(r.choice(keys) if r.random() < 0.8 else r.randrange(0, 65536))] = u32(r)
    return out


# ------------------------------------------------------------------ agora 007
def service(r):
    t = r.randrange(1, 11)
    s = {"type": t, "privileges": privileges(r, [1, 2, 3, 4])}
    if t == 1:
        s.update(channel_name=text(r), uid=uid(r))
    elif t in (2, 5):
        s["user_id"] = text(r)
    elif t in (3, 6):
        s.update(channel_name=text(r), account=account(r))
    elif t == 7:
        s.update(room_uuid=text(r), user_uuid=text(r))
        if r.random() < 0.8:
            s["role"] = r.choice([-32768, -1, 0, 1, 2, 3, 32767])
    elif t == 8:
        s["user_id"] = text(r)
        perms = {}
        for _ in range(r.randrange(0, 3)):
            lists = {str(p): [text(r) for _ in range(r.randrange(0, 3))] for p in r.sample([0, 1], r.randrange(1, 3))}
            perms[str(r.randrange(0, 5))] = lists
        s["permissions"] = perms
    return s


def build_007(r):
    return {"app_id": hex32(r, APP_ID), "app_certificate": hex32(r, CERT), "issue_ts": u32(r),
            "expire": u32(r), "salt": u32(r), "services": [service(r) for _ in range(r.randrange(1, 4))]}


def tamper_007(r, token):
    if r.random() < 0.5:
        return tamper_text(r, token, "007")
    raw = deviations.inflate_007(token)
    raw = tamper_bytes(r, raw)
    comp = zlib.compress(raw, r.choice([0, 1, 6, 9]))
    if r.random() < 0.1:
        comp += b"\0"
    return "007" + base64.b64encode(comp).decode()


def verify_007(r, req, token):
    s = r.choice(req["services"])
    inp = {"token": token, "app_certificate": req["app_certificate"] if r.random() < 0.9 else hex32(r, CERT),
           "now": r.choice([req["issue_ts"], req["issue_ts"] + req["expire"] - 1, req["issue_ts"] + req["expire"],
                            u32(r)])}
    if r.random() < 0.5:
        inp["app_id"] = req["app_id"] if r.random() < 0.8 else hex32(r, APP_ID)
    if r.random() < 0.5:
        inp["service_type"] = s["type"]
    for k in ("channel_name", "uid", "user_id", "account"):
        if k in s and r.random() < 0.7:
            inp[k] = s[k] if r.random() < 0.8 else (uid(r) if k == "uid" else account(r) if k == "account" else text(r))
    if r.random() < 0.5:
        inp["privileges"] = [int(k) for k in s["privileges"]][:2] or [1]
    return inp


# ------------------------------------------------------------------ agora 006
def build_006(r):
    return {"app_id": hex32(r, APP_ID), "app_certificate": hex32(r, CERT), "channel_name": text(r),
            "uid": uid(r), "salt": u32(r), "ts": u32(r), "privileges": privileges(r, [1, 2, 3, 4, 1000])}


def tamper_006(r, token):
    if r.random() < 0.5:
        return tamper_text(r, token, "006")
    raw = tamper_bytes(r, base64.b64decode(token[35:]))
    return token[:35] + base64.b64encode(raw).decode()


def verify_006(r, req, token):
    inp = {"token": token, "app_certificate": req["app_certificate"] if r.random() < 0.9 else hex32(r, CERT),
           "now": r.choice([req["ts"] - 1, req["ts"], u32(r)]),
           "app_id": req["app_id"] if r.random() < 0.9 else hex32(r, APP_ID),
           "channel_name": req["channel_name"] if r.random() < 0.8 else text(r),
           "uid": req["uid"] if r.random() < 0.8 else uid(r)}
    if r.random() < 0.5:
        inp["privileges"] = [int(k) for k in req["privileges"]][:2] or [1]
    return inp


# ------------------------------------------------------------------ tampering
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def tamper_text(r, token, prefix):
    body = list(token[3:])
    k = r.randrange(6)
    i = r.randrange(len(body) + 1)
    if k == 0 and body:
        body[min(i, len(body) - 1)] = r.choice(B64 + "=-_ \n")
    elif k == 1 and body:
        del body[min(i, len(body) - 1)]
    elif k == 2:
        body.insert(i, r.choice(B64 + "="))
    elif k == 3:
        body = body[:i]
    elif k == 4:
        body += list(r.choice(["=", "==", "A", "AA=", "\n"]))
    else:
        prefix = r.choice(["006", "007", "008", "00", "", "O07"])
    return prefix + "".join(body)


def tamper_bytes(r, raw):
    b = bytearray(raw)
    for _ in range(r.randrange(1, 3)):
        k = r.randrange(4)
        i = r.randrange(len(b) + 1)
        if k == 0 and b:
            b[min(i, len(b) - 1)] ^= 1 << r.randrange(8)
        elif k == 1:
            b = b[:i]
        elif k == 2:
            b[i:i] = bytes([r.randrange(256)])
        elif b:
            b[min(i, len(b) - 1)] = r.choice([0, 0xFF, 0x7F, 0x80])
    return bytes(b)


# ------------------------------------------------------------------ tencent
def build_tencent(r):
    inp = {"sdkappid": u32(r), "key": r.choice(["5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
                                                  "k", "0" * 64, ""]) if r.random() < 0.3 else
           "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
           "identifier": text(r), "expire": r.choice([0, 1, 86400, 15552000, -1, 2**31, r.randrange(2**32)]),
           "time": r.choice([0, 1700000000, 2**32 - 1, 2**32, r.randrange(2**33)])}
    k = r.randrange(5)
    if k == 1:
        inp["userbuf"] = {"room_id": u32(r), "privilege_map": r.choice([0, 1, 42, 255, u32(r)])}
    elif k == 2:
        inp["userbuf"] = {"room_str": text(r), "privilege_map": r.choice([0, 42, 255])}
    elif k == 3:
        inp["userbuf_hex"] = bytes(r.randrange(256) for _ in range(r.randrange(0, 12))).hex()
    return inp


# ------------------------------------------------------------------ the loop
def plan_case(r, package):
    """The first half of a random case: (op, input) for a build, or ("token",
    build request) when the case needs a token the reference builds first."""
    if package == "tls-sig-api-v2":
        return "build", build_tencent(r)
    req = (build_007 if package == "agora-token" else build_006)(r)
    if r.random() < 0.4:
        return "build", req
    req["app_id"], req["app_certificate"] = APP_ID, CERT
    return "token", req


def finish_case(r, package, req, built):
    """The second half: a parse or verify of that token, tampered with half the time."""
    if "token" not in built:
        return "build", req
    token = built["token"]
    if r.random() < 0.5:
        token = (tamper_007 if package == "agora-token" else tamper_006)(r, token)
    if r.random() < 0.3:
        return "parse", {"token": token}
    return "verify", (verify_007 if package == "agora-token" else verify_006)(r, req, token)


def gen_batch(r, package, ref, n):
    """n random cases; the tokens they need are built by the reference in one go."""
    scheme = SCHEME[package]
    plans = [plan_case(r, package) for _ in range(n)]
    need = [req for kind, req in plans if kind == "token"]
    built = iter(ref.send_many([("build", scheme, req) for req in need])())
    return [finish_case(r, package, req, next(built)) if kind == "token" else (kind, req) for kind, req in plans]


def judge(package, op, inp, want, got):
    """None when the answers agree; else (class, evidence), class "unknown" if no rule explains it."""
    if "usage_error" in want:  # the generator made a request the protocol does not allow
        raise RuntimeError(f"the reference cannot read {op} {json.dumps(inp)[:300]}: {want['usage_error']}")
    if deviations.agree(op, want, got) or (op == "build" and "error" in want and "error" in got):
        return None
    return deviations.classify(package, op, inp, want, got) or ("unknown", "")


def unknown(package, scheme, op, inp, ref, impl):
    want, got = ref.ask(op, scheme, inp), impl.ask(op, scheme, inp)
    return judge(package, op, inp, want, got), want, got


def smaller(value):
    """Candidate simplifications of a JSON value, smallest first."""
    if isinstance(value, dict):
        for k in list(value):
            if k not in ("token", "type", "app_id", "app_certificate", "key", "identifier", "sdkappid", "time",
                         "expire", "issue_ts", "salt", "now", "ts"):
                yield {kk: vv for kk, vv in value.items() if kk != k}
        for k, v in value.items():
            for s in smaller(v):
                yield {**value, k: s}
    elif isinstance(value, list):
        for i in range(len(value)):
            if len(value) > 1:
                yield value[:i] + value[i + 1:]
        for i, v in enumerate(value):
            for s in smaller(v):
                yield value[:i] + [s] + value[i + 1:]
    elif isinstance(value, str) and value and len(value) < 1000:
        for s in ("", value[: len(value) // 2], "a"):
            if s != value:
                yield s
    elif isinstance(value, int) and not isinstance(value, bool) and value not in (0, 1):
        for s in (0, 1, value // 2):
            if s != value:
                yield s


def shrink(package, scheme, op, inp, ref, impl, budget=300):
    """Greedy: keep any simplification that is still an unknown disagreement."""
    changed = True
    while changed and budget > 0:
        changed = False
        for cand in smaller(inp):
            budget -= 1
            if budget <= 0:
                break
            try:
                cls, _, _ = unknown(package, scheme, op, cand, ref, impl)
            except RuntimeError:  # a field the protocol requires was dropped: not a candidate
                continue
            if cls and cls[0] == "unknown":
                inp, changed = cand, True
                break
    return inp


BATCH = 200  # cases generated and sent together (pipelined: one write, then the answers)


def vector_expected(op, want):
    """The reference's answer in a vector file's `expected` shape (docs/VECTORS.md)."""
    if op == "build":
        return {"token": want["token"]} if "token" in want else {"error": {"code": want["error"]["code"]}}
    if op == "parse":
        keys = ("ok", "fields") if want.get("ok") else ("ok", "condition", "malformation")
        return {k: want.get(k) for k in keys}
    codes = [{k: c.get(k) for k in ("platform", "code", "name")} for c in want.get("vendor_codes", [])]
    return {"condition": want.get("condition"), "malformation": want.get("malformation"),
            "privilege": want.get("privilege"), "vendor_codes": codes}


def report_unknown(args, package, version, scheme, op, inp, case_no, ref, impl):
    """Shrinks an unknown disagreement and prints it as a ready-to-add vector."""
    small = shrink(package, scheme, op, inp, ref, impl)
    _, want, got = unknown(package, scheme, op, small, ref, impl)
    if op == "build":
        valid = "token" in want
    elif op == "parse":
        valid = bool(want.get("ok"))
    else:
        valid = want.get("condition") == "valid"
    vector = {"comment": f"difffuzz: {package} answered {json.dumps(got, ensure_ascii=False)[:200]}",
              "flags": [], "result": "valid" if valid else "invalid",
              "source": f"conformance/harnesses/difffuzz.py --package {package} --seed {args.seed} "
                        f"(case {case_no}); {package}@{version} disagrees",
              "input": small, "expected": vector_expected(op, want)}
    print(f"VECTOR {scheme}/{op}.json " + json.dumps(vector, ensure_ascii=False), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tokcheck", required=True)
    ap.add_argument("--package", required=True, choices=sorted(SCHEME))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cases", type=int, default=0)
    ap.add_argument("--seconds", type=float, default=0)
    ap.add_argument("--max-print", type=int, default=5, help="shrink and print at most this many unknowns")
    args = ap.parse_args()
    if not args.cases and not args.seconds:
        ap.error("give --cases or --seconds")
    package, scheme = args.package, SCHEME[args.package]
    with open(os.path.join(HERE, package, "package-lock.json"), encoding="utf-8") as f:
        version = json.load(f)["packages"][f"node_modules/{package}"]["version"]
    ref = Peer([args.tokcheck, "serve"])
    impl = Peer(["node", os.path.join(HERE, package, "harness.js")])
    r = random.Random(args.seed)
    known, unknowns, cases = {}, 0, 0
    start = time.monotonic()
    while True:
        n = BATCH if not args.cases else min(BATCH, args.cases - cases)
        if n <= 0 or (args.seconds and time.monotonic() - start >= args.seconds):
            break
        batch = gen_batch(r, package, ref, n)
        requests = [(op, scheme, inp) for op, inp in batch]
        read_ref, read_impl = ref.send_many(requests), impl.send_many(requests)
        for (op, inp), want, got in zip(batch, read_ref(), read_impl()):
            cases += 1
            cls = judge(package, op, inp, want, got)
            if cls is None:
                continue
            if cls[0] != "unknown":
                known[cls[0]] = known.get(cls[0], 0) + 1
                continue
            unknowns += 1
            if unknowns <= args.max_print:
                report_unknown(args, package, version, scheme, op, inp, cases, ref, impl)
    elapsed = time.monotonic() - start
    ref.close()
    impl.close()
    shown = ", ".join(f"{c} {n}" for c, n in sorted(known.items())) or "none"
    print(f"difffuzz: {package}@{version} seed={args.seed} cases={cases} in {elapsed:.1f} s "
          f"({cases / elapsed:.0f} cases/s); known: {shown}; unknown: {unknowns}")
    return 1 if unknowns else 0


if __name__ == "__main__":
    sys.exit(main())
