// Counts heap allocations at malloc level in this process — every library's,
// OpenSSL's and zlib's included, not only operator new's — so a benchmark or test
// can state "verify allocates nothing in the steady state" as a number.
// Link alloc_counter.cc into the binary that uses it.
#pragma once

#include <cstddef>

namespace tokcheck::bench {

// malloc, calloc, realloc, aligned_alloc, posix_memalign and memalign calls so far
// (operator new reaches malloc, so it is counted there).
std::size_t allocation_count();

// Where the count comes from: "malloc" (this file's malloc family, forwarding to
// glibc) or "sanitizer" (ASan's allocator hooks, since ASan owns malloc there).
const char* allocation_counter_kind();

}  // namespace tokcheck::bench
