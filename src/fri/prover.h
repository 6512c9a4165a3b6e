// FriProver: the prover side of the FRI low-degree test (docs/fri.md).
//
// Input: a codeword of 2^k Fp3 values over field::kCosetShift · <w_k> in
// bit-reversed order (what ntt::lde writes with Order::kBitReversed),
// claimed to be of degree < 2^k / blowup. Usage, inside the STARK prover:
//
//   FriProver fri(options, std::move(deep_codeword), hasher);  // checks sizes
//   FriCommitment c = fri.commit(transcript);   // "fri.layer.<i>", "fri.beta.<i>", "fri.remainder"
//   ... grind, draw query positions in [0, 2^k) from the transcript ...
//   FriQueryProof q = fri.open(positions);
//
// commit() builds, for each layer of FriLayout, a Merkle tree whose leaf c
// is the 2^a values of coset c (positions [c·2^a, (c+1)·2^a)) encoded as
// 24-byte canonical Fp3s (the merkle leaf bytes of a row of 3·2^a base
// elements), absorbs the root as "fri.layer.<i>", draws β_i =
// challenge_fp3("fri.beta.<i>") and folds (fold.h). The final layer is
// interpolated and its first remainder_length() coefficients are absorbed
// as "fri.remainder" and sent. A codeword above the degree bound is not an
// error here: the prover truncates, and the verifier rejects.
//
// Memory: all layers and trees are kept until open(): about 1 + 2^-a of the
// codeword, plus 2 digests per coset of each layer.
// Threads: folding and leaf hashing use OpenMP; output is identical for any
// thread count. Distribution (DESIGN §4 item 6): every step is local to
// contiguous blocks of cosets (fold.h, merkle subtrees), see docs/fri.md.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/field/ext3.h"
#include "src/fri/options.h"
#include "src/fri/proof.h"
#include "src/hash/hasher.h"
#include "src/merkle/tree.h"
#include "src/transcript/transcript.h"

namespace baobab::fri {

using field::Fp;

class FriProver {
 public:
  // Takes ownership of the codeword (move it in: no copy). Sizes that do not
  // fit the options are a broken invariant of the caller (BAOBAB_CHECK):
  // validate with FriLayout::make first when they come from outside.
  FriProver(const FriOptions& options, std::vector<Fp3> codeword, const hash::Hasher& hasher);

  const FriLayout& layout() const { return layout_; }

  // Adds a smaller codeword (same layout: bit-reversed over the coset the
  // FRI layer of its size lives on, kCosetShift^(2^j) · <w>) of the same rate
  // 1/blowup, to be folded in at the layer of its size: the layer produced by
  // fold i becomes fold(layer i, β_i) + β_i^(2^a_i) · input (a fresh power of
  // β_i: the fold uses β_i^0 .. β_i^(2^a_i - 1)). For tables of smaller
  // heights (docs/stark.md). Before commit(); the size must satisfy
  // layout().accepts_input() and be distinct from earlier inputs (checked).
  void add_input(std::vector<Fp3> codeword);

  // Commit phase; call once.
  FriCommitment commit(transcript::Transcript& transcript);

  // Query phase, after commit(): positions in [0, 2^k), any order,
  // duplicates allowed (each coset is opened once per layer).
  FriQueryProof open(std::span<const uint64_t> positions) const;

  // The folding challenges drawn by commit() (tests, debugging).
  const std::vector<Fp3>& betas() const { return betas_; }

  // Tests only (soundness tests build a cheating prover with it): called on
  // layer i (1 <= i <= number of committed layers, the last being the
  // remainder layer) right after it is folded, before it is committed or
  // folded further.
  using LayerTamper = std::function<void(unsigned layer, std::span<Fp3> values)>;
  void set_layer_tamper_for_testing(LayerTamper tamper) { tamper_ = std::move(tamper); }

 private:
  struct Layer {
    std::vector<Fp3> values;
    merkle::MerkleTree tree;
  };

  FriLayout layout_;
  const hash::Hasher& hasher_;
  std::vector<Fp3> codeword_;  // layer 0 until commit() moves it into layers_
  std::vector<Layer> layers_;
  std::vector<std::vector<Fp3>> inputs_;  // added codewords, any order
  std::vector<Fp3> betas_;
  bool committed_ = false;
  LayerTamper tamper_;
};

// The leaf digests of consecutive cosets (leaf c = the 2^a values of coset
// c), for a whole layer or a rank's block of it.
std::vector<hash::Digest> coset_leaf_digests(const hash::Hasher& hasher,
                                             std::span<const Fp3> values, unsigned log_arity);

// The Merkle tree over the cosets of one layer (leaf c = values of coset c).
merkle::MerkleTree commit_layer(const hash::Hasher& hasher, std::span<const Fp3> values,
                                unsigned log_arity);

// The coefficients (x^0 first, all 2^m of them) of the polynomial of degree
// < 2^m whose evaluations over shift · <w_m> are `values` (bit-reversed).
std::vector<Fp3> interpolate(std::span<const Fp3> values, Fp shift);

// Sorted, distinct coset indices (positions >> log_arity): the leaves a
// query proof opens.
std::vector<uint64_t> coset_indices(std::span<const uint64_t> positions, unsigned log_arity);

// Transcript labels: "fri.layer.<i>", "fri.beta.<i>", "fri.remainder".
std::string layer_label(unsigned layer);
std::string beta_label(unsigned layer);
inline constexpr std::string_view kRemainderLabel = "fri.remainder";

}  // namespace baobab::fri
