// Portable kernels: the oracle the vector paths are tested against, and the
// path used for sizes too small for a vector level.
#include "src/ntt/kernels.h"

namespace baobab::ntt::detail {

namespace {

void dif_layers_scalar(Fp* x, int log_h_top, int g, const Fp* tw, uint64_t j0, uint64_t j1) {
  const uint64_t rows = uint64_t{1} << g;
  const uint64_t s = (uint64_t{1} << log_h_top) >> (g - 1);
  for (int l = 0; l < g; ++l) {
    const uint64_t hr = rows >> (l + 1);  // half-size of this layer, in rows
    const Fp* twl = tw + (uint64_t{1} << (log_h_top - l));
    for (uint64_t blk = 0; blk < rows; blk += 2 * hr) {
      for (uint64_t r = 0; r < hr; ++r) {
        Fp* a = x + (blk + r) * s;
        Fp* b = a + hr * s;
        const Fp* w = twl + r * s;
        for (uint64_t j = j0; j < j1; ++j) {
          const Fp u = a[j];
          const Fp v = b[j];
          a[j] = u + v;
          b[j] = (u - v) * w[j];
        }
      }
    }
  }
}

void dit_layers_scalar(Fp* x, int log_h_top, int g, const Fp* tw, uint64_t j0, uint64_t j1) {
  const uint64_t rows = uint64_t{1} << g;
  const uint64_t s = (uint64_t{1} << log_h_top) >> (g - 1);
  for (int l = g - 1; l >= 0; --l) {
    const uint64_t hr = rows >> (l + 1);
    const Fp* twl = tw + (uint64_t{1} << (log_h_top - l));
    for (uint64_t blk = 0; blk < rows; blk += 2 * hr) {
      for (uint64_t r = 0; r < hr; ++r) {
        Fp* a = x + (blk + r) * s;
        Fp* b = a + hr * s;
        const Fp* w = twl + r * s;
        for (uint64_t j = j0; j < j1; ++j) {
          const Fp u = a[j];
          const Fp v = b[j] * w[j];
          a[j] = u + v;
          b[j] = u - v;
        }
      }
    }
  }
}

void noop_edge(Fp*, uint64_t, const Fp*) {}

void scale_geometric_scalar(Fp* x, uint64_t n, Fp start, Fp ratio) {
  Fp f = start;
  for (uint64_t i = 0; i < n; ++i) {
    x[i] *= f;
    f *= ratio;
  }
}

void mul_scalar(const Fp* a, const Fp* b, Fp* out, uint64_t n) {
  for (uint64_t i = 0; i < n; ++i) out[i] = a[i] * b[i];
}

}  // namespace

const NttKernels kScalarNttKernels{SimdLevel::kScalar, /*lanes_log=*/0,        /*max_group=*/4,
                                   dif_layers_scalar,  dit_layers_scalar,      noop_edge,
                                   noop_edge,          scale_geometric_scalar, mul_scalar};

}  // namespace baobab::ntt::detail
