// Air: the type-erased view of one AIR table that the prover and verifier
// hold in a list (one entry per table), and AirAdapter, which builds it from
// a concrete AIR class whose constraints are written once (STYLE §5).
//
// A concrete AIR is a class with
//   TableInfo info() const;
//   template <class S> void eval(S& s) const;      // the constraints, once
// and optionally
//   void build_preprocessed(MatrixView out) const; // n × num_preprocessed
//   void build_aux(const TraceView& trace, const ConstraintInputs& inputs,
//                  MatrixView aux_out, std::span<Fp3> aux_values_out) const;
//   void build_aux_rows(const TraceView& trace, const ConstraintInputs& inputs,
//                       uint64_t first, MatrixView aux_out,
//                       std::span<Fp3> block_sums_out) const;  // with
//   std::vector<AuxRunningSum> aux_running_sums() const;
//   (the rows of a block, for the distributed prover; see Air below)
// eval() reads values through the sink S and states each constraint with
//   s.assert_zero("table.name", ConstraintKind::k..., expr);
// Accessors: s.main(c), s.main_next(c), s.preprocessed(c),
// s.preprocessed_next(c) and s.public_input(i), s.constant(Fp) give
// S::Base; s.aux(c), s.aux_next(c), s.challenge(i), s.aux_value(i) give
// S::Ext. Base is Fp in the debug checker and the prover, Fp3 in the
// verifier and a Degree in the degree counter, so expressions must compile
// for both mixes: arithmetic among Base, among Ext, Ext ± Base, Ext · Base,
// Base · Ext, and Base/Ext with Fp constants on the right (Fp3 has no
// Fp + Fp3: write the Ext operand first, or use s.constant()). eval() must be
// straight-line (no branches on values): every sink sees the same sequence
// of constraints, and the i-th gets the coefficient α^i.
//
// Virtual calls happen once per batch of rows, never per element: each
// method below runs the AIR's eval() instantiated for a concrete sink.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "src/air/constraint.h"
#include "src/air/debug_sink.h"
#include "src/air/degree_counter.h"
#include "src/air/lde_sink.h"
#include "src/air/table.h"
#include "src/air/verifier_sink.h"
#include "src/common/check.h"
#include "src/common/simd_level.h"

namespace baobab::air {

// Rows per call of an AIR's packed (AVX-512) evaluator: one per lane.
inline constexpr uint64_t kPackedLdeRows = 8;

class Air {
 public:
  virtual ~Air() = default;

  virtual const TableInfo& info() const = 0;
  // Every constraint in declaration order (α^i belongs to entry i).
  virtual const std::vector<ConstraintInfo>& constraints() const = 0;

  // Largest constraint degree, and the number of degree-<n chunks of the
  // composition polynomial (constraint_chunks() maximised over constraints).
  int max_degree() const;
  int quotient_chunks() const;
  bool has_kind(ConstraintKind kind) const;

  // Preprocessed columns over the trace domain (n × num_preprocessed).
  virtual void build_preprocessed(MatrixView out) const = 0;
  // Aux columns (n × 3·num_aux coordinates) and aux values from the main and
  // preprocessed columns and the challenges in `inputs` (its aux_values are
  // ignored). Does nothing for tables without aux columns.
  virtual void build_aux(const TraceView& trace, const ConstraintInputs& inputs, MatrixView aux_out,
                         std::span<Fp3> aux_values_out) const = 0;
  // Rows [first, first + aux_out.rows) of the aux columns only, for a prover
  // that splits rows over ranks (DESIGN §4): `trace` holds the whole main
  // and preprocessed columns or a block view of those rows (TraceView::
  // block_rows, with the next row); each running sum of aux_running_sums() starts
  // at zero at row `first`, and block_sums_out[i] gets the block's sum of
  // running sum i. False, with nothing written, for an AIR without it (the
  // caller builds the whole columns).
  virtual bool build_aux_rows(const TraceView& trace, const ConstraintInputs& inputs,
                              uint64_t first, MatrixView aux_out,
                              std::span<Fp3> block_sums_out) const = 0;
  // The running sums build_aux_rows() starts from zero; it applies only when
  // they reveal every aux value.
  virtual std::vector<AuxRunningSum> aux_running_sums() const = 0;

