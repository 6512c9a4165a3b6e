// The per-thread steps of the GPU NTT (kernels/ntt.cu), written once for the
// device and for the host emulation test (tests/kernels/emulation_test.cc),
// which runs every step over every index on the CPU and compares with
// src/ntt: index arithmetic is checked on machines without a GPU.
//
// Data: column-major, column c at data + c·stride, n = 2^log_n rows. Every
// index is 64-bit (a 2^26 × 256 trace has 2^34 elements).
//
// Two butterfly forms, each with its twiddle constant over a block:
//   nr (natural in, bit-reversed out; Cooley-Tukey):
//       (a, b) -> (a + b·S, a - b·S), levels top-down,
//   rn (bit-reversed in, natural out; Gentleman-Sande):
//       (a, b) -> (a + b, (a - b)·S), levels bottom-up,
// where the level of half-size h has m = n/(2h) blocks and block i uses
// S = T[m + i], T the per-level bit-reversed twiddle table
// T[m + i] = w_{2m}^rev_m(i) (bitrev_twiddles below, from the CPU plan's
// tw[m + i] = w_{2m}^i). nr with the inverse table is the forward transform
// with inverse roots; rn with the inverse table undoes nr with the forward one
// (up to the factor n). All threads of a warp share a block in the strided
// passes, so twiddles are broadcast loads and each butterfly is one multiply.
//
// A strided step does G consecutive levels h_top, ..., h_top >> (G-1) in
// registers for one work item: the 2^G elements j + t·s (t < 2^G) of one block
// of 2·h_top, with s = h_top >> (G-1) and j < s. Consecutive items are
// consecutive j, so a warp reads whole cache lines.
#pragma once

#include "kernels/goldilocks.cuh"

