#!/usr/bin/env python3
"""Checks the DOM Chromium rendered from the --html page against the --report
JSON of the same run. usage: check_html.py DOM.html REPORT.json SCREENSHOT.png"""
import json
import sys
from html.parser import HTMLParser

dom_path, report_path, png_path = sys.argv[1:4]
report = json.load(open(report_path, encoding="utf-8"))
dom = open(dom_path, encoding="utf-8").read()


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """Element ids with their attributes and text, every tag, the summary's
    data-count cells and the case rows."""

    def __init__(self):
        super().__init__()
        self.ids = {}
        self.text = {}
        self.tags = []
        self.stack = []          # (tag, id or None) of open elements
        self.counts = []         # [implementation, count name, text]
        self.impl = None
        self.cases = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids[a["id"]] = a
            self.text.setdefault(a["id"], "")
        if tag == "tr" and "data-impl" in a:
            self.impl = a["data-impl"]
        if "data-count" in a:
            self.counts.append([self.impl, a["data-count"], ""])
        if tag == "tbody" and a.get("class") == "case":
            self.cases.append(a)
        if tag not in VOID:
            self.stack.append((tag, a.get("id"), "data-count" in a))

    def handle_data(self, data):
        for _, i, counting in self.stack:
            if i:
                self.text[i] += data
            if counting:
                self.counts[-1][2] += data

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


page = Page()
page.feed(dom)
problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


runs = report["runs"]
total = sum(len(r["cases"]) for r in runs)
check(page.ids.get("selfcheck", {}).get("data-ok") == "1",
      "page self-check: " + page.text.get("selfcheck", "(no #selfcheck)").strip())
check(f"selfcheck: ok {total} rows" in dom, f"self-check did not count {total} rows")
for control in ("f-status", "f-scheme", "f-op", "f-impl", "f-text"):
    check(control in page.ids, f"filter control #{control} missing")
check(len(page.cases) == total, f"{len(page.cases)} case rows, JSON has {total}")

# Summary counts per implementation, as the JSON report has them.
got = {(impl, name): value for impl, name, value in page.counts}
for r in runs:
    for name in ("passed", "failed", "allowed", "skipped", "not_run"):
        check(got.get((r["label"], name)) == str(r[name]),
              f"summary {r['label']} {name}: page {got.get((r['label'], name))}, JSON {r[name]}")

# Failures first, and a failing case's id and comment on the page.
failing = [c for r in runs for c in r["cases"] if c["failed"]]
check(failing, "the fixture run has no failing case: nothing to show")
if failing:
    check(page.cases[0].get("data-failed") == "1", "the first row is not a failure")
    check(failing[0]["id"] in dom, f"failing case {failing[0]['id']} not on the page")
    check(sum(c.get("data-failed") == "1" for c in page.cases) == len(failing), "failed rows count")

# Untrusted text stayed text: the hostile answers of break_answers.py show up
# escaped and nothing they contain became an element or ran.
check("img" not in page.tags, "an <img> element exists: implementation output was not escaped")
check(page.tags.count("script") == 2, f"{page.tags.count('script')} script elements, expected 2")
check("<title>tokcheck conformance: FAIL</title>" in dom, "the title is not the gate's verdict")
check("document.title='pwned'" in dom or "document.title=&#39;pwned&#39;" in dom,
      "the hostile parse answer is not shown as text")
if any(c["stderr"] for r in runs for c in r["cases"]):
    check("\\x01" in dom and "&lt;b&gt;bold&lt;/b&gt;" in dom, "the hostile stderr is not shown escaped")
else:
    print("note: no case carried a stderr excerpt (the runner does not capture it yet)")

for section in ("summary", "cases", "acceptable", "stale"):
    check(section in page.ids, f"section #{section} missing")
for stale in (s for r in runs for s in r["stale_allowlist"]):
    check(stale in page.text.get("stale", ""), f"stale allowlist entry {stale} not listed")
if len(runs) > 1:
    check("matrix" in page.ids, "several implementations but no #matrix table")
    for row in report["matrix"]["rows"]:
        if not row["uniform"]:
            check(row["cases"][0] in page.text.get("matrix", ""), f"matrix row {row['outcomes']} missing")

png = open(png_path, "rb").read()
check(png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20000, f"screenshot {png_path} missing or blank")

if problems:
    print("\n".join("FAIL: " + p for p in problems))
    sys.exit(1)
print(f"html ok: {total} rows, {len(failing)} failures first, self-check passed, screenshot {png_path}")
