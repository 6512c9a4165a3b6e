// One row of the execution trace: everything one executed instruction did,
// as the RV32IM AIR (DESIGN §3, issue 5) needs it to fill its main (CPU)
// table. Produced by trace_from() in zkvm/executor.h; issue 5 may refine it.
//
// Conventions:
//  * Register fields an instruction does not use are index 0 with value 0.
//    rd_val is the value of x[rd] after the instruction (0 when rd = x0).
//  * Loads and stores: mem_addr is the effective byte address; mem_before and
//    mem_after are the aligned 32-bit word at mem_addr & ~3 before and after
//    the access (equal for loads). For other instructions all three are 0.
//  * ECALL: rs1 = 17 (a7, the syscall number), rs2 = 10 (a0), rd = 10 (a0,
//    the return value) except for exit; arg1/arg2 are a1/a2. For read and
//    write, io_offset is the input offset (read) or output length (write)
//    before the call and io_length the bytes moved. The bytes that read()
//    stores into memory are not in the row (issue 5 decides how to prove
//    them: one memory row per byte or a dedicated table).
#pragma once

#include <cstdint>

#include "zkvm/decoder.h"

namespace baobab::zkvm {

struct TraceRow {
  uint64_t cycle = 0;  // 0 for the first instruction at the entry point
  uint32_t pc = 0;
  uint32_t next_pc = 0;
  uint32_t instruction = 0;  // the 32-bit word
  Opcode op = Opcode::kIllegal;
  uint8_t rd = 0;
  uint8_t rs1 = 0;
  uint8_t rs2 = 0;
  uint32_t rs1_val = 0;
  uint32_t rs2_val = 0;
  uint32_t rd_val = 0;
  uint32_t imm = 0;  // decoded, sign-extended (U-type: value << 12)
  uint32_t mem_addr = 0;
  uint32_t mem_before = 0;
  uint32_t mem_after = 0;
  uint32_t arg1 = 0;
  uint32_t arg2 = 0;
  uint32_t io_offset = 0;
  uint32_t io_length = 0;

  friend bool operator==(const TraceRow&, const TraceRow&) = default;
};

}  // namespace baobab::zkvm
