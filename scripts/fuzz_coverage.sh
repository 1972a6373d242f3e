#!/usr/bin/env bash
# Clang source-based coverage of reference/ from the fuzz corpora: builds every
# target with -fprofile-instr-generate -fcoverage-mapping (standalone driver, no
# sanitizers), replays the seed corpora, the regressions and, if given, a
# campaign's corpora, then reports line and branch coverage per file of
# reference/ (llvm-profdata-14 / llvm-cov-14).
#
#   scripts/fuzz_coverage.sh [--corpus DIR] [--build DIR] [--html DIR] [--targets a,b]
#                            [--mutate N] [--summary-only]
#
#   --corpus DIR   a campaign's corpus root (DIR/<target>/), e.g. build/fuzz-campaign/corpus
#   --mutate N     also run each custom mutator N times per input (standalone driver)
#   --html DIR     also write an HTML report there
# Prints llvm-cov's per-file table, then line coverage of the parsers and
# verifiers (the codec files and the byte/crypto layers under them) as one figure.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$ROOT/build/fuzz-coverage" corpus="" html="" targets="" mutate=0 summary_only=0
while (($#)); do
  case $1 in
    --corpus) corpus=$(cd "$2" && pwd); shift ;;
    --build) build=$2; shift ;;
    --html) html=$2; shift ;;
    --targets) targets=$2; shift ;;
    --mutate) mutate=$2; shift ;;
    --summary-only) summary_only=1 ;;
    *) sed -n '2,17p' "$0" >&2; exit 2 ;;
  esac
  shift
done
PROFDATA=$(command -v llvm-profdata-14 || command -v llvm-profdata)
COV=$(command -v llvm-cov-14 || command -v llvm-cov)

flags="-O1 -g -fprofile-instr-generate -fcoverage-mapping"
cmake -S "$ROOT" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DTOKCHECK_BUILD_TESTS=OFF -DTOKCHECK_BUILD_BENCH=OFF -DTOKCHECK_FUZZ_ENGINE_LINK= \
  -DTOKCHECK_WERROR=OFF >/dev/null
cmake --build "$build" --target tokcheck_fuzzers -j"$(nproc)" >/dev/null

list=${targets//,/ }
[ -n "$list" ] || list=$(cat "$build/fuzz/fuzz_targets.txt")
prof=$build/profiles
rm -rf "$prof" && mkdir -p "$prof"
objects=()
for target in $list; do
  dirs=("$build/fuzz/corpus/$target")
  [ -d "$ROOT/fuzz/regressions/$target" ] && dirs+=("$ROOT/fuzz/regressions/$target")
  [ -n "$corpus" ] && [ -d "$corpus/$target" ] && dirs+=("$corpus/$target")
  LLVM_PROFILE_FILE="$prof/$target.profraw" "$build/fuzz/$target" --mutate="$mutate" "${dirs[@]}" \
    >"$prof/$target.log" 2>&1 || { echo "replay failed: $target (see $prof/$target.log)"; exit 1; }
  objects+=(-object "$build/fuzz/$target")
done
"$PROFDATA" merge -sparse "$prof"/*.profraw -o "$prof/merged.profdata"
# llvm-cov takes the first binary positionally, the others with -object.
first=${objects[1]}
rest=("${objects[@]:2}")
cov_args=(-instr-profile="$prof/merged.profdata" "$first" "${rest[@]}")
if ((!summary_only)); then
  "$COV" report "${cov_args[@]}" "$ROOT/reference" | sed "s|$ROOT/||"
fi
if [ -n "$html" ]; then
  "$COV" show -format=html -output-dir="$html" "${cov_args[@]}" "$ROOT/reference" >/dev/null
  echo "HTML report: $html/index.html"
fi
"$COV" export -summary-only "${cov_args[@]}" "$ROOT/reference" >"$prof/summary.json"
python3 - "$prof/summary.json" "$ROOT" <<'PY'
import json, sys
data, root = json.load(open(sys.argv[1])), sys.argv[2]
import re
# The codec files (token parsers, verifiers, builders) and the byte/crypto layers
# under them; tables (*_codes.cc, zego/sdk_versions.cc, core/condition.cc) are not parsers.
codec = (r"^(vendors/agora/agora(006|007|_common)|vendors/zego/(token0[34]|zego_common|json_text)"
         r"|vendors/volc/volc001|vendors/tencent/(usersig|usersig_json|private_map_key)"
         r"|core/(byte_reader|byte_writer|base64|zlib_codec|crypto_util|hmac_sha256|aes|strict_json))"
         r"\.(cc|h)$")
groups = {"parsers+verifiers (codec files and the byte/crypto layers)": codec,
          "json adapters (schemes/, vendors/*/*_scheme*)": r"^schemes/|_scheme[a-z_]*\.(cc|h)$",
          "lifecycle (lifecycle/, vendors/*/*_session*)": r"^lifecycle/|_session[a-z_]*\.(cc|h)$",
          "all of reference/": r""}
for name, pattern in groups.items():
    lc = lt = bc = bt = 0
    for f in data["data"][0]["files"]:
        rel = f["filename"].replace(root + "/reference/", "")
        if rel.endswith("_test.cc") or not re.search(pattern, rel):
            continue
        s = f["summary"]
        lc += s["lines"]["covered"]; lt += s["lines"]["count"]
        bc += s["branches"]["covered"]; bt += s["branches"]["count"]
    if lt:
        print(f"{name}: lines {lc}/{lt} = {100.0*lc/lt:.1f}%, branches {bc}/{bt} = {100.0*bc/max(bt,1):.1f}%")
PY
