#!/usr/bin/env bash
# Produces the reports the report tests read: `tokcheck conformance` against
# break_answers.py (single: one broken implementation; matrix: the reference
# plus the broken one), with an allowlist holding one failing case and one
# stale entry. The gate must fail (exit 1) and every report must be written.
# usage: run_fixture.sh TOKCHECK OUTDIR single|matrix
set -euo pipefail
tokcheck=$1 out=$2 mode=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
rm -f "$out/$mode".{json,xml,html}
printf '%s\n' '# one real failure, one entry that matches nothing' \
  'agora-007/verify.json#9 known: flipped by break_answers.py' \
  'agora-007/verify.json#100000 stale on purpose' >"$out/$mode.allowlist"
broken="python3 $here/break_answers.py '$tokcheck serve'"
impls=(--impl "$broken")
[[ $mode == matrix ]] && impls=(--impl "$tokcheck serve" --impl "$broken")
set +e
"$tokcheck" conformance "${impls[@]}" --allowlist "$out/$mode.allowlist" \
  --report "$out/$mode.json" --junit "$out/$mode.xml" --html "$out/$mode.html" >"$out/$mode.txt" 2>&1
rc=$?
set -e
tail -n 1 "$out/$mode.txt"
[[ $rc -eq 1 ]] || { echo "expected exit 1 (gate failed), got $rc"; cat "$out/$mode.txt"; exit 1; }
for f in json xml html; do [[ -s $out/$mode.$f ]] || { echo "missing $out/$mode.$f"; exit 1; }; done
echo "reports written to $out/$mode.{json,xml,html}"
