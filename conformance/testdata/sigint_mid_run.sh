#!/bin/sh
# SIGINT in the middle of a run (runner_sigint_mid_run): tokcheck must stop the
# implementation, write a complete report marked interrupted and exit 130, and
# no process of the implementation may be left.
# Usage: sigint_mid_run.sh TOKCHECK MISBEHAVE OUTDIR
tc=$1 fake=$2 dir=$3
mkdir -p "$dir"
rm -f "$dir/sigint.pids" "$dir/sigint.json"
# The slow mode answers every 100 ms: 79 cases take ~8 s, the signal comes at 1.5 s.
"$tc" conformance --scheme agora-006 --operation parse --report "$dir/sigint.json" \
  --impl "$fake --mode slow --pidfile $dir/sigint.pids" >"$dir/sigint.out" 2>&1 &
pid=$!
sleep 1.5
kill -INT "$pid"
wait "$pid"
echo "exit=$?"
tail -n 1 "$dir/sigint.out"
/usr/bin/python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print("interrupted=" + str(r["interrupted"]).lower())
' "$dir/sigint.json"
left=none
for p in $(cat "$dir/sigint.pids"); do
  if kill -0 "$p" 2>/dev/null; then left="$left $p"; kill -9 "$p"; fi
done
echo "left=${left#none }"
