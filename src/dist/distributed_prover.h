// The distributed STARK prover (DESIGN §4): one proof of a statement whose
// LDE, commitments, composition, DEEP codeword and FRI layers are split by
// rows over the ranks of a Communicator. The proof is byte for byte the one
// stark::prove() gives for the same statement and witness, whatever the rank
// count (tested for R = 1..4, docs/distributed.md).
//
// Per table, rank r owns the rows of dist::BlockSplit over S = bit_ceil(R)
// units, in every domain: the trace rows [first, +count) of n, the same
// units of the LDE (N = n·blowup, natural order, plus `blowup` halo rows of
// the next block for transition constraints) and of FRI's bit-reversed
// positions. The phases:
//   commit.main, commit.aux: natural-order distributed LDE, halo exchange,
//     Merkle subtrees (DistributedCommitment); aux columns by rows
//     (Air::build_aux_rows plus the earlier ranks' running sums);
//   composition: constraints on the rank's LDE rows, distributed coset
//     interpolation, the chunks' coefficients taken locally (a chunk is a
//     stride of the bit-reversed coefficients), distributed LDE again;
//   ood: partial barycentric / power sums, summed over ranks;
//   deep: the rank's rows, bit-reversed across ranks into FRI's order;
//   fri: DistributedFri; open: the owners of queried rows.
// A table too short to split over the ranks (fewer than S^2 rows) is proved
// whole on every rank (the same code on a one-rank communicator).
//
// Whole on every rank: the preprocessed columns over the trace domain
// until the witness check, the aux columns of an AIR without
// build_aux_rows, and the main traces a caller passes whole.
#pragma once

#include <span>
#include <vector>

#include "src/common/result.h"
#include "src/dist/communicator.h"
#include "src/field/matrix_view.h"
#include "src/hash/hasher.h"
#include "src/params/proof_params.h"
#include "src/stark/proof.h"
#include "src/stark/prover.h"
#include "src/stark/statement.h"

namespace baobab::dist {

// The rows of each table this rank proves: a table split over the ranks
// gets [first, first + count) of its n rows; a table too short to split
// (fewer than bit_ceil(ranks)^2 rows) is proved whole by every rank.
struct OwnRows {
  uint64_t first = 0;
  uint64_t count = 0;
  bool split = false;
};
Result<std::vector<OwnRows>> own_table_rows(const stark::Statement& statement,
                                            const params::ProofParams& params, uint64_t ranks,
                                            uint64_t rank);

// main_traces[t]: table t's main columns, the same on every rank: whole
// (n rows), or for a split table only this rank's rows (own_table_rows; an
// AIR given so must have Air::build_aux_rows). Every rank must choose the
// same way for a table.
// The proof is complete on rank 0; other ranks get the commitments and
// out-of-domain values but no openings. Errors are the same on every rank
// (they depend only on the statement, witness and parameters). Collective.
Result<stark::Proof> prove_distributed(Communicator& comm, const stark::Statement& statement,
                                       std::span<const field::ConstMatrixView> main_traces,
                                       const params::ProofParams& params,
                                       const hash::Hasher& hasher,
                                       const stark::ProveOptions& options = {});

}  // namespace baobab::dist
