#!/usr/bin/env python3
"""inspect, verify, diagnose and the lifecycle engine agree on the expiry second of
every scheme (issue 9): each is asked about one valid token (the first valid case of
vectors/<scheme>/verify.json) at expiry - 1, expiry and expiry + 1, where expiry is
the earliest expiry fact of the token's timeline. The codecs' rule, which all four
must follow: Agora and ZEGO tokens are expired from the expiry second on; Volcengine
and Tencent tokens are still valid during it (reference/vendors/volc/volc001.cc,
reference/vendors/tencent/usersig.cc). The lifecycle engine is asked where a vendor session
takes that scheme's encoded tokens (Agora 006/007, Volcengine in the ByteDance
mini-program); ZEGO sessions and Tencent have no encoded-token session to ask.
usage: expiry_agreement.py TOKCHECK VECTORS_DIR"""
import json
import subprocess
import sys

tokcheck, vectors = sys.argv[1:3]
SECRET_FIELD = {"agora-006": "app_certificate", "agora-007": "app_certificate",
                "zego-03": "secret", "zego-04": "secret", "volc-001": "app_key",
                "tencent-usersig": "key"}
VALID_AT_EXPIRY = {"agora-006": False, "agora-007": False, "zego-03": False, "zego-04": False,
                   "volc-001": True, "tencent-usersig": True}
EXPIRED = {"expired", "privilege_expired"}
problems = []


def run(args, stdin=None, secret=None):
    env = {"PATH": "/usr/bin:/bin"}
    if secret is not None:
        env["TOKCHECK_TEST_SECRET"] = secret
        args = args + ["--secret-env", "TOKCHECK_TEST_SECRET"]
    p = subprocess.run([tokcheck] + args, input=stdin, capture_output=True, text=True, env=env,
                       timeout=60)
    if p.returncode not in (0, 1):
        raise SystemExit(f"FAIL: {args[0]} exited {p.returncode}: {p.stderr.strip()}")
    return json.loads(p.stdout)


def lifecycle_scenario(scheme, case, at):
    """A join at `at` with the encoded token, or None where no session takes it."""
    token = {"encoded": case["token"], "scheme": scheme}
    if scheme.startswith("agora-"):
        return {"profile": {"vendor": "agora", "product": "rtc", "platform": "native",
                            "certificate": True, "app_id": case["app_id"],
                            "app_certificate": case["app_certificate"]},
                "start": at, "tokens": {"T": token},
                "events": [{"op": "joinChannel", "channel": case["channel_name"],
                            "uid": case["uid"], "token": "T"}]}
    if scheme == "volc-001":
        fields = run(["inspect", case["token"], "--json", "--now", str(at)])["parse"]["fields"]
        return {"profile": {"vendor": "bytedance", "product": "miniprogram_rtc",
                            "base_library": "2.68.0", "app_id": fields["app_id"],
                            "app_key": case["app_key"]},
                "start": at, "tokens": {"T": token},
                "events": [{"op": "joinRtcRoom", "room": fields["room_id"],
                            "user": fields["user_id"], "token": "T"}]}
    return None


def join_args(case, fields):
    """The join parameters diagnose compares: the vector's binding, else the token's own."""
    args = []
    for flag, keys in (("--app-id", ("app_id", "sdkappid")),
                       ("--channel", ("channel_name", "room_id")),
                       ("--uid", ("uid", "user_id", "identifier"))):
        value = next((case[k] for k in keys if k in case), None)
        if value is None:
            value = next((fields[k] for k in keys if k in fields), None)
        if value is not None:
            args += [flag, str(value)]
    return args


checked = 0
for scheme, secret_field in SECRET_FIELD.items():
    cases = json.load(open(f"{vectors}/{scheme}/verify.json", encoding="utf-8"))["tests"]
    case = next(t["input"] for t in cases if t["expected"].get("condition") == "valid")
    secret = case[secret_field]
    probe = run(["inspect", case["token"], "--json", "--now", str(case["now"])], secret=secret)
    expiry = min(f["unix"] for f in probe["timeline"] if "expired" in f)
    for at in (expiry - 1, expiry, expiry + 1):
        want = at > expiry or (at == expiry and not VALID_AT_EXPIRY[scheme])
        seen = {}
        request = dict(case, now=at)
        seen["verify"] = run(["verify", "--input", "-", "--json"],
                             stdin=json.dumps(request))["condition"] in EXPIRED
        timeline = run(["inspect", case["token"], "--json", "--now", str(at)],
                       secret=secret)["timeline"]
        seen["inspect"] = any(f.get("expired") for f in timeline if f["unix"] == expiry)
        seen["diagnose"] = run(["diagnose", "--token", case["token"], "--now", str(at), "--json"]
                               + join_args(case, probe["parse"].get("fields", {})),
                               secret=secret)["condition"] in EXPIRED
        scenario = lifecycle_scenario(scheme, case, at)
        if scenario is not None:
            first = run(["simulate", "--input", "-", "--json"],
                        stdin=json.dumps(scenario))["outputs"][0]
            if first.get("kind") != "result" or (not first["ok"] and first.get("reason") != "expired"):
                problems.append(f"{scheme} at {at}: the join failed for another reason: {first}")
            seen["lifecycle"] = not first.get("ok", False)
        for who, expired in seen.items():
            checked += 1
            if expired != want:
                problems.append(f"{scheme}: {who} says {'expired' if expired else 'valid'} at "
                                f"expiry{at - expiry:+d} ({at}); the codec's rule says "
                                f"{'expired' if want else 'valid'}")
if problems:
    print("FAIL: " + "\n      ".join(problems))
    sys.exit(1)
print(f"ok: {checked} answers agree at expiry - 1, expiry and expiry + 1 for 6 schemes")
