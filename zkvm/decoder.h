// RV32IM instruction decoding: a 32-bit word becomes a compact Decoded entry
// (operation, register indices, immediate). The executor predecodes every
// word of the executable segments once; the trace row names the operation.
// Register fields an instruction does not use are 0, so that reading x[rs1]
// or x[rs2] for them gives 0 and writing x[rd] writes x0 (discarded).
#pragma once

#include <cstdint>
#include <string_view>

namespace baobab::zkvm {

enum class Opcode : uint8_t {
  // clang-format off
  kLui, kAuipc, kJal, kJalr,
  kBeq, kBne, kBlt, kBge, kBltu, kBgeu,
  kLb, kLh, kLw, kLbu, kLhu, kSb, kSh, kSw,
  kAddi, kSlti, kSltiu, kXori, kOri, kAndi, kSlli, kSrli, kSrai,
  kAdd, kSub, kSll, kSlt, kSltu, kXor, kSrl, kSra, kOr, kAnd,
  kMul, kMulh, kMulhsu, kMulhu, kDiv, kDivu, kRem, kRemu,
  kFence, kEcall,
  // Never executed: each is an execution error with its own reason.
  kEbreak, kCsr, kIllegal,
  kNotCode,  // a word-slot between executable segments (fetch error)
  // clang-format on
};

std::string_view opcode_name(Opcode op);

struct Decoded {
  Opcode op = Opcode::kIllegal;
  uint8_t rd = 0;
  uint8_t rs1 = 0;
  uint8_t rs2 = 0;
  uint32_t imm = 0;  // sign-extended immediate (U-type: already shifted left 12)
};
static_assert(sizeof(Decoded) == 8);

Decoded decode(uint32_t word);

}  // namespace baobab::zkvm
