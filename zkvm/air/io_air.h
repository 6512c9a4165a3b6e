// The io table of the RV32IM AIR (docs/rv32im-air.md §4 "io"): the bytes a
// read (fd 0, fd 3) or a public write (fd 1) moves. One row per aligned word
// the buffer [buf, buf + n) touches, consecutive rows per syscall (a
// "chain": first row .. last row), then all-zero padding rows.
//
// Each row accesses its word `cell` in slot 2 of cycle clk; byte k of the
// word is enabled (e_k = 1) when it lies in the buffer, and `so` is the
// stream offset of byte 0 of the word (so + k that of byte k).
//
// Chain shape:
//   * the table's first row, if real, is first; the last row is padding or
//     last; a real non-last row is followed by a real non-first row, and a
//     real non-first row follows a real non-last row (no orphan rows);
//   * continuation rows keep clk, the kind, buf and n and advance cell and
//     so by 4 and the count cnt by Σe;
//   * the mask is 0*1*0* over the chain: inside a row no enabled byte
//     follows a disabled one after an enabled one (fall_k·e_l = 0, l > k),
//     non-last rows end enabled (e3 = 1), non-first rows start enabled
//     (e0 = 1); so the enabled bytes are one contiguous run;
//   * first row: cnt = Σe and buf = cell + (position of the first enabled
//     byte), last row: cnt = n. Hence the run is exactly [buf, buf + n).
// The first row receives the ecall table's io message (clk, kind, buf, n,
// stream offset of byte buf = so + buf − cell). The ecall table has checked
// buf + n <= 2^32, so the chain's cells stay below the register cells.
//
// Bytes: disabled bytes and fd 1 bytes are written back unchanged; old and
// new bytes are range-checked by split lookups on their 16-bit limbs (which
// also makes the new limbs valid memory values). fd 3 bytes are looked up
// in public_in (attack: forged public input byte), fd 1 bytes in public_out
// (attack: forged public output byte), fd 0 bytes are free.
//
// Cells need no alignment check: unaligned cells have no boundary row, so
// their accesses cannot balance (docs/rv32im-air.md §3).
#pragma once

#include <cstdint>
#include <span>

#include "src/air/table.h"
#include "zkvm/air/bus.h"
#include "zkvm/air/public_inputs.h"

namespace baobab::zkvm::rv {

class IoAir : public BusAux<IoAir> {
 public:
  static constexpr uint64_t kMessages = 17;
  static constexpr uint64_t kLimb = uint64_t{1} << 16;

  // Main columns: k_in / k_priv / k_out are the kind (fd 3 read, fd 0 read,
  // fd 1 write); o_k, n_k the old and new bytes; (d_lo, d_hi) = ts −
  // prev_ts − 1 of the word access.
  // clang-format off
  enum Col : uint64_t {
    kReal, kFirst, kLast, kClk, kKIn, kKPriv, kKOut, kBuf, kN, kSo, kCnt, kCell,
    kE0, kE1, kE2, kE3,
    kO0, kO1, kO2, kO3,
    kN0, kN1, kN2, kN3,
    kPrevTs, kDLo, kDHi,
    kNumMain
  };
  // clang-format on

  explicit IoAir(int log_rows) : log_rows_(log_rows) {}

  air::TableInfo info() const;

