// Coset low-degree extension of columns whose rows are split over ranks
// (DESIGN §4 item 2): the rank's natural rows of the evaluations over <w_n>
// in, its block of the evaluations over shift·<w_N> out (N = n·blowup), in
// bit-reversed or natural order: the same values ntt::lde puts in those rows.
// Blocks follow DistributedNttPlan (= mpi::SubtreePlan), so each rank then
// commits whole Merkle subtrees of the LDE.
//
// Steps: distributed_interpolate (two exchanges) leaves the coefficients in
// bit-reversed rows. Bit-reversed out: one exchange moves coefficient c_i to
// natural row i of the N-row layout, times shift^i, zero above n;
// distributed_forward of size N (two exchanges). Natural out: c_i moves to
// bit-reversed position rev_N(i) = p·blowup of the N-row layout, which is in
// the same rank's block (no exchange: distributed_extend_coefficients), then
// distributed_forward_from_reversed (two exchanges). No rank holds more than
// its share of either layout.
#pragma once

#include <span>
#include <vector>

#include "src/dist/distributed_ntt.h"
#include "src/dist/reverse_exchange.h"
#include "src/ntt/ntt.h"

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
                     field::Fp shift, ntt::Order out_order = ntt::Order::kBitReversed);

// Natural order out, `evals` read where they are (any column stride: a
// column group of a trace) and left unchanged; the coefficients are never
// stored (distributed_interpolate_and_spread).
void distributed_lde_natural(const ntt::NttPlan& ntt_plan, Communicator& comm,
                             const DistributedLdePlan& plan, field::ConstMatrixView evals,
                             field::MatrixView out, field::Fp shift);

// The factors distributed_lde_natural spreads this rank's coefficients with
// (shift^i for the coefficient c_i at each of its positions; empty for
// shift 1). They are the same for every column of a table: a caller that
// extends its columns a few at a time computes them once (one multiply and
// one bit reversal per trace row, as much work as a small share of the LDE).
std::vector<field::Fp> lde_spread_factors(const DistributedLdePlan& plan, uint64_t rank,
                                          field::Fp shift);

// distributed_lde_natural with the factors lde_spread_factors(plan,
// comm.rank(), shift) gave.
void distributed_lde_natural(const ntt::NttPlan& ntt_plan, Communicator& comm,
                             const DistributedLdePlan& plan, field::ConstMatrixView evals,
                             field::MatrixView out, std::span<const field::Fp> spread_factors);

// The second half of the natural-order LDE: `coefficients` in the
// bit-reversed rows of plan.trace (position p holds c_rev(p)), this rank's
// natural rows of the evaluations of Σ c_i (shift·x)^i over <w_N> out (the
// coset LDE when c are the trace's coefficients; shift = 1 takes them as
// they are). Collective.
void distributed_extend_coefficients(const ntt::NttPlan& ntt_plan, Communicator& comm,
                                     const DistributedLdePlan& plan,
                                     field::ConstMatrixView coefficients, field::MatrixView out,
                                     field::Fp shift);

}  // namespace baobab::dist
