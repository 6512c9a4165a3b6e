#include "zkvm/air/program_info.h"

#include <map>

#include "zkvm/executor.h"

namespace baobab::zkvm::rv {

ProgramInfo make_program_info(const Program& program) {
  ProgramInfo info;
  info.entry = program.entry;
  const BrkBounds brk = brk_bounds(program);
  info.initial_brk = brk.initial;
  info.brk_limit = brk.limit;
  // Words overlapping any segment, with their bytes (zero beyond the file data).
  std::map<uint32_t, ImageWord> words;
  for (const Segment& s : program.segments) {
    const uint64_t first = s.vaddr & ~uint64_t{3};
    for (uint64_t cell = first; cell < s.end(); cell += 4) {
      ImageWord& w = words[static_cast<uint32_t>(cell)];
      w.cell = static_cast<uint32_t>(cell);
      if (s.executable()) w.readonly = true;
      for (uint64_t k = 0; k < 4; ++k) {
        const uint64_t addr = cell + k;
        if (addr < s.vaddr || addr >= s.end()) continue;
        const uint64_t at = addr - s.vaddr;
        const uint32_t byte = at < s.data.size() ? s.data[at] : 0;
        w.value |= byte << (8 * k);
      }
    }
    if (!s.executable()) continue;
    for (uint64_t pc = (uint64_t{s.vaddr} + 3) & ~uint64_t{3}; pc + 4 <= s.end(); pc += 4) {
      const uint64_t at = pc - s.vaddr;
      uint32_t word = 0;
      for (uint64_t k = 0; k < 4; ++k) {
        const uint32_t byte = at + k < s.data.size() ? s.data[at + k] : 0;
        word |= byte << (8 * k);
      }
      if (auto entry = rom_entry(static_cast<uint32_t>(pc), decode(word))) {
        info.rom.push_back(*entry);
      }
    }
  }
  uint64_t next_free = 0;  // word index
  for (const auto& [cell, w] : words) {
    // A zero word outside code needs no row: zero_mem gives it the same
    // initial value (large .bss and stacks would otherwise dominate).
    if (w.value == 0 && !w.readonly) continue;
    info.image.push_back(w);
    const uint64_t index = cell / 4;
    if (index > next_free) {
      info.gaps.push_back({static_cast<uint32_t>(next_free), static_cast<uint32_t>(index - 1)});
    }
    next_free = index + 1;
  }
  constexpr uint64_t kWords = uint64_t{1} << 30;
  if (next_free < kWords) {
    info.gaps.push_back({static_cast<uint32_t>(next_free), static_cast<uint32_t>(kWords - 1)});
  }
  return info;
}

}  // namespace baobab::zkvm::rv
