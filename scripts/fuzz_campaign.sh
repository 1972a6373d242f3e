#!/usr/bin/env bash
# Runs every fuzz target (libFuzzer, ASan+UBSan: the `fuzz` preset) for a given
# time on all cores, merges each corpus, and prints per target: executions per
# second, coverage (cov = edges, ft = features) of the merged corpus, corpus size,
# new corpus files (not in the seeds) and crashes.
#
#   scripts/fuzz_campaign.sh [--seconds N] [--total N] [--jobs N] [--parallel P]
#                            [--smoke] [--targets a,b] [--build DIR] [--out DIR] [--no-build]
#
#   --seconds N  time per target (default 60)      --total N   split N s over targets
#   --jobs N     libFuzzer -fork workers per target (default: all cores); 1 runs
#                one plain process (restarted after a crash until the time is up)
#   --parallel P targets fuzzed at once (default 1). The long campaign in
#                docs/FUZZING.md is `--jobs 1 --parallel 2 --seconds 300`.
#   --smoke      CI smoke: 20 s per target
#   --out DIR    corpora, crashes and logs (default build/fuzz-campaign); corpora
#                persist there, so campaigns resume where the last one stopped
#   TOKCHECK_FUZZ_PLAIN_MUTATOR=1 turns the re-signing mutators off (comparison).
# Exit status 1 if any target crashed (artifacts in OUT/crashes/<target>/).
# Columns: exec_per_s (executions / seconds fuzzed), cov (edges) and ft (features)
# of the merged corpus, corpus_before -> corpus (after the merge), new (files not
# among the seeds), peak_rss_mb, crashes (found by this run).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=60 total="" jobs=$(nproc) parallel=1 targets="" build="$ROOT/build/fuzz-campaign-bin" out="$ROOT/build/fuzz-campaign" do_build=1
while (($#)); do
  case $1 in
    --seconds) seconds=$2; shift ;;
    --total) total=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    --parallel) parallel=$2; shift ;;
    --smoke) seconds=20 ;;
    --targets) targets=$2; shift ;;
    --build) build=$2; shift ;;
    --out) out=$2; shift ;;
    --no-build) do_build=0 ;;
    *) sed -n '2,25p' "$0" >&2; exit 2 ;;
  esac
  shift
done

if ((do_build)); then
  # Warnings are the GCC/ASan builds' gate; a fuzz build must not stop on a
  # clang-only warning (OSS-Fuzz builds without -Werror too).
  cmake --preset fuzz -S "$ROOT" -B "$build" -DTOKCHECK_WERROR=OFF >/dev/null
  cmake --build "$build" --target tokcheck_fuzzers -j"$(nproc)" >/dev/null
