#!/bin/bash -eu
# OSS-Fuzz / ClusterFuzzLite build script for tokcheck (docs/FUZZING.md).
#
# Uses only what the fuzzing infrastructure provides: $CC $CXX $CFLAGS $CXXFLAGS
# (sanitizer and coverage flags), $LIB_FUZZING_ENGINE (the engine to link),
# $SRC (sources), $WORK (scratch) and $OUT (what is shipped). Writes to $OUT:
#   <target>                       every fuzz/*_fuzzer.cc, statically linked
#   <target>_seed_corpus.zip       seeds generated from vectors/ + regressions
#   <target>.options, *.dict       max_len and the target family's dictionary
#
# Dependencies: when the Dockerfile has cloned OpenSSL 3, zlib, nlohmann/json
# and CLI11 into $SRC they are built here, static and with the same flags (so
# the binaries run on the base-runner image, which has no libcrypto.so.3);
# otherwise the system's packages are used (scripts/oss_fuzz_build_local.sh).

TOKCHECK_SRC=${TOKCHECK_SRC:-$SRC/tokcheck}
BUILD=$WORK/tokcheck-build
DEPS=$WORK/deps
JOBS=$(nproc)
mkdir -p "$BUILD" "$DEPS" "$OUT"

cmake_extra=(-DCMAKE_PREFIX_PATH="$DEPS")
if [ -d "$SRC/openssl" ]; then
  if [ ! -f "$DEPS/lib/libcrypto.a" ]; then
    (cd "$SRC/openssl" &&
      ./Configure linux-x86_64 no-shared no-tests no-module no-dso no-asm \
        --prefix="$DEPS" --libdir=lib CC="$CC" CFLAGS="$CFLAGS" &&
      make -j"$JOBS" build_libs >/dev/null && make install_dev >/dev/null)
  fi
  cmake_extra+=(-DOPENSSL_ROOT_DIR="$DEPS" -DOPENSSL_USE_STATIC_LIBS=TRUE)
fi
if [ -d "$SRC/zlib" ]; then
  if [ ! -f "$DEPS/lib/libz.a" ]; then
    (cd "$SRC/zlib" && CC="$CC" CFLAGS="$CFLAGS" ./configure --static --prefix="$DEPS" >/dev/null &&
      make -j"$JOBS" libz.a >/dev/null && make install >/dev/null)
  fi
  cmake_extra+=(-DZLIB_ROOT="$DEPS" -DZLIB_USE_STATIC_LIBS=ON)
fi
for header_only in json CLI11; do
  if [ -d "$SRC/$header_only" ] && [ ! -f "$DEPS/.$header_only" ]; then
    cmake -S "$SRC/$header_only" -B "$WORK/$header_only-build" -DCMAKE_INSTALL_PREFIX="$DEPS" \
      -DJSON_BuildTests=OFF -DCLI11_BUILD_TESTS=OFF -DCLI11_BUILD_EXAMPLES=OFF \
      -DCLI11_BUILD_DOCS=OFF >/dev/null
    cmake --build "$WORK/$header_only-build" --target install >/dev/null
    touch "$DEPS/.$header_only"
  fi
done

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
# No CMAKE_BUILD_TYPE: $CFLAGS/$CXXFLAGS carry the optimisation and debug flags.
cmake -S "$TOKCHECK_SRC" -B "$BUILD" "${generator[@]}" \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DTOKCHECK_FUZZ=ON -DTOKCHECK_FUZZ_ENGINE_LINK="$LIB_FUZZING_ENGINE" \
  -DTOKCHECK_BUILD_TESTS=OFF -DTOKCHECK_BUILD_BENCH=OFF -DTOKCHECK_WERROR=OFF \
  "${cmake_extra[@]}"
cmake --build "$BUILD" --target tokcheck_fuzzers -j"$JOBS"

zip_dir() {  # zip_dir OUT.zip DIR... : the regular files of the dirs, flat
  local out=$1
  shift
  rm -f "$out"
  python3 - "$out" "$@" <<'PY'
import os, sys, zipfile
out, dirs = sys.argv[1], sys.argv[2:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for d in dirs:
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            p = os.path.join(d, name)
            if os.path.isfile(p) and not name.startswith(".") and name != "README.md":
                z.write(p, name)
PY
}

while read -r target; do
  [ -n "$target" ] || continue
  cp "$BUILD/fuzz/$target" "$OUT/"
  zip_dir "$OUT/${target}_seed_corpus.zip" "$BUILD/fuzz/corpus/$target" \
    "$TOKCHECK_SRC/fuzz/regressions/$target"
  cp "$TOKCHECK_SRC/fuzz/options/$target.options" "$OUT/"
done <"$BUILD/fuzz/fuzz_targets.txt"
cp "$TOKCHECK_SRC"/fuzz/dicts/*.dict "$OUT/"
