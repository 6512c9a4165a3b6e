// Per-ISA butterfly kernels for the NTT (STYLE §9), one table per SIMD level
// like src/field/vector_ops.h. The drivers in column_transform.cc decide which
// layers run where (cache blocking, threads); the kernels only do arithmetic
// on blocks they are handed. Every kernel keeps every value canonical, so all
// levels give bit-identical results.
//
// Twiddle tables (owned by NttPlan) use one layout everywhere: tw[h + i] =
// w_{2h}^i for 0 <= i < h, h a power of two, w_{2h} = two_adic_root(log 2h)
// (or its inverse for the inverse transform). Each layer's twiddles are thus
// contiguous, so vector loads work, and one table serves every size.
//
// Butterflies, for a layer of half-size h on each block of 2h elements:
//   DIF (natural in, bit-reversed out): (a, b) -> (a + b, (a - b)·tw[h + i])
//   DIT (bit-reversed in, natural out): (a, b) -> (a + b·tw[h + i], a - b·tw[h + i])
#pragma once

#include <cstdint>

#include "src/common/simd_level.h"
#include "src/field/goldilocks.h"

namespace baobab::ntt::detail {

using field::Fp;

struct NttKernels {
  SimdLevel level;
  // A vector holds 2^lanes_log elements. Strided layers need stride
  // >= 2^lanes_log; the layers with h < 2^lanes_log are done by dif_tail and
  // dit_head, which work on groups of 2^(2·lanes_log) elements.
  int lanes_log;
  // The most layers one strided pass keeps in registers (radix 2^max_group).
  int max_group;

  // Layers h_top, h_top/2, ..., h_top >> (g-1) (DIF order) on the block
  // x[0, 2·h_top), restricted to the offsets j in [j0, j1) modulo the
  // smallest stride s = h_top >> (g-1). 1 <= g <= max_group; j0, j1 multiples
  // of 2^lanes_log; s >= 2^lanes_log.
  void (*dif_layers)(Fp* x, int log_h_top, int g, const Fp* tw, uint64_t j0, uint64_t j1);
  // The same layers in DIT order (h_top >> (g-1) first, h_top last).
  void (*dit_layers)(Fp* x, int log_h_top, int g, const Fp* tw, uint64_t j0, uint64_t j1);
  // DIF layers h = 2^(lanes_log-1), ..., 1 on x[0, len); len a multiple of
  // 2^(2·lanes_log). A no-op when lanes_log == 0.
  void (*dif_tail)(Fp* x, uint64_t len, const Fp* tw);
  // DIT layers h = 1, ..., 2^(lanes_log-1) on x[0, len); same conditions.
  void (*dit_head)(Fp* x, uint64_t len, const Fp* tw);
  // x[i] *= start · ratio^i for i < n.
  void (*scale_geometric)(Fp* x, uint64_t n, Fp start, Fp ratio);
  // out[i] = a[i] · b[i] for i < n (out may alias a).
  void (*mul)(const Fp* a, const Fp* b, Fp* out, uint64_t n);
};

// The table for one level; the level must be supported by this CPU.
const NttKernels& ntt_kernels(SimdLevel level);

extern const NttKernels kScalarNttKernels;
extern const NttKernels kAvx2NttKernels;
extern const NttKernels kAvx512NttKernels;

}  // namespace baobab::ntt::detail
