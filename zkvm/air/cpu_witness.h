// The cpu witness: replays one execution row by row, in timestamp order,
// through the MemoryTracker (docs/rv32im-air.md §3), filling the cpu table
// and handing every non-exit ecall to the SyscallWitness at slot 2.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "src/common/result.h"
#include "zkvm/air/cpu_row.h"
#include "zkvm/air/memory_tracker.h"
#include "zkvm/air/program_info.h"
#include "zkvm/air/syscall_witness.h"
#include "zkvm/air/table_trace.h"
#include "zkvm/executor.h"

namespace baobab::zkvm::rv {

class CpuWitness {
 public:
  // `cpu` must have at least cycles + 1 rows. A replay from a snapshot
  // starts at its cycle, `first_row`, with `memory` in the state of then.
  CpuWitness(const ProgramInfo& info, TableTrace& cpu, MemoryTracker& memory,
             SyscallWitness& syscalls, uint64_t first_row = 0);

  // Consumes consecutive trace rows (the executor's TraceSink). A mismatch
  // between the executor and the AIR's semantics is an internal error.
  void add(std::span<const TraceRow> rows);
  Status status() const { return status_; }
  uint64_t rows() const { return next_row_; }

  // Writes the padding rows after the last real row.
  void pad();

 private:
  // A row whose inputs pass 1 found, written in pass 2 (add()).
  struct PendingRow {
    uint64_t row = 0;
    CpuRowInputs in;
    const TraceRow* trace = nullptr;
  };
  void add_row(const TraceRow& row);
  void write_pending();

  TableTrace& cpu_;
  MemoryTracker& memory_;
  SyscallWitness& syscalls_;
  std::unordered_map<uint32_t, RomEntry> rom_;
  DeferredInverses inverses_;  // written at the end of each add()
  std::vector<PendingRow> pending_;
  uint64_t next_row_ = 0;
  Status status_ = Ok{};
};

// Fills padding rows [first, cpu.rows()) of a cpu table (clk keeps counting):
// those the table stores (all, or its window's).
void pad_cpu_rows(TableTrace& cpu, uint64_t first);

}  // namespace baobab::zkvm::rv
