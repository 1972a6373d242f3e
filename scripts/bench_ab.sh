#!/usr/bin/env bash
# Two builds of tokcheck_bench against each other: is a change faster?
#
#   scripts/bench_ab.sh OLD_BINARY NEW_BINARY [--filter REGEX] [--rounds N]
#                       [--repetitions N] [--min-time SECONDS] [--json FILE]
#
# Keep the binary of the commit before a change (cp build/default/bench/tokcheck_bench
# /tmp/bench_old), rebuild, then compare. Two processes cannot interleave their
# benchmarks the way one tokcheck_bench run does (scripts/bench.sh), so this
# alternates whole runs instead: round 1 runs OLD then NEW, round 2 NEW then OLD,
# and so on, so a load that rises or falls during the comparison moves both sides.
# Each run uses random interleaving and reports its median per benchmark; the
# table shows, per benchmark, the median over the rounds of each side's medians,
# their range, and NEW ÷ OLD. Times are CPU ns per item (tokens), as bench.sh's.
# Nothing is asserted: the ratio and its spread are for a person to judge, and a
# change within the spread is not shown to be a change.
set -euo pipefail

usage() {
  echo "usage: scripts/bench_ab.sh OLD_BINARY NEW_BINARY [--filter REGEX] [--rounds N]" \
    "[--repetitions N] [--min-time S] [--json FILE]" >&2
  exit 2
}
(($# >= 2)) || usage
old=$1
new=$2
shift 2
filter='_Verify$'
rounds=4
reps=5
min_time=0.1
json=''
while (($#)); do
  (($# >= 2)) || usage
  case $1 in
    --filter) filter=$2 ;;
    --rounds) rounds=$2 ;;
    --repetitions) reps=$2 ;;
    --min-time) min_time=$2 ;;
    --json) json=$2 ;;
    *) usage ;;
  esac
  shift 2
done
for b in "$old" "$new"; do
  [[ -x $b ]] || { echo "scripts/bench_ab.sh: $b is not an executable" >&2; exit 2; }
done
[[ $rounds =~ ^[1-9][0-9]*$ && $reps =~ ^[1-9][0-9]*$ ]] || usage

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((r = 1; r <= rounds; ++r)); do
  if ((r % 2)); then order="old new"; else order="new old"; fi
  for side in $order; do
    if [[ $side == old ]]; then bin=$old; else bin=$new; fi
    "$bin" --benchmark_filter="$filter" --benchmark_repetitions="$reps" \
      --benchmark_enable_random_interleaving=true --benchmark_min_time="$min_time" \
      --benchmark_out="$work/$side.$r.json" --benchmark_out_format=json >/dev/null
  done
  echo "round $r of $rounds done ($order)" >&2
done

python3 - "$work" "$rounds" "$old" "$new" "$json" <<'PY'
import json, statistics, sys
work, rounds, old, new, out = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
def medians(side):  # benchmark -> [median CPU ns per item of each round]
    per = {}
    for r in range(1, rounds + 1):
        runs = {}
        text = open(f"{work}/{side}.{r}.json").read()  # empty when the filter matched nothing
        for b in json.loads(text)["benchmarks"] if text.strip() else []:
            if b.get("run_type") != "iteration" or b.get("error_occurred"):
                continue
            ips = b.get("items_per_second")
            ns = 1e9 / ips if ips else b["cpu_time"]  # benchmarks without items: per iteration
            runs.setdefault(b["run_name"], []).append(ns)
        for name, xs in runs.items():
            per.setdefault(name, []).append(statistics.median(xs))
    return per
a, b = medians("old"), medians("new")
names = [n for n in a if n in b]
if not names:
    sys.exit("scripts/bench_ab.sh: no benchmark ran in both binaries (check --filter)")
print(f"OLD {old}\nNEW {new}\n{rounds} alternating rounds; per round the median of its "
      "repetitions; below, the median over rounds (min–max). CPU ns per item.\n")
print("| benchmark | OLD ns | NEW ns | NEW ÷ OLD |")
print("|---|---:|---:|---:|")
rows = []
for n in names:
    ma, mb = statistics.median(a[n]), statistics.median(b[n])
    ratio = mb / ma if ma else float("nan")
    rows.append({"benchmark": n, "old": a[n], "new": b[n], "old_median": ma, "new_median": mb,
                 "ratio": ratio})
    print(f"| {n} | {ma:,.0f} ({min(a[n]):,.0f}–{max(a[n]):,.0f}) | "
          f"{mb:,.0f} ({min(b[n]):,.0f}–{max(b[n]):,.0f}) | {ratio:.3f} |")
for n in sorted(set(a) ^ set(b)):
    print(f"\nonly in {'OLD' if n in a else 'NEW'}: {n}")
if out:
    json.dump({"old": old, "new": new, "rounds": rounds, "rows": rows}, open(out, "w"), indent=1)
PY
