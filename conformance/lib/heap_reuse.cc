#include "conformance/lib/heap_reuse.h"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

namespace tokcheck::conformance {

void keep_freed_memory_for_reuse() {
  // Tested on the macros, not on __GLIBC__, which only a C library header defines.
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
  mallopt(M_TRIM_THRESHOLD, 256 << 20);  // never trim below 256 MiB of free top
  mallopt(M_MMAP_THRESHOLD, 32 << 20);   // blocks below 32 MiB come from the heap
#endif
}

}  // namespace tokcheck::conformance
