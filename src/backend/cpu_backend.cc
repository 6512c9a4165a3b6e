#include "src/backend/cpu_backend.h"

#include "src/ntt/lde.h"
#include "src/ntt/ntt.h"

namespace baobab::backend {

Status CpuBackend::forward(const MatrixView& columns, Order out_order) {
  if (Status s = check_transform_shape(columns, log_max_size(), "forward"); !s.ok()) return s;
  ntt::forward(plan_, columns, out_order);
  return Ok{};
}

Status CpuBackend::inverse(const MatrixView& columns, Order in_order) {
  if (Status s = check_transform_shape(columns, log_max_size(), "inverse"); !s.ok()) return s;
  ntt::inverse(plan_, columns, in_order);
  return Ok{};
}

Status CpuBackend::coset_forward(const MatrixView& columns, Fp shift, Order out_order) {
  if (Status s = check_transform_shape(columns, log_max_size(), "coset_forward"); !s.ok()) {
    return s;
  }
  ntt::coset_forward(plan_, columns, shift, out_order);
  return Ok{};
}

Status CpuBackend::coset_inverse(const MatrixView& columns, Fp shift, Order in_order) {
  if (Status s = check_transform_shape(columns, log_max_size(), "coset_inverse"); !s.ok()) {
    return s;
  }
  if (shift.is_zero()) {
    return Error{ErrorCode::kInvalidArgument, "the coset shift must be non-zero", "coset_inverse"};
  }
  ntt::coset_inverse(plan_, columns, shift, in_order);
  return Ok{};
}

Status CpuBackend::lde(const ConstMatrixView& evals, uint64_t blowup, const MatrixView& out,
                       Order out_order, Fp shift) {
  if (Status s = check_lde_shape(evals, blowup, out, log_max_size(), shift); !s.ok()) return s;
  ntt::lde(plan_, evals, blowup, out, out_order, shift);
  return Ok{};
}

Result<merkle::MerkleTree> CpuBackend::commit_rows(const ConstMatrixView& rows) {
  if (Status s = check_commit_shape(rows); !s.ok()) return s.error();
  return merkle::MerkleTree::build(hasher_, rows);
}

Result<merkle::MerkleTree> CpuBackend::lde_and_commit(const ConstMatrixView& evals, uint64_t blowup,
                                                      const MatrixView& out, Order out_order,
                                                      Fp shift) {
  if (Status s = lde(evals, blowup, out, out_order, shift); !s.ok()) return s.error();
  return commit_rows(out);
}

}  // namespace baobab::backend