  template <class S>
  void eval(S& s) const {
    using K = ConstraintKind;
    const auto c = [&](uint64_t col) { return s.main(col); };
    const auto nx = [&](uint64_t col) { return s.main_next(col); };
    const auto k = [](uint64_t v) { return Fp::from_u64(v); };
    const auto one = s.constant(Fp::one());
    const auto real = c(kReal), first = c(kFirst), last = c(kLast);
    const auto e = [&](uint64_t i) { return c(kE0 + i); };

    for (const auto& [col, name] : kBooleans) {
      s.assert_zero(name, K::kEveryRow, c(col) * (one - c(col)));
    }
    s.assert_zero("io.first_real", K::kEveryRow, first * (one - real));
    s.assert_zero("io.last_real", K::kEveryRow, last * (one - real));
    s.assert_zero("io.one_kind", K::kEveryRow, c(kKIn) + c(kKPriv) + c(kKOut) - real);

    // Chain shape. `cont` = a real non-last row (continued on the next row).
    const auto cont = real - last;
    s.assert_zero("io.start", K::kFirstRow, real - first);
    s.assert_zero("io.end", K::kLastRow, cont);
    s.assert_zero("io.cont_real", K::kTransition, cont * (one - nx(kReal)));
    s.assert_zero("io.cont_not_first", K::kTransition, cont * nx(kFirst));
    s.assert_zero("io.no_orphan", K::kTransition, (nx(kReal) - nx(kFirst)) * (one - cont));
    for (const auto& [col, name] : kKept) {
      s.assert_zero(name, K::kTransition, cont * (nx(col) - c(col)));
    }
    s.assert_zero("io.cell_step", K::kTransition, cont * (nx(kCell) - c(kCell) - k(4)));
    s.assert_zero("io.so_step", K::kTransition, cont * (nx(kSo) - c(kSo) - k(4)));
    const auto sum_next = nx(kE0) + nx(kE1) + nx(kE2) + nx(kE3);
    s.assert_zero("io.cnt_step", K::kTransition, cont * (nx(kCnt) - c(kCnt) - sum_next));

    // Mask 0*1*0*.
    s.assert_zero("io.mask_cont_end", K::kEveryRow, cont * (one - e(3)));
    s.assert_zero("io.mask_cont_start", K::kEveryRow, (real - first) * (one - e(0)));
    s.assert_zero("io.mask_fall1_e2", K::kEveryRow, e(0) * (one - e(1)) * e(2));
    s.assert_zero("io.mask_fall1_e3", K::kEveryRow, e(0) * (one - e(1)) * e(3));
    s.assert_zero("io.mask_fall2_e3", K::kEveryRow, e(1) * (one - e(2)) * e(3));
    const auto sum = e(0) + e(1) + e(2) + e(3);
    s.assert_zero("io.first_cnt", K::kEveryRow, first * (c(kCnt) - sum));
    // Position of the first enabled byte: the k with e_k (1 − e_(k−1)).
    const auto start =
        e(1) * (one - e(0)) + e(2) * (one - e(1)) * k(2) + e(3) * (one - e(2)) * k(3);
    s.assert_zero("io.first_buf", K::kEveryRow, first * (c(kBuf) - c(kCell) - start));
    s.assert_zero("io.last_cnt", K::kEveryRow, last * (c(kCnt) - c(kN)));

    // Bytes.
    for (uint64_t i = 0; i < 4; ++i) {
      const auto diff = c(kN0 + i) - c(kO0 + i);
      s.assert_zero(kKeepNames[i], K::kEveryRow, (one - e(i)) * diff);
      s.assert_zero(kOutNames[i], K::kEveryRow, c(kKOut) * diff);
    }
    s.assert_zero("io.ts", K::kEveryRow,
                  real * (c(kClk) * k(4) + k(5) - c(kPrevTs) - c(kDLo) - c(kDHi) * k(kLimb)));
    eval_bus(s, *this);
  }

  template <class S, class Emit>
  void interactions(S& s, Emit& emit) const {
    const auto c = [&](uint64_t col) { return s.main(col); };
    const auto k = [](uint64_t v) { return Fp::from_u64(v); };
    const auto real = c(kReal);
    const auto limb = [&](uint64_t b0) { return c(b0) + c(b0 + 1) * k(256); };
    const auto ts = c(kClk) * k(4) + k(4 + kSlotMemory);
    emit(-c(kFirst), Tag::kIo,
         {c(kClk),
          c(kKIn) * k(kIoReadPublic) + c(kKPriv) * k(kIoReadPrivate) + c(kKOut) * k(kIoWritePublic),
          c(kBuf), c(kN), c(kSo) + c(kBuf) - c(kCell)});
    emit(-real, Tag::kMemory, {c(kCell), limb(kO0), limb(kO2), c(kPrevTs)});
    emit(real, Tag::kMemory, {c(kCell), limb(kN0), limb(kN2), ts});
    emit(real, Tag::kRange16, {c(kDLo)});
    emit(real, Tag::kRange16, {c(kDHi)});
    for (uint64_t b0 : {kO0, kO2, kN0, kN2}) emit(real, Tag::kSplit, {limb(b0), c(b0)});
    for (uint64_t i = 0; i < 4; ++i) {
      emit(c(kKIn) * c(kE0 + i), Tag::kPublicIn, {c(kSo) + k(i), c(kN0 + i)});
    }
    for (uint64_t i = 0; i < 4; ++i) {
      emit(c(kKOut) * c(kE0 + i), Tag::kPublicOut, {c(kSo) + k(i), c(kO0 + i)});
    }
  }

 private:
  struct Named {
    Col col;
    const char* name;
  };
  static constexpr Named kBooleans[] = {{kReal, "io.real_bool"},    {kFirst, "io.first_bool"},
                                        {kLast, "io.last_bool"},    {kKIn, "io.k_in_bool"},
                                        {kKPriv, "io.k_priv_bool"}, {kKOut, "io.k_out_bool"},
                                        {kE0, "io.e0_bool"},        {kE1, "io.e1_bool"},
                                        {kE2, "io.e2_bool"},        {kE3, "io.e3_bool"}};
  // Columns a chain keeps from row to row.
  static constexpr Named kKept[] = {{kClk, "io.keep_clk"},      {kKIn, "io.keep_k_in"},
                                    {kKPriv, "io.keep_k_priv"}, {kKOut, "io.keep_k_out"},
                                    {kBuf, "io.keep_buf"},      {kN, "io.keep_n"}};
  static constexpr const char* kKeepNames[] = {"io.keep_byte0", "io.keep_byte1", "io.keep_byte2",
                                               "io.keep_byte3"};
  static constexpr const char* kOutNames[] = {"io.out_byte0", "io.out_byte1", "io.out_byte2",
                                              "io.out_byte3"};
  int log_rows_;
};

}  // namespace baobab::zkvm::rv
