// Invariant checks for fuzz targets. Unlike assert() they stay on under NDEBUG
// (release and OSS-Fuzz builds), and they abort() rather than exit(), so every
// engine and the standalone driver record the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>

#define TOKCHECK_FUZZ_CHECK(cond, what)                                                         \
  do {                                                                                          \
    if (!(cond)) {                                                                              \
      std::fprintf(stderr, "tokcheck fuzz invariant failed: %s (%s:%d): %s\n", #cond, __FILE__, \
                   __LINE__, what);                                                             \
      std::abort();                                                                             \
    }                                                                                           \
  } while (0)
