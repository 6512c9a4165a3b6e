#include "src/air/debug_checker.h"

#include <gtest/gtest.h>

#include <vector>

#include "src/air/air.h"
#include "src/air/examples/fibonacci.h"

namespace baobab::air {
namespace {

using examples::FibonacciAir;
using examples::generate_fibonacci_trace;

constexpr int kLogRows = 6;
constexpr uint64_t kRows = uint64_t{1} << kLogRows;

ConstraintInputs inputs_of(const examples::FibonacciTrace& t) {
  return {t.public_inputs, {}, {}};
}

TEST(DebugChecker, AcceptsAnHonestFibonacciWitness) {
  const auto air = make_air(FibonacciAir(kLogRows));
  const auto t = generate_fibonacci_trace(kLogRows, Fp::from_u64(1), Fp::from_u64(1));
  EXPECT_EQ(find_first_failure(*air, t.view(), inputs_of(t)), std::nullopt);
  EXPECT_TRUE(check_constraints(*air, t.view(), inputs_of(t)).ok());
}

TEST(DebugChecker, AcceptsEveryHeight) {
  for (int log_rows : {0, 1, 2, 13}) {
    const auto air = make_air(FibonacciAir(log_rows));
    const auto t = generate_fibonacci_trace(log_rows, Fp::from_u64(3), Fp::from_u64(5));
    EXPECT_EQ(find_first_failure(*air, t.view(), inputs_of(t)), std::nullopt) << log_rows;
  }
}

struct Corruption {
  const char* what;
  uint64_t column;  // kPublic: a public input instead of a cell
  uint64_t row;     // or the public input's index
  const char* constraint;
  uint64_t failing_row;
};
constexpr uint64_t kPublic = ~uint64_t{0};

// Each corruption breaks exactly the named constraint first: with that
// constraint missing, the witness would pass (or fail later), so the test
// would fail.
TEST(DebugChecker, ReportsTheFirstFailingConstraintAndRow) {
  const Corruption cases[] = {
      {"a at row 0", FibonacciAir::kColA, 0, "fib.first_a", 0},
      {"b at row 0", FibonacciAir::kColB, 0, "fib.first_b", 0},
      {"a at row 5", FibonacciAir::kColA, 5, "fib.a_next", 4},
      {"b at row 5", FibonacciAir::kColB, 5, "fib.b_next", 4},
      {"b at the last row", FibonacciAir::kColB, kRows - 1, "fib.b_next", kRows - 2},
      {"a at the last row", FibonacciAir::kColA, kRows - 1, "fib.a_next", kRows - 2},
      {"public a0", kPublic, FibonacciAir::kPublicA0, "fib.first_a", 0},
      {"public a1", kPublic, FibonacciAir::kPublicA1, "fib.first_b", 0},
      {"public result", kPublic, FibonacciAir::kPublicResult, "fib.result", kRows - 1},
  };
  const auto air = make_air(FibonacciAir(kLogRows));
  for (const Corruption& c : cases) {
    auto t = generate_fibonacci_trace(kLogRows, Fp::from_u64(2), Fp::from_u64(7));
    if (c.column == kPublic) {
      t.public_inputs[c.row] += Fp::one();
    } else {
      t.main[c.column * kRows + c.row] += Fp::one();
    }
    const auto failure = find_first_failure(*air, t.view(), inputs_of(t));
    ASSERT_TRUE(failure.has_value()) << c.what;
    EXPECT_EQ(failure->table, "fibonacci") << c.what;
    EXPECT_EQ(failure->constraint, c.constraint) << c.what;
    EXPECT_EQ(failure->row, c.failing_row) << c.what;
    const Status status = check_constraints(*air, t.view(), inputs_of(t));
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find(c.constraint), std::string::npos);
    EXPECT_NE(status.error().message.find("row " + std::to_string(c.failing_row)),
              std::string::npos);
  }
}

// Corruptions in different row blocks: the lowest row wins whatever thread
// finishes first.
TEST(DebugChecker, ReportsTheLowestRowAcrossBlocks) {
  constexpr int kLog = 14;
  const auto air = make_air(FibonacciAir(kLog));
  auto t = generate_fibonacci_trace(kLog, Fp::from_u64(1), Fp::from_u64(2));
  const uint64_t n = uint64_t{1} << kLog;
  t.main[n + 12000] += Fp::one();  // b
  t.main[9000] += Fp::one();       // a
  const auto failure = find_first_failure(*air, t.view(), inputs_of(t));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->constraint, "fib.a_next");
  EXPECT_EQ(failure->row, 8999u);
  EXPECT_EQ(failure->kind, ConstraintKind::kTransition);
}

}  // namespace
}  // namespace baobab::air
