// SHA-256 for the GPU Merkle commitment (kernels/merkle.cu), shared with the
// host emulation test like ntt_steps.cuh. Computes exactly the digests of
// src/hash/hasher.h:
//   leaf = H(0x00 || row bytes), row bytes = each element's 8 canonical
//          little-endian bytes, columns in order;
//   node = H(0x01 || left || right).
// The one-byte tag shifts every element across the 32-bit big-endian words
// SHA-256 reads: an element's bytes b0..b7 land in the words
// [prev_b7 b0 b1 b2] and [b3 b4 b5 b6], and b7 carries into the next word.
#pragma once

#include "kernels/goldilocks.cuh"

namespace baobab::kernels::sha256 {

struct State {
  uint32_t h[8];
};

BAOBAB_HD uint32_t rotr(uint32_t x, int n) {
  return (x >> n) | (x << (32 - n));
}

BAOBAB_HD State initial_state() {
  return {{0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au, 0x510e527fu, 0x9b05688cu,
           0x1f83d9abu, 0x5be0cd19u}};
}

#define BAOBAB_SHA256_ROUND(i, k)                                                                 \
  do {                                                                                            \
    uint32_t wi;                                                                                  \
    if (i < 16) {                                                                                 \
      wi = w[i];                                                                                  \
    } else {                                                                                      \
      const uint32_t w15 = w[(i + 1) & 15];                                                       \
      const uint32_t w2 = w[(i + 14) & 15];                                                       \
      const uint32_t s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3);                              \
      const uint32_t s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10);                               \
      wi = w[i & 15] = w[i & 15] + s0 + w[(i + 9) & 15] + s1;                                     \
    }                                                                                             \
    const uint32_t t1 =                                                                           \
        hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (k) + wi;          \
    const uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c)); \
    hh = g;                                                                                       \
    g = f;                                                                                        \
    f = e;                                                                                        \
    e = d + t1;                                                                                   \
    d = c;                                                                                        \
    c = b;                                                                                        \
    b = a;                                                                                        \
    a = t1 + t2;                                                                                  \
  } while (false)

