// Bit-reversal permutations of one column of 2^k elements, cache-blocked:
// the index splits as (a | m | c) with a and c of b bits, and the tile of all
// (a, c) for one m swaps with the tile of reverse(m), so every cache line read
// is used whole. Used by the transforms to switch between Order values.
#pragma once

#include <cstdint>

#include "src/field/goldilocks.h"

namespace baobab::ntt {

// The low `bits` bits of v in reverse order.
uint64_t reverse_bits(uint64_t v, int bits);

// x[i] <-> x[reverse_bits(i, log_n)], in place. `parallel`: split the tiles
// over the OpenMP threads of the enclosing region's team (or a new team).
void bit_reverse_permute(field::Fp* x, int log_n, bool parallel);

// dst[reverse_bits(i, log_n)] = src[i]; src and dst must not overlap.
void bit_reverse_copy(const field::Fp* src, field::Fp* dst, int log_n, bool parallel);

}  // namespace baobab::ntt
