// The Backend interface (DESIGN §5, STYLE §3): the batch operations that
// dominate proving time — NTTs, coset low-degree extension and the SHA-256
// Merkle commitment over rows — with one CPU implementation (cpu_backend.h,
// the reference) and one CUDA implementation (kernels/cuda_backend.h). Both
// give bit-identical results; tests/kernels/cuda_backend_test.cc checks it.
//
// Every method takes whole batches (column-major matrix views, any column
// stride) on the host and leaves its result on the host. Shapes are checked
// and a bad one is an Error, as is a device failure (out of memory, a failed
// launch); nothing aborts on bad input.
#pragma once

#include <cstdint>
#include <string_view>

#include "src/common/result.h"
#include "src/field/matrix_view.h"
#include "src/field/roots.h"
#include "src/merkle/tree.h"
#include "src/ntt/order.h"

namespace baobab::backend {

using field::ConstMatrixView;
using field::Fp;
using field::MatrixView;
using ntt::Order;

class Backend {
 public:
  virtual ~Backend() = default;

  // "cpu" or "cuda"; for logs and benchmark labels.
  virtual std::string_view name() const = 0;
  // Columns of up to 2^log_max_size rows are accepted.
  virtual int log_max_size() const = 0;

  // In place, with the meaning of ntt::forward / inverse / coset_forward /
  // coset_inverse (src/ntt/ntt.h).
  virtual Status forward(const MatrixView& columns, Order out_order) = 0;
  virtual Status inverse(const MatrixView& columns, Order in_order) = 0;
  virtual Status coset_forward(const MatrixView& columns, Fp shift, Order out_order) = 0;
  virtual Status coset_inverse(const MatrixView& columns, Fp shift, Order in_order) = 0;

  // ntt::lde (src/ntt/lde.h): natural-order evaluations -> out, n·blowup rows.
  virtual Status lde(const ConstMatrixView& evals, uint64_t blowup, const MatrixView& out,
                     Order out_order, Fp shift) = 0;

  // The Merkle tree over the rows of `rows` (merkle::MerkleTree::build).
  virtual Result<merkle::MerkleTree> commit_rows(const ConstMatrixView& rows) = 0;

  // lde() followed by commit_rows() of its output, which the CUDA backend
  // does without a round trip through host memory.
  virtual Result<merkle::MerkleTree> lde_and_commit(const ConstMatrixView& evals, uint64_t blowup,
                                                    const MatrixView& out, Order out_order,
                                                    Fp shift) = 0;
};

// Shape checks shared by the implementations (Errors, not aborts).
Status check_transform_shape(const MatrixView& columns, int log_max_size, std::string_view what);
Status check_lde_shape(const ConstMatrixView& evals, uint64_t blowup, const MatrixView& out,
                       int log_max_size, Fp shift);
Status check_commit_shape(const ConstMatrixView& rows);

}  // namespace baobab::backend
