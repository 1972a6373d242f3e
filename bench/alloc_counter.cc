#include "bench/alloc_counter.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>

// Two ways to see every allocation of the process:
// - without a sanitizer, this file defines the malloc family. The executable's
//   definitions interpose on glibc's for every shared library (OpenSSL, zlib,
//   libstdc++'s operator new), and forward to glibc's own entry points
//   (__libc_malloc & co.), so blocks from either side free correctly;
// - under AddressSanitizer, which owns malloc itself, its allocator hooks report
//   each allocation instead.

#if defined(__SANITIZE_ADDRESS__)
#define TOKCHECK_ALLOC_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TOKCHECK_ALLOC_SANITIZER 1
#endif
#endif

namespace {
std::atomic<std::size_t> g_allocations{0};
void count() { g_allocations.fetch_add(1, std::memory_order_relaxed); }
}  // namespace

namespace tokcheck::bench {
std::size_t allocation_count() { return g_allocations.load(std::memory_order_relaxed); }
}  // namespace tokcheck::bench

#if defined(TOKCHECK_ALLOC_SANITIZER)

// Declared here because GCC ships no <sanitizer/allocator_interface.h> (clang
// does); the signature is the sanitizer runtime's (compiler-rt and libasan alike).
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void*,
                                                                             std::size_t),
                                                         void (*free_hook)(const volatile void*));

namespace {
void on_malloc(const volatile void*, std::size_t) { count(); }
void on_free(const volatile void*) {}
const bool g_hooked = __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free) != 0;
}  // namespace

namespace tokcheck::bench {
const char* allocation_counter_kind() { return g_hooked ? "sanitizer" : "none"; }
}  // namespace tokcheck::bench

#else

extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t n, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void* p);

void* malloc(std::size_t size) noexcept {
  count();
  return __libc_malloc(size);
}
void* calloc(std::size_t n, std::size_t size) noexcept {
  count();
  return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t size) noexcept {
  count();
  return __libc_realloc(p, size);
}
void* memalign(std::size_t alignment, std::size_t size) noexcept {
  count();
  return __libc_memalign(alignment, size);
}
void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept {
  count();
  return __libc_memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept {
  // glibc's rule: a power of two that is a multiple of sizeof(void*).
  if (alignment % sizeof(void*) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
  count();
  void* p = __libc_memalign(alignment, size);
  if (p == nullptr) return ENOMEM;
  *out = p;
  return 0;
}
void free(void* p) noexcept { __libc_free(p); }
}  // extern "C"

namespace tokcheck::bench {
const char* allocation_counter_kind() { return "malloc"; }
}  // namespace tokcheck::bench

#endif
