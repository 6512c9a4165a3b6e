// SHA-256 with the x86 SHA extensions, several messages in lock-step.
//
// Compiled with -msha -msse4.1 (see CMakeLists.txt); entered only after
// sha_ni_supported(). One SHA-256 block is 64 dependent sha256rnds2 steps
// (two rounds each), so a single stream is bound by that instruction's
// latency, not by its throughput. Merkle trees hash many independent
// messages of equal length, so we interleave kShaNiLanes of them: the
// compiler emits the lanes' instructions side by side and the out-of-order
// core overlaps their chains. Messages are read in place; only the first block
// (which starts with the domain prefix) and the padded tail are copied.
#include <immintrin.h>

#include <cstring>

#include "src/hash/sha256_kernels.h"

namespace baobab::hash::detail {

namespace {

alignas(16) constexpr uint32_t kRoundConstants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

alignas(16) constexpr uint32_t kInitialState[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

// The state as sha256rnds2 wants it: words (A,B,E,F) and (C,D,G,H), A and C
// in the highest lane.
struct State {
  __m128i abef;
  __m128i cdgh;
};

inline State initial_state() {
  __m128i dcba = _mm_load_si128(reinterpret_cast<const __m128i*>(&kInitialState[0]));
  __m128i hgfe = _mm_load_si128(reinterpret_cast<const __m128i*>(&kInitialState[4]));
  const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  return {_mm_alignr_epi8(cdab, efgh, 8), _mm_blend_epi16(efgh, cdab, 0xF0)};
}

inline void store_digest(const State& s, Digest* out) {
  const __m128i feba = _mm_shuffle_epi32(s.abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(s.cdgh, 0xB1);
  const __m128i dcba = _mm_blend_epi16(feba, dchg, 0xF0);
  const __m128i hgfe = _mm_alignr_epi8(dchg, feba, 8);
  // Words are big-endian in the digest.
  const __m128i bswap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out->data()), _mm_shuffle_epi8(dcba, bswap));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out->data() + 16), _mm_shuffle_epi8(hgfe, bswap));
}

// One 64-byte block for each of L independent states.
template <size_t L>
inline void compress(State (&state)[L], const uint8_t* const (&block)[L]) {
  const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  State saved[L];
  __m128i w[L][4];
  for (size_t l = 0; l < L; ++l) saved[l] = state[l];
#pragma GCC unroll 16
  for (int i = 0; i < 16; ++i) {
    const __m128i k = _mm_load_si128(reinterpret_cast<const __m128i*>(&kRoundConstants[4 * i]));
#pragma GCC unroll 4
    for (size_t l = 0; l < L; ++l) {
      __m128i wi;
      if (i < 4) {
        // Message words W[4i..4i+3], big-endian in memory.
        wi = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(block[l] + 16 * i)),
                              bswap);
      } else {
        // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time.
        wi = _mm_sha256msg1_epu32(w[l][i & 3], w[l][(i - 3) & 3]);
        wi = _mm_add_epi32(wi, _mm_alignr_epi8(w[l][(i - 1) & 3], w[l][(i - 2) & 3], 4));
        wi = _mm_sha256msg2_epu32(wi, w[l][(i - 1) & 3]);
      }
      w[l][i & 3] = wi;
      __m128i wk = _mm_add_epi32(wi, k);
      state[l].cdgh = _mm_sha256rnds2_epu32(state[l].cdgh, state[l].abef, wk);
      wk = _mm_shuffle_epi32(wk, 0x0E);
      state[l].abef = _mm_sha256rnds2_epu32(state[l].abef, state[l].cdgh, wk);
    }
  }
  for (size_t l = 0; l < L; ++l) {
    state[l].abef = _mm_add_epi32(state[l].abef, saved[l].abef);
    state[l].cdgh = _mm_add_epi32(state[l].cdgh, saved[l].cdgh);
  }
}

// The block structure shared by all messages of one call: the padded message
// prefix || message || 0x80 || 0* || bit length (64-bit big-endian).
struct Layout {
  size_t prefix_bytes;
  size_t total;        // prefix + message bytes
  size_t full_blocks;  // blocks made only of prefixed-message bytes
  size_t blocks;       // all blocks, padding included

  Layout(size_t prefix, size_t length)
      : prefix_bytes(prefix),
        total(prefix + length),
        full_blocks(total / 64),
        blocks((total + 9 + 63) / 64) {}
};

// Per-message scratch for the blocks that are not read in place.
struct Scratch {
  alignas(16) uint8_t first[64];  // prefix || message[0, 64 - prefix)
  alignas(16) uint8_t tail[128];  // the last 1 or 2 blocks, with padding
};

inline void fill_scratch(const Layout& layout, std::span<const uint8_t> prefix,
                         const uint8_t* message, Scratch& scratch) {
  const size_t p = layout.prefix_bytes;
  if (layout.full_blocks > 0 && p > 0) {
    std::memcpy(scratch.first, prefix.data(), p);
    std::memcpy(scratch.first + p, message, 64 - p);
  }
  const size_t tail_start = 64 * layout.full_blocks;
  const size_t tail_blocks = layout.blocks - layout.full_blocks;
  const size_t tail_bytes = 64 * tail_blocks;
  std::memset(scratch.tail, 0, tail_bytes);
  size_t pos = tail_start;
  size_t out = 0;
  for (; pos < p && pos < layout.total; ++pos) scratch.tail[out++] = prefix[pos];
  const size_t rest = layout.total - pos;
  if (rest > 0) std::memcpy(scratch.tail + out, message + (pos - p), rest);
  out += rest;
  scratch.tail[out] = 0x80;
  const uint64_t bits = static_cast<uint64_t>(layout.total) * 8;
  for (int i = 0; i < 8; ++i) {
    scratch.tail[tail_bytes - 1 - i] = static_cast<uint8_t>(bits >> (8 * i));
  }
}

inline const uint8_t* block_pointer(const Layout& layout, const uint8_t* message,
                                    const Scratch& scratch, size_t j) {
  if (j < layout.full_blocks) {
    if (j == 0 && layout.prefix_bytes > 0) return scratch.first;
    return message + 64 * j - layout.prefix_bytes;
  }
  return scratch.tail + 64 * (j - layout.full_blocks);
}

template <size_t L>
void hash_lanes(const Layout& layout, std::span<const uint8_t> prefix, const uint8_t* messages,
                size_t length, Digest* out) {
  Scratch scratch[L];
  State state[L];
  const uint8_t* message[L];
  for (size_t l = 0; l < L; ++l) {
    message[l] = messages + l * length;
    fill_scratch(layout, prefix, message[l], scratch[l]);
    state[l] = initial_state();
  }
  for (size_t j = 0; j < layout.blocks; ++j) {
    const uint8_t* block[L];
    for (size_t l = 0; l < L; ++l) block[l] = block_pointer(layout, message[l], scratch[l], j);
    compress<L>(state, block);
  }
  for (size_t l = 0; l < L; ++l) store_digest(state[l], out + l);
}

}  // namespace

void sha256_many_shani(std::span<const uint8_t> prefix, const uint8_t* messages, size_t length,
                       size_t count, Digest* out) {
  const Layout layout(prefix.size(), length);
  size_t i = 0;
  for (; i + kShaNiLanes <= count; i += kShaNiLanes) {
    hash_lanes<kShaNiLanes>(layout, prefix, messages + i * length, length, out + i);
  }
  for (; i < count; ++i) hash_lanes<1>(layout, prefix, messages + i * length, length, out + i);
}

}  // namespace baobab::hash::detail
