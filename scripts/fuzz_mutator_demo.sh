#!/usr/bin/env bash
# Shows what the re-signing custom mutators buy: each verify target is fuzzed
# twice from the same seed corpus for the same time and libFuzzer seed, once with
# its LLVMFuzzerCustomMutator and once with TOKCHECK_FUZZ_PLAIN_MUTATOR=1 (plain
# byte mutation), then both corpora are replayed under clang source coverage and,
# for every verdict line of the verifier (`Condition::k...`), the number of
# inputs that reached it is printed side by side. Lines after the MAC / AES check
# stay at 0 without the mutator.
#
#   scripts/fuzz_mutator_demo.sh [--seconds N] [--targets a,b] [--out DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=60 out="$ROOT/build/fuzz-mutator-demo" fuzz_build="$ROOT/build/fuzz-campaign-bin"
targets="agora006_verify_fuzzer,agora007_verify_fuzzer,volc001_verify_fuzzer,tencent_usersig_verify_fuzzer,zego04_verify_fuzzer,zego03_verify_fuzzer"
while (($#)); do
  case $1 in
    --seconds) seconds=$2; shift ;;
    --targets) targets=$2; shift ;;
    --out) out=$2; shift ;;
    --build) fuzz_build=$2; shift ;;
    *) sed -n '2,12p' "$0" >&2; exit 2 ;;
  esac
  shift
done
cmake --preset fuzz -S "$ROOT" -B "$fuzz_build" -DTOKCHECK_WERROR=OFF >/dev/null
cmake --build "$fuzz_build" --target tokcheck_fuzzers -j"$(nproc)" >/dev/null
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
COV=$(command -v llvm-cov-14 || command -v llvm-cov)
# Which source file holds each target's verifier.
declare -A source=(
  [agora006_verify_fuzzer]=reference/vendors/agora/agora006.cc
  [agora007_verify_fuzzer]=reference/vendors/agora/agora007.cc
  [volc001_verify_fuzzer]=reference/vendors/volc/volc001.cc
  [tencent_usersig_verify_fuzzer]=reference/vendors/tencent/usersig.cc
  [zego04_verify_fuzzer]=reference/vendors/zego/token04.cc
  [zego03_verify_fuzzer]=reference/vendors/zego/token03.cc
)
for target in ${targets//,/ }; do
  [ -x "$fuzz_build/fuzz/$target" ] || { echo "skip $target: not built"; continue; }
  options=$ROOT/fuzz/options/$target.options
  max_len=$(sed -n 's/^max_len *= *//p' "$options")
  for variant in with without; do
    corpus=$out/$variant/$target
    rm -rf "$corpus" && mkdir -p "$corpus"
    plain=()
    [ $variant = without ] && plain=(env TOKCHECK_FUZZ_PLAIN_MUTATOR=1)
    "${plain[@]}" "$fuzz_build/fuzz/$target" -seed=1 -max_total_time="$seconds" -max_len="$max_len" \
      "$corpus" "$fuzz_build/fuzz/corpus/$target" >"$out/$variant-$target.log" 2>&1 || true
    stats=$(grep -E '^#[0-9]+' "$out/$variant-$target.log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+|exec/s: [0-9]+' | tr '\n' ' ')
    echo "$target $variant mutator: $stats"
    # Replay the corpus (with the seeds) under source coverage; keep the counts.
    "$ROOT/scripts/fuzz_coverage.sh" --targets "$target" --corpus "$out/$variant" --summary-only \
      >"$out/$variant-$target.cov" 2>&1
    prof=$ROOT/build/fuzz-coverage/profiles/merged.profdata
    "$COV" show -instr-profile="$prof" "$ROOT/build/fuzz-coverage/fuzz/$target" \
      "$ROOT/${source[$target]}" >"$out/$variant-$target.show"
  done
  echo "  executions reaching each verdict line of ${source[$target]} (with | without mutator):"
  paste -d'\t' <(grep -E 'Condition::k[A-Za-z]+' "$out/with-$target.show") \
    <(grep -E 'Condition::k[A-Za-z]+' "$out/without-$target.show") |
    awk -F'\t' '{ split($1, a, "|"); split($2, b, "|"); gsub(/ /, "", a[1]); gsub(/ /, "", a[2]);
                  gsub(/ /, "", b[2]); rest = substr($1, index($1, "|") + 1);
                  line = substr(rest, index(rest, "|") + 1); gsub(/^ +/, "", line);
                  printf "    %5s: %10s | %-10s %s\n", a[1], a[2], b[2], substr(line, 1, 80) }'
  grep -h 'parsers+verifiers' "$out/with-$target.cov" "$out/without-$target.cov" | sed 's/^/  /' || true
done
