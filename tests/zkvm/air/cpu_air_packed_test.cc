// The cpu table's packed (AVX-512) paths against the row-at-a-time ones:
// composition rows (src/air/lde_packed_sink_avx512.h) for whole and block
// views and every row step the prover uses, the debug check
// (src/air/trace_packed_avx512.h) on a witness with one damaged cell, and
// the LogUp aux columns (zkvm/air/bus_packed_avx512.h), over random columns (constraints need not
// hold: values are compared, not checked for zero). Equal values are what
// keeps the proof bytes the same on CPUs with and without AVX-512.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <random>
#include <vector>

#include "src/air/air.h"
#include "src/common/simd_level.h"
#include "zkvm/air/cpu_air.h"
#include "zkvm/air/cpu_witness.h"
#include "zkvm/air/table_trace.h"

namespace baobab::zkvm::rv {
namespace {

using air::KindSums;
using air::LdeView;

struct RandomLde {
  std::vector<Fp> main, aux;
  std::vector<Fp> public_inputs;
  std::vector<Fp3> challenges, aux_values, alpha_powers;
};

Fp random_fp(std::mt19937_64& rng) {
  return Fp::from_u64(rng());
}
Fp3 random_fp3(std::mt19937_64& rng) {
  return {random_fp(rng), random_fp(rng), random_fp(rng)};
}

class CpuAirPackedTest : public ::testing::TestWithParam<uint64_t> {
 protected:
  void SetUp() override {
    if (detect_cpu_simd_level() != SimdLevel::kAvx512) GTEST_SKIP() << "CPU without AVX-512";
  }
};

// Fills `stored` rows of every column and compares rows [first, first +
// count) of the composition's sums, for blowup 8 and the given row step.
void expect_same_sums(const air::AirAdapter<CpuAir>& adapter, uint64_t row_step, uint64_t stored,
                      uint64_t first, uint64_t count, uint64_t block_rows, uint64_t seed) {
  const air::TableInfo& info = adapter.info();
  std::mt19937_64 rng(seed);
  RandomLde r;
  r.main.resize(stored * info.num_main);
  r.aux.resize(stored * info.num_aux_base_columns());
  for (Fp& v : r.main) v = random_fp(rng);
  for (Fp& v : r.aux) v = random_fp(rng);
  for (uint64_t i = 0; i < info.num_public_inputs; ++i) r.public_inputs.push_back(random_fp(rng));
  for (uint64_t i = 0; i < info.num_challenges; ++i) r.challenges.push_back(random_fp3(rng));
  r.aux_values.push_back(random_fp3(rng));
  r.alpha_powers = air::alpha_powers(random_fp3(rng), adapter.constraints().size());

  LdeView lde;
  lde.main = {r.main.data(), stored, info.num_main};
  lde.aux = {r.aux.data(), stored, info.num_aux_base_columns()};
  lde.blowup = 8;
  lde.row_step = row_step;
  lde.block_rows = block_rows;
  lde.first_row = block_rows != 0 ? first : 0;
  const air::ConstraintInputs inputs{r.public_inputs, r.challenges, r.aux_values};

  std::vector<KindSums> packed(count), scalar(count);
  adapter.air().eval_lde_rows_avx512(lde, inputs, r.alpha_powers, first, packed);
  adapter.eval_lde_rows_scalar(lde, inputs, r.alpha_powers, first, scalar);
  for (uint64_t k = 0; k < count; ++k) {
    ASSERT_EQ(packed[k], scalar[k]) << "row " << first + k;
  }
}

TEST_P(CpuAirPackedTest, WholeViewMatchesScalarIncludingTheWrap) {
  // 64 rows: with row step 1 that is 512 logical rows, two windows.
  constexpr int kLogRows = 6;
  const air::AirAdapter<CpuAir> adapter{CpuAir(kLogRows)};
  const uint64_t lde_rows = adapter.info().rows() * 8;
  const uint64_t logical = lde_rows / GetParam();
  // Every logical row: the last ones read next rows that wrap to row 0.
  expect_same_sums(adapter, GetParam(), lde_rows, 0, logical, 0, 1);
  // A later batch that is not window-aligned.
  expect_same_sums(adapter, GetParam(), lde_rows, 8, logical - 8, 0, 2);
}

TEST_P(CpuAirPackedTest, BlockViewMatchesScalar) {
  constexpr int kLogRows = 6;
  const air::AirAdapter<CpuAir> adapter{CpuAir(kLogRows)};
  const uint64_t logical = adapter.info().rows() * 8 / GetParam();
  // A rank's block: its rows and the blowup rows after them (the halo).
  const uint64_t block = logical / 4;
  const uint64_t first = block;
  expect_same_sums(adapter, GetParam(), block * GetParam() + 8, first, block, block, 3);
}

// Random cpu columns whose flags and `real` are bits, so that many
// messages are idle (multiplicity 0) in some lanes and not in others.
std::vector<Fp> random_cpu_trace(uint64_t rows, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Fp> main(rows * kNumCpuCols);
  for (uint64_t c = 0; c < kNumCpuCols; ++c) {
    const bool bit = c == kReal || (c >= kFlag0 && c < uint64_t{kFlag0} + uint64_t{kNumFlags});
    for (uint64_t r = 0; r < rows; ++r) {
      main[c * rows + r] = bit ? Fp::from_u64(rng() & 1) : Fp::from_u64(rng());
    }
  }
  return main;
}

// Aux columns of rows [first, first + count) with and without the packed
// block path, from a whole view or a block view of those rows.
void expect_same_aux(uint64_t table_rows, uint64_t first, uint64_t count, bool block_view) {
  const CpuAir air(std::countr_zero(table_rows));
  const std::vector<Fp> main = random_cpu_trace(table_rows, first + count);
  std::mt19937_64 rng(99);
  std::vector<Fp3> challenges;
  for (uint64_t i = 0; i < kBusChallenges; ++i) challenges.push_back(random_fp3(rng));
  const air::ConstraintInputs inputs{{}, challenges, {}};
  air::TraceView trace;
  if (block_view) {  // the block's rows and the next one
    trace.main = {main.data() + first, count + 1, kNumCpuCols, table_rows};
    trace.first_row = first;
    trace.block_rows = count;
  } else {
    trace.main = {main.data(), table_rows, kNumCpuCols};
  }
  const uint64_t cols = air.info().num_aux_base_columns();
  std::vector<Fp> packed(count * cols), scalar(count * cols);
  BusRowsFn with_packed = bus_rows_fn(air);
  ASSERT_NE(with_packed.block_avx512, nullptr);
  BusRowsFn without = with_packed;
  without.block_avx512 = nullptr;
  const Fp3 packed_sum = build_bus_aux_rows(with_packed, CpuAir::kMessages, trace, inputs,
                                            table_rows, first, {packed.data(), count, cols});
  const Fp3 scalar_sum = build_bus_aux_rows(without, CpuAir::kMessages, trace, inputs, table_rows,
                                            first, {scalar.data(), count, cols});
  EXPECT_EQ(packed_sum, scalar_sum);
  for (uint64_t i = 0; i < packed.size(); ++i) {
    ASSERT_EQ(packed[i], scalar[i]) << "row " << first + i % count << ", column " << i / count;
  }
}

TEST(CpuAirPackedAux, WholeTableMatchesScalar) {
  if (detect_cpu_simd_level() != SimdLevel::kAvx512) GTEST_SKIP() << "CPU without AVX-512";
  expect_same_aux(2048, 0, 2048, false);  // two blocks of 1024 rows
}

TEST(CpuAirPackedAux, ABlockOfRowsMatchesScalar) {
  if (detect_cpu_simd_level() != SimdLevel::kAvx512) GTEST_SKIP() << "CPU without AVX-512";
  expect_same_aux(4096, 1024 + 8, 1536, true);  // not block-aligned, a partial block
  expect_same_aux(4096, 4096 - 512, 512, false);
}

// A cpu table of padding rows (written by the witness code, so every
// constraint but the first-row ones holds) with its aux columns and final
// sum, to damage one cell of.
struct PaddedCpu {
  static constexpr int kLogRows = 9;
  CpuAir air{kLogRows};
  TableTrace main{kLogRows, kNumCpuCols};
  std::vector<Fp> aux;
  std::vector<Fp> public_inputs = std::vector<Fp>(kNumPublicInputs);
  std::vector<Fp3> challenges, aux_values = std::vector<Fp3>(1);

