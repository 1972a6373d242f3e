#!/usr/bin/env python3
"""ctest driver: the conformance gate through one starter adapter.

    run_gate.py --tokcheck BIN --vectors DIR --name NAME [--only SCHEME:OP,...] -- ADAPTER CMD...

Runs `tokcheck conformance --strict --impl "<adapter>" --report R`, passes its
output through (ctest matches the summary line), then checks from the report
what the summary cannot show: the run was protocol v1 with this adapter's
hello, and exactly the expected vectors were sent -- every vector without
--only; with --only, those pairs' vectors and every other case NOT_DECLARED.
The last line is "adapter-check: ok ..." or "adapter-check: FAILED: ...".
"""

import argparse
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile


def vector_counts(vectors_dir):
    """(scheme, op) -> numberOfTests, from the vector files themselves."""
    counts = {}
    for path in glob.glob(os.path.join(vectors_dir, "*", "*.json")):
        if os.path.basename(os.path.dirname(path)) == "schema":
            continue
        with open(path) as f:
            doc = json.load(f)
        counts[(doc["scheme"], doc["operation"])] = len(doc["tests"])
    return counts


def check(report, args, counts):
    """Returns a list of problems (empty: the run is what we expect)."""
    problems = []
    runs = report.get("runs", [])
    if len(runs) != 1:
        return ["expected one run in the report, got %d" % len(runs)]
    run = runs[0]
    if run.get("protocol") != 1:
        problems.append("protocol %r, not 1" % run.get("protocol"))
    hello = run.get("hello") or {}
    name = (hello.get("implementation") or {}).get("name")
    if name != args.name:
        problems.append("hello names %r, not %r" % (name, args.name))

    if args.only:
        expected = {pair: counts.get(pair, 0) for pair in only_pairs(args)}
        declared = {(s, op) for s, ops in (hello.get("supports") or {}).items() for op in ops}
        if declared != set(expected):
            problems.append("hello declares %s, not only %s" % (hello.get("supports"), args.only))
    else:
        expected = counts
    sent = {}
    for case in run.get("cases", []):
        pair = (case["scheme"], case["operation"])
        if pair in expected:
            sent[pair] = sent.get(pair, 0) + 1
            if case["status"] != "PASS":
                problems.append("%s: %s %s" % (case["id"], case["status"], case.get("message", "")))
        elif case["status"] != "NOT_DECLARED":
            problems.append("%s: %s, expected NOT_DECLARED" % (case["id"], case["status"]))
    for pair, n in sorted(expected.items()):
        if sent.get(pair, 0) != n or n == 0:
            problems.append("%s/%s: %d cases judged, the vectors have %d"
                            % (pair[0], pair[1], sent.get(pair, 0), n))
    total = sum(counts.values())
    if len(run.get("cases", [])) != total:
        problems.append("report has %d cases, the vectors have %d" % (len(run["cases"]), total))
    if run.get("passed") != sum(expected.values()):
        problems.append("passed %r, expected %d" % (run.get("passed"), sum(expected.values())))
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokcheck", required=True)
    parser.add_argument("--vectors", required=True)
    parser.add_argument("--name", required=True, help="implementation.name the hello must give")
    parser.add_argument("--only", default="",
                        help="SCHEME:OP[,SCHEME:OP...] the adapter was limited to")
    parser.add_argument("adapter", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    adapter = [a for a in args.adapter if a != "--"]
    if not adapter:
        parser.error("no adapter command")
    if args.only:
        adapter += ["--only", args.only]

    counts = vector_counts(args.vectors)
    with tempfile.TemporaryDirectory() as tmp:
        report_path = os.path.join(tmp, "report.json")
        command = [args.tokcheck, "conformance", "--strict", "--vectors", args.vectors,
                   "--impl", shlex.join(adapter), "--report", report_path]
        print("+ " + shlex.join(command), flush=True)
        status = subprocess.run(command).returncode
        problems = [] if status == 0 else ["tokcheck exited %d" % status]
        try:
            with open(report_path) as f:
                problems += check(json.load(f), args, counts)
        except (OSError, ValueError) as e:
            problems.append("no readable report: %s" % e)
    if problems:
        for p in problems[:20]:
            print("  " + p)
        print("adapter-check: FAILED: %d problem(s)" % len(problems))
        return 1
    print("adapter-check: ok: protocol 1, hello %s, %d cases sent, every one PASS"
          % (args.name, run_sent(args, counts)))
    return 0


def only_pairs(args):
    return [tuple(p.split(":", 1)) for p in args.only.split(",") if p]


def run_sent(args, counts):
    if args.only:
        return sum(counts[pair] for pair in only_pairs(args))
    return sum(counts.values())


if __name__ == "__main__":
    sys.exit(main())
