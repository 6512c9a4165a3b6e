// The boundary tables of offline memory checking (docs/rv32im-air.md §3,
// §4 "fixed_mem", "zero_mem"). Each writes every cell it owns once at
// timestamp 0 with its initial value and reads it back once with its final
// value and timestamp; the accesses of the cpu, ecall and io tables sit in
// between. Together the two tables own each cell at most once:
//   fixed_mem  the 36 registers and every image word (preprocessed: the
//              verifier knows the cells and initial values);
//   zero_mem   touched RAM words outside the image (initial value 0), word
//              indices strictly increasing, each inside a gap of the image.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "src/air/table.h"
#include "zkvm/air/bus.h"
#include "zkvm/air/memory_tracker.h"
#include "zkvm/air/program_info.h"
#include "zkvm/air/public_inputs.h"
#include "zkvm/air/table_trace.h"

namespace baobab::zkvm::rv {

struct FixedMemRow {
  uint64_t cell = 0;
  uint32_t init = 0;
  bool free = false;         // initial value chosen by the prover (range-checked limbs)
  bool readonly = false;     // final value = initial value
  bool check_final = false;  // final value = expect
  uint32_t expect = 0;
};

struct FixedMemContent {
  std::vector<FixedMemRow> rows;  // registers 0..35, then the image words
};

FixedMemContent make_fixed_mem_content(const ProgramInfo& info, uint64_t public_input_length,
                                       uint64_t public_output_length);

class FixedMemAir : public BusAux<FixedMemAir> {
 public:
  static constexpr uint64_t kMessages = 4;
  // Preprocessed columns.
  enum Pre : uint64_t {
    kPreCell,
    kPreInitLo,
    kPreInitHi,
    kPreReal,
    kPreFree,
    kPreReadonly,
    kPreCheckFinal,
    kPreExpectLo,
    kPreExpectHi,
    kNumPre
  };
  // Main columns.
  enum Col : uint64_t { kFreeLo, kFreeHi, kFinalLo, kFinalHi, kFinalTs, kNumMain };

  FixedMemAir(std::shared_ptr<const FixedMemContent> content, int log_rows);

  air::TableInfo info() const;

  template <class S>
  void eval(S& s) const {
    using K = ConstraintKind;
    const auto p = [&](uint64_t c) { return s.preprocessed(c); };
    const auto c = [&](uint64_t col) { return s.main(col); };
    const auto one = s.constant(Fp::one());
    // Only the free row (private input length) has a prover-chosen value.
    s.assert_zero("fixed_mem.free_lo", K::kEveryRow, (one - p(kPreFree)) * c(kFreeLo));
    s.assert_zero("fixed_mem.free_hi", K::kEveryRow, (one - p(kPreFree)) * c(kFreeHi));
    // Code words end as they started (attack: patched instructions).
    s.assert_zero("fixed_mem.readonly_lo", K::kEveryRow,
                  p(kPreReadonly) * (c(kFinalLo) - p(kPreInitLo) - c(kFreeLo)));
    s.assert_zero("fixed_mem.readonly_hi", K::kEveryRow,
                  p(kPreReadonly) * (c(kFinalHi) - p(kPreInitHi) - c(kFreeHi)));
    // The output length register ends at |O|.
    s.assert_zero("fixed_mem.final_lo", K::kEveryRow,
                  p(kPreCheckFinal) * (c(kFinalLo) - p(kPreExpectLo)));
    s.assert_zero("fixed_mem.final_hi", K::kEveryRow,
                  p(kPreCheckFinal) * (c(kFinalHi) - p(kPreExpectHi)));
    eval_bus(s, *this);
  }

  template <class S, class Emit>
  void interactions(S& s, Emit& emit) const {
    const auto real = s.preprocessed(kPreReal);
    const auto free = s.preprocessed(kPreFree);
    const auto cell = s.preprocessed(kPreCell);
    emit(real, Tag::kMemory,
         {cell, s.preprocessed(kPreInitLo) + s.main(kFreeLo),
          s.preprocessed(kPreInitHi) + s.main(kFreeHi), s.constant(Fp::zero())});
    emit(-real, Tag::kMemory, {cell, s.main(kFinalLo), s.main(kFinalHi), s.main(kFinalTs)});
    emit(free, Tag::kRange16, {s.main(kFreeLo)});
    emit(free, Tag::kRange16, {s.main(kFreeHi)});
  }

