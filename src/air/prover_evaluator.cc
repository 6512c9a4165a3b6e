#include "src/air/prover_evaluator.h"

#include <algorithm>
#include <vector>

#include "src/air/vanishing.h"
#include "src/field/batch_inverse.h"
#include "src/field/roots.h"

namespace baobab::air {
namespace {

void check_lde_shape(const Air& air, const LdeView& lde, const ConstraintInputs& inputs,
                     uint64_t out_size) {
  const TableInfo& info = air.info();
  const uint64_t b = lde.blowup;
  BAOBAB_CHECK(b != 0 && (b & (b - 1)) == 0, "evaluate_composition: blowup not a power of two");
  BAOBAB_CHECK(
      b >= static_cast<uint64_t>(air.quotient_chunks()),
      "evaluate_composition: blowup below the number of quotient chunks of '" + info.name + "'");
  BAOBAB_CHECK(info.log_rows + __builtin_ctzll(b) <= Fp::kTwoAdicity,
               "evaluate_composition: LDE beyond the field's 2-adicity");
  Fp power = lde.shift;  // shift^(2^32) = 1 iff shift lies in the 2-adic subgroup
  for (int i = 0; i < Fp::kTwoAdicity; ++i) power = power.square();
  BAOBAB_CHECK(power != Fp::one(), "evaluate_composition: coset shift inside the 2-adic subgroup");
  const uint64_t big = info.rows() * b;
  const uint64_t step = lde.row_step;
  BAOBAB_CHECK(step != 0 && (step & (step - 1)) == 0 && step <= b &&
                   b / step >= static_cast<uint64_t>(air.quotient_chunks()),
               "evaluate_composition: row step must leave at least quotient_chunks points per row");
  // Stored rows of every view: the whole coset, or a block and its halo.
  uint64_t stored = big;
  if (lde.block_rows == 0) {
    BAOBAB_CHECK(out_size == big / step,
                 "evaluate_composition: output size differs from n·blowup/row_step");
  } else {
    BAOBAB_CHECK(out_size == lde.block_rows && lde.first_row <= big / step &&
                     lde.block_rows <= big / step - lde.first_row,
                 "evaluate_composition: block outside the evaluation domain");
    stored = lde.block_rows * step + b;
  }
  BAOBAB_CHECK(info.num_main == 0 || (lde.main.rows == stored && lde.main.cols == info.num_main),
               "evaluate_composition: main LDE shape");
  BAOBAB_CHECK(info.num_preprocessed == 0 || (lde.preprocessed.rows == stored &&
                                              lde.preprocessed.cols == info.num_preprocessed),
               "evaluate_composition: preprocessed LDE shape");
  BAOBAB_CHECK(
      info.num_aux == 0 || (lde.aux.rows == stored && lde.aux.cols == info.num_aux_base_columns()),
      "evaluate_composition: aux LDE shape");
  BAOBAB_CHECK(inputs.public_inputs.size() >= info.num_public_inputs &&
                   inputs.challenges.size() >= info.num_challenges &&
                   inputs.aux_values.size() >= info.num_aux_values,
               "evaluate_composition: fewer inputs than the table declares");
}

}  // namespace

void evaluate_composition(const Air& air, const LdeView& lde, const ConstraintInputs& inputs,
                          const Fp3& alpha, std::span<Fp3> out) {
  check_lde_shape(air, lde, inputs, out.size());
  const TableInfo& info = air.info();
  const int log_n = info.log_rows;
  const uint64_t n = info.rows();
  // The evaluation domain: shift·<ω_big>, big = n·blowup points of the
  // sub-coset the sinks read (every row_step-th LDE row).
  const uint64_t blowup = lde.blowup / lde.row_step;
  const int log_big = log_n + __builtin_ctzll(blowup);
  const uint64_t big = n * blowup;
  const Fp shift = lde.shift;
  const Fp omega_big = field::two_adic_root(log_big);
  const Fp omega_last = last_row_point(log_n);

  // x_j^n - 1 = shift^n · ω_blowup^(j mod blowup) - 1: `blowup` values.
  std::vector<Fp> inv_zh(blowup);
  {
    const Fp shift_n = shift.pow(n);
    const Fp omega_b = field::two_adic_root(__builtin_ctzll(blowup));
    Fp power = Fp::one();
    for (uint64_t r = 0; r < blowup; ++r) {
      inv_zh[r] = shift_n * power - Fp::one();
      power *= omega_b;
    }
    field::batch_inverse(inv_zh, inv_zh);
  }

  const std::vector<Fp3> powers = alpha_powers(alpha, air.constraints().size());
  const bool need_first = air.has_kind(ConstraintKind::kFirstRow);
  const bool need_last = air.has_kind(ConstraintKind::kLastRow);
  // Rows of the output: the whole domain, or a block [first_row, + count).
  const uint64_t first_row = lde.block_rows == 0 ? 0 : lde.first_row;
  const uint64_t count = lde.block_rows == 0 ? big : lde.block_rows;
  // A power of two dividing count (blocks of a row split are such multiples).
  const uint64_t block_rows = std::min(kCompositionBlockRows, count & (~count + 1));
  const uint64_t blocks = count / block_rows;
  constexpr size_t kEvery = kind_index(ConstraintKind::kEveryRow);
  constexpr size_t kTrans = kind_index(ConstraintKind::kTransition);
  constexpr size_t kFirst = kind_index(ConstraintKind::kFirstRow);
  constexpr size_t kLast = kind_index(ConstraintKind::kLastRow);

#pragma omp parallel
  {
    std::vector<KindSums> sums(block_rows);
    std::vector<Fp> x(block_rows);
    std::vector<Fp> inv_first(need_first ? block_rows : 0);
    std::vector<Fp> inv_last(need_last ? block_rows : 0);
#pragma omp for schedule(static)
    for (uint64_t b = 0; b < blocks; ++b) {
      const uint64_t first = first_row + b * block_rows;
      air.eval_lde_rows(lde, inputs, powers, first, sums);
      Fp point = shift * omega_big.pow(first);
      for (uint64_t k = 0; k < block_rows; ++k) {
        x[k] = point;
        point *= omega_big;
      }
      if (need_first) {
        for (uint64_t k = 0; k < block_rows; ++k) inv_first[k] = x[k] - Fp::one();
        field::batch_inverse(inv_first, inv_first);
      }
      if (need_last) {
        for (uint64_t k = 0; k < block_rows; ++k) inv_last[k] = x[k] - omega_last;
        field::batch_inverse(inv_last, inv_last);
      }
      for (uint64_t k = 0; k < block_rows; ++k) {
        const KindSums& s = sums[k];
        const uint64_t j = first + k;
        // 1/Z_transition = (x - ω^(n-1)) / (x^n - 1).
        Fp3 h = (s[kEvery] + s[kTrans] * (x[k] - omega_last)) * inv_zh[j & (blowup - 1)];
        if (need_first) h += s[kFirst] * inv_first[k];
        if (need_last) h += s[kLast] * inv_last[k];
        out[j - first_row] = h;
      }
    }
  }
}

}  // namespace baobab::air
