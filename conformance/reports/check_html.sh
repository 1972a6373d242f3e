#!/usr/bin/env bash
# Opens the --html page in headless Chromium: the page must load with no
# console message at all (a script error or a Content-Security-Policy
# violation shows there), its own self-check must pass, the DOM must hold what
# the JSON report of the same run says (check_html.py), and a screenshot is
# taken for people to look at.
# usage: check_html.sh PAGE.html REPORT.json SCREENSHOT.png [CHECKER.py [ARGS...]]
# CHECKER (default: check_html.py beside this script) gets DOM REPORT SCREENSHOT ARGS;
# `tokcheck simulate --html` pages use cli/tests/check_simulate_html.py.
# Exit 77 (skipped) only when chromium is missing outside CI; under CI=true a
# missing browser is a failure (scripts/bootstrap.sh installs it).
set -euo pipefail
page=$(realpath "$1") report=$2 png=$3
checker=${4:-$(dirname "$0")/check_html.py}
shift $(($# < 4 ? $# : 4))
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  if [[ ${CI:-} == true ]]; then
    echo "FAIL: chromium is not installed (CI=true; scripts/bootstrap.sh installs it)"
    exit 1
  fi
  echo "SKIP: chromium is not installed; run scripts/bootstrap.sh to run this test"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update --disable-sync --no-first-run --disable-extensions
  --enable-logging=stderr --v=0)
timeout 120 "$browser" "${flags[@]}" --user-data-dir="$work/profile1" --dump-dom \
  "file://$page" >"$work/dom.html" 2>"$work/dom.log"
rm -f "$png"
timeout 120 "$browser" "${flags[@]}" --user-data-dir="$work/profile2" --hide-scrollbars \
  --screenshot="$png" --window-size=1280,2000 "file://$page" >/dev/null 2>"$work/shot.log"
status=0
if grep -h ':CONSOLE[(:]' "$work/dom.log" "$work/shot.log"; then
  echo "FAIL: the page wrote to the console (above)"
  status=1
fi
python3 "$checker" "$work/dom.html" "$report" "$png" "$@" || status=1
exit $status
