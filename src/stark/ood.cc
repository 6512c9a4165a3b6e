#include "src/stark/ood.h"

#include <algorithm>
#include <bit>

#include "src/common/check.h"
#include "src/field/batch_inverse.h"
#include "src/field/roots.h"

namespace baobab::stark {

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
