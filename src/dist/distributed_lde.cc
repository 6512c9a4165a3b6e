#include "src/dist/distributed_lde.h"

#include <algorithm>
#include <bit>
#include <string>
#include <vector>

#include "src/common/check.h"
#include "src/common/uninitialized.h"
#include "src/ntt/bit_reverse.h"

namespace baobab::dist {

Result<DistributedLdePlan> plan_distributed_lde(int log_n, uint64_t blowup, uint64_t ranks) {
  if (blowup != 2 && blowup != 4 && blowup != 8 && blowup != 16) {
    return Error{ErrorCode::kInvalidArgument, "blowup must be 2, 4, 8 or 16", "distributed LDE"};
  }
  auto trace = plan_distributed_ntt(log_n, ranks);
  if (!trace) return trace.error();
  auto extended = plan_distributed_ntt(log_n + std::countr_zero(blowup), ranks);
  if (!extended) return extended.error();
  return DistributedLdePlan{trace.value(), extended.value(), blowup};
}

namespace {

// The factors the coefficients are spread with: shift^rev(p) for this
// rank's positions p of a bit-reversed layout of 2^k rows, or none for
// shift 1. Position u·U + t of unit u is rev(t)·S + rev(u) reversed (U rows
// per unit, S units), so one table of (shift^S)^i, i < U, serves every unit.
std::vector<field::Fp> spread_factors(field::Fp shift, const BlockSplit& split, uint64_t rank) {
  if (shift == field::Fp::one()) return {};
  const int log_unit = std::countr_zero(split.unit_rows);
  const int log_units = std::countr_zero(split.units);
  std::vector<field::Fp> table(split.unit_rows);
  const field::Fp step = shift.pow(split.units);
  field::Fp power = field::Fp::one();
  for (uint64_t i = 0; i < split.unit_rows; ++i, power *= step) table[i] = power;
  std::vector<field::Fp> out(split.row_count(rank));
  for (uint64_t u = 0; u < split.unit_count(rank); ++u) {
    const field::Fp unit_factor =
        shift.pow(ntt::reverse_bits(split.first_unit(rank) + u, log_units));
    for (uint64_t t = 0; t < split.unit_rows; ++t) {
      out[u * split.unit_rows + t] = table[ntt::reverse_bits(t, log_unit)] * unit_factor;
    }
  }
  return out;
}

}  // namespace

void distributed_extend_coefficients(const ntt::NttPlan& ntt_plan, Communicator& comm,
                                     const DistributedLdePlan& plan,
                                     field::ConstMatrixView coefficients, field::MatrixView out,
                                     field::Fp shift) {
  const auto me = static_cast<uint64_t>(comm.rank());
  const uint64_t count = plan.trace.rows.row_count(me);
  BAOBAB_CHECK(coefficients.rows == count && out.cols == coefficients.cols &&
                   out.rows == plan.extended.rows.row_count(me) &&
                   out.rows == count * plan.blowup &&
                   plan.extended.rows.first_row(me) == plan.trace.rows.first_row(me) * plan.blowup,
               "distributed_extend_coefficients: blocks do not match the plan");
  const std::vector<field::Fp> powers = spread_factors(shift, plan.trace.rows, me);
  distributed_forward_from_spread(ntt_plan, comm, plan.extended, coefficients, powers, plan.blowup,
                                  out);
}

void distributed_lde(const ntt::NttPlan& ntt_plan, Communicator& comm,
                     const DistributedLdePlan& plan, field::MatrixView evals, field::MatrixView out,
                     field::Fp shift, ntt::Order out_order) {
  const auto me = static_cast<uint64_t>(comm.rank());
  const uint64_t cols = evals.cols;
  BAOBAB_CHECK(out.cols == cols && out.rows == plan.extended.rows.row_count(me),
               "distributed_lde: output block has the wrong shape");
  BAOBAB_CHECK(!shift.is_zero(), "distributed_lde: zero shift");
  distributed_interpolate(ntt_plan, comm, plan.trace, evals);
  if (cols == 0) return;
  if (out_order == ntt::Order::kNatural) {
    distributed_extend_coefficients(ntt_plan, comm, plan, evals, out, shift);
    return;
  }

  // Position p of the trace's bit-reversed rows holds c_i, i = rev(p); it
  // goes to natural row i of the extended layout, times shift^i.
  auto exchange = plan_reverse_exchange(plan.trace.log_n, plan.trace.rows, plan.extended.rows,
                                        static_cast<uint64_t>(comm.rank()));
  BAOBAB_CHECK(exchange.ok(), "distributed_lde: trace and LDE layouts do not fit");
  reverse_exchange(comm, exchange.value(), plan.extended.rows, evals, out, shift);
  distributed_forward(ntt_plan, comm, plan.extended, out);
}

std::vector<field::Fp> lde_spread_factors(const DistributedLdePlan& plan, uint64_t rank,
                                          field::Fp shift) {
  BAOBAB_CHECK(!shift.is_zero(), "lde_spread_factors: zero shift");
  return spread_factors(shift, plan.trace.rows, rank);
}

void distributed_lde_natural(const ntt::NttPlan& ntt_plan, Communicator& comm,
                             const DistributedLdePlan& plan, field::ConstMatrixView evals,
                             field::MatrixView out, std::span<const field::Fp> spread_factors) {
  const auto me = static_cast<uint64_t>(comm.rank());
  BAOBAB_CHECK(out.cols == evals.cols && out.rows == plan.extended.rows.row_count(me) &&
                   plan.extended.rows.first_row(me) == plan.trace.rows.first_row(me) * plan.blowup,
               "distributed_lde_natural: blocks of the wrong shape");
  BAOBAB_CHECK(spread_factors.empty() || spread_factors.size() == plan.trace.rows.row_count(me),
               "distributed_lde_natural: spread factors of another block");
  if (evals.cols == 0) return;
  distributed_interpolate_and_spread(ntt_plan, comm, plan.trace, plan.extended, evals,
                                     spread_factors, plan.blowup, out);
}

void distributed_lde_natural(const ntt::NttPlan& ntt_plan, Communicator& comm,
                             const DistributedLdePlan& plan, field::ConstMatrixView evals,
                             field::MatrixView out, field::Fp shift) {
  const std::vector<field::Fp> powers =  // lde_spread_factors rejects a zero shift
      lde_spread_factors(plan, static_cast<uint64_t>(comm.rank()), shift);
  distributed_lde_natural(ntt_plan, comm, plan, evals, out, powers);
}

}  // namespace baobab::dist
