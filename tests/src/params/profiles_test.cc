#include "src/params/profiles.h"

#include <gtest/gtest.h>

#include <string>

namespace baobab::params {
namespace {

TEST(Profiles, DefaultParametersAreProven100) {
  const Result<ProofParams> p = profile_by_name(kDefaultProfileName);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.value(), ProofParams{});
}

TEST(Profiles, EveryProfileIsValidAndFoundByName) {
  ASSERT_EQ(profiles().size(), 2u);
  for (const Profile& profile : profiles()) {
    EXPECT_TRUE(profile.params.validate().ok()) << profile.name;
    const Result<ProofParams> p = profile_by_name(profile.name);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.value(), profile.params);
  }
}

TEST(Profiles, UnknownNameListsTheKnownOnes) {
  const Result<ProofParams> p = profile_by_name("proven-128");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(p.error().message.find("'proven-128'"), std::string::npos);
  EXPECT_NE(p.error().message.find("proven-100, conjectured-100"), std::string::npos);
}

TEST(Profiles, Proven100ReachesHundredProvenBitsAcrossTheEnvelope) {
  const ProofParams p = profile_by_name("proven-100").value();
  for (uint32_t k = 10; k <= kDesignMaxLogTraceRows; ++k) {
    for (uint32_t degree = 1; degree <= kDesignMaxConstraintDegree; ++degree) {
      StatementShape shape = design_shape(k);
      shape.max_constraint_degree = degree;
      const SecurityReport r = estimate_security(p, shape);
      ASSERT_TRUE(r.valid) << r.explanation;
      EXPECT_GE(r.proven_bits, 100.0) << "2^" << k << " rows, degree " << degree;
      EXPECT_GE(r.conjectured_bits, 100.0);
      EXPECT_TRUE(check_security(r, SecurityLevel{}).ok());
    }
  }
}

TEST(Profiles, Conjectured100ReachesHundredConjecturedBitsAcrossTheEnvelope) {
  const ProofParams p = profile_by_name("conjectured-100").value();
  for (uint32_t k = 10; k <= kDesignMaxLogTraceRows; ++k) {
    for (uint32_t degree = 1; degree <= kDesignMaxConstraintDegree; ++degree) {
      StatementShape shape = design_shape(k);
      shape.max_constraint_degree = degree;
      const SecurityReport r = estimate_security(p, shape);
      ASSERT_TRUE(r.valid) << r.explanation;
      EXPECT_GE(r.conjectured_bits, 100.0) << "2^" << k << " rows, degree " << degree;
      // It is not a proven-100 profile: the default verifier level refuses it.
      EXPECT_LT(r.proven_bits, 100.0);
      EXPECT_FALSE(check_security(r, SecurityLevel{}).ok());
      EXPECT_TRUE(
          check_security(r, SecurityLevel{.min_proven_bits = 0, .min_conjectured_bits = 100}).ok());
    }
  }
}

TEST(Profiles, Conjectured100HasFewerQueries) {
  EXPECT_LT(profile_by_name("conjectured-100").value().num_queries,
            profile_by_name("proven-100").value().num_queries);
}

// The documented table (docs/security.md) at 2^16, 2^20 and 2^26 rows.
TEST(Profiles, MatchTheDocumentedTable) {
  for (uint32_t k : {16u, 20u, 26u}) {
    const SecurityReport proven = estimate_security(ProofParams{}, design_shape(k));
    EXPECT_NEAR(proven.proven_bits, 100.52, 0.01) << k;
    EXPECT_EQ(proven.conjectured_bits, 128.0);
    const SecurityReport conj =
        estimate_security(profile_by_name("conjectured-100").value(), design_shape(k));
    EXPECT_NEAR(conj.proven_bits, 43.24, 0.01) << k;
    EXPECT_EQ(conj.conjectured_bits, 103.0);
  }
}

}  // namespace
}  // namespace baobab::params
