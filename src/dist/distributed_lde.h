// Coset low-degree extension of columns whose rows are split over ranks
// (DESIGN §4 item 2): the rank's natural rows of the evaluations over <w_n>
// in, its block of the bit-reversed evaluations over shift·<w_N> out, N =
// n·blowup, the same values ntt::lde puts in those rows. Blocks follow
// DistributedNttPlan (= mpi::SubtreePlan), so each rank then commits whole
// Merkle subtrees of the LDE.
//
// Steps: distributed_interpolate (two exchanges) leaves the coefficients in
// bit-reversed rows; one exchange moves coefficient c_i to natural row i of
// the N-row layout, times shift^i, zero above n; distributed_forward of size
// N (two exchanges). No rank holds more than its share of either layout.
#pragma once

#include "src/dist/distributed_ntt.h"

namespace baobab::dist {

struct DistributedLdePlan {
  DistributedNttPlan trace;     // n rows
  DistributedNttPlan extended;  // N rows
  uint64_t blowup = 0;
};

Result<DistributedLdePlan> plan_distributed_lde(int log_n, uint64_t blowup, uint64_t ranks);

// `evals`: this rank's plan.trace rows (natural order; overwritten: used as
// scratch); `out`: its plan.extended rows. `ntt_plan` must cover the larger
// half of the N-row transform, 2^ceil(log N / 2). Collective.
void distributed_lde(const ntt::NttPlan& ntt_plan, Communicator& comm,
                     const DistributedLdePlan& plan, field::MatrixView evals, field::MatrixView out,
                     field::Fp shift, ExchangeWorkspace* workspace = nullptr);

// One exchange that moves the value at position p of the `source` layout
// (this rank's block `in`) to row reverse_bits(p, log_n) of the `target`
// layout (this rank's block `out`, disjoint from `in`), times shift^row; rows
// of a taller target that no position reaches are zero. Collective.
void reverse_exchange(Communicator& comm, int log_n, const BlockSplit& source,
                      const BlockSplit& target, const field::ConstMatrixView& in,
                      const field::MatrixView& out, field::Fp shift, ExchangeWorkspace& workspace);

// Bit-reversed rows <-> natural rows of the same layout (an involution), in
// place: e.g. distributed_forward's output in the natural order the
// single-process prover commits. One exchange. Collective.
void distributed_bit_reverse(Communicator& comm, const DistributedNttPlan& plan,
                             const field::MatrixView& local,
                             ExchangeWorkspace* workspace = nullptr);

}  // namespace baobab::dist
