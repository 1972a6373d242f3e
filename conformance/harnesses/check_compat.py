#!/usr/bin/env python3
"""The compatibility matrix and its gate (docs/COMPATIBILITY.md).

    check_compat.py --tokcheck BIN [--package NAME]... [--out DIR] [--report-in FILE] [--doc FILE]

Runs `tokcheck conformance` with the reference (`tokcheck serve`) and the
harness of every official package (conformance/harnesses/<package>/), each with
its own allowlist (`deviations.allow`; the reference's is `reference.allow`),
under --allowlist-strict, writing the matrix as terminal text, JSON, JUnit and
HTML into --out. Then checks, from the JSON report:

- the gate passed: nothing failed beyond the allowlists, no stale entry;
- every allowlist line is `<file>#<tcId> <class>: <evidence>` with a known class,
  and the class is the one deviations.py's rules give that case;
- each package's hello names the version its package-lock.json pins;
- each package's cases declared / passed / allowlisted and its count per
  deviation class are exactly the row docs/COMPATIBILITY.md states, so the
  document cannot drift from what the packages do.

--report-in checks an existing report instead of running (the doc-drift
tests). Standard library only. The last line is "compat-check: ok" or
"compat-check: FAILED: <problems>"; the exit code is 0 or 1.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys

import deviations

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PACKAGES = ["agora-token", "agora-access-token", "tls-sig-api-v2"]
CLASSES = deviations.CLASSES
ALLOW_LINE = re.compile(r"^(\S+\.json#\d+)\s+([a-z-]+):\s+(\S.*)$")
ROW = re.compile(r"^\|\s*([a-z0-9-]+)\s*\|\s*([0-9.]+)\s*\|[^|]*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|([^|]*)\|\s*$")


def read_allowlist(path):
    """[(case id, class, evidence)], [problems]."""
    entries, problems = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = ALLOW_LINE.match(line)
            if not m:
                problems.append(f"{path}:{n}: not '<file>#<tcId> <class>: <evidence>'")
            elif m.group(2) not in CLASSES:
                problems.append(f"{path}:{n}: unknown class {m.group(2)!r} (known: {', '.join(CLASSES)})")
            else:
                entries.append(m.groups())
    return entries, problems


def doc_rows(path):
    """package -> (version, declared, passed, allowlisted, {class: n}) from the summary table."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = ROW.match(line.strip())
            if not m or m.group(1) not in PACKAGES:
                continue
            classes = {}
            for part in filter(None, (p.strip() for p in m.group(6).split(","))):
                cm = re.fullmatch(r"([a-z-]+)\s+(\d+)", part)
                if cm:
                    classes[cm.group(1)] = int(cm.group(2))
                elif part not in ("none", "—"):
                    classes[part] = -1  # unreadable: reported as a mismatch
            rows[m.group(1)] = (m.group(2), int(m.group(3)), int(m.group(4)), int(m.group(5)), classes)
    return rows


def locked_version(package):
    with open(os.path.join(HERE, package, "package-lock.json"), encoding="utf-8") as f:
        return json.load(f)["packages"][f"node_modules/{package}"]["version"]


def run_matrix(args, packages):
    out = args.out
    os.makedirs(out, exist_ok=True)
    tc = shlex.quote(args.tokcheck)
    cmd = [args.tokcheck, "conformance", "--allowlist-strict", "--vectors", args.vectors,
           "--impl", f"{tc} serve", "--allowlist", os.path.join(HERE, "reference.allow")]
    for p in packages:
        cmd += ["--impl", f"node {shlex.quote(os.path.join(HERE, p, 'harness.js'))}",
                "--allowlist", os.path.join(HERE, p, "deviations.allow")]
    report = os.path.join(out, "compat.json")
    cmd += ["--report", report, "--junit", os.path.join(out, "compat.junit.xml"),
            "--html", os.path.join(out, "compat.html")]
    print("+", " ".join(shlex.quote(c) for c in cmd), flush=True)
    rc = subprocess.run(cmd, check=False).returncode  # the terminal matrix goes straight through
    return rc, report


