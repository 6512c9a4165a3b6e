// The cpu table of the RV32IM AIR: one row per executed instruction
// (docs/rv32im-air.md §4 "cpu"). Every constraint family there is written
// here once; the witness side is cpu_witness.h.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "src/air/table.h"
#include "zkvm/air/bus.h"
#include "zkvm/air/public_inputs.h"
#include "zkvm/air/rom.h"

namespace baobab::zkvm::rv {

// Main columns of the cpu table. Flags occupy kFlag0 + Flag.
enum CpuCol : uint64_t {
  // control
  kReal,
  kClk,
  kPc,
  kNextPc,
  // the ROM tuple (besides pc and the flags)
  kRd,
  kRs1,
  kRs2,
  kImmLo,
  kImmHi,
  kOffset,
  kFlag0,
  // register accesses: values, previous timestamps, ts differences
  kRs1Lo = uint64_t{kFlag0} + uint64_t{kNumFlags},
  kRs1Hi,
  kRs1PrevTs,
  kRs1DLo,
  kRs1DHi,
  kRs2Lo,
  kRs2Hi,
  kRs2PrevTs,
  kRs2DLo,
  kRs2DHi,
  kRdLo,
  kRdHi,
  kRdPrevLo,
  kRdPrevHi,
  kRdPrevTs,
  kRdDLo,
  kRdDHi,
  // memory access
  kMemPrevTs,
  kMemDLo,
  kMemDHi,
  kOldLo,
  kOldHi,
  kNewLo,
  kNewHi,
  kE0,
  kE1,
  kE2,
  kE3,
  kOldB0,
  kOldB2,
  kStoreByte,
  kMemVal,
  kMemSign,
  kMemRest,
  // operand b, adder, comparisons, control flow
  kBLo,
  kBHi,
  kOutLo,
  kOutHi,
  kC0,
  kC1,
  kSignA,
  kSignB,
  kSignEq,
  kLt,
  kIsEq,
  kEqInv,
  kTaken,
  kJalrBit,
  // bitwise: bytes 0 and 2 of rs1 and b, result bytes
  kBitA0,
  kBitA2,
  kBitB0,
  kBitB2,
  kBitR0,
  kBitR1,
  kBitR2,
  kBitR3,
  // multiplier and divider: second operand, three result words, helpers
  kYLo,
  kYHi,
  kShamt,
  kWordALo,
  kWordAHi,
  kWordBLo,
  kWordBHi,
  kWordCLo,
  kWordCHi,
  kHInv,
  kMulT,
  kSxE,
  kSyE,
  kSqE,
  kSrE,
  kSignQ,
  kSignR,
  kOvf,
  kOvfIz,
  kOvfInv,
  kYIz,
  kYInv,
  kRIz,
  kRInv,
  kDivNz,
  // system
  kIsExit,
  kNumCpuCols
};

class CpuAir : public BusAux<CpuAir> {
 public:
  static constexpr uint64_t kMessages = 42;

  explicit CpuAir(int log_rows) : log_rows_(log_rows) {}

  air::TableInfo info() const {
    return bus_table_info("zkvm.cpu", log_rows_, kNumCpuCols, 0, kMessages);
  }

  // Short names for the expressions both eval() and interactions() use.
  template <class S>
  struct View {
    using B = typename S::Base;
    S& s;
    B c(uint64_t col) const { return s.main(col); }
    B n(uint64_t col) const { return s.main_next(col); }
    B f(Flag flag) const { return s.main(uint64_t{kFlag0} + uint64_t{flag}); }
    B k(uint64_t v) const { return s.constant(Fp::from_u64(v)); }
    B word(uint64_t lo, uint64_t hi) const { return c(lo) + c(hi) * Fp::from_u64(65536); }
    B loads() const { return f(kFLb) + f(kFLbu) + f(kFLh) + f(kFLhu) + f(kFLw); }
    B stores() const { return f(kFSb) + f(kFSh) + f(kFSw); }
    B mem() const { return loads() + stores(); }
    B branches() const { return f(kFBeq) + f(kFBne) + f(kFBlt) + f(kFBge) + f(kFBltu) + f(kFBgeu); }
    B add_like() const { return f(kFAdd) + mem() + f(kFJalr); }
    B sub_like() const { return f(kFSub) + f(kFSlt) + f(kFSltu) + branches(); }
    B bitwise() const { return f(kFAnd) + f(kFOr) + f(kFXor); }
    B shifts() const { return f(kFSll) + f(kFSrl) + f(kFSra); }
    B mul_high() const { return f(kFMulh) + f(kFMulhsu) + f(kFMulhu); }
    B multiplier() const { return f(kFMul) + mul_high() + f(kFSll); }
    B signed_div() const { return f(kFDiv) + f(kFRem); }
    B divider() const { return signed_div() + f(kFDivu) + f(kFRemu) + f(kFSrl) + f(kFSra); }
    B m_ext() const { return f(kFMul) + mul_high() + signed_div() + f(kFDivu) + f(kFRemu); }
    B ts(uint64_t slot) const { return c(kClk) * Fp::from_u64(4) + k(4 + slot); }
    // The accessed word cell: addr − byte offset.
    B cell() const {
      return c(kOutLo) - c(kE1) - c(kE2) * Fp::from_u64(2) - c(kE3) * Fp::from_u64(3) +
             c(kOutHi) * Fp::from_u64(65536);
    }
    B packed_flags() const {
      B acc = f(static_cast<Flag>(0));
      for (uint64_t i = 1; i < kNumFlags; ++i) {
        acc = acc + f(static_cast<Flag>(i)) * Fp::from_u64(uint64_t{1} << i);
      }
      return acc;
    }
  };

