#!/usr/bin/env bash
# One command for the benchmark table (docs/BENCHMARKS.md): every verify next to its
# floor, interleaved in the same repetitions, the official npm packages on the same
# tokens, 2-thread scaling and malloc-level allocations per verify; then the
# conformance run's cases/s and peak RSS as the vector set grows.
#   scripts/bench.sh [--repetitions N] [--min-time SECONDS] [--filter REGEX]
#                    [--conformance-scales LIST] [--conformance-repetitions N]
#                    [--no-build --build-dir DIR]   (use binaries already built in DIR)
# Writes build/bench/{fixtures,results,official,conformance,summary}.json and prints
# one markdown table of medians over N repetitions with their min–max spread, and
# the conformance table (tokcheck_conformance_bench; --conformance-scales "" skips it).
#
# tokcheck_bench runs with --benchmark_enable_random_interleaving: each repetition
# runs every benchmark once, in a fresh random order. The ratios come from
# benchmarks that time both of their sides in alternating slices of a few ms
# (verify ÷ floor: ratio_bench.cc; 2 threads ÷ 1: scaling_bench.cc), one figure
# per repetition, then their median and range. Then the official packages and
# tokcheck's verify of the same tokens take turns (bench/official/paired.py:
# Node's bench/official/run.js waits for each of its repetitions while
# tokcheck_bench times the verifies), and the speed-up is the median of the
# per-repetition ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=9
min_time=0.2
filter='^BM_(Agora|Volc|Tencent|Zego)'
build=1
bin=build/default/bench
conformance_scales=1,2,4,8,16,32
conformance_reps=3
while (($#)); do
  case "$1" in
    --repetitions) reps=$2; shift 2 ;;
    --min-time) min_time=$2; shift 2 ;;
    --filter) filter=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --build-dir) bin=$2/bench; shift 2 ;;
    --conformance-scales) conformance_scales=$2; shift 2 ;;
    --conformance-repetitions) conformance_reps=$2; shift 2 ;;
    *) echo "usage: scripts/bench.sh [--repetitions N] [--min-time S] [--filter REGEX] [--conformance-scales LIST] [--conformance-repetitions N] [--no-build] [--build-dir DIR]" >&2; exit 2 ;;
  esac
done
out=build/bench
if ((build)); then
  scripts/bootstrap.sh >/dev/null
  cmake --preset default >/dev/null
  cmake --build --preset default -j"$(nproc)" --target tokcheck_bench tokcheck_bench_fixtures \
    tokcheck_conformance_bench tokcheck >/dev/null
fi
mkdir -p "$out"
"$bin/tokcheck_bench_fixtures" >"$out/fixtures.json"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== tokcheck_bench: $reps interleaved repetitions, min time ${min_time}s (load average $load_before)" >&2
"$bin/tokcheck_bench" --benchmark_filter="$filter" --benchmark_repetitions="$reps" \
  --benchmark_enable_random_interleaving=true --benchmark_min_time="$min_time" \
  --benchmark_out="$out/results.json" --benchmark_out_format=json >/dev/null
rm -f "$out/official.json" "$out/paired.json"
if [[ -f bench/official/paired.py ]] && command -v node >/dev/null; then
  echo "== official npm packages and tokcheck's verify in turns (bench/official/paired.py), $reps repetitions" >&2
  python3 bench/official/paired.py --bench "$bin/tokcheck_bench" --fixtures "$out/fixtures.json" \
    --repetitions "$reps" --min-time "$min_time" --out-dir "$out" >&2 ||
    echo "bench/official/paired.py failed: no speed-up column" >&2
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
rm -f "$out/conformance.json" "$out/conformance.md"
if [[ -n "$conformance_scales" ]]; then
  echo "== tokcheck_conformance_bench: scales $conformance_scales, $conformance_reps repetitions" >&2
  "$bin/tokcheck_conformance_bench" --scales "$conformance_scales" \
    --repetitions "$conformance_reps" --tokcheck "$(dirname "$bin")/cli/tokcheck" \
    --json "$out/conformance.json" >"$out/conformance.md"
fi

