// Test oracles for the composition: LDE of a table's trace, interpolation of
// the prover's composition values, and the out-of-domain frame computed
// directly from the interpolated column polynomials.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "src/air/air.h"
#include "src/air/ood_composition.h"
#include "src/air/prover_evaluator.h"
#include "src/air/table.h"
#include "src/air/verifier_sink.h"
#include "src/field/roots.h"
#include "src/ntt/lde.h"
#include "src/ntt/ntt.h"
#include "tests/src/air/test_util.h"

namespace baobab::air::testing {

// Column-major storage with a view.
struct Columns {
  std::vector<Fp> data;
  uint64_t rows = 0;
  uint64_t cols = 0;
  ConstMatrixView view() const { return {data.data(), rows, cols}; }
};

inline Columns lde_of(const ntt::NttPlan& plan, ConstMatrixView evals, uint64_t blowup, Fp shift) {
  Columns out{std::vector<Fp>(evals.rows * blowup * evals.cols), evals.rows * blowup, evals.cols};
  if (evals.cols == 0) return out;
  ntt::lde(plan, evals, blowup, MatrixView{out.data.data(), out.rows, out.cols},
           ntt::Order::kNatural, shift);
  return out;
}

inline Columns coefficients_of(const ntt::NttPlan& plan, ConstMatrixView evals) {
  Columns out{std::vector<Fp>(evals.rows * evals.cols), evals.rows, evals.cols};
  for (uint64_t c = 0; c < evals.cols; ++c) {
    for (uint64_t r = 0; r < evals.rows; ++r) out.data[c * evals.rows + r] = evals.at(r, c);
  }
  if (evals.cols == 0) return out;
  ntt::inverse(plan, MatrixView{out.data.data(), out.rows, out.cols}, ntt::Order::kNatural);
  return out;
}

// Σ_i c_i z^i for base-field coefficients.
inline Fp3 evaluate(const Fp* coeffs, uint64_t count, const Fp3& z) {
  Fp3 acc = Fp3::zero();
  for (uint64_t i = count; i-- > 0;) acc = acc * z + coeffs[i];
  return acc;
}

// A table's LDE (natural order) and its composition values.
struct LdeTable {
  Columns main, preprocessed, aux;
  uint64_t blowup = 0;
  Fp shift = field::kCosetShift;
  LdeView view() const { return {main.view(), preprocessed.view(), aux.view(), blowup, shift}; }
};

inline LdeTable lde_table(const ntt::NttPlan& plan, const TraceView& t, uint64_t blowup,
                          Fp shift = field::kCosetShift) {
  return {lde_of(plan, t.main, blowup, shift), lde_of(plan, t.preprocessed, blowup, shift),
          lde_of(plan, t.aux, blowup, shift), blowup, shift};
}

// The composition values as 3 coordinate columns, interpolated over the
// coset: the coefficients of H, coordinate-wise (big × 3).
inline Columns composition_coefficients(const ntt::NttPlan& plan, const std::vector<Fp3>& h,
                                        Fp shift) {
  const uint64_t big = h.size();
  Columns out{std::vector<Fp>(3 * big), big, 3};
  for (uint64_t j = 0; j < big; ++j) {
    for (int c = 0; c < 3; ++c) out.data[static_cast<uint64_t>(c) * big + j] = h[j][c];
  }
  ntt::coset_inverse(plan, MatrixView{out.data.data(), big, 3}, shift, ntt::Order::kNatural);
  return out;
}

// 1 + the highest index with a non-zero coefficient (0 for H = 0).
inline uint64_t degree_bound_of(const Columns& coeffs) {
  uint64_t bound = 0;
  for (uint64_t c = 0; c < coeffs.cols; ++c) {
    for (uint64_t i = 0; i < coeffs.rows; ++i) {
      if (!coeffs.data[c * coeffs.rows + i].is_zero()) bound = std::max(bound, i + 1);
    }
  }
  return bound;
}

// H(z) from H's coordinate coefficients, coefficients [first, first + count).
inline Fp3 evaluate_composition_poly(const Columns& coeffs, const Fp3& z, uint64_t first,
                                     uint64_t count) {
  const Fp* base = coeffs.data.data() + first;
  return combine_coordinates(evaluate(base, count, z), evaluate(base + coeffs.rows, count, z),
                             evaluate(base + 2 * coeffs.rows, count, z));
}

// Every column's polynomial at z and z·ω_n.
struct Frame {
  std::vector<Fp3> main, main_next, pre, pre_next, aux, aux_next;
  OodFrame view() const { return {main, main_next, pre, pre_next, aux, aux_next}; }
};

inline void evaluate_columns(const Columns& coeffs, const Fp3& z, const Fp3& zw,
                             std::vector<Fp3>& at, std::vector<Fp3>& at_next) {
  for (uint64_t c = 0; c < coeffs.cols; ++c) {
    const Fp* col = coeffs.data.data() + c * coeffs.rows;
    at.push_back(evaluate(col, coeffs.rows, z));
    at_next.push_back(evaluate(col, coeffs.rows, zw));
  }
}

inline Frame frame_at(const ntt::NttPlan& plan, const TraceView& t, int log_rows, const Fp3& z) {
  const Fp3 zw = z * field::two_adic_root(log_rows);
  Frame f;
  evaluate_columns(coefficients_of(plan, t.main), z, zw, f.main, f.main_next);
  evaluate_columns(coefficients_of(plan, t.preprocessed), z, zw, f.pre, f.pre_next);
  evaluate_columns(coefficients_of(plan, t.aux), z, zw, f.aux, f.aux_next);
  return f;
}

// Runs the whole comparison for one table: LDE, prover composition,
// interpolation (degree check), verifier value at a random z.
inline void expect_composition_consistent(const Air& air, const TraceView& trace,
                                          const ConstraintInputs& inputs, uint64_t blowup,
                                          bool honest, uint64_t seed,
                                          Fp shift = field::kCosetShift) {
  const int log_n = air.info().log_rows;
  const uint64_t n = air.info().rows();
  const ntt::NttPlan plan(log_n + __builtin_ctzll(blowup));
  std::mt19937_64 rng(seed);
  const Fp3 alpha = testing::random_fp3(rng);
  const Fp3 z = testing::random_fp3(rng);

  const auto lde = lde_table(plan, trace, blowup, shift);
  std::vector<Fp3> h(n * blowup);
  evaluate_composition(air, lde.view(), inputs, alpha, h);
  const Columns coeffs = composition_coefficients(plan, h, shift);
  const uint64_t chunks = static_cast<uint64_t>(air.quotient_chunks());
  const uint64_t bound = degree_bound_of(coeffs);
  if (!honest) {
    // Only values on more than chunks·n points can show a degree >= chunks·n.
    ASSERT_GT(blowup, chunks) << "test bug: blowup too small to see a high degree";
    EXPECT_GT(bound, chunks * n) << air.info().name << ": corrupted witness, low-degree H";
    return;
  }
  EXPECT_LE(bound, chunks * n) << air.info().name << " blowup " << blowup;
  EXPECT_GT(bound, 0u) << "H = 0 proves nothing about the test";

  const auto frame = frame_at(plan, trace, log_n, z);
  const Result<Fp3> at_z = composition_at(air, frame.view(), inputs, alpha, z);
  ASSERT_TRUE(at_z.ok()) << at_z.error().to_string();
  EXPECT_EQ(at_z.value(), evaluate_composition_poly(coeffs, z, 0, coeffs.rows));

  // The chunk split the prover commits to recombines to the same value.
  std::vector<Fp3> chunk_values;
  for (uint64_t k = 0; k < chunks; ++k) {
    chunk_values.push_back(evaluate_composition_poly(coeffs, z, k * n, n));
  }
  EXPECT_EQ(combine_chunks_at(chunk_values, z, log_n), at_z.value());
}

}  // namespace baobab::air::testing
