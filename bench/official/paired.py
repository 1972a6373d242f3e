#!/usr/bin/env python3
"""Times the official npm packages and tokcheck's verify of the same tokens in turns.

    python3 bench/official/paired.py --bench BUILD/bench/tokcheck_bench \\
        --fixtures FIXTURES.json --repetitions N --out-dir DIR \\
        [--min-time S] [--min-batch-ms MS] [--warmup-ms MS] [--node NODE]

Why: the speed-up over the official packages (issue 13) divides Node's time per
token by tokcheck's. Measured one after the other, minutes apart, the two sides
saw different machines: on the shared 2-vCPU host the packages' medians moved
~1.4x within minutes (2026-12-07) while the ratio was meant to compare code.
So each repetition here times both sides seconds apart, and the speed-up is the
median of the per-repetition ratios (with their min and max), the way
scripts/bench.sh pairs each verify with its floor.

How: Node (bench/official/run.js --paced) warms every package up and sizes its
batches once, then waits; for each repetition this script runs tokcheck_bench's
verify benchmarks of the same schemes once (one process, --benchmark_min_time S)
and tells Node "go" for one batch per token. Even repetitions start with
tokcheck, odd ones with Node, so a drift in the host's speed does not always
favour one side. tokcheck's figure is wall time per token (Node's is wall time).

Writes DIR/official.json (run.js's output: medians, per-repetition samples) and
DIR/paired.json (per scheme: both sides' per-repetition figures and the ratios).
Prints "paired: ok ..." at the end, or "paired: FAILED: <why>" and exits 1. Node
is killed if this script stops early, so it never outlives the run.
"""

import argparse
import json
import os
import select
import statistics
import subprocess
import sys

# The schemes with an official package (bench/official/run.js) and the
# tokcheck_bench benchmark timing the same fixture token's verify.
VERIFY_BENCHMARK = {
    "agora-006": "BM_Agora006_Verify",
    "agora-007": "BM_Agora007_Verify",
    "tencent-usersig": "BM_TencentUserSig_Verify",
}
NODE_REPLY_TIMEOUT_S = 600  # a repetition is a few batches of --min-batch-ms


class Failed(Exception):
    pass


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bench", required=True, help="tokcheck_bench binary")
    p.add_argument("--fixtures", required=True, help="tokcheck_bench_fixtures output")
    p.add_argument("--repetitions", type=int, required=True)
    p.add_argument("--out-dir", required=True)
    p.add_argument("--min-time", default="0.2", help="tokcheck_bench --benchmark_min_time (s)")
    p.add_argument("--min-batch-ms", default="50")
    p.add_argument("--warmup-ms", default="1000")
    p.add_argument("--node", default="node")
    a = p.parse_args()
    if a.repetitions < 1:
        p.error("--repetitions must be >= 1")
    return a


def read_reply(node):
    ready, _, _ = select.select([node.stdout], [], [], NODE_REPLY_TIMEOUT_S)
    if not ready:
        raise Failed(f"Node said nothing for {NODE_REPLY_TIMEOUT_S} s")
    line = node.stdout.readline()
    if not line:
        raise Failed(f"Node ended early (exit {node.wait()}; its stderr is above)")
    return line.strip()


def node_repetition(node, r):
    node.stdin.write("go\n")
    node.stdin.flush()
    reply = json.loads(read_reply(node))
    if reply.get("repetition") != r:
        raise Failed(f"Node answered repetition {reply.get('repetition')}, expected {r}")
    return reply["ns_per_token"]


