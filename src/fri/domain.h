// Evaluation points of FRI layers in bit-reversed order (docs/fri.md).
//
// Layer i of a FRI run holds 2^k values (k = its log size) over the coset
// s_i · <w_k>, w_k = field::two_adic_root(k), s_0 = field::kCosetShift and
// s_{i+1} = s_i^(2^a) for a fold by 2^a. Position p holds the value at
//   x(k, s, p) = s · w_k^(reverse_bits(p, k))
// (the order ntt::lde writes with Order::kBitReversed). Two facts make every
// FRI step local to contiguous positions (DESIGN §4 item 6):
//   * the 2^a positions [c·2^a, (c+1)·2^a) are one coset {x_c · ζ^j} of the
//     2^a-th roots of unity ζ^j, with x_c = x(k, s, c·2^a); the value at
//     position c·2^a + j sits at x_c · ζ^(reverse_bits(j, a));
//   * powers are positions in smaller domains:
//     x(k, s, p)^(2^j) = x(k - j, s^(2^j), p >> j), so the folded value of
//     coset c lands at position c of the next layer.
// Callers: fold.cc (prover), verifier.cc, tests.
#pragma once

#include <cstdint>
#include <vector>

#include "src/field/goldilocks.h"

namespace baobab::fri {

using field::Fp;

// x(log_size, shift, pos) above: O(log_size) multiplications (one power of
// w_k); the verifier calls it once per query and layer.
Fp domain_point(unsigned log_size, Fp shift, uint64_t pos);

// shift^(2^log_times): the coset shift of the layer reached after folding
// the domain by 2^log_times in total.
Fp shift_power(Fp shift, unsigned log_times);

// 1 / x(log_size, shift, c · 2^log_arity) for every coset c of a layer, in
// coset order: 2^(log_size - log_arity) entries. Built in bit-reversed order
// directly (entry 2^l + j = entry j · w^(-2^(L-1-l)), L = log_size - log_arity),
// one multiplication per entry after a single inversion; levels are split
// among OpenMP threads when large (results do not depend on thread count).
std::vector<Fp> coset_point_inverses(unsigned log_size, unsigned log_arity, Fp shift);

}  // namespace baobab::fri
