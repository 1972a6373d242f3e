#!/bin/sh
# expect.sh EXIT PATTERN STDIN COMMAND [ARGS...]
# Runs COMMAND with STDIN as its standard input (printf %b: "\n" etc. allowed;
# NOINPUT for none, since ctest drops empty arguments) and passes when it exits with EXIT and its stdout+stderr, as one
# text, matches the extended regular expression PATTERN (grep -E, on the output
# with newlines kept). Used by cli/CMakeLists.txt to pin the issue-10
# reproducers by command.
expected=$1 pattern=$2 input=$3
shift 3
[ "$input" = NOINPUT ] && input=""
out=$(printf '%b' "$input" | "$@" 2>&1)
rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne "$expected" ]; then
  echo "expect.sh: exit $rc, expected $expected" >&2
  exit 1
fi
if ! printf '%s\n' "$out" | tr '\n' '\036' | grep -Eq -- "$pattern"; then
  echo "expect.sh: output does not match: $pattern" >&2
  exit 1
fi