def verify_repetition(args, schemes):
    names = [VERIFY_BENCHMARK[s] for s in schemes]
    run = subprocess.run(
        [args.bench, f"--benchmark_filter=^({'|'.join(names)})$",
         f"--benchmark_min_time={args.min_time}", "--benchmark_format=json"],
        capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        raise Failed(f"{args.bench} exited {run.returncode}: {run.stderr.strip()[-500:]}")
    wall = {}
    for b in json.loads(run.stdout)["benchmarks"]:
        if b.get("error_occurred"):
            raise Failed(f"{b['name']}: {b.get('error_message')}")
        if b.get("time_unit") != "ns":
            raise Failed(f"{b['name']}: time unit {b.get('time_unit')}, expected ns")
        wall[b["name"]] = b["real_time"]  # per iteration, and each iteration verifies one token
    missing = [n for n in names if n not in wall]
    if missing:
        raise Failed(f"{args.bench} did not run {', '.join(missing)}")
    return {s: wall[VERIFY_BENCHMARK[s]] for s in schemes}


def stats(xs):
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs), "n": len(xs)}


def run(args):
    fixtures = json.load(open(args.fixtures))
    schemes = [t["scheme"] for t in fixtures["tokens"] if t["scheme"] in VERIFY_BENCHMARK]
    if not schemes:
        raise Failed(f"{args.fixtures} has no token of {', '.join(VERIFY_BENCHMARK)}")
    os.makedirs(args.out_dir, exist_ok=True)
    official_out = os.path.join(args.out_dir, "official.json")
    run_js = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run.js")
    node = subprocess.Popen(
        [args.node, run_js, "--fixtures", args.fixtures, "--repetitions", str(args.repetitions),
         "--out", official_out, "--min-batch-ms", args.min_batch_ms, "--warmup-ms",
         args.warmup_ms, "--paced"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        if read_reply(node) != "ready":
            raise Failed("Node did not start with \"ready\"")
        official = {s: [] for s in schemes}
        verify = {s: [] for s in schemes}
        for r in range(args.repetitions):
            if r % 2 == 0:
                ours = verify_repetition(args, schemes)
                theirs = node_repetition(node, r)
            else:
                theirs = node_repetition(node, r)
                ours = verify_repetition(args, schemes)
            for s in schemes:
                if s not in theirs:
                    raise Failed(f"Node's repetition {r} has no {s}")
                official[s].append(theirs[s])
                verify[s].append(ours[s])
        node.stdin.close()
        if node.wait(timeout=NODE_REPLY_TIMEOUT_S) != 0:
            raise Failed(f"Node exited {node.returncode}")
    finally:
        if node.poll() is None:
            node.kill()
            node.wait()

    doc = json.load(open(official_out))
    packages = {r["scheme"]: r for r in doc["results"]}
    rows = []
    for s in schemes:
        if not all(x > 0 for x in official[s] + verify[s]):
            raise Failed(f"{s}: a figure is not positive")
        ratios = [o / v for o, v in zip(official[s], verify[s])]
        if not isinstance(packages[s].get("timed"), str):
            raise Failed(f"{s}: run.js did not say what it timed")
        rows.append({"scheme": s, "benchmark": VERIFY_BENCHMARK[s],
                     "package": packages[s]["package"], "version": packages[s]["version"],
                     "timed": packages[s]["timed"],
                     "official_ns": official[s], "verify_wall_ns": verify[s],
                     "speedup": stats(ratios), "official_ns_stats": stats(official[s]),
                     "verify_wall_ns_stats": stats(verify[s])})
    paired = {"repetitions": args.repetitions, "min_time_s": float(args.min_time),
              "order": "alternating: even repetitions tokcheck first, odd ones Node first",
              "node": doc.get("node"), "rows": rows}
    with open(os.path.join(args.out_dir, "paired.json"), "w") as f:
        json.dump(paired, f, indent=2)
        f.write("\n")
    return rows


def main():
    args = parse_args()
    try:
        rows = run(args)
    except (Failed, OSError, ValueError, KeyError, subprocess.SubprocessError) as e:
        print(f"paired: FAILED: {e}")
        return 1
    print("paired: ok (" + ", ".join(
        f"{r['scheme']} {r['speedup']['median']:.1f}x" for r in rows) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
