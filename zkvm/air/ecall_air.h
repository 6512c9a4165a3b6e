// The ecall table of the RV32IM AIR (docs/rv32im-air.md §4 "ecall"): one
// row per non-exit ecall, then all-zero padding rows. It receives the cpu's
// (clk, a7, a0, ret) message, reads a1 and a2 and accesses one syscall state
// register in slot 2, checks the syscall's semantics and sends an io message
// to the io table when a read or a public write moves bytes.
//
// Selectors (booleans, summing to real): s_rpub read fd 3, s_rpriv read
// fd 0, s_wpub write fd 1, s_wdbg write fd 2, s_brk. The state register is
// 33 / 34 / 35 / 32 respectively (none for fd 2); `old` is its value before,
// `new` after the call. With a0 = fd (request for brk), a1 = buf, a2 = count:
//   read    lt = [old < a2], cmp_a = lt ? a2 − old − 1 : old − a2 (32 bits),
//           ret = n = lt ? old : a2 = min(a2, old), new = old − n;
//           fd 3: stream offset = |I| − old (fd 0: free, the input is secret)
//   write   ret = n = a2; fd 1: new = old + a2, stream offset = old
//   brk     lt_a = [a0 < initial], lt_b = [limit < a0] by 32-bit differences
//           cmp_a, cmp_b; valid = (1 − lt_a)(1 − lt_b); new = valid ? a0 : old;
//           ret = new
// `has_io` (the io message's multiplicity) is 1 exactly when a read or a
// public write has n > 0; then cmp_b = 2^32 − buf − n ≥ 0 (attack: an io
// chain running past 2^32 − 4 into the register cells 2^32 + r).
//
// Ranges: a0, a1, a2 and old are read from memory (16-bit limbs), ret's
// limbs are range-checked by the cpu, new's and cmp_a/cmp_b's here, so each
// equation between 32-bit values holds over the integers.
#pragma once

#include <cstdint>
#include <span>

#include "src/air/table.h"
#include "zkvm/air/bus.h"
#include "zkvm/air/public_inputs.h"

namespace baobab::zkvm::rv {

class EcallAir : public BusAux<EcallAir> {
 public:
  static constexpr uint64_t kMessages = 20;
  static constexpr uint64_t kLimb = uint64_t{1} << 16;
  // Syscall numbers (a7) and file descriptors (a0) the table accepts.
  static constexpr uint64_t kRead = 63;
  static constexpr uint64_t kWrite = 64;
  static constexpr uint64_t kBrk = 214;
  static constexpr uint64_t kFdPrivateIn = 0;
  static constexpr uint64_t kFdPublicOut = 1;
  static constexpr uint64_t kFdDebug = 2;
  static constexpr uint64_t kFdPublicIn = 3;

  // Main columns. *_prev_ts and (d_lo, d_hi) = ts − prev_ts − 1 belong to the
  // slot-2 accesses of a1, a2 and the state register.
  // clang-format off
  enum Col : uint64_t {
    kReal, kClk, kA7, kA0Lo, kA0Hi, kRetLo, kRetHi,
    kA1Lo, kA1Hi, kA1PrevTs, kA1DLo, kA1DHi,
    kA2Lo, kA2Hi, kA2PrevTs, kA2DLo, kA2DHi,
    kSReadPub, kSReadPriv, kSWritePub, kSWriteDbg, kSBrk,
    kOldLo, kOldHi, kNewLo, kNewHi, kStPrevTs, kStDLo, kStDHi,
    kLtA, kCmpALo, kCmpAHi, kLtB, kCmpBLo, kCmpBHi, kValid,
    kOffset, kHasIo,
    kNumMain
  };
  // clang-format on
  // interactions() and the witness rely on these adjacencies.
  static_assert(kA1DHi == kA1Lo + 4 && kA2DHi == kA2Lo + 4 && kStDHi == kStPrevTs + 2);

  explicit EcallAir(int log_rows) : log_rows_(log_rows) {}

  air::TableInfo info() const;

