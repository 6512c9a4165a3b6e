#include <map>
#include <tuple>
#include <utility>

#include "kernels/cuda_backend.h"
#include "kernels/device.h"
#include "kernels/gpu_merkle.h"
#include "kernels/gpu_ntt.h"
#include "src/ntt/plan.h"

namespace baobab::kernels {

namespace {

using backend::ConstMatrixView;
using backend::Fp;
using backend::MatrixView;
using backend::Order;

class CudaBackend final : public backend::Backend {
 public:
  CudaBackend(int log_max_size, GpuNtt ntt) : log_max_size_(log_max_size), ntt_(std::move(ntt)) {}

  std::string_view name() const override { return "cuda"; }
  int log_max_size() const override { return log_max_size_; }

  Status forward(const MatrixView& columns, Order out_order) override {
    return in_place(columns, "forward", [&](GpuMatrix& m) { return ntt_.forward(m, out_order); });
  }
  Status inverse(const MatrixView& columns, Order in_order) override {
    return in_place(columns, "inverse", [&](GpuMatrix& m) { return ntt_.inverse(m, in_order); });
  }
  Status coset_forward(const MatrixView& columns, Fp shift, Order out_order) override {
    return in_place(columns, "coset_forward",
                    [&](GpuMatrix& m) { return ntt_.coset_forward(m, shift, out_order); });
  }
  Status coset_inverse(const MatrixView& columns, Fp shift, Order in_order) override {
    if (shift.is_zero()) {
      return Error{ErrorCode::kInvalidArgument, "the coset shift must be non-zero",
                   "coset_inverse"};
    }
    return in_place(columns, "coset_inverse",
                    [&](GpuMatrix& m) { return ntt_.coset_inverse(m, shift, in_order); });
  }

  Status lde(const ConstMatrixView& evals, uint64_t blowup, const MatrixView& out, Order out_order,
             Fp shift) override {
    auto device_out = lde_on_device(evals, blowup, out, out_order, shift);
    if (!device_out) return device_out.error();
    if (Status s = device_out.value()->download(out); !s.ok()) return s;
    return synchronize();
  }

  Result<merkle::MerkleTree> commit_rows(const ConstMatrixView& rows) override {
    if (Status s = backend::check_commit_shape(rows); !s.ok()) return s.error();
    auto device = buffer(rows.rows, rows.cols, 0);
    if (!device) return device.error();
    if (Status s = device.value()->upload(rows); !s.ok()) return s.error();
    return commit_device(*device.value());
  }

  Result<merkle::MerkleTree> lde_and_commit(const ConstMatrixView& evals, uint64_t blowup,
                                            const MatrixView& out, Order out_order,
                                            Fp shift) override {
    auto device_out = lde_on_device(evals, blowup, out, out_order, shift);
    if (!device_out) return device_out.error();
    if (Status s = device_out.value()->download(out); !s.ok()) return s.error();
    return commit_device(*device_out.value());
  }

 private:
  // One reusable device matrix per (rows, cols, slot).
  Result<GpuMatrix*> buffer(uint64_t rows, uint64_t cols, int slot) {
    const auto key = std::make_tuple(rows, cols, slot);
    auto found = buffers_.find(key);
    if (found != buffers_.end()) return &found->second;
    auto allocated = GpuMatrix::allocate(rows, cols);
    if (!allocated) return allocated.error();
    return &buffers_.emplace(key, std::move(allocated.value())).first->second;
  }

  template <class Transform>
  Status in_place(const MatrixView& columns, const char* what, Transform transform) {
    if (Status s = backend::check_transform_shape(columns, log_max_size_, what); !s.ok()) return s;
    if (columns.cols == 0) return Ok{};
    auto device = buffer(columns.rows, columns.cols, 0);
    if (!device) return device.error();
    if (Status s = device.value()->upload(columns); !s.ok()) return s;
    if (Status s = transform(*device.value()); !s.ok()) return s;
    if (Status s = device.value()->download(columns); !s.ok()) return s;
    return synchronize();
  }

  Result<GpuMatrix*> lde_on_device(const ConstMatrixView& evals, uint64_t blowup,
                                   const MatrixView& out, Order out_order, Fp shift) {
    if (Status s = backend::check_lde_shape(evals, blowup, out, log_max_size_, shift); !s.ok()) {
      return s.error();
    }
    auto device_in = buffer(evals.rows, evals.cols, 0);
    if (!device_in) return device_in.error();
    auto device_out = buffer(out.rows, out.cols, 1);
    if (!device_out) return device_out.error();
    if (evals.cols == 0) return device_out.value();
    if (Status s = device_in.value()->upload(evals); !s.ok()) return s.error();
    if (Status s = ntt_.lde(*device_in.value(), blowup, *device_out.value(), out_order, shift);
        !s.ok()) {
      return s.error();
    }
    return device_out.value();
  }

  Result<merkle::MerkleTree> commit_device(const GpuMatrix& matrix) {
    auto found = trees_.find(matrix.rows());
    if (found == trees_.end()) {
      auto tree = GpuMerkleTree::allocate(matrix.rows());
      if (!tree) return tree.error();
      found = trees_.emplace(matrix.rows(), std::move(tree.value())).first;
    }
    if (Status s = found->second.build(matrix); !s.ok()) return s.error();
    if (Status s = synchronize(); !s.ok()) return s.error();
    return found->second.download();
  }

  int log_max_size_;
  GpuNtt ntt_;
  std::map<std::tuple<uint64_t, uint64_t, int>, GpuMatrix> buffers_;
  std::map<uint64_t, GpuMerkleTree> trees_;
};

}  // namespace

Result<std::unique_ptr<backend::Backend>> make_cuda_backend(int log_max_size) {
  const GpuInfo info = probe_gpus();
  if (info.device_count == 0) {
    return Error{ErrorCode::kResourceLimit, "no usable GPU: " + info.unavailable, "CUDA backend"};
  }
  if (log_max_size < 0 || log_max_size > field::Fp::kTwoAdicity) {
    return Error{ErrorCode::kInvalidArgument, "log_max_size must lie in [0, 32]", "CUDA backend"};
  }
  const ntt::NttPlan plan(log_max_size);
  auto ntt = GpuNtt::create(plan);
  if (!ntt) return ntt.error();
  return std::unique_ptr<backend::Backend>(
      std::make_unique<CudaBackend>(log_max_size, std::move(ntt.value())));
}

}  // namespace baobab::kernels
