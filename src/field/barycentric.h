// Barycentric evaluation over the 2-adic subgroup <ω_n>: the value at a point
// z outside it of the polynomial of degree < n that takes the values f_i at
// ω^i. Used for out-of-domain evaluations (src/stark/ood.h), also by ranks
// that hold only a block of rows (src/dist: partial sums, then a sum over
// ranks).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/field/ext3.h"
#include "src/field/matrix_view.h"

namespace baobab::field {

// Weights of rows [first_row, first_row + row_count) of the domain <ω_n> at z:
//   f(z) = Σ_i weights[i] · f_i,  weights[i] = (z^n - 1)/n · ω^i / (z - ω^i).
// z must not lie in <ω_n> (checked).
std::vector<Fp3> barycentric_weights(uint64_t n, const Fp3& z, uint64_t first_row,
                                     uint64_t row_count);
inline std::vector<Fp3> barycentric_weights(uint64_t n, const Fp3& z) {
  return barycentric_weights(n, z, 0, n);
}

// For each column (rows matching the weights), Σ_i weights[i] · column[i]:
// the value at z when the weights cover the whole domain, a partial sum
// otherwise. OpenMP over columns.
std::vector<Fp3> evaluate_columns_at(ConstMatrixView columns, std::span<const Fp3> weights);

}  // namespace baobab::field
