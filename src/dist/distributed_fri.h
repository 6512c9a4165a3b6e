// FRI over codewords whose positions are split over ranks (DESIGN §4 item
// 2): the same commitment, challenges, remainder and query proofs as
// fri::FriProver on the whole codeword, byte for byte.
//
// Layer i (2^k values, bit-reversed, folded by 2^a) is split like the LDE
// rows: S = bit_ceil(R) units of 2^k/S positions. While a unit holds at
// least kMinUnitCosets whole cosets, every step is local to the rank: it
// hashes its cosets into its Merkle subtrees (the top of the tree is
// combined from the S subtree roots, DistributedCommitment), and folds them
// (fri::fold_aligned_block) into its block of the next layer. The first
// layer too small for that is gathered on every rank (its size is about
// S·kMinUnitCosets·2^a values) and the rest of the run is repeated by every
// rank: no rank ever holds a large layer whole. Query proofs: values and
// Merkle proofs come from the ranks that own the queried cosets, assembled
// on rank 0.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "src/dist/block_split.h"
#include "src/dist/communicator.h"
#include "src/dist/distributed_commitment.h"
#include "src/fri/options.h"
#include "src/fri/proof.h"
#include "src/hash/hasher.h"
#include "src/merkle/tree.h"
#include "src/transcript/transcript.h"

namespace baobab::dist {

using field::Fp3;

inline constexpr uint64_t kMinUnitCosets = 64;

// The S-unit split of a codeword or layer of 2^log_size positions over
// `ranks` (S = bit_ceil(ranks) units; a layer smaller than S positions gets
// one position per unit and fewer... never: callers check fits()).
BlockSplit position_split(unsigned log_size, uint64_t ranks);

class DistributedFri {
 public:
  // `block`: this rank's positions of layer 0 (position_split(log_domain,
  // R)). The sizes must fit the options (checked).
  DistributedFri(Communicator& comm, const fri::FriOptions& options, unsigned log_domain_size,
                 std::vector<Fp3> block, const hash::Hasher& hasher);

  const fri::FriLayout& layout() const { return layout_; }

  // A smaller codeword (fri::FriProver::add_input), as this rank's block of
  // position_split(its log size, R).
  void add_input(unsigned log_size, std::vector<Fp3> block);

  // Commit phase (collective, once): every rank's transcript absorbs the
  // same roots and remainder.
  fri::FriCommitment commit(transcript::Transcript& transcript);

  // Query phase (collective): the proof on rank 0, empty elsewhere.
  fri::FriQueryProof open(std::span<const uint64_t> positions) const;

 private:
  struct Layer {
    unsigned log_size = 0;
    bool split = false;                               // false: every rank holds the whole layer
    std::vector<Fp3> values;                          // this rank's block, or the whole layer
    std::optional<DistributedCommitment> commitment;  // split layers
    std::optional<merkle::MerkleTree> tree;           // whole layers
  };
  struct Input {
    unsigned log_size = 0;
    std::vector<Fp3> block;
  };

  bool can_split(unsigned log_size, unsigned log_arity) const;
  std::vector<Fp3> gather(std::span<const Fp3> block) const;

  Communicator& comm_;
  fri::FriLayout layout_;
  const hash::Hasher& hasher_;
  std::vector<Fp3> codeword_;
  std::vector<Input> inputs_;
  std::vector<Layer> layers_;
  bool committed_ = false;
};

}  // namespace baobab::dist
