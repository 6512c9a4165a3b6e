// UninitializedVector<T>: a std::vector whose resize() and size constructor
// leave new elements unwritten, for the prover's large buffers (LDE columns,
// composition values) that the next, OpenMP-parallel step writes completely.
//
// Why: a plain std::vector value-initialises new elements (Fp's default
// member initializer zeroes them) in one serial pass, and that pass is the
// first touch of fresh pages (~3 s per GiB on the CI machines, on one
// thread). Left unwritten, the pages are first touched by the threads that
// fill them. The memory comes from LargeAllocator (large_allocation.h: huge
// pages for large buffers). Only for trivially copyable element types, whose objects the
// allocation itself creates; reading an element before writing it is a bug.
#pragma once

#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include "src/common/large_allocation.h"

namespace baobab {

template <class T>
struct UninitializedAllocator : LargeAllocator<T> {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                "UninitializedAllocator: only for trivially copyable element types");
  template <class U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <class U>
  explicit UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}

  // Value-initialisation (resize(n), vector(n)): nothing, the writer comes next.
  template <class U>
  void construct(U*) noexcept {}
  // Every other construction (copies, fills) as usual.
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

template <class T>
using UninitializedVector = std::vector<T, UninitializedAllocator<T>>;

}  // namespace baobab