  template <class S, class Emit>
  void interactions(S& s, Emit& emit) const {
    const View<S> v{s};
    const auto real = v.c(kReal);
    const auto writes = v.f(kFWritesRd);
    const auto mem = v.mem();
    const auto inv256 = Fp::from_u64(256).inverse();
    const auto reg = [&](uint64_t col) { return v.c(col) + v.k(kRegisterCellBase); };
    // 1: instruction fetch and decode.
    emit(real, Tag::kProgram,
         {v.c(kPc), v.packed_flags(), v.c(kRd), v.c(kRs1), v.c(kRs2), v.c(kImmLo), v.c(kImmHi),
          v.c(kOffset)});
    // 2-9: registers and memory (read the previous state, write the new one).
    emit(-real, Tag::kMemory, {reg(kRs1), v.c(kRs1Lo), v.c(kRs1Hi), v.c(kRs1PrevTs)});
    emit(real, Tag::kMemory, {reg(kRs1), v.c(kRs1Lo), v.c(kRs1Hi), v.ts(kSlotRs1)});
    emit(-real, Tag::kMemory, {reg(kRs2), v.c(kRs2Lo), v.c(kRs2Hi), v.c(kRs2PrevTs)});
    emit(real, Tag::kMemory, {reg(kRs2), v.c(kRs2Lo), v.c(kRs2Hi), v.ts(kSlotRs2)});
    emit(-writes, Tag::kMemory, {reg(kRd), v.c(kRdPrevLo), v.c(kRdPrevHi), v.c(kRdPrevTs)});
    emit(writes, Tag::kMemory, {reg(kRd), v.c(kRdLo), v.c(kRdHi), v.ts(kSlotRd)});
    emit(-mem, Tag::kMemory, {v.cell(), v.c(kOldLo), v.c(kOldHi), v.c(kMemPrevTs)});
    emit(mem, Tag::kMemory, {v.cell(), v.c(kNewLo), v.c(kNewHi), v.ts(kSlotMemory)});
    // 10-17: timestamp differences and the written rd value.
    emit(real, Tag::kRange16, {v.c(kRs1DLo)});
    emit(real, Tag::kRange16, {v.c(kRs1DHi)});
    emit(real, Tag::kRange16, {v.c(kRs2DLo)});
    emit(real, Tag::kRange16, {v.c(kRs2DHi)});
    emit(writes, Tag::kRange16, {v.c(kRdDLo)});
    emit(writes, Tag::kRange16, {v.c(kRdDHi)});
    emit(writes, Tag::kRange16, {v.c(kRdLo)});
    emit(writes, Tag::kRange16, {v.c(kRdHi)});
    // 18-19: memory timestamp difference.
    emit(mem, Tag::kRange16, {v.c(kMemDLo)});
    emit(mem, Tag::kRange16, {v.c(kMemDHi)});
    // 20-21: adder output.
    const auto adder = v.add_like() + v.sub_like();
    emit(adder, Tag::kRange16, {v.c(kOutLo)});
    emit(adder, Tag::kRange16, {v.c(kOutHi)});
    // 22-23: sign bits of rs1 and b (2·(hi − 2^15·s) in [0, 2^16)).
    emit(real, Tag::kRange16,
         {(v.c(kRs1Hi) - v.c(kSignA) * Fp::from_u64(32768)) * Fp::from_u64(2)});
    emit(real, Tag::kRange16, {(v.c(kBHi) - v.c(kSignB) * Fp::from_u64(32768)) * Fp::from_u64(2)});
    // 24-27: bitwise operations on byte pairs.
    const auto op = v.f(kFAnd) * Fp::from_u64(kBitAnd) + v.f(kFOr) * Fp::from_u64(kBitOr) +
                    v.f(kFXor) * Fp::from_u64(kBitXor);
    const auto bit = v.bitwise();
    const auto a1 = (v.c(kRs1Lo) - v.c(kBitA0)) * inv256;
    const auto a3 = (v.c(kRs1Hi) - v.c(kBitA2)) * inv256;
    const auto b1 = (v.c(kBLo) - v.c(kBitB0)) * inv256;
    const auto b3 = (v.c(kBHi) - v.c(kBitB2)) * inv256;
    const auto k256 = Fp::from_u64(256);
    emit(bit, Tag::kBitOp, {op, v.c(kBitA0) + v.c(kBitB0) * k256, v.c(kBitA0), v.c(kBitR0)});
    emit(bit, Tag::kBitOp, {op, a1 + b1 * k256, a1, v.c(kBitR1)});
    emit(bit, Tag::kBitOp, {op, v.c(kBitA2) + v.c(kBitB2) * k256, v.c(kBitA2), v.c(kBitR2)});
    emit(bit, Tag::kBitOp, {op, a3 + b3 * k256, a3, v.c(kBitR3)});
    // 28-30: bytes of the old memory word and of rs2 for byte accesses.
    const auto byte_access = v.f(kFLb) + v.f(kFLbu) + v.f(kFSb);
    emit(byte_access, Tag::kSplit, {v.c(kOldLo), v.c(kOldB0)});
    emit(byte_access, Tag::kSplit, {v.c(kOldHi), v.c(kOldB2)});
    emit(v.f(kFSb), Tag::kSplit, {v.c(kRs2Lo), v.c(kStoreByte)});
    // 31: sign bit of a loaded byte or half word (scaled into [0, 2^16)).
    emit(v.f(kFLb) + v.f(kFLh), Tag::kRange16, {v.c(kMemRest)});
    // 32-33: shift amount: 2^shamt and (b_lo − shamt)/32 in range.
    const auto shifts = v.shifts();
    emit(shifts, Tag::kPow2, {v.c(kShamt), v.c(kYLo), v.c(kYHi)});
    emit(shifts, Tag::kRange16, {(v.c(kBLo) - v.c(kShamt)) * Fp::from_u64(32).inverse()});
    // 34-39: the three result words of the multiplier / divider.
    const auto md = v.multiplier() + v.divider();
    const auto word_c = v.mul_high() + v.c(kDivNz);
    emit(md, Tag::kRange16, {v.c(kWordALo)});
    emit(md, Tag::kRange16, {v.c(kWordAHi)});
    emit(md, Tag::kRange16, {v.c(kWordBLo)});
    emit(md, Tag::kRange16, {v.c(kWordBHi)});
    emit(word_c, Tag::kRange16, {v.c(kWordCLo)});
    emit(word_c, Tag::kRange16, {v.c(kWordCHi)});
    // 40-41: sign bits of the quotient and remainder.
    const auto div = v.divider();
    emit(div, Tag::kRange16,
         {(v.c(kWordAHi) - v.c(kSignQ) * Fp::from_u64(32768)) * Fp::from_u64(2)});
    emit(div, Tag::kRange16,
         {(v.c(kWordBHi) - v.c(kSignR) * Fp::from_u64(32768)) * Fp::from_u64(2)});
    // 42: non-exit system calls go to the ecall table.
    emit(v.f(kFEcall) - v.c(kIsExit), Tag::kEcall,
         {v.c(kClk), v.word(kRs1Lo, kRs1Hi), v.c(kRs2Lo), v.c(kRs2Hi), v.c(kRdLo), v.c(kRdHi)});
  }

