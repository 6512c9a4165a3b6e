#include "zkvm/memory.h"

#include <cstring>

namespace baobab::zkvm {

namespace {

const Page& zero_page() {
  static const Page page{};
  return page;
}

}  // namespace

Memory::Memory(const Program& program) {
  mark_code(program);
  for (const Segment& s : program.segments) {
    uint64_t addr = s.vaddr;
    size_t done = 0;
    while (done < s.data.size()) {
      const auto offset = static_cast<uint32_t>(addr & (kPageSize - 1));
      const size_t chunk = std::min<size_t>(kPageSize - offset, s.data.size() - done);
      Slot& entry = slot(static_cast<uint32_t>(addr >> kPageBits));
      if (!entry.page) {
        entry.page = std::make_shared<Page>();
        entry.owned = true;
      }
      std::memcpy(entry.page->bytes.data() + offset, s.data.data() + done, chunk);
      done += chunk;
      addr += chunk;
    }
  }
}

Memory::Memory(const Program& program, std::span<const SnapshotPage> pages) {
  mark_code(program);
  for (const SnapshotPage& p : pages) {
    Slot& entry = slot(p.index);
    entry.page = std::const_pointer_cast<Page>(p.page);
    entry.owned = false;
  }
}

void Memory::mark_code(const Program& program) {
  for (const Segment& s : program.segments) {
    if (!s.executable()) continue;
    code_ranges_.emplace_back(s.vaddr, static_cast<uint32_t>(s.end() - 1) + 1);
    const uint64_t first = s.vaddr >> kPageBits;
    const uint64_t last = (s.end() - 1) >> kPageBits;
    for (uint64_t i = first; i <= last; ++i) slot(static_cast<uint32_t>(i)).code = true;
  }
}

Memory::Slot& Memory::slot(uint32_t index) {
  std::unique_ptr<Table>& table = tables_[index >> 10];
  if (!table) table = std::make_unique<Table>();
  return (*table)[index & 1023];
}

const uint8_t* Memory::read_page_slow(uint32_t index) {
  const std::unique_ptr<Table>& table = tables_[index >> 10];
  const Page* page = &zero_page();
  if (table && (*table)[index & 1023].page) page = (*table)[index & 1023].page.get();
  read_index_ = index;
  read_ptr_ = page->bytes.data();
  return read_ptr_;
}

uint8_t* Memory::write_page_slow(uint32_t addr, uint32_t width) {
  const uint32_t index = addr >> kPageBits;
  Slot& entry = slot(index);
  if (entry.code) {
    const uint64_t end = uint64_t{addr} + width;
    for (const auto& [begin, stop] : code_ranges_) {
      // stop == 0 encodes a segment ending at 2^32.
      const uint64_t range_end = stop == 0 ? (uint64_t{1} << 32) : stop;
      if (addr < range_end && end > begin) return nullptr;
    }
  }
  if (!entry.page) {
    entry.page = std::make_shared<Page>();
    entry.owned = true;
  } else if (!entry.owned) {
    entry.page = std::make_shared<Page>(*entry.page);
    entry.owned = true;
  }
  // The page may be new or copied: forget a cached read pointer to it.
  if (read_index_ == index) read_index_ = ~0u;
  uint8_t* ptr = entry.page->bytes.data();
  if (!entry.code) {  // code pages are checked byte-exactly on every store
    write_index_ = index;
    write_ptr_ = ptr;
  }
  return ptr;
}

uint32_t Memory::load_u32(uint32_t aligned_addr) {
  uint32_t value;
  std::memcpy(&value, read_page(aligned_addr) + (aligned_addr & (kPageSize - 1)), 4);
  return value;
}

bool Memory::store_u8(uint32_t addr, uint8_t value) {
  uint8_t* page = write_page(addr, 1);
  if (page == nullptr) return false;
  page[addr & (kPageSize - 1)] = value;
  return true;
}

std::vector<SnapshotPage> Memory::snapshot_pages() {
  std::vector<SnapshotPage> pages;
  for (uint32_t t = 0; t < 1024; ++t) {
    if (!tables_[t]) continue;
    for (uint32_t i = 0; i < 1024; ++i) {
      Slot& entry = (*tables_[t])[i];
      if (!entry.page) continue;
      pages.push_back({(t << 10) | i, entry.page});
      entry.owned = false;
    }
  }
  write_index_ = ~0u;  // every page is shared now: the next store copies
  return pages;
}

}  // namespace baobab::zkvm
