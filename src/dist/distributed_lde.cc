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

void reverse_exchange(Communicator& comm, int log_n, const BlockSplit& source,
                      const BlockSplit& target, const field::ConstMatrixView& in,
                      const field::MatrixView& out, Fp shift, ExchangeWorkspace& ws) {
  BAOBAB_CHECK(source.units * source.unit_rows == (uint64_t{1} << log_n) &&
                   target.units * target.unit_rows >= (uint64_t{1} << log_n) &&
                   in.rows == source.row_count(static_cast<uint64_t>(comm.rank())) &&
                   out.rows == target.row_count(static_cast<uint64_t>(comm.rank())) &&
                   out.cols == in.cols,
               "reverse_exchange: blocks do not match the layouts");
  // Both sides walk the sender's positions in order, so no index travels
  // with the values.
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  const uint64_t cols = in.cols;
  if (cols == 0) return;
  auto owner = [&](uint64_t row) {  // the target layout's owner of a row
    const uint64_t unit = row / target.unit_rows;
    uint64_t r = unit * ranks / target.units;
    while (r + 1 < ranks && target.first_unit(r + 1) <= unit) ++r;
    while (target.first_unit(r) > unit) --r;
    return r;
  };
  const uint64_t my_first = source.first_row(me);
  const uint64_t my_count = source.row_count(me);
  std::vector<uint64_t> send_counts(ranks, 0), receive_counts(ranks, 0);
  for (uint64_t p = my_first; p < my_first + my_count; ++p) {
    ++send_counts[owner(ntt::reverse_bits(p, log_n))];
  }
  const uint64_t out_first = target.first_row(me);
  const uint64_t out_end = out_first + out.rows;
  // incoming[from][k]: the local row of the k-th value rank `from` sends.
  std::vector<std::vector<uint64_t>> incoming(ranks);
  for (uint64_t from = 0; from < ranks; ++from) {
    const uint64_t first = source.first_row(from);
    for (uint64_t p = first; p < first + source.row_count(from); ++p) {
      const uint64_t i = ntt::reverse_bits(p, log_n);
      if (i >= out_first && i < out_end) incoming[from].push_back(i - out_first);
    }
    receive_counts[from] = incoming[from].size();
  }
  std::vector<uint64_t> send_offsets(ranks + 1, 0), receive_offsets(ranks + 1, 0);
  for (uint64_t r = 0; r < ranks; ++r) {
    send_offsets[r + 1] = send_offsets[r] + cols * send_counts[r];
    receive_offsets[r + 1] = receive_offsets[r] + cols * receive_counts[r];
  }
  // Pack per destination, column by column, positions ascending.
  // The block for rank `to` holds, column after column, the values of the
  // positions it receives, in order.
  auto& send = ws.send;
  send.resize(send_offsets[ranks]);
#pragma omp parallel for schedule(static)
  for (int64_t ci = 0; ci < static_cast<int64_t>(cols); ++ci) {
    const auto c = static_cast<uint64_t>(ci);
    const Fp* column = in.column(c);
    std::vector<uint64_t> cursor(ranks);
    for (uint64_t r = 0; r < ranks; ++r) cursor[r] = send_offsets[r] + c * send_counts[r];
    for (uint64_t p = my_first; p < my_first + my_count; ++p) {
      send[cursor[owner(ntt::reverse_bits(p, log_n))]++] = column[p - my_first];
    }
  }
  std::vector<uint64_t> send_sizes(ranks), receive_sizes(ranks);
  for (uint64_t r = 0; r < ranks; ++r) {
    send_sizes[r] = cols * send_counts[r];
    receive_sizes[r] = cols * receive_counts[r];
  }
  auto& receive = ws.receive;
  receive.resize(receive_offsets[ranks]);
  comm.all_to_all(send, send_sizes, receive, receive_sizes);

  // Rows no position maps to are zero.
  if (target.units * target.unit_rows > (uint64_t{1} << log_n)) {
#pragma omp parallel for schedule(static)
    for (int64_t c = 0; c < static_cast<int64_t>(cols); ++c) {
      std::fill_n(out.column(static_cast<uint64_t>(c)), out.rows, Fp::zero());
    }
  }
  for (uint64_t from = 0; from < ranks; ++from) {
    const std::vector<uint64_t>& rows = incoming[from];
    const auto count = static_cast<int64_t>(rows.size());
#pragma omp parallel for schedule(static)
    for (int64_t k = 0; k < count; ++k) {
      const uint64_t row = rows[static_cast<uint64_t>(k)];
      const Fp factor = shift == Fp::one() ? Fp::one() : shift.pow(out_first + row);
      for (uint64_t c = 0; c < cols; ++c) {
        out.column(c)[row] =
            receive[receive_offsets[from] + c * rows.size() + static_cast<uint64_t>(k)] * factor;
      }
    }
  }
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
  reverse_exchange(comm, plan.trace.log_n, plan.trace.rows, plan.extended.rows, evals, out, shift,
                   ws);
  distributed_forward(ntt_plan, comm, plan.extended, out, &ws);
}

void distributed_bit_reverse(Communicator& comm, const DistributedNttPlan& plan,
                             const field::MatrixView& local, ExchangeWorkspace* workspace) {
  ExchangeWorkspace own;
  ExchangeWorkspace& ws = workspace != nullptr ? *workspace : own;
  // The exchange reads `in` while it fills `out`: stage the block first.
  auto& staged = ws.middle;
  staged.resize(local.rows * local.cols);
  for (uint64_t c = 0; c < local.cols; ++c) {
    std::copy_n(local.column(c), local.rows, staged.data() + c * local.rows);
  }
  reverse_exchange(comm, plan.log_n, plan.rows, plan.rows,
                   field::ConstMatrixView(staged.data(), local.rows, local.cols), local, Fp::one(),
                   ws);
}

}  // namespace baobab::dist
