#include <gtest/gtest.h>
#include <omp.h>

#include "src/hash/sha256_hasher.h"
#include "src/stark/proof_format.h"
#include "src/stark/prover.h"
#include "src/stark/verifier.h"
#include "tests/src/stark/stark_test_util.h"

namespace baobab::stark {
namespace {

using testing::fibonacci_instance;
using testing::no_security_floor;
using testing::range_check_instance;
using testing::test_params;

const hash::Sha256Hasher& hasher() {
  static const hash::Sha256Hasher instance;
  return instance;
}

TEST(Stark, FibonacciProofVerifies) {
  for (int log_rows : {3, 6, 10}) {
    const auto instance = fibonacci_instance(log_rows);
    const auto views = instance.views();
    auto proof = prove(instance.statement, views, test_params(), hasher());
    ASSERT_TRUE(proof.ok()) << proof.error().to_string();
    const VerifyOutcome outcome =
        verify(instance.statement, proof.value(), no_security_floor(), hasher());
    EXPECT_TRUE(outcome.accepted) << log_rows << ": " << outcome.reason;
  }
}

TEST(Stark, FibonacciProofVerifiesWithEveryFriArity) {
  const auto instance = fibonacci_instance(8);
  const auto views = instance.views();
  for (uint32_t log_arity : {1u, 2u, 3u}) {
    auto params = test_params();
    params.log_fri_arity = log_arity;
    auto proof = prove(instance.statement, views, params, hasher());
    ASSERT_TRUE(proof.ok()) << proof.error().to_string();
    EXPECT_TRUE(verify(instance.statement, proof.value(), no_security_floor(), hasher()).accepted);
  }
}

TEST(Stark, TwoTableLogUpProofOfDifferentHeightsVerifies) {
  // 2^10 values against the 2^8-row range table.
  std::vector<uint64_t> values;
  for (uint64_t i = 0; i < 1000; ++i) values.push_back((i * 37) % 256);
  const auto instance = range_check_instance(10, values);
  const auto views = instance.views();
  auto proof = prove(instance.statement, views, test_params(), hasher());
  ASSERT_TRUE(proof.ok()) << proof.error().to_string();
  const VerifyOutcome outcome =
      verify(instance.statement, proof.value(), no_security_floor(), hasher());
  EXPECT_TRUE(outcome.accepted) << outcome.reason;
}

TEST(Stark, WrongPublicInputIsRejected) {
  auto instance = fibonacci_instance(6);
  const auto views = instance.views();
  auto proof = prove(instance.statement, views, test_params(), hasher());
  ASSERT_TRUE(proof.ok());
  Statement claimed = instance.statement;
  claimed.public_inputs[2] += Fp::one();  // the claimed result
  EXPECT_FALSE(verify(claimed, proof.value(), no_security_floor(), hasher()).accepted);
}

TEST(Stark, ProverRefusesAViolatingWitnessAndNamesTheConstraint) {
  auto instance = fibonacci_instance(6);
  instance.traces[0][5] += Fp::one();  // column a, row 5
  const auto views = instance.views();
  auto proof = prove(instance.statement, views, test_params(), hasher());
  ASSERT_FALSE(proof.ok());
  EXPECT_NE(proof.error().message.find("fib.a_next"), std::string::npos) << proof.error().message;
  EXPECT_NE(proof.error().message.find("row 4"), std::string::npos) << proof.error().message;
}

TEST(Stark, ForcedViolatingWitnessIsRejectedByTheVerifier) {
  auto instance = fibonacci_instance(6);
  instance.traces[0][5] += Fp::one();
  const auto views = instance.views();
  ProveOptions force;
  force.check_witness = false;
  auto proof = prove(instance.statement, views, test_params(), hasher(), force);
  ASSERT_TRUE(proof.ok());
  const VerifyOutcome outcome =
      verify(instance.statement, proof.value(), no_security_floor(), hasher());
  EXPECT_FALSE(outcome.accepted);
}

TEST(Stark, ForcedUnbalancedLookupIsRejectedByTheVerifier) {
  std::vector<uint64_t> values(1024, 7);
  values[100] = 300;  // outside [0, 2^8)
  const auto instance = range_check_instance(10, values);
  const auto views = instance.views();
  EXPECT_FALSE(prove(instance.statement, views, test_params(), hasher()).ok());
  ProveOptions force;
  force.check_witness = false;
  auto proof = prove(instance.statement, views, test_params(), hasher(), force);
  ASSERT_TRUE(proof.ok());
  const VerifyOutcome outcome =
      verify(instance.statement, proof.value(), no_security_floor(), hasher());
  EXPECT_FALSE(outcome.accepted);
  EXPECT_NE(outcome.reason.find("LogUp") == std::string::npos ? outcome.reason.find("sum") : 0,
            std::string::npos)
      << outcome.reason;
}

TEST(Stark, ParametersBelowTheRequestedSecurityAreRefused) {
  const auto instance = fibonacci_instance(6);
  const auto views = instance.views();
  auto proof = prove(instance.statement, views, test_params(), hasher());
  ASSERT_TRUE(proof.ok());
  const VerifyOutcome outcome =
      verify(instance.statement, proof.value(), params::SecurityLevel{}, hasher());
  EXPECT_FALSE(outcome.accepted);
  EXPECT_NE(outcome.reason.find("proven"), std::string::npos) << outcome.reason;
  EXPECT_LT(outcome.security.proven_bits, 100);
}

TEST(Stark, ProofDoesNotDependOnTheThreadCount) {
  const auto instance = fibonacci_instance(9);
  const auto views = instance.views();
  const int threads = omp_get_max_threads();
  omp_set_num_threads(1);
  auto one = prove(instance.statement, views, test_params(), hasher());
  omp_set_num_threads(2);
  auto two = prove(instance.statement, views, test_params(), hasher());
  omp_set_num_threads(threads);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(serialize_proof(one.value()), serialize_proof(two.value()));
}

}  // namespace
}  // namespace baobab::stark
