#!/usr/bin/env python3
"""Checks the DOM Chromium rendered from a `tokcheck simulate --html` page against
the JSON outputs of the same run (conformance/reports/check_html.sh runs it).
usage: check_simulate_html.py DOM.html RESULT.json SCREENSHOT.png SCENARIO.json

- one table row and one timeline mark per output, in order, with its kind and
  instant, and the summary's counts recomputed from the outputs;
- one token span per call that accepted a token, ending at the claims token's
  own "expire" where the scenario gives one;
- no element the page did not write itself: no script, and the scenario's
  description shows up as text, whatever markup or control bytes it holds;
- a screenshot was taken."""
import json
import os
import sys
from html.parser import HTMLParser

dom_path, result_path, png_path, scenario_path = sys.argv[1:5]
outputs = json.load(open(result_path, encoding="utf-8"))["outputs"]
scenario = json.load(open(scenario_path, encoding="utf-8"))
dom = open(dom_path, encoding="utf-8").read()


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.rows = []    # data-output, data-kind, class of each table row
        self.marks = []   # data-output, data-kind, data-at of each timeline mark
        self.tokens = []  # data-token, data-from, data-until
        self.summary = None
        self.description = None
        self._in_description = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "tr" and "data-output" in a:
            self.rows.append((a["data-output"], a.get("data-kind"), a.get("class")))
        if tag == "g" and "data-output" in a:
            self.marks.append((a["data-output"], a.get("data-kind"), a.get("data-at")))
        if tag == "g" and "data-token" in a:
            self.tokens.append((a["data-token"], a.get("data-from"), a.get("data-until")))
        if a.get("id") == "summary":
            self.summary = a
        if a.get("id") == "description":
            self._in_description = True
            self.description = ""

    def handle_endtag(self, tag):
        if tag == "p":
            self._in_description = False

    def handle_data(self, data):
        if self._in_description:
            self.description += data


page = Page()
page.feed(dom)
problems = []


def expect(ok, what):
    if not ok:
        problems.append(what)


n = len(outputs)
expect(len(page.rows) == n, f"{len(page.rows)} table rows for {n} outputs")
expect(len(page.marks) == n, f"{len(page.marks)} timeline marks for {n} outputs")
for i, o in enumerate(outputs):
    if i < len(page.rows):
        number, kind, cls = page.rows[i]
        expect(number == str(i + 1) and kind == o["kind"], f"row {i + 1}: {page.rows[i]} for {o}")
        if o["kind"] == "result":
            expect(cls == ("ok" if o["ok"] else "fail"), f"row {i + 1} class {cls} for {o}")
    if i < len(page.marks):
        number, kind, at = page.marks[i]
        expect(number == str(i + 1) and kind == o["kind"] and at == str(o["at"]),
               f"mark {i + 1}: {page.marks[i]} for {o}")

failed = sum(1 for o in outputs if o["kind"] == "result" and not o["ok"])
callbacks = sum(1 for o in outputs if o["kind"] == "callback")
kicks = sum(1 for o in outputs if o["kind"] == "kicked_out")
s = page.summary or {}
expect(s.get("data-outputs") == str(n), f"summary outputs {s.get('data-outputs')} != {n}")
expect(s.get("data-failed") == str(failed), f"summary failed {s.get('data-failed')} != {failed}")
expect(s.get("data-callbacks") == str(callbacks), f"summary callbacks != {callbacks}")
expect(s.get("data-kicks") == str(kicks), f"summary kicks != {kicks}")

# Token spans: every ok result whose event carries a token.
events = scenario.get("events", [])
tokens = scenario.get("tokens", {})
accepted = []
for o in outputs:
    if o["kind"] == "result" and o["ok"] and 0 <= o.get("event", -1) < len(events):
        ref = events[o["event"]].get("token")
        if ref is not None:
            accepted.append((o["at"], ref))
expect(len(page.tokens) == len(accepted), f"{len(page.tokens)} token spans for {len(accepted)} accepted tokens")
expect(s.get("data-token-spans") == str(len(accepted)), "summary token spans")
for (at, ref), (label, frm, until) in zip(accepted, page.tokens):
    expect(frm == str(at), f"span {label} starts at {frm}, accepted at {at}")
    spec = tokens.get(ref) if isinstance(ref, str) else ref
    if isinstance(spec, dict) and isinstance(spec.get("expire"), int) and spec["expire"] != 0:
        expect(until == str(spec["expire"]), f"span {label} ends at {until}, token expires {spec['expire']}")

expect("script" not in page.tags, "the page holds a script element")
want = scenario.get("description", "")
if want:
    # html_escape writes control bytes as the text "\xNN"; everything else verbatim.
    shown = "".join(c if ord(c) >= 0x20 or c in "\t\n\r" else "\\x%02x" % ord(c) for c in want)
    expect(page.description == shown, f"description shown as {page.description!r}, wanted {shown!r}")
expect(os.path.isfile(png_path) and os.path.getsize(png_path) > 0, "no screenshot")

if problems:
    print("FAIL: " + "\n      ".join(problems))
    sys.exit(1)
print(f"ok: {n} outputs, {len(accepted)} token spans, drawn and listed")
