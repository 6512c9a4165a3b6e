// Sums across ranks for the distributed prover (DESIGN §4 item 2): values a
// rank computes from its block of rows, combined into what one process would
// compute from all rows. Extension-field sums are exact, so the results are
// the single-process ones bit for bit, whatever the rank count.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/dist/communicator.h"
#include "src/field/matrix_view.h"

namespace baobab::dist {

// Element-wise sum over ranks (the same length on every rank). Collective.
std::vector<Fp3> sum_over_ranks(Communicator& comm, std::span<const Fp3> mine);

// Out-of-domain evaluation: the value at z of each column of n rows (values
// at ω_n^i) when this rank holds rows [first_row, first_row + local.rows):
// partial barycentric sums, then sum_over_ranks. Collective.
std::vector<Fp3> distributed_evaluate_at(Communicator& comm, const field::ConstMatrixView& local,
                                         uint64_t first_row, uint64_t n, const Fp3& z);

// LogUp running sums: `terms` are this rank's consecutive terms of one
// column; they become the running sums s_i = Σ_{k <= i} t_k of the whole
// column (local prefix sums plus the sum of the ranks before). Returns the
// column's total (on every rank). Collective.
Fp3 distributed_running_sum(Communicator& comm, std::span<Fp3> terms);

}  // namespace baobab::dist