// One compression of the 16 big-endian message words w (overwritten).
BAOBAB_HD void compress(State& state, uint32_t* w) {
  uint32_t a = state.h[0], b = state.h[1], c = state.h[2], d = state.h[3];
  uint32_t e = state.h[4], f = state.h[5], g = state.h[6], hh = state.h[7];
  BAOBAB_SHA256_ROUND(0, 0x428a2f98u);
  BAOBAB_SHA256_ROUND(1, 0x71374491u);
  BAOBAB_SHA256_ROUND(2, 0xb5c0fbcfu);
  BAOBAB_SHA256_ROUND(3, 0xe9b5dba5u);
  BAOBAB_SHA256_ROUND(4, 0x3956c25bu);
  BAOBAB_SHA256_ROUND(5, 0x59f111f1u);
  BAOBAB_SHA256_ROUND(6, 0x923f82a4u);
  BAOBAB_SHA256_ROUND(7, 0xab1c5ed5u);
  BAOBAB_SHA256_ROUND(8, 0xd807aa98u);
  BAOBAB_SHA256_ROUND(9, 0x12835b01u);
  BAOBAB_SHA256_ROUND(10, 0x243185beu);
  BAOBAB_SHA256_ROUND(11, 0x550c7dc3u);
  BAOBAB_SHA256_ROUND(12, 0x72be5d74u);
  BAOBAB_SHA256_ROUND(13, 0x80deb1feu);
  BAOBAB_SHA256_ROUND(14, 0x9bdc06a7u);
  BAOBAB_SHA256_ROUND(15, 0xc19bf174u);
  BAOBAB_SHA256_ROUND(16, 0xe49b69c1u);
  BAOBAB_SHA256_ROUND(17, 0xefbe4786u);
  BAOBAB_SHA256_ROUND(18, 0x0fc19dc6u);
  BAOBAB_SHA256_ROUND(19, 0x240ca1ccu);
  BAOBAB_SHA256_ROUND(20, 0x2de92c6fu);
  BAOBAB_SHA256_ROUND(21, 0x4a7484aau);
  BAOBAB_SHA256_ROUND(22, 0x5cb0a9dcu);
  BAOBAB_SHA256_ROUND(23, 0x76f988dau);
  BAOBAB_SHA256_ROUND(24, 0x983e5152u);
  BAOBAB_SHA256_ROUND(25, 0xa831c66du);
  BAOBAB_SHA256_ROUND(26, 0xb00327c8u);
  BAOBAB_SHA256_ROUND(27, 0xbf597fc7u);
  BAOBAB_SHA256_ROUND(28, 0xc6e00bf3u);
  BAOBAB_SHA256_ROUND(29, 0xd5a79147u);
  BAOBAB_SHA256_ROUND(30, 0x06ca6351u);
  BAOBAB_SHA256_ROUND(31, 0x14292967u);
  BAOBAB_SHA256_ROUND(32, 0x27b70a85u);
  BAOBAB_SHA256_ROUND(33, 0x2e1b2138u);
  BAOBAB_SHA256_ROUND(34, 0x4d2c6dfcu);
  BAOBAB_SHA256_ROUND(35, 0x53380d13u);
  BAOBAB_SHA256_ROUND(36, 0x650a7354u);
  BAOBAB_SHA256_ROUND(37, 0x766a0abbu);
  BAOBAB_SHA256_ROUND(38, 0x81c2c92eu);
  BAOBAB_SHA256_ROUND(39, 0x92722c85u);
  BAOBAB_SHA256_ROUND(40, 0xa2bfe8a1u);
  BAOBAB_SHA256_ROUND(41, 0xa81a664bu);
  BAOBAB_SHA256_ROUND(42, 0xc24b8b70u);
  BAOBAB_SHA256_ROUND(43, 0xc76c51a3u);
  BAOBAB_SHA256_ROUND(44, 0xd192e819u);
  BAOBAB_SHA256_ROUND(45, 0xd6990624u);
  BAOBAB_SHA256_ROUND(46, 0xf40e3585u);
  BAOBAB_SHA256_ROUND(47, 0x106aa070u);
  BAOBAB_SHA256_ROUND(48, 0x19a4c116u);
  BAOBAB_SHA256_ROUND(49, 0x1e376c08u);
  BAOBAB_SHA256_ROUND(50, 0x2748774cu);
  BAOBAB_SHA256_ROUND(51, 0x34b0bcb5u);
  BAOBAB_SHA256_ROUND(52, 0x391c0cb3u);
  BAOBAB_SHA256_ROUND(53, 0x4ed8aa4au);
  BAOBAB_SHA256_ROUND(54, 0x5b9cca4fu);
  BAOBAB_SHA256_ROUND(55, 0x682e6ff3u);
  BAOBAB_SHA256_ROUND(56, 0x748f82eeu);
  BAOBAB_SHA256_ROUND(57, 0x78a5636fu);
  BAOBAB_SHA256_ROUND(58, 0x84c87814u);
  BAOBAB_SHA256_ROUND(59, 0x8cc70208u);
  BAOBAB_SHA256_ROUND(60, 0x90befffau);
  BAOBAB_SHA256_ROUND(61, 0xa4506cebu);
  BAOBAB_SHA256_ROUND(62, 0xbef9a3f7u);
  BAOBAB_SHA256_ROUND(63, 0xc67178f2u);
  state.h[0] += a;
  state.h[1] += b;
  state.h[2] += c;
  state.h[3] += d;
  state.h[4] += e;
  state.h[5] += f;
  state.h[6] += g;
  state.h[7] += hh;
}

#undef BAOBAB_SHA256_ROUND

