#!/bin/bash -eu
# ClusterFuzzLite uses the same build as OSS-Fuzz: one script, kept in fuzz/oss-fuzz/.
exec "$SRC/tokcheck/fuzz/oss-fuzz/build.sh"
