#!/usr/bin/env python3
"""A deliberately broken implementation for the report tests.

Wraps a correct one (argv: its command, e.g. "tokcheck serve") and breaks a
known subset of answers, so every report format has failures, skips, hostile
text and stderr to render:
- its hello names it with markup in the name and stops declaring zego-04
  (those cases become NOT_DECLARED, reported as skipped);
- verify answers of tcIds divisible by 9 flip valid <-> expired;
- parse answers of tcIds divisible by 11 gain a field (or, when rejected, a
  malformation) whose value is markup, a script, "]]>", a NUL and other
  control characters;
- each broken answer writes control bytes, terminal escapes, markup and
  invalid UTF-8 to stderr, which the runner attaches to the failing case.
"""
import json
import subprocess
import sys

HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)> ]]> & \x00\x01\x1b[31m"
STDERR = b"\x01\x1b[31m<b>bold</b> ]]> &amp; \xff\xfe not utf-8 \xc3\x28\n"

inner = subprocess.Popen(sys.argv[1], shell=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def ask(line):
    inner.stdin.write(line)
    inner.stdin.flush()
    return inner.stdout.readline()


for line in sys.stdin.buffer:
    request = json.loads(line)
    answer = json.loads(ask(line))
    op = request.get("op")
    tc = request.get("id", "#0").rsplit("#", 1)[-1]
    tc = int(tc) if tc.isdigit() else 0
    broken = False
    if op == "hello":
        answer.setdefault("implementation", {})["name"] = "break-answers <i>&amp;</i>"
        answer.get("supports", {}).pop("zego-04", None)
    elif op == "verify" and tc % 9 == 0:
        answer["condition"] = "expired" if answer.get("condition") == "valid" else "valid"
        broken = True
    elif op == "parse" and tc % 11 == 0:
        if isinstance(answer.get("fields"), dict):
            answer["fields"]["injected"] = HOSTILE
        else:
            answer["malformation"] = HOSTILE
        broken = True
    if broken:
        sys.stderr.buffer.write(STDERR)
        sys.stderr.buffer.flush()
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
