// The in-place radix-2 NTT drivers for one column of 2^k elements, shared by
// every public transform. They decide which butterfly layers run in which
// pass so that memory traffic stays low, and hand blocks to the kernels:
//
//  * layers whose butterflies span more than kBlockLog bits ("out of cache")
//    run as strided passes of up to max_group layers over the whole column
//    (radix 2^max_group in registers: one read and one write per pass);
//  * the remaining layers run block by block on 2^kBlockLog-element blocks
//    (512 KiB, resident in the 1 MiB L2), again grouped in radix passes, and
//    the last lanes_log layers by the in-register transpose kernel.
//
// `parallel` splits the passes over OpenMP threads (used for large single
// columns); the result never depends on the thread count.
#pragma once

#include <omp.h>

#include <cstdint>

#include "src/field/goldilocks.h"
#include "src/ntt/kernels.h"
#include "src/ntt/plan.h"

namespace baobab::ntt::detail {

inline constexpr int kBlockLog = 16;

// Decimation in frequency: natural-order input, bit-reversed output, no
// scaling. `tw` is a plan table (forward or inverse roots).
void dif(Fp* x, int log_n, const Fp* tw, const NttKernels& kernels, bool parallel);

// Decimation in time: bit-reversed input, natural-order output, no scaling.
void dit(Fp* x, int log_n, const Fp* tw, const NttKernels& kernels, bool parallel);

// x[i] *= start · ratio^i, split over threads when `parallel`.
void scale_geometric(Fp* x, uint64_t n, Fp start, Fp ratio, const NttKernels& kernels,
                     bool parallel);

// out[i] = a[i] · b[i], split over threads when `parallel`.
void mul(const Fp* a, const Fp* b, Fp* out, uint64_t n, const NttKernels& kernels, bool parallel);

// log2 of a column length, checked: a power of two the plan covers.
int checked_log_size(const NttPlan& plan, uint64_t rows);

// Calls fn(column_index, inner_parallel) for every column of a batch: in
// parallel over columns when they split evenly over the threads (or there
// are many), else one column at a time with inner_parallel set so the
// threads work inside each column. Serial inside an enclosing parallel region.
template <class Fn>
void for_each_column(uint64_t cols, Fn&& fn) {
  const uint64_t threads = static_cast<uint64_t>(omp_get_max_threads());
  const bool nested = omp_in_parallel() != 0;
  const bool outer = threads > 1 && !nested && (cols % threads == 0 || cols >= 4 * threads);
  if (outer) {
#pragma omp parallel for schedule(dynamic, 1)
    for (int64_t c = 0; c < static_cast<int64_t>(cols); ++c) fn(static_cast<uint64_t>(c), false);
  } else {
    const bool inner = threads > 1 && !nested;
    for (uint64_t c = 0; c < cols; ++c) fn(c, inner);
  }
}

}  // namespace baobab::ntt::detail
