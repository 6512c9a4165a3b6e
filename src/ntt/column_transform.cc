#include "src/ntt/column_transform.h"

#include <algorithm>

#include "src/common/check.h"

namespace baobab::ntt::detail {

namespace {

// Threads split strided passes into runs of this many offsets j.
constexpr uint64_t kRunLength = 1024;
// Element-wise work is split over threads in chunks of this many elements.
constexpr uint64_t kChunk = uint64_t{1} << 14;

// body(i) for i < items: over the threads when `parallel` and there are
// two items or more, else in this thread without entering a parallel
// region at all. (An `if` clause that turns a region off still builds a
// one-thread team, about a microsecond: the distributed NTT transforms
// thousands of short runs per column, each with parallel = false.)
template <class Body>
void for_each_index(int64_t items, bool parallel, const Body& body) {
  if (!parallel || items < 2) {
    for (int64_t i = 0; i < items; ++i) body(i);
    return;
  }
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < items; ++i) body(i);
}

// How many layers the next radix pass does, given `remaining` layers:
// as few passes as possible, as even as possible.
int group_size(int remaining, int max_group) {
  const int passes = (remaining + max_group - 1) / max_group;
  return (remaining + passes - 1) / passes;
}

// The kernels to use for a column of 2^log_n: vector kernels need at least
// one L x L tile.
const NttKernels& kernels_for(int log_n, const NttKernels& kernels) {
  return log_n < 2 * kernels.lanes_log ? kScalarNttKernels : kernels;
}

// One strided pass over the whole column: layers log_h_top .. log_h_top-g+1
// of DIF or DIT on every block of 2^(log_h_top+1) elements.
template <bool kDif>
void strided_pass(Fp* x, int log_n, int log_h_top, int g, const Fp* tw, const NttKernels& k,
                  bool parallel) {
  const uint64_t block = uint64_t{2} << log_h_top;
  const uint64_t blocks = (uint64_t{1} << log_n) / block;
  const uint64_t s = (uint64_t{1} << log_h_top) >> (g - 1);
  const uint64_t run = std::min(s, kRunLength);
  const uint64_t runs = s / run;
  for_each_index(static_cast<int64_t>(blocks * runs), parallel, [&](int64_t item) {
    const uint64_t b = static_cast<uint64_t>(item) / runs;
    const uint64_t j0 = (static_cast<uint64_t>(item) % runs) * run;
    if constexpr (kDif) {
      k.dif_layers(x + b * block, log_h_top, g, tw, j0, j0 + run);
    } else {
      k.dit_layers(x + b * block, log_h_top, g, tw, j0, j0 + run);
    }
  });
}

}  // namespace

void dif(Fp* x, int log_n, const Fp* tw, const NttKernels& kernels, bool parallel) {
  if (log_n == 0) return;
  const NttKernels& k = kernels_for(log_n, kernels);
  const int block_log = std::min(log_n, kBlockLog);

  // Out-of-cache layers, largest half-size first.
  int top = log_n - 1;
  while (top >= block_log) {
    const int g = group_size(top - block_log + 1, k.max_group);
    strided_pass<true>(x, log_n, top, g, tw, k, parallel);
    top -= g;
  }

  // In-cache layers, one block at a time.
  const uint64_t block = uint64_t{1} << block_log;
  const int64_t blocks = static_cast<int64_t>((uint64_t{1} << log_n) >> block_log);
  for_each_index(blocks, parallel, [&](int64_t bi) {
    Fp* xb = x + static_cast<uint64_t>(bi) * block;
    int t = block_log - 1;
    while (t >= k.lanes_log) {
      const int g = group_size(t - k.lanes_log + 1, k.max_group);
      const uint64_t sub = uint64_t{2} << t;
      const uint64_t s = (uint64_t{1} << t) >> (g - 1);
      for (uint64_t off = 0; off < block; off += sub) k.dif_layers(xb + off, t, g, tw, 0, s);
      t -= g;
    }
    k.dif_tail(xb, block, tw);
  });
}

void dit(Fp* x, int log_n, const Fp* tw, const NttKernels& kernels, bool parallel) {
  if (log_n == 0) return;
  const NttKernels& k = kernels_for(log_n, kernels);
  const int block_log = std::min(log_n, kBlockLog);

  // In-cache layers, one block at a time, smallest half-size first.
  const uint64_t block = uint64_t{1} << block_log;
  const int64_t blocks = static_cast<int64_t>((uint64_t{1} << log_n) >> block_log);
  for_each_index(blocks, parallel, [&](int64_t bi) {
    Fp* xb = x + static_cast<uint64_t>(bi) * block;
    k.dit_head(xb, block, tw);
    int low = k.lanes_log;
    while (low < block_log) {
      const int g = group_size(block_log - low, k.max_group);
      const int t = low + g - 1;
      const uint64_t sub = uint64_t{2} << t;
      const uint64_t s = uint64_t{1} << low;
      for (uint64_t off = 0; off < block; off += sub) k.dit_layers(xb + off, t, g, tw, 0, s);
      low += g;
    }
  });

  // Out-of-cache layers.
  int low = block_log;
  while (low < log_n) {
    const int g = group_size(log_n - low, k.max_group);
    strided_pass<false>(x, log_n, low + g - 1, g, tw, k, parallel);
    low += g;
  }
}

void scale_geometric(Fp* x, uint64_t n, Fp start, Fp ratio, const NttKernels& kernels,
                     bool parallel) {
  const int64_t chunks = static_cast<int64_t>((n + kChunk - 1) / kChunk);
  if (!parallel || chunks < 2) {
    kernels.scale_geometric(x, n, start, ratio);
    return;
  }
#pragma omp parallel for schedule(static)
  for (int64_t c = 0; c < chunks; ++c) {
    const uint64_t begin = static_cast<uint64_t>(c) * kChunk;
    const uint64_t len = std::min(kChunk, n - begin);
    kernels.scale_geometric(x + begin, len, start * ratio.pow(begin), ratio);
  }
}

void mul(const Fp* a, const Fp* b, Fp* out, uint64_t n, const NttKernels& kernels, bool parallel) {
  const int64_t chunks = static_cast<int64_t>((n + kChunk - 1) / kChunk);
  for_each_index(chunks, parallel, [&](int64_t c) {
    const uint64_t begin = static_cast<uint64_t>(c) * kChunk;
    kernels.mul(a + begin, b + begin, out + begin, std::min(kChunk, n - begin));
  });
}

int checked_log_size(const NttPlan& plan, uint64_t rows) {
  BAOBAB_CHECK(rows != 0 && (rows & (rows - 1)) == 0, "ntt: column length is not a power of two");
  const int log_n = __builtin_ctzll(rows);
  BAOBAB_CHECK(log_n <= plan.log_max_size(), "ntt: column longer than the plan's maximum size");
  return log_n;
}

}  // namespace baobab::ntt::detail
