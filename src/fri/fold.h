// The FRI fold (docs/fri.md §fold): one coset of 2^a values of f to one value
// of the folded function. Prover (whole layers) and verifier (queried cosets)
// call the same kernel, so they agree bit for bit.
//
// Formula. Write f(x) = sum_{t < 2^a} x^t · f_t(x^(2^a)). The fold with
// challenge β is
//   fold(f, β)(y) = sum_t β^t · f_t(y),   y = x^(2^a),
// i.e. the inverse DFT of the coset values, combined with powers of β. We
// compute it as a radix-2 rounds inside the coset (in bit-reversed order the
// pairs ±x are adjacent): round r maps the pair (u, v) at (x, -x) to
//   (u + v) + β^(2^r) · x^-1 · (u - v)   [= 2 · (f_e(x^2) + β^(2^r) f_o(x^2))]
// and after the a rounds the result is scaled by 2^-a. Expanding the rounds
// gives exactly sum_t β^t f_t(y) (the even/odd split with β, β^2, β^4, …).
//
// Within a coset whose first point is x_c, the pair j of round r sits at
// x_c^(2^r) · ζ^(reverse_bits(j, a-r-1)); its inverse is x_c^-(2^r) times a
// fixed table of 8 inverse roots (prefix-stable across arities in
// bit-reversed order), so each coset costs one base-field inverse, supplied
// by the caller (coset_point_inverses for a whole layer, a batch inverse in
// the verifier).
//
// Threads: fold_layer splits cosets among OpenMP threads (static schedule)
// for layers of at least kParallelCosets cosets; every output is a pure
// function of its coset, so results never depend on the thread count.
// Distribution (DESIGN §4 item 6): a rank holding the contiguous positions
// [r·n/R, (r+1)·n/R) of a layer folds them alone into positions
// [r·n/(R·2^a), …) of the next layer, as long as its block is a whole number
// of cosets.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "src/field/ext3.h"
#include "src/field/goldilocks.h"
#include "src/fri/options.h"

namespace baobab::fri {

using field::Fp;
using field::Fp3;

inline constexpr int64_t kParallelCosets = int64_t{1} << 12;

// β, β^2, β^4, …, β^(2^(a-1)): the challenge of each radix-2 round.
std::array<Fp3, kMaxLogArity> round_challenges(const Fp3& beta, unsigned log_arity);

// The fold of one coset: `coset` holds its 2^log_arity values in bit-reversed
// order, `point_inverse` = 1 / (the point of its first position).
Fp3 fold_coset(std::span<const Fp3> coset, unsigned log_arity, Fp point_inverse, const Fp3& beta);

// Folds a whole layer of 2^log_size values over shift · <w> (bit-reversed)
// into `out` (2^(log_size - log_arity) values, bit-reversed over shift^(2^a)·<w^(2^a)>).
void fold_layer(std::span<const Fp3> layer, unsigned log_arity, Fp shift, const Fp3& beta,
                std::span<Fp3> out);

// The same for an aligned block of a layer of 2^log_size values: positions
// [first_position, first_position + block.size()), a power of two that
// divides first_position, into positions [first_position >> a, ...) of the
// next layer (a rank's Merkle subtree of the layer, DESIGN §4 item 6).
void fold_aligned_block(std::span<const Fp3> block, unsigned log_arity, unsigned log_size, Fp shift,
                        uint64_t first_position, const Fp3& beta, std::span<Fp3> out);

}  // namespace baobab::fri
