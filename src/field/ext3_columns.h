// F_p^3 values as three base-field coordinate columns (the layout the NTT
// and the Merkle trees work on), and element-wise sums of F_p^3 vectors:
// what the provers do around the composition polynomial and the DEEP
// codeword. OpenMP over rows; results never depend on the thread count.
#pragma once

#include <span>

#include "src/field/ext3.h"
#include "src/field/matrix_view.h"

namespace baobab::field {

// columns.column(k)[j] = values[j][k], k < 3 (columns: values.size() × 3).
void split_coordinates(std::span<const Fp3> values, MatrixView columns);

// values[j] = (columns.at(j, 0), columns.at(j, 1), columns.at(j, 2)).
void join_coordinates(ConstMatrixView columns, std::span<Fp3> values);

// sum[j] += values[j] (the same length).
void add_into(std::span<Fp3> sum, std::span<const Fp3> values);

}  // namespace baobab::field