  void build_preprocessed(field::MatrixView out) const;

 private:
  std::shared_ptr<const FixedMemContent> content_;
  int log_rows_;
};

// Main columns of fixed_mem: final states from the tracker (an image word
// never touched keeps (init, 0)); the free row holds the private length.
TableTrace fill_fixed_mem(const FixedMemContent& content, int log_rows,
                          const MemoryTracker& tracker, uint64_t private_input_length);

class ZeroMemAir : public BusAux<ZeroMemAir> {
 public:
  static constexpr uint64_t kMessages = 9;
  static constexpr uint64_t kLimb = uint64_t{1} << 16;
  // Main columns. w is the word index (cell 4·w); g1 = w − gap_lo, g2 =
  // gap_hi − w and s = w − w_prev − 1 as 16-bit limb pairs.
  enum Col : uint64_t {
    kReal,
    kW,
    kFinalLo,
    kFinalHi,
    kFinalTs,
    kGapLo,
    kGapHi,
    kG1Lo,
    kG1Hi,
    kG2Lo,
    kG2Hi,
    kSLo,
    kSHi,
    kNumMain
  };

  explicit ZeroMemAir(int log_rows) : log_rows_(log_rows) {}

  air::TableInfo info() const;

  template <class S>
  void eval(S& s) const {
    using K = ConstraintKind;
    const auto c = [&](uint64_t col) { return s.main(col); };
    const auto n = [&](uint64_t col) { return s.main_next(col); };
    const auto one = s.constant(Fp::one());
    const auto limb = Fp::from_u64(kLimb);
    const auto real = c(kReal);
    s.assert_zero("zero_mem.real_bool", K::kEveryRow, real * (one - real));
    // Real rows first: the increasing chain below covers all of them.
    s.assert_zero("zero_mem.real_prefix", K::kTransition, n(kReal) * (one - real));
    // Strictly increasing word indices: no cell gets two initial values.
    s.assert_zero("zero_mem.increasing", K::kTransition,
                  n(kReal) * (n(kW) - c(kW) - one - n(kSLo) - n(kSHi) * limb));
    // gap_lo <= w <= gap_hi: the cell lies outside the image.
    s.assert_zero("zero_mem.above_gap_lo", K::kEveryRow,
                  real * (c(kW) - c(kGapLo) - c(kG1Lo) - c(kG1Hi) * limb));
    s.assert_zero("zero_mem.below_gap_hi", K::kEveryRow,
                  real * (c(kGapHi) - c(kW) - c(kG2Lo) - c(kG2Hi) * limb));
    eval_bus(s, *this);
  }

  template <class S, class Emit>
  void interactions(S& s, Emit& emit) const {
    const auto real = s.main(kReal);
    const auto cell = s.main(kW) * Fp::from_u64(4);
    const auto zero = s.constant(Fp::zero());
    emit(real, Tag::kMemory, {cell, zero, zero, zero});
    emit(-real, Tag::kMemory, {cell, s.main(kFinalLo), s.main(kFinalHi), s.main(kFinalTs)});
    emit(real, Tag::kGap, {s.main(kGapLo), s.main(kGapHi)});
    for (uint64_t col : {kG1Lo, kG1Hi, kG2Lo, kG2Hi, kSLo, kSHi}) {
      emit(real, Tag::kRange16, {s.main(col)});
    }
  }

 private:
  int log_rows_;
};

// Rows of zero_mem: RAM cells the execution accessed (ts > 0) outside the image.
uint64_t zero_mem_rows(const ProgramInfo& info, const MemoryTracker& tracker);
// Main columns of zero_mem, cells in increasing order, each with its gap.
TableTrace fill_zero_mem(const ProgramInfo& info, int log_rows, const MemoryTracker& tracker);

}  // namespace baobab::zkvm::rv
