// CpuAir::eval(): the cpu table's constraints (docs/rv32im-air.md §4
// "cpu"), included by cpu_air.h. Families appear in the order of the docs;
// every constraint has degree <= 3 (checked by the AIR adapter).
#pragma once

#include <string_view>

#include "zkvm/air/cpu_air.h"

namespace baobab::zkvm::rv {

// "cpu.flag_boolean.NN": one name per flag column.
std::string_view cpu_flag_boolean_name(uint64_t flag);

template <class S>
void CpuAir::eval(S& s) const {
  using K = ConstraintKind;
  constexpr K kRow = K::kEveryRow;
  const View<S> v{s};
  const auto one = v.k(1);
  const auto real = v.c(kReal);
  const auto c = [&](uint64_t col) { return v.c(col); };
  const auto f = [&](Flag flag) { return v.f(flag); };
  const auto boolean = [&](std::string_view name, uint64_t col) {
    s.assert_zero(name, kRow, c(col) * (c(col) - one));
  };
  const Fp k2_16 = Fp::from_u64(65536);
  const Fp k2_32 = Fp::from_u64(uint64_t{1} << 32);
  const auto rs1 = v.word(kRs1Lo, kRs1Hi);
  const auto rs2 = v.word(kRs2Lo, kRs2Hi);
  const auto out = v.word(kOutLo, kOutHi);
  const auto y = v.word(kYLo, kYHi);
  const auto word_a = v.word(kWordALo, kWordAHi);
  const auto word_b = v.word(kWordBLo, kWordBHi);
  const auto word_c = v.word(kWordCLo, kWordCHi);

  // --- control: start, steps, end (attacks: skipped/repeated instruction,
  // halting before the exit, wrong cycle count) ---
  boolean("cpu.real_boolean", kReal);
  s.assert_zero("cpu.first_real", K::kFirstRow, real - one);
  s.assert_zero("cpu.first_pc", K::kFirstRow, c(kPc) - s.public_input(kPubEntry));
  s.assert_zero("cpu.first_clk", K::kFirstRow, c(kClk));
  s.assert_zero("cpu.last_is_padding", K::kLastRow, real);
  s.assert_zero("cpu.clk_step", K::kTransition, v.n(kClk) - c(kClk) - one);
  s.assert_zero("cpu.padding_stays", K::kTransition, v.n(kReal) * (one - real));
  s.assert_zero("cpu.pc_chain", K::kTransition, v.n(kReal) * (v.n(kPc) - c(kNextPc)));
  s.assert_zero("cpu.ends_with_exit", K::kTransition,
                real * (one - v.n(kReal)) * (one - c(kIsExit)));
  s.assert_zero("cpu.exit_is_last", K::kTransition, c(kIsExit) * v.n(kReal));
  s.assert_zero("cpu.cycle_count", K::kTransition,
                real * (one - v.n(kReal)) * (c(kClk) + one - s.public_input(kPubCycles)));
  s.assert_zero("cpu.padding_has_no_flags", kRow, (one - real) * v.packed_flags());
  for (uint64_t i = 0; i < kNumFlags; ++i) {
    boolean(cpu_flag_boolean_name(i), kFlag0 + i);
  }

  // --- next pc (attacks: wrong branch decision, wrong jump target) ---
  boolean("cpu.jalr_bit_boolean", kJalrBit);
  const auto four = v.k(4);
  s.assert_zero("cpu.next_pc", kRow,
                c(kNextPc) - c(kPc) - four - c(kTaken) * (c(kOffset) - four) -
                    f(kFJal) * (c(kOffset) - four) -
                    f(kFJalr) * (out - c(kJalrBit) - c(kPc) - four));

  // --- timestamps of the accesses ---
  const auto ts_diff = [&](uint64_t lo, uint64_t hi, uint64_t prev, uint64_t slot) {
    return v.word(lo, hi) - v.ts(slot) + c(prev) + one;
  };
  s.assert_zero("cpu.rs1_ts", kRow, real * ts_diff(kRs1DLo, kRs1DHi, kRs1PrevTs, kSlotRs1));
  s.assert_zero("cpu.rs2_ts", kRow, real * ts_diff(kRs2DLo, kRs2DHi, kRs2PrevTs, kSlotRs2));
  s.assert_zero("cpu.rd_ts", kRow, f(kFWritesRd) * ts_diff(kRdDLo, kRdDHi, kRdPrevTs, kSlotRd));
  s.assert_zero("cpu.mem_ts", kRow, v.mem() * ts_diff(kMemDLo, kMemDHi, kMemPrevTs, kSlotMemory));

  // --- operand b and the adder ---
  s.assert_zero("cpu.b_lo", kRow, c(kBLo) - c(kImmLo) - f(kFUseRs2) * c(kRs2Lo));
  s.assert_zero("cpu.b_hi", kRow, c(kBHi) - c(kImmHi) - f(kFUseRs2) * c(kRs2Hi));
  boolean("cpu.c0_boolean", kC0);
  boolean("cpu.c1_boolean", kC1);
  const auto add = v.add_like();
  const auto sub = v.sub_like();
  s.assert_zero("cpu.add_lo", kRow, add * (c(kRs1Lo) + c(kBLo) - c(kOutLo) - c(kC0) * k2_16));
  s.assert_zero("cpu.add_hi", kRow,
                add * (c(kRs1Hi) + c(kBHi) + c(kC0) - c(kOutHi) - c(kC1) * k2_16));
  s.assert_zero("cpu.sub_lo", kRow, sub * (c(kBLo) + c(kOutLo) - c(kRs1Lo) - c(kC0) * k2_16));
  s.assert_zero("cpu.sub_hi", kRow,
                sub * (c(kBHi) + c(kOutHi) + c(kC0) - c(kRs1Hi) - c(kC1) * k2_16));

  // --- comparisons and branch decision ---
  boolean("cpu.sign_a_boolean", kSignA);
  boolean("cpu.sign_b_boolean", kSignB);
  const auto sa = c(kSignA);
  const auto sb = c(kSignB);
  s.assert_zero("cpu.sign_eq", kRow, c(kSignEq) - one + sa + sb - sa * sb * Fp::from_u64(2));
  const auto signed_cmp = f(kFSlt) + f(kFBlt) + f(kFBge);
  s.assert_zero("cpu.lt", kRow,
                c(kLt) - c(kC1) - signed_cmp * (sa - sa * sb + c(kSignEq) * c(kC1) - c(kC1)));
  const auto out_sum = c(kOutLo) + c(kOutHi);
  s.assert_zero("cpu.eq_inverse", kRow, c(kIsEq) - one + out_sum * c(kEqInv));
  s.assert_zero("cpu.eq_zero", kRow, c(kIsEq) * out_sum);
  s.assert_zero("cpu.taken", kRow,
                c(kTaken) - f(kFBeq) * c(kIsEq) - f(kFBne) * (one - c(kIsEq)) -
                    (f(kFBlt) + f(kFBltu)) * c(kLt) - (f(kFBge) + f(kFBgeu)) * (one - c(kLt)));

  // --- loads and stores (attack: a store that lands at another address) ---
  boolean("cpu.e0_boolean", kE0);
  boolean("cpu.e1_boolean", kE1);
  boolean("cpu.e2_boolean", kE2);
  boolean("cpu.e3_boolean", kE3);
  boolean("cpu.mem_sign_boolean", kMemSign);
  const auto e0 = c(kE0), e1 = c(kE1), e2 = c(kE2), e3 = c(kE3);
  s.assert_zero("cpu.offset_one_hot", kRow, v.mem() * (e0 + e1 + e2 + e3 - one));
  s.assert_zero("cpu.word_aligned", kRow, (f(kFLw) + f(kFSw)) * (one - e0));
  s.assert_zero("cpu.half_aligned", kRow, (f(kFLh) + f(kFLhu) + f(kFSh)) * (e1 + e3));
  s.assert_zero("cpu.load_keeps_lo", kRow, v.loads() * (c(kNewLo) - c(kOldLo)));
  s.assert_zero("cpu.load_keeps_hi", kRow, v.loads() * (c(kNewHi) - c(kOldHi)));
  const Fp inv256 = Fp::from_u64(256).inverse();
  const auto ob0 = c(kOldB0);
  const auto ob1 = (c(kOldLo) - c(kOldB0)) * inv256;
  const auto ob2 = c(kOldB2);
  const auto ob3 = (c(kOldHi) - c(kOldB2)) * inv256;
  const auto byte = e0 * ob0 + e1 * ob1 + e2 * ob2 + e3 * ob3;
  const auto half = e0 * c(kOldLo) + e2 * c(kOldHi);
  s.assert_zero("cpu.load_byte", kRow, (f(kFLb) + f(kFLbu)) * (c(kMemVal) - byte));
  s.assert_zero("cpu.load_half", kRow, (f(kFLh) + f(kFLhu)) * (c(kMemVal) - half));
  s.assert_zero(
      "cpu.load_byte_sign", kRow,
      f(kFLb) * (c(kMemRest) - (c(kMemVal) - c(kMemSign) * Fp::from_u64(128)) * Fp::from_u64(512)));
  s.assert_zero(
      "cpu.load_half_sign", kRow,
      f(kFLh) * (c(kMemRest) - (c(kMemVal) - c(kMemSign) * Fp::from_u64(32768)) * Fp::from_u64(2)));
  s.assert_zero("cpu.mem_sign_unused", kRow, (one - f(kFLb) - f(kFLh)) * c(kMemSign));
  s.assert_zero("cpu.sw_lo", kRow, f(kFSw) * (c(kNewLo) - c(kRs2Lo)));
  s.assert_zero("cpu.sw_hi", kRow, f(kFSw) * (c(kNewHi) - c(kRs2Hi)));
  s.assert_zero("cpu.sh_lo", kRow, f(kFSh) * (c(kNewLo) - e0 * c(kRs2Lo) - e2 * c(kOldLo)));
  s.assert_zero("cpu.sh_hi", kRow, f(kFSh) * (c(kNewHi) - e0 * c(kOldHi) - e2 * c(kRs2Lo)));
  const auto sbyte = c(kStoreByte);
  const Fp k256 = Fp::from_u64(256);
  s.assert_zero(
      "cpu.sb_lo", kRow,
      f(kFSb) * (c(kNewLo) - ob0 - e0 * (sbyte - ob0) - (ob1 + e1 * (sbyte - ob1)) * k256));
  s.assert_zero(
      "cpu.sb_hi", kRow,
      f(kFSb) * (c(kNewHi) - ob2 - e2 * (sbyte - ob2) - (ob3 + e3 * (sbyte - ob3)) * k256));

  // --- multiplier: rs1·y = A + 2^32·B, signed high word C ---
  s.assert_zero("cpu.y_lo", kRow, v.m_ext() * (c(kYLo) - c(kBLo)));
  s.assert_zero("cpu.y_hi", kRow, v.m_ext() * (c(kYHi) - c(kBHi)));
  const auto mul = v.multiplier();
  s.assert_zero("cpu.mul_product", kRow, mul * (rs1 * y - word_a - word_b * k2_32));
  s.assert_zero("cpu.mul_high_canonical", kRow,
                mul * ((word_b - v.k(0xffffffffu)) * c(kHInv) - one));
  s.assert_zero("cpu.sign_x", kRow,
                c(kSxE) - (f(kFMulh) + f(kFMulhsu) + f(kFDiv) + f(kFRem) + f(kFSra)) * sa);
  s.assert_zero("cpu.sign_y", kRow, c(kSyE) - (f(kFMulh) + f(kFDiv) + f(kFRem)) * sb);
  s.assert_zero("cpu.mul_high", kRow,
                v.mul_high() * (word_c - word_b + c(kSxE) * y + c(kSyE) * rs1 - c(kMulT) * k2_32));
  s.assert_zero("cpu.mul_t_range", kRow, c(kMulT) * (c(kMulT) - one) * (c(kMulT) - v.k(2)));

  // --- divider: x_e + 2^32·ovf = q_e·y_e + r_e, remainder bound ---
  boolean("cpu.sign_q_boolean", kSignQ);
  boolean("cpu.sign_r_boolean", kSignR);
  const auto signed_div = v.signed_div();
  s.assert_zero("cpu.sign_q", kRow, c(kSqE) - (signed_div + f(kFSra)) * c(kSignQ));
  s.assert_zero("cpu.sign_r", kRow, c(kSrE) - signed_div * c(kSignR));
  const auto x_e = rs1 - c(kSxE) * k2_32;
  const auto y_e = y - c(kSyE) * k2_32;
  const auto q_e = word_a - c(kSqE) * k2_32;
  const auto r_e = word_b - c(kSrE) * k2_32;
  const auto div = v.divider();
  s.assert_zero("cpu.div_equation", kRow, div * (x_e + c(kOvf) * k2_32 - q_e * y_e - r_e));
  const auto y_sum = c(kYLo) + c(kYHi);
  s.assert_zero("cpu.y_zero_inverse", kRow, c(kYIz) - one + y_sum * c(kYInv));
  s.assert_zero("cpu.y_zero", kRow, c(kYIz) * y_sum);
  s.assert_zero("cpu.div_by_zero_lo", kRow, div * c(kYIz) * (c(kWordALo) - v.k(0xffff)));
  s.assert_zero("cpu.div_by_zero_hi", kRow, div * c(kYIz) * (c(kWordAHi) - v.k(0xffff)));
  const auto ovf_sum =
      c(kRs1Lo) + c(kRs1Hi) - v.k(0x8000) + v.k(0xffff) - c(kYLo) + v.k(0xffff) - c(kYHi);
  s.assert_zero("cpu.ovf_inverse", kRow, c(kOvfIz) - one + ovf_sum * c(kOvfInv));
  s.assert_zero("cpu.ovf_zero", kRow, c(kOvfIz) * ovf_sum);
  s.assert_zero("cpu.ovf", kRow, c(kOvf) - signed_div * sa * c(kOvfIz));
  s.assert_zero("cpu.div_nonzero", kRow, c(kDivNz) - div * (one - c(kYIz)));
  const auto abs_y = y_e * (one - c(kSyE) * Fp::from_u64(2));
  const auto abs_r = r_e * (one - c(kSrE) * Fp::from_u64(2));
  s.assert_zero("cpu.div_remainder_bound", kRow, c(kDivNz) * (word_c - abs_y + abs_r + one));
  const auto r_sum = c(kWordBLo) + c(kWordBHi);
  s.assert_zero("cpu.r_zero_inverse", kRow, c(kRIz) - one + r_sum * c(kRInv));
  s.assert_zero("cpu.r_zero", kRow, c(kRIz) * r_sum);
  s.assert_zero("cpu.r_sign", kRow, (c(kSrE) - signed_div * sa) * (one - c(kRIz)));

  // --- the value written to rd (attack: wrong result per instruction class) ---
  const auto to_a = f(kFMul) + f(kFSll) + f(kFDiv) + f(kFDivu) + f(kFSrl) + f(kFSra);
  const auto to_b = f(kFRem) + f(kFRemu);
  const auto byte_loads = f(kFLb) + f(kFLbu) + f(kFLh) + f(kFLhu);
  const auto covered = f(kFAdd) + f(kFSub) + f(kFSlt) + f(kFSltu) + v.bitwise() + to_a +
                       v.mul_high() + to_b + f(kFLw) + byte_loads;
  const auto result_lo = (f(kFAdd) + f(kFSub)) * c(kOutLo) + (f(kFSlt) + f(kFSltu)) * c(kLt) +
                         v.bitwise() * (c(kBitR0) + c(kBitR1) * k256) + to_a * c(kWordALo) +
                         v.mul_high() * c(kWordCLo) + to_b * c(kWordBLo) + f(kFLw) * c(kOldLo) +
                         byte_loads * c(kMemVal) + f(kFLb) * c(kMemSign) * Fp::from_u64(0xff00);
  const auto result_hi = (f(kFAdd) + f(kFSub)) * c(kOutHi) +
                         v.bitwise() * (c(kBitR2) + c(kBitR3) * k256) + to_a * c(kWordAHi) +
                         v.mul_high() * c(kWordCHi) + to_b * c(kWordBHi) + f(kFLw) * c(kOldHi) +
                         (f(kFLb) + f(kFLh)) * c(kMemSign) * Fp::from_u64(0xffff);
  s.assert_zero("cpu.result_lo", kRow, covered * c(kRdLo) - result_lo);
  s.assert_zero("cpu.result_hi", kRow, covered * c(kRdHi) - result_hi);
  s.assert_zero("cpu.link", kRow, (f(kFJal) + f(kFJalr)) * (v.word(kRdLo, kRdHi) - c(kPc) - four));

  // --- exit (attack: wrong exit code) ---
  boolean("cpu.exit_boolean", kIsExit);
  const auto exit = c(kIsExit);
  s.assert_zero("cpu.exit_is_ecall", kRow, exit * (one - f(kFEcall)));
  s.assert_zero("cpu.exit_number", kRow, exit * (rs1 - v.k(93)) * (rs1 - v.k(94)));
  s.assert_zero("cpu.exit_code", kRow, exit * (rs2 - s.public_input(kPubExitCode)));
  s.assert_zero("cpu.exit_keeps_a0_lo", kRow, exit * (c(kRdLo) - c(kRs2Lo)));
  s.assert_zero("cpu.exit_keeps_a0_hi", kRow, exit * (c(kRdHi) - c(kRs2Hi)));

  eval_bus(s, *this);
}

}  // namespace baobab::zkvm::rv
