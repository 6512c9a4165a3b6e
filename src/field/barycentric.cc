#include "src/field/barycentric.h"

#include <algorithm>
#include <array>
#include <bit>

#include "src/common/check.h"
#include "src/field/batch_inverse.h"
#include "src/field/roots.h"
#include "src/field/vector_ops.h"

namespace baobab::field {

std::vector<Fp3> barycentric_weights(uint64_t n, const Fp3& z, uint64_t first_row,
                                     uint64_t row_count) {
  BAOBAB_CHECK(n != 0 && std::has_single_bit(n), "barycentric_weights: n not a power of two");
  BAOBAB_CHECK(first_row <= n && row_count <= n - first_row,
               "barycentric_weights: rows outside the domain");
  const Fp omega = field::two_adic_root(std::countr_zero(n));
  const Fp3 z_to_n = z.pow(n);
  // z in <ω_n> iff z^n = 1: checked here for the whole domain, so a caller
  // holding only some rows cannot miss it.
  BAOBAB_CHECK(z_to_n != Fp3::one(), "barycentric_weights: z lies in the trace domain");
  const Fp3 scale = (z_to_n - Fp3::one()) * Fp::from_u64(n).inverse();
  std::vector<Fp3> weights(row_count);
  // Independent blocks, one batch inversion each, split among OpenMP threads
  // (the values are exact, so the split changes none of them).
  constexpr uint64_t kBlock = 4096;
  const auto blocks = static_cast<int64_t>((row_count + kBlock - 1) / kBlock);
  bool in_domain = false;
#pragma omp parallel for schedule(static) reduction(|| : in_domain)
  for (int64_t bi = 0; bi < blocks; ++bi) {
    const uint64_t first = static_cast<uint64_t>(bi) * kBlock;
    const std::span<Fp3> block =
        std::span(weights).subspan(first, std::min(kBlock, row_count - first));
    bool hit = false;
    Fp point = omega.pow(first_row + first);
    for (Fp3& w : block) {
      w = z - point;
      hit = hit || w.is_zero();
      point *= omega;
    }
    in_domain = in_domain || hit;
    if (hit) continue;  // reported below, outside the parallel region
    field::batch_inverse(block, block);
    point = omega.pow(first_row + first);
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
  if (columns.cols == 0) return out;
  // The weights' coordinates as three arrays, for the vector kernels.
  const uint64_t n = weights.size();
  std::vector<Fp> w0(n), w1(n), w2(n);
  for (uint64_t i = 0; i < n; ++i) {
    w0[i] = weights[i][0];
    w1[i] = weights[i][1];
    w2[i] = weights[i][2];
  }
  const VectorKernels& kernels = vector_kernels();
  // Columns in groups that share each weight read.
  const auto groups = static_cast<int64_t>((columns.cols + kDotColumns - 1) / kDotColumns);
#pragma omp parallel for schedule(dynamic, 1)
  for (int64_t g = 0; g < groups; ++g) {
    const uint64_t first = static_cast<uint64_t>(g) * kDotColumns;
    const uint64_t count = std::min(kDotColumns, columns.cols - first);
    std::array<const Fp*, kDotColumns> column{};
    for (uint64_t k = 0; k < count; ++k) column[k] = columns.column(first + k);
    std::array<Fp, 3 * kDotColumns> sums{};
    kernels.dot3_columns(w0.data(), w1.data(), w2.data(), column.data(), count, sums.data(), n);
    for (uint64_t k = 0; k < count; ++k)
      out[first + k] = {sums[3 * k], sums[3 * k + 1], sums[3 * k + 2]};
  }
  return out;
}

}  // namespace baobab::field
