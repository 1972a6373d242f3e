#!/usr/bin/env bash
# `tokcheck simulate --html` opened in headless Chromium (issue 11): runs one
# scenario, writes its page and JSON outputs, then conformance/reports/
# check_html.sh loads the page (no console message allowed, screenshot taken)
# and cli/tests/check_simulate_html.py checks the DOM against the outputs.
# usage: simulate_html_test.sh TOKCHECK OUT_DIR NAME SCENARIO.json [TCID]
#   With TCID, SCENARIO.json is a lifecycle vector file and its case TCID's
#   input is the scenario. Exit 77 (skipped) only as check_html.sh decides.
set -euo pipefail
tokcheck=$1 out=$2 name=$3 source=$4 tcid=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
scenario=$out/$name.scenario.json
if [[ -n $tcid ]]; then
  python3 - "$source" "$tcid" "$scenario" <<'PY'
import json, sys
src, tcid, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
case = next(t for t in json.load(open(src, encoding="utf-8"))["tests"] if t["tcId"] == tcid)
json.dump(case["input"], open(dst, "w", encoding="utf-8"))
PY
else
  cp "$source" "$scenario"
fi
"$tokcheck" simulate --input "$scenario" --html "$out/$name.html" >"$out/$name.json"
exec "$here/../../conformance/reports/check_html.sh" "$out/$name.html" "$out/$name.json" \
  "$out/$name.png" "$here/check_simulate_html.py" "$scenario"
