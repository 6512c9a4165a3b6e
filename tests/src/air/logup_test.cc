#include "src/air/logup.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "src/air/air.h"
#include "src/air/debug_checker.h"
#include "src/air/examples/range_check.h"
#include "tests/src/air/composition_util.h"
#include "tests/src/air/test_util.h"

namespace baobab::air {
namespace {

using examples::generate_range_check_trace;
using examples::kRangeSize;
using examples::RangeTableAir;
using examples::RangeValuesAir;

constexpr int kLogValues = 10;  // 1024 values against a 256-row table
constexpr uint64_t kValueRows = uint64_t{1} << kLogValues;

// Both tables with their aux stage done, as the prover holds them.
struct RangeProofState {
  std::unique_ptr<Air> values_air = make_air(RangeValuesAir(kLogValues));
  std::unique_ptr<Air> table_air = make_air(RangeTableAir{});
  examples::RangeCheckTrace trace;
  std::vector<Fp> table_pre = std::vector<Fp>(kRangeSize);
  std::vector<Fp3> challenges;
  std::vector<Fp> values_aux = std::vector<Fp>(3 * kValueRows);
  std::vector<Fp> table_aux = std::vector<Fp>(3 * kRangeSize);
  std::vector<Fp3> values_final = std::vector<Fp3>(1);
  std::vector<Fp3> table_final = std::vector<Fp3>(1);