// The two message words of element `value` when the byte before it is
// `carry`; returns the element's last byte, which starts the next word.
BAOBAB_HD uint32_t element_words(uint64_t value, uint32_t carry, uint32_t& first,
                                 uint32_t& second) {
  const uint32_t lo = static_cast<uint32_t>(value);
  const uint32_t hi = static_cast<uint32_t>(value >> 32);
  first = (carry << 24) | ((lo & 0xffu) << 16) | (lo & 0xff00u) | ((lo >> 16) & 0xffu);
  second = (lo & 0xff000000u) | ((hi & 0xffu) << 16) | (hi & 0xff00u) | ((hi >> 16) & 0xffu);
  return hi >> 24;
}

// Leaf digest state of row `row` of a column-major matrix: eight elements fill
// one 64-byte block exactly, so blocks are assembled with constant indices
// (registers, not local memory).
BAOBAB_HD State hash_leaf(const uint64_t* data, uint64_t stride, uint64_t cols, uint64_t row) {
  State state = initial_state();
  uint32_t carry = 0x00;  // the leaf tag is the byte before element 0
  uint32_t w[16];
  uint64_t c = 0;
  for (; c + 8 <= cols; c += 8) {
    BAOBAB_UNROLL
    for (int k = 0; k < 8; ++k) {
      carry = element_words(data[(c + k) * stride + row], carry, w[2 * k], w[2 * k + 1]);
    }
    compress(state, w);
  }
  const int rest = static_cast<int>(cols - c);
  BAOBAB_UNROLL
  for (int k = 0; k < 8; ++k) {
    if (k < rest) {
      carry = element_words(data[(c + k) * stride + row], carry, w[2 * k], w[2 * k + 1]);
    } else if (k == rest) {
      w[2 * k] = (carry << 24) | 0x00800000u;  // last byte, then the 0x80 pad byte
      w[2 * k + 1] = 0;
    } else {
      w[2 * k] = 0;
      w[2 * k + 1] = 0;
    }
  }
  const uint64_t bits = (1 + 8 * cols) * 8;
  if (rest == 7) {  // the pad word took word 14: the length needs one more block
    compress(state, w);
    BAOBAB_UNROLL
    for (int k = 0; k < 14; ++k) w[k] = 0;
  }
  w[14] = static_cast<uint32_t>(bits >> 32);
  w[15] = static_cast<uint32_t>(bits);
  compress(state, w);
  return state;
}

// Node digest state of two children given as their state words.
BAOBAB_HD State hash_node(const uint32_t* left, const uint32_t* right) {
  State state = initial_state();
  uint32_t w[16];
  w[0] = (0x01u << 24) | (left[0] >> 8);
  BAOBAB_UNROLL
  for (int k = 1; k < 8; ++k) w[k] = (left[k - 1] << 24) | (left[k] >> 8);
  w[8] = (left[7] << 24) | (right[0] >> 8);
  BAOBAB_UNROLL
  for (int k = 1; k < 8; ++k) w[8 + k] = (right[k - 1] << 24) | (right[k] >> 8);
  compress(state, w);
  w[0] = (right[7] << 24) | 0x00800000u;
  BAOBAB_UNROLL
  for (int k = 1; k < 15; ++k) w[k] = 0;
  w[15] = 65 * 8;
  compress(state, w);
  return state;
}

// Digests are stored as their 32 bytes (state words big-endian), so a device
// array of them copies straight into hash::Digest values.
BAOBAB_HD uint32_t byte_swap(uint32_t x) {
#if defined(__CUDA_ARCH__)
  return __byte_perm(x, 0, 0x0123);
#else
  return __builtin_bswap32(x);
#endif
}

BAOBAB_HD void store_digest(const State& state, uint32_t* out) {
  BAOBAB_UNROLL
  for (int k = 0; k < 8; ++k) out[k] = byte_swap(state.h[k]);
}

BAOBAB_HD void load_digest(const uint32_t* in, uint32_t* words) {
  BAOBAB_UNROLL
  for (int k = 0; k < 8; ++k) words[k] = byte_swap(in[k]);
}

}  // namespace baobab::kernels::sha256
