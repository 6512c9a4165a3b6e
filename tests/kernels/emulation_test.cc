// The GPU kernels' per-thread code (kernels/*.cuh) run on the CPU, thread by
// thread, and compared with src/ntt and src/hash: checks the kernels' index
// arithmetic, pass schedule and SHA-256 message layout on every machine, GPU
// or not. The thread-block structure (shared-memory chunks, 32 × 32 tiles) is
// replayed in the order the kernels use it.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "kernels/ext3.cuh"
#include "kernels/ntt_steps.cuh"
#include "kernels/sha256.cuh"
#include "src/field/ext3.h"
#include "src/field/roots.h"
#include "src/hash/sha256_hasher.h"
#include "src/merkle/leaves.h"
#include "src/ntt/lde.h"
#include "src/ntt/ntt.h"
#include "tests/src/ntt/ntt_test_util.h"

namespace baobab::kernels {
namespace {

using field::Fp;
using ntt::Order;
using ntt::testing::random_column;

uint64_t* raw(std::vector<Fp>& v) {
  return reinterpret_cast<uint64_t*>(v.data());
}
// The device's twiddle tables: the plan's, each level bit-reversed.
struct Tables {
  std::vector<uint64_t> forward;
  std::vector<uint64_t> inverse;
  explicit Tables(const ntt::NttPlan& plan)
      : forward(uint64_t{1} << plan.log_max_size()), inverse(forward.size()) {
    ntt_steps::bitrev_twiddles(reinterpret_cast<const uint64_t*>(plan.forward_twiddles()),
                               plan.log_max_size(), forward.data());
    ntt_steps::bitrev_twiddles(reinterpret_cast<const uint64_t*>(plan.inverse_twiddles()),
                               plan.log_max_size(), inverse.data());
  }
};

template <bool kNr>
void emulate_strided(int g, uint64_t* data, uint64_t stride, int log_n, int log_h_top,
                     const uint64_t* tw, uint64_t item) {
  switch (g) {
    case 1:
      ntt_steps::strided<1, kNr>(data, stride, log_n, log_h_top, tw, item);
      break;
    case 2:
      ntt_steps::strided<2, kNr>(data, stride, log_n, log_h_top, tw, item);
      break;
    case 3:
      ntt_steps::strided<3, kNr>(data, stride, log_n, log_h_top, tw, item);
      break;
    case 4:
      ntt_steps::strided<4, kNr>(data, stride, log_n, log_h_top, tw, item);
      break;
    default:
      FAIL() << "group " << g;
  }
}

template <bool kNr>
void emulate_passes(uint64_t* data, uint64_t stride, uint64_t cols, int log_n, const uint64_t* tw) {
  const ntt_steps::PassList list = kNr ? ntt_steps::nr_passes(log_n) : ntt_steps::rn_passes(log_n);
  for (int p = 0; p < list.count; ++p) {
    const ntt_steps::Pass& pass = list.pass[p];
    if (pass.tail) {
      const uint64_t size = uint64_t{1} << pass.log_chunk;
      const uint64_t chunks = cols << (log_n - pass.log_chunk);
      std::vector<uint64_t> chunk(size);
      for (uint64_t c = 0; c < chunks; ++c) {
        uint64_t* x = ntt_steps::chunk_start(data, stride, log_n, pass.log_chunk, c);
        std::memcpy(chunk.data(), x, size * 8);
        for (int done = 0; done < pass.log_chunk;) {
          const int g = ntt_steps::chunk_group_size(pass.log_chunk - done);
          const int log_h_top = kNr ? pass.log_chunk - 1 - done : done + g - 1;
          for (uint32_t q = 0; q < (size >> g); ++q) {
            ntt_steps::chunk_group_item<kNr>(g, chunk.data(), log_n, pass.log_chunk, log_h_top, tw,
                                             c, q);
          }
          done += g;
        }
        std::memcpy(x, chunk.data(), size * 8);
      }
      continue;
    }
    const uint64_t items = ntt_steps::strided_items(cols, log_n, pass.group);
    for (uint64_t item = 0; item < items; ++item) {
      emulate_strided<kNr>(pass.group, data, stride, log_n, pass.log_h_top, tw, item);
    }
  }
}

// The tiled bit reversal of kernels/gpu_ntt.cu, one thread block at a time.
void emulate_bit_reverse(uint64_t* data, uint64_t stride, uint64_t cols, int log_n) {
  using ntt_steps::kTile;
  if (log_n <= 1) return;
  if (log_n < 2 * ntt_steps::kTileBits) {
    for (uint64_t c = 0; c < cols; ++c) {
      for (uint64_t i = 0; i < (uint64_t{1} << log_n); ++i) {
        const uint64_t r = ntt_steps::reverse_bits(i, log_n);
        if (i < r) std::swap(data[c * stride + i], data[c * stride + r]);
      }
    }
    return;
  }
  const int mid_bits = log_n - 2 * ntt_steps::kTileBits;
  std::vector<uint64_t> a(kTile * kTile), b(kTile * kTile);
  for (uint64_t c = 0; c < cols; ++c) {
    uint64_t* x = data + c * stride;
    for (uint64_t mid = 0; mid < (uint64_t{1} << mid_bits); ++mid) {
      const uint64_t rmid = ntt_steps::reverse_bits(mid, mid_bits);
      if (mid > rmid) continue;
      for (uint32_t hi = 0; hi < kTile; ++hi) {
        for (uint32_t lo = 0; lo < kTile; ++lo) {
          a[hi * kTile + lo] = x[ntt_steps::tile_index(log_n, mid, hi, lo)];
          b[hi * kTile + lo] = x[ntt_steps::tile_index(log_n, rmid, hi, lo)];
        }
      }
      for (uint32_t hi = 0; hi < kTile; ++hi) {
        for (uint32_t lo = 0; lo < kTile; ++lo) {
          const uint64_t rlo = ntt_steps::reverse_bits(lo, ntt_steps::kTileBits);
          const uint64_t rhi = ntt_steps::reverse_bits(hi, ntt_steps::kTileBits);
          x[ntt_steps::tile_index(log_n, rmid, hi, lo)] = a[rlo * kTile + rhi];
          if (mid != rmid) x[ntt_steps::tile_index(log_n, mid, hi, lo)] = b[rlo * kTile + rhi];
        }
      }
    }
  }
}

void emulate_scale(uint64_t* data, uint64_t stride, uint64_t cols, int log_n, Fp start, Fp ratio) {
  const int log_threads = ntt_steps::log_threads_per_column(log_n);
  const uint64_t step = ratio.pow(uint64_t{1} << log_threads).value();
  for (uint64_t item = 0; item < (cols << log_threads); ++item) {
    ntt_steps::scale_item(data, stride, log_n, log_threads, start.value(), ratio.value(), step,
                          item);
  }
}

// GpuNtt::lde, step by step; out holds n·blowup rows per column.
void emulate_lde(const Tables& tables, const std::vector<Fp>& evals, uint64_t n, uint64_t cols,
                 uint64_t blowup, Fp shift, std::vector<Fp>& out) {
  const int log_n = __builtin_ctzll(n);
  const int log_blowup = __builtin_ctzll(blowup);
  const uint64_t big_n = n * blowup;
  out.assign(big_n * cols, Fp::zero());
  for (uint64_t c = 0; c < cols; ++c) {
    std::copy(evals.begin() + c * n, evals.begin() + (c + 1) * n, out.begin() + c * big_n);
  }
  uint64_t* x = raw(out);
  emulate_passes<true>(x, big_n, cols, log_n, tables.inverse.data());
  emulate_bit_reverse(x, big_n, cols, log_n);
  ntt_steps::ExpandParams params{};
  params.start = Fp::from_u64(n).inverse().value();
  params.shift = shift.value();
  const Fp root = field::two_adic_root(log_n + log_blowup);
  params.root = root.value();
  const int log_threads = ntt_steps::log_threads_per_column(log_n);
  for (uint64_t q = 0; q < blowup; ++q) {
    params.step[q] = (shift * root.pow(q)).pow(uint64_t{1} << log_threads).value();
  }
  for (uint64_t item = 0; item < (cols << log_threads); ++item) {
    switch (log_blowup) {
      case 1:
        ntt_steps::expand_item<1>(x, log_n, log_threads, params, item);
        break;
      case 2:
        ntt_steps::expand_item<2>(x, log_n, log_threads, params, item);
        break;
      case 3:
        ntt_steps::expand_item<3>(x, log_n, log_threads, params, item);
        break;
      default:
        ntt_steps::expand_item<4>(x, log_n, log_threads, params, item);
        break;
    }
  }
  emulate_passes<true>(x, n, cols * blowup, log_n, tables.forward.data());
}

TEST(KernelEmulation, PassScheduleCoversEveryLayerOnce) {
  for (int log_n = 0; log_n <= 32; ++log_n) {
    const auto nr = ntt_steps::nr_passes(log_n);
    int layers = 0;
    int expected_top = log_n - 1;
    for (int p = 0; p < nr.count; ++p) {
      const auto& pass = nr.pass[p];
      if (pass.tail) {
        EXPECT_EQ(p, nr.count - 1);
        EXPECT_EQ(pass.log_chunk, expected_top + 1) << log_n;
        layers += pass.log_chunk;
      } else {
        EXPECT_EQ(pass.log_h_top, expected_top) << log_n;
        EXPECT_GE(pass.group, 1);
        EXPECT_LE(pass.group, ntt_steps::kMaxGroup);
        // A strided pass never reaches into a tail chunk: its smallest stride
        // is at least a chunk, so every warp reads whole cache lines.
        EXPECT_GE(pass.log_h_top - pass.group + 1, ntt_steps::kTailLog);
        expected_top -= pass.group;
        layers += pass.group;
      }
    }
    EXPECT_EQ(layers, log_n);
    const auto rn = ntt_steps::rn_passes(log_n);
    int rn_layers = 0;
    for (int p = 0; p < rn.count; ++p) {
      rn_layers += rn.pass[p].tail ? rn.pass[p].log_chunk : rn.pass[p].group;
    }
    EXPECT_EQ(rn_layers, log_n);
  }
}

TEST(KernelEmulation, TransformsMatchTheCpu) {
  const ntt::NttPlan plan(16);
  const Tables tables(plan);
  for (int log_n : {0, 1, 2, 5, 9, 10, 11, 12, 13, 15, 16}) {
    const uint64_t n = uint64_t{1} << log_n;
    for (uint64_t cols : {uint64_t{1}, uint64_t{3}}) {
      const uint64_t stride = n + 5;  // a view into a taller allocation
      std::vector<Fp> input(stride * cols);
      const auto values = random_column(stride * cols, 40 + log_n);
      std::copy(values.begin(), values.end(), input.begin());
      const ntt::MatrixView view(input.data(), n, cols, stride);
      for (Order order : {Order::kNatural, Order::kBitReversed}) {
        std::vector<Fp> cpu = input;
        std::vector<Fp> gpu = input;
        ntt::forward(plan, ntt::MatrixView(cpu.data(), n, cols, stride), order);
        emulate_passes<true>(raw(gpu), stride, cols, log_n, tables.forward.data());
        if (order == Order::kNatural) emulate_bit_reverse(raw(gpu), stride, cols, log_n);
        ASSERT_EQ(cpu, gpu) << "forward log_n " << log_n << " cols " << cols;

        cpu = input;
        gpu = input;
        const Fp shift = field::kCosetShift;
        ntt::coset_inverse(plan, ntt::MatrixView(cpu.data(), n, cols, stride), shift, order);
        if (order == Order::kBitReversed) {
          emulate_passes<false>(raw(gpu), stride, cols, log_n, tables.inverse.data());
        } else {
          emulate_passes<true>(raw(gpu), stride, cols, log_n, tables.inverse.data());
          emulate_bit_reverse(raw(gpu), stride, cols, log_n);
        }
        emulate_scale(raw(gpu), stride, cols, log_n, Fp::from_u64(n).inverse(), shift.inverse());
        ASSERT_EQ(cpu, gpu) << "coset_inverse log_n " << log_n << " cols " << cols;
      }
      (void)view;
    }
  }
}

TEST(KernelEmulation, LowDegreeExtensionMatchesTheCpu) {
  const ntt::NttPlan plan(16);
  const Tables tables(plan);
  for (int log_n : {0, 1, 3, 4, 7, 11, 12}) {
    const uint64_t n = uint64_t{1} << log_n;
    for (uint64_t blowup : {2, 4, 8, 16}) {
      if (log_n + __builtin_ctzll(blowup) > 16) continue;
      constexpr uint64_t kCols = 2;
      const auto evals = random_column(n * kCols, 70 + log_n);
      for (Fp shift : {field::kCosetShift, field::kCosetShift.pow(4)}) {
        std::vector<Fp> cpu(n * blowup * kCols);
        ntt::lde(plan, ntt::ConstMatrixView(evals.data(), n, kCols), blowup,
                 ntt::MatrixView(cpu.data(), n * blowup, kCols), Order::kBitReversed, shift);
        std::vector<Fp> gpu;
        emulate_lde(tables, evals, n, kCols, blowup, shift, gpu);
        ASSERT_EQ(cpu, gpu) << "log_n " << log_n << " blowup " << blowup;
      }
    }
  }
}

hash::Digest to_digest(const sha256::State& state) {
  uint32_t words[8];
  sha256::store_digest(state, words);
  hash::Digest digest;
  std::memcpy(digest.data(), words, 32);
  return digest;
}

TEST(KernelEmulation, LeafAndNodeDigestsMatchTheHasher) {
  const hash::Sha256Hasher hasher;
  constexpr uint64_t kRows = 8;
  // Every remainder of cols mod 8, one and several message blocks.
  for (uint64_t cols = 1; cols <= 25; ++cols) {
    const auto values = random_column(kRows * cols, 300 + cols);
    std::vector<hash::Digest> expected(kRows);
    merkle::hash_leaves(hasher, field::ConstMatrixView(values.data(), kRows, cols), expected);
    for (uint64_t r = 0; r < kRows; ++r) {
      const sha256::State state =
          sha256::hash_leaf(reinterpret_cast<const uint64_t*>(values.data()), kRows, cols, r);
      ASSERT_EQ(to_digest(state), expected[r]) << "cols " << cols << " row " << r;
    }
  }
  const auto left = hasher.hash_row(std::vector<uint8_t>{1, 2, 3});
  const auto right = hasher.hash_row(std::vector<uint8_t>{4, 5});
  uint32_t l[8], r[8];
  sha256::load_digest(reinterpret_cast<const uint32_t*>(left.data()), l);
  sha256::load_digest(reinterpret_cast<const uint32_t*>(right.data()), r);
  EXPECT_EQ(to_digest(sha256::hash_node(l, r)), hasher.compress(left, right));
}

TEST(KernelEmulation, ExtensionProductMatchesTheCpu) {
  const auto values = random_column(600, 5);
  for (size_t i = 0; i + 6 <= values.size(); i += 6) {
    const field::Fp3 a(values[i], values[i + 1], values[i + 2]);
    const field::Fp3 b(values[i + 3], values[i + 4], values[i + 5]);
    const gl::Ext3 da{a[0].value(), a[1].value(), a[2].value()};
    const gl::Ext3 db{b[0].value(), b[1].value(), b[2].value()};
    const gl::Ext3 product = gl::ext3_mul(da, db);
    const field::Fp3 expected = a * b;
    EXPECT_EQ(product.c0, expected[0].value());
    EXPECT_EQ(product.c1, expected[1].value());
    EXPECT_EQ(product.c2, expected[2].value());
    const gl::Ext3 sum = gl::ext3_add(da, db);
    EXPECT_EQ(sum.c1, (a + b)[1].value());
  }
}

}  // namespace
}  // namespace baobab::kernels
