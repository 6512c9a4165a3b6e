#include "src/params/security.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace baobab::params {
namespace {

// log2 |Fp3| computed independently: p = 2^64 - 2^32 + 1, so
// log2 p = 64 + log2(1 - 2^-32 + 2^-64).
double log2_f() {
  return 3.0 * (64.0 + std::log2(1.0 - std::exp2(-32) + std::exp2(-64)));
}

ProofParams params(uint32_t log_blowup, uint32_t queries, uint32_t grinding, uint32_t log_arity = 2,
                   uint32_t remainder = 5) {
  ProofParams p;
  p.log_blowup = log_blowup;
  p.num_queries = queries;
  p.grinding_bits = grinding;
  p.log_fri_arity = log_arity;
  p.fri_remainder_max_log_size = remainder;
  return p;
}

const ErrorTerm* find_term(const SecurityReport& r, const std::string& name) {
  for (const ErrorTerm& t : r.proven_terms) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

TEST(Security, FieldSizeIsJustBelow192Bits) {
  EXPECT_NEAR(log2_fp3_size(), log2_f(), 1e-9);
  EXPECT_LT(log2_fp3_size(), 192.0);
  EXPECT_GT(log2_fp3_size(), 191.999);
}

// Reference 1: the proven-100 numbers at 2^20 rows, 100 polynomials, 50
// constraints, no lookups; the query term limits (docs/security.md).
TEST(Security, MatchesHandComputedReferenceForBlowup8) {
  StatementShape shape;
  shape.log_trace_rows = 20;
  shape.num_tables = 1;
  shape.num_deep_polys = 100;
  shape.num_opening_points = 2;
  shape.max_constraint_degree = 3;
  shape.num_constraints = 50;
  shape.num_logup_fractions = 0;
  const SecurityReport r = estimate_security(params(3, 98, 20), shape);
  ASSERT_TRUE(r.valid) << r.explanation;

  const double L = log2_f();
  const double N = std::exp2(20), n = std::exp2(23);
  // δ = (1 - 1/8)/2 = 7/16; a query passes with probability 1 - δ = 9/16.
  EXPECT_DOUBLE_EQ(r.delta, 7.0 / 16.0);
  const double query = 98 * std::log2(9.0 / 16.0) - 20;  // = -101.3473...
  const double ali = std::log2(50.0) - L;
  const double deep = std::log2(3 * (N + 1) + (N - 1)) - std::log2(std::exp2(L) - N - n);
  const double batch = std::log2(100.0 * 2) + 23 - L;
  // n = 2^23, remainder 2^5, arity 4: ceil(18/2) = 9 rounds.
  EXPECT_EQ(r.num_fri_rounds, 9u);
  double fold_sum = 0;
  for (int i = 0; i < 9; ++i) fold_sum += 3 * n / std::pow(4.0, i);
  const double fold = std::log2(fold_sum) - L;
  const double total =
      std::exp2(query) + std::exp2(ali) + std::exp2(deep) + std::exp2(batch) + std::exp2(fold);
  const double expected = -std::log2(total);
  EXPECT_NEAR(expected, 101.3473, 1e-4);  // 98 * log2(16/9) + 20, the other terms vanish
  EXPECT_NEAR(r.proven_bits, expected, 1e-9);
  EXPECT_NEAR(find_term(r, "fri.query")->log2_error, query, 1e-9);
  EXPECT_NEAR(find_term(r, "deep.ood")->log2_error, deep, 1e-9);
  EXPECT_NEAR(find_term(r, "deep.batch")->log2_error, batch, 1e-9);
  EXPECT_NEAR(find_term(r, "fri.commit")->log2_error, fold, 1e-9);
  EXPECT_EQ(find_term(r, "logup"), nullptr);  // no lookups, no term
  EXPECT_EQ(r.proven_limit, "fri.query");
  // Conjectured: min(98*3 + 20, L - 23) - 1 = min(314, 169) - 1 = 168 > 128: the hash caps it.
  EXPECT_DOUBLE_EQ(r.conjectured_query_bits, 314.0);
  EXPECT_NEAR(r.conjectured_field_bits, L - 23, 1e-9);
  EXPECT_EQ(r.conjectured_bits, 128.0);
  EXPECT_EQ(r.conjectured_limit, "hash.collision");
}

// Reference 2: a small field (2^128) and a huge batch make a field term the
// limit for both numbers.
TEST(Security, MatchesHandComputedReferenceWhereTheFieldLimits) {
  StatementShape shape;
  shape.log_trace_rows = 26;
  shape.num_deep_polys = 1u << 16;
  shape.num_opening_points = 16;
  shape.max_constraint_degree = 2;
  shape.num_constraints = 1;
  shape.log2_field_size = 128;
  const SecurityReport r = estimate_security(params(4, 1000, 32, 4, 10), shape);
  ASSERT_TRUE(r.valid) << r.explanation;
  // deep.batch = w*m*n/|F| = 2^16 * 2^4 * 2^30 / 2^128 = 2^-78, the largest term;
  // deep.ood = (2*(2^26+15) + 2^26-1)/(2^128 - 2^26 - 2^30) ~ 2^-126.4;
  // fri.commit = 15*2^30*(1 + 1/16 + 1/256 + ...) / 2^128 over ceil(20/4) = 5 rounds ~ 2^-94.
  const double batch = -78.0;
  const double deep = std::log2(2 * (std::exp2(26) + 15) + std::exp2(26) - 1) -
                      std::log2(std::exp2(128) - std::exp2(26) - std::exp2(30));
  double fold_sum = 0;
  for (int i = 0; i < 5; ++i) fold_sum += 15 * std::exp2(30) / std::pow(16.0, i);
  const double fold = std::log2(fold_sum) - 128;
  const double ali = -128.0;
  const double query = 1000 * std::log2(17.0 / 32.0) - 32;  // ~ -944
  const double expected = -std::log2(std::exp2(batch) + std::exp2(deep) + std::exp2(fold) +
                                     std::exp2(ali) + std::exp2(query));
  EXPECT_NEAR(r.proven_bits, expected, 1e-9);
  EXPECT_NEAR(r.proven_bits, 78.0, 0.01);
  EXPECT_EQ(r.proven_limit, "deep.batch");
  // Conjectured: min(1000*4 + 32, 128 - 30) - 1 = 97, the field limits.
  EXPECT_DOUBLE_EQ(r.conjectured_bits, 97.0);
  EXPECT_EQ(r.conjectured_limit, "field.size");
  EXPECT_NE(r.explanation.find("deep.batch"), std::string::npos) << r.explanation;
}

TEST(Security, LogupTermCountsFractionsTimesTupleWidth) {
  StatementShape shape;
  shape.num_logup_fractions = uint64_t{1} << 40;
  shape.max_logup_tuple_width = 8;
  const SecurityReport r = estimate_security(ProofParams{}, shape);
  ASSERT_NE(find_term(r, "logup"), nullptr);
  EXPECT_NEAR(find_term(r, "logup")->log2_error, 43 - log2_f(), 1e-9);
}

TEST(Security, FriRoundsFoldDownToTheRemainder) {
  StatementShape shape;
  shape.log_trace_rows = 20;
  EXPECT_EQ(estimate_security(params(3, 10, 0, 3, 5), shape).num_fri_rounds, 6u);  // 18/3
  EXPECT_EQ(estimate_security(params(3, 10, 0, 4, 5), shape).num_fri_rounds, 5u);  // ceil(18/4)
  EXPECT_EQ(estimate_security(params(3, 10, 0, 1, 5), shape).num_fri_rounds, 18u);
  shape.log_trace_rows = 2;  // n = 2^5 = the remainder: no folding, no commit-phase term
  const SecurityReport r = estimate_security(params(3, 10, 0, 2, 5), shape);
  EXPECT_EQ(r.num_fri_rounds, 0u);
  EXPECT_EQ(find_term(r, "fri.commit"), nullptr);
}

TEST(Security, WeakParametersAreReportedBelow100) {
  const SecurityReport r = estimate_security(params(1, 20, 0), StatementShape{});
  ASSERT_TRUE(r.valid);
  // 20 * log2(4/3) = 8.30 proven bits; 20 * 1 + 0 - 1 = 19 conjectured bits.
  EXPECT_NEAR(r.proven_bits, 20 * std::log2(4.0 / 3.0), 1e-9);
  EXPECT_DOUBLE_EQ(r.conjectured_bits, 19.0);
  const Status s = check_security(r, SecurityLevel{});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("8.3 proven and 19.0 conjectured bits"), std::string::npos)
      << s.error().message;
  EXPECT_NE(s.error().message.find("required 100.0 proven"), std::string::npos);
  EXPECT_NE(s.error().message.find("FRI queries"), std::string::npos);
  // Conjectured-only requirements are checked too.
  EXPECT_FALSE(
      check_security(r, SecurityLevel{.min_proven_bits = 0, .min_conjectured_bits = 20}).ok());
  EXPECT_TRUE(
      check_security(r, SecurityLevel{.min_proven_bits = 8, .min_conjectured_bits = 19}).ok());
}

TEST(Security, InvalidInputsGiveNoBitsAndSayWhy) {
  ProofParams bad;
  bad.num_queries = 0;
  StatementShape shape;
  shape.num_deep_polys = 0;
  SecurityReport r = estimate_security(bad, shape);
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(r.proven_bits, 0.0);
  EXPECT_EQ(r.conjectured_bits, 0.0);
  EXPECT_NE(r.explanation.find("num_queries = 0"), std::string::npos);
  EXPECT_NE(r.explanation.find("num_deep_polys = 0"), std::string::npos);
  EXPECT_FALSE(check_security(r, SecurityLevel{.min_proven_bits = 0}).ok());

  shape = StatementShape{};
  shape.log_trace_rows = 30;  // 2^30 rows * 8 > 2^32
  r = estimate_security(params(3, 98, 20), shape);
  EXPECT_FALSE(r.valid);
  EXPECT_NE(r.explanation.find("two-adic"), std::string::npos);

  shape = StatementShape{};
  shape.max_constraint_degree = 9;  // 8 chunks > blowup 4
  r = estimate_security(params(2, 100, 0, 2, 5), shape);
  EXPECT_FALSE(r.valid);
  EXPECT_NE(r.explanation.find("composition chunks"), std::string::npos);
}

TEST(Security, ShapeValidateReportsEveryProblem) {
  StatementShape s;
  s.log_trace_rows = 0;
  s.num_tables = 0;
  s.num_opening_points = 0;
  s.max_constraint_degree = 0;
  s.num_constraints = 0;
  s.max_logup_tuple_width = 0;
  s.log2_field_size = 64;
  EXPECT_EQ(s.problems().size(), 7u);
  EXPECT_FALSE(s.validate().ok());
  EXPECT_TRUE(StatementShape{}.validate().ok());
}

// More queries, more grinding or a larger blowup never lower either number;
// a longer trace never raises them.
TEST(Security, IsMonotoneInEveryParameter) {
  const uint32_t query_grid[] = {1, 2, 5, 10, 27, 28, 60, 97, 98, 150, 300, 600, 1024};
  const uint32_t grind_grid[] = {0, 1, 8, 20, 31, 32};
  for (uint32_t degree : {1u, 2u, 3u}) {
    for (uint32_t k = 1; k <= 28; k += 3) {
      StatementShape shape;
      shape.log_trace_rows = k;
      shape.max_constraint_degree = degree;
      shape.num_logup_fractions = uint64_t{1} << 30;
      for (uint32_t lb = 1; lb <= 4; ++lb) {
        for (uint32_t gi = 0; gi < std::size(grind_grid); ++gi) {
          for (uint32_t qi = 0; qi < std::size(query_grid); ++qi) {
            const ProofParams p = params(lb, query_grid[qi], grind_grid[gi]);
            const SecurityReport r = estimate_security(p, shape);
            ASSERT_TRUE(r.valid) << r.explanation;
            auto no_lower = [&](const ProofParams& q, const StatementShape& sh, const char* what) {
              const SecurityReport r2 = estimate_security(q, sh);
              ASSERT_TRUE(r2.valid) << r2.explanation;
              EXPECT_GE(r2.proven_bits, r.proven_bits) << what << " " << p.to_json();
              EXPECT_GE(r2.conjectured_bits, r.conjectured_bits) << what << " " << p.to_json();
            };
            if (qi + 1 < std::size(query_grid)) {
              no_lower(params(lb, query_grid[qi + 1], grind_grid[gi]), shape, "queries");
            }
            if (gi + 1 < std::size(grind_grid)) {
              no_lower(params(lb, query_grid[qi], grind_grid[gi + 1]), shape, "grinding");
            }
            if (lb < 4) no_lower(params(lb + 1, query_grid[qi], grind_grid[gi]), shape, "blowup");
            if (k + 1 + lb > 32) continue;  // the longer trace no longer fits the field
            StatementShape longer = shape;
            longer.log_trace_rows = k + 1;
            const SecurityReport r3 = estimate_security(p, longer);
            ASSERT_TRUE(r3.valid);
            EXPECT_LE(r3.proven_bits, r.proven_bits) << "rows " << k << " " << p.to_json();
            EXPECT_LE(r3.conjectured_bits, r.conjectured_bits) << "rows " << k;
          }
        }
      }
    }
  }
}

TEST(Security, ReportJsonCarriesBothNumbers) {
  const std::string json = estimate_security(ProofParams{}, StatementShape{}).to_json();
  EXPECT_EQ(json.front(), '{');
  EXPECT_EQ(json.back(), '}');
  EXPECT_NE(json.find("\"proven_bits\":100.52"), std::string::npos) << json;
  EXPECT_NE(json.find("\"conjectured_bits\":128.00"), std::string::npos) << json;
  EXPECT_NE(json.find("\"proven_limit\":\"fri.query\""), std::string::npos) << json;
}

}  // namespace
}  // namespace baobab::params
