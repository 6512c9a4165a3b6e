// Filling one cpu row (docs/rv32im-air.md §4 "cpu"): from the ROM tuple, the
// register and memory values the access replay produced, every helper column
// of cpu_air.h is computed here, so that the witness builder only tracks
// state. Padding rows are written by the same code with a zero tuple.
#pragma once

#include <cstdint>
#include <vector>

#include "src/field/goldilocks.h"
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

// The inverses of the *Inv helper columns, collected over many rows and
// inverted together (one field inversion per batch instead of about two per
// row, which were most of the cost of writing a row).
class DeferredInverses {
 public:
  // Cell (row, col) is to hold 1/value (value non-zero).
  void add(uint64_t row, uint64_t col, field::Fp value);
  // Writes every collected inverse into `cpu` and forgets them.
  void write(TableTrace& cpu);
  // Takes over another collector's cells (per-thread collectors).
  void append(const DeferredInverses& other);

 private:
  std::vector<uint64_t> rows_, cols_;
  std::vector<field::Fp> values_;
};

// Writes row `row` of `cpu` and returns what the instruction did. With
// `deferred`, the non-zero inverse cells are left for deferred->write().
CpuRowOutputs write_cpu_row(TableTrace& cpu, uint64_t row, const CpuRowInputs& in,
                            DeferredInverses* deferred = nullptr);

}  // namespace baobab::zkvm::rv
