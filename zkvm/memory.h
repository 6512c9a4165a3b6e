// Guest memory of the executor: the flat 32-bit address space as 4 KiB pages
// in a two-level page table, allocated on first write. Every address reads
// as zero until written; loaded segments start with their bytes. Stores that
// touch an executable segment are refused (the caller reports an execution
// error): the program ROM the AIR fetches from never diverges from memory.
//
// Pages are shared copy-on-write with snapshots: snapshot_pages() hands out
// the current pages and marks them shared; the next store to a shared page
// copies it first. So a snapshot costs one reference per resident page, and a
// page is copied only when it is dirtied after a snapshot. A Memory restored
// from a snapshot's pages is independent of every other Memory.
//
// One-entry caches for the last page read and the last page written keep the
// hot path to a compare and an add. Used only by the executor (one thread per
// Memory).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "zkvm/program.h"

namespace baobab::zkvm {

inline constexpr uint32_t kPageBits = 12;
inline constexpr uint32_t kPageSize = 1u << kPageBits;

struct Page {
  std::array<uint8_t, kPageSize> bytes{};
};

// One resident page of a snapshot: page number (address >> 12) and contents.
struct SnapshotPage {
  uint32_t index = 0;
  std::shared_ptr<const Page> page;
};

class Memory {
 public:
  // The program image: segment bytes at their addresses, zero elsewhere.
  explicit Memory(const Program& program);
  // A memory holding `pages` (from snapshot_pages()); `program` gives the code ranges.
  Memory(const Program& program, std::span<const SnapshotPage> pages);

  Memory(const Memory&) = delete;
  Memory& operator=(const Memory&) = delete;

  // The page holding `addr`, for reading (a shared zero page if never written).
  const uint8_t* read_page(uint32_t addr) {
    const uint32_t index = addr >> kPageBits;
    if (index == read_index_) return read_ptr_;
    return read_page_slow(index);
  }
  // The page holding [addr, addr + width) (one page: callers align), for
  // writing; nullptr when those bytes touch an executable segment.
  uint8_t* write_page(uint32_t addr, uint32_t width) {
    const uint32_t index = addr >> kPageBits;
    if (index == write_index_) return write_ptr_;
    return write_page_slow(addr, width);
  }

  uint32_t load_u32(uint32_t aligned_addr);
  uint8_t load_u8(uint32_t addr) { return read_page(addr)[addr & (kPageSize - 1)]; }
  // False (nothing written) when the byte lies in an executable segment.
  bool store_u8(uint32_t addr, uint8_t value);

  // Every resident page, in address order, shared copy-on-write with this memory.
  std::vector<SnapshotPage> snapshot_pages();

 private:
  struct Slot {
    std::shared_ptr<Page> page;
    bool owned = false;  // true: no snapshot shares it, write in place
    bool code = false;   // some byte of the page belongs to an executable segment
  };
  using Table = std::array<Slot, 1024>;

  Slot& slot(uint32_t index);
  const uint8_t* read_page_slow(uint32_t index);
  uint8_t* write_page_slow(uint32_t addr, uint32_t width);
  void mark_code(const Program& program);

  std::array<std::unique_ptr<Table>, 1024> tables_;
  std::vector<std::pair<uint32_t, uint32_t>> code_ranges_;  // [begin, end) of X segments
  uint32_t read_index_ = ~0u;
  const uint8_t* read_ptr_ = nullptr;
  uint32_t write_index_ = ~0u;
  uint8_t* write_ptr_ = nullptr;
};

}  // namespace baobab::zkvm
