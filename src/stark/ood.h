// Evaluating committed polynomials at the out-of-domain points z and z·ω_n
// (docs/stark.md, phase "ood"): barycentric evaluation from the values on the
// trace domain <ω_n>, and Horner evaluation from coefficients.
#pragma once

#include <span>
#include <vector>

#include "src/field/ext3.h"
#include "src/field/matrix_view.h"

namespace baobab::stark {

using field::Fp;
using field::Fp3;

// For each column of `columns` (n = 2^log_n rows, the values at ω_n^i), the
// value at z of its interpolating polynomial of degree < n:
//   f(z) = (z^n - 1)/n · Σ_i f_i · ω^i / (z - ω^i).
// z must not lie in <ω_n> (checked). OpenMP over columns.
std::vector<Fp3> evaluate_columns_at(field::ConstMatrixView columns, const Fp3& z);

// Σ_k coefficients[k] · z^k for each column (coefficients, lowest first).
std::vector<Fp3> evaluate_coefficients_at(field::ConstMatrixView coefficients, const Fp3& z);

// The Fp3 element whose coordinates are the three values: c0 + c1·X + c2·X^2
// with c_j in Fp3 (recombines coordinate columns of an Fp3 column).
Fp3 recombine_coordinates(const Fp3& c0, const Fp3& c1, const Fp3& c2);

}  // namespace baobab::stark
