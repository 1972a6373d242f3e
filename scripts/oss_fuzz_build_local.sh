#!/usr/bin/env bash
# Runs fuzz/oss-fuzz/build.sh on this machine in an OSS-Fuzz-like environment:
# clang, libFuzzer, ASan+UBSan with base-builder's flags, and $SRC $WORK $OUT in
# a temporary directory (the source tree is only read). Dependencies come from
# the system packages (scripts/bootstrap.sh), as no clones sit in $SRC.
#
#   scripts/oss_fuzz_build_local.sh [--check] [--keep] [--out DIR]
#
# --check  then verifies $OUT like OSS-Fuzz's check_build: every fuzz/*_fuzzer.cc
#          has a binary, a non-empty <target>_seed_corpus.zip, a .options whose
#          dict is present, and the binary runs its seed corpus (-runs=0).
# --keep   keeps the temporary directory (printed) instead of deleting it.
# --if-requested  exits 77 (ctest: skipped) unless TOKCHECK_FUZZ_BUILD_TEST=1;
#          the ctest test fuzz_oss_fuzz_build (label fuzz-build) passes it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
check=0 keep=0 out=""
while (($#)); do
  case $1 in
    --check) check=1 ;;
    --keep) keep=1 ;;
    --if-requested)
      if [[ "${TOKCHECK_FUZZ_BUILD_TEST:-0}" != 1 ]]; then
        echo "oss_fuzz_build_local: skipped (set TOKCHECK_FUZZ_BUILD_TEST=1 to run it)"
        exit 77
      fi
      ;;
    --out) out=$2; shift ;;
    *) echo "usage: $0 [--check] [--keep] [--out DIR] [--if-requested]" >&2; exit 2 ;;
  esac
  shift
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tokcheck-ossfuzz.XXXXXX")
cleanup() { if ((keep)); then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
export SRC=$tmp/src WORK=$tmp/work OUT=${out:-$tmp/out}
mkdir -p "$SRC" "$WORK" "$OUT"
ln -s "$ROOT" "$SRC/tokcheck"

# base-builder's environment for SANITIZER=address and undefined with libFuzzer:
# CFLAGS, and CXXFLAGS = CFLAGS + CXXFLAGS_EXTRA (-stdlib=libc++), from
# https://github.com/google/oss-fuzz/blob/master/infra/base-images/base-clang/Dockerfile;
# the sanitizer flags from base-builder's SANITIZER_FLAGS_* and compile script.
# libc++ comes from Debian's libc++-14-dev (scripts/bootstrap.sh).
ubsan_checks=array-bounds,bool,builtin,enum,float-divide-by-zero,function,integer-divide-by-zero,null,object-size,return,returns-nonnull-attribute,shift,signed-integer-overflow,unsigned-integer-overflow,unreachable,vla-bound,vptr
ubsan_fatal=array-bounds,bool,builtin,enum,float-divide-by-zero,function,integer-divide-by-zero,null,object-size,return,returns-nonnull-attribute,shift,signed-integer-overflow,unreachable,vla-bound,vptr
flags="-O1 -fno-omit-frame-pointer -gline-tables-only -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION"
flags+=" -fsanitize=address -fsanitize-address-use-after-scope"
flags+=" -fsanitize=$ubsan_checks -fno-sanitize-recover=$ubsan_fatal"
flags+=" -fsanitize=fuzzer-no-link"
export CC=clang CXX=clang++ CFLAGS=$flags CXXFLAGS="$flags -stdlib=libc++"
# OSS-Fuzz's value is -fsanitize=fuzzer: its libFuzzer carries a private libc++.
# Debian's libclang_rt.fuzzer is built against libstdc++, so under -stdlib=libc++
# it also needs libstdc++ itself (-lstdc++ would be rewritten to -lc++ by clang);
# as in the fuzz-libcxx preset (docs/FUZZING.md "libc++").
export LIB_FUZZING_ENGINE="-fsanitize=fuzzer -l:libstdc++.so.6"
export SANITIZER=address FUZZING_ENGINE=libfuzzer ARCHITECTURE=x86_64 FUZZING_LANGUAGE=c++

start=$(date +%s)
bash -eu "$ROOT/fuzz/oss-fuzz/build.sh"
echo "oss_fuzz_build_local: build.sh finished in $(($(date +%s) - start)) s; outputs in $OUT"
((check)) || exit 0

# Runtime options as OSS-Fuzz sets them (unsigned overflow is informational).
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:silence_unsigned_overflow=1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
count=0
for source in "$ROOT"/fuzz/*_fuzzer.cc; do
  target=$(basename "$source" .cc)
  count=$((count + 1))
  [ -x "$OUT/$target" ] || { fail "$target: no binary"; continue; }
  zip=$OUT/${target}_seed_corpus.zip
  seeds=$(python3 -c 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()))' "$zip" 2>/dev/null) ||
    { fail "$target: missing or corrupt $zip"; continue; }
  ((seeds > 0)) || fail "$target: empty seed corpus"
  options=$OUT/$target.options
  [ -f "$options" ] || { fail "$target: no $target.options"; continue; }
  dict=$(sed -n 's/^dict *= *//p' "$options")
  [ -n "$dict" ] && [ -f "$OUT/$dict" ] || fail "$target: dict '$dict' missing from \$OUT"
  grep -q '^max_len *= *[0-9]' "$options" || fail "$target: no max_len in options"
  dir=$WORK/check/$target
  mkdir -p "$dir" && python3 -c 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$dir"
  if ! "$OUT/$target" -runs=0 -dict="$OUT/$dict" "$dir" >"$WORK/check/$target.log" 2>&1; then
    fail "$target: replaying its seed corpus failed"
    tail -20 "$WORK/check/$target.log"
  fi
  echo "ok   $target: $seeds seeds, dict $dict"
done
echo "oss_fuzz_build_local: $count targets checked, $failures failures"
((failures == 0))
