#!/usr/bin/env python3
"""Generates the fuzz targets' seed corpora from the golden vectors.

Run by the build (fuzz/CMakeLists.txt) and by fuzz/oss-fuzz/build.sh; nothing in
a corpus is ever hand-copied. Every vectors/<scheme>/<operation>.json is read and
each target gets the layer it parses:

  <scheme>_parse / inspect        token strings (inputs and built tokens)
  core_base64                     the base64 text of every token
  <scheme>_content / _payload /   the bytes below base64 (and below zlib), decoded
  _body, core_inflate             here with Python's own base64/zlib
  <scheme>_verify                 verify cases (fuzz/common/verify_case.h): the
                                  token, then key=value binding lines (secrets
                                  dropped; ZEGO keeps seed_secret, see below)
  *_roundtrip, lifecycle_*,       the request / scenario / vector JSON as text
  vector_file, protocol

Every target also gets the empty input, so a target whose vectors are not
written yet still replays something. Files are named by the SHA-1 of their
content (libFuzzer's convention), so duplicates collapse and reruns are stable.

usage: gen_seed_corpus.py --vectors DIR --out DIR --targets a_fuzzer,b_fuzzer [--log FILE]
"""
import argparse
import base64
import binascii
import hashlib
import json
import os
import shutil
import sys
import zlib

# Where each scheme's base64 text starts, its alphabet, and whether zlib follows
# (token-formats.md §1, §2, §1.1 ZEGO, §5.1 Volcengine; suite-anchors.md §7 UserSig).
LAYOUT = {
    "agora-006": {"b64_at": 35, "alphabet": "standard", "zlib": False},
    "agora-007": {"b64_at": 3, "alphabet": "standard", "zlib": True},
    "zego-04": {"b64_at": 2, "alphabet": "standard", "zlib": False},
    "zego-03": {"b64_at": 2, "alphabet": "standard", "zlib": False},
    "volc-001": {"b64_at": 27, "alphabet": "standard", "zlib": False},
    "tencent-usersig": {"b64_at": 0, "alphabet": "tencent", "zlib": True},
}
SECRET_FIELDS = {"app_certificate", "secret", "app_key", "key"}


def load_vectors(root):
    files = []
    for scheme in sorted(os.listdir(root)):
        d = os.path.join(root, scheme)
        if scheme in ("schema", "gen") or not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".json"):
                continue
            path = os.path.join(d, name)
            with open(path, "rb") as f:
                raw = f.read()
            try:
                doc = json.loads(raw)
            except ValueError as e:
                print(f"gen_seed_corpus: skipping unreadable {path}: {e}", file=sys.stderr)
                continue
            if isinstance(doc, dict):
                files.append((scheme, doc.get("operation", name[:-5]), doc, raw))
    return files


def tests_of(doc):
    tests = doc.get("tests")
    return [t for t in tests if isinstance(t, dict)] if isinstance(tests, list) else []


def tokens(files, scheme=None):
    for s, _op, doc, _raw in files:
        if scheme is not None and s != scheme:
            continue
        for t in tests_of(doc):
            for holder in (t.get("input"), t.get("expected")):
                if isinstance(holder, dict) and isinstance(holder.get("token"), str):
                    yield s, holder["token"]


def b64_layer(scheme, token):
    layout = LAYOUT.get(scheme)
    if layout is None:
        return None
    text = token[layout["b64_at"]:]
    if layout["alphabet"] == "tencent":
        text = text.translate(str.maketrans("*-_", "+/="))
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def zlib_layer(scheme, token):
    raw = b64_layer(scheme, token)
    if raw is None or not LAYOUT[scheme]["zlib"]:
        return None
    try:
        d = zlib.decompressobj()
        out = d.decompress(raw, 1 << 20)
        return out if d.eof else None
    except zlib.error:
        return None


def case_value(key, value, scheme):
    """A request field as the one-line text a VerifyCase holds, or None."""
    if key == "uid" and scheme.startswith("agora") and isinstance(value, int) \
            and not isinstance(value, bool):
        return "" if value == 0 else str(value)  # Agora's uid rule, token-formats.md §1
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, int) for v in value):
        return ",".join(str(v) for v in value)
    if value is None:
        return None
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# Verify cases per scheme that also get copies with `now` at the int64 edges.
EXTREME_NOW_CASES = 16


