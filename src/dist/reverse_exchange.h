// The exchange behind bit reversal across ranks: the value at position p of
// one row layout moves to row reverse_bits(p, log_n) of another (DESIGN §4).
// Used by the distributed LDE (coefficients from bit-reversed positions to
// natural rows of a taller layout) and by distributed_bit_reverse (between
// the bit-reversed and natural orders of one layout).
//
// The plan is plain arithmetic, tested without MPI: where each of a rank's
// positions goes, and in which order the values it receives arrive. Both
// sides walk the sender's positions in order, so no index travels with the
// values.
#pragma once

#include <cstdint>
#include <vector>

#include "src/common/result.h"
#include "src/common/uninitialized.h"
#include "src/dist/block_split.h"
#include "src/dist/communicator.h"
#include "src/dist/distributed_ntt.h"
#include "src/field/matrix_view.h"

namespace baobab::dist {

struct ReverseExchangePlan {
  uint64_t rank = 0;
  // For each of this rank's source positions, in order: the target rank.
  std::vector<uint64_t> destination;
  // Values per column this rank sends to each rank.
  std::vector<uint64_t> send_counts;
  // For each source rank: this rank's local target rows, in arrival order.
  std::vector<std::vector<uint64_t>> incoming;
};

// An Error when the layouts do not fit: source must hold exactly 2^log_n rows
// and target at least as many, over the same rank count.
Result<ReverseExchangePlan> plan_reverse_exchange(int log_n, const BlockSplit& source,
                                                  const BlockSplit& target, uint64_t rank);

// Runs the exchange: `in` is this rank's source block, `out` its target block
// (disjoint from `in`); out row i (global) gets the value times shift^i, and
// rows no position reaches are zero. Collective.
void reverse_exchange(Communicator& comm, const ReverseExchangePlan& plan, const BlockSplit& target,
                      const field::ConstMatrixView& in, const field::MatrixView& out,
                      field::Fp shift);

// Bit-reversed rows <-> natural rows of the same layout (an involution), in
// place: e.g. distributed_forward's output in the natural order the
// single-process prover commits. One exchange. Collective. `staging` (kept
// across calls, so that its pages are touched once) holds a copy of the
// block on the way.
void distributed_bit_reverse(Communicator& comm, const DistributedNttPlan& plan,
                             const field::MatrixView& local,
                             UninitializedVector<field::Fp>* staging = nullptr);

}  // namespace baobab::dist
