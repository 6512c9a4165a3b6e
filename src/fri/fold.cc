#include "src/fri/fold.h"

#include <bit>

#include "src/common/check.h"
#include "src/field/roots.h"
#include "src/fri/domain.h"
#include "src/ntt/bit_reverse.h"

namespace baobab::fri {

namespace {

// kPairInverses[j] = ζ^-(reverse_bits(j, 3)), ζ a primitive 16th root of
// unity. For a coset of 2^b values (b <= 4) the first 2^(b-1) entries are
// ζ_b^-(reverse_bits(j, b-1)) with ζ_b primitive of order 2^b: in
// bit-reversed order, smaller subgroups are prefixes.
struct PairInverses {
  std::array<Fp, 1u << (kMaxLogArity - 1)> w{};
  PairInverses() {
    const Fp zeta_inv = field::two_adic_root(static_cast<int>(kMaxLogArity)).inverse();
    for (uint64_t j = 0; j < w.size(); ++j) {
      w[j] = zeta_inv.pow(ntt::reverse_bits(j, static_cast<int>(kMaxLogArity - 1)));
    }
  }
};

const PairInverses& pair_inverses() {
  static const PairInverses table;  // immutable after first use; thread-safe init
  return table;
}

// 2^-a, a <= kMaxLogArity.
Fp inverse_arity(unsigned log_arity) {
  return Fp::from_u64(uint64_t{1} << log_arity).inverse();
}

// The kernel shared by fold_coset and fold_layer.
inline Fp3 fold_kernel(const Fp3* coset, unsigned log_arity, Fp point_inverse,
                       const std::array<Fp3, kMaxLogArity>& betas, Fp scale, const Fp* w) {
  std::array<Fp3, 1u << kMaxLogArity> buf;
  const uint64_t size = uint64_t{1} << log_arity;
  for (uint64_t j = 0; j < size; ++j) buf[j] = coset[j];
  Fp x_inv = point_inverse;
  for (unsigned r = 0; r < log_arity; ++r) {
    const uint64_t half = size >> (r + 1);
    for (uint64_t j = 0; j < half; ++j) {
      const Fp3 u = buf[2 * j];
      const Fp3 v = buf[2 * j + 1];
      // Writes buf[j] after its last read (j <= 2j).
      buf[j] = (u + v) + betas[r] * ((u - v) * (x_inv * w[j]));
    }
    x_inv = x_inv.square();
  }
  return buf[0] * scale;
}

}  // namespace

std::array<Fp3, kMaxLogArity> round_challenges(const Fp3& beta, unsigned log_arity) {
  BAOBAB_CHECK(log_arity <= kMaxLogArity, "round_challenges: arity too large");
  std::array<Fp3, kMaxLogArity> out{};
  Fp3 b = beta;
  for (unsigned r = 0; r < log_arity; ++r) {
    out[r] = b;
    b = b.square();
  }
  return out;
}

Fp3 fold_coset(std::span<const Fp3> coset, unsigned log_arity, Fp point_inverse, const Fp3& beta) {
  BAOBAB_CHECK(log_arity >= 1 && log_arity <= kMaxLogArity, "fold_coset: bad arity");
  BAOBAB_CHECK(coset.size() == (uint64_t{1} << log_arity), "fold_coset: coset size != arity");
  return fold_kernel(coset.data(), log_arity, point_inverse, round_challenges(beta, log_arity),
                     inverse_arity(log_arity), pair_inverses().w.data());
}

void fold_layer(std::span<const Fp3> layer, unsigned log_arity, Fp shift, const Fp3& beta,
                std::span<Fp3> out) {
  BAOBAB_CHECK(std::has_single_bit(layer.size()), "fold_layer: size not a power of two");
  fold_aligned_block(layer, log_arity, static_cast<unsigned>(std::countr_zero(layer.size())), shift,
                     0, beta, out);
}

void fold_aligned_block(std::span<const Fp3> block, unsigned log_arity, unsigned log_size, Fp shift,
                        uint64_t first_position, const Fp3& beta, std::span<Fp3> out) {
  BAOBAB_CHECK(log_arity >= 1 && log_arity <= kMaxLogArity, "fold_layer: bad arity");
  BAOBAB_CHECK(log_size <= 32 && std::has_single_bit(block.size()) &&
                   block.size() <= (uint64_t{1} << log_size) &&
                   first_position % block.size() == 0 && first_position < (uint64_t{1} << log_size),
               "fold_layer: block not a power of two aligned inside the layer");
  const auto log_block = static_cast<unsigned>(std::countr_zero(block.size()));
  BAOBAB_CHECK(log_block >= log_arity, "fold_layer: layer smaller than a coset");
  BAOBAB_CHECK(out.size() == block.size() >> log_arity, "fold_layer: output size");
  // Position first + p, p < 2^b, reverses to reverse_bits(p, b)·2^(k-b) +
  // reverse_bits(first >> b, k - b): the block is the layer of 2^b points
  // over the coset shift · w_k^(reverse_bits(first >> b, k - b)) · <w_b>.
  const Fp block_shift =
      shift * field::two_adic_root(static_cast<int>(log_size))
                  .pow(ntt::reverse_bits(first_position >> log_block,
                                         static_cast<int>(log_size - log_block)));
  const std::vector<Fp> inverses = coset_point_inverses(log_block, log_arity, block_shift);
  const auto betas = round_challenges(beta, log_arity);
  const Fp scale = inverse_arity(log_arity);
  const Fp* w = pair_inverses().w.data();
  const auto cosets = static_cast<int64_t>(out.size());
  const Fp3* in = block.data();
  Fp3* dst = out.data();
#pragma omp parallel for schedule(static) if (cosets >= kParallelCosets)
  for (int64_t c = 0; c < cosets; ++c) {
    dst[c] = fold_kernel(in + (static_cast<uint64_t>(c) << log_arity), log_arity, inverses[c],
                         betas, scale, w);
  }
}

}  // namespace baobab::fri
