// Fibonacci: the smallest useful AIR (issue 3 item 6), one table with two
// main columns (a, b) = (F_i, F_(i+1)) per row and three public inputs:
// a0 and a1 (the first row) and the claimed result b at the last row. Used
// by the framework's tests and by the prover's end-to-end tests.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "src/air/constraint.h"
#include "src/air/table.h"

namespace baobab::air::examples {

class FibonacciAir {
 public:
  static constexpr uint64_t kColA = 0;
  static constexpr uint64_t kColB = 1;
  static constexpr uint64_t kPublicA0 = 0;
  static constexpr uint64_t kPublicA1 = 1;
  static constexpr uint64_t kPublicResult = 2;

  explicit FibonacciAir(int log_rows) : log_rows_(log_rows) {}

  TableInfo info() const {
    TableInfo info;
    info.name = "fibonacci";
    info.log_rows = log_rows_;
    info.num_main = 2;
    info.num_public_inputs = 3;
    return info;
  }

  template <class S>
  void eval(S& s) const {
    using K = ConstraintKind;
    const auto a = s.main(kColA);
    const auto b = s.main(kColB);
    s.assert_zero("fib.first_a", K::kFirstRow, a - s.public_input(kPublicA0));
    s.assert_zero("fib.first_b", K::kFirstRow, b - s.public_input(kPublicA1));
    s.assert_zero("fib.a_next", K::kTransition, s.main_next(kColA) - b);
    s.assert_zero("fib.b_next", K::kTransition, s.main_next(kColB) - (a + b));
    s.assert_zero("fib.result", K::kLastRow, b - s.public_input(kPublicResult));
  }

 private:
  int log_rows_;
};

// An honest witness: `main` is column-major (n rows × 2), row i holds
// (F_i, F_(i+1)) of the sequence starting a0, a1 (mod p).
struct FibonacciTrace {
  uint64_t rows = 0;
  std::vector<Fp> main;
  std::array<Fp, 3> public_inputs{};  // a0, a1, result

  TraceView view() const { return {ConstMatrixView{main.data(), rows, 2}, {}, {}}; }
};

FibonacciTrace generate_fibonacci_trace(int log_rows, Fp a0, Fp a1);

}  // namespace baobab::air::examples
