#include "zkvm/air/rom.h"

namespace baobab::zkvm::rv {

field::Fp RomEntry::offset_fp() const {
  return offset >= 0 ? field::Fp::from_u64(static_cast<uint64_t>(offset))
                     : -field::Fp::from_u64(static_cast<uint64_t>(-offset));
}

namespace {

uint64_t bit(Flag f) {
  return uint64_t{1} << f;
}

int64_t signed_imm(uint32_t imm) {
  return static_cast<int64_t>(static_cast<int32_t>(imm));
}

}  // namespace

std::optional<RomEntry> rom_entry(uint32_t pc, const Decoded& d) {
  RomEntry e;
  e.pc = pc;
  uint64_t op = 0;
  bool writes = false, use_rs2 = false, uses_rs1 = true, uses_imm = false;
  switch (d.op) {
    // clang-format off
    case Opcode::kLui: op = bit(kFAdd); writes = true; uses_rs1 = false; uses_imm = true; break;
    case Opcode::kAuipc: op = bit(kFAdd); writes = true; uses_rs1 = false; uses_imm = true; break;
    case Opcode::kJal: op = bit(kFJal); writes = true; uses_rs1 = false; break;
    case Opcode::kJalr: op = bit(kFJalr); writes = true; uses_imm = true; break;
    case Opcode::kBeq: op = bit(kFBeq); use_rs2 = true; break;
    case Opcode::kBne: op = bit(kFBne); use_rs2 = true; break;
    case Opcode::kBlt: op = bit(kFBlt); use_rs2 = true; break;
    case Opcode::kBge: op = bit(kFBge); use_rs2 = true; break;
    case Opcode::kBltu: op = bit(kFBltu); use_rs2 = true; break;
    case Opcode::kBgeu: op = bit(kFBgeu); use_rs2 = true; break;
    case Opcode::kLb: op = bit(kFLb); writes = true; uses_imm = true; break;
    case Opcode::kLh: op = bit(kFLh); writes = true; uses_imm = true; break;
    case Opcode::kLw: op = bit(kFLw); writes = true; uses_imm = true; break;
    case Opcode::kLbu: op = bit(kFLbu); writes = true; uses_imm = true; break;
    case Opcode::kLhu: op = bit(kFLhu); writes = true; uses_imm = true; break;
    case Opcode::kSb: op = bit(kFSb); uses_imm = true; break;
    case Opcode::kSh: op = bit(kFSh); uses_imm = true; break;
    case Opcode::kSw: op = bit(kFSw); uses_imm = true; break;
    case Opcode::kAddi: op = bit(kFAdd); writes = true; uses_imm = true; break;
    case Opcode::kSlti: op = bit(kFSlt); writes = true; uses_imm = true; break;
    case Opcode::kSltiu: op = bit(kFSltu); writes = true; uses_imm = true; break;
    case Opcode::kXori: op = bit(kFXor); writes = true; uses_imm = true; break;
    case Opcode::kOri: op = bit(kFOr); writes = true; uses_imm = true; break;
    case Opcode::kAndi: op = bit(kFAnd); writes = true; uses_imm = true; break;
    case Opcode::kSlli: op = bit(kFSll); writes = true; uses_imm = true; break;
    case Opcode::kSrli: op = bit(kFSrl); writes = true; uses_imm = true; break;
    case Opcode::kSrai: op = bit(kFSra); writes = true; uses_imm = true; break;
    case Opcode::kAdd: op = bit(kFAdd); writes = true; use_rs2 = true; break;
    case Opcode::kSub: op = bit(kFSub); writes = true; use_rs2 = true; break;
    case Opcode::kSll: op = bit(kFSll); writes = true; use_rs2 = true; break;
    case Opcode::kSlt: op = bit(kFSlt); writes = true; use_rs2 = true; break;
    case Opcode::kSltu: op = bit(kFSltu); writes = true; use_rs2 = true; break;
    case Opcode::kXor: op = bit(kFXor); writes = true; use_rs2 = true; break;
    case Opcode::kSrl: op = bit(kFSrl); writes = true; use_rs2 = true; break;
    case Opcode::kSra: op = bit(kFSra); writes = true; use_rs2 = true; break;
    case Opcode::kOr: op = bit(kFOr); writes = true; use_rs2 = true; break;
    case Opcode::kAnd: op = bit(kFAnd); writes = true; use_rs2 = true; break;
    case Opcode::kMul: op = bit(kFMul); writes = true; use_rs2 = true; break;
    case Opcode::kMulh: op = bit(kFMulh); writes = true; use_rs2 = true; break;
    case Opcode::kMulhsu: op = bit(kFMulhsu); writes = true; use_rs2 = true; break;
    case Opcode::kMulhu: op = bit(kFMulhu); writes = true; use_rs2 = true; break;
    case Opcode::kDiv: op = bit(kFDiv); writes = true; use_rs2 = true; break;
    case Opcode::kDivu: op = bit(kFDivu); writes = true; use_rs2 = true; break;
    case Opcode::kRem: op = bit(kFRem); writes = true; use_rs2 = true; break;
    case Opcode::kRemu: op = bit(kFRemu); writes = true; use_rs2 = true; break;
    // clang-format on
    case Opcode::kFence:
      // A no-op: add x0, x0, 0 without a write.
      e.flags = bit(kFAdd);
      return e;
    case Opcode::kEcall:
      // Reads a7 (rs1 slot) and a0 (rs2 slot), writes the result to a0.
      e.flags = bit(kFEcall) | bit(kFWritesRd);
      e.rs1 = 17;
      e.rs2 = 10;
      e.rd = 10;
      return e;
    default:
      return std::nullopt;
  }
  e.flags = op;
  if (writes && d.rd != 0) {
    e.flags |= bit(kFWritesRd);
    e.rd = d.rd;
  }
  if (use_rs2) {
    e.flags |= bit(kFUseRs2);
    e.rs2 = d.rs2;
  }
  if (uses_rs1) e.rs1 = d.rs1;
  const bool is_branch = (op & (bit(kFBeq) | bit(kFBne) | bit(kFBlt) | bit(kFBge) | bit(kFBltu) |
                                bit(kFBgeu) | bit(kFJal))) != 0;
  if (is_branch) e.offset = signed_imm(d.imm);
  if (uses_imm) e.imm = d.op == Opcode::kAuipc ? pc + d.imm : d.imm;
  // Stores read rs2 as data, not as operand b.
  if ((op & (bit(kFSb) | bit(kFSh) | bit(kFSw))) != 0) e.rs2 = d.rs2;
  return e;
}

}  // namespace baobab::zkvm::rv
