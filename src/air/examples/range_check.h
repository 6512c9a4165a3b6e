// Two-table LogUp example (issue 3 item 6): table "range.values" holds
// values to range-check, table "range.table" the range [0, 2^8) as a
// preprocessed column with a multiplicity main column. Each has one aux
// column, its LogUp running sum with challenge γ = challenge 0 (logup.h):
//   values: s_i = Σ_{k<=i} 1/(γ - v_k)          (lookup side)
//   table:  s_i = -Σ_{k<=i} m_k/(γ - t_k)       (table side)
// and reveals its final sum as aux value 0. The tables have different
// heights; the verifier checks that the two final sums add to zero
// (check_logup_balance). Used by the framework's tests and the prover's
// end-to-end tests.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/air/constraint.h"
#include "src/air/table.h"

namespace baobab::air::examples {

inline constexpr int kRangeBits = 8;
inline constexpr uint64_t kRangeSize = uint64_t{1} << kRangeBits;

// Lookup side: every row's value must appear in the range table.
class RangeValuesAir {
 public:
  static constexpr uint64_t kColValue = 0;  // main
  static constexpr uint64_t kAuxSum = 0;
  static constexpr uint64_t kChallengeGamma = 0;
  static constexpr uint64_t kAuxValueFinal = 0;

  explicit RangeValuesAir(int log_rows) : log_rows_(log_rows) {}

  TableInfo info() const {
    TableInfo info;
    info.name = "range.values";
    info.log_rows = log_rows_;
    info.num_main = 1;
    info.num_aux = 1;
    info.num_challenges = 1;
    info.num_aux_values = 1;
    return info;
  }

  template <class S>
  void eval(S& s) const {
    using K = ConstraintKind;
    const auto gamma = s.challenge(kChallengeGamma);
    const auto sum = s.aux(kAuxSum);
    const auto one = s.constant(Fp::one());
    // s_0 = 1/(γ - v_0); s_(i+1) = s_i + 1/(γ - v_(i+1)); s_(n-1) = final.
    s.assert_zero("values.sum_init", K::kFirstRow, sum * (gamma - s.main(kColValue)) - one);
    s.assert_zero("values.sum_step", K::kTransition,
                  (s.aux_next(kAuxSum) - sum) * (gamma - s.main_next(kColValue)) - one);
    s.assert_zero("values.sum_final", K::kLastRow, sum - s.aux_value(kAuxValueFinal));
  }

  void build_aux(const TraceView& trace, const ConstraintInputs& inputs, MatrixView aux_out,
                 std::span<Fp3> aux_values_out) const;
  void build_aux_rows(const TraceView& trace, const ConstraintInputs& inputs, uint64_t first,
                      MatrixView aux_out, std::span<Fp3> block_sums_out) const;
  std::vector<AuxRunningSum> aux_running_sums() const { return {{kAuxSum, kAuxValueFinal}}; }

 private:
  int log_rows_;
};

// Table side: row t of the preprocessed column holds t; main holds how many
// times t is looked up.
class RangeTableAir {
 public:
  static constexpr uint64_t kColMultiplicity = 0;  // main
  static constexpr uint64_t kPreValue = 0;         // preprocessed
  static constexpr uint64_t kAuxSum = 0;
  static constexpr uint64_t kChallengeGamma = 0;
  static constexpr uint64_t kAuxValueFinal = 0;

  TableInfo info() const {
    TableInfo info;
    info.name = "range.table";
    info.log_rows = kRangeBits;
    info.num_main = 1;
    info.num_preprocessed = 1;
    info.num_aux = 1;
    info.num_challenges = 1;
    info.num_aux_values = 1;
    return info;
  }

  template <class S>
  void eval(S& s) const {
    using K = ConstraintKind;
    const auto gamma = s.challenge(kChallengeGamma);
    const auto sum = s.aux(kAuxSum);
    // s_0 = -m_0/(γ - t_0); s_(i+1) = s_i - m_(i+1)/(γ - t_(i+1)); s_(n-1) = final.
    s.assert_zero("table.sum_init", K::kFirstRow,
                  sum * (gamma - s.preprocessed(kPreValue)) + s.main(kColMultiplicity));
    s.assert_zero("table.sum_step", K::kTransition,
                  (s.aux_next(kAuxSum) - sum) * (gamma - s.preprocessed_next(kPreValue)) +
                      s.main_next(kColMultiplicity));
    s.assert_zero("table.sum_final", K::kLastRow, sum - s.aux_value(kAuxValueFinal));
  }

  void build_preprocessed(MatrixView out) const;
  void build_aux(const TraceView& trace, const ConstraintInputs& inputs, MatrixView aux_out,
                 std::span<Fp3> aux_values_out) const;
  void build_aux_rows(const TraceView& trace, const ConstraintInputs& inputs, uint64_t first,
                      MatrixView aux_out, std::span<Fp3> block_sums_out) const;
  std::vector<AuxRunningSum> aux_running_sums() const { return {{kAuxSum, kAuxValueFinal}}; }
};

// Main columns of both tables from the values to check. values.size() <=
// 2^log_rows; the rest of the values column is padded with 0 (in range, and
// counted). A value >= 2^8 is stored (mod p) but cannot be counted in the
// table: the witness then passes each table's debug check but its LogUp
// final sums do not cancel, which is what the verifier checks.
struct RangeCheckTrace {
  uint64_t value_rows = 0;
  std::vector<Fp> values;          // main of range.values (value_rows × 1)
  std::vector<Fp> multiplicities;  // main of range.table (kRangeSize × 1)
  std::vector<Fp> table;           // preprocessed of range.table (kRangeSize × 1)
};

RangeCheckTrace generate_range_check_trace(std::span<const uint64_t> values, int log_rows);

}  // namespace baobab::air::examples
