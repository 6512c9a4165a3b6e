#include "src/field/ext3.h"

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <vector>

#include "tests/src/field/gmp_oracle.h"

namespace baobab::field {
namespace {

using testing::Mpz;

// ---------------------------------------------------------------------------
// Polynomials over F_p with mpz coefficients (lowest degree first): an oracle
// that shares no code with Fp or Fp3.
using Poly = std::vector<Mpz>;

void trim(Poly& f) {
  while (!f.empty() && mpz_sgn(f.back().get()) == 0) f.pop_back();
}

Poly poly_mul(const Poly& a, const Poly& b) {
  if (a.empty() || b.empty()) return {};
  Poly out(a.size() + b.size() - 1);
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = 0; j < b.size(); ++j) {
      mpz_addmul(out[i + j].get(), a[i].get(), b[j].get());
      mpz_mod(out[i + j].get(), out[i + j].get(), testing::modulus().get());
    }
  }
  trim(out);
  return out;
}

// Remainder of a modulo b (b non-zero).
Poly poly_mod(Poly a, const Poly& b) {
  trim(a);
  Mpz lead_inv;
  mpz_invert(lead_inv.get(), b.back().get(), testing::modulus().get());
  while (a.size() >= b.size()) {
    Mpz factor;
    mpz_mul(factor.get(), a.back().get(), lead_inv.get());
    mpz_mod(factor.get(), factor.get(), testing::modulus().get());
    const size_t shift = a.size() - b.size();
    for (size_t i = 0; i < b.size(); ++i) {
      mpz_submul(a[shift + i].get(), factor.get(), b[i].get());
      mpz_mod(a[shift + i].get(), a[shift + i].get(), testing::modulus().get());
    }
    trim(a);
  }
  return a;
}

Poly poly_gcd(Poly a, Poly b) {
  trim(a);
  trim(b);
  while (!b.empty()) {
    Poly r = poly_mod(a, b);
    a = std::move(b);
    b = std::move(r);
  }
  return a;
}

Poly poly_powmod(Poly base, uint64_t e, const Poly& f) {
  Poly result{Mpz(1)};
  base = poly_mod(base, f);
  while (e != 0) {
    if (e & 1) result = poly_mod(poly_mul(result, base), f);
    base = poly_mod(poly_mul(base, base), f);
    e >>= 1;
  }
  return result;
}

Poly defining_polynomial() {  // X^3 - 2
  return {Mpz(Fp::kModulus - Fp3::kNonResidue), Mpz(0), Mpz(0), Mpz(1)};
}

Poly to_poly(const Fp3& a) {
  Poly p{Mpz(a[0].value()), Mpz(a[1].value()), Mpz(a[2].value())};
  trim(p);
  return p;
}

Fp3 random_fp3(std::mt19937_64& rng) {
  auto next = [&] { return Fp::from_u64(rng()); };
  return {next(), next(), next()};
}

// ---------------------------------------------------------------------------

TEST(Fp3, DefiningPolynomialIsIrreducible) {
  // A cubic is irreducible iff it has no root. Since 3 | p - 1, 2 is a cube
  // in F_p iff 2^((p-1)/3) = 1 (Euler's criterion for cubic residues).
  ASSERT_EQ((Fp::kModulus - 1) % 3, 0u);
  EXPECT_NE(testing::gmp_pow(Fp3::kNonResidue, (Fp::kModulus - 1) / 3), 1u);

  // Independently, Rabin's test for prime degree 3: f | X^(p^3) - X and
  // gcd(X^p - X mod f, f) = 1.
  const Poly f = defining_polynomial();
  const Poly x{Mpz(0), Mpz(1)};
  const Poly x_p = poly_powmod(x, Fp::kModulus, f);
  Poly x_p3 = poly_powmod(poly_powmod(x_p, Fp::kModulus, f), Fp::kModulus, f);
  ASSERT_EQ(x_p3.size(), 2u);
  EXPECT_EQ(mpz_sgn(x_p3[0].get()), 0);
  EXPECT_EQ(mpz_cmp_ui(x_p3[1].get(), 1), 0);

  Poly x_p_minus_x = x_p;
  x_p_minus_x.resize(std::max<size_t>(x_p_minus_x.size(), 2));
  mpz_sub_ui(x_p_minus_x[1].get(), x_p_minus_x[1].get(), 1);
  mpz_mod(x_p_minus_x[1].get(), x_p_minus_x[1].get(), testing::modulus().get());
  const Poly g = poly_gcd(f, x_p_minus_x);
  EXPECT_EQ(g.size(), 1u) << "X^3 - 2 shares a factor with X^p - X: it has a root";
}

