#include "src/stark/witness_check.h"

#include <string>
#include <vector>

#include "src/air/logup.h"

namespace baobab::stark {

Status check_trace_shapes(const Statement& statement,
                          std::span<const field::ConstMatrixView> traces,
                          const StarkLayout& layout) {
  if (traces.size() != statement.tables.size()) {
    return Error{ErrorCode::kInvalidArgument, "one main trace per table is needed", "prove"};
  }
  for (size_t t = 0; t < traces.size(); ++t) {
    if (traces[t].rows != layout.tables[t].rows() ||
        traces[t].cols != layout.tables[t].main_columns) {
      return Error{ErrorCode::kInvalidArgument,
                   "main trace of table '" + statement.tables[t]->info().name + "' has shape " +
                       std::to_string(traces[t].rows) + "x" + std::to_string(traces[t].cols),
                   "prove"};
    }
  }
  if (statement.public_inputs.size() < layout.num_public_inputs) {
    return Error{ErrorCode::kInvalidArgument, "too few public inputs for the tables", "prove"};
  }
  return Ok{};
}

Error witness_error(const Statement& statement, size_t table, const air::RowFailure& failure) {
  const air::Air& air = *statement.tables[table];
  return Error{ErrorCode::kInvalidArgument,
               "witness violates constraint '" + air.constraints()[failure.constraint].name +
                   "' at row " + std::to_string(failure.row) + " of table '" + air.info().name +
                   "'",
               "prove"};
}

Status check_logup_balances(const Statement& statement,
                            std::span<const std::span<const field::Fp3>> aux_values) {
  for (const auto& group : statement.logup_balances) {
    std::vector<field::Fp3> sums;
    for (const AuxValueRef& ref : group) sums.push_back(aux_values[ref.table][ref.index]);
    if (Status balanced = air::check_logup_balance(sums); !balanced) return balanced.error();
  }
  return Ok{};
}

Status check_witness(const Statement& statement, std::span<const air::TraceView> traces,
                     std::span<const field::Fp3> challenges,
                     std::span<const std::span<const field::Fp3>> aux_values) {
  for (size_t t = 0; t < statement.tables.size(); ++t) {
    const air::Air& air = *statement.tables[t];
    const air::ConstraintInputs inputs{statement.public_inputs, challenges, aux_values[t]};
    if (const auto failure = air.first_failure(traces[t], inputs, 0, air.info().rows())) {
      return witness_error(statement, t, *failure);
    }
  }
  return check_logup_balances(statement, aux_values);
}

}  // namespace baobab::stark
