// The CPU Backend: src/ntt and src/merkle (multi-threaded, vectorised), the
// reference every other backend is tested against.
#pragma once

#include "src/backend/backend.h"
#include "src/hash/sha256_hasher.h"
#include "src/ntt/plan.h"

namespace baobab::backend {

class CpuBackend final : public Backend {
 public:
  // Transforms use `plan` (borrowed: it must outlive the backend).
  explicit CpuBackend(const ntt::NttPlan& plan) : plan_(plan) {}

  std::string_view name() const override { return "cpu"; }
  int log_max_size() const override { return plan_.log_max_size(); }

  Status forward(const MatrixView& columns, Order out_order) override;
  Status inverse(const MatrixView& columns, Order in_order) override;
  Status coset_forward(const MatrixView& columns, Fp shift, Order out_order) override;
  Status coset_inverse(const MatrixView& columns, Fp shift, Order in_order) override;
  Status lde(const ConstMatrixView& evals, uint64_t blowup, const MatrixView& out, Order out_order,
             Fp shift) override;
  Result<merkle::MerkleTree> commit_rows(const ConstMatrixView& rows) override;
  Result<merkle::MerkleTree> lde_and_commit(const ConstMatrixView& evals, uint64_t blowup,
                                            const MatrixView& out, Order out_order,
                                            Fp shift) override;

 private:
  const ntt::NttPlan& plan_;
  hash::Sha256Hasher hasher_;
};

}  // namespace baobab::backend
