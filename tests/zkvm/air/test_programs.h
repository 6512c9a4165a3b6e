// Programs for the RV32IM AIR tests: every instruction class on edge
// operands, memory of every width and offset, branches and jumps both ways,
// and every syscall, in one guest that the tests prove, verify and attack.
#pragma once

#include <cstdint>
#include <vector>

#include "src/params/proof_params.h"
#include "tests/zkvm/rv32_asm.h"

namespace baobab::zkvm::testing {

// Blowup 4 and a few queries: the tests check what the verifier accepts, not
// the security level, and this keeps each proof of a small program well
// under a second (the 2^16-row bytes table is the floor).
inline params::ProofParams air_test_params() {
  params::ProofParams p;
  p.log_blowup = 2;
  p.num_queries = 24;
  p.grinding_bits = 0;
  return p;
}

inline constexpr uint32_t kAirEdges[] = {0,          1,          0x7fffffff, 0x80000000, 0xffffffff,
                                         0xfffffffe, 0x12345678, 0xdeadbeef, 3};

// funct7, funct3 of the R-type ALU and M instructions.
struct ROp {
  uint32_t f7, f3;
};
inline constexpr ROp kROps[] = {{0, 0}, {0x20, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 4},
                                {0, 5}, {0x20, 5}, {0, 6}, {0, 7}, {1, 0}, {1, 1},
                                {1, 2}, {1, 3},    {1, 4}, {1, 5}, {1, 6}, {1, 7}};

// Every R op on every pair of edge operands, result in t2 (then summed into s1
// so that nothing is dead).
inline Asm& all_r_ops(Asm& code) {
  for (const ROp& op : kROps) {
    for (uint32_t a : kAirEdges) {
      for (uint32_t b : kAirEdges) {
        code.li(kT0, a).li(kT1, b).op(op.f7, op.f3, kT2, kT0, kT1).add(kS1, kS1, kT2);
      }
    }
  }
  return code;
}

// I-type ALU ops with edge immediates, shifts with every amount class.
inline Asm& all_i_ops(Asm& code) {
  const int32_t imms[] = {0, 1, -1, 2047, -2048, 0x555};
  for (uint32_t a : kAirEdges) {
    code.li(kT0, a);
    for (int32_t imm : imms) {
      for (uint32_t f3 : {0u, 2u, 3u, 4u, 6u, 7u})
        code.op_imm(f3, kT2, kT0, imm).add(kS1, kS1, kT2);
    }
    for (int32_t shamt : {0, 1, 15, 16, 31}) {
      code.op_imm(1, kT2, kT0, shamt).add(kS1, kS1, kT2);
      code.op_imm(5, kT2, kT0, shamt).add(kS1, kS1, kT2);
      code.op_imm(5, kT2, kT0, shamt | 0x400).add(kS1, kS1, kT2);
    }
  }
  code.lui(kT2, 0xabcde000).add(kS1, kS1, kT2).auipc(kT2, 0x12345000).add(kS1, kS1, kT2);
  code.addi(kZero, kT0, 5).add(kS1, kS1, kZero);  // a write to x0 is discarded
  code.emit(0x0ff0000f);                          // fence
  return code;
}

// Stores and loads of every width at every legal offset.
inline Asm& all_memory_ops(Asm& code) {
  code.li(kT0, kDataBase + 0x100).li(kT1, 0x89abcdef);
  code.sw(kT1, kT0, 0).sw(kT1, kT0, 4);
  for (int32_t off = 0; off < 4; ++off) {
    code.store(0, kT1, kT0, 8 + off);                // sb
    code.load(0, kT2, kT0, off).add(kS1, kS1, kT2);  // lb
    code.load(4, kT2, kT0, off).add(kS1, kS1, kT2);  // lbu
  }
  for (int32_t off = 0; off < 4; off += 2) {
    code.store(1, kT1, kT0, 12 + off);               // sh
    code.load(1, kT2, kT0, off).add(kS1, kS1, kT2);  // lh
    code.load(5, kT2, kT0, off).add(kS1, kS1, kT2);  // lhu
  }
  code.lw(kT2, kT0, 8).add(kS1, kS1, kT2).lw(kT2, kT0, 12).add(kS1, kS1, kT2);
  code.li(kT0, kDataBase + 0x20).lw(kT2, kT0, -4).add(kS1, kS1, kT2);  // initial data
  return code;
}

// Branches taken and not taken, jal and jalr.
inline Asm& all_control_ops(Asm& code) {
  const uint32_t pairs[][2] = {{1, 2}, {2, 1}, {5, 5}, {0xffffffff, 1}, {1, 0xffffffff}};
  for (const auto& p : pairs) {
    code.li(kT0, p[0]).li(kT1, p[1]);
    for (uint32_t f3 : {0u, 1u, 4u, 5u, 6u, 7u}) {
      // taken: skip the next instruction (which would poison s1)
      code.branch(f3, kT0, kT1, 8).addi(kS1, kS1, 1);
    }
  }
  code.jal(kRa, 8).addi(kS1, kS1, 100);                        // skipped
  code.auipc(kT0, 0).jalr(kRa, kT0, 13).addi(kS1, kS1, 1000);  // target pc+12 (bit 0 dropped)
  code.add(kS1, kS1, kRa);
  return code;
}

// write(1, "hi"), write(2, "dbg"), read(3) and read(0) into unaligned
// buffers, brk(0) and brk(valid).
inline Asm& all_syscalls(Asm& code) {
  code.li(kT0, kDataBase + 0x200).li(kT1, 0x216968).sw(kT1, kT0, 0);  // "hi!"
  code.li(kA0, 1).li(kA1, kDataBase + 0x200).li(kA2, 3).syscall(kSysWrite);
  code.li(kA0, 2).li(kA1, kDataBase + 0x200).li(kA2, 2).syscall(kSysWrite);
  code.li(kA0, 3).li(kA1, kDataBase + 0x301).li(kA2, 9).syscall(kSysRead).add(kS1, kS1, kA0);
  code.li(kA0, 3).li(kA1, kDataBase + 0x311).li(kA2, 100).syscall(kSysRead).add(kS1, kS1, kA0);
  code.li(kA0, 0).li(kA1, kDataBase + 0x402).li(kA2, 6).syscall(kSysRead).add(kS1, kS1, kA0);
  code.li(kT0, kDataBase + 0x300).lw(kT2, kT0, 0).add(kS1, kS1, kT2);
  code.lw(kT2, kT0, 0x104).add(kS1, kS1, kT2);
  code.li(kA0, 0).syscall(kSysBrk).add(kS1, kS1, kA0);
  code.li(kA0, 0x40000).syscall(kSysBrk).add(kS1, kS1, kA0);
  // The checksum goes out too, so the proof covers every result.
  code.li(kT0, kDataBase + 0x500).sw(kS1, kT0, 0);
  code.li(kA0, 1).li(kA1, kDataBase + 0x500).li(kA2, 4).syscall(kSysWrite);
  return code;
}

inline Program all_instructions_program() {
  Asm code;
  all_r_ops(code);
  all_i_ops(code);
  all_memory_ops(code);
  all_control_ops(code);
  all_syscalls(code);
  code.exit(7);
  std::vector<uint8_t> data(0x40, 0);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(0x11 * i + 3);
  return make_test_program(code, data);
}

inline ExecutionInputs all_instructions_inputs() {
  ExecutionInputs in;
  in.public_input = {'p', 'u', 'b', 'l', 'i', 'c', ' ', 'i', 'n', 'p', 'u', 't', '!'};
  in.private_input = {1, 2, 3, 4};
  return in;
}

}  // namespace baobab::zkvm::testing