python3 - "$out" "$reps" "$min_time" "$load_before" "$load_after" <<'PY'
import json, os, platform, statistics, subprocess, sys, time
out, reps, min_time, load_before, load_after = sys.argv[1:]
res = json.load(open(f"{out}/results.json"))
runs = {}   # run_name -> [per-repetition benchmark dicts], in repetition order
for b in res["benchmarks"]:
    if b.get("run_type") != "iteration" or b.get("error_occurred"):
        continue
    runs.setdefault(b["run_name"], []).append(b)
for v in runs.values():
    v.sort(key=lambda b: b.get("repetition_index", 0))

def ns(b):  # ns per item (token); items_per_second is per CPU second, or wall for real_time
    return 1e9 / b["items_per_second"]

def stats(xs):
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs), "n": len(xs)}

def series(name, f=ns):
    return [f(b) for b in runs.get(name, [])]

def paired(a, b, f):  # per-repetition f(a_i, b_i): both ran in the same repetition
    xa, xb = runs.get(a, []), runs.get(b, [])
    return [f(x, y) for x, y in zip(xa, xb)] if xa and len(xa) == len(xb) else []

official = {}  # scheme -> paired.json row (bench/official/paired.py)
node_version = None
if os.path.exists(f"{out}/paired.json"):
    doc = json.load(open(f"{out}/paired.json"))
    official = {r["scheme"]: r for r in doc["rows"]}
    node_version = doc.get("node")

schemes = [("agora-006", "Agora006"), ("agora-007", "Agora007"), ("volc-001", "Volc001"),
           ("tencent-usersig", "TencentUserSig"), ("zego-04-cbc", "Zego04Cbc"),
           ("zego-04-gcm", "Zego04Gcm")]
ops = [("verify", "Verify"), ("verify, cold key", "VerifyColdKey"), ("parse", "Parse"),
       ("build", "Build"), ("floor", "Floor"), ("EVP CBC re-armed per token", "EvpCbcReinit"),
       ("raw AES-NI (bulk)", "AesBulk")]

def fmt_range(s, digits=0, suffix=""):
    f = lambda x: f"{x:,.{digits}f}{suffix}"
    return f"{f(s['median'])} ({f(s['min'])}–{f(s['max'])})"

rows = []
for scheme, stem in schemes:
    for op, suffix in ops:
        name = f"BM_{stem}_{suffix}"
        xs = series(name)
        if not xs:
            continue
        row = {"scheme": scheme, "op": op, "benchmark": name, "ns": stats(xs),
               "tokens_per_s": statistics.median([1e9 / x for x in xs])}
        if suffix == "Verify":
            # Verify and floor in alternating ~5 ms slices inside one benchmark
            # (ratio_bench.cc): each repetition's median pair ratio.
            over = runs.get(f"BM_{stem}_VerifyOverFloor/iterations:1/manual_time", [])
            if over:
                row["verify_over_floor"] = stats([b["ratio"] for b in over])
                row["verify_over_floor_spread_in_repetitions"] = {
                    "min": min(b["ratio_min"] for b in over),
                    "max": max(b["ratio_max"] for b in over)}
            r = paired(name, f"BM_{stem}_AesBulk", lambda a, b: ns(a) / ns(b))
            if r:
                row["verify_over_raw_aesni"] = stats(r)
            # Alternating 1- and 2-thread slices inside one benchmark (scaling_bench.cc),
            # beside the same alternation of code that shares nothing (the machine's own).
            scaling = runs.get(f"BM_{stem}_TwoThreadScaling/iterations:1/manual_time", [])
            if scaling:
                for key, counter in (("two_thread_scaling", "scaling"),
                                     ("two_thread_control", "control_scaling"),
                                     ("two_thread_vs_control", "scaling_vs_control")):
                    row[key] = stats([b[counter] for b in scaling])
            allocs = [b["allocs_per_verify"] for b in runs[name] if "allocs_per_verify" in b]
            if allocs:
                row["allocs_per_verify"] = max(allocs)
            o = official.get(scheme)
            if o:
                # Wall time on both sides (Node's clock is wall time), each repetition's
                # pair measured seconds apart; the ratio's median, min and max.
                row["official"] = {"package": o["package"], "version": o["version"],
                                   "timed": o["timed"], "ns": o["official_ns_stats"]}
                row["wall_ns"] = o["verify_wall_ns_stats"]
                row["speedup_vs_official"] = o["speedup"]
        rows.append(row)

