// Seeded random column-major matrices for the Merkle tests.
#pragma once

#include <random>
#include <vector>

#include "src/field/matrix_view.h"

namespace baobab::merkle::testing {

using field::ConstMatrixView;
using field::Fp;

struct OwnedMatrix {
  std::vector<Fp> data;
  size_t rows = 0;
  size_t cols = 0;
  ConstMatrixView view() const { return ConstMatrixView(data.data(), rows, cols); }
};

inline OwnedMatrix random_matrix(size_t rows, size_t cols, uint64_t seed) {
  std::mt19937_64 rng(seed);
  OwnedMatrix m{std::vector<Fp>(rows * cols), rows, cols};
  for (auto& x : m.data) x = Fp::from_u64(rng());
  return m;
}

// Rows [r0, r0 + count) of m as their own column-major matrix (a rank's block).
inline OwnedMatrix row_block(const OwnedMatrix& m, size_t r0, size_t count) {
  OwnedMatrix b{std::vector<Fp>(count * m.cols), count, m.cols};
  for (size_t c = 0; c < m.cols; ++c) {
    for (size_t r = 0; r < count; ++r) b.data[c * count + r] = m.data[c * m.rows + r0 + r];
  }
  return b;
}

}  // namespace baobab::merkle::testing
