// Vanishing polynomials of the four constraint kinds (constraint.h) on the
// trace domain <ω_n>, n = 2^log_rows, and their inverses at a point:
//   Z_every(x) = x^n - 1             Z_transition(x) = (x^n - 1) / (x - ω^(n-1))
//   Z_first(x) = x - 1               Z_last(x)       = x - ω^(n-1)
// Called by the verifier (at z) and, through prover_evaluator.cc, by the
// prover (over the LDE coset, where x^n - 1 takes only `blowup` values).
#pragma once

#include <cstdint>

#include "src/air/constraint.h"
#include "src/common/result.h"
#include "src/field/ext3.h"

namespace baobab::air {

// ω_n^(n-1) = ω_n^-1, the point of the last row.
Fp last_row_point(int log_rows);

// 1 / Z_kind(z) for every kind, indexed by kind_index(). Fails (kMalformedInput)
// when z lies in the trace domain (z^n = 1), where the quotient is undefined.
Result<KindSums> vanishing_inverses_at(int log_rows, const Fp3& z);

}  // namespace baobab::air
