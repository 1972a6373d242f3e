#!/usr/bin/env bash
# The main job: set up, build, and run the conformance suite (every golden
# vector) against the built-in reference implementation, printing a summary.
# Extra arguments go to `tokcheck conformance` (e.g. --impl "CMD", --scheme agora-007).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)" --target tokcheck
exec build/default/cli/tokcheck conformance "$@"
