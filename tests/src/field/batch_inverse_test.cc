#include "src/field/batch_inverse.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace baobab::field {
namespace {

TEST(BatchInverse, MatchesElementwiseInverseForBaseAndExtension) {
  std::mt19937_64 rng(7);
  for (size_t n : {0u, 1u, 2u, 3u, 17u, 1000u}) {
    std::vector<Fp> in(n);
    std::vector<Fp3> in3(n);
    for (size_t i = 0; i < n; ++i) {
      in[i] = Fp::from_u64(rng() | 1);
      in3[i] = Fp3(Fp::from_u64(rng()), Fp::from_u64(rng()), Fp::from_u64(rng() | 1));
    }
    std::vector<Fp> out(n);
    std::vector<Fp3> out3(n);
    batch_inverse(in, out);
    batch_inverse(in3, out3);
    for (size_t i = 0; i < n; ++i) {
      EXPECT_EQ(out[i], in[i].inverse());
      EXPECT_EQ(out3[i], in3[i].inverse());
    }
  }
}

TEST(BatchInverse, WorksInPlace) {
  std::vector<Fp> values = {Fp::from_u64(2), Fp::from_u64(3), Fp::from_u64(Fp::kModulus - 1)};
  const std::vector<Fp> original = values;
  batch_inverse(values, values);
  for (size_t i = 0; i < values.size(); ++i) EXPECT_EQ(values[i] * original[i], Fp::one());
}

TEST(BatchInverseDeathTest, ZeroIsABrokenInvariant) {
  std::vector<Fp> values = {Fp::one(), Fp::zero()};
  EXPECT_DEATH(batch_inverse(values, values), "zero element");
}

}  // namespace
}  // namespace baobab::field