  // (a) Debug checker: the first failing constraint on rows [first, first +
  // count), lowest row first, then declaration order.
  virtual std::optional<RowFailure> first_failure(const TraceView& trace,
                                                  const ConstraintInputs& inputs, uint64_t first,
                                                  uint64_t count) const = 0;
  // (b) Verifier: per-kind sums Σ α^i C_i(z) at the out-of-domain point.
  virtual KindSums eval_ood(const OodFrame& frame, const ConstraintInputs& inputs,
                            std::span<const Fp3> alpha_powers) const = 0;
  // (d) Prover: per-kind sums for LDE rows [first, first + out.size()).
  virtual void eval_lde_rows(const LdeView& lde, const ConstraintInputs& inputs,
                             std::span<const Fp3> alpha_powers, uint64_t first,
                             std::span<KindSums> out) const = 0;
};

template <class A>
class AirAdapter final : public Air {
 public:
  explicit AirAdapter(A air) : air_(std::move(air)), info_(air_.info()) {
    BAOBAB_CHECK(info_.log_rows >= 0 && info_.log_rows <= Fp::kTwoAdicity,
                 "AirAdapter: log_rows outside [0, 32]");
    DegreeCounter counter(info_);  // (c): bounds-checks every index once
    air_.eval(counter);
    constraints_ = counter.constraints();
    std::unordered_set<std::string> names;
    for (const ConstraintInfo& c : constraints_) {
      BAOBAB_CHECK(names.insert(c.name).second,
                   "AIR '" + info_.name + "': constraint name '" + c.name + "' used twice");
      BAOBAB_CHECK(c.degree <= kMaxConstraintDegree,
                   "AIR '" + info_.name + "': constraint '" + c.name + "' has degree " +
                       std::to_string(c.degree) + " > " + std::to_string(kMaxConstraintDegree));
    }
  }

  const A& air() const { return air_; }
  const TableInfo& info() const override { return info_; }
  const std::vector<ConstraintInfo>& constraints() const override { return constraints_; }

  void build_preprocessed(MatrixView out) const override {
    BAOBAB_CHECK(out.rows == info_.rows() && out.cols == info_.num_preprocessed,
                 "build_preprocessed: output shape");
    if constexpr (requires { air_.build_preprocessed(out); }) {
      air_.build_preprocessed(out);
    } else {
      BAOBAB_CHECK(info_.num_preprocessed == 0,
                   "AIR declares preprocessed columns but has no build_preprocessed()");
    }
  }

  void build_aux(const TraceView& trace, const ConstraintInputs& inputs, MatrixView aux_out,
                 std::span<Fp3> aux_values_out) const override {
    BAOBAB_CHECK(aux_out.rows == info_.rows() && aux_out.cols == info_.num_aux_base_columns(),
                 "build_aux: output shape");
    BAOBAB_CHECK(aux_values_out.size() == info_.num_aux_values, "build_aux: aux value count");
    if constexpr (requires { air_.build_aux(trace, inputs, aux_out, aux_values_out); }) {
      air_.build_aux(trace, inputs, aux_out, aux_values_out);
    } else {
      BAOBAB_CHECK(info_.num_aux == 0 && info_.num_aux_values == 0,
                   "AIR declares aux columns or values but has no build_aux()");
    }
  }

