// The distributed NTT under mpirun (R = 1, 2, 3, 4): every rank's block of the
// result equals the same rows of the single-process transform of the whole
// column, for the forward, inverse and coset forms and several columns.
#include "src/dist/distributed_ntt.h"

#include <gtest/gtest.h>

#include <vector>

#include "mpi/mpi_communicator.h"
#include "src/field/roots.h"
#include "src/ntt/ntt.h"
#include "tests/src/ntt/ntt_test_util.h"

namespace baobab::dist {
namespace {

using field::Fp;
using ntt::Order;
using ntt::testing::random_column;

// Rows [first, first + count) of every column of a column-major n × cols matrix.
std::vector<Fp> block_of(const std::vector<Fp>& all, uint64_t n, uint64_t cols, uint64_t first,
                         uint64_t count) {
  std::vector<Fp> out(count * cols);
  for (uint64_t c = 0; c < cols; ++c) {
    std::copy_n(all.begin() + static_cast<std::ptrdiff_t>(c * n + first), count,
                out.begin() + static_cast<std::ptrdiff_t>(c * count));
  }
  return out;
}

TEST(DistributedNtt, EveryRankCountGivesTheSingleProcessResult) {
  mpi::MpiCommunicator comm(/*max_message=*/4096);  // several messages per exchange
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  const ntt::NttPlan ntt_plan(14);
  for (int log_n : {4, 5, 9, 12, 14}) {
    auto plan = plan_distributed_ntt(log_n, ranks);
    ASSERT_TRUE(plan.ok()) << plan.error().to_string();
    const uint64_t n = uint64_t{1} << log_n;
    constexpr uint64_t kCols = 3;
    const auto input = random_column(n * kCols, 900 + log_n);  // the same on every rank
    const uint64_t first = plan.value().rows.first_row(me);
    const uint64_t count = plan.value().rows.row_count(me);

    // Forward: natural rows in, bit-reversed rows out.
    auto expected = input;
    ntt::forward(ntt_plan, field::MatrixView(expected.data(), n, kCols), Order::kBitReversed);
    // A strided local view: the block sits in a taller allocation.
    const uint64_t stride = count + 5;
    std::vector<Fp> local(stride * kCols, Fp::from_u64(77));
    const auto mine = block_of(input, n, kCols, first, count);
    for (uint64_t c = 0; c < kCols; ++c) {
      std::copy_n(mine.begin() + static_cast<std::ptrdiff_t>(c * count), count,
                  local.begin() + static_cast<std::ptrdiff_t>(c * stride));
    }
    const field::MatrixView view(local.data(), count, kCols, stride);
    distributed_forward(ntt_plan, comm, plan.value(), view);
    const auto want = block_of(expected, n, kCols, first, count);
    for (uint64_t c = 0; c < kCols; ++c) {
      for (uint64_t i = 0; i < count; ++i) {
        ASSERT_EQ(view.at(i, c), want[c * count + i])
            << "log_n " << log_n << " rank " << me << " col " << c << " row " << i;
      }
      EXPECT_EQ(local[c * stride + count], Fp::from_u64(77));  // gap untouched
    }
    // Inverse gives the input block back.
    distributed_inverse(ntt_plan, comm, plan.value(), view);
    for (uint64_t c = 0; c < kCols; ++c) {
      for (uint64_t i = 0; i < count; ++i) ASSERT_EQ(view.at(i, c), mine[c * count + i]);
    }
    // Coset forms against ntt::coset_forward.
    const Fp shift = field::kCosetShift;
    auto coset_expected = input;
    ntt::coset_forward(ntt_plan, field::MatrixView(coset_expected.data(), n, kCols), shift,
                       Order::kBitReversed);
    distributed_coset_forward(ntt_plan, comm, plan.value(), view, shift);
    const auto coset_want = block_of(coset_expected, n, kCols, first, count);
    for (uint64_t c = 0; c < kCols; ++c) {
      for (uint64_t i = 0; i < count; ++i) ASSERT_EQ(view.at(i, c), coset_want[c * count + i]);
    }
    distributed_coset_inverse(ntt_plan, comm, plan.value(), view, shift);
    for (uint64_t c = 0; c < kCols; ++c) {
      for (uint64_t i = 0; i < count; ++i) ASSERT_EQ(view.at(i, c), mine[c * count + i]);
    }
  }
}

// Data equal to its global index: element e of the block rank s sends to
// rank r is s·10^6 + r·10^3 + e; uneven counts, empty blocks, tiny messages.
TEST(MpiCommunicator, AllToAllDeliversEveryElementInPlace) {
  for (uint64_t max_message : {uint64_t{1}, uint64_t{3}, uint64_t{1000}}) {
    mpi::MpiCommunicator comm(max_message);
    const auto ranks = static_cast<uint64_t>(comm.size());
    const auto me = static_cast<uint64_t>(comm.rank());
    auto count = [](uint64_t from, uint64_t to) { return (from * 7 + to * 3) % 5; };
    std::vector<uint64_t> send_counts(ranks), receive_counts(ranks);
    std::vector<Fp> send;
    for (uint64_t to = 0; to < ranks; ++to) {
      send_counts[to] = count(me, to);
      for (uint64_t e = 0; e < send_counts[to]; ++e) {
        send.push_back(Fp::from_u64(me * 1000000 + to * 1000 + e));
      }
    }
    uint64_t total = 0;
    for (uint64_t from = 0; from < ranks; ++from) total += receive_counts[from] = count(from, me);
    std::vector<Fp> receive(total);
    comm.all_to_all(send, send_counts, receive, receive_counts);
    uint64_t at = 0;
    for (uint64_t from = 0; from < ranks; ++from) {
      for (uint64_t e = 0; e < receive_counts[from]; ++e) {
        ASSERT_EQ(receive[at++], Fp::from_u64(from * 1000000 + me * 1000 + e));
      }
    }
  }
}

TEST(MpiCommunicator, SumsAreExactAndInRankOrder) {
  mpi::MpiCommunicator comm(5);
  const auto me = static_cast<uint64_t>(comm.rank());
  const field::Fp3 mine(Fp::from_u64(me + 1), Fp::from_u64(2 * me), Fp::from_u64(7));
  field::Fp3 before = field::Fp3::zero();
  field::Fp3 all = field::Fp3::zero();
  for (uint64_t r = 0; r < static_cast<uint64_t>(comm.size()); ++r) {
    const field::Fp3 value(Fp::from_u64(r + 1), Fp::from_u64(2 * r), Fp::from_u64(7));
    if (r < me) before += value;
    all += value;
  }
  EXPECT_EQ(comm.exclusive_prefix_sum(mine), before);
  EXPECT_EQ(comm.all_sum(mine), all);
  comm.barrier();
}

}  // namespace
}  // namespace baobab::dist