  template <class S>
  void eval(S& s) const {
    using K = ConstraintKind;
    const auto c = [&](uint64_t col) { return s.main(col); };
    const auto word = [&](uint64_t lo) { return c(lo) + c(lo + 1) * Fp::from_u64(kLimb); };
    const auto k = [](uint64_t v) { return Fp::from_u64(v); };
    const auto one = s.constant(Fp::one());
    const auto real = c(kReal);
    const auto rpub = c(kSReadPub), rpriv = c(kSReadPriv), wpub = c(kSWritePub);
    const auto wdbg = c(kSWriteDbg), brk = c(kSBrk);
    const auto read = rpub + rpriv;
    const auto transfer = read + wpub;  // the kinds that may move bytes
    const auto state = real - wdbg;     // rows with a state-register access
    const auto a0 = word(kA0Lo), a2 = word(kA2Lo), ret = word(kRetLo);
    const auto old = word(kOldLo), neu = word(kNewLo);
    const auto cmp_a = word(kCmpALo), cmp_b = word(kCmpBLo);
    const auto lt_a = c(kLtA), lt_b = c(kLtB);

    for (const auto& [col, name] : kBooleans) {
      s.assert_zero(name, K::kEveryRow, c(col) * (one - c(col)));
    }
    // Exactly one syscall per real row, none on padding.
    s.assert_zero("ecall.one_syscall", K::kEveryRow, read + wpub + wdbg + brk - real);
    s.assert_zero("ecall.a7", K::kEveryRow,
                  c(kA7) - read * k(kRead) - (wpub + wdbg) * k(kWrite) - brk * k(kBrk));
    s.assert_zero(
        "ecall.fd", K::kEveryRow,
        (one - brk) * (a0 - rpub * k(kFdPublicIn) - wpub * k(kFdPublicOut) - wdbg * k(kFdDebug)));
    // Slot-2 timestamps: ts − prev_ts − 1 = 4·clk + 5 − prev_ts ≥ 0.
    const auto ts_gap = [&](uint64_t prev, uint64_t d_lo) {
      return c(kClk) * k(4) + k(5) - c(prev) - word(d_lo);
    };
    s.assert_zero("ecall.a1_ts", K::kEveryRow, real * ts_gap(kA1PrevTs, kA1DLo));
    s.assert_zero("ecall.a2_ts", K::kEveryRow, real * ts_gap(kA2PrevTs, kA2DLo));
    s.assert_zero("ecall.state_ts", K::kEveryRow, state * ts_gap(kStPrevTs, kStDLo));

    // read: n = min(a2, old).
    s.assert_zero("ecall.read_cmp", K::kEveryRow,
                  read * (cmp_a - lt_a * (a2 - old - one) - (one - lt_a) * (old - a2)));
    s.assert_zero("ecall.read_ret", K::kEveryRow, read * (ret - lt_a * old - (one - lt_a) * a2));
    s.assert_zero("ecall.read_new", K::kEveryRow, read * (neu - old + ret));
    s.assert_zero("ecall.public_read_offset", K::kEveryRow,
                  rpub * (c(kOffset) - s.public_input(kPubInputLength) + old));
    // write: n = a2.
    s.assert_zero("ecall.write_ret", K::kEveryRow, (wpub + wdbg) * (ret - a2));
    s.assert_zero("ecall.write_new", K::kEveryRow, wpub * (neu - old - a2));
    s.assert_zero("ecall.write_offset", K::kEveryRow, wpub * (c(kOffset) - old));
    // brk: the request a0 is taken iff initial <= a0 <= limit.
    const auto initial = s.public_input(kPubInitialBrk);
    const auto limit = s.public_input(kPubBrkLimit);
    s.assert_zero("ecall.brk_low", K::kEveryRow,
                  brk * (cmp_a - lt_a * (initial - a0 - one) - (one - lt_a) * (a0 - initial)));
    s.assert_zero("ecall.brk_high", K::kEveryRow,
                  brk * (cmp_b - lt_b * (a0 - limit - one) - (one - lt_b) * (limit - a0)));
    s.assert_zero("ecall.brk_valid", K::kEveryRow, brk * (c(kValid) - (one - lt_a) * (one - lt_b)));
    s.assert_zero("ecall.brk_new", K::kEveryRow, brk * (neu - old - c(kValid) * (a0 - old)));
    s.assert_zero("ecall.brk_ret", K::kEveryRow, brk * (ret - neu));
    // io: sent by reads and public writes, exactly when they move bytes.
    const auto has_io = c(kHasIo);
    s.assert_zero("ecall.io_kind", K::kEveryRow, has_io * (one - transfer));
    s.assert_zero("ecall.io_needed", K::kEveryRow, (one - has_io) * transfer * ret);
    s.assert_zero("ecall.io_buffer_end", K::kEveryRow,
                  has_io * (s.constant(k(kRegisterCellBase)) - word(kA1Lo) - ret - cmp_b));
    eval_bus(s, *this);
  }

