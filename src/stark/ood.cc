#include "src/stark/ood.h"

#include <bit>

#include "src/common/check.h"
#include "src/field/batch_inverse.h"
#include "src/field/roots.h"

namespace baobab::stark {

std::vector<Fp3> barycentric_weights(uint64_t n, const Fp3& z) {
  BAOBAB_CHECK(n != 0 && std::has_single_bit(n), "barycentric_weights: n not a power of two");
  const Fp omega = field::two_adic_root(std::countr_zero(n));
  std::vector<Fp3> weights(n);
  Fp point = Fp::one();
  for (uint64_t i = 0; i < n; ++i) {
    weights[i] = z - point;
    BAOBAB_CHECK(!weights[i].is_zero(), "barycentric_weights: z lies in the trace domain");
    point *= omega;
  }
  field::batch_inverse(weights, weights);
  const Fp3 scale = (z.pow(n) - Fp3::one()) * Fp::from_u64(n).inverse();
  point = Fp::one();
  for (uint64_t i = 0; i < n; ++i) {
    weights[i] = weights[i] * point * scale;
    point *= omega;
  }
  return weights;
}

std::vector<Fp3> evaluate_columns_at(field::ConstMatrixView columns, std::span<const Fp3> weights) {
  BAOBAB_CHECK(columns.cols == 0 || columns.rows == weights.size(),
               "evaluate_columns_at: weights for another domain");
  std::vector<Fp3> out(columns.cols);
#pragma omp parallel for schedule(dynamic, 1)
  for (int64_t c = 0; c < static_cast<int64_t>(columns.cols); ++c) {
    const Fp* column = columns.column(static_cast<uint64_t>(c));
    Fp3 sum = Fp3::zero();
    for (uint64_t i = 0; i < weights.size(); ++i) sum += weights[i] * column[i];
    out[static_cast<uint64_t>(c)] = sum;
  }
  return out;
}

std::vector<Fp3> evaluate_coefficients_at(field::ConstMatrixView coefficients, const Fp3& z) {
  std::vector<Fp3> out(coefficients.cols);
#pragma omp parallel for schedule(dynamic, 1)
  for (int64_t c = 0; c < static_cast<int64_t>(coefficients.cols); ++c) {
    const Fp* column = coefficients.column(static_cast<uint64_t>(c));
    Fp3 acc = Fp3::zero();
    for (uint64_t k = coefficients.rows; k-- > 0;) acc = acc * z + column[k];
    out[static_cast<uint64_t>(c)] = acc;
  }
  return out;
}

Fp3 recombine_coordinates(const Fp3& c0, const Fp3& c1, const Fp3& c2) {
  const Fp3 x(Fp::zero(), Fp::one(), Fp::zero());
  return c0 + c1 * x + c2 * (x * x);
}

}  // namespace baobab::stark