  template <class S>
  void eval(S& s) const;

  // The prover's composition rows eight at a time, one per AVX-512 lane
  // (cpu_air_avx512.cc; called by the AirAdapter only on CPUs with AVX-512).
  void eval_lde_rows_avx512(const air::LdeView& lde, const air::ConstraintInputs& inputs,
                            std::span<const Fp3> alpha_powers, uint64_t first,
                            std::span<air::KindSums> out) const;
  // The debug checker's rows [first, first + count), eight per AVX-512
  // register (cpu_air_avx512.cc; air.h first_failure).
  std::optional<air::RowFailure> first_failure_avx512(const air::TraceView& trace,
                                                      const air::ConstraintInputs& inputs,
                                                      uint64_t first, uint64_t count) const;
  // The LogUp h-columns of rows [first_row, first_row + aux_block.rows),
  // eight rows per AVX-512 register (cpu_air_avx512.cc; bus.h BusRowsFn).
  Fp3 build_bus_block_avx512(const air::TraceView& trace, const air::ConstraintInputs& inputs,
                             uint64_t table_rows, uint64_t first_row,
                             field::MatrixView aux_block) const;

 private:
  int log_rows_;
};

}  // namespace baobab::zkvm::rv

#include "zkvm/air/cpu_constraints.h"
