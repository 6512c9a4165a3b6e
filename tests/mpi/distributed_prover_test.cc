// The distributed STARK prover under mpirun (R = 1..4): its proof is byte
// for byte stark::prove()'s on the same witness, and the verifier accepts
// it. Example AIRs of several shapes: one table; two tables of different
// heights tied by LogUp; blowups 4 and 8 (one and two composition chunks);
// FRI arities 2, 4 and 8; tables short enough to be proved whole next to
// split ones. Each also from this rank's rows only, copied or read in place
// with the next row stored after them.
#include "src/dist/distributed_prover.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mpi/mpi_communicator.h"
#include "src/hash/sha256_hasher.h"
#include "src/stark/proof_format.h"
#include "src/stark/prover.h"
#include "src/stark/verifier.h"
#include "tests/src/stark/stark_test_util.h"

namespace baobab::dist {
namespace {

using stark::testing::Instance;

// This rank's rows of every split table's main trace (own_table_rows), the
// whole trace of the others: what a caller that builds only its rows passes.
std::vector<field::ConstMatrixView> own_views(const Instance& instance,
                                              const params::ProofParams& params,
                                              const Communicator& comm) {
  auto rows = own_table_rows(instance.statement, params, static_cast<uint64_t>(comm.size()),
                             static_cast<uint64_t>(comm.rank()));
  EXPECT_TRUE(rows.ok());
  std::vector<field::ConstMatrixView> out = instance.views();
  for (size_t t = 0; t < out.size(); ++t) {
    if (rows.value()[t].split)
      out[t] = out[t].row_block(rows.value()[t].first, rows.value()[t].count);
  }
  return out;
}

// The same rows, each split table's copied into `storage` with the table's
// next row stored after them (ProveOptions::main_rows_with_next).
std::vector<field::ConstMatrixView> own_views_with_next(
    const Instance& instance, const params::ProofParams& params, const Communicator& comm,
    std::vector<std::vector<field::Fp>>& storage) {
  auto rows = own_table_rows(instance.statement, params, static_cast<uint64_t>(comm.size()),
                             static_cast<uint64_t>(comm.rank()));
  EXPECT_TRUE(rows.ok());
  std::vector<field::ConstMatrixView> out = instance.views();
  storage.assign(out.size(), {});
  for (size_t t = 0; t < out.size(); ++t) {
    const OwnRows& own = rows.value()[t];
    if (!own.split) continue;
    const field::ConstMatrixView whole = out[t];
    const uint64_t stride = own.count + 1;
    storage[t].resize(stride * whole.cols);
    for (uint64_t c = 0; c < whole.cols; ++c) {
      for (uint64_t r = 0; r <= own.count; ++r) {
        storage[t][c * stride + r] = whole.column(c)[(own.first + r) % whole.rows];
      }
    }
    out[t] = field::ConstMatrixView(storage[t].data(), own.count, whole.cols, stride);
  }
  return out;
}

void expect_same_proof(const Instance& instance, const params::ProofParams& params) {
  mpi::MpiCommunicator comm;
  const hash::Sha256Hasher hasher;
  const auto views = instance.views();
  auto distributed = prove_distributed(comm, instance.statement, views, params, hasher);
  ASSERT_TRUE(distributed.ok()) << distributed.error().to_string();
  // Only this rank's rows of the main traces: the same proof.
  auto from_rows = prove_distributed(comm, instance.statement, own_views(instance, params, comm),
                                     params, hasher);
  ASSERT_TRUE(from_rows.ok()) << from_rows.error().to_string();
  // Own rows with the next row stored after them, read in place.
  std::vector<std::vector<field::Fp>> storage;
  stark::ProveOptions in_place;
  in_place.main_rows_with_next = true;
  auto with_next = prove_distributed(comm, instance.statement,
                                     own_views_with_next(instance, params, comm, storage), params,
                                     hasher, in_place);
  ASSERT_TRUE(with_next.ok()) << with_next.error().to_string();
  if (comm.rank() != 0) return;
  EXPECT_EQ(stark::serialize_proof(with_next.value()), stark::serialize_proof(distributed.value()))
      << "own rows with the next row, on " << comm.size() << " ranks";
  EXPECT_EQ(stark::serialize_proof(from_rows.value()), stark::serialize_proof(distributed.value()))
      << "own rows only, on " << comm.size() << " ranks";
  auto single = stark::prove(instance.statement, views, params, hasher);
  ASSERT_TRUE(single.ok()) << single.error().to_string();
  EXPECT_EQ(stark::serialize_proof(distributed.value()), stark::serialize_proof(single.value()))
      << "on " << comm.size() << " ranks";
  const auto outcome = stark::verify(instance.statement, distributed.value(),
                                     stark::testing::no_security_floor(), hasher);
  EXPECT_TRUE(outcome.accepted) << outcome.reason;
}

TEST(DistributedProver, OneTableProofEqualsTheSingleProcessProof) {
  expect_same_proof(stark::testing::fibonacci_instance(10), stark::testing::test_params());
}

TEST(DistributedProver, EveryFriArityAndBlowupGivesTheSingleProcessProof) {
  for (unsigned log_arity : {1u, 2u, 3u}) {
    for (unsigned log_blowup : {2u, 3u}) {
      params::ProofParams p = stark::testing::test_params();
      p.log_fri_arity = log_arity;
      p.log_blowup = log_blowup;
      SCOPED_TRACE(testing::Message() << "arity 2^" << log_arity << ", blowup 2^" << log_blowup);
      expect_same_proof(stark::testing::fibonacci_instance(12), p);
    }
  }
}

TEST(DistributedProver, TablesOfDifferentHeightsWithLogUpGiveTheSingleProcessProof) {
  std::vector<uint64_t> values;
  for (uint64_t i = 0; i < 3000; ++i) values.push_back((i * 7919) % 256);
  expect_same_proof(stark::testing::range_check_instance(12, values),
                    stark::testing::test_params());
}

TEST(DistributedProver, TableTooShortToSplitIsProvedWholeOnEveryRank) {
  // 2^2 rows: below bit_ceil(R)^2 for R >= 3, so proved whole there.
  expect_same_proof(stark::testing::fibonacci_instance(2), stark::testing::test_params());
}

// Both provers refuse the witness with the same error, which names `what`.
void expect_same_refusal(const Instance& instance, const std::string& what) {
  mpi::MpiCommunicator comm;
  const hash::Sha256Hasher hasher;
  const auto views = instance.views();
  auto proof =
      prove_distributed(comm, instance.statement, views, stark::testing::test_params(), hasher);
  ASSERT_FALSE(proof.ok());
  auto single = stark::prove(instance.statement, views, stark::testing::test_params(), hasher);
  ASSERT_FALSE(single.ok());
  EXPECT_EQ(proof.error().to_string(), single.error().to_string());
  // Own rows read in place (with the next row stored after them): the same refusal.
  std::vector<std::vector<field::Fp>> storage;
  stark::ProveOptions in_place;
  in_place.main_rows_with_next = true;
  auto from_rows =
      prove_distributed(comm, instance.statement,
                        own_views_with_next(instance, stark::testing::test_params(), comm, storage),
                        stark::testing::test_params(), hasher, in_place);
  ASSERT_FALSE(from_rows.ok());
  EXPECT_EQ(from_rows.error().to_string(), single.error().to_string());
  EXPECT_NE(proof.error().message.find(what), std::string::npos) << proof.error().to_string();
}

TEST(DistributedProver, RefusesAViolatingWitnessOnEveryRankWithTheSingleProcessError) {
  // Rows 5 and 200 of 256: the lowest is reported whichever rank checks it.
  for (uint64_t row : {uint64_t{200}, uint64_t{5}}) {
    Instance instance = stark::testing::fibonacci_instance(8);
    instance.traces[0][row] += field::Fp::one();
    instance.traces[0][200] += field::Fp::one();
    expect_same_refusal(instance, "witness violates constraint");
  }
}

TEST(DistributedProver, RefusesAnUnbalancedLookupWithTheSingleProcessError) {
  // 300 is outside the 8-bit table: every row passes, the LogUp sums (built
  // by rows on each rank, then summed) do not cancel.
  std::vector<uint64_t> values(3000, 7);
  values[2999] = 300;
  expect_same_refusal(stark::testing::range_check_instance(12, values), "LogUp");
}

}  // namespace
}  // namespace baobab::dist
