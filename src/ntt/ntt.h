// Forward and inverse number-theoretic transforms over the Goldilocks field,
// batched over the columns of a column-major matrix (matrix_view.h). Called by
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
// Threads: columns are spread over the OpenMP threads; a batch with fewer
// columns than threads is transformed one column at a time with the threads
// working inside the column. Results never depend on the thread count or on
// the plan's SIMD level.
#pragma once

#include "src/field/goldilocks.h"
#include "src/ntt/matrix_view.h"
#include "src/ntt/plan.h"

namespace baobab::ntt {

void forward(const NttPlan& plan, MatrixView columns, Order out_order);
void inverse(const NttPlan& plan, MatrixView columns, Order in_order);
void coset_forward(const NttPlan& plan, MatrixView columns, Fp shift, Order out_order);
void coset_inverse(const NttPlan& plan, MatrixView columns, Fp shift, Order in_order);

// log2 of a column length, checked: a power of two the plan covers.
int checked_log_size(const NttPlan& plan, uint64_t rows);

namespace detail {
// Calls fn(column_index, inner_parallel) for every column: in parallel over
// columns when there are enough of them, else serially with inner_parallel set.
template <class Fn>
void for_each_column(uint64_t cols, Fn&& fn);
}  // namespace detail

}  // namespace baobab::ntt

#include <omp.h>

namespace baobab::ntt::detail {
template <class Fn>
void for_each_column(uint64_t cols, Fn&& fn) {
  const uint64_t threads = static_cast<uint64_t>(omp_get_max_threads());
  const bool outer =
      threads > 1 && !omp_in_parallel() && (cols % threads == 0 || cols >= 4 * threads);
  if (outer) {
#pragma omp parallel for schedule(dynamic, 1)
    for (int64_t c = 0; c < static_cast<int64_t>(cols); ++c) fn(static_cast<uint64_t>(c), false);
  } else {
    const bool inner = threads > 1 && !omp_in_parallel();
    for (uint64_t c = 0; c < cols; ++c) fn(c, inner);
  }
}
}  // namespace baobab::ntt::detail
