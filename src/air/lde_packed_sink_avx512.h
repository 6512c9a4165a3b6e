// LdePackedSink: LdeRowSink (lde_sink.h) on eight consecutive logical LDE
// rows at once, one per AVX-512 lane; the AIR's eval() runs unchanged with
// Base = PackedFp and Ext = PackedFp3. Lane k's sums equal LdeRowSink's for
// row j + k (the field operators are exact), so proofs keep their bytes;
// tests/zkvm/air/cpu_air_packed_test.cc compares the two.
//
// Include only from *_avx512.cc files (STYLE §9). An AIR opts in by
// declaring
//   void eval_lde_rows_avx512(const LdeView&, const ConstraintInputs&,
//                             std::span<const Fp3>, uint64_t first,
//                             std::span<KindSums> out) const;
// defined in its own *_avx512.cc as a call to eval_lde_rows_packed(); the
// AirAdapter calls it when the CPU has AVX-512 and out.size() is a multiple
// of eight.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "src/air/constraint.h"
#include "src/air/packed_inputs_avx512.h"
#include "src/air/packed_rows_avx512.h"
#include "src/air/table.h"
#include "src/common/check.h"
#include "src/field/simd/avx512_packed.h"

namespace baobab::air {

// Sums α^i·C_i per constraint kind for eight rows, as LdeRowSink does for
// one.
class LdePackedSink : public PackedRows, public PackedInputs {
 public:
  using Base = PackedRows::Base;
  using Ext = PackedRows::Ext;

  // window: PackedWindow::load(lde, ...); shift = blowup / row_step.
  LdePackedSink(const TraceView& window, uint64_t shift, const ConstraintInputs& inputs,
                std::span<const Fp3> alpha_powers)
      : PackedRows(window, shift), PackedInputs(inputs), alpha_powers_(alpha_powers) {}

  // Moves to logical rows row .. row+7 and clears the sums.
  void start_rows(uint64_t row) {
    at(row);
    index_ = 0;
    for (Ext& s : sums_) s = Ext::zero();
  }
  // Lane k's sums (row + k).
  KindSums sums(uint64_t k) const {
    KindSums out;
    for (size_t i = 0; i < kConstraintKindCount; ++i) out[i] = sums_[i].lane(k);
    return out;
  }

  [[gnu::always_inline]] void assert_zero(std::string_view, ConstraintKind kind, const Base& v) {
    sums_[kind_index(kind)] += Ext::splat(alpha_powers_[index_++]) * v;
  }
  [[gnu::always_inline]] void assert_zero(std::string_view, ConstraintKind kind, const Ext& v) {
    sums_[kind_index(kind)] += Ext::splat(alpha_powers_[index_++]) * v;
  }

 private:
  std::span<const Fp3> alpha_powers_;
  uint64_t index_ = 0;
  std::array<Ext, kConstraintKindCount> sums_{};
};

// AirAdapter::eval_lde_rows for an AIR that opts in (see above): rows
// [first, first + out.size()), eight at a time, one window at a time.
template <class A>
void eval_lde_rows_packed(const A& air, const LdeView& lde, const ConstraintInputs& inputs,
                          std::span<const Fp3> alpha_powers, uint64_t first,
                          std::span<KindSums> out) {
  constexpr uint64_t kLanes = PackedRows::kLanes;
  BAOBAB_CHECK(out.size() % kLanes == 0, "eval_lde_rows_packed: row count not a multiple of 8");
  // One window per thread, reused: the composition calls this per block.
  thread_local PackedWindow window;
  const uint64_t lde_rows = air.info().rows() * lde.blowup;
  for (uint64_t begin = 0; begin < out.size(); begin += PackedWindow::kRows) {
    const uint64_t rows = std::min<uint64_t>(PackedWindow::kRows, out.size() - begin);
    LdePackedSink sink(window.load(lde, lde_rows, first + begin, rows), lde.blowup / lde.row_step,
                       inputs, alpha_powers);
    for (uint64_t k = 0; k < rows; k += kLanes) {
      sink.start_rows(first + begin + k);
      air.eval(sink);
      for (uint64_t lane = 0; lane < kLanes; ++lane) out[begin + k + lane] = sink.sums(lane);
    }
  }
}

}  // namespace baobab::air
