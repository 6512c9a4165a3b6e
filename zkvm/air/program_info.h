// What the verifier derives from the ELF alone (docs/rv32im-air.md §1, §4):
// the ROM tuples, the image words with their initial values, the gaps
// between them, and the break bounds. Both the prover and the verifier build
// the preprocessed tables from it.
#pragma once

#include <cstdint>
#include <vector>

#include "zkvm/air/rom.h"
#include "zkvm/program.h"

namespace baobab::zkvm::rv {

struct ImageWord {
  uint32_t cell = 0;  // 4-aligned byte address
  uint32_t value = 0;
  bool readonly = false;  // in an executable segment
};

// Word indices (cell / 4) in [lo, hi] that hold no image word.
struct Gap {
  uint32_t lo = 0;
  uint32_t hi = 0;
};

struct ProgramInfo {
  uint32_t entry = 0;
  uint32_t initial_brk = 0;
  uint32_t brk_limit = 0;
  std::vector<RomEntry> rom;     // increasing pc
  std::vector<ImageWord> image;  // increasing cell
  std::vector<Gap> gaps;         // increasing, disjoint, covering [0, 2^30) minus the image
};

ProgramInfo make_program_info(const Program& program);

}  // namespace baobab::zkvm::rv
