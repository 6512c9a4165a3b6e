#include "src/fri/fold.h"

#include <gtest/gtest.h>

#include <random>

#include "src/field/roots.h"
#include "src/fri/domain.h"
#include "src/fri/verifier.h"
#include "tests/src/fri/test_codeword.h"

namespace baobab::fri {
namespace {

using testing::evaluate_bit_reversed;
using testing::random_coefficients;
using testing::random_fp3;

// fold(f, β) = sum_t β^t f_t with f(x) = sum_t x^t f_t(x^m), from coefficients.
std::vector<Fp3> naive_fold_coefficients(const std::vector<Fp3>& c, unsigned log_arity,
                                         const Fp3& beta) {
  const uint64_t m = uint64_t{1} << log_arity;
  std::vector<Fp3> out(c.size() / m);
  for (uint64_t i = 0; i < out.size(); ++i) {
    Fp3 power = Fp3::one();
    for (uint64_t t = 0; t < m; ++t) {
      out[i] += power * c[i * m + t];
      power *= beta;
    }
  }
  return out;
}

TEST(FriFold, LayerMatchesDirectEvaluationOfTheFoldedPolynomial) {
  std::mt19937_64 rng(11);
  for (unsigned a = 1; a <= kMaxLogArity; ++a) {
    for (unsigned shift_log : {0u, 2u}) {  // layer 0 and a deeper layer's shift
      const unsigned log_n = 9;
      const Fp shift = shift_power(field::kCosetShift, shift_log);
      const auto coefficients = random_coefficients(uint64_t{1} << log_n, 1u << log_n, rng);
      const auto layer = evaluate_bit_reversed(coefficients, shift);
      const Fp3 beta = random_fp3(rng);
      std::vector<Fp3> folded(layer.size() >> a);
      fold_layer(layer, a, shift, beta, folded);
      const auto g = naive_fold_coefficients(coefficients, a, beta);
      const Fp next_shift = shift_power(shift, a);
      for (uint64_t p = 0; p < folded.size(); ++p) {
        ASSERT_EQ(folded[p], evaluate_polynomial(g, domain_point(log_n - a, next_shift, p)))
            << "arity 2^" << a << " position " << p;
      }
    }
  }
}

TEST(FriFold, CosetFoldEqualsLayerFold) {
  std::mt19937_64 rng(12);
  const unsigned log_n = 7;
  std::vector<Fp3> layer(uint64_t{1} << log_n);
  for (auto& v : layer) v = random_fp3(rng);  // any word: the fold is linear
  for (unsigned a = 1; a <= kMaxLogArity; ++a) {
    const Fp3 beta = random_fp3(rng);
    std::vector<Fp3> folded(layer.size() >> a);
    fold_layer(layer, a, field::kCosetShift, beta, folded);
    for (uint64_t c = 0; c < folded.size(); ++c) {
      const Fp inv = domain_point(log_n, field::kCosetShift, c << a).inverse();
      EXPECT_EQ(
          fold_coset(std::span<const Fp3>(layer).subspan(c << a, uint64_t{1} << a), a, inv, beta),
          folded[c]);
    }
  }
}

TEST(FriFold, ArityFourEqualsTwoBinaryFoldsWithBetaAndBetaSquared) {
  std::mt19937_64 rng(13);
  const auto layer = evaluate_bit_reversed(random_coefficients(256, 256, rng));
  const Fp3 beta = random_fp3(rng);
  std::vector<Fp3> once(64), half(128), twice(64);
  fold_layer(layer, 2, field::kCosetShift, beta, once);
  fold_layer(layer, 1, field::kCosetShift, beta, half);
  fold_layer(half, 1, shift_power(field::kCosetShift, 1), beta.square(), twice);
  EXPECT_EQ(once, twice);
}

}  // namespace
}  // namespace baobab::fri
