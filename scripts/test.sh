#!/usr/bin/env bash
# Every test: set up, build and run the whole suite (unit, conformance,
# property, fuzz-corpus replay, CLI) in the default build, then again under
# AddressSanitizer + UndefinedBehaviorSanitizer, then every fuzz target built
# with clang + libc++ (OSS-Fuzz's standard library) replaying its seeds and
# regressions (fuzz-libcxx), then the fuzz smoke campaign.
# TOKCHECK_SKIP_ASAN=1 / TOKCHECK_SKIP_LIBCXX=1 / TOKCHECK_SKIP_FUZZ_SMOKE=1 skip
# those stages locally.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
jobs=$(nproc)

run_preset() {
  local preset=$1
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$jobs"
  echo "== $preset: ctest"
  ctest --preset "$preset" -j"$jobs"
}

run_preset default
echo "== default: conformance summary against the reference"
build/default/cli/tokcheck conformance
echo "== default: the official npm packages against the vectors (docs/COMPATIBILITY.md)"
# ctest compat_matrix already gates this; here the per-package summary is shown.
python3 conformance/harnesses/check_compat.py --tokcheck build/default/cli/tokcheck \
  --out build/default/compat-report | tail -n 5
if [[ "${TOKCHECK_SKIP_ASAN:-0}" != 1 ]]; then
  run_preset asan
fi
if [[ "${TOKCHECK_SKIP_LIBCXX:-0}" != 1 ]]; then
  run_preset fuzz-libcxx
fi
if [[ "${TOKCHECK_SKIP_FUZZ_SMOKE:-0}" != 1 && -x scripts/fuzz_campaign.sh ]]; then
  echo "== fuzz smoke (libFuzzer, ASan+UBSan)"
  scripts/fuzz_campaign.sh --smoke
fi
echo "== all stages passed"
