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

void distributed_lde(const ntt::NttPlan& ntt_plan, Communicator& comm,
                     const DistributedLdePlan& plan, field::MatrixView evals, field::MatrixView out,
                     field::Fp shift, ExchangeWorkspace* workspace) {
  ExchangeWorkspace own;
  ExchangeWorkspace& ws = workspace != nullptr ? *workspace : own;
  const auto me = static_cast<uint64_t>(comm.rank());
  const uint64_t cols = evals.cols;
  BAOBAB_CHECK(out.cols == cols && out.rows == plan.extended.rows.row_count(me),
               "distributed_lde: output block has the wrong shape");
  BAOBAB_CHECK(!shift.is_zero(), "distributed_lde: zero shift");
  distributed_interpolate(ntt_plan, comm, plan.trace, evals, &ws);
  if (cols == 0) return;

  // Position p of the trace's bit-reversed rows holds c_i, i = rev(p); it
  // goes to natural row i of the extended layout, times shift^i.
  auto exchange = plan_reverse_exchange(plan.trace.log_n, plan.trace.rows, plan.extended.rows,
                                        static_cast<uint64_t>(comm.rank()));
  BAOBAB_CHECK(exchange.ok(), "distributed_lde: trace and LDE layouts do not fit");
  reverse_exchange(comm, exchange.value(), plan.extended.rows, evals, out, shift, ws);
  distributed_forward(ntt_plan, comm, plan.extended, out, &ws);
}

}  // namespace baobab::dist
