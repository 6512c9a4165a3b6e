#include "src/ntt/lde.h"

#include <algorithm>
#include <functional>

#include "src/common/check.h"
#include "src/field/roots.h"
#include "src/ntt/bit_reverse.h"
#include "src/ntt/column_transform.h"
#include "src/ntt/ntt.h"

namespace baobab::ntt {

namespace {

void check_shapes(const NttPlan& plan, ConstMatrixView in, uint64_t blowup, MatrixView out) {
  BAOBAB_CHECK(blowup == 2 || blowup == 4 || blowup == 8 || blowup == 16,
               "lde: blowup must be 2, 4, 8 or 16");
  BAOBAB_CHECK(out.cols == in.cols, "lde: output column count differs from input");
  BAOBAB_CHECK(in.rows != 0 && out.rows / blowup == in.rows && out.rows % blowup == 0,
               "lde: output rows must be input rows times blowup");
  (void)detail::checked_log_size(plan, out.rows);
  const Fp* in_end = in.cols == 0 ? in.data : in.column(in.cols - 1) + in.rows;
  const Fp* out_end = out.cols == 0 ? out.data : out.column(out.cols - 1) + out.rows;
  BAOBAB_CHECK(in.cols == 0 || std::less<const Fp*>()(in_end - 1, out.data) ||
                   std::less<const Fp*>()(out_end - 1, in.data),
               "lde: input and output overlap");
}

void copy_column(const Fp* src, Fp* dst, uint64_t n, bool parallel) {
  constexpr uint64_t kChunk = uint64_t{1} << 16;
  const int64_t chunks = static_cast<int64_t>((n + kChunk - 1) / kChunk);
#pragma omp parallel for schedule(static) if (parallel && chunks > 1)
  for (int64_t ci = 0; ci < chunks; ++ci) {
    const uint64_t begin = static_cast<uint64_t>(ci) * kChunk;
    std::copy(src + begin, src + std::min(n, begin + kChunk), dst + begin);
  }
}

// Block `p` (of n elements) holds the values after the first `e` DIF layers
// of the zero-padded size-N transform. Derives its child block with layer e,
// then finishes both subtrees; each block gets its size-n DIF right after it
// is produced, while it is still in cache.
void extend_block(const NttPlan& plan, Fp* x, int log_n, int log_blowup, uint64_t p, int e,
                  bool inner) {
  const uint64_t n = uint64_t{1} << log_n;
  const Fp* tw = plan.forward_twiddles();
  if (e == log_blowup) {
    detail::dif(x + p * n, log_n, tw, plan.kernels(), inner);
    return;
  }
  // DIF layer of half-size h = N >> (e+1) on zero-padded data: only x[0, n)
  // of each block of 2h is non-zero, so x[h + i] = x[i] · tw[h + i].
  const uint64_t h = uint64_t{1} << (log_n + log_blowup - 1 - e);
  const uint64_t child = p + h / n;
  detail::mul(x + p * n, tw + h, x + child * n, n, plan.kernels(), inner);
  extend_block(plan, x, log_n, log_blowup, child, e + 1, inner);
  extend_block(plan, x, log_n, log_blowup, p, e + 1, inner);
}

// x[0, n) holds natural-order coefficients already multiplied by g^i; writes
// the bit-reversed evaluations over g · <w_N> into x[0, N).
void extend_column(const NttPlan& plan, Fp* x, int log_n, int log_blowup, bool inner) {
  extend_block(plan, x, log_n, log_blowup, 0, 0, inner);
}

}  // namespace

void lde(const NttPlan& plan, ConstMatrixView evals, uint64_t blowup, MatrixView out,
         Order out_order, Fp shift) {
  check_shapes(plan, evals, blowup, out);
  if (evals.cols == 0) return;
  const int log_n = __builtin_ctzll(evals.rows);
  const int log_blowup = __builtin_ctzll(blowup);
  const Fp n_inv = Fp::from_u64(evals.rows).inverse();
  detail::for_each_column(evals.cols, [&](uint64_t c, bool inner) {
    Fp* x = out.column(c);
    // Interpolate: copy (streaming), DIF with inverse roots, then the bit
    // reversal in place while the column is cache-hot; a scattered
    // bit-reversing copy from the cold input would cost twice as much.
    copy_column(evals.column(c), x, evals.rows, inner);
    detail::dif(x, log_n, plan.inverse_twiddles(), plan.kernels(), inner);
    bit_reverse_permute(x, log_n, inner);
    detail::scale_geometric(x, evals.rows, n_inv, shift, plan.kernels(), inner);
    extend_column(plan, x, log_n, log_blowup, inner);
    if (out_order == Order::kNatural) bit_reverse_permute(x, log_n + log_blowup, inner);
  });
}

void lde_from_coefficients(const NttPlan& plan, ConstMatrixView coeffs, uint64_t blowup,
                           MatrixView out, Order out_order, Fp shift) {
  check_shapes(plan, coeffs, blowup, out);
  if (coeffs.cols == 0) return;
  const int log_n = __builtin_ctzll(coeffs.rows);
  const int log_blowup = __builtin_ctzll(blowup);
  detail::for_each_column(coeffs.cols, [&](uint64_t c, bool inner) {
    Fp* x = out.column(c);
    copy_column(coeffs.column(c), x, coeffs.rows, inner);
    detail::scale_geometric(x, coeffs.rows, Fp::one(), shift, plan.kernels(), inner);
    extend_column(plan, x, log_n, log_blowup, inner);
    if (out_order == Order::kNatural) bit_reverse_permute(x, log_n + log_blowup, inner);
  });
}

}  // namespace baobab::ntt
