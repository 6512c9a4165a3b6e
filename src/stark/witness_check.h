// The prover's check of its own witness before it commits (ProveOptions::
// check_witness): every constraint of every table on every row (the AIR
// debug checker) and every LogUp balance. Shared by the single-process and
// the distributed prover (which runs it on the whole tables every rank has).
#pragma once

#include <span>

#include "src/air/air.h"
#include "src/air/table.h"
#include "src/common/result.h"
#include "src/field/ext3.h"
#include "src/field/matrix_view.h"
#include "src/stark/layout.h"
#include "src/stark/statement.h"

namespace baobab::stark {

// One main trace per table, of the table's shape, and enough public inputs.
Status check_trace_shapes(const Statement& statement,
                          std::span<const field::ConstMatrixView> traces,
                          const StarkLayout& layout);

// traces[t], aux_values[t]: table t's columns and revealed aux values. An
// Error (kInvalidArgument) names the first violated constraint, its row and
// table, or the unbalanced LogUp group.
Status check_witness(const Statement& statement, std::span<const air::TraceView> traces,
                     std::span<const field::Fp3> challenges,
                     std::span<const std::span<const field::Fp3>> aux_values);

// The pieces, for a prover that checks rows in parallel blocks (the
// distributed one): the error check_witness reports for a failure of table
// t, and the LogUp balance check alone.
Error witness_error(const Statement& statement, size_t table, const air::RowFailure& failure);
Status check_logup_balances(const Statement& statement,
                            std::span<const std::span<const field::Fp3>> aux_values);

}  // namespace baobab::stark
