#include "src/common/large_allocation.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace baobab {

namespace {

constexpr bool kSanitized =
#if defined(__SANITIZE_ADDRESS__)
    true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    true;
#else
    false;
#endif
#else
    false;
#endif

bool own_mapping(size_t bytes) {
  return bytes >= kHugePageBytes && huge_pages_advised();
}

size_t round_up(size_t bytes) {
  return (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
}

}  // namespace

bool huge_pages_advised() {
  static const bool advised = [] {
    if (kSanitized) return false;
    const char* value = std::getenv("BAOBAB_HUGE_PAGES");
    return value == nullptr || std::string_view(value) != "0";
  }();
  return advised;
}

void* allocate_large(size_t bytes) {
  if (!own_mapping(bytes)) return ::operator new(bytes);
  const size_t length = round_up(bytes);
  if (length < bytes || length > SIZE_MAX - kHugePageBytes) throw std::bad_alloc();
  // Map one huge page more than needed and unmap the ends, so the mapping
  // starts on a 2 MiB boundary (where the kernel can place huge pages).
  const size_t mapped = length + kHugePageBytes;
  void* raw = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
  if (aligned > start) munmap(raw, aligned - start);
  const uintptr_t end = start + mapped;
  if (end > aligned + length)
    munmap(reinterpret_cast<void*>(aligned + length), end - aligned - length);
  void* memory = reinterpret_cast<void*>(aligned);
  madvise(memory, length, MADV_HUGEPAGE);  // advice: without THP it changes nothing
  return memory;
}

void deallocate_large(void* memory, size_t bytes) noexcept {
  if (memory == nullptr) return;
  if (!own_mapping(bytes)) {
    ::operator delete(memory);
    return;
  }
  munmap(memory, round_up(bytes));
}

}  // namespace baobab
