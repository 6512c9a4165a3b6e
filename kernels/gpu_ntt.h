// NTT and coset low-degree extension on device-resident matrices (DESIGN §5):
// the same transforms as src/ntt/ntt.h and src/ntt/lde.h, with bit-identical
// results (tests/kernels/gpu_ntt_test.cc). Every column of a GpuMatrix is one
// transform; all columns go in the same kernel launches.
//
// Work is queued on the default stream and returns at once; errors of a
// launch are reported by the call, asynchronous faults by synchronize().
// A GpuNtt holds the twiddle tables of an NttPlan on the device (16 bytes
// per row of its largest size, each level bit-reversed: ntt_steps.cuh) and
// may serve any number of matrices.
#pragma once

#include <cstdint>

#include "kernels/gpu_matrix.h"
#include "src/field/roots.h"
#include "src/ntt/order.h"
#include "src/ntt/plan.h"

namespace baobab::kernels {

class GpuNtt {
 public:
  // Copies the plan's twiddle tables to the device.
  static Result<GpuNtt> create(const ntt::NttPlan& plan);

  int log_max_size() const { return log_max_size_; }

  // In place, like ntt::forward / inverse / coset_forward / coset_inverse.
  Status forward(GpuMatrix& columns, ntt::Order out_order) const;
  Status inverse(GpuMatrix& columns, ntt::Order in_order) const;
  Status coset_forward(GpuMatrix& columns, field::Fp shift, ntt::Order out_order) const;
  Status coset_inverse(GpuMatrix& columns, field::Fp shift, ntt::Order in_order) const;

  // Like ntt::lde: evals (natural order, n rows) -> out (n·blowup rows,
  // same columns) over shift·<w_N>; blowup in {2, 4, 8, 16}.
  Status lde(const GpuMatrix& evals, uint64_t blowup, GpuMatrix& out, ntt::Order out_order,
             field::Fp shift = field::kCosetShift) const;
  Status lde_from_coefficients(const GpuMatrix& coeffs, uint64_t blowup, GpuMatrix& out,
                               ntt::Order out_order, field::Fp shift = field::kCosetShift) const;

 private:
  Status check_rows(uint64_t rows, const char* what) const;
  Status extend(const GpuMatrix& source, bool from_evals, uint64_t blowup, GpuMatrix& out,
                ntt::Order out_order, field::Fp shift) const;

  int log_max_size_ = 0;
  DeviceBytes forward_;
  DeviceBytes inverse_;
};

}  // namespace baobab::kernels
