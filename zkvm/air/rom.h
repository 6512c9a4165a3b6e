// The program ROM of the RV32IM AIR (docs/rv32im-air.md §4): each executable
// word that decodes to a supported instruction becomes one tuple
//   (pc, flags, rd, rs1, rs2, imm_lo, imm_hi, offset)
// that the cpu table looks up at its pc. The decoder's work happens here, on
// the verifier's side, once per program: the proof never decodes bits.
#pragma once

#include <cstdint>
#include <optional>

#include "src/field/goldilocks.h"
#include "zkvm/decoder.h"

namespace baobab::zkvm::rv {

// One boolean cpu column per flag; packed as Σ 2^flag in the ROM tuple.
enum Flag : uint64_t {
  kFAdd,
  kFSub,
  kFSlt,
  kFSltu,
  kFAnd,
  kFOr,
  kFXor,
  kFSll,
  kFSrl,
  kFSra,
  kFMul,
  kFMulh,
  kFMulhsu,
  kFMulhu,
  kFDiv,
  kFDivu,
  kFRem,
  kFRemu,
  kFBeq,
  kFBne,
  kFBlt,
  kFBge,
  kFBltu,
  kFBgeu,
  kFJal,
  kFJalr,
  kFLb,
  kFLbu,
  kFLh,
  kFLhu,
  kFLw,
  kFSb,
  kFSh,
  kFSw,
  kFEcall,
  kFWritesRd,  // writes x[rd], rd != 0
  kFUseRs2,    // operand b = imm + x[rs2] (else imm)
  kNumFlags
};

struct RomEntry {
  uint32_t pc = 0;
  uint64_t flags = 0;
  uint8_t rd = 0, rs1 = 0, rs2 = 0;
  uint32_t imm = 0;    // operand immediate (u32; auipc: pc + imm)
  int64_t offset = 0;  // branch / jal target offset (signed)

  field::Fp offset_fp() const;
};

// The ROM tuple of the instruction at `pc`; nullopt for words the zkVM never
// executes (illegal, ebreak, CSR).
std::optional<RomEntry> rom_entry(uint32_t pc, const Decoded& d);

}  // namespace baobab::zkvm::rv
