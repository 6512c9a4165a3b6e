#include "src/field/goldilocks.h"

#include <gtest/gtest.h>

#include "src/field/roots.h"
#include "tests/src/field/gmp_oracle.h"

namespace baobab::field {
namespace {

using testing::interesting_values;

TEST(Goldilocks, ArithmeticMatchesGmpOnEdgesAndRandomValues) {
  const auto values = interesting_values(300);
  for (uint64_t a : values) {
    for (uint64_t b : values) {
      const Fp x = Fp::from_canonical(a), y = Fp::from_canonical(b);
      ASSERT_EQ((x + y).value(), testing::gmp_add(a, b)) << a << " + " << b;
      ASSERT_EQ((x - y).value(), testing::gmp_sub(a, b)) << a << " - " << b;
      ASSERT_EQ((x * y).value(), testing::gmp_mul(a, b)) << a << " * " << b;
    }
  }
}

TEST(Goldilocks, NegSquarePowInverseMatchGmp) {
  for (uint64_t a : interesting_values(500, 2)) {
    const Fp x = Fp::from_canonical(a);
    EXPECT_EQ((-x).value(), testing::gmp_sub(0, a));
    EXPECT_EQ(x.square().value(), testing::gmp_mul(a, a));
    EXPECT_EQ(x.doubled().value(), testing::gmp_add(a, a));
    for (uint64_t e : std::initializer_list<uint64_t>{0ULL, 1ULL, 2ULL, 3ULL, 0xFFFFFFFFULL,
                                                      Fp::kModulus - 2, ~0ULL}) {
      EXPECT_EQ(x.pow(e).value(), testing::gmp_pow(a, e)) << a << "^" << e;
    }
    if (a != 0) {
      EXPECT_EQ(x.inverse().value(), testing::gmp_inverse(a));
      EXPECT_EQ(x * x.inverse(), Fp::one());
    }
  }
}

TEST(Goldilocks, FromU64ReducesEveryInteger) {
  for (uint64_t v : std::initializer_list<uint64_t>{0ULL, Fp::kModulus - 1, Fp::kModulus,
                                                    Fp::kModulus + 1, ~0ULL}) {
    EXPECT_EQ(Fp::from_u64(v).value(), v % Fp::kModulus);
  }
}

TEST(Goldilocks, Reduce128HandlesExtremeProducts) {
  // (2^64-1)^2 and products that stress both conditional corrections.
  const uint128_t max = (static_cast<uint128_t>(~0ULL) * ~0ULL);
  testing::Mpz r, hi(static_cast<uint64_t>(max >> 64)), lo(static_cast<uint64_t>(max));
  mpz_mul_2exp(r.get(), hi.get(), 64);
  mpz_add(r.get(), r.get(), lo.get());
  mpz_mod(r.get(), r.get(), testing::modulus().get());
  EXPECT_EQ(Fp::reduce128(max), r.to_u64());
  EXPECT_EQ(Fp::reduce128(static_cast<uint128_t>(Fp::kModulus) << 64), 0u);  // p·2^64
  EXPECT_EQ(Fp::reduce128(Fp::kModulus), 0u);
}

TEST(GoldilocksDeathTest, InverseOfZeroAndNonCanonicalConstructionAbort) {
  EXPECT_DEATH((void)Fp::zero().inverse(), "inverse of zero");
  EXPECT_DEATH((void)Fp::from_canonical(Fp::kModulus), "value >= p");
}

TEST(Roots, GeneratorGeneratesTheWholeGroup) {
  // p - 1 = 2^32 · 3 · 5 · 17 · 257 · 65537: 7 is a generator iff 7^((p-1)/q) != 1 for each q.
  for (uint64_t q : {2ULL, 3ULL, 5ULL, 17ULL, 257ULL, 65537ULL}) {
    EXPECT_NE(testing::gmp_pow(Fp::kGenerator, (Fp::kModulus - 1) / q), 1u) << q;
  }
  EXPECT_EQ(kTwoAdicGenerator.value(), testing::gmp_pow(Fp::kGenerator, (Fp::kModulus - 1) >> 32));
}

TEST(Roots, TwoAdicRootsHaveExactOrderAndAreConsistent) {
  for (int k = 0; k <= Fp::kTwoAdicity; ++k) {
    const Fp w = two_adic_root(k);
    EXPECT_EQ(w.pow(1ULL << k), Fp::one()) << k;
    if (k > 0) {
      EXPECT_NE(w.pow(1ULL << (k - 1)), Fp::one()) << "order of root " << k << " is smaller";
      EXPECT_EQ(w.square(), two_adic_root(k - 1));
    }
  }
}

TEST(Roots, CosetShiftLiesOutsideEveryTwoAdicSubgroup) {
  // shift·H_k is disjoint from H_k for every k iff shift is not in H_32.
  EXPECT_NE(kCosetShift.pow(1ULL << 32), Fp::one());
}

}  // namespace
}  // namespace baobab::field