TEST(Fp3, MultiplicationMatchesPolynomialProductModuloDefiningPolynomial) {
  std::mt19937_64 rng(3);
  const Poly f = defining_polynomial();
  for (int i = 0; i < 200; ++i) {
    const Fp3 a = random_fp3(rng), b = random_fp3(rng);
    const Poly expected = poly_mod(poly_mul(to_poly(a), to_poly(b)), f);
    const Poly got = to_poly(a * b);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t k = 0; k < got.size(); ++k) EXPECT_EQ(mpz_cmp(got[k].get(), expected[k].get()), 0);
  }
}

// The product sums 128-bit products before reducing: coefficients at the
// edges (p - 1 everywhere makes every partial sum carry) against GMP.
TEST(Fp3, MultiplicationMatchesGmpOnEdgeCoefficients) {
  const Poly f = defining_polynomial();
  const std::array<uint64_t, 4> edges = {0, 1, Fp::kModulus - 1, (uint64_t{1} << 32) - 1};
  for (uint32_t code = 0; code < 4096; ++code) {
    std::array<Fp, 6> c;
    for (uint32_t k = 0; k < 6; ++k) c[k] = Fp::from_u64(edges[(code >> (2 * k)) & 3]);
    const Fp3 a(c[0], c[1], c[2]), b(c[3], c[4], c[5]);
    const Poly expected = poly_mod(poly_mul(to_poly(a), to_poly(b)), f);
    const Poly got = to_poly(a * b);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t k = 0; k < got.size(); ++k) {
      ASSERT_EQ(mpz_cmp(got[k].get(), expected[k].get()), 0) << "case " << code;
    }
  }
}

TEST(Fp3, FieldAxiomsHoldOnRandomElements) {
  std::mt19937_64 rng(4);
  for (int i = 0; i < 500; ++i) {
    const Fp3 a = random_fp3(rng), b = random_fp3(rng), c = random_fp3(rng);
    EXPECT_EQ(a * b, b * a);
    EXPECT_EQ((a * b) * c, a * (b * c));
    EXPECT_EQ(a * (b + c), a * b + a * c);
    EXPECT_EQ(a - a, Fp3::zero());
    EXPECT_EQ(a + (-a), Fp3::zero());
    EXPECT_EQ(a.square(), a * a);
    if (!a.is_zero()) {
      EXPECT_EQ(a * a.inverse(), Fp3::one());
    }
  }
}

TEST(Fp3, InverseOfBaseAndSparseElements) {
  for (const Fp3& a :
       {Fp3(Fp::one()), Fp3(Fp::from_u64(Fp::kModulus - 1)), Fp3(Fp::zero(), Fp::one(), Fp::zero()),
        Fp3(Fp::zero(), Fp::zero(), Fp::one()),
        Fp3(Fp::from_u64(5), Fp::zero(), Fp::from_u64(9))}) {
    EXPECT_EQ(a * a.inverse(), Fp3::one());
  }
}

TEST(Fp3, PowMatchesRepeatedMultiplicationAndGroupOrder) {
  std::mt19937_64 rng(5);
  const Fp3 a = random_fp3(rng);
  Fp3 expected = Fp3::one();
  for (uint64_t e = 0; e < 20; ++e) {
    EXPECT_EQ(a.pow(e), expected);
    expected *= a;
  }
  // The multiplicative group has order p^3 - 1 = (p - 1)(p^2 + p + 1): check
  // a^(p^3 - 1) = 1 via a^(p^3) = a, computed as three p-th powers (Frobenius).
  EXPECT_EQ(a.pow(Fp::kModulus).pow(Fp::kModulus).pow(Fp::kModulus), a);
  EXPECT_NE(a.pow(Fp::kModulus), a) << "a random element should not lie in F_p";
}

TEST(Fp3, MixedBaseOperationsEmbedTheBaseField) {
  std::mt19937_64 rng(6);
  const Fp3 a = random_fp3(rng);
  const Fp s = Fp::from_u64(rng());
  EXPECT_EQ(a * s, a * Fp3(s));
  EXPECT_EQ(a + s, a + Fp3(s));
  EXPECT_EQ(a - s, a - Fp3(s));
  EXPECT_TRUE(Fp3(s).is_base());
}

}  // namespace
}  // namespace baobab::field
