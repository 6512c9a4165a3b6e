// The vector butterfly kernels, written once over an ISA traits type `O`
// (O::V is the register type; O::load/store/add/sub/mul/broadcast come from
// src/field/simd; O::transpose transposes an L x L tile of L registers).
// Include only from the per-ISA sources kernels_avx2.cc / kernels_avx512.cc:
// everything here sits in an unnamed namespace so each ISA file gets its own
// copy compiled with its own flags.
#pragma once

#include <cstdint>

#include "src/ntt/kernels.h"

namespace baobab::ntt::detail {
namespace {

// G layers of DIF butterflies held in 2^G registers (radix 2^G) per step.
template <class O, int G>
void dif_group(Fp* x, int log_h_top, const Fp* tw, uint64_t j0, uint64_t j1) {
  using V = typename O::V;
  constexpr int kRows = 1 << G;
  constexpr uint64_t kLanes = uint64_t{1} << O::kLanesLog;
  const uint64_t h_top = uint64_t{1} << log_h_top;
  const uint64_t s = h_top >> (G - 1);
  for (uint64_t j = j0; j < j1; j += kLanes) {
    V v[kRows];
#pragma GCC unroll 16
    for (int r = 0; r < kRows; ++r) v[r] = O::load(x + r * s + j);
#pragma GCC unroll 4
    for (int l = 0; l < G; ++l) {
      const int hr = kRows >> (l + 1);
      const Fp* twl = tw + (h_top >> l) + j;
#pragma GCC unroll 8
      for (int r = 0; r < hr; ++r) {
        const V w = O::load(twl + r * s);
#pragma GCC unroll 8
        for (int blk = 0; blk < kRows; blk += 2 * hr) {
          const V a = v[blk + r];
          const V b = v[blk + r + hr];
          v[blk + r] = O::add(a, b);
          v[blk + r + hr] = O::mul(O::sub(a, b), w);
        }
      }
    }
#pragma GCC unroll 16
    for (int r = 0; r < kRows; ++r) O::store(x + r * s + j, v[r]);
  }
}

template <class O, int G>
void dit_group(Fp* x, int log_h_top, const Fp* tw, uint64_t j0, uint64_t j1) {
  using V = typename O::V;
  constexpr int kRows = 1 << G;
  constexpr uint64_t kLanes = uint64_t{1} << O::kLanesLog;
  const uint64_t h_top = uint64_t{1} << log_h_top;
  const uint64_t s = h_top >> (G - 1);
  for (uint64_t j = j0; j < j1; j += kLanes) {
    V v[kRows];
#pragma GCC unroll 16
    for (int r = 0; r < kRows; ++r) v[r] = O::load(x + r * s + j);
#pragma GCC unroll 4
    for (int l = G - 1; l >= 0; --l) {
      const int hr = kRows >> (l + 1);
      const Fp* twl = tw + (h_top >> l) + j;
#pragma GCC unroll 8
      for (int r = 0; r < hr; ++r) {
        const V w = O::load(twl + r * s);
#pragma GCC unroll 8
        for (int blk = 0; blk < kRows; blk += 2 * hr) {
          const V a = v[blk + r];
          const V b = O::mul(v[blk + r + hr], w);
          v[blk + r] = O::add(a, b);
          v[blk + r + hr] = O::sub(a, b);
        }
      }
    }
#pragma GCC unroll 16
    for (int r = 0; r < kRows; ++r) O::store(x + r * s + j, v[r]);
  }
}

template <class O>
void dif_layers(Fp* x, int log_h_top, int g, const Fp* tw, uint64_t j0, uint64_t j1) {
  switch (g) {
    case 1:
      return dif_group<O, 1>(x, log_h_top, tw, j0, j1);
    case 2:
      return dif_group<O, 2>(x, log_h_top, tw, j0, j1);
    case 3:
      return dif_group<O, 3>(x, log_h_top, tw, j0, j1);
    default:
      if constexpr (O::kMaxGroup >= 4) return dif_group<O, 4>(x, log_h_top, tw, j0, j1);
  }
}

template <class O>
void dit_layers(Fp* x, int log_h_top, int g, const Fp* tw, uint64_t j0, uint64_t j1) {
  switch (g) {
    case 1:
      return dit_group<O, 1>(x, log_h_top, tw, j0, j1);
    case 2:
      return dit_group<O, 2>(x, log_h_top, tw, j0, j1);
    case 3:
      return dit_group<O, 3>(x, log_h_top, tw, j0, j1);
    default:
      if constexpr (O::kMaxGroup >= 4) return dit_group<O, 4>(x, log_h_top, tw, j0, j1);
  }
}

// The last lanes_log DIF layers: each register holds one block of L elements,
// so transpose L registers to put equal positions of L blocks in one register,
// do the butterflies between registers with broadcast twiddles, transpose back.
template <class O>
void dif_tail(Fp* x, uint64_t len, const Fp* tw) {
  using V = typename O::V;
  constexpr int kL = 1 << O::kLanesLog;
  V wv[kL];
  for (int i = 1; i < kL; ++i) wv[i] = O::broadcast(tw[i]);
  for (uint64_t off = 0; off < len; off += kL * kL) {
    V v[kL];
#pragma GCC unroll 8
    for (int q = 0; q < kL; ++q) v[q] = O::load(x + off + q * kL);
    O::transpose(v);
#pragma GCC unroll 4
    for (int lv = 0; lv < O::kLanesLog; ++lv) {
      const int h = (kL / 2) >> lv;
#pragma GCC unroll 8
      for (int blk = 0; blk < kL; blk += 2 * h) {
#pragma GCC unroll 8
        for (int i = 0; i < h; ++i) {
          const V a = v[blk + i];
          const V b = v[blk + i + h];
          v[blk + i] = O::add(a, b);
          v[blk + i + h] = i == 0 ? O::sub(a, b) : O::mul(O::sub(a, b), wv[h + i]);
        }
      }
    }
    O::transpose(v);
#pragma GCC unroll 8
    for (int q = 0; q < kL; ++q) O::store(x + off + q * kL, v[q]);
  }
}

template <class O>
void dit_head(Fp* x, uint64_t len, const Fp* tw) {
  using V = typename O::V;
  constexpr int kL = 1 << O::kLanesLog;
  V wv[kL];
  for (int i = 1; i < kL; ++i) wv[i] = O::broadcast(tw[i]);
  for (uint64_t off = 0; off < len; off += kL * kL) {
    V v[kL];
#pragma GCC unroll 8
    for (int q = 0; q < kL; ++q) v[q] = O::load(x + off + q * kL);
    O::transpose(v);
#pragma GCC unroll 4
    for (int lv = 0; lv < O::kLanesLog; ++lv) {
      const int h = 1 << lv;
#pragma GCC unroll 8
      for (int blk = 0; blk < kL; blk += 2 * h) {
#pragma GCC unroll 8
        for (int i = 0; i < h; ++i) {
          const V a = v[blk + i];
          const V b = i == 0 ? v[blk + i + h] : O::mul(v[blk + i + h], wv[h + i]);
          v[blk + i] = O::add(a, b);
          v[blk + i + h] = O::sub(a, b);
        }
      }
    }
    O::transpose(v);
#pragma GCC unroll 8
    for (int q = 0; q < kL; ++q) O::store(x + off + q * kL, v[q]);
  }
}

// Four independent chains of factors hide the multiply latency.
template <class O>
void scale_geometric(Fp* x, uint64_t n, Fp start, Fp ratio) {
  using V = typename O::V;
  constexpr uint64_t kL = uint64_t{1} << O::kLanesLog;
  constexpr uint64_t kStep = 4 * kL;
  Fp f = start;
  uint64_t i = 0;
  if (n >= kStep) {
    Fp init[kStep];
    for (uint64_t t = 0; t < kStep; ++t) {
      init[t] = f;
      f *= ratio;
    }
    const V step = O::broadcast(ratio.pow(kStep));
    V p0 = O::load(init), p1 = O::load(init + kL), p2 = O::load(init + 2 * kL),
      p3 = O::load(init + 3 * kL);
    for (; i + kStep <= n; i += kStep) {
      O::store(x + i, O::mul(O::load(x + i), p0));
      O::store(x + i + kL, O::mul(O::load(x + i + kL), p1));
      O::store(x + i + 2 * kL, O::mul(O::load(x + i + 2 * kL), p2));
      O::store(x + i + 3 * kL, O::mul(O::load(x + i + 3 * kL), p3));
      p0 = O::mul(p0, step);
      p1 = O::mul(p1, step);
      p2 = O::mul(p2, step);
      p3 = O::mul(p3, step);
    }
    O::store(init, p0);
    f = init[0];
  }
  for (; i < n; ++i) {
    x[i] *= f;
    f *= ratio;
  }
}

template <class O>
void mul(const Fp* a, const Fp* b, Fp* out, uint64_t n) {
  constexpr uint64_t kL = uint64_t{1} << O::kLanesLog;
  uint64_t i = 0;
  for (; i + kL <= n; i += kL) O::store(out + i, O::mul(O::load(a + i), O::load(b + i)));
  for (; i < n; ++i) out[i] = a[i] * b[i];
}

template <class O>
constexpr NttKernels make_kernels(SimdLevel level) {
  return NttKernels{level,       O::kLanesLog, O::kMaxGroup,       dif_layers<O>, dit_layers<O>,
                    dif_tail<O>, dit_head<O>,  scale_geometric<O>, mul<O>};
}

}  // namespace
}  // namespace baobab::ntt::detail
