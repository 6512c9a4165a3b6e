// The verifier side of FRI (docs/fri.md), in the two steps the STARK
// verifier interleaves with its own transcript work:
//
//   auto ch = verify_commitment(options, log_n, proof.fri_commitment, transcript);
//   ... verify the grinding nonce, draw the same query positions ...
//   ... compute the DEEP composition value at each query position ...
//   Status s = verify_queries(options, log_n, proof.fri_commitment, ch.value(),
//                             proof.fri_queries, positions, deep_values, hasher);
//
// verify_commitment checks the commitment's shape (root count, remainder
// length) and replays the prover's transcript steps (absorb root i as
// "fri.layer.<i>", draw β_i as "fri.beta.<i>", absorb "fri.remainder").
// verify_queries checks, for every query, layer by layer: the opened cosets
// against the layer root (batched Merkle proof), that the opened value at the
// query's position equals the expected one (the caller's initial value in
// layer 0, the fold of the previous layer's coset after that), and finally
// that the last fold equals the remainder polynomial at the query's point.
// Shapes are checked before any value is used; every failure is an Error
// (kMalformedInput, context "fri") naming the layer and query, never an
// abort.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/common/result.h"
#include "src/field/ext3.h"
#include "src/fri/options.h"
#include "src/fri/proof.h"
#include "src/hash/hasher.h"
#include "src/transcript/transcript.h"

namespace baobab::fri {

// What verify_commitment derives from the transcript.
struct FriChallenges {
  std::vector<Fp3> betas;  // one per committed layer
};

Result<FriChallenges> verify_commitment(const FriOptions& options, unsigned log_domain_size,
                                        const FriCommitment& commitment,
                                        transcript::Transcript& transcript);

// The values of a codeword injected with FriProver::add_input at the query
// positions: values[q] is its value at position positions[q] >> (log N -
// log_size) (the query's position in the layer of that size).
struct FriInjectedValues {
  unsigned log_size = 0;
  std::vector<Fp3> values;  // one per query position
};

// positions: the query positions in [0, 2^log_domain_size) (any order,
// duplicates allowed); initial_values[q]: the value of the committed word at
// positions[q] as the caller computed it (the DEEP composition).
Status verify_queries(const FriOptions& options, unsigned log_domain_size,
                      const FriCommitment& commitment, const FriChallenges& challenges,
                      const FriQueryProof& proof, std::span<const uint64_t> positions,
                      std::span<const Fp3> initial_values, const hash::Hasher& hasher,
                      std::span<const FriInjectedValues> injected = {});

// sum_k coefficients[k] · x^k (Horner).
Fp3 evaluate_polynomial(std::span<const Fp3> coefficients, field::Fp x);

}  // namespace baobab::fri