  PaddedCpu() {
    pad_cpu_rows(main, 0);
    std::mt19937_64 rng(5);
    for (uint64_t i = 0; i < kBusChallenges; ++i) challenges.push_back(random_fp3(rng));
    build_aux_columns();
  }
  void build_aux_columns() {
    const uint64_t rows = main.rows();
    aux.assign(rows * air.info().num_aux_base_columns(), Fp::zero());
    air.build_aux(trace({}), inputs(), {aux.data(), rows, air.info().num_aux_base_columns()},
                  aux_values);
  }
  air::ConstraintInputs inputs() const { return {public_inputs, challenges, aux_values}; }
  air::TraceView trace(field::ConstMatrixView aux_view) const {
    return {main.view(), {}, aux_view};
  }
  air::TraceView trace() const {
    return trace({aux.data(), main.rows(), air.info().num_aux_base_columns()});
  }
};

void expect_same_failure(const air::AirAdapter<CpuAir>& adapter, const air::TraceView& trace,
                         const air::ConstraintInputs& inputs, uint64_t first, uint64_t count) {
  const auto packed = adapter.air().first_failure_avx512(trace, inputs, first, count);
  const auto scalar = adapter.first_failure_scalar(trace, inputs, first, count);
  ASSERT_EQ(packed.has_value(), scalar.has_value()) << "rows from " << first;
  if (packed) {
    EXPECT_EQ(packed->row, scalar->row);
    EXPECT_EQ(packed->constraint, scalar->constraint);
  }
}

TEST(CpuAirPackedCheck, FindsTheSameFirstFailureAsTheRowByRowCheck) {
  if (detect_cpu_simd_level() != SimdLevel::kAvx512) GTEST_SKIP() << "CPU without AVX-512";
  PaddedCpu cpu;
  const air::AirAdapter<CpuAir> adapter{CpuAir(PaddedCpu::kLogRows)};
  const uint64_t rows = cpu.main.rows();
  // Padding rows hold every constraint but the first-row ones (row 0).
  EXPECT_EQ(adapter.air().first_failure_avx512(cpu.trace(), cpu.inputs(), 8, rows - 8),
            std::nullopt);
  expect_same_failure(adapter, cpu.trace(), cpu.inputs(), 0, rows);
  // One damaged cell in the middle of a window, and one in the last row
  // (whose transition constraints do not apply).
  for (const uint64_t row : {uint64_t{300}, rows - 1}) {
    for (const uint64_t col : {uint64_t{kClk}, uint64_t{kReal}, uint64_t{kFlag0} + 3}) {
      PaddedCpu damaged;
      damaged.main.at(row, col) += Fp::one();
      expect_same_failure(adapter, damaged.trace(), damaged.inputs(), 8, rows - 8);
      const auto found =
          adapter.air().first_failure_avx512(damaged.trace(), damaged.inputs(), 8, rows - 8);
      ASSERT_TRUE(found.has_value()) << "row " << row << " column " << col;
      EXPECT_LE(found->row, row);
    }
  }
  // A block view of rows [256, 512) with the halo row (row 0 of the table).
  PaddedCpu damaged;
  damaged.main.at(400, kClk) += Fp::one();
  std::vector<Fp> block_main((256 + 1) * kNumCpuCols);
  for (uint64_t c = 0; c < kNumCpuCols; ++c) {
    for (uint64_t i = 0; i <= 256; ++i) {
      block_main[c * 257 + i] = damaged.main.at((256 + i) % rows, c);
    }
  }
  const uint64_t aux_cols = damaged.air.info().num_aux_base_columns();
  std::vector<Fp> block_aux(257 * aux_cols);
  for (uint64_t c = 0; c < aux_cols; ++c) {
    for (uint64_t i = 0; i <= 256; ++i) {
      block_aux[c * 257 + i] = damaged.aux[c * rows + (256 + i) % rows];
    }
  }
  air::TraceView block{
      {block_main.data(), 257, kNumCpuCols}, {}, {block_aux.data(), 257, aux_cols}};
  block.first_row = 256;
  block.block_rows = 256;
  expect_same_failure(adapter, block, damaged.inputs(), 256, 256);
  EXPECT_TRUE(adapter.air().first_failure_avx512(block, damaged.inputs(), 256, 256).has_value());
}

INSTANTIATE_TEST_SUITE_P(RowSteps, CpuAirPackedTest, ::testing::Values(1, 2, 4, 8));

}  // namespace
}  // namespace baobab::zkvm::rv
