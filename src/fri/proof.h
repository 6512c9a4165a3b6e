// The FRI parts of a proof, as plain data (a proof serializer writes them
// field by field; docs/fri.md gives the order). Which cosets a layer opening
// holds is not in the proof: the verifier derives them from the query
// positions, so there is nothing to tamper with there.
// Callers: FriProver (produces), verify_commitment / verify_queries
// (consume), the proof format and size accounting (byte_size()).
#pragma once

#include <cstdint>
#include <vector>

#include "src/field/ext3.h"
#include "src/field/serialize.h"
#include "src/hash/digest.h"

namespace baobab::fri {

using field::Fp3;
using hash::Digest;

// Sent before the query positions are drawn.
struct FriCommitment {
  std::vector<Digest> layer_roots;  // one per committed layer (FriLayout::layers)
  std::vector<Fp3> remainder;       // FriLayout::remainder_length() coefficients, x^0 first

  uint64_t byte_size() const {
    return layer_roots.size() * Digest::kBytes + remainder.size() * field::kFp3Bytes;
  }
};

// The opening of one committed layer at the cosets the queries reach.
struct FriLayerOpening {
  // For each opened coset, in increasing coset index, its 2^log_arity values
  // in bit-reversed order (the Merkle leaf content).
  std::vector<Fp3> values;
  // merkle::prove_batch digests for those cosets (depth-first order).
  std::vector<Digest> siblings;

  uint64_t byte_size() const {
    return values.size() * field::kFp3Bytes + siblings.size() * Digest::kBytes;
  }
};

struct FriQueryProof {
  std::vector<FriLayerOpening> layers;  // one per committed layer

  uint64_t byte_size() const {
    uint64_t total = 0;
    for (const auto& layer : layers) total += layer.byte_size();
    return total;
  }
};

}  // namespace baobab::fri
