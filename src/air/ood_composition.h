// The verifier's side of the constraint composition (sink (b)): the value at
// the out-of-domain point z of
//   H(x) = Σ_kind ( Σ_{i of that kind} α^i C_i(x) ) / Z_kind(x)
// computed from the columns' values at z and z·ω_n (OodFrame), and the
// recombination of the prover's composition chunks at z. The verifier checks
// that the two agree; the prover's evaluator (prover_evaluator.h) computes
// the same H over the LDE coset.
#pragma once

#include <cstdint>
#include <span>

#include "src/air/air.h"
#include "src/air/table.h"
#include "src/common/result.h"

namespace baobab::air {

// H(z) for one table. Fails (kMalformedInput) when the frame or the inputs
// do not have the table's shape, or when z^n = 1.
Result<Fp3> composition_at(const Air& air, const OodFrame& frame, const ConstraintInputs& inputs,
                           const Fp3& alpha, const Fp3& z);

// Σ_k z^(k·n) H_k(z): H from the values at z of its chunks H_0 .. H_(C-1)
// (chunk k holds the coefficients [k·n, (k+1)·n) of H).
Fp3 combine_chunks_at(std::span<const Fp3> chunk_values, const Fp3& z, int log_rows);

}  // namespace baobab::air