def verify_cases(files, scheme):
    extremes = 0
    for s, op, doc, _raw in files:
        if s != scheme or op != "verify":
            continue
        for t in tests_of(doc):
            inp = t.get("input")
            if not isinstance(inp, dict) or not isinstance(inp.get("token"), str):
                continue
            lines = [inp["token"]]
            if s.startswith("zego") and isinstance(inp.get("secret"), str):
                # AES tokens cannot be restructured without the key they were
                # sealed with: the re-encrypting mutator decrypts the seed with
                # this (a vector's test secret), then seals under the fuzz key.
                lines.append(f"seed_secret={inp['secret']}")
            for key, value in inp.items():
                if key == "token" or key in SECRET_FIELDS:
                    continue
                text = case_value(key, value, s)
                if text is not None:
                    lines.append(f"{key}={text}")
            if any("\n" in line for line in lines):
                continue  # a token with a newline cannot be a VerifyCase line
            yield "\n".join(lines).encode()
            if extremes < EXTREME_NOW_CASES:
                # `now` at the int64 edges: the verifier and the re-signing
                # mutators both do time arithmetic with it (a mutator's
                # `now - issue_ts` overflowed in a CI smoke before these seeds).
                extremes += 1
                rest = [line for line in lines[1:] if not line.startswith("now=")]
                for now in (-2**63, 2**63 - 1):
                    yield "\n".join([lines[0], *rest, f"now={now}"]).encode()


def requests(files, scheme_prefix, operation):
    for s, op, doc, _raw in files:
        if not s.startswith(scheme_prefix) or op != operation:
            continue
        for t in tests_of(doc):
            if isinstance(t.get("input"), dict):
                yield json.dumps(t["input"], separators=(",", ":"), ensure_ascii=False).encode()


def tencent_userbufs(files):
    """The userbuf bytes inside UserSig tokens (JSON "TLS.userbuf", standard base64)."""
    for _s, tok in tokens(files, "tencent-usersig"):
        text = zlib_layer("tencent-usersig", tok)
        try:
            claims = json.loads(text) if text else None
            yield base64.b64decode(claims["TLS.userbuf"], validate=True)
        except (ValueError, KeyError, TypeError, binascii.Error):
            continue


def zego_claims(files, scheme):
    """The plaintext claims of ZEGO build vectors, in the Node generators' key order
    (token-formats.md ZEGO §1.3 for 04, §1.6 for 03); AES is not undone here."""
    for s, op, doc, _raw in files:
        if s != scheme or op != "build":
            continue
        for t in tests_of(doc):
            i = t.get("input")
            if not isinstance(i, dict):
                continue
            try:
                expire = i["ctime" if scheme == "zego-04" else "create_time"] + \
                    i["effective_time_in_seconds"]
                if scheme == "zego-04":
                    claims = {"app_id": i["app_id"], "user_id": i["user_id"], "nonce": i["nonce"],
                              "ctime": i["ctime"], "expire": expire, "payload": i.get("payload", "")}
                else:
                    claims = {"app_id": i["app_id"], "room_id": i["room_id"], "user_id": i["user_id"],
                              "privilege": i["privilege"], "create_time": i["create_time"],
                              "expire_time": expire, "nonce": i["nonce"]}
            except (KeyError, TypeError):
                continue
            yield json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode()


def vector_file_slices(files, per_slice=4):
    """Each vector file cut into small valid files of a few tests (numberOfTests
    adjusted, notes kept), so seeds fit a sensible max_len and each one loads."""
    for _s, _op, doc, _raw in files:
        tests = tests_of(doc)
        for start in range(0, len(tests), per_slice):
            part = dict(doc)
            part["tests"] = tests[start:start + per_slice]
            part["numberOfTests"] = len(part["tests"])
            yield json.dumps(part, separators=(",", ":"), ensure_ascii=False).encode()


def protocol_lines(files):
    """Every vector test as one protocol line: op, scheme, input, expected, result."""
    for s, op, doc, _raw in files:
        for t in tests_of(doc):
            line = {"op": op, "scheme": s, "input": t.get("input"),
                    "expected": t.get("expected"), "result": t.get("result")}
            yield json.dumps(line, separators=(",", ":"), ensure_ascii=False).encode()