  RangeProofState(const std::vector<uint64_t>& values, uint64_t seed) {
    trace = generate_range_check_trace(values, kLogValues);
    table_air->build_preprocessed(MatrixView{table_pre.data(), kRangeSize, 1});
    std::mt19937_64 rng(seed);
    challenges = {testing::random_fp3(rng)};
    build_aux();
  }
  void build_aux() {
    values_air->build_aux(values_view(), inputs({}), MatrixView{values_aux.data(), kValueRows, 3},
                          values_final);
    table_air->build_aux(table_view(), inputs({}), MatrixView{table_aux.data(), kRangeSize, 3},
                         table_final);
  }
  TraceView values_view() const {
    return {ConstMatrixView{trace.values.data(), kValueRows, 1},
            {},
            ConstMatrixView{values_aux.data(), kValueRows, 3}};
  }
  TraceView table_view() const {
    return {ConstMatrixView{trace.multiplicities.data(), kRangeSize, 1},
            ConstMatrixView{table_pre.data(), kRangeSize, 1},
            ConstMatrixView{table_aux.data(), kRangeSize, 3}};
  }
  ConstraintInputs inputs(std::span<const Fp3> aux_values) const {
    return {{}, challenges, aux_values};
  }
  std::vector<Fp3> finals() const { return {values_final[0], table_final[0]}; }
};

std::vector<uint64_t> random_bytes(uint64_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> v(count);
  for (auto& x : v) x = rng() % kRangeSize;
  return v;
}

TEST(Logup, RangeTablesAreDegreeTwoWithTwoChunks) {
  const RangeProofState st(random_bytes(10, 1), 2);
  for (const Air* air : {st.values_air.get(), st.table_air.get()}) {
    EXPECT_EQ(air->max_degree(), 2) << air->info().name;
    // The degree-2 first-row initialisation costs a second chunk.
    EXPECT_EQ(air->quotient_chunks(), 2) << air->info().name;
  }
  EXPECT_EQ(st.table_pre, st.trace.table);
}

TEST(Logup, HonestSumsCancelAcrossTablesOfDifferentHeights) {
  const RangeProofState st(random_bytes(1000, 3), 4);  // 24 padding zeros
  EXPECT_EQ(find_first_failure(*st.values_air, st.values_view(), st.inputs(st.values_final)),
            std::nullopt);
  EXPECT_EQ(find_first_failure(*st.table_air, st.table_view(), st.inputs(st.table_final)),
            std::nullopt);
  EXPECT_FALSE(st.values_final[0].is_zero());
  EXPECT_TRUE(check_logup_balance(st.finals()).ok());
}

TEST(Logup, ValueOutsideTheRangeUnbalancesTheSums) {
  for (uint64_t bad : {kRangeSize, uint64_t{300}, uint64_t{1} << 40}) {
    auto values = random_bytes(500, 5);
    values[123] = bad;
    const RangeProofState st(values, 6);
    // Each table on its own is consistent: only the cross-table check catches it.
    EXPECT_EQ(find_first_failure(*st.values_air, st.values_view(), st.inputs(st.values_final)),
              std::nullopt);
    EXPECT_EQ(find_first_failure(*st.table_air, st.table_view(), st.inputs(st.table_final)),
              std::nullopt);
    const Status balance = check_logup_balance(st.finals());
    ASSERT_FALSE(balance.ok()) << bad;
    EXPECT_NE(balance.error().message.find("do not cancel"), std::string::npos);
  }
}

TEST(Logup, WrongMultiplicityUnbalancesTheSums) {
  RangeProofState st(random_bytes(700, 7), 8);
  st.trace.multiplicities[17] += Fp::one();
  st.build_aux();
  EXPECT_FALSE(check_logup_balance(st.finals()).ok());
}

enum class Target {
  kValue,
  kValuesAux,
  kValuesFinal,
  kMultiplicity,
  kTableColumn,
  kTableAux,
  kGamma
};

struct Corruption {
  const char* what;
  Target target;
  uint64_t row;
  const char* table;
  const char* constraint;
  uint64_t failing_row;
};

// Single-cell corruptions after the aux stage: each is caught by the named
// constraint at the named row (and would go unnoticed without it).
TEST(Logup, DebugCheckerNamesTheBrokenConstraint) {
  const Corruption cases[] = {
      {"value at row 0", Target::kValue, 0, "range.values", "values.sum_init", 0},
      {"value at row 9", Target::kValue, 9, "range.values", "values.sum_step", 8},
      {"values sum at row 0", Target::kValuesAux, 0, "range.values", "values.sum_init", 0},
      {"values sum at row 3", Target::kValuesAux, 3, "range.values", "values.sum_step", 2},
      {"values sum at the last row", Target::kValuesAux, kValueRows - 1, "range.values",
       "values.sum_step", kValueRows - 2},
      {"values final sum", Target::kValuesFinal, 0, "range.values", "values.sum_final",
       kValueRows - 1},
      {"multiplicity at row 0", Target::kMultiplicity, 0, "range.table", "table.sum_init", 0},
      {"multiplicity at row 77", Target::kMultiplicity, 77, "range.table", "table.sum_step", 76},
      {"table value at row 200", Target::kTableColumn, 200, "range.table", "table.sum_step", 199},
      {"table sum at row 255", Target::kTableAux, 255, "range.table", "table.sum_step", 254},
      {"gamma", Target::kGamma, 0, "range.values", "values.sum_init", 0},
  };
  for (const Corruption& c : cases) {
    RangeProofState st(random_bytes(kValueRows, 9), 10);
    switch (c.target) {
      case Target::kValue:
        st.trace.values[c.row] += Fp::one();
        break;
      case Target::kValuesAux:
        st.values_aux[2 * kValueRows + c.row] += Fp::one();  // coordinate 2
        break;
      case Target::kValuesFinal:
        st.values_final[0] += Fp3(Fp::one());
        break;
      case Target::kMultiplicity:
        st.trace.multiplicities[c.row] += Fp::one();
        break;
      case Target::kTableColumn:
        st.table_pre[c.row] += Fp::one();
        break;
      case Target::kTableAux:
        st.table_aux[kRangeSize + c.row] += Fp::one();  // coordinate 1
        break;
      case Target::kGamma:
        st.challenges[0] += Fp3(Fp::one());
        break;
    }
    const bool values_side = std::string(c.table) == "range.values";
    const Air& air = values_side ? *st.values_air : *st.table_air;
    const auto failure = values_side
                             ? find_first_failure(air, st.values_view(), st.inputs(st.values_final))
                             : find_first_failure(air, st.table_view(), st.inputs(st.table_final));
    ASSERT_TRUE(failure.has_value()) << c.what;
    EXPECT_EQ(failure->table, c.table) << c.what;
    EXPECT_EQ(failure->constraint, c.constraint) << c.what;
    EXPECT_EQ(failure->row, c.failing_row) << c.what;
  }
}

// The aux path of the sinks: prover and verifier agree on both tables, and
// the quotient is low-degree, with the aux columns as 3 coordinate columns.
TEST(Logup, ProverAndVerifierAgreeOnBothTables) {
  const RangeProofState st(random_bytes(900, 11), 12);
  for (uint64_t blowup : {2, 4}) {
    testing::expect_composition_consistent(*st.values_air, st.values_view(),
                                           st.inputs(st.values_final), blowup, true, 13);
    testing::expect_composition_consistent(*st.table_air, st.table_view(),
                                           st.inputs(st.table_final), blowup, true, 14);
  }
}

TEST(Logup, CorruptedRunningSumIsNotLowDegree) {
  RangeProofState st(random_bytes(900, 15), 16);
  st.values_aux[kValueRows + 40] += Fp::one();
  testing::expect_composition_consistent(*st.values_air, st.values_view(),
                                         st.inputs(st.values_final), 4, false, 17);
}

}  // namespace
}  // namespace baobab::air
