#!/usr/bin/env bash
# Differential fuzzing campaign against the official npm packages
# (docs/COMPATIBILITY.md "Differential fuzzing"): N seconds per package, one
# package at a time (one core), through conformance/harnesses/difffuzz.py.
#
#   scripts/compat_campaign.sh --seconds N [--seed S] [--package NAME]...
#
# Prints, per package, the cases run, cases/s, the disagreements each known
# deviation class explains and the unknown ones (shrunk, as VECTOR lines).
# Exits 1 if any package had an unknown disagreement. TOKCHECK overrides the
# binary (default build/default/cli/tokcheck); scripts/bootstrap.sh installs
# the packages.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="" seed=$(date +%s) packages=()
while (($#)); do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --package) packages+=("$2"); shift 2 ;;
    *) echo "usage: $0 --seconds N [--seed S] [--package NAME]..." >&2; exit 2 ;;
  esac
done
[[ -n "$seconds" ]] || { echo "usage: $0 --seconds N [--seed S] [--package NAME]..." >&2; exit 2; }
((${#packages[@]})) || packages=(agora-token agora-access-token tls-sig-api-v2)
tokcheck=${TOKCHECK:-build/default/cli/tokcheck}
[[ -x "$tokcheck" ]] || { echo "compat_campaign: no $tokcheck (build first, or set TOKCHECK)" >&2; exit 2; }

status=0
for p in "${packages[@]}"; do
  python3 conformance/harnesses/difffuzz.py --tokcheck "$tokcheck" --package "$p" \
    --seed "$seed" --seconds "$seconds" || status=1
done
exit $status
