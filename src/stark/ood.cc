#include "src/stark/ood.h"

#include <algorithm>
#include <bit>

#include "src/common/check.h"
#include "src/field/batch_inverse.h"
#include "src/field/roots.h"

namespace baobab::stark {

std::vector<Fp3> barycentric_weights(uint64_t n, const Fp3& z) {
  BAOBAB_CHECK(n != 0 && std::has_single_bit(n), "barycentric_weights: n not a power of two");
  const Fp omega = field::two_adic_root(std::countr_zero(n));
  const Fp3 scale = (z.pow(n) - Fp3::one()) * Fp::from_u64(n).inverse();
  std::vector<Fp3> weights(n);
  // Independent blocks, one batch inversion each, split among OpenMP threads
  // (the values are exact, so the split changes none of them).
  constexpr uint64_t kBlock = 4096;
  const auto blocks = static_cast<int64_t>((n + kBlock - 1) / kBlock);
  bool in_domain = false;
#pragma omp parallel for schedule(static) reduction(|| : in_domain)
  for (int64_t bi = 0; bi < blocks; ++bi) {
    const uint64_t first = static_cast<uint64_t>(bi) * kBlock;
    const std::span<Fp3> block = std::span(weights).subspan(first, std::min(kBlock, n - first));
    bool hit = false;
    Fp point = omega.pow(first);
    for (Fp3& w : block) {
      w = z - point;
      hit = hit || w.is_zero();
      point *= omega;
    }
    in_domain = in_domain || hit;
    if (hit) continue;  // reported below, outside the parallel region
    field::batch_inverse(block, block);
    point = omega.pow(first);
    for (Fp3& w : block) {
      w = w * point * scale;
      point *= omega;
    }
  }
  BAOBAB_CHECK(!in_domain, "barycentric_weights: z lies in the trace domain");
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