def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()

def cmd(*a):
    try:
        return subprocess.run(a, capture_output=True, text=True, check=True).stdout.strip()
    except Exception:
        return None

machine = {"cpu": cpu_model(), "cpus": os.cpu_count(), "kernel": platform.release(),
           "openssl": cmd("openssl", "version"), "node": node_version,
           "load_average_before": load_before, "load_average_after": load_after,
           "context": res.get("context", {}).get("load_avg")}
summary = {"date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
           "git": cmd("git", "rev-parse", "--short", "HEAD"), "repetitions": int(reps),
           "min_time_s": float(min_time), "interleaved": True, "machine": machine, "rows": rows,
           "conformance": (json.load(open(f"{out}/conformance.json"))
                           if os.path.exists(f"{out}/conformance.json") else None),
           # (TwoThreadScaling reports counters, not items: it has no ns_per_item.)
           "benchmarks": {n: {**({"ns_per_item": stats(series(n))}
                                 if all("items_per_second" in b for b in v) else {}),
                              "cpu_time_ns": stats([b["cpu_time"] for b in v]),
                              "real_time_ns": stats([b["real_time"] for b in v])}
                          for n, v in runs.items()}}
json.dump(summary, open(f"{out}/summary.json", "w"), indent=2)

print(f"Measured {summary['date_utc']} (git {summary['git']}) on {machine['cpu']}, "
      f"{machine['cpus']} CPUs, {machine['openssl']}; load average {load_before} before, "
      f"{load_after} after. Medians of {reps} interleaved repetitions (min–max in brackets), "
      f"min time {min_time} s; ns per token is CPU time; verify ÷ floor alternates ~5 ms "
      f"slices of the two (CPU time per call); 2-thread scaling alternates 1- and "
      f"2-thread slices of verify, \"machine\" the same for zlib's CRC-32 of a thread's own "
      f"256 bytes (no tokcheck code) at the same moments; the speed-up "
      f"divides the official package's wall time per token by verify's wall time, the two "
      f"taking turns in each of {reps} repetitions (bench/official/paired.py): the median "
      f"ratio (min–max), then both sides' medians.")
print()
print("| scheme | op | ns/token | tokens/s | verify ÷ floor | speed-up vs official package | "
      "2-thread scaling | allocs/verify |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for r in rows:
    ratio = fmt_range(r["verify_over_floor"], 2, "×") if "verify_over_floor" in r else ""
    if "verify_over_raw_aesni" in r:
        ratio += f"; ÷ raw AES-NI {r['verify_over_raw_aesni']['median']:.1f}×"
    sp = ""
    if "speedup_vs_official" in r:
        o = r["official"]
        sp = (f"{fmt_range(r['speedup_vs_official'], 1, '×')} ({o['package']} {o['version']}: "
              f"{o['ns']['median']:,.0f} ns vs {r['wall_ns']['median']:,.0f} ns wall)")
    sc = ""
    if "two_thread_scaling" in r:
        sc = (f"{fmt_range(r['two_thread_scaling'], 2, '×')}; machine "
              f"{r['two_thread_control']['median']:.2f}×")
    al = f"{r['allocs_per_verify']:g}" if "allocs_per_verify" in r else ""
    print(f"| {r['scheme']} | {r['op']} | {fmt_range(r['ns'])} | {r['tokens_per_s']:,.0f} | "
          f"{ratio} | {sp} | {sc} | {al} |")
if not official:
    print()
    print("(no build/bench/paired.json: bench/official/paired.py absent or failed, no speed-up column)")
if os.path.exists(f"{out}/conformance.md"):
    print()
    print("`tokcheck conformance` over the vector set written k times over (tokcheck_conformance_bench, "
          f"medians of {summary['conformance']['repetitions']} alternating runs per scale; "
          "cases/s per CPU second, peak RSS of the process):")
    print()
    print(open(f"{out}/conformance.md").read().rstrip())
PY
