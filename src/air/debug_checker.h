// The debug checker (STYLE §5 sink (a)): evaluates every constraint of a
// table on every row of a concrete witness and reports the first failing
// constraint (lowest row, then declaration order) by name, kind and row. The
// prover runs it on each table before proving, so that a bad witness fails
// with a readable message instead of an unverifiable proof.
//
// Rows are checked in blocks spread over OpenMP threads; the report is the
// same for any thread count.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "src/air/air.h"
#include "src/air/constraint.h"
#include "src/air/table.h"
#include "src/common/result.h"

namespace baobab::air {

struct ConstraintFailure {
  std::string table;
  std::string constraint;
  ConstraintKind kind = ConstraintKind::kEveryRow;
  uint64_t row = 0;

  // "table 'fib': constraint 'fib.b_next' (transition) fails at row 4"
  std::string to_string() const;
};

// Checks that `trace` and `inputs` have the shapes air.info() declares
// (BAOBAB_CHECK: a shape mismatch is a prover bug, not bad input); the aux
// view must hold the aux columns when the table has any.
void check_trace_shape(const Air& air, const TraceView& trace, const ConstraintInputs& inputs);

// The first failing constraint, or nullopt when the witness satisfies all.
std::optional<ConstraintFailure> find_first_failure(const Air& air, const TraceView& trace,
                                                    const ConstraintInputs& inputs);

// The same as a Status: ok, or kInvalidArgument with the failure's text.
Status check_constraints(const Air& air, const TraceView& trace, const ConstraintInputs& inputs);

}  // namespace baobab::air
