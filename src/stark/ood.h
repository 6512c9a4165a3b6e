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

// Barycentric weights of the trace domain <ω_n> at z, computed once per point
// and shared by every column group of a table:
//   f(z) = Σ_i weights[i] · f_i,  weights[i] = (z^n - 1)/n · ω^i / (z - ω^i).
// z must not lie in <ω_n> (checked).
std::vector<Fp3> barycentric_weights(uint64_t n, const Fp3& z);

// For each column of `columns` (n rows, the values at ω_n^i), the value at z
// of its interpolating polynomial of degree < n. OpenMP over columns.
std::vector<Fp3> evaluate_columns_at(field::ConstMatrixView columns, std::span<const Fp3> weights);

// Σ_k coefficients[k] · z^k for each column (coefficients, lowest first).
std::vector<Fp3> evaluate_coefficients_at(field::ConstMatrixView coefficients, const Fp3& z);

// The Fp3 element whose coordinates are the three values: c0 + c1·X + c2·X^2
// with c_j in Fp3 (recombines coordinate columns of an Fp3 column).
Fp3 recombine_coordinates(const Fp3& c0, const Fp3& c1, const Fp3& c2);

}  // namespace baobab::stark
