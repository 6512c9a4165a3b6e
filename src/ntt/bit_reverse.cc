#include "src/ntt/bit_reverse.h"

#include <algorithm>

namespace baobab::ntt {

using field::Fp;

uint64_t reverse_bits(uint64_t v, int bits) {
  if (bits == 0) return 0;
  v = ((v >> 1) & 0x5555555555555555ULL) | ((v & 0x5555555555555555ULL) << 1);
  v = ((v >> 2) & 0x3333333333333333ULL) | ((v & 0x3333333333333333ULL) << 2);
  v = ((v >> 4) & 0x0F0F0F0F0F0F0F0FULL) | ((v & 0x0F0F0F0F0F0F0F0FULL) << 4);
  v = __builtin_bswap64(v);
  return v >> (64 - bits);
}

namespace {

// Tiles of 2^kTileLog x 2^kTileLog elements: 32 rows of 256 bytes (8 KiB), so
// a tile read touches few pages and whole runs of cache lines; the two tiles
// of a swap stay in L1.
constexpr int kTileLog = 5;

struct TileShape {
  int b;          // bits of a and of c
  int mid;        // bits of m
  uint64_t row;   // distance between rows a and a+1 (2^(k-b))
  uint64_t side;  // 2^b
};

TileShape tile_shape(int log_n) {
  const int b = std::min(kTileLog, log_n / 2);
  return {b, log_n - 2 * b, uint64_t{1} << (log_n - b), uint64_t{1} << b};
}

}  // namespace

void bit_reverse_permute(Fp* x, int log_n, bool parallel) {
  if (log_n < 2) return;
  const TileShape t = tile_shape(log_n);
  uint64_t rev_side[1 << kTileLog];
  for (uint64_t i = 0; i < t.side; ++i) rev_side[i] = reverse_bits(i, t.b);
  const int64_t mids = static_cast<int64_t>(uint64_t{1} << t.mid);
#pragma omp parallel for schedule(static) if (parallel && mids >= 64)
  for (int64_t mi = 0; mi < mids; ++mi) {
    const uint64_t m = static_cast<uint64_t>(mi);
    const uint64_t m2 = reverse_bits(m, t.mid);
    if (m2 < m) continue;
    Fp* tile_m = x + (m << t.b);
    Fp* tile_m2 = x + (m2 << t.b);
    Fp a_tile[1 << (2 * kTileLog)];
    Fp b_tile[1 << (2 * kTileLog)];
    for (uint64_t a = 0; a < t.side; ++a)
      for (uint64_t c = 0; c < t.side; ++c) a_tile[(a << t.b) + c] = tile_m[a * t.row + c];
    if (m2 != m) {
      for (uint64_t a = 0; a < t.side; ++a)
        for (uint64_t c = 0; c < t.side; ++c) b_tile[(a << t.b) + c] = tile_m2[a * t.row + c];
    }
    // Element (a, c) of tile m lands at row rev(c), column rev(a) of tile m2.
    for (uint64_t a2 = 0; a2 < t.side; ++a2) {
      for (uint64_t c2 = 0; c2 < t.side; ++c2) {
        const uint64_t src = (rev_side[c2] << t.b) + rev_side[a2];
        tile_m2[a2 * t.row + c2] = a_tile[src];
        if (m2 != m) tile_m[a2 * t.row + c2] = b_tile[src];
      }
    }
  }
}

void bit_reverse_copy(const Fp* src, Fp* dst, int log_n, bool parallel) {
  if (log_n < 2) {
    std::copy(src, src + (uint64_t{1} << log_n), dst);
    return;
  }
  const TileShape t = tile_shape(log_n);
  uint64_t rev_side[1 << kTileLog];
  for (uint64_t i = 0; i < t.side; ++i) rev_side[i] = reverse_bits(i, t.b);
  const int64_t mids = static_cast<int64_t>(uint64_t{1} << t.mid);
#pragma omp parallel for schedule(static) if (parallel && mids >= 64)
  for (int64_t mi = 0; mi < mids; ++mi) {
    const uint64_t m = static_cast<uint64_t>(mi);
    const uint64_t m2 = reverse_bits(m, t.mid);
    const Fp* tile_src = src + (m << t.b);
    Fp* tile_dst = dst + (m2 << t.b);
    Fp a_tile[1 << (2 * kTileLog)];
    for (uint64_t a = 0; a < t.side; ++a)
      for (uint64_t c = 0; c < t.side; ++c) a_tile[(a << t.b) + c] = tile_src[a * t.row + c];
    for (uint64_t a2 = 0; a2 < t.side; ++a2)
      for (uint64_t c2 = 0; c2 < t.side; ++c2)
        tile_dst[a2 * t.row + c2] = a_tile[(rev_side[c2] << t.b) + rev_side[a2]];
  }
}

}  // namespace baobab::ntt
