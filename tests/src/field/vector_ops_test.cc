#include "src/field/vector_ops.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/src/field/gmp_oracle.h"

namespace baobab::field {
namespace {

// Every SIMD path this CPU supports must give the scalar Fp results bit for
// bit, including tails shorter than a register and edge values.
class VectorOpsTest : public ::testing::TestWithParam<SimdLevel> {};

std::vector<Fp> as_fp(const std::vector<uint64_t>& values) {
  std::vector<Fp> out;
  for (uint64_t v : values) out.push_back(Fp::from_canonical(v));
  return out;
}

TEST_P(VectorOpsTest, MatchesScalarOperatorsOnEdgesAndRandomValues) {
  const VectorKernels& k = vector_kernels(GetParam());
  ASSERT_EQ(k.level, GetParam());
  const auto a_values = testing::interesting_values(1000, 11);
  // Pair every edge with every other edge by rotating the second operand.
  for (size_t rotation : {0u, 1u, 5u, 13u}) {
    std::vector<uint64_t> b_values(a_values.size());
    for (size_t i = 0; i < a_values.size(); ++i)
      b_values[i] = a_values[(i + rotation) % a_values.size()];
    const auto a = as_fp(a_values), b = as_fp(b_values);
    for (size_t n : {a.size(), a.size() - 1, size_t{7}, size_t{3}, size_t{0}}) {
      std::vector<Fp> sum(n), diff(n), prod(n), scaled(n);
      k.add(a.data(), b.data(), sum.data(), n);
      k.sub(a.data(), b.data(), diff.data(), n);
      k.mul(a.data(), b.data(), prod.data(), n);
      k.scale(a.data(), b[0], scaled.data(), n);
      // mul_add3 starts from b (so accumulation is tested) with s = b[0..2].
      std::vector<Fp> acc0(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(n)), acc1 = acc0,
                                                                                   acc2 = acc0;
      const Fp s3[3] = {b[0], b[1], b[2]};
      k.mul_add3(a.data(), s3, acc0.data(), acc1.data(), acc2.data(), n);
      // mul_add3_columns over three columns (a, b, a) equals three mul_add3 calls.
      std::vector<Fp> m0(n, Fp::one()), m1 = m0, m2 = m0, r0 = m0, r1 = m0, r2 = m0;
      const Fp* columns[3] = {a.data(), b.data(), a.data()};
      const Fp s9[9] = {b[0], b[1], b[2], a[0], a[1], a[2], b[3], b[4], b[5]};
      k.mul_add3_columns(columns, s9, 3, m0.data(), m1.data(), m2.data(), n);
      for (int c = 0; c < 3; ++c)
        k.mul_add3(columns[c], s9 + 3 * c, r0.data(), r1.data(), r2.data(), n);
      ASSERT_EQ(m0, r0);
      ASSERT_EQ(m1, r1);
      ASSERT_EQ(m2, r2);
      for (size_t i = 0; i < n; ++i) {
        ASSERT_EQ(acc0[i], b[i] + s3[0] * a[i]) << i;
        ASSERT_EQ(acc1[i], b[i] + s3[1] * a[i]) << i;
        ASSERT_EQ(acc2[i], b[i] + s3[2] * a[i]) << i;
        ASSERT_EQ(sum[i].value(), testing::gmp_add(a_values[i], b_values[i])) << i;
        ASSERT_EQ(diff[i].value(), testing::gmp_sub(a_values[i], b_values[i])) << i;
        ASSERT_EQ(prod[i].value(), testing::gmp_mul(a_values[i], b_values[i])) << i;
        ASSERT_EQ(scaled[i], a[i] * b[0]) << i;
      }
    }
  }
}

// dot3_columns against Σ with the scalar operators, over edge values,
// every column count up to kDotColumns and lengths with and without tails.
TEST_P(VectorOpsTest, Dot3ColumnsMatchesScalarSums) {
  const VectorKernels& k = vector_kernels(GetParam());
  const auto values = as_fp(testing::interesting_values(1000, 12));
  const uint64_t len = values.size();
  std::vector<Fp> w0(len), w1(len), w2(len);
  for (uint64_t i = 0; i < len; ++i) {
    w0[i] = values[(i + 3) % len];
    w1[i] = values[(i + 7) % len];
    w2[i] = values[(i + 11) % len];
  }
  std::vector<std::vector<Fp>> columns(kDotColumns);
  for (uint64_t c = 0; c < kDotColumns; ++c) {
    columns[c].resize(len);
    for (uint64_t i = 0; i < len; ++i) columns[c][i] = values[(i * (c + 2) + c) % len];
  }
  std::vector<const Fp*> pointers;
  for (const auto& column : columns) pointers.push_back(column.data());
  for (uint64_t count = 1; count <= kDotColumns; ++count) {
    for (uint64_t n : {len, len - 1, uint64_t{9}, uint64_t{5}, uint64_t{0}}) {
      std::vector<Fp> out(3 * count);
      k.dot3_columns(w0.data(), w1.data(), w2.data(), pointers.data(), count, out.data(), n);
      for (uint64_t c = 0; c < count; ++c) {
        Fp e0 = Fp::zero(), e1 = Fp::zero(), e2 = Fp::zero();
        for (uint64_t i = 0; i < n; ++i) {
          e0 += w0[i] * columns[c][i];
          e1 += w1[i] * columns[c][i];
          e2 += w2[i] * columns[c][i];
        }
        ASSERT_EQ(out[3 * c], e0) << "count " << count << " n " << n << " column " << c;
        ASSERT_EQ(out[3 * c + 1], e1);
        ASSERT_EQ(out[3 * c + 2], e2);
      }
    }
  }
}

TEST_P(VectorOpsTest, OutputMayAliasAnInput) {
  const VectorKernels& k = vector_kernels(GetParam());
  auto a = as_fp(testing::interesting_values(61, 12));
  const auto original = a;
  k.mul(a.data(), a.data(), a.data(), a.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i], original[i].square());
}

INSTANTIATE_TEST_SUITE_P(AllSupportedLevels, VectorOpsTest,
                         ::testing::ValuesIn(supported_simd_levels()), [](const auto& param_info) {
                           return std::string(to_string(param_info.param));
                         });

}  // namespace
}  // namespace baobab::field