  bool build_aux_rows(const TraceView& trace, const ConstraintInputs& inputs, uint64_t first,
                      MatrixView aux_out, std::span<Fp3> block_sums_out) const override {
    if constexpr (requires {
                    air_.build_aux_rows(trace, inputs, first, aux_out, block_sums_out);
                  }) {
      BAOBAB_CHECK(aux_out.cols == info_.num_aux_base_columns() && first <= info_.rows() &&
                       aux_out.rows <= info_.rows() - first,
                   "build_aux_rows: output shape");
      BAOBAB_CHECK(block_sums_out.size() == aux_running_sums().size(),
                   "build_aux_rows: one block sum per running sum");
      air_.build_aux_rows(trace, inputs, first, aux_out, block_sums_out);
      return true;
    } else {
      return false;
    }
  }

  std::vector<AuxRunningSum> aux_running_sums() const override {
    if constexpr (requires { air_.aux_running_sums(); }) {
      return air_.aux_running_sums();
    } else {
      return {};
    }
  }

  std::optional<RowFailure> first_failure(const TraceView& trace, const ConstraintInputs& inputs,
                                          uint64_t first, uint64_t count) const override {
    // Eight rows per AVX-512 register where the AIR provides that path
    // (trace_packed_avx512.h); a failing group is re-run row by row.
    if constexpr (requires { air_.first_failure_avx512(trace, inputs, first, count); }) {
      if (count % kPackedLdeRows == 0 && active_simd_level() == SimdLevel::kAvx512) {
        return air_.first_failure_avx512(trace, inputs, first, count);
      }
    }
    return first_failure_scalar(trace, inputs, first, count);
  }

  // The row-at-a-time check, also for tests that compare the two.
  std::optional<RowFailure> first_failure_scalar(const TraceView& trace,
                                                 const ConstraintInputs& inputs, uint64_t first,
                                                 uint64_t count) const {
    DebugRowSink sink(trace, info_.rows(), inputs);
    for (uint64_t row = first; row < first + count; ++row) {
      sink.start_row(row);
      air_.eval(sink);
      if (sink.failed_constraint() != DebugRowSink::kNoFailure) {
        return RowFailure{row, sink.failed_constraint()};
      }
    }
    return std::nullopt;
  }

  KindSums eval_ood(const OodFrame& frame, const ConstraintInputs& inputs,
                    std::span<const Fp3> alpha_powers) const override {
    VerifierSink sink(frame, inputs, alpha_powers);
    air_.eval(sink);
    return sink.sums();
  }

  void eval_lde_rows(const LdeView& lde, const ConstraintInputs& inputs,
                     std::span<const Fp3> alpha_powers, uint64_t first,
                     std::span<KindSums> out) const override {
    // Eight rows per AVX-512 register where the AIR provides that path
    // (lde_packed_sink_avx512.h); the same sums, row by row, otherwise.
    if constexpr (requires { air_.eval_lde_rows_avx512(lde, inputs, alpha_powers, first, out); }) {
      if (out.size() % kPackedLdeRows == 0 && active_simd_level() == SimdLevel::kAvx512) {
        air_.eval_lde_rows_avx512(lde, inputs, alpha_powers, first, out);
        return;
      }
    }
    eval_lde_rows_scalar(lde, inputs, alpha_powers, first, out);
  }

  // The row-at-a-time path, also for tests that compare the two.
  void eval_lde_rows_scalar(const LdeView& lde, const ConstraintInputs& inputs,
                            std::span<const Fp3> alpha_powers, uint64_t first,
                            std::span<KindSums> out) const {
    LdeRowSink sink(lde, info_.rows() * lde.blowup, inputs, alpha_powers);
    for (uint64_t k = 0; k < out.size(); ++k) {
      sink.start_row(first + k);
      air_.eval(sink);
      out[k] = sink.sums();
    }
  }

 private:
  A air_;
  TableInfo info_;
  std::vector<ConstraintInfo> constraints_;
};

template <class A>
std::unique_ptr<Air> make_air(A air) {
  return std::make_unique<AirAdapter<A>>(std::move(air));
}

// α^0, α^1, ..., α^(count-1): the coefficients of the constraints.
std::vector<Fp3> alpha_powers(Fp3 alpha, uint64_t count);

}  // namespace baobab::air
