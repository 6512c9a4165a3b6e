#include "src/air/examples/fibonacci.h"

namespace baobab::air::examples {

FibonacciTrace generate_fibonacci_trace(int log_rows, Fp a0, Fp a1) {
  FibonacciTrace t;
  t.rows = uint64_t{1} << log_rows;
  t.main.resize(2 * t.rows);
  Fp* a = t.main.data();
  Fp* b = a + t.rows;
  a[0] = a0;
  b[0] = a1;
  for (uint64_t i = 1; i < t.rows; ++i) {
    a[i] = b[i - 1];
    b[i] = a[i - 1] + b[i - 1];
  }
  t.public_inputs = {a0, a1, b[t.rows - 1]};
  return t;
}

}  // namespace baobab::air::examples
