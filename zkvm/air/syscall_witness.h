// SyscallWitness: the witness side of the ecall and io tables
// (docs/rv32im-air.md §4 "ecall", "io"). The cpu witness hands it every
// non-exit ecall, in execution order, between the cpu's slot-0/1 reads (a7,
// a0) and its slot-3 write (a0); it performs the slot-2 accesses (a1, a2,
// the syscall state register, the buffer words) on the MemoryTracker and
// records one ecall row and the io rows of the call.
//
// The tracker must start registers 32..35 at the initial break, |I|, the
// private input length and 0. A disagreement between the executor's row and
// the AIR's semantics is an internal error (BAOBAB_CHECK).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/field/goldilocks.h"
#include "zkvm/air/ecall_air.h"
#include "zkvm/air/io_air.h"
#include "zkvm/air/memory_tracker.h"
#include "zkvm/air/program_info.h"
#include "zkvm/air/table_trace.h"
#include "zkvm/executor.h"
#include "zkvm/trace_row.h"

namespace baobab::zkvm::rv {

class SyscallWitness {
 public:
  // Keeps a reference to `inputs` (the bytes reads copy into memory).
  SyscallWitness(const ProgramInfo& info, const ExecutionInputs& inputs);

  // One non-exit ecall: row.rs1_val = a7, rs2_val = a0, arg1 = a1, arg2 =
  // a2, rd_val = the result, io_offset / io_length as in trace_row.h.
  void on_ecall(const TraceRow& row, MemoryTracker& memory);

  // Only calls at cycles [first, end) leave rows; the others still make their
  // memory accesses (a rank replaying a stretch before its own rows).
  void record_only(uint64_t first_cycle, uint64_t end_cycle) {
    record_first_ = first_cycle;
    record_end_ = end_cycle;
  }
  // The recorded rows (row-major), and rows recorded elsewhere appended in
  // execution order (the ranks' rows gathered).
  const std::vector<field::Fp>& ecall_data() const { return ecall_; }
  const std::vector<field::Fp>& io_data() const { return io_; }
  void append(std::span<const field::Fp> ecall, std::span<const field::Fp> io);

  uint64_t ecall_rows() const { return ecall_.size() / EcallAir::kNumMain; }
  uint64_t io_rows() const { return io_.size() / IoAir::kNumMain; }
  // Main columns, the recorded rows then zero padding (2^log_rows >= rows).
  TableTrace ecall_trace(int log_rows) const;
  TableTrace io_trace(int log_rows) const;

 private:
  // One call's accesses and rows.
  void add_ecall(const TraceRow& row, MemoryTracker& memory);
  // The io chain of a call moving n > 0 bytes; stream_offset is that of byte buf.
  void add_io_rows(const TraceRow& row, uint64_t kind_col, uint64_t stream_offset, uint64_t n,
                   MemoryTracker& memory);

  uint32_t initial_brk_;
  uint32_t brk_limit_;
  const ExecutionInputs& inputs_;
  std::vector<field::Fp> ecall_;  // row-major, EcallAir::kNumMain per row
  std::vector<field::Fp> io_;     // row-major, IoAir::kNumMain per row
  uint64_t record_first_ = 0;
  uint64_t record_end_ = ~uint64_t{0};
};

}  // namespace baobab::zkvm::rv
