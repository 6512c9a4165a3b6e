// LdePackedSink: LdeRowSink (lde_sink.h) on eight consecutive logical LDE
// rows at once, one per AVX-512 lane; the AIR's eval() runs unchanged with
// Base = PackedFp and Ext = PackedFp3. Lane k's sums equal LdeRowSink's for
// row j + k (the field operators are exact), so proofs keep their bytes;
// tests/air/lde_packed_sink_test.cc compares the two.
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
#include <vector>

#include "src/air/constraint.h"
#include "src/air/packed_inputs_avx512.h"
#include "src/air/table.h"
#include "src/common/check.h"
#include "src/field/simd/avx512_packed.h"

namespace baobab::air {

// The rows a packed evaluation reads, copied out of the LDE: logical rows
// [first, first + rows + shift) of every main, preprocessed and aux column,
// contiguous per column (pitch = rows + shift elements). The LDE is column-
// major and the composition reads every row_step-th row of ~200 columns;
// reading those in place makes every access a cache miss (more streams than
// the prefetcher follows), copying one column at a time streams.
class PackedRowWindow {
 public:
  // Logical row `first` onwards, `rows` of them, and the `shift` next rows.
  void load(const LdeView& lde, uint64_t lde_rows, uint64_t first, uint64_t rows) {
    const uint64_t step = lde.row_step;
    const uint64_t shift = lde.blowup / step;
    const uint64_t mask = lde_rows / step - 1;
    pitch_ = rows + shift;
    const uint64_t cols = lde.main.cols + lde.preprocessed.cols + lde.aux.cols;
    if (data_.size() < cols * pitch_) data_.resize(cols * pitch_);
    Fp* out = data_.data();
    main_ = out;
    copy(lde.main, lde, mask, step, first, out);
    preprocessed_ = out;
    copy(lde.preprocessed, lde, mask, step, first, out);
    aux_ = out;
    copy(lde.aux, lde, mask, step, first, out);
  }
  uint64_t pitch() const { return pitch_; }
  const Fp* main() const { return main_; }
  const Fp* preprocessed() const { return preprocessed_; }
  const Fp* aux() const { return aux_; }

 private:
  void copy(const ConstMatrixView& m, const LdeView& lde, uint64_t mask, uint64_t step,
            uint64_t first, Fp*& out) const {
    for (uint64_t c = 0; c < m.cols; ++c) {
      const Fp* column = m.column(c);
      for (uint64_t i = 0; i < pitch_; ++i) {
        // Stored row of logical row first + i: a block view holds its rows
        // from 0 and never wraps; a whole view wraps (LdeRowSink).
        const uint64_t logical = first + i;
        const uint64_t stored =
            lde.block_rows != 0 ? (logical - lde.first_row) * step : (logical & mask) * step;
        out[i] = column[stored];
      }
      out += pitch_;
    }
  }

  std::vector<Fp> data_;
  uint64_t pitch_ = 0;
  const Fp* main_ = nullptr;
  const Fp* preprocessed_ = nullptr;
  const Fp* aux_ = nullptr;
};

class LdePackedSink : public PackedInputs {
 public:
  using Base = field::avx512::PackedFp;
  using Ext = field::avx512::PackedFp3;
  static constexpr uint64_t kLanes = field::avx512::kLanes;

  LdePackedSink(const PackedRowWindow& window, uint64_t shift, const ConstraintInputs& inputs,
                std::span<const Fp3> alpha_powers)
      : PackedInputs(inputs), window_(window), shift_(shift), alpha_powers_(alpha_powers) {}

  // Moves to the window's rows local .. local+7 and clears the sums.
  void start_rows(uint64_t local) {
    local_ = local;
    index_ = 0;
    for (Ext& s : sums_) s = Ext::zero();
  }
  // Lane k's sums (window row local + k).
  KindSums sums(uint64_t k) const {
    KindSums out;
    for (size_t i = 0; i < kConstraintKindCount; ++i) out[i] = sums_[i].lane(k);
    return out;
  }

  [[gnu::always_inline]] Base main(uint64_t c) const { return load(window_.main(), c, 0); }
  [[gnu::always_inline]] Base main_next(uint64_t c) const {
    return load(window_.main(), c, shift_);
  }
  [[gnu::always_inline]] Base preprocessed(uint64_t c) const {
    return load(window_.preprocessed(), c, 0);
  }
  [[gnu::always_inline]] Base preprocessed_next(uint64_t c) const {
    return load(window_.preprocessed(), c, shift_);
  }
  [[gnu::always_inline]] Ext aux(uint64_t c) const { return aux_at(c, 0); }
  [[gnu::always_inline]] Ext aux_next(uint64_t c) const { return aux_at(c, shift_); }
  [[gnu::always_inline]] Base constant(Fp v) const { return Base::splat(v); }

  [[gnu::always_inline]] void assert_zero(std::string_view, ConstraintKind kind, const Base& v) {
    sums_[kind_index(kind)] += Ext::splat(alpha_powers_[index_++]) * v;
  }
  [[gnu::always_inline]] void assert_zero(std::string_view, ConstraintKind kind, const Ext& v) {
    sums_[kind_index(kind)] += Ext::splat(alpha_powers_[index_++]) * v;
  }

 private:
  [[gnu::always_inline]] Base load(const Fp* columns, uint64_t c, uint64_t offset) const {
    return {field::avx512::load(columns + c * window_.pitch() + local_ + offset)};
  }
  // An aux (Fp3) column is stored as three coordinate columns.
  [[gnu::always_inline]] Ext aux_at(uint64_t c, uint64_t offset) const {
    const uint64_t first = kAuxCoordinates * c;
    return {load(window_.aux(), first, offset), load(window_.aux(), first + 1, offset),
            load(window_.aux(), first + 2, offset)};
  }

  const PackedRowWindow& window_;
  uint64_t shift_;
  std::span<const Fp3> alpha_powers_;
  uint64_t local_ = 0;
  uint64_t index_ = 0;
  std::array<Ext, kConstraintKindCount> sums_{};
};

// Rows per window: ~200 columns of 256 rows stay in a 1 MiB L2.
inline constexpr uint64_t kPackedWindowRows = 256;

// AirAdapter::eval_lde_rows for an AIR that opts in (see above): rows
// [first, first + out.size()), eight at a time.
template <class A>
void eval_lde_rows_packed(const A& air, const LdeView& lde, const ConstraintInputs& inputs,
                          std::span<const Fp3> alpha_powers, uint64_t first,
                          std::span<KindSums> out) {
  constexpr uint64_t kLanes = LdePackedSink::kLanes;
  BAOBAB_CHECK(out.size() % kLanes == 0, "eval_lde_rows_packed: row count not a multiple of 8");
  // One window per thread, reused: the composition calls this per block.
  thread_local PackedRowWindow window;
  const uint64_t lde_rows = air.info().rows() * lde.blowup;
  LdePackedSink sink(window, lde.blowup / lde.row_step, inputs, alpha_powers);
  for (uint64_t begin = 0; begin < out.size(); begin += kPackedWindowRows) {
    const uint64_t rows = std::min<uint64_t>(kPackedWindowRows, out.size() - begin);
    window.load(lde, lde_rows, first + begin, rows);
    for (uint64_t k = 0; k < rows; k += kLanes) {
      sink.start_rows(k);
      air.eval(sink);
      for (uint64_t lane = 0; lane < kLanes; ++lane) out[begin + k + lane] = sink.sums(lane);
    }
  }
}

}  // namespace baobab::air
