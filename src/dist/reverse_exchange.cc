#include "src/dist/reverse_exchange.h"

#include <algorithm>
#include <string>

#include "src/common/check.h"
#include "src/ntt/bit_reverse.h"

namespace baobab::dist {

namespace {

// The rank of `split` that owns `row`.
uint64_t owner_of(const BlockSplit& split, uint64_t row) {
  const uint64_t unit = row / split.unit_rows;
  uint64_t r = unit * split.ranks / split.units;
  while (r + 1 < split.ranks && split.first_unit(r + 1) <= unit) ++r;
  while (split.first_unit(r) > unit) --r;
  return r;
}

}  // namespace

Result<ReverseExchangePlan> plan_reverse_exchange(int log_n, const BlockSplit& source,
                                                  const BlockSplit& target, uint64_t rank) {
  if (log_n < 0 || log_n > 40 || source.units * source.unit_rows != (uint64_t{1} << log_n) ||
      target.units * target.unit_rows < (uint64_t{1} << log_n) || source.ranks != target.ranks ||
      rank >= source.ranks) {
    return Error{ErrorCode::kInvalidArgument,
                 "layouts do not fit a bit reversal of 2^" + std::to_string(log_n) + " rows",
                 "reverse exchange"};
  }
  const uint64_t ranks = source.ranks;
  ReverseExchangePlan plan;
  plan.rank = rank;
  plan.send_counts.assign(ranks, 0);
  const uint64_t first = source.first_row(rank);
  plan.destination.resize(source.row_count(rank));
  for (uint64_t k = 0; k < plan.destination.size(); ++k) {
    const uint64_t to = owner_of(target, ntt::reverse_bits(first + k, log_n));
    plan.destination[k] = to;
    ++plan.send_counts[to];
  }
  const uint64_t out_first = target.first_row(rank);
  const uint64_t out_end = out_first + target.row_count(rank);
  plan.incoming.resize(ranks);
  for (uint64_t from = 0; from < ranks; ++from) {
    const uint64_t begin = source.first_row(from);
    for (uint64_t p = begin; p < begin + source.row_count(from); ++p) {
      const uint64_t i = ntt::reverse_bits(p, log_n);
      if (i >= out_first && i < out_end) plan.incoming[from].push_back(i - out_first);
    }
  }
  return plan;
}

void reverse_exchange(Communicator& comm, const ReverseExchangePlan& plan, const BlockSplit& target,
                      const field::ConstMatrixView& in, const field::MatrixView& out, Fp shift) {
  const auto ranks = static_cast<uint64_t>(comm.size());
  BAOBAB_CHECK(plan.rank == static_cast<uint64_t>(comm.rank()) &&
                   plan.send_counts.size() == ranks && in.rows == plan.destination.size() &&
                   out.rows == target.row_count(plan.rank) && out.cols == in.cols,
               "reverse_exchange: blocks do not match the plan");
  const uint64_t cols = in.cols;
  if (cols == 0) return;
  std::vector<uint64_t> send_sizes(ranks), receive_sizes(ranks);
  std::vector<uint64_t> send_offsets(ranks + 1, 0);
  for (uint64_t r = 0; r < ranks; ++r) {
    send_sizes[r] = cols * plan.send_counts[r];
    receive_sizes[r] = cols * plan.incoming[r].size();
    send_offsets[r + 1] = send_offsets[r] + send_sizes[r];
  }
  // The block for rank `to` holds, column after column, the values of the
  // positions it receives, in order.
  BlockExchange& exchange = comm.block_exchange();
  const std::span<Fp> send = exchange.send_buffer(send_offsets[ranks]);
#pragma omp parallel for schedule(static)
  for (int64_t ci = 0; ci < static_cast<int64_t>(cols); ++ci) {
    const auto c = static_cast<uint64_t>(ci);
    const Fp* column = in.column(c);
    std::vector<uint64_t> cursor(ranks);
    for (uint64_t r = 0; r < ranks; ++r) cursor[r] = send_offsets[r] + c * plan.send_counts[r];
    for (uint64_t k = 0; k < plan.destination.size(); ++k) {
      send[cursor[plan.destination[k]]++] = column[k];
    }
  }
  exchange.exchange(send_sizes, receive_sizes);

  // Rows no position reaches (a taller target) are zero.
  uint64_t reached = 0;
  for (const auto& rows : plan.incoming) reached += rows.size();
  if (reached < out.rows) {
#pragma omp parallel for schedule(static)
    for (int64_t c = 0; c < static_cast<int64_t>(cols); ++c) {
      std::fill_n(out.column(static_cast<uint64_t>(c)), out.rows, Fp::zero());
    }
  }
  const uint64_t out_first = target.first_row(plan.rank);
  // shift^i = high[i >> kLowBits] · low[i & mask]: one multiply per row.
  constexpr int kLowBits = 11;
  const uint64_t low_size = uint64_t{1} << kLowBits;
  const uint64_t high_size = ((out_first + out.rows) >> kLowBits) + 1;
  std::vector<Fp> low(low_size), high(high_size);
  if (shift != Fp::one()) {
    low[0] = Fp::one();
    for (uint64_t k = 1; k < low_size; ++k) low[k] = low[k - 1] * shift;
    const Fp stride = low[low_size - 1] * shift;  // shift^(2^kLowBits)
    high[0] = Fp::one();
    for (uint64_t k = 1; k < high_size; ++k) high[k] = high[k - 1] * stride;
  }
  for (uint64_t from = 0; from < ranks; ++from) {
    const std::vector<uint64_t>& rows = plan.incoming[from];
    const Fp* received = exchange.received(from);
    const auto count = static_cast<int64_t>(rows.size());
#pragma omp parallel for schedule(static)
    for (int64_t k = 0; k < count; ++k) {
      const uint64_t row = rows[static_cast<uint64_t>(k)];
      const uint64_t i = out_first + row;
      const Fp factor =
          shift == Fp::one() ? Fp::one() : high[i >> kLowBits] * low[i & (low_size - 1)];
      for (uint64_t c = 0; c < cols; ++c) {
        out.column(c)[row] = received[c * rows.size() + static_cast<uint64_t>(k)] * factor;
      }
    }
  }
}

void distributed_bit_reverse(Communicator& comm, const DistributedNttPlan& plan,
                             const field::MatrixView& local, UninitializedVector<Fp>* staging) {
  UninitializedVector<Fp> own;
  // The exchange reads `in` while it fills `out`: stage the block first.
  auto& staged = staging != nullptr ? *staging : own;
  staged.resize(local.rows * local.cols);
  for (uint64_t c = 0; c < local.cols; ++c) {
    std::copy_n(local.column(c), local.rows, staged.data() + c * local.rows);
  }
  auto exchange =
      plan_reverse_exchange(plan.log_n, plan.rows, plan.rows, static_cast<uint64_t>(comm.rank()));
  BAOBAB_CHECK(exchange.ok(), "distributed_bit_reverse: layout does not fit its own reversal");
  reverse_exchange(comm, exchange.value(), plan.rows,
                   field::ConstMatrixView(staged.data(), local.rows, local.cols), local, Fp::one());
}

}  // namespace baobab::dist
