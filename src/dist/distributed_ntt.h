// NTTs of columns whose rows are split over ranks (DESIGN §4 item 2): no rank
// ever holds a whole column. A column of n = n1·n2 rows (n1 = 2^floor(k/2),
// n2 = 2^ceil(k/2)) is the n1 × n2 matrix x[i2 + n2·i1], and
//   X[k1 + n1·k2] = sum_i2 w_n2^(i2·k2) · w_n^(i2·k1) · sum_i1 x[i2 + n2·i1] w_n1^(i1·k1).
// Forward: ranks hold natural rows [first_row(r), +row_count(r)) (whole units
// of n2 rows, i.e. a range of i1); one all-to-all gives each rank a range of
// i2 with every i1; local size-n1 NTTs and the twiddles w_n^(i2·k1); a second
// all-to-all gives each rank the k1 = rev(j) for a range of j with every i2;
// local size-n2 NTTs with bit-reversed output. Because bit reversal of
// k1 + n1·k2 is rev(k1)·n2 + rev(k2), the rank then holds exactly the
// contiguous block [first_row(r), +row_count(r)) of the bit-reversed output:
// the layout the Merkle trees and FRI use. Two exchanges, each moving every
// element once. The inverse runs the same steps backwards.
//
// Everything is batched over the columns of the rank's local block; results
// are identical to ntt::forward / ntt::inverse on the whole column, for every
// rank count (tests/mpi/distributed_ntt_test.cc).
#pragma once

#include <cstdint>
#include <span>

#include "src/common/result.h"
#include "src/common/uninitialized.h"
#include "src/dist/block_split.h"
#include "src/dist/communicator.h"
#include "src/field/matrix_view.h"
#include "src/ntt/plan.h"

namespace baobab::dist {

struct DistributedNttPlan {
  int log_n = 0;
  int log_n1 = 0;  // rows of the matrix view: i1 < n1
  int log_n2 = 0;  // its columns: i2 < n2
  // The natural and the bit-reversed layouts: S = bit_ceil(ranks) units of
  // n/S rows, exactly the blocks of mpi::SubtreePlan over n leaves, so a
  // rank's block of a bit-reversed result is whole Merkle subtrees.
  BlockSplit rows;
  BlockSplit middle;  // n2 units (values of i2): the layout between the exchanges

  uint64_t n1() const { return uint64_t{1} << log_n1; }
  uint64_t n2() const { return uint64_t{1} << log_n2; }
  // A rank's rows as a range of i1 (natural layout) or of j (bit-reversed).
  uint64_t first_i1(uint64_t rank) const { return rows.first_row(rank) >> log_n2; }
  uint64_t i1_count(uint64_t rank) const { return rows.row_count(rank) >> log_n2; }
  // Elements of one column that rank `from` sends to rank `to` in the first
  // exchange of forward() (the second moves as many in its own layout).
  uint64_t first_exchange_count(uint64_t from, uint64_t to) const {
    return i1_count(from) * middle.unit_count(to);
  }
  uint64_t second_exchange_count(uint64_t from, uint64_t to) const {
    return middle.unit_count(from) * i1_count(to);
  }
};

// An Error when 2^log_n rows cannot be shared by `ranks` (n1 or n2 smaller
// than bit_ceil(ranks)).
Result<DistributedNttPlan> plan_distributed_ntt(int log_n, uint64_t ranks);

// `local`: this rank's rows (plan.rows.row_count(rank) of them) of every
// column. `ntt_plan` must cover 2^plan.log_n2 rows. Collective.
// Natural rows in, bit-reversed rows out; with `shift`, over shift·<w_n>
// (coefficients in, like ntt::coset_forward).
void distributed_forward(const ntt::NttPlan& ntt_plan, Communicator& comm,
                         const DistributedNttPlan& plan, field::MatrixView local);
void distributed_coset_forward(const ntt::NttPlan& ntt_plan, Communicator& comm,
                               const DistributedNttPlan& plan, field::MatrixView local,
                               field::Fp shift);
// Natural evaluations in, coefficients out in bit-reversed rows (position p
// holds c_rev(p)): the first step of a distributed LDE.
void distributed_interpolate(const ntt::NttPlan& ntt_plan, Communicator& comm,
                             const DistributedNttPlan& plan, field::MatrixView local);
// The same with the evaluations read from `evals` (any column stride, left
// unchanged) and the coefficients written to `coefficients`: no copy of the
// input first.
void distributed_interpolate(const ntt::NttPlan& ntt_plan, Communicator& comm,
                             const DistributedNttPlan& plan, field::ConstMatrixView evals,
                             field::MatrixView coefficients);
// Bit-reversed rows in, natural rows out (scaled by 1/n, like ntt::inverse).
void distributed_inverse(const ntt::NttPlan& ntt_plan, Communicator& comm,
                         const DistributedNttPlan& plan, field::MatrixView local);
// The forward transform from bit-reversed rows (coefficients, position p
// holding c_rev(p)) to natural rows (evaluations at w_n^i), without 1/n:
// the last step of a natural-order distributed LDE. Two exchanges.
void distributed_forward_from_reversed(const ntt::NttPlan& ntt_plan, Communicator& comm,
                                       const DistributedNttPlan& plan, field::MatrixView local);
void distributed_coset_inverse(const ntt::NttPlan& ntt_plan, Communicator& comm,
                               const DistributedNttPlan& plan, field::MatrixView local,
                               field::Fp shift);

// distributed_forward_from_reversed of the column whose bit-reversed
// position u of this rank's block holds values[p]·factors[p] where u =
// p·spacing and zero elsewhere (factors empty: values[p]), without storing
// that column: the low-degree extension's zero-padded coefficients
// (distributed_lde.h). `values`: the rank's local.rows / spacing rows.
void distributed_forward_from_spread(const ntt::NttPlan& ntt_plan, Communicator& comm,
                                     const DistributedNttPlan& plan, field::ConstMatrixView values,
                                     std::span<const field::Fp> factors, uint64_t spacing,
                                     field::MatrixView local);

// distributed_interpolate of `evals` (this rank's plan `trace` rows, read
// where they are) and then distributed_forward_from_spread over `extended`
// of the coefficients it gives, without storing them: each row of the
// interpolation's last stage is transformed where the extension's first
// stage loads it (the natural-order LDE, distributed_lde.h, with one write
// and one read of the coefficients fewer). `local`: this rank's `extended`
// rows, spacing times as many.
void distributed_interpolate_and_spread(const ntt::NttPlan& ntt_plan, Communicator& comm,
                                        const DistributedNttPlan& trace,
                                        const DistributedNttPlan& extended,
                                        field::ConstMatrixView evals,
                                        std::span<const field::Fp> factors, uint64_t spacing,
                                        field::MatrixView local);

}  // namespace baobab::dist
