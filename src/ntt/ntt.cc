#include "src/ntt/ntt.h"

#include "src/common/check.h"
#include "src/ntt/bit_reverse.h"
#include "src/ntt/column_transform.h"

namespace baobab::ntt {

namespace {

// Inverse transform without the 1/n factor; result in natural order.
void inverse_unscaled(const NttPlan& plan, Fp* x, int log_n, Order in_order, bool inner) {
  if (in_order == Order::kBitReversed) {
    detail::dit(x, log_n, plan.inverse_twiddles(), plan.kernels(), inner);
  } else {
    detail::dif(x, log_n, plan.inverse_twiddles(), plan.kernels(), inner);
    bit_reverse_permute(x, log_n, inner);
  }
}

Fp inverse_size(int log_n) {
  return Fp::from_u64(uint64_t{1} << log_n).inverse();
}

}  // namespace

void forward(const NttPlan& plan, MatrixView columns, Order out_order) {
  if (columns.cols == 0) return;
  const int log_n = detail::checked_log_size(plan, columns.rows);
  detail::for_each_column(columns.cols, [&](uint64_t c, bool inner) {
    Fp* x = columns.column(c);
    detail::dif(x, log_n, plan.forward_twiddles(), plan.kernels(), inner);
    if (out_order == Order::kNatural) bit_reverse_permute(x, log_n, inner);
  });
}

void inverse(const NttPlan& plan, MatrixView columns, Order in_order) {
  if (columns.cols == 0) return;
  const int log_n = detail::checked_log_size(plan, columns.rows);
  const Fp n_inv = inverse_size(log_n);
  detail::for_each_column(columns.cols, [&](uint64_t c, bool inner) {
    Fp* x = columns.column(c);
    inverse_unscaled(plan, x, log_n, in_order, inner);
    detail::scale_geometric(x, columns.rows, n_inv, Fp::one(), plan.kernels(), inner);
  });
}

void coset_forward(const NttPlan& plan, MatrixView columns, Fp shift, Order out_order) {
  if (columns.cols == 0) return;
  const int log_n = detail::checked_log_size(plan, columns.rows);
  detail::for_each_column(columns.cols, [&](uint64_t c, bool inner) {
    Fp* x = columns.column(c);
    detail::scale_geometric(x, columns.rows, Fp::one(), shift, plan.kernels(), inner);
    detail::dif(x, log_n, plan.forward_twiddles(), plan.kernels(), inner);
    if (out_order == Order::kNatural) bit_reverse_permute(x, log_n, inner);
  });
}

void coset_inverse(const NttPlan& plan, MatrixView columns, Fp shift, Order in_order) {
  if (columns.cols == 0) return;
  const int log_n = detail::checked_log_size(plan, columns.rows);
  const Fp n_inv = inverse_size(log_n);
  const Fp shift_inv = shift.inverse();
  detail::for_each_column(columns.cols, [&](uint64_t c, bool inner) {
    Fp* x = columns.column(c);
    inverse_unscaled(plan, x, log_n, in_order, inner);
    detail::scale_geometric(x, columns.rows, n_inv, shift_inv, plan.kernels(), inner);
  });
}

}  // namespace baobab::ntt