  template <class S, class Emit>
  void interactions(S& s, Emit& emit) const {
    const auto c = [&](uint64_t col) { return s.main(col); };
    const auto k = [](uint64_t v) { return Fp::from_u64(v); };
    const auto real = c(kReal);
    const auto state = real - c(kSWriteDbg);
    const auto ts = c(kClk) * k(4) + k(4 + kSlotMemory);
    emit(-real, Tag::kEcall, {c(kClk), c(kA7), c(kA0Lo), c(kA0Hi), c(kRetLo), c(kRetHi)});
    // a1 and a2: read and written back unchanged.
    for (uint64_t r : {uint64_t{11}, uint64_t{12}}) {
      const uint64_t base = r == 11 ? kA1Lo : kA2Lo;
      const auto cell = s.constant(k(register_cell(r)));
      emit(-real, Tag::kMemory, {cell, c(base), c(base + 1), c(base + 2)});
      emit(real, Tag::kMemory, {cell, c(base), c(base + 1), ts});
      emit(real, Tag::kRange16, {c(base + 3)});
      emit(real, Tag::kRange16, {c(base + 4)});
    }
    // The state register of the syscall (fd 2 has none).
    const auto cell = c(kSBrk) * k(kRegBrk) + c(kSReadPub) * k(kRegPublicRemaining) +
                      c(kSReadPriv) * k(kRegPrivateRemaining) +
                      c(kSWritePub) * k(kRegOutputLength) + k(kRegisterCellBase);
    emit(-state, Tag::kMemory, {cell, c(kOldLo), c(kOldHi), c(kStPrevTs)});
    emit(state, Tag::kMemory, {cell, c(kNewLo), c(kNewHi), ts});
    // Unused limbs are 0 (in range), so every real row checks all eight.
    for (uint64_t col : {kStDLo, kStDHi, kNewLo, kNewHi, kCmpALo, kCmpAHi, kCmpBLo, kCmpBHi}) {
      emit(real, Tag::kRange16, {c(col)});
    }
    emit(c(kHasIo), Tag::kIo,
         {c(kClk),
          c(kSReadPub) * k(kIoReadPublic) + c(kSReadPriv) * k(kIoReadPrivate) +
              c(kSWritePub) * k(kIoWritePublic),
          c(kA1Lo) + c(kA1Hi) * k(kLimb), c(kRetLo) + c(kRetHi) * k(kLimb), c(kOffset)});
  }

 private:
  struct Boolean {
    Col col;
    const char* name;
  };
  static constexpr Boolean kBooleans[] = {
      {kReal, "ecall.real_bool"},         {kSReadPub, "ecall.s_rpub_bool"},
      {kSReadPriv, "ecall.s_rpriv_bool"}, {kSWritePub, "ecall.s_wpub_bool"},
      {kSWriteDbg, "ecall.s_wdbg_bool"},  {kSBrk, "ecall.s_brk_bool"},
      {kLtA, "ecall.lt_a_bool"},          {kLtB, "ecall.lt_b_bool"},
      {kHasIo, "ecall.has_io_bool"}};
  int log_rows_;
};

}  // namespace baobab::zkvm::rv