fi
[ -f "$build/fuzz/fuzz_targets.txt" ] || { echo "no fuzz build in $build" >&2; exit 2; }
if [ -n "$targets" ]; then
  list=${targets//,/ }
else
  list=$(cat "$build/fuzz/fuzz_targets.txt")
fi
n=$(wc -w <<<"$list")
if [ -n "$total" ]; then seconds=$((total / n)); fi
((seconds > 0)) || seconds=1

# Sanitizer reports are fatal; leaks are reported (libFuzzer -detect_leaks=1).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

mkdir -p "$out/logs" "$out/rows"
echo "fuzz_campaign: $n targets x ${seconds}s, -fork=$jobs, $parallel at once, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
results=$out/results.tsv
stamp=$out/.run-start
touch "$stamp"
rm -f "$out"/rows/*

# Fuzzes one target, merges its corpus and writes its row (rows/<target>.tsv) and
# what it has to say about crashes (rows/<target>.txt). Always returns 0: the
# caller reads the rows.
run_target() {
  local target=$1
  local bin=$build/fuzz/$target options=$ROOT/fuzz/options/$target.options
  local dict max_len seeds=$build/fuzz/corpus/$target corpus=$out/corpus/$target crashes=$out/crashes/$target
  local log=$out/logs/$target.log report=$out/rows/$target.txt
  dict=$(sed -n 's/^dict *= *//p' "$options")
  max_len=$(sed -n 's/^max_len *= *//p' "$options")
  mkdir -p "$corpus" "$crashes"
  : >"$report"
  local extra=()
  [ -d "$ROOT/fuzz/regressions/$target" ] && extra+=("$ROOT/fuzz/regressions/$target")
  local before
  before=$(find "$corpus" -type f | wc -l)
  local common=(-dict="$ROOT/fuzz/dicts/$dict" -max_len="$max_len" -timeout=10 -rss_limit_mb=2560
    -artifact_prefix="$crashes/" -print_final_stats=1)
  local eps units=0 rss=0
  if ((jobs > 1)); then
    # New units go to the first directory ($corpus); seeds and regressions are read.
    "$bin" -fork="$jobs" -max_total_time="$seconds" -ignore_crashes=1 -ignore_timeouts=1 \
      -ignore_ooms=1 "${common[@]}" "$corpus" "$seeds" "${extra[@]}" >"$log" 2>&1 || true
    # exec/s as libFuzzer reports it for the whole run (last status line; -fork
    # mode prints "exec/s N", a single process "exec/s: N").
    eps=$(grep -oE 'exec/s:? [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || echo 0)
  else
    # One process on one core; a crash ends it, so start again (from the grown
    # corpus) until the time is used. Executions are summed over the segments.
    local t0 left
    t0=$(date +%s)
    : >"$log"
    while :; do
      left=$((seconds - ($(date +%s) - t0)))
      ((left > 0)) || break
      "$bin" -max_total_time="$left" "${common[@]}" "$corpus" "$seeds" "${extra[@]}" >>"$log" 2>&1 || true
    done
    units=$(grep -oE 'stat::number_of_executed_units: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}' || true)
    eps=$((${units:-0} / seconds))
  fi
  rss=$(grep -oE 'stat::peak_rss_mb: +[0-9]+' "$log" | grep -oE '[0-9]+$' | sort -n | tail -1 || true)
  # Merge seeds + what was found into a minimal corpus with the same coverage.
  local merged=$out/corpus/$target.merge
  rm -rf "$merged" && mkdir -p "$merged"
  "$bin" -merge=1 -max_len="$max_len" "$merged" "$corpus" "$seeds" "${extra[@]}" \
    >"$out/logs/$target.merge.log" 2>&1 || true
  if [ -n "$(ls -A "$merged")" ]; then rm -rf "$corpus" && mv "$merged" "$corpus"; else rm -rf "$merged"; fi
  # Coverage of the merged corpus: the INITED line of a replay.
  "$bin" -runs=0 -max_len="$max_len" "$corpus" >"$out/logs/$target.cov.log" 2>&1 || true
  local cov ft nseeds ncorpus new ncrash
  cov=$(grep -oE 'INITED cov: [0-9]+' "$out/logs/$target.cov.log" | grep -oE '[0-9]+$' || echo 0)
  ft=$(grep -oE 'INITED cov: [0-9]+ ft: [0-9]+' "$out/logs/$target.cov.log" | grep -oE '[0-9]+$' || echo 0)
  nseeds=$(find "$seeds" -type f | wc -l)
  ncorpus=$(find "$corpus" -type f | wc -l)
  new=$(comm -13 <(ls "$seeds" | sort) <(ls "$corpus" | sort) | wc -l)
  # Only what this run found: the crash directory persists across campaigns.
  ncrash=$(find "$crashes" -type f -newer "$stamp" \( -name 'crash-*' -o -name 'leak-*' \
    -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  if ((ncrash > 0)); then
    {
      # CI keeps only this output: print what failed and each reproducer itself
      # (base64, small inputs), so a failure on a machine we cannot reach can be
      # replayed here with `base64 -d > file && fuzz/<target> file`.
      # -fork mode keeps no child output, but with -ignore_crashes the parent log
      # repeats each child's "ERROR:" and "runtime error:" lines: print them,
      # because an empty reproducer (crash-da39a3ee…, the SHA-1 of nothing) means
      # the failure happened outside any unit (in a custom mutator, or at exit)
      # and a replay of it shows nothing.
      grep -E 'ERROR: |runtime error' "$log" | sort | uniq -c | sort -rn | head -5 |
        sed "s/^ */  $target: log x/" || true
      find "$crashes" -type f -newer "$stamp" | while read -r f; do
        timeout 60 "$bin" -timeout=10 "$f" 2>&1 |
          grep -m3 -E 'invariant failed|ERROR: |runtime error|SUMMARY:|#[0-4] 0x' |
          sed "s/^/  $target: /" || true
        if [ ! -s "$f" ]; then
          echo "  $target: $(basename "$f") is empty: the failure was outside any unit (see the log lines)"
        elif (($(stat -c %s "$f") <= 4096)); then
          echo "  $target: $(basename "$f") base64: $(base64 -w0 "$f")"
        else
          echo "  $target: $(basename "$f") ($(stat -c %s "$f") bytes, not printed)"
        fi
      done
    } >"$report"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$eps" "$cov" "$ft" "$nseeds" \
    "$before" "$ncorpus" "$new" "${rss:-0}" "$ncrash" >"$out/rows/$target.tsv"
  echo "fuzz_campaign: $target done $(date -u +%TZ): exec/s $eps, cov $cov, ft $ft, corpus $before -> $ncorpus, crashes $ncrash"
}

for target in $list; do
  while (($(jobs -rp | wc -l) >= parallel)); do wait -n || true; done
  run_target "$target" &
done
wait

printf 'target\texec_per_s\tcov\tft\tseeds\tcorpus_before\tcorpus\tnew\tpeak_rss_mb\tcrashes\n' >"$results"
crashed=0
for target in $list; do
  if [ ! -f "$out/rows/$target.tsv" ]; then
    echo "fuzz_campaign: $target wrote no result" >&2
    crashed=1
    continue
  fi
  cat "$out/rows/$target.tsv" >>"$results"
  cat "$out/rows/$target.txt" 2>/dev/null || true
  (($(cut -f10 "$out/rows/$target.tsv") == 0)) || crashed=1
done
column -t -s $'\t' "$results"
echo "fuzz_campaign: done $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg); results in $results"
if ((crashed)); then
  echo "fuzz_campaign: CRASHES found (or a target without a result); reproducers in $out/crashes/ (copy each to fuzz/regressions/<target>/)"
  exit 1
fi