namespace baobab::kernels::ntt_steps {

// Work items of a strided step over `cols` columns of 2^log_n rows.
BAOBAB_HD uint64_t strided_items(uint64_t cols, int log_n, int g) {
  return cols << (log_n - g);
}

// Start of item `item`'s elements (element t sits at start + t·s); also the
// item's block of 2^G·s rows within its column.
BAOBAB_HD uint64_t* strided_start(uint64_t* data, uint64_t stride, int log_n, int log_s, int g,
                                  uint64_t item, uint64_t* block_out) {
  const uint64_t column = item >> (log_n - g);
  const uint64_t within = item & ((uint64_t{1} << (log_n - g)) - 1);
  const uint64_t j = within & ((uint64_t{1} << log_s) - 1);
  const uint64_t block = within >> log_s;
  *block_out = block;
  return data + column * stride + (block << (log_s + g)) + j;
}

// Level l of a strided step (half-size h_top >> l) has 2^(log_n - 1 -
// log_h_top + l) blocks; the item's elements t lie in block
// (block << l) + (t >> (G - l)).
BAOBAB_HD const uint64_t* level_twiddles(const uint64_t* table, int log_n, int log_h_top, int l,
                                         uint64_t block) {
  return table + (uint64_t{1} << (log_n - 1 - log_h_top + l)) + (block << l);
}

// G levels in registers on the 2^G elements x[t·2^log_s], t < 2^G: nr top-down
// or rn bottom-up (level l has half-size 2^(log_s + G - 1 - l)).
// level_twiddles(l) points at the twiddle of the first block of level l these
// elements lie in; element t is in that block + (t >> (G - l)).
template <int G, bool kNr, class LevelTwiddles>
BAOBAB_HD void butterfly_group(uint64_t* x, int log_s, const LevelTwiddles& level_twiddles) {
  constexpr int kSize = 1 << G;
  uint64_t e[kSize];
  BAOBAB_UNROLL
  for (int t = 0; t < kSize; ++t) e[t] = x[static_cast<uint64_t>(t) << log_s];
  BAOBAB_UNROLL
  for (int step = 0; step < G; ++step) {
    const int l = kNr ? step : G - 1 - step;
    const int hr = 1 << (G - 1 - l);
    const uint64_t* tw = level_twiddles(l);
    BAOBAB_UNROLL
    for (int blk = 0; blk < kSize; blk += 2 * hr) {
      const uint64_t w = tw[blk >> (G - l)];
      BAOBAB_UNROLL
      for (int t = 0; t < hr; ++t) {
        const uint64_t u = e[blk + t];
        if constexpr (kNr) {
          const uint64_t v = gl::mul(e[blk + t + hr], w);
          e[blk + t] = gl::add(u, v);
          e[blk + t + hr] = gl::sub(u, v);
        } else {
          const uint64_t v = e[blk + t + hr];
          e[blk + t] = gl::add(u, v);
          e[blk + t + hr] = gl::mul(gl::sub(u, v), w);
        }
      }
    }
  }
  BAOBAB_UNROLL
  for (int t = 0; t < kSize; ++t) x[static_cast<uint64_t>(t) << log_s] = e[t];
}

// One strided step (levels h_top .. h_top >> (G-1)) for work item `item`.
template <int G, bool kNr>
BAOBAB_HD void strided(uint64_t* data, uint64_t stride, int log_n, int log_h_top,
                       const uint64_t* table, uint64_t item) {
  const int log_s = log_h_top - (G - 1);
  uint64_t block = 0;
  uint64_t* x = strided_start(data, stride, log_n, log_s, G, item, &block);
  butterfly_group<G, kNr>(x, log_s,
                          [&](int l) { return level_twiddles(table, log_n, log_h_top, l, block); });
}

// The twiddles of chunk `chunk`'s blocks at the level of half-size 2^log_h.
BAOBAB_HD const uint64_t* chunk_twiddles(const uint64_t* table, int log_n, int log_chunk, int log_h,
                                         uint64_t chunk) {
  const uint64_t within = chunk & ((uint64_t{1} << (log_n - log_chunk)) - 1);
  return table + (uint64_t{1} << (log_n - 1 - log_h)) + (within << (log_chunk - 1 - log_h));
}

// G levels of a chunk in registers (the shared-memory pass): item q <
// 2^(log_chunk - G) owns the elements j + t·s of its block of 2^G·s rows,
// s = 2^(log_h_top - G + 1), like a strided step inside the chunk. Fewer
// barriers than one level at a time.
template <int G, bool kNr>
BAOBAB_HD void chunk_group(uint64_t* chunk, int log_n, int log_chunk, int log_h_top,
                           const uint64_t* table, uint64_t c, uint32_t q) {
  const int log_s = log_h_top - (G - 1);
  const uint64_t j = q & ((1u << log_s) - 1);
  const uint64_t block = q >> log_s;
  butterfly_group<G, kNr>(chunk + (block << (log_s + G)) + j, log_s, [&](int l) {
    return chunk_twiddles(table, log_n, log_chunk, log_h_top - l, c) + (block << l);
  });
}

// Groups of levels inside a chunk of 2^log_chunk rows: at most kChunkGroup
// each, nearly equal, top-down (for nr; rn runs them in reverse).
constexpr int kChunkGroup = 3;

BAOBAB_HD int chunk_group_size(int levels) {
  const int groups = (levels + kChunkGroup - 1) / kChunkGroup;
  return (levels + groups - 1) / groups;
}

// Item q of the group of g levels whose largest half-size is 2^log_h_top.
template <bool kNr>
BAOBAB_HD void chunk_group_item(int g, uint64_t* chunk, int log_n, int log_chunk, int log_h_top,
                                const uint64_t* table, uint64_t c, uint32_t q) {
  switch (g) {
    case 1:
      chunk_group<1, kNr>(chunk, log_n, log_chunk, log_h_top, table, c, q);
      break;
    case 2:
      chunk_group<2, kNr>(chunk, log_n, log_chunk, log_h_top, table, c, q);
      break;
    default:
      chunk_group<3, kNr>(chunk, log_n, log_chunk, log_h_top, table, c, q);
      break;
  }
}

// Start of chunk `chunk` (of 2^log_chunk rows) over columns of 2^log_n rows.
BAOBAB_HD uint64_t* chunk_start(uint64_t* data, uint64_t stride, int log_n, int log_chunk,
                                uint64_t chunk) {
  const uint64_t column = chunk >> (log_n - log_chunk);
  const uint64_t within = chunk & ((uint64_t{1} << (log_n - log_chunk)) - 1);
  return data + column * stride + (within << log_chunk);
}

BAOBAB_HD uint64_t reverse_bits(uint64_t x, int bits) {
  if (bits == 0) return 0;
#if defined(__CUDA_ARCH__)
  return __brevll(x) >> (64 - bits);
#else
  x = ((x >> 1) & 0x5555555555555555ULL) | ((x & 0x5555555555555555ULL) << 1);
  x = ((x >> 2) & 0x3333333333333333ULL) | ((x & 0x3333333333333333ULL) << 2);
  x = ((x >> 4) & 0x0F0F0F0F0F0F0F0FULL) | ((x & 0x0F0F0F0F0F0F0F0FULL) << 4);
  x = ((x >> 8) & 0x00FF00FF00FF00FFULL) | ((x & 0x00FF00FF00FF00FFULL) << 8);
  x = ((x >> 16) & 0x0000FFFF0000FFFFULL) | ((x & 0x0000FFFF0000FFFFULL) << 16);
  x = (x >> 32) | (x << 32);
  return x >> (64 - bits);
#endif
}

// T[m + i] = tw[m + rev_m(i)] for every level m = 2^k < 2^log_size (T[0] = 1):
// the per-level bit-reversed copy of a CPU plan table (src/ntt/plan.h).
inline void bitrev_twiddles(const uint64_t* tw, int log_size, uint64_t* out) {
  out[0] = 1;
  for (int k = 0; k < log_size; ++k) {
    const uint64_t m = uint64_t{1} << k;
    for (uint64_t i = 0; i < m; ++i) out[m + i] = tw[m + reverse_bits(i, k)];
  }
}

// Bit reversal by 32 × 32 tiles (log_n >= 10): index = hi·2^(log_n-5) +
// mid·2^5 + lo with 5-bit hi and lo, and reverse(index) = rev(lo)·2^(log_n-5)
// + rev(mid)·2^5 + rev(hi). Tile `mid` and tile rev(mid) swap contents, so a
// thread block reads and writes whole 256-byte rows of both.
constexpr int kTileBits = 5;
constexpr int kTile = 1 << kTileBits;

BAOBAB_HD uint64_t tile_index(int log_n, uint64_t mid, uint32_t hi, uint32_t lo) {
  return (static_cast<uint64_t>(hi) << (log_n - kTileBits)) | (mid << kTileBits) | lo;
}

// x[i] *= start · ratio^i for one column's share of thread t < T = 2^log_threads:
// i = t + k·T (coalesced), from one pow and then steps of step = ratio^T.
BAOBAB_HD void scale_item(uint64_t* data, uint64_t stride, int log_n, int log_threads,
                          uint64_t start, uint64_t ratio, uint64_t step, uint64_t item) {
  const uint64_t column = item >> log_threads;
  const uint64_t t = item & ((uint64_t{1} << log_threads) - 1);
  uint64_t* x = data + column * stride;
  uint64_t factor = gl::mul(start, gl::pow(ratio, t));
  for (uint64_t i = t; i < (uint64_t{1} << log_n); i += uint64_t{1} << log_threads) {
    x[i] = gl::mul(x[i], factor);
    factor = gl::mul(factor, step);
  }
}

// Threads per column for scale_item and expand_item: 16 elements each.
BAOBAB_HD int log_threads_per_column(int log_n) {
  return log_n >= 4 ? log_n - 4 : 0;
}

// The LDE's expansion. Evaluating the coefficients c over the coset
// shift·<w_N>, N = n·B, splits into B size-n transforms: the points
// shift·w_N^(q + B·m) give sum_i c_i (shift·w_N^q)^i w_n^(i·m), and in
// bit-reversed order of N they sit in block rev_B(q), position rev_n(m). So
// block rev_B(q) gets c_i · start · (shift·w_N^q)^i, and a size-n DIF of each
// block finishes the LDE with no arithmetic on zero padding.
struct ExpandParams {
  uint64_t start;     // 1/n from evaluations, 1 from coefficients
  uint64_t shift;     // the coset shift
  uint64_t root;      // w_N
  uint64_t step[16];  // (shift · w_N^q)^T, T threads per column
};

// Column `item >> log_threads` holds n·2^kLogBlowup rows, coefficients in
// its first n; columns are back to back.
template <int kLogBlowup>
BAOBAB_HD void expand_item(uint64_t* data, int log_n, int log_threads, const ExpandParams& params,
                           uint64_t item) {
  constexpr int kBlowup = 1 << kLogBlowup;
  const uint64_t n = uint64_t{1} << log_n;
  const uint64_t column = item >> log_threads;
  const uint64_t t = item & ((uint64_t{1} << log_threads) - 1);
  uint64_t* x = data + column * (n << kLogBlowup);
  uint64_t factor[kBlowup];
  factor[0] = gl::mul(params.start, gl::pow(params.shift, t));
  const uint64_t root_t = gl::pow(params.root, t);
  BAOBAB_UNROLL
  for (int q = 1; q < kBlowup; ++q) factor[q] = gl::mul(factor[q - 1], root_t);
  for (uint64_t i = t; i < n; i += uint64_t{1} << log_threads) {
    const uint64_t value = x[i];
    BAOBAB_UNROLL
    for (int q = 0; q < kBlowup; ++q) {
      const uint64_t block = reverse_bits(static_cast<uint64_t>(q), kLogBlowup);
      x[block * n + i] = gl::mul(value, factor[q]);
      factor[q] = gl::mul(factor[q], params.step[q]);
    }
  }
}

// The pass schedule of a transform of 2^log_n rows: strided passes of at most
// kMaxGroup layers for the half-sizes >= 2^kTailLog, nearly equal in size,
// and one shared-memory pass for the layers below (all of them when log_n <=
// kTailLog). nr runs top-down, rn bottom-up.
constexpr int kTailLog = 11;  // 2048 rows, 16 KiB of shared memory
constexpr int kMaxGroup = 4;

struct Pass {
  bool tail;      // shared-memory pass over chunks of 2^log_chunk rows
  int log_chunk;  // tail passes
  int group;      // strided passes: layers in the pass
  int log_h_top;  // strided passes: the largest half-size
};

struct PassList {
  Pass pass[32];
  int count = 0;
};

inline int next_group(int layers) {
  const int passes = (layers + kMaxGroup - 1) / kMaxGroup;
  return (layers + passes - 1) / passes;
}

inline PassList nr_passes(int log_n) {
  PassList list;
  if (log_n == 0) return list;
  const int tail = log_n < kTailLog ? log_n : kTailLog;
  int remaining = log_n - tail;
  int log_h_top = log_n - 1;
  while (remaining > 0) {
    const int g = next_group(remaining);
    list.pass[list.count++] = Pass{false, 0, g, log_h_top};
    log_h_top -= g;
    remaining -= g;
  }
  list.pass[list.count++] = Pass{true, tail, 0, 0};
  return list;
}

inline PassList rn_passes(int log_n) {
  PassList list;
  if (log_n == 0) return list;
  const int tail = log_n < kTailLog ? log_n : kTailLog;
  list.pass[list.count++] = Pass{true, tail, 0, 0};
  int low = tail;
  while (low < log_n) {
    const int g = next_group(log_n - low);
    list.pass[list.count++] = Pass{false, 0, g, low + g - 1};
    low += g;
  }
  return list;
}

}  // namespace baobab::kernels::ntt_steps
