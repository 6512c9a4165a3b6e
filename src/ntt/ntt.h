// Forward and inverse number-theoretic transforms over the Goldilocks field,
// batched over the columns of a column-major field::MatrixView (order.h). Called by
// the LDE (lde.h), the prover's polynomial steps and the distributed NTT.
//
// A column of n = 2^k elements (k <= plan.log_max_size()) is transformed in
// place. With w = two_adic_root(k):
//   forward:        coefficients c (natural order)  -> evaluations e_i = sum_j c_j w^(ij)
//   inverse:        evaluations (either order)      -> coefficients (natural order)
//   coset_forward:  coefficients (natural order)    -> evaluations at shift · w^i
//   coset_inverse:  evaluations at shift · w^i      -> coefficients (natural order)
// The evaluation side is in `order` (kBitReversed skips a permutation pass).
//
// Threads (OpenMP, omp_get_max_threads()): a batch whose columns split
// evenly over the threads (or has >= 4 per thread) is spread over threads by
// column; otherwise columns go one at a time with all threads inside each.
// Results never depend on the thread count or on the plan's SIMD level.
// Each function checks (BAOBAB_CHECK) that rows is a power of two <= 2^plan.log_max_size().
#pragma once

#include "src/field/goldilocks.h"
#include "src/ntt/order.h"
#include "src/ntt/plan.h"

namespace baobab::ntt {

// Coefficients (natural) -> evaluations over <w>, written in out_order.
void forward(const NttPlan& plan, MatrixView columns, Order out_order);
// Evaluations over <w> given in in_order -> coefficients (natural).
void inverse(const NttPlan& plan, MatrixView columns, Order in_order);
// Coefficients (natural) -> evaluations over shift·<w>, written in out_order.
void coset_forward(const NttPlan& plan, MatrixView columns, Fp shift, Order out_order);
// Evaluations over shift·<w> given in in_order -> coefficients (natural);
// shift must be non-zero.
void coset_inverse(const NttPlan& plan, MatrixView columns, Fp shift, Order in_order);

}  // namespace baobab::ntt
