#include "src/air/debug_checker.h"

#include <algorithm>
#include <vector>

namespace baobab::air {
namespace {

// Rows per task: large enough to amortise the virtual call and the thread
// hand-off, small enough to balance threads.
constexpr uint64_t kBlockRows = 4096;

}  // namespace

std::string ConstraintFailure::to_string() const {
  return "table '" + table + "': constraint '" + constraint + "' (" + std::string(kind_name(kind)) +
         ") fails at row " + std::to_string(row);
}

void check_trace_shape(const Air& air, const TraceView& trace, const ConstraintInputs& inputs) {
  const TableInfo& info = air.info();
  const uint64_t n = info.rows();
  BAOBAB_CHECK(info.num_main == 0 || (trace.main.rows == n && trace.main.cols == info.num_main),
               "AIR '" + info.name + "': main trace shape differs from the table's");
  BAOBAB_CHECK(info.num_preprocessed == 0 || (trace.preprocessed.rows == n &&
                                              trace.preprocessed.cols == info.num_preprocessed),
               "AIR '" + info.name + "': preprocessed shape differs from the table's");
  BAOBAB_CHECK(
      info.num_aux == 0 || (trace.aux.rows == n && trace.aux.cols == info.num_aux_base_columns()),
      "AIR '" + info.name + "': aux shape differs from the table's");
  BAOBAB_CHECK(inputs.public_inputs.size() >= info.num_public_inputs &&
                   inputs.challenges.size() >= info.num_challenges &&
                   inputs.aux_values.size() >= info.num_aux_values,
               "AIR '" + info.name + "': fewer inputs than the table declares");
}

std::optional<ConstraintFailure> find_first_failure(const Air& air, const TraceView& trace,
                                                    const ConstraintInputs& inputs) {
  check_trace_shape(air, trace, inputs);
  const uint64_t n = air.info().rows();
  const uint64_t blocks = (n + kBlockRows - 1) / kBlockRows;
  std::vector<std::optional<RowFailure>> found(blocks);
#pragma omp parallel for schedule(dynamic, 1)
  for (uint64_t b = 0; b < blocks; ++b) {
    const uint64_t first = b * kBlockRows;
    found[b] = air.first_failure(trace, inputs, first, std::min(kBlockRows, n - first));
  }
  for (const auto& failure : found) {
    if (!failure) continue;
    const ConstraintInfo& c = air.constraints()[failure->constraint];
    return ConstraintFailure{air.info().name, c.name, c.kind, failure->row};
  }
  return std::nullopt;
}

Status check_constraints(const Air& air, const TraceView& trace, const ConstraintInputs& inputs) {
  if (auto failure = find_first_failure(air, trace, inputs)) {
    return Error{ErrorCode::kInvalidArgument, failure->to_string(), "debug check"};
  }
  return Ok{};
}

}  // namespace baobab::air
