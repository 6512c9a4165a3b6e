#include "src/air/degree_counter.h"

#include <gtest/gtest.h>

#include "src/air/air.h"
#include "src/air/examples/fibonacci.h"

namespace baobab::air {
namespace {

TEST(DegreeCounter, FibonacciConstraintsAreLinear) {
  const auto air = make_air(examples::FibonacciAir(5));
  const auto& cs = air->constraints();
  ASSERT_EQ(cs.size(), 5u);
  const char* names[] = {"fib.first_a", "fib.first_b", "fib.a_next", "fib.b_next", "fib.result"};
  const ConstraintKind kinds[] = {ConstraintKind::kFirstRow, ConstraintKind::kFirstRow,
                                  ConstraintKind::kTransition, ConstraintKind::kTransition,
                                  ConstraintKind::kLastRow};
  for (size_t i = 0; i < cs.size(); ++i) {
    EXPECT_EQ(cs[i].name, names[i]);
    EXPECT_EQ(cs[i].kind, kinds[i]);
    EXPECT_EQ(cs[i].degree, 1);
  }
  EXPECT_EQ(air->max_degree(), 1);
  EXPECT_EQ(air->quotient_chunks(), 1);
}

TEST(DegreeCounter, ArithmeticOfDegrees) {
  const Degree one{1};
  const Degree zero{0};
  EXPECT_EQ((one * one * one).value, 3);
  EXPECT_EQ((one * one + one).value, 2);
  EXPECT_EQ((one - one * zero).value, 1);
  EXPECT_EQ((one * Fp::from_u64(5) + Fp::one()).value, 1);
  EXPECT_EQ((Fp::from_u64(2) * (one * one) - Fp::one()).value, 2);
}

TEST(DegreeCounter, ChunksPerKind) {
  EXPECT_EQ(constraint_chunks(ConstraintKind::kEveryRow, 1), 1);
  EXPECT_EQ(constraint_chunks(ConstraintKind::kEveryRow, 2), 1);
  EXPECT_EQ(constraint_chunks(ConstraintKind::kEveryRow, 3), 2);
  EXPECT_EQ(constraint_chunks(ConstraintKind::kTransition, 3), 2);
  EXPECT_EQ(constraint_chunks(ConstraintKind::kFirstRow, 1), 1);
  EXPECT_EQ(constraint_chunks(ConstraintKind::kFirstRow, 2), 2);
  EXPECT_EQ(constraint_chunks(ConstraintKind::kLastRow, 3), 3);
}

// An AIR reading a column beyond its declared count is refused when the
// adapter is built, before any hot loop runs.
struct OutOfRangeAir {
  TableInfo info() const {
    TableInfo info;
    info.name = "bad";
    info.log_rows = 2;
    info.num_main = 1;
    return info;
  }
  template <class S>
  void eval(S& s) const {
    s.assert_zero("bad.read", ConstraintKind::kEveryRow, s.main(1));
  }
};

struct DuplicateNameAir {
  TableInfo info() const {
    TableInfo info;
    info.name = "dup";
    info.log_rows = 2;
    info.num_main = 1;
    return info;
  }
  template <class S>
  void eval(S& s) const {
    s.assert_zero("dup.x", ConstraintKind::kEveryRow, s.main(0));
    s.assert_zero("dup.x", ConstraintKind::kFirstRow, s.main(0));
  }
};

struct DegreeFourAir {
  TableInfo info() const {
    TableInfo info;
    info.name = "quartic";
    info.log_rows = 2;
    info.num_main = 1;
    return info;
  }
  template <class S>
  void eval(S& s) const {
    const auto x = s.main(0);
    s.assert_zero("quartic.x", ConstraintKind::kEveryRow, x * x * x * x);
  }
};

TEST(DegreeCounterDeathTest, RefusesBadAirs) {
  EXPECT_DEATH(make_air(OutOfRangeAir{}), "main column 1 beyond");
  EXPECT_DEATH(make_air(DuplicateNameAir{}), "used twice");
  EXPECT_DEATH(make_air(DegreeFourAir{}), "degree 4");
}

}  // namespace
}  // namespace baobab::air