def vector_inputs(vectors_dir):
    """'<scheme>/<op>.json#<tcId>' -> the vector's input."""
    inputs = {}
    for scheme in os.listdir(vectors_dir):
        for op in ("build", "parse", "verify"):
            path = os.path.join(vectors_dir, scheme, f"{op}.json")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    for t in json.load(f)["tests"]:
                        inputs[f"{scheme}/{op}.json#{t['tcId']}"] = t["input"]
    return inputs


def check(report_path, packages, doc, gate_rc, vectors_dir):
    problems = []
    if gate_rc not in (None, 0):
        problems.append(f"tokcheck conformance exited {gate_rc}")
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    runs = report["runs"]
    if len(runs) != len(packages) + 1:
        return problems + [f"{len(runs)} runs in the report, expected the reference and {len(packages)} packages"]
    ref = runs[0]
    if not ref["ok"] or ref["failed"] or ref["allowed"]:
        problems.append(f"the reference itself: {ref['failed']} failed, {ref['allowed']} allowlisted")
    rows = doc_rows(doc)
    inputs = vector_inputs(vectors_dir)
    print(f"{'package':20} {'version':8} {'declared':>8} {'passed':>7} {'allowed':>7}  deviations by class")
    for package, run in zip(packages, runs[1:]):
        allow_path = os.path.join(HERE, package, "deviations.allow")
        entries, bad = read_allowlist(allow_path)
        problems += bad
        cls_of = {case_id: cls for case_id, cls, _ in entries}
        hello = (run.get("hello") or {}).get("implementation", {})
        version = hello.get("version")
        if version != locked_version(package):
            problems.append(f"{package}: hello says version {version}, package-lock.json pins {locked_version(package)}")
        if not run["ok"] or run["failed"]:
            problems.append(f"{package}: the gate failed ({run['failed']} failed beyond deviations.allow)")
        if run["stale_allowlist"]:
            problems.append(f"{package}: stale deviations.allow entries {run['stale_allowlist']}")
        classes = {}
        for case in run["cases"]:
            if case["allowed"]:
                c = cls_of.get(case["id"], "?")
                classes[c] = classes.get(c, 0) + 1
                rule = deviations.classify(package, case["operation"], inputs[case["id"]],
                                           case["expected"], case["got"] or {})
                if (rule or ("unknown",))[0] != c:
                    problems.append(f"{package}: {case['id']} is allowlisted as {c}, the rules say "
                                    f"{rule[0] if rule else 'no known class'}")
        got = (version, run["executed"], run["passed"], run["allowed"], classes)
        shown = ", ".join(f"{c} {n}" for c, n in sorted(classes.items())) or "none"
        print(f"{package:20} {version or '?':8} {run['executed']:8} {run['passed']:7} {run['allowed']:7}  {shown}")
        if package not in rows:
            problems.append(f"{package}: no row in {doc}")
        elif rows[package] != got:
            problems.append(f"{package}: {doc} says {rows[package]}, the run gives {got}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tokcheck")
    ap.add_argument("--package", action="append", choices=PACKAGES)
    ap.add_argument("--out", default="compat-report")
    ap.add_argument("--vectors", default=os.path.join(ROOT, "vectors"))
    ap.add_argument("--report-in")
    ap.add_argument("--doc", default=os.path.join(ROOT, "docs", "COMPATIBILITY.md"))
    args = ap.parse_args()
    packages = args.package or PACKAGES
    if args.report_in:
        gate_rc, report = None, args.report_in
    else:
        if not args.tokcheck:
            ap.error("--tokcheck is required unless --report-in is given")
        gate_rc, report = run_matrix(args, packages)
    problems = check(report, packages, args.doc, gate_rc, args.vectors)
    if problems:
        print("compat-check: FAILED: " + "; ".join(problems))
        return 1
    print(f"compat-check: ok ({len(packages)} packages match {os.path.relpath(args.doc, ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
