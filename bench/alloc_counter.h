// Counts heap allocations made through operator new in this process, so a
// benchmark or test can state "verify allocates nothing in the steady state"
// as a number. Link alloc_counter.cc into the binary that uses it.
#pragma once

#include <cstddef>

namespace tokcheck::bench {

std::size_t allocation_count();

}  // namespace tokcheck::bench
