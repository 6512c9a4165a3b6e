#include "src/fri/domain.h"

#include <gtest/gtest.h>

#include "src/field/roots.h"
#include "tests/src/fri/test_codeword.h"

namespace baobab::fri {
namespace {

using field::Fp3;
using testing::evaluate_bit_reversed;

TEST(FriDomain, PointsMatchTheBitReversedCosetEvaluation) {
  // The codeword of f(x) = x is the list of domain points.
  for (unsigned log_n : {1u, 3u, 6u}) {
    std::vector<Fp3> coefficients(uint64_t{1} << log_n);
    coefficients[1] = Fp3::one();
    const auto points = evaluate_bit_reversed(coefficients);
    for (uint64_t p = 0; p < points.size(); ++p) {
      EXPECT_EQ(points[p], Fp3(domain_point(log_n, field::kCosetShift, p))) << log_n << " " << p;
    }
  }
}

TEST(FriDomain, PowersArePositionsOfSmallerDomains) {
  const unsigned log_n = 9;
  for (uint64_t p : {0ull, 1ull, 77ull, 300ull, 511ull}) {
    const Fp x = domain_point(log_n, field::kCosetShift, p);
    for (unsigned j = 0; j <= 4; ++j) {
      EXPECT_EQ(x.pow(uint64_t{1} << j),
                domain_point(log_n - j, shift_power(field::kCosetShift, j), p >> j));
    }
  }
}

TEST(FriDomain, CosetsAreConsecutiveBlocks) {
  // Positions c·2^a + j hold x_c · ζ^(rev(j, a)): all 2^a-th roots of x_c^(2^a).
  const unsigned log_n = 8;
  for (unsigned a = 1; a <= 4; ++a) {
    for (uint64_t c : {uint64_t{0}, uint64_t{3}, (uint64_t{1} << (log_n - a)) - 1}) {
      const Fp y = domain_point(log_n, field::kCosetShift, c << a).pow(uint64_t{1} << a);
      for (uint64_t j = 0; j < (uint64_t{1} << a); ++j) {
        EXPECT_EQ(domain_point(log_n, field::kCosetShift, (c << a) + j).pow(uint64_t{1} << a), y);
      }
    }
  }
}

TEST(FriDomain, CosetPointInversesMatchDirectComputation) {
  const Fp shift = shift_power(field::kCosetShift, 3);
  for (unsigned a = 1; a <= 4; ++a) {
    const unsigned log_n = 11;
    const auto inv = coset_point_inverses(log_n, a, shift);
    ASSERT_EQ(inv.size(), uint64_t{1} << (log_n - a));
    for (uint64_t c = 0; c < inv.size(); ++c) {
      ASSERT_EQ(inv[c] * domain_point(log_n, shift, c << a), Fp::one()) << a << " " << c;
    }
  }
}

}  // namespace
}  // namespace baobab::fri
