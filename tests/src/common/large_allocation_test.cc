// LargeAllocator (src/common/large_allocation.h): large allocations are
// 2 MiB-aligned mappings the kernel may back with huge pages (checked in
// /proc/self/smaps where THP is on), small ones come from operator new, and
// every byte of either is usable and freed with its size.
#include "src/common/large_allocation.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace baobab {
namespace {

// The "THPeligible" flag of the mapping holding `address`, or -1 where
// smaps does not say.
int thp_eligible(const void* address) {
  const auto at = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream header(line);
    if (header >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
      continue;
    }
    if (inside && line.rfind("THPeligible:", 0) == 0) return std::stoi(line.substr(12));
  }
  return -1;
}

bool thp_enabled() {
  std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(f, modes);
  return !modes.empty() && modes.find("[never]") == std::string::npos;
}

TEST(LargeAllocation, LargeBuffersAreAlignedHugePageMappings) {
  const size_t bytes = 3 * kHugePageBytes + 24;  // not a multiple of the page
  void* memory = allocate_large(bytes);
  ASSERT_NE(memory, nullptr);
  std::memset(memory, 0xA5, bytes);
  const auto* data = static_cast<const uint8_t*>(memory);
  EXPECT_EQ(data[0], 0xA5);
  EXPECT_EQ(data[bytes - 1], 0xA5);
  if (huge_pages_advised()) {
    EXPECT_EQ(reinterpret_cast<uintptr_t>(memory) % kHugePageBytes, 0u);
    if (thp_enabled()) {
      EXPECT_EQ(thp_eligible(memory), 1);
    }
  }
  deallocate_large(memory, bytes);
}

TEST(LargeAllocation, SmallBuffersComeFromOperatorNew) {
  void* memory = allocate_large(100);
  ASSERT_NE(memory, nullptr);
  std::memset(memory, 1, 100);
  deallocate_large(memory, 100);
  deallocate_large(nullptr, 0);
}

TEST(LargeAllocation, VectorsKeepTheirContentsAcrossTheThreshold) {
  LargeVector<uint64_t> v;
  const uint64_t n = 3 * kHugePageBytes / sizeof(uint64_t);
  for (uint64_t i = 0; i < n; ++i) v.push_back(i * 7);  // regrows past 2 MiB
  for (uint64_t i = 0; i < n; i += 4099) ASSERT_EQ(v[i], i * 7);
  v.resize(10);
  v.shrink_to_fit();
  EXPECT_EQ(v[9], 63u);
  EXPECT_THROW(v.reserve(v.max_size() + 1), std::length_error);
  LargeAllocator<uint64_t> allocator;
  EXPECT_THROW((void)allocator.allocate(~size_t{0} / 4), std::bad_alloc);
}

}  // namespace
}  // namespace baobab
