// Evaluating committed polynomials at the out-of-domain points z and z·ω_n
// (docs/stark.md, phase "ood"): barycentric evaluation from the values on the
// trace domain <ω_n>, and Horner evaluation from coefficients.
#pragma once

#include <span>
#include <vector>

#include "src/field/barycentric.h"
#include "src/field/ext3.h"
#include "src/field/matrix_view.h"

namespace baobab::stark {

using field::Fp;
using field::Fp3;

// Barycentric weights and evaluation from values: src/field/barycentric.h.
using field::barycentric_weights;
using field::evaluate_columns_at;

// Σ_k coefficients[k] · z^k for each column (coefficients, lowest first).
std::vector<Fp3> evaluate_coefficients_at(field::ConstMatrixView coefficients, const Fp3& z);

// The Fp3 element whose coordinates are the three values: c0 + c1·X + c2·X^2
// with c_j in Fp3 (recombines coordinate columns of an Fp3 column).
Fp3 recombine_coordinates(const Fp3& c0, const Fp3& c1, const Fp3& c2);

}  // namespace baobab::stark
