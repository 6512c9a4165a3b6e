#include "src/fri/prover.h"

#include <algorithm>
#include <bit>
#include <string>
#include <type_traits>

#include "src/common/check.h"
#include "src/field/ext3_columns.h"
#include "src/field/roots.h"
#include "src/fri/domain.h"
#include "src/fri/fold.h"
#include "src/merkle/opening.h"
#include "src/ntt/ntt.h"

namespace baobab::fri {

namespace {

static_assert(std::endian::native == std::endian::little && sizeof(Fp3) == 24 &&
                  std::is_standard_layout_v<Fp3> && std::is_trivially_copyable_v<Fp3>,
              "an Fp3 in memory is its 24-byte canonical encoding (field/serialize.h)");

// Leaves hashed per Hasher::hash_rows call (and per OpenMP work item).
constexpr uint64_t kLeafChunk = 256;

}  // namespace

std::vector<uint64_t> coset_indices(std::span<const uint64_t> positions, unsigned log_arity) {
  std::vector<uint64_t> out(positions.size());
  for (size_t q = 0; q < positions.size(); ++q) out[q] = positions[q] >> log_arity;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string layer_label(unsigned layer) {
  return "fri.layer." + std::to_string(layer);
}
std::string beta_label(unsigned layer) {
  return "fri.beta." + std::to_string(layer);
}

std::vector<Digest> coset_leaf_digests(const hash::Hasher& hasher, std::span<const Fp3> values,
                                       unsigned log_arity) {
  BAOBAB_CHECK(values.size() % (uint64_t{1} << log_arity) == 0,
               "coset_leaf_digests: not a whole number of cosets");
  const uint64_t leaves_count = values.size() >> log_arity;
  const uint64_t row_bytes = field::kFp3Bytes << log_arity;
  // Room for the inner nodes too: from_leaf_digests grows the buffer in place.
  std::vector<Digest> leaves;
  leaves.reserve(2 * leaves_count);
  leaves.resize(leaves_count);
  const auto* bytes = reinterpret_cast<const uint8_t*>(values.data());
  const auto chunks = static_cast<int64_t>((leaves_count + kLeafChunk - 1) / kLeafChunk);
#pragma omp parallel for schedule(static) if (chunks > 1)
  for (int64_t b = 0; b < chunks; ++b) {
    const uint64_t first = static_cast<uint64_t>(b) * kLeafChunk;
    const uint64_t count = std::min(kLeafChunk, leaves_count - first);
    hasher.hash_rows(std::span<const uint8_t>(bytes + first * row_bytes, count * row_bytes),
                     row_bytes, std::span<Digest>(leaves).subspan(first, count));
  }
  return leaves;
}

merkle::MerkleTree commit_layer(const hash::Hasher& hasher, std::span<const Fp3> values,
                                unsigned log_arity) {
  BAOBAB_CHECK(std::has_single_bit(values.size()) && values.size() >= (uint64_t{1} << log_arity),
               "commit_layer: layer size not a power of two >= arity");
  return merkle::MerkleTree::from_leaf_digests(hasher,
                                               coset_leaf_digests(hasher, values, log_arity));
}

std::vector<Fp3> interpolate(std::span<const Fp3> values, Fp shift) {
  BAOBAB_CHECK(std::has_single_bit(values.size()), "interpolate: size not a power of two");
  const uint64_t n = values.size();
  const int log_n = std::countr_zero(n);
  // One column per coordinate: the NTT works over the base field.
  std::vector<Fp> columns(3 * n);
  const field::MatrixView view(columns.data(), n, 3);
  field::split_coordinates(values, view);
  const ntt::NttPlan plan(log_n);
  ntt::coset_inverse(plan, view, shift, ntt::Order::kBitReversed);
  std::vector<Fp3> out(n);
  field::join_coordinates(view, out);
  return out;
}

FriProver::FriProver(const FriOptions& options, std::vector<Fp3> codeword,
                     const hash::Hasher& hasher)
    : hasher_(hasher), codeword_(std::move(codeword)) {
  BAOBAB_CHECK(std::has_single_bit(codeword_.size()),
               "FriProver: codeword size not a power of two");
  auto layout = FriLayout::make(options, static_cast<unsigned>(std::countr_zero(codeword_.size())));
  BAOBAB_CHECK(layout.ok(), layout.ok() ? "" : layout.error().to_string());
  layout_ = std::move(layout).value();
}

void FriProver::add_input(std::vector<Fp3> codeword) {
  BAOBAB_CHECK(!committed_, "FriProver::add_input after commit");
  BAOBAB_CHECK(std::has_single_bit(codeword.size()),
               "FriProver::add_input: size not a power of two");
  const auto log_size = static_cast<unsigned>(std::countr_zero(codeword.size()));
  BAOBAB_CHECK(layout_.accepts_input(log_size), "FriProver::add_input: no FRI layer of this size");
  for (const auto& other : inputs_) {
    BAOBAB_CHECK(other.size() != codeword.size(), "FriProver::add_input: size added twice");
  }
  inputs_.push_back(std::move(codeword));
}

FriCommitment FriProver::commit(transcript::Transcript& transcript) {
  BAOBAB_CHECK(!committed_, "FriProver::commit called twice");
  committed_ = true;
  FriCommitment out;
  std::vector<Fp3> current = std::move(codeword_);
  Fp shift = field::kCosetShift;
  for (unsigned i = 0; i < layout_.layers.size(); ++i) {
    const unsigned log_arity = layout_.layers[i].log_arity;
    merkle::MerkleTree tree = commit_layer(hasher_, current, log_arity);
    out.layer_roots.push_back(tree.root());
    transcript.absorb_digest(layer_label(i), tree.root());
    const Fp3 beta = transcript.challenge_fp3(beta_label(i));
    betas_.push_back(beta);
    std::vector<Fp3> next(current.size() >> log_arity);
    fold_layer(current, log_arity, shift, beta, next);
    shift = shift_power(shift, log_arity);
    for (const auto& input : inputs_) {
      if (input.size() != next.size()) continue;
      const Fp3 weight = beta.pow(uint64_t{1} << log_arity);
      const auto count = static_cast<int64_t>(next.size());
      Fp3* dst = next.data();
      const Fp3* src = input.data();
#pragma omp parallel for schedule(static) if (count >= kParallelCosets)
      for (int64_t k = 0; k < count; ++k) dst[k] += weight * src[k];
    }
    if (tamper_) tamper_(i + 1, next);
    layers_.push_back(Layer{std::move(current), std::move(tree)});
    current = std::move(next);
  }
  // The final layer: send the low coefficients of its interpolant. For an
  // honest codeword the rest are zero; otherwise the verifier's final check
  // fails.
  out.remainder = interpolate(current, shift);
  out.remainder.resize(layout_.remainder_length());
  transcript.absorb_fp3s(kRemainderLabel, out.remainder);
  return out;
}

FriQueryProof FriProver::open(std::span<const uint64_t> positions) const {
  BAOBAB_CHECK(committed_, "FriProver::open before commit");
  BAOBAB_CHECK(!positions.empty(), "FriProver::open: no query positions");
  for (uint64_t p : positions) {
    BAOBAB_CHECK(p < (uint64_t{1} << layout_.log_domain_size),
                 "FriProver::open: query position out of range");
  }
  FriQueryProof proof;
  std::vector<uint64_t> current(positions.begin(), positions.end());
  for (unsigned i = 0; i < layers_.size(); ++i) {
    const unsigned log_arity = layout_.layers[i].log_arity;
    const uint64_t arity = uint64_t{1} << log_arity;
    std::vector<uint64_t> cosets = coset_indices(current, log_arity);
    FriLayerOpening opening;
    opening.values.reserve(cosets.size() * arity);
    for (uint64_t c : cosets) {
      const auto first = layers_[i].values.begin() + static_cast<int64_t>(c * arity);
      opening.values.insert(opening.values.end(), first, first + static_cast<int64_t>(arity));
    }
    opening.siblings = merkle::prove_batch(layers_[i].tree, cosets);
    proof.layers.push_back(std::move(opening));
    current = std::move(cosets);
  }
  return proof;
}

}  // namespace baobab::fri
