// Memory for the prover's large buffers: traces, LDE blocks, composition
// values, exchange buffers. An allocation of at least kHugePageBytes gets
// its own mapping, aligned to 2 MiB, that the kernel is asked to back with
// transparent huge pages (madvise MADV_HUGEPAGE); smaller ones come from
// operator new.
//
// Why: these buffers are touched once or a few times each, in strides
// across columns, so with 4 KiB pages a prover spends its time in page
// faults and TLB misses. Huge pages cut the faults 11-fold and the TLB
// misses with them: a 2^18-row zkVM proof on ci-2core took 6.9-7.4 s
// instead of 9.1-10.3 s (BENCHMARKS.md, "Huge pages"). Most distributions
// leave THP to madvise, which glibc's malloc does not call unless told
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1), hence the own mapping. Where the
// kernel grants no huge page (THP off, no contiguous memory) the mapping
// simply keeps 4 KiB pages.
//
// BAOBAB_HUGE_PAGES=0 turns it off (every allocation from operator new), as
// do the sanitizer builds, whose checks need operator new's allocations.
#pragma once

#include <cstddef>
#include <limits>
#include <new>
#include <vector>

namespace baobab {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// Whether large allocations get their own huge-page mapping (the same for
// the whole process).
bool huge_pages_advised();

// `bytes` of memory aligned for any element type; throws std::bad_alloc.
void* allocate_large(size_t bytes);
// Frees what allocate_large(bytes) returned, with the same `bytes`.
void deallocate_large(void* memory, size_t bytes) noexcept;

// A std::allocator replacement over allocate_large.
template <class T>
struct LargeAllocator {
  using value_type = T;
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__,
                "LargeAllocator: over-aligned element types are not supported");

  LargeAllocator() = default;
  template <class U>
  explicit LargeAllocator(const LargeAllocator<U>&) noexcept {}

  T* allocate(size_t n) {
    if (n > std::numeric_limits<size_t>::max() / sizeof(T)) throw std::bad_array_new_length();
    return static_cast<T*>(allocate_large(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) noexcept { deallocate_large(p, n * sizeof(T)); }

  template <class U>
  bool operator==(const LargeAllocator<U>&) const noexcept {
    return true;
  }
};

// A std::vector of large size (its elements initialised as usual; for
// buffers the next step writes whole, UninitializedVector).
template <class T>
using LargeVector = std::vector<T, LargeAllocator<T>>;

}  // namespace baobab
