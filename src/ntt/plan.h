// NttPlan: what every transform in baobab::ntt needs besides the data — the
// twiddle tables for all sizes up to 2^log_max_size and the kernel table of
// one SIMD level. The caller builds a plan once (tables are computed in
// parallel), owns it, and passes it by const reference to every transform;
// a plan is immutable after construction, so threads may share it.
//
// Memory: two tables (forward and inverse roots) of 2^log_max_size elements
// each, i.e. 16 bytes per row of the largest transform (256 MiB at 2^24).
#pragma once

#include <cstdint>
#include <memory>

#include "src/common/simd_level.h"
#include "src/field/goldilocks.h"
#include "src/ntt/kernels.h"

namespace baobab::ntt {

using field::Fp;

class NttPlan {
 public:
  // Tables for every transform of size 2^k, k <= log_max_size <= 32, run with
  // the kernels of `level` (which this CPU must support).
  explicit NttPlan(int log_max_size, SimdLevel level = active_simd_level());

  int log_max_size() const { return log_max_size_; }
  SimdLevel level() const { return kernels_->level; }
  const detail::NttKernels& kernels() const { return *kernels_; }

  // tw[h + i] = w_{2h}^i (forward) or w_{2h}^-i (inverse) for 0 <= i < h,
  // h = 1, 2, ..., 2^(log_max_size-1); entry 0 is 1. Layout in kernels.h.
  const Fp* forward_twiddles() const { return forward_.get(); }
  const Fp* inverse_twiddles() const { return inverse_.get(); }

 private:
  struct FreeDeleter {
    void operator()(Fp* p) const;
  };
  using Table = std::unique_ptr<Fp[], FreeDeleter>;
  static Table make_table(int log_size, Fp root);

  int log_max_size_;
  const detail::NttKernels* kernels_;
  Table forward_;
  Table inverse_;
};

}  // namespace baobab::ntt
