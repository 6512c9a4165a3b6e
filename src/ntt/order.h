// The two element orders the NTT reads and writes, and the batch type every
// transform takes: field::MatrixView, column-major, column c at
// data + c·stride (stride >= rows lets a view select a rank's row block).
#pragma once

#include "src/field/matrix_view.h"

namespace baobab::ntt {

using field::as_matrix;
using field::ConstMatrixView;
using field::Fp;
using field::MatrixView;

// Order of the values in a column of 2^k entries: kNatural puts the value for
// index i at position i; kBitReversed puts it at position reverse_bits(i, k).
enum class Order { kNatural, kBitReversed };

}  // namespace baobab::ntt
