// keep_freed_memory_for_reuse must change what glibc does, or the streaming run
// pays a page fault per page per file again (heap_reuse.h). Observable through
// mallinfo2: a 4 MiB block comes from an mmap by default and from the heap after.
#include "conformance/lib/heap_reuse.h"

#include <gtest/gtest.h>

#include <cstdlib>

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

namespace tokcheck::conformance {
namespace {

// A sanitizer's allocator replaces glibc's (mallinfo2 then reports nothing).
#if defined(__SANITIZE_ADDRESS__)
#define TOKCHECK_GLIBC_ALLOCATOR 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TOKCHECK_GLIBC_ALLOCATOR 0
#endif
#endif
#if !defined(TOKCHECK_GLIBC_ALLOCATOR) && defined(M_MMAP_THRESHOLD)
#define TOKCHECK_GLIBC_ALLOCATOR 1
#endif

#if TOKCHECK_GLIBC_ALLOCATOR
std::size_t mmapped_blocks() { return mallinfo2().hblks; }

TEST(HeapReuse, LargeBlocksComeFromTheHeapAfterwards) {
  keep_freed_memory_for_reuse();
  const std::size_t before = mmapped_blocks();
  void* block = std::malloc(4u << 20);
  ASSERT_NE(block, nullptr);
  EXPECT_EQ(mmapped_blocks(), before);  // the default threshold would mmap it
  std::free(block);
}
#else
TEST(HeapReuse, LargeBlocksComeFromTheHeapAfterwards) {
  GTEST_SKIP() << "not glibc's allocator (a sanitizer or another C library)";
}
#endif

}  // namespace
}  // namespace tokcheck::conformance
