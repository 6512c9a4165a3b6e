#include "zkvm/decoder.h"

namespace baobab::zkvm {

namespace {

uint32_t sext(uint32_t value, int bits) {
  const uint32_t sign = 1u << (bits - 1);
  return (value ^ sign) - sign;
}

uint8_t field(uint32_t word, int shift) {
  return static_cast<uint8_t>((word >> shift) & 31);
}

}  // namespace

std::string_view opcode_name(Opcode op) {
  static constexpr std::string_view kNames[] = {
      "lui",   "auipc", "jal",    "jalr",   "beq",     "bne",     "blt",  "bge",  "bltu",
      "bgeu",  "lb",    "lh",     "lw",     "lbu",     "lhu",     "sb",   "sh",   "sw",
      "addi",  "slti",  "sltiu",  "xori",   "ori",     "andi",    "slli", "srli", "srai",
      "add",   "sub",   "sll",    "slt",    "sltu",    "xor",     "srl",  "sra",  "or",
      "and",   "mul",   "mulh",   "mulhsu", "mulhu",   "div",     "divu", "rem",  "remu",
      "fence", "ecall", "ebreak", "csr",    "illegal", "not-code"};
  const auto index = static_cast<size_t>(op);
  return index < std::size(kNames) ? kNames[index] : "?";
}

Decoded decode(uint32_t word) {
  Decoded d;
  const uint32_t opcode = word & 0x7f;
  const uint32_t funct3 = (word >> 12) & 7;
  const uint32_t funct7 = word >> 25;
  const uint8_t rd = field(word, 7);
  const uint8_t rs1 = field(word, 15);
  const uint8_t rs2 = field(word, 20);
  const uint32_t imm_i = sext(word >> 20, 12);
  const uint32_t imm_s = sext(((word >> 25) << 5) | ((word >> 7) & 31), 12);
  const uint32_t imm_b = sext(((word >> 31) << 12) | (((word >> 7) & 1) << 11) |
                                  (((word >> 25) & 63) << 5) | (((word >> 8) & 15) << 1),
                              13);
  const uint32_t imm_u = word & 0xfffff000u;
  const uint32_t imm_j = sext(((word >> 31) << 20) | (((word >> 12) & 255) << 12) |
                                  (((word >> 20) & 1) << 11) | (((word >> 21) & 1023) << 1),
                              21);
  auto make = [&](Opcode op, uint8_t d_rd, uint8_t d_rs1, uint8_t d_rs2, uint32_t imm) {
    return Decoded{op, d_rd, d_rs1, d_rs2, imm};
  };
  switch (opcode) {
    case 0x37:
      return make(Opcode::kLui, rd, 0, 0, imm_u);
    case 0x17:
      return make(Opcode::kAuipc, rd, 0, 0, imm_u);
    case 0x6f:
      return make(Opcode::kJal, rd, 0, 0, imm_j);
    case 0x67:
      if (funct3 == 0) return make(Opcode::kJalr, rd, rs1, 0, imm_i);
      break;
    case 0x63: {
      static constexpr Opcode kBranch[8] = {Opcode::kBeq,     Opcode::kBne, Opcode::kIllegal,
                                            Opcode::kIllegal, Opcode::kBlt, Opcode::kBge,
                                            Opcode::kBltu,    Opcode::kBgeu};
      if (kBranch[funct3] != Opcode::kIllegal) return make(kBranch[funct3], 0, rs1, rs2, imm_b);
      break;
    }
    case 0x03: {
      static constexpr Opcode kLoad[8] = {Opcode::kLb,      Opcode::kLh,     Opcode::kLw,
                                          Opcode::kIllegal, Opcode::kLbu,    Opcode::kLhu,
                                          Opcode::kIllegal, Opcode::kIllegal};
      if (kLoad[funct3] != Opcode::kIllegal) return make(kLoad[funct3], rd, rs1, 0, imm_i);
      break;
    }
    case 0x23:
      if (funct3 == 0) return make(Opcode::kSb, 0, rs1, rs2, imm_s);
      if (funct3 == 1) return make(Opcode::kSh, 0, rs1, rs2, imm_s);
      if (funct3 == 2) return make(Opcode::kSw, 0, rs1, rs2, imm_s);
      break;
    case 0x13:
      switch (funct3) {
        case 0:
          return make(Opcode::kAddi, rd, rs1, 0, imm_i);
        case 2:
          return make(Opcode::kSlti, rd, rs1, 0, imm_i);
        case 3:
          return make(Opcode::kSltiu, rd, rs1, 0, imm_i);
        case 4:
          return make(Opcode::kXori, rd, rs1, 0, imm_i);
        case 6:
          return make(Opcode::kOri, rd, rs1, 0, imm_i);
        case 7:
          return make(Opcode::kAndi, rd, rs1, 0, imm_i);
        case 1:
          if (funct7 == 0) return make(Opcode::kSlli, rd, rs1, 0, rs2);
          break;
        case 5:
          if (funct7 == 0) return make(Opcode::kSrli, rd, rs1, 0, rs2);
          if (funct7 == 0x20) return make(Opcode::kSrai, rd, rs1, 0, rs2);
          break;
      }
      break;
    case 0x33: {
      static constexpr Opcode kBase[8] = {Opcode::kAdd, Opcode::kSll, Opcode::kSlt, Opcode::kSltu,
                                          Opcode::kXor, Opcode::kSrl, Opcode::kOr,  Opcode::kAnd};
      static constexpr Opcode kMul[8] = {Opcode::kMul,   Opcode::kMulh, Opcode::kMulhsu,
                                         Opcode::kMulhu, Opcode::kDiv,  Opcode::kDivu,
                                         Opcode::kRem,   Opcode::kRemu};
      if (funct7 == 0) return make(kBase[funct3], rd, rs1, rs2, 0);
      if (funct7 == 1) return make(kMul[funct3], rd, rs1, rs2, 0);
      if (funct7 == 0x20 && funct3 == 0) return make(Opcode::kSub, rd, rs1, rs2, 0);
      if (funct7 == 0x20 && funct3 == 5) return make(Opcode::kSra, rd, rs1, rs2, 0);
      break;
    }
    case 0x0f:
      if (funct3 == 0) return make(Opcode::kFence, 0, 0, 0, 0);
      break;
    case 0x73:
      if (word == 0x00000073) return make(Opcode::kEcall, 0, 0, 0, 0);
      if (word == 0x00100073) return make(Opcode::kEbreak, 0, 0, 0, 0);
      if (funct3 != 0 && funct3 != 4) return make(Opcode::kCsr, 0, 0, 0, 0);
      break;
  }
  return d;
}

}  // namespace baobab::zkvm
