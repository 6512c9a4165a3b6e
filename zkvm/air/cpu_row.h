// Filling one cpu row (docs/rv32im-air.md §4 "cpu"): from the ROM tuple, the
// register and memory values the access replay produced, every helper column
// of cpu_air.h is computed here, so that the witness builder only tracks
// state. Padding rows are written by the same code with a zero tuple.
#pragma once

#include <cstdint>

#include "zkvm/air/rom.h"
#include "zkvm/air/table_trace.h"

namespace baobab::zkvm::rv {

struct CpuRowInputs {
  bool real = false;
  uint64_t clk = 0;
  RomEntry rom;               // flags 0 on padding rows
  uint32_t rs1 = 0, rs2 = 0;  // register values read
  uint64_t rs1_prev_ts = 0, rs2_prev_ts = 0;
  uint32_t rd_prev = 0;
  uint64_t rd_prev_ts = 0;
  uint32_t old_word = 0;  // the accessed memory word before the access
  uint64_t mem_prev_ts = 0;
  uint32_t ecall_result = 0;  // the value a non-exit ecall writes to a0
  bool is_exit = false;
};

struct CpuRowOutputs {
  uint32_t rd_value = 0;  // the value written to rd (when the ROM says so)
  uint32_t new_word = 0;  // the memory word after a load or store
  uint32_t next_pc = 0;
  uint32_t mem_cell = 0;
};

// The effective address of a load or store.
uint32_t effective_address(const RomEntry& rom, uint32_t rs1);

// Writes row `row` of `cpu` and returns what the instruction did.
CpuRowOutputs write_cpu_row(TableTrace& cpu, uint64_t row, const CpuRowInputs& in);

}  // namespace baobab::zkvm::rv