def cli_inputs(files, all_tokens):
    """cli_fuzzer: command byte, flags byte (bit 0: --json), then the payload."""
    def text(value):
        return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogateescape")
    for _s, tok in all_tokens:
        t = tok.encode("utf-8", "surrogateescape")
        yield b"\x00\x01" + t
        yield b"\x04\x00" + t
    for scheme, op, doc, _raw in files:
        for t in tests_of(doc):
            if not isinstance(t.get("input"), dict):
                continue
            if op in ("verify", "build"):
                mode = b"\x02" if op == "verify" else b"\x03"
                yield mode + b"\x01" + text(dict(t["input"], scheme=scheme))
            elif op == "scenario":
                yield b"\x05\x01" + text(t["input"])


def enc(strings):
    for s in strings:
        yield s.encode("utf-8", "surrogateescape") if isinstance(s, str) else s


def seeds_for(target, files):
    name = target[:-len("_fuzzer")] if target.endswith("_fuzzer") else target
    all_tokens = list(tokens(files))
    if name == "inspect":
        return enc(tok for _s, tok in all_tokens)
    if name == "core_base64":
        return enc(tok[LAYOUT[s]["b64_at"]:] for s, tok in all_tokens if s in LAYOUT)
    if name == "core_inflate":
        return (b64_layer(s, tok) for s, tok in all_tokens if s in LAYOUT and LAYOUT[s]["zlib"])
    if name == "core_byte_reader":
        return (b64_layer(s, tok) for s, tok in all_tokens)
    if name == "vector_file":
        return vector_file_slices(files)
    if name.startswith("lifecycle"):
        return requests(files, "", "scenario")
    if name == "protocol":
        return protocol_lines(files)
    if name == "cli":
        return cli_inputs(files, all_tokens)
    # Target name prefix -> scheme id (longest prefix wins).
    prefixes = {"agora006": "agora-006", "agora007": "agora-007", "zego04": "zego-04",
                "zego03": "zego-03", "volc001": "volc-001", "tencent_usersig": "tencent-usersig",
                "tencent": "tencent-usersig"}
    if name == "agora_roundtrip":
        return requests(files, "agora", "build")
    if name == "zego_envelope":
        return (b64_layer(s, tok) for s, tok in all_tokens if s.startswith("zego"))
    if name == "tencent_userbuf":
        return tencent_userbufs(files)
    if name == "zego_claims":
        return (c for sc in ("zego-04", "zego-03") for c in zego_claims(files, sc))
    scheme = layer = None
    for prefix in sorted(prefixes, key=len, reverse=True):
        if name.startswith(prefix + "_"):
            scheme, layer = prefixes[prefix], name[len(prefix) + 1:]
            break
    if scheme is None:
        return iter(())
    if layer == "roundtrip":
        return requests(files, scheme, "build")
    if layer == "parse":
        return enc(tok for _s, tok in tokens(files, scheme))
    if layer == "verify":
        return verify_cases(files, scheme)
    if layer in ("content", "body"):
        return (b64_layer(scheme, tok) for _s, tok in tokens(files, scheme))
    if layer in ("payload", "json"):
        return (zlib_layer(scheme, tok) for _s, tok in tokens(files, scheme))
    if layer == "claims":
        return zego_claims(files, scheme)
    return iter(())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vectors", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--targets", required=True, help="comma-separated target names")
    ap.add_argument("--log", help="write the per-target summary here instead of stdout")
    args = ap.parse_args()
    lines = []
    files = load_vectors(args.vectors) if os.path.isdir(args.vectors) else []
    total = 0
    for target in [t for t in args.targets.replace(";", ",").split(",") if t]:
        out = os.path.join(args.out, target)
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        seen = set()
        for seed in [b""] + list(seeds_for(target, files)):
            if seed is None:
                continue
            digest = hashlib.sha1(seed).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            with open(os.path.join(out, digest), "wb") as f:
                f.write(seed)
        total += len(seen)
        lines.append(f"{target}: {len(seen)} seeds")
    lines.append(f"total: {total} seeds from {len(files)} vector files")
    if args.log:
        with open(args.log, "w") as f:
            f.write("\n".join(lines) + "\n")
    else:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
