#!/usr/bin/env bash
# Benchmarks on this machine: verify throughput next to the raw cost of the
# cryptography it needs, with the `openssl speed` ceiling measured on the same
# host. Writes build/bench/results.json and prints the ratios docs/BENCHMARKS.md
# quotes. Run it on an idle machine: figures under load are noise.
#   scripts/bench.sh [--repetitions N]   (default 9, the minimum compare.py's U test needs)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=9
[[ "${1:-}" == "--repetitions" ]] && reps=$2
scripts/bootstrap.sh >/dev/null
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)" --target tokcheck_bench >/dev/null
mkdir -p build/bench
echo "== openssl speed -hmac sha256 (ceiling on this host)"
openssl speed -seconds 1 -bytes 64 -hmac sha256 2>/dev/null | tail -1
echo "== tokcheck_bench, $reps repetitions"
build/default/bench/tokcheck_bench --benchmark_repetitions="$reps" \
  --benchmark_report_aggregates_only=true --benchmark_min_time=0.5 \
  --benchmark_out=build/bench/results.json --benchmark_out_format=json >/dev/null
python3 - build/bench/results.json <<'PY'
import json, sys
runs = {b["run_name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("aggregate_name") == "median"}
ns = lambda name: runs[name]["cpu_time"]
print(f"{'benchmark':32} {'median cpu ns':>14} {'per second':>12}")
for name, b in runs.items():
    extra = f"  allocs/verify={b['allocs_per_verify']:.0f}" if "allocs_per_verify" in b else ""
    print(f"{name:32} {b['cpu_time']:14.0f} {1e9 / b['cpu_time']:12.0f}{extra}")
pairs = []
for stem in sorted({n.rsplit('_', 1)[0] for n in runs if n.endswith('_Verify')}):
    v, c = f"{stem}_Verify", f"{stem}_RawCrypto"
    if c in runs:
        line = f"{stem}: verify / raw crypto = {ns(v) / ns(c):.2f}x"
        if f"{stem}_RawInflate" in runs:
            line += f"; verify / (raw crypto + inflate) = {ns(v) / (ns(c) + ns(stem + '_RawInflate')):.2f}x"
        print(line)
PY
