// The prover's composition over the LDE coset and the verifier's value at an
// out-of-domain point compute the same polynomial, and that polynomial has
// the degree the degree counter promises exactly when the witness is honest.
#include <gtest/gtest.h>
#include <omp.h>

#include <random>
#include <vector>

#include "src/air/air.h"
#include "src/air/debug_checker.h"
#include "src/air/examples/fibonacci.h"
#include "src/air/ood_composition.h"
#include "src/air/prover_evaluator.h"
#include "src/air/vanishing.h"
#include "tests/src/air/composition_util.h"
#include "tests/src/air/test_util.h"

namespace baobab::air {
namespace {

using testing::Columns;

// A degree-3 table (two composition chunks) touching every kind and the
// preprocessed columns: y = x^3 on every row, x' = y + k·c (c a public input,
// k preprocessed), x starts at a public input and y ends at one.
struct CubeAir {
  int log_rows;
  TableInfo info() const {
    TableInfo info;
    info.name = "cube";
    info.log_rows = log_rows;
    info.num_main = 2;
    info.num_preprocessed = 1;
    info.num_public_inputs = 3;
    return info;
  }
  void build_preprocessed(MatrixView out) const {
    for (uint64_t i = 0; i < out.rows; ++i) out.at(i, 0) = Fp::from_u64(i % 3);
  }
  template <class S>
  void eval(S& s) const {
    using K = ConstraintKind;
    const auto x = s.main(0);
    const auto y = s.main(1);
    s.assert_zero("cube.y", K::kEveryRow, y - x * x * x);
    s.assert_zero("cube.step", K::kTransition,
                  s.main_next(0) - (y + s.preprocessed(0) * s.public_input(0)));
    s.assert_zero("cube.first", K::kFirstRow, x - s.public_input(1));
    s.assert_zero("cube.last", K::kLastRow, y - s.public_input(2));
  }
};

struct CubeTrace {
  Columns main, pre;
  std::vector<Fp> public_inputs;
  TraceView view() const { return {main.view(), pre.view(), {}}; }
};

CubeTrace cube_trace(const Air& air, Fp c, Fp x0) {
  const uint64_t n = air.info().rows();
  CubeTrace t{{std::vector<Fp>(2 * n), n, 2}, {std::vector<Fp>(n), n, 1}, {}};
  air.build_preprocessed(MatrixView{t.pre.data.data(), n, 1});
  Fp x = x0;
  for (uint64_t i = 0; i < n; ++i) {
    t.main.data[i] = x;
    t.main.data[n + i] = x * x * x;
    x = t.main.data[n + i] + t.pre.data[i] * c;
  }
  t.public_inputs = {c, x0, t.main.data[2 * n - 1]};
  return t;
}

TEST(Composition, FibonacciProverAndVerifierAgree) {
  for (int log_n : {1, 3, 8, 11}) {
    const auto air = make_air(examples::FibonacciAir(log_n));
    const auto t = examples::generate_fibonacci_trace(log_n, Fp::from_u64(1), Fp::from_u64(1));
    for (uint64_t blowup : {2, 4, 8}) {
      testing::expect_composition_consistent(*air, t.view(), {t.public_inputs, {}, {}}, blowup,
                                             true, 100 + static_cast<uint64_t>(log_n));
    }
  }
}

TEST(Composition, CubicTableNeedsTwoChunksAndAgrees) {
  for (int log_n : {2, 5, 10}) {
    const auto air = make_air(CubeAir{log_n});
    EXPECT_EQ(air->max_degree(), 3);
    EXPECT_EQ(air->quotient_chunks(), 2);
    const auto t = cube_trace(*air, Fp::from_u64(5), Fp::from_u64(2));
    EXPECT_EQ(find_first_failure(*air, t.view(), {t.public_inputs, {}, {}}), std::nullopt);
    for (uint64_t blowup : {2, 4}) {
      testing::expect_composition_consistent(*air, t.view(), {t.public_inputs, {}, {}}, blowup,
                                             true, 200 + static_cast<uint64_t>(log_n));
    }
  }
}

// A table 2^j times shorter than the tallest is extended over the coset
// kCosetShift^(2^j)·<ω_N> (the FRI layer it joins): same agreement there.
TEST(Composition, AgreesOnTheCosetOfAShorterTable) {
  constexpr int kLogN = 5;
  const auto air = make_air(CubeAir{kLogN});
  const auto t = cube_trace(*air, Fp::from_u64(7), Fp::from_u64(4));
  for (int j : {1, 3}) {
    const Fp shift = field::kCosetShift.pow(uint64_t{1} << j);
    testing::expect_composition_consistent(*air, t.view(), {t.public_inputs, {}, {}}, 4, true,
                                           400 + static_cast<uint64_t>(j), shift);
  }
  auto bad = cube_trace(*air, Fp::from_u64(7), Fp::from_u64(4));
  bad.main.data[3] += Fp::one();
  testing::expect_composition_consistent(*air, bad.view(), {bad.public_inputs, {}, {}}, 4, false,
                                         410, field::kCosetShift.square());
}

TEST(CompositionDeathTest, RefusesAShiftInsideTheTwoAdicSubgroup) {
  const auto air = make_air(examples::FibonacciAir(2));
  const auto t = examples::generate_fibonacci_trace(2, Fp::one(), Fp::one());
  std::vector<Fp> main(8 * 2);
  std::vector<Fp3> h(8);
  const LdeView lde{ConstMatrixView{main.data(), 8, 2}, {}, {}, 2, field::two_adic_root(5)};
  EXPECT_DEATH(evaluate_composition(*air, lde, {t.public_inputs, {}, {}}, Fp3::one(), h),
               "2-adic subgroup");
}

TEST(Composition, CorruptedWitnessIsNotLowDegree) {
  constexpr int kLogN = 6;
  {
    const auto air = make_air(examples::FibonacciAir(kLogN));
    auto t = examples::generate_fibonacci_trace(kLogN, Fp::from_u64(1), Fp::from_u64(1));
    t.main[17] += Fp::one();
    testing::expect_composition_consistent(*air, t.view(), {t.public_inputs, {}, {}}, 2, false,
                                           300);
    // A wrong public input breaks a boundary constraint only.
    auto u = examples::generate_fibonacci_trace(kLogN, Fp::from_u64(1), Fp::from_u64(1));
    u.public_inputs[2] += Fp::one();
    testing::expect_composition_consistent(*air, u.view(), {u.public_inputs, {}, {}}, 4, false,
                                           301);
  }
  {
    const auto air = make_air(CubeAir{kLogN});
    auto t = cube_trace(*air, Fp::from_u64(5), Fp::from_u64(2));
    t.main.data[(uint64_t{1} << kLogN) + 9] += Fp::one();  // y at row 9
    testing::expect_composition_consistent(*air, t.view(), {t.public_inputs, {}, {}}, 4, false,
                                           302);
  }
}

TEST(Composition, ProverValuesDoNotDependOnTheThreadCount) {
  constexpr int kLogN = 10;
  constexpr uint64_t kBlowup = 4;
  const auto air = make_air(CubeAir{kLogN});
  const auto t = cube_trace(*air, Fp::from_u64(11), Fp::from_u64(3));
  const ntt::NttPlan plan(kLogN + 2);
  const auto lde = testing::lde_table(plan, t.view(), kBlowup);
  const Fp3 alpha{Fp::from_u64(3), Fp::from_u64(4), Fp::from_u64(5)};
  const int saved = omp_get_max_threads();
  std::vector<std::vector<Fp3>> results;
  for (int threads : {1, 2, 3, 8}) {
    omp_set_num_threads(threads);
    std::vector<Fp3> h(lde.main.rows);
    evaluate_composition(*air, lde.view(), {t.public_inputs, {}, {}}, alpha, h);
    results.push_back(std::move(h));
  }
  omp_set_num_threads(saved);
  for (size_t i = 1; i < results.size(); ++i) EXPECT_EQ(results[i], results[0]);
}

TEST(Composition, VanishingInversesAtAPoint) {
  constexpr int kLogN = 4;
  const Fp3 z{Fp::from_u64(9), Fp::from_u64(8), Fp::from_u64(7)};
  const auto inv = vanishing_inverses_at(kLogN, z);
  ASSERT_TRUE(inv.ok());
  const Fp w_last = field::two_adic_root(kLogN).pow(15);
  const Fp3 zh = z.pow(16) - Fp::one();
  EXPECT_EQ(inv.value()[kind_index(ConstraintKind::kEveryRow)] * zh, Fp3::one());
  EXPECT_EQ(inv.value()[kind_index(ConstraintKind::kTransition)] * zh, z - w_last);
  EXPECT_EQ(inv.value()[kind_index(ConstraintKind::kFirstRow)] * (z - Fp::one()), Fp3::one());
  EXPECT_EQ(inv.value()[kind_index(ConstraintKind::kLastRow)] * (z - w_last), Fp3::one());
  // A point of the trace domain has no quotient value.
  EXPECT_FALSE(vanishing_inverses_at(kLogN, Fp3(field::two_adic_root(kLogN).pow(3))).ok());
}

TEST(Composition, VerifierRejectsAFrameOfTheWrongShape) {
  const auto air = make_air(examples::FibonacciAir(3));
  const std::vector<Fp3> one(1);
  const std::vector<Fp> pis(3);
  const OodFrame frame{one, one, {}, {}, {}, {}};
  const auto h = composition_at(*air, frame, {pis, {}, {}}, Fp3::one(), Fp3(Fp::from_u64(5)));
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.error().code, ErrorCode::kMalformedInput);
}

}  // namespace
}  // namespace baobab::air
