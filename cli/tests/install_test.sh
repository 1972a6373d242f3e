#!/bin/sh
# install_test.sh BUILD_DIR: `cmake --install` into a fresh prefix, then the
# installed tokcheck must find its installed vectors (not the source tree's),
# pass the conformance suite, and report its version.
set -eu
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/tokcheck share/tokcheck/vectors/schema/tokcheck_vectors_v1.schema.json \
         share/man/man1/tokcheck.1 share/bash-completion/completions/tokcheck \
         share/doc/tokcheck/LICENSE share/doc/tokcheck/SECURITY.md share/doc/tokcheck/VECTORS.md; do
  [ -e "$prefix/$f" ] || { echo "install_test: $f not installed" >&2; exit 1; }
done
version=$(env -u TOKCHECK_VECTORS "$prefix/bin/tokcheck" --version)
echo "$version"
echo "$version" | grep -q "^vectors: $prefix/share/tokcheck/vectors$" ||
  { echo "install_test: the installed binary does not use the installed vectors" >&2; exit 1; }
# The source tree's vector set and the installed one are the same files.
src_digest=$(TOKCHECK_VECTORS="$(dirname "$0")/../../vectors" "$build/cli/tokcheck" --version | grep '^vector set:')
echo "$version" | grep -qF "$src_digest" ||
  { echo "install_test: installed vector digest differs from the source's ($src_digest)" >&2; exit 1; }
env -u TOKCHECK_VECTORS "$prefix/bin/tokcheck" conformance | tail -n 1
