#!/usr/bin/env python3
"""ctest: a starter adapter's loop survives bad input and keeps the protocol.

    check_loop.py --vectors DIR --name NAME -- ADAPTER CMD...

Sends, in one session: the hello, lines that are not requests, an unknown op,
a request without input, an undeclared pair, an input the handler throws on,
a blank line, a numeric id, an int64 the adapter must pass on exactly; then
closes stdin. Every answer must be one JSON object on its own line echoing the
request's id, and the adapter must exit 0 on end of input. Prints
"loop-check: ok" or "loop-check: FAILED: ..." per problem.
"""

import argparse
import json
import os
import subprocess
import sys
import threading


def first_case(vectors, scheme, op, predicate=lambda t: True):
    with open(os.path.join(vectors, scheme, op + ".json")) as f:
        return next(t for t in json.load(f)["tests"] if predicate(t))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vectors", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("adapter", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    adapter = [a for a in args.adapter if a != "--"]

    valid = first_case(args.vectors, "agora-006", "verify", lambda t: t["result"] == "valid")
    # zego-03 build with nonce 2^63-1: a JSON reader that rounds to double builds another token.
    big = first_case(args.vectors, "zego-03", "build",
                     lambda t: t["input"].get("nonce") == 9223372036854775807)

    # (line sent, check of the answer or None when no answer is due)
    steps = [
        ('{"id":"hello","op":"hello","protocol":1,"tool":"tokcheck","version":"0"}',
         lambda a: a.get("id") == "hello" and a.get("protocol") == 1
         and a.get("implementation", {}).get("name") == args.name
         and a.get("supports", {}).get("agora-006") is not None),
        ("this is not JSON", lambda a: a.get("id") is None and "usage_error" in a),
        ("[1,2,3]", lambda a: a.get("id") is None and "usage_error" in a),
        ('{"id":"no-op","input":{}}', lambda a: a.get("id") == "no-op" and "usage_error" in a),
        ('{"id":"bad-op","op":"sign","scheme":"agora-006","input":{}}',
         lambda a: a.get("id") == "bad-op" and "usage_error" in a),
        ('{"id":"no-input","op":"verify","scheme":"agora-006"}',
         lambda a: a.get("id") == "no-input" and "usage_error" in a),
        ('{"id":"undeclared","op":"build","scheme":"no-such-scheme","input":{}}',
         lambda a: a == {"id": "undeclared", "unsupported": True}),
        # The handler cannot read input 42: it throws, the loop answers usage_error.
        ('{"id":"throws","op":"build","scheme":"agora-006","input":42}',
         lambda a: a.get("id") == "throws" and isinstance(a.get("usage_error"), str)),
        ("", None),  # a blank line is skipped, not answered
        (json.dumps({"id": 7, "op": "verify", "scheme": "agora-006", "input": valid["input"]}),
         lambda a: a.get("id") == 7 and a.get("condition") == "valid"),
        (json.dumps({"id": "big", "op": "build", "scheme": "zego-03", "input": big["input"]}),
         lambda a: a.get("id") == "big" and a.get("token") == big["expected"]["token"]),
    ]
    problems = []
    child = subprocess.Popen(adapter, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    # A hung adapter must fail the test, not hang it.
    timer = threading.Timer(60, child.kill)
    timer.start()
    try:
        for line, accept in steps:
            child.stdin.write(line.encode() + b"\n")
            child.stdin.flush()
            if accept is None:
                continue
            out = child.stdout.readline()
            try:
                answer = json.loads(out)
                ok = isinstance(answer, dict) and accept(answer)
            except ValueError:
                ok = False
            if not ok:
                problems.append("sent %.60s, answered %.300r" % (line, out))
        child.stdin.close()  # end of input: the adapter must exit by itself, cleanly
        rest = child.stdout.read()
        if rest:
            problems.append("more output than answers: %.300r" % rest)
        status = child.wait()
        if status != 0:
            problems.append("exit status %d at end of input" % status)
    finally:
        timer.cancel()
        child.kill()
    for p in problems:
        print("loop-check: FAILED: " + p)
    if not problems:
        print("loop-check: ok: %d lines, every answer echoed its id" % len(steps))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
