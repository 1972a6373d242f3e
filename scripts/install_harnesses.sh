#!/usr/bin/env bash
# Installs the official npm packages the compatibility harnesses run
# (conformance/harnesses/<package>/, docs/COMPATIBILITY.md) with `npm ci`, from
# each harness's package-lock.json (exact versions, integrity hashes).
# Idempotent: a harness whose node_modules was installed from the same lockfile
# (a stamp of its sha256) is left alone, with no network.
# Called by scripts/bootstrap.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null 2>&1; then
  echo "install_harnesses: installing Debian npm"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends npm
fi

for lock in conformance/harnesses/*/package-lock.json; do
  dir=$(dirname "$lock")
  stamp="$dir/node_modules/.tokcheck-lock.sha256"
  want=$(sha256sum "$lock" | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "install_harnesses: $dir up to date"
    continue
  fi
  echo "install_harnesses: npm ci in $dir"
  (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  echo "$want" >"$stamp"
done
