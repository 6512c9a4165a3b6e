// The distributed NTT under mpirun (R = 1, 2, 3, 4): every rank's block of the
// result equals the same rows of the single-process transform of the whole
// column, for the forward, inverse and coset forms and several columns.
#include "src/dist/distributed_ntt.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "mpi/merkle_top.h"
#include "mpi/mpi_communicator.h"
#include "src/dist/distributed_commitment.h"
#include "src/dist/distributed_lde.h"
#include "src/dist/distributed_sums.h"
#include "src/dist/halo.h"
#include "src/field/barycentric.h"
#include "src/field/roots.h"
#include "src/hash/sha256_hasher.h"
#include "src/merkle/opening.h"
#include "src/merkle/tree.h"
#include "src/ntt/bit_reverse.h"
#include "src/ntt/lde.h"
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

// `block` (count rows of `cols` columns) in an allocation whose columns
// start `stride` elements apart, the gaps holding `fill`: a block inside a
// taller matrix.
std::vector<Fp> with_stride(const std::vector<Fp>& block, uint64_t count, uint64_t cols,
                            uint64_t stride, Fp fill) {
  std::vector<Fp> out(stride * cols, fill);
  for (uint64_t c = 0; c < cols; ++c) {
    std::copy_n(block.begin() + static_cast<std::ptrdiff_t>(c * count), count,
                out.begin() + static_cast<std::ptrdiff_t>(c * stride));
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
    const auto mine = block_of(input, n, kCols, first, count);
    std::vector<Fp> local = with_stride(mine, count, kCols, stride, Fp::from_u64(77));
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
    // Forward from bit-reversed rows: the input's rows taken as c_rev(p).
    {
      std::vector<Fp> reversed(n * kCols);
      for (uint64_t c = 0; c < kCols; ++c) {
        for (uint64_t i = 0; i < n; ++i) {
          reversed[c * n + ntt::reverse_bits(i, log_n)] = input[c * n + i];
        }
      }
      auto natural = reversed;
      ntt::forward(ntt_plan, field::MatrixView(natural.data(), n, kCols), Order::kNatural);
      const auto rows = block_of(input, n, kCols, first, count);
      for (uint64_t c = 0; c < kCols; ++c) std::copy_n(&rows[c * count], count, view.column(c));
      distributed_forward_from_reversed(ntt_plan, comm, plan.value(), view);
      const auto natural_want = block_of(natural, n, kCols, first, count);
      for (uint64_t c = 0; c < kCols; ++c) {
        for (uint64_t i = 0; i < count; ++i) {
          ASSERT_EQ(view.at(i, c), natural_want[c * count + i])
              << "forward from reversed, log_n " << log_n << " rank " << me;
        }
        EXPECT_EQ(local[c * stride + count], Fp::from_u64(77));
      }
      for (uint64_t c = 0; c < kCols; ++c) std::copy_n(&mine[c * count], count, view.column(c));
    }
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

// The distributed LDE puts in every rank's block the rows ntt::lde gives, and
// the ranks' Merkle subtrees combine into the root of the whole LDE.
TEST(DistributedLde, BlocksAndCommitmentEqualTheSingleProcessOnes) {
  mpi::MpiCommunicator comm(1 << 12);
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  const ntt::NttPlan ntt_plan(18);
  const hash::Sha256Hasher hasher;
  for (int log_n : {4, 7, 10, 12, 14}) {
    for (uint64_t blowup : {2, 8}) {
      auto plan = plan_distributed_lde(log_n, blowup, ranks);
      ASSERT_TRUE(plan.ok()) << plan.error().to_string();
      const uint64_t n = uint64_t{1} << log_n;
      const uint64_t big_n = n * blowup;
      constexpr uint64_t kCols = 3;
      const auto evals = random_column(n * kCols, 4000 + log_n);
      std::vector<Fp> expected(big_n * kCols);
      const Fp shift = blowup == 8 ? field::kCosetShift.pow(2) : field::kCosetShift;
      ntt::lde(ntt_plan, field::ConstMatrixView(evals.data(), n, kCols), blowup,
               field::MatrixView(expected.data(), big_n, kCols), Order::kBitReversed, shift);

      const uint64_t in_first = plan.value().trace.rows.first_row(me);
      const uint64_t in_count = plan.value().trace.rows.row_count(me);
      auto mine = block_of(evals, n, kCols, in_first, in_count);
      const uint64_t out_first = plan.value().extended.rows.first_row(me);
      const uint64_t out_count = plan.value().extended.rows.row_count(me);
      std::vector<Fp> out(out_count * kCols);
      distributed_lde(ntt_plan, comm, plan.value(), field::MatrixView(mine.data(), in_count, kCols),
                      field::MatrixView(out.data(), out_count, kCols), shift);
      ASSERT_EQ(out, block_of(expected, big_n, kCols, out_first, out_count))
          << "log_n " << log_n << " blowup " << blowup << " rank " << me;

      // Natural rows out (the prover's form: the coefficients spread into
      // the extended layout without being stored).
      std::vector<Fp> expected_natural(big_n * kCols);
      ntt::lde(ntt_plan, field::ConstMatrixView(evals.data(), n, kCols), blowup,
               field::MatrixView(expected_natural.data(), big_n, kCols), Order::kNatural, shift);
      auto mine_again = block_of(evals, n, kCols, in_first, in_count);
      std::vector<Fp> out_natural(out_count * kCols);
      distributed_lde(
          ntt_plan, comm, plan.value(), field::MatrixView(mine_again.data(), in_count, kCols),
          field::MatrixView(out_natural.data(), out_count, kCols), shift, Order::kNatural);
      ASSERT_EQ(out_natural, block_of(expected_natural, big_n, kCols, out_first, out_count))
          << "natural, log_n " << log_n << " blowup " << blowup << " rank " << me;

      // The same read in place from a strided view (a column group of a
      // wider trace), the input left unchanged.
      const uint64_t stride = in_count + 3;
      std::vector<Fp> wide = with_stride(block_of(evals, n, kCols, in_first, in_count), in_count,
                                         kCols, stride, Fp::from_u64(99));
      const std::vector<Fp> wide_before = wide;
      std::vector<Fp> out_in_place(out_count * kCols);
      distributed_lde_natural(ntt_plan, comm, plan.value(),
                              field::ConstMatrixView(wide.data(), in_count, kCols, stride),
                              field::MatrixView(out_in_place.data(), out_count, kCols), shift);
      EXPECT_EQ(out_in_place, out_natural) << "strided input, log_n " << log_n;
      EXPECT_EQ(wide, wide_before) << "the input was written";

      // Shift 1 (how the prover extends its composition chunks): the
      // coefficients spread without factors.
      std::vector<Fp> expected_plain(big_n * kCols);
      ntt::lde(ntt_plan, field::ConstMatrixView(evals.data(), n, kCols), blowup,
               field::MatrixView(expected_plain.data(), big_n, kCols), Order::kNatural, Fp::one());
      std::vector<Fp> out_plain(out_count * kCols);
      distributed_lde_natural(ntt_plan, comm, plan.value(),
                              field::ConstMatrixView(wide.data(), in_count, kCols, stride),
                              field::MatrixView(out_plain.data(), out_count, kCols), Fp::one());
      ASSERT_EQ(out_plain, block_of(expected_plain, big_n, kCols, out_first, out_count))
          << "shift 1, log_n " << log_n << " blowup " << blowup << " rank " << me;

      auto subtrees = mpi::plan_subtrees(big_n, ranks);
      ASSERT_TRUE(subtrees.ok());
      std::vector<hash::Digest> roots;
      const uint64_t per = subtrees.value().leaves_per_subtree;
      for (uint64_t s = 0; s < subtrees.value().subtree_count(me); ++s) {
        roots.push_back(merkle::subtree_root(
            hasher, field::ConstMatrixView(out.data(), out_count, kCols).row_block(s * per, per)));
      }
      const auto root = mpi::combine_subtree_roots(hasher, subtrees.value(), roots);
      EXPECT_EQ(root, merkle::MerkleTree::build(
                          hasher, field::ConstMatrixView(expected.data(), big_n, kCols))
                          .root());
    }
  }
}

// Every rank receives the first rows of the next rank's block (the last rank
// rank 0's): the values equal their global row index.
TEST(Halo, NextRowsArriveFromTheNextRankCyclically) {
  mpi::MpiCommunicator comm(2);
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  constexpr uint64_t kRows = 16;  // per rank
  constexpr uint64_t kCols = 3;
  std::vector<Fp> local(kRows * kCols);
  for (uint64_t c = 0; c < kCols; ++c) {
    for (uint64_t i = 0; i < kRows; ++i) {
      local[c * kRows + i] = Fp::from_u64(c * 100000 + me * kRows + i);
    }
  }
  std::vector<Fp> halo(2 * kCols);
  exchange_next_rows(comm, field::ConstMatrixView(local.data(), kRows, kCols),
                     field::MatrixView(halo.data(), 2, kCols));
  const uint64_t next = (me + 1) % ranks;
  for (uint64_t c = 0; c < kCols; ++c) {
    for (uint64_t i = 0; i < 2; ++i) {
      EXPECT_EQ(halo[c * 2 + i], Fp::from_u64(c * 100000 + next * kRows + i));
    }
  }
}

// Out-of-domain values from row blocks and LogUp running sums across ranks
// equal the single-process ones.
TEST(DistributedSums, EvaluationsAndRunningSumsEqualTheSingleProcessOnes) {
  mpi::MpiCommunicator comm;
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  constexpr int kLogN = 10;
  constexpr uint64_t kN = uint64_t{1} << kLogN;
  constexpr uint64_t kCols = 3;
  auto plan = plan_distributed_ntt(kLogN, ranks);
  ASSERT_TRUE(plan.ok());
  const uint64_t first = plan.value().rows.first_row(me);
  const uint64_t count = plan.value().rows.row_count(me);
  const auto values = random_column(kN * kCols, 31);
  const field::Fp3 z(Fp::from_u64(5), Fp::from_u64(7), Fp::from_u64(11));
  const auto expected = field::evaluate_columns_at(field::ConstMatrixView(values.data(), kN, kCols),
                                                   field::barycentric_weights(kN, z));
  const auto mine = block_of(values, kN, kCols, first, count);
  EXPECT_EQ(distributed_evaluate_at(comm, field::ConstMatrixView(mine.data(), count, kCols), first,
                                    kN, z),
            expected);

  std::vector<field::Fp3> terms(kN);
  for (uint64_t i = 0; i < kN; ++i) {
    terms[i] = field::Fp3(values[i], values[kN + i], values[2 * kN + i]);
  }
  std::vector<field::Fp3> running(terms.begin() + static_cast<std::ptrdiff_t>(first),
                                  terms.begin() + static_cast<std::ptrdiff_t>(first + count));
  const field::Fp3 total = distributed_running_sum(comm, running);
  field::Fp3 sum = field::Fp3::zero();
  for (uint64_t i = 0; i < kN; ++i) {
    sum += terms[i];
    if (i >= first && i < first + count) {
      ASSERT_EQ(running[i - first], sum) << i;
    }
  }
  EXPECT_EQ(total, sum);
}

// The distributed commitment's root and openings, assembled on rank 0 from
// the owning ranks' proofs, equal merkle::MerkleTree::build and open_rows of
// the whole matrix, byte for byte.
TEST(DistributedCommitment, RootAndOpeningsEqualTheSingleProcessOnes) {
  mpi::MpiCommunicator comm;
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  const hash::Sha256Hasher hasher;
  for (int log_rows : {2, 5, 10}) {
    auto plan = plan_distributed_ntt(std::max(log_rows, 4), ranks);
    ASSERT_TRUE(plan.ok());
    const uint64_t rows = uint64_t{1} << log_rows;
    const uint64_t units = plan.value().rows.units;
    if (units > rows) continue;
    auto split = split_blocks(units, rows / units, ranks);
    ASSERT_TRUE(split.ok());
    constexpr uint64_t kCols = 5;
    const auto all = random_column(rows * kCols, 600 + log_rows);
    const uint64_t first = split.value().first_row(me);
    const uint64_t count = split.value().row_count(me);
    const auto mine = block_of(all, rows, kCols, first, count);
    const field::ConstMatrixView whole(all.data(), rows, kCols);
    const auto tree = merkle::MerkleTree::build(hasher, whole);
    const auto commitment = DistributedCommitment::build(
        comm, hasher, split.value(), field::ConstMatrixView(mine.data(), count, kCols));
    ASSERT_EQ(commitment.root(), tree.root()) << log_rows;
    // First and last rows, neighbours across rank boundaries, a lone middle row.
    std::vector<std::vector<uint64_t>> sets = {{0}, {rows - 1}, {0, rows - 1}, {}};
    std::vector<uint64_t> spread;
    for (uint64_t r = 0; r < ranks; ++r) {
      const uint64_t boundary = split.value().first_row(r);
      if (boundary > 0) spread.push_back(boundary - 1);
      spread.push_back(boundary);
    }
    spread.push_back(rows / 2 + 1 < rows ? rows / 2 + 1 : rows - 1);
    std::sort(spread.begin(), spread.end());
    spread.erase(std::unique(spread.begin(), spread.end()), spread.end());
    sets.push_back(spread);
    for (const auto& indices : sets) {
      const merkle::BatchOpening got = commitment.open(comm, indices);
      if (me != 0 || indices.empty()) continue;
      const merkle::BatchOpening want = merkle::open_rows(tree, whole, indices);
      EXPECT_EQ(got.indices, want.indices);
      EXPECT_EQ(got.rows, want.rows);
      EXPECT_EQ(got.siblings, want.siblings) << "log_rows " << log_rows;
      EXPECT_TRUE(
          merkle::verify_batch(hasher, commitment.root(), commitment.height(), kCols, got).ok());
    }
  }
}

// Bit-reversed blocks <-> natural blocks, in place, across ranks.
TEST(DistributedBitReverse, MatchesTheSingleProcessPermutation) {
  mpi::MpiCommunicator comm(64);
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  for (int log_n : {4, 7, 12}) {
    auto plan = plan_distributed_ntt(log_n, ranks);
    ASSERT_TRUE(plan.ok());
    const uint64_t n = uint64_t{1} << log_n;
    constexpr uint64_t kCols = 2;
    const auto all = random_column(n * kCols, 70 + log_n);
    auto reversed = all;
    for (uint64_t c = 0; c < kCols; ++c) {
      for (uint64_t i = 0; i < n; ++i) {
        reversed[c * n + ntt::reverse_bits(i, log_n)] = all[c * n + i];
      }
    }
    const uint64_t first = plan.value().rows.first_row(me);
    const uint64_t count = plan.value().rows.row_count(me);
    auto mine = block_of(all, n, kCols, first, count);
    distributed_bit_reverse(comm, plan.value(), field::MatrixView(mine.data(), count, kCols));
    ASSERT_EQ(mine, block_of(reversed, n, kCols, first, count)) << log_n;
    distributed_bit_reverse(comm, plan.value(), field::MatrixView(mine.data(), count, kCols));
    ASSERT_EQ(mine, block_of(all, n, kCols, first, count)) << log_n;
  }
}

// The prover's commitment to a main trace (LDE rows in natural order, as
// stark::prove commits them): distributed LDE, bit reversal back to natural
// blocks, per-rank subtrees; the root equals one process's.
TEST(DistributedLde, NaturalOrderCommitmentEqualsTheSingleProcessRoot) {
  mpi::MpiCommunicator comm;
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  const ntt::NttPlan ntt_plan(16);
  const hash::Sha256Hasher hasher;
  constexpr int kLogN = 9;
  constexpr uint64_t kBlowup = 8;
  constexpr uint64_t kN = uint64_t{1} << kLogN;
  constexpr uint64_t kCols = 4;
  auto plan = plan_distributed_lde(kLogN, kBlowup, ranks);
  ASSERT_TRUE(plan.ok());
  const auto evals = random_column(kN * kCols, 8080);
  std::vector<Fp> expected(kN * kBlowup * kCols);
  ntt::lde(ntt_plan, field::ConstMatrixView(evals.data(), kN, kCols), kBlowup,
           field::MatrixView(expected.data(), kN * kBlowup, kCols), Order::kNatural);
  const auto root = merkle::MerkleTree::build(
                        hasher, field::ConstMatrixView(expected.data(), kN * kBlowup, kCols))
                        .root();

  auto mine = block_of(evals, kN, kCols, plan.value().trace.rows.first_row(me),
                       plan.value().trace.rows.row_count(me));
  const uint64_t out_rows = plan.value().extended.rows.row_count(me);
  std::vector<Fp> out(out_rows * kCols);
  UninitializedVector<Fp> staging;
  distributed_lde(ntt_plan, comm, plan.value(),
                  field::MatrixView(mine.data(), plan.value().trace.rows.row_count(me), kCols),
                  field::MatrixView(out.data(), out_rows, kCols), field::kCosetShift);
  distributed_bit_reverse(comm, plan.value().extended,
                          field::MatrixView(out.data(), out_rows, kCols), &staging);
  ASSERT_EQ(out, block_of(expected, kN * kBlowup, kCols, plan.value().extended.rows.first_row(me),
                          out_rows));
  // The natural-order LDE (no bit reversal exchange) gives the same rows.
  std::vector<Fp> direct(out_rows * kCols);
  mine = block_of(evals, kN, kCols, plan.value().trace.rows.first_row(me),
                  plan.value().trace.rows.row_count(me));  // the first LDE used it as scratch
  distributed_lde(ntt_plan, comm, plan.value(),
                  field::MatrixView(mine.data(), plan.value().trace.rows.row_count(me), kCols),
                  field::MatrixView(direct.data(), out_rows, kCols), field::kCosetShift,
                  Order::kNatural);
  ASSERT_EQ(direct, out);
  const auto commitment =
      DistributedCommitment::build(comm, hasher, plan.value().extended.rows,
                                   field::ConstMatrixView(out.data(), out_rows, kCols));
  EXPECT_EQ(commitment.root(), root);
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
  EXPECT_EQ(sum_over_ranks(comm, std::span<const field::Fp3>(&mine, 1)), std::vector{all});
  comm.barrier();
}

}  // namespace
}  // namespace baobab::dist
