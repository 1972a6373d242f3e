#!/usr/bin/env python3
"""Reads --junit output with junitparser (a real JUnit consumer) and checks it
case by case against the --report JSON of the same run: same cases, names,
classnames, outcomes, properties, and the hostile stderr carried as text.
usage: check_junit.py REPORT.json JUNIT.xml"""
import json
import sys

from junitparser import Failure, JUnitXml, Skipped

report = json.load(open(sys.argv[1], encoding="utf-8"))
xml = JUnitXml.fromfile(sys.argv[2])
problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


cases = {}
suites = list(xml)
for suite in suites:
    props = {p.name: p.value for p in suite.properties()}
    check(props.get("tool_version") == report["tool_version"], f"{suite.name}: tool_version {props}")
    check(props.get("vectors_digest") == report["vectors_digest"], f"{suite.name}: digest")
    n = {"tests": 0, "failures": 0, "skipped": 0}
    for case in suite:
        key = (case.classname, case.name)
        check(key not in cases, f"duplicate case {key} (GitLab would drop it)")
        cases[key] = case
        n["tests"] += 1
        n["failures"] += any(isinstance(r, Failure) for r in case.result)
        n["skipped"] += any(isinstance(r, Skipped) for r in case.result)
    for k, v in n.items():
        check(int(getattr(suite, k) or 0) == v, f"{suite.name}: {k}={getattr(suite, k)}, counted {v}")

runs = report["runs"]
expected_total = 0
stderr_seen = 0
hostile_seen = 0
for i, run in enumerate(runs):
    prefix = f"{run['label']}: " if len(runs) > 1 else ""
    for c in run["cases"]:
        expected_total += 1
        key = (prefix + c["file"], f"tcId {c['tcId']}: {c['comment']}")
        case = cases.get(key)
        if case is None:
            problems.append(f"missing testcase {key}")
            continue
        failures = [r for r in case.result if isinstance(r, Failure)]
        skipped = [r for r in case.result if isinstance(r, Skipped)]
        is_skip = c["status"] in ("NOT_DECLARED", "NOT_RUN") or (
            c["status"] == "UNSUPPORTED" and not c["failed"] and not c["allowed"])
        if is_skip:
            check(skipped and skipped[0].message.startswith(c["status"]), f"{c['id']}: not skipped")
        elif c["failed"]:
            check(len(failures) == 1, f"{c['id']}: failed but no <failure>")
            if failures:
                f = failures[0]
                check(f.message.startswith(c["status"]) and f.type == c["status"], f"{c['id']}: message {f.message!r}")
                check("expected:" in f.text and "got:" in f.text, f"{c['id']}: body lacks expected/got")
                if "pwned" in json.dumps(c["got"]):
                    hostile_seen += 1
                    check("document.title='pwned'</script><img" in f.text,
                          f"{c['id']}: the hostile answer is not carried as text")
                if c["stderr"]:
                    stderr_seen += 1
                    # The raw bytes are not XML; they must arrive as visible escapes.
                    check("\\x01" in f.text and "\\xff" in f.text and "<b>bold</b>" in f.text,
                          f"{c['id']}: stderr excerpt not carried as text: {f.text[-200:]!r}")
        else:
            check(not failures and not skipped, f"{c['id']}: passed case has {case.result}")
            if c["allowed"]:
                check("ALLOWED" in (case.system_out or ""), f"{c['id']}: allowed without a note")
    gate = cases.get((prefix + "(run)", "run-level gate: hello, vector files, interruption, stop, allowlist"))
    check(gate is not None, f"run {i}: no (run) testcase")
    run_failed = bool(run["errors"] or run["load_errors"] or run["interrupted_by_signal"] or
                      (run["allowlist_strict"] and run["stale_allowlist"]))
    if gate is not None:
        check(any(isinstance(r, Failure) for r in gate.result) == run_failed, f"run {i}: gate case wrong")
        for stale in run["stale_allowlist"]:
            check(stale in (gate.system_out or ""), f"run {i}: stale entry {stale} not reported")

check(len(cases) == expected_total + len(runs), f"{len(cases)} testcases, expected {expected_total + len(runs)}")
check(hostile_seen > 0, "no failing case has break_answers.py's hostile answer: the fixture changed")
if stderr_seen == 0:
    # The runner attaches stderr per case only once process_implementation.cc
    # captures it (issue 8, item 3); until then the hostile bytes reach the
    # JUnit writer only in ReportJunit.* and conformance_junit_xsd_hostile.
    print("note: no case carried a stderr excerpt; its escaping is checked by the unit tests")
json_failed = sum(c["failed"] and c["status"] != "NOT_RUN" for r in runs for c in r["cases"])
junit_failed = sum(any(isinstance(r, Failure) for r in c.result) for (cls, _), c in cases.items() if not cls.endswith("(run)"))
check(json_failed == junit_failed and json_failed > 0, f"failures: json {json_failed}, junit {junit_failed}")

if problems:
    print(f"{len(problems)} problems; first ones:")
    print("\n".join(problems[:20]))
    sys.exit(1)
print(f"junit ok: {len(cases)} testcases in {len(suites)} suites, {junit_failed} failures, matches the JSON report")
