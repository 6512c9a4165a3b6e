#include "src/field/barycentric.h"

#include <algorithm>
#include <array>
#include <bit>

#include "src/common/check.h"
#include "src/field/batch_inverse.h"
#include "src/field/roots.h"

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

namespace {

// Σ a_i·b_i of 64-bit values as a 128-bit integer and a count of its
// wraps, reduced modulo p once at the end: a third of the cost of reducing
// every product (the OOD frame is ~200 dot products of n terms each).
class WideSum {
 public:
  [[gnu::always_inline]] void add_product(uint64_t a, uint64_t b) {
    const uint128_t product = static_cast<uint128_t>(a) * b;
    low_ += product;
    wraps_ += low_ < product ? 1 : 0;
  }
  Fp reduce() const {
    // 2^128 mod p = (2^64 mod p)^2 = (2^32 - 1)^2.
    const Fp two_128 = Fp::from_u64(Fp::kEpsilon) * Fp::from_u64(Fp::kEpsilon);
    return Fp::from_canonical(Fp::reduce128(low_)) + Fp::from_u64(wraps_) * two_128;
  }

 private:
  uint128_t low_ = 0;
  uint64_t wraps_ = 0;
};

}  // namespace

std::vector<Fp3> evaluate_columns_at(field::ConstMatrixView columns, std::span<const Fp3> weights) {
  BAOBAB_CHECK(columns.cols == 0 || columns.rows == weights.size(),
               "evaluate_columns_at: weights for another domain");
  std::vector<Fp3> out(columns.cols);
  // Columns in groups that share each weight read.
  constexpr uint64_t kGroup = 4;
  const auto groups = static_cast<int64_t>((columns.cols + kGroup - 1) / kGroup);
#pragma omp parallel for schedule(dynamic, 1)
  for (int64_t g = 0; g < groups; ++g) {
    const uint64_t first = static_cast<uint64_t>(g) * kGroup;
    const uint64_t count = std::min(kGroup, columns.cols - first);
    std::array<const Fp*, kGroup> column{};
    std::array<std::array<WideSum, 3>, kGroup> sum{};
    for (uint64_t k = 0; k < count; ++k) column[k] = columns.column(first + k);
    for (uint64_t i = 0; i < weights.size(); ++i) {
      const Fp3& w = weights[i];
      for (uint64_t k = 0; k < count; ++k) {
        const uint64_t v = column[k][i].value();
        for (int j = 0; j < 3; ++j) sum[k][static_cast<size_t>(j)].add_product(w[j].value(), v);
      }
    }
    for (uint64_t k = 0; k < count; ++k) {
      out[first + k] = {sum[k][0].reduce(), sum[k][1].reduce(), sum[k][2].reduce()};
    }
  }
  return out;
}

}  // namespace baobab::field
