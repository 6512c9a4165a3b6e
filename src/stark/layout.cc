#include "src/stark/layout.h"

#include <algorithm>
#include <string>

namespace baobab::stark {

Result<StarkLayout> make_layout(std::span<const air::Air* const> airs,
                                const params::ProofParams& params) {
  if (airs.empty())
    return Error{ErrorCode::kInvalidArgument, "a proof needs at least one table", "stark"};
  if (Status valid = params.validate(); !valid) return valid.error();
  StarkLayout layout;
  const int log_blowup = static_cast<int>(params.log_blowup);
  for (const air::Air* air : airs) {
    const air::TableInfo& info = air->info();
    TableLayout t;
    t.log_rows = info.log_rows;
    t.log_lde_rows = info.log_rows + log_blowup;
    t.main_columns = info.num_main;
    t.preprocessed_columns = info.num_preprocessed;
    t.aux_columns = info.num_aux_base_columns();
    t.aux_values = info.num_aux_values;
    t.chunks = static_cast<uint64_t>(air->quotient_chunks());
    if (t.chunks > params.blowup()) {
      return Error{ErrorCode::kInvalidArgument,
                   "table '" + info.name + "' needs " + std::to_string(t.chunks) +
                       " composition chunks but the blowup is " + std::to_string(params.blowup()),
                   "stark"};
    }
    if (t.main_columns == 0) {
      return Error{ErrorCode::kInvalidArgument, "table '" + info.name + "' has no main columns",
                   "stark"};
    }
    if (t.log_lde_rows > static_cast<int>(fri::kMaxLogDomainSize)) {
      return Error{ErrorCode::kResourceLimit,
                   "table '" + info.name + "' has 2^" + std::to_string(t.log_lde_rows) +
                       " LDE rows, beyond the field's 2-adicity (2^32)",
                   "stark"};
    }
    layout.max_log_lde_rows = std::max(layout.max_log_lde_rows, t.log_lde_rows);
    layout.num_challenges = std::max(layout.num_challenges, info.num_challenges);
    layout.num_public_inputs = std::max(layout.num_public_inputs, info.num_public_inputs);
    layout.tables.push_back(t);
  }
  layout.fri_options.log_arity = params.log_fri_arity;
  layout.fri_options.log_blowup = params.log_blowup;
  layout.fri_options.remainder_max_size = uint64_t{1} << params.fri_remainder_max_log_size;
  auto fri_layout =
      fri::FriLayout::make(layout.fri_options, static_cast<unsigned>(layout.max_log_lde_rows));
  if (!fri_layout) return fri_layout.error();
  layout.fri_layout = std::move(fri_layout).value();
  for (size_t i = 0; i < layout.tables.size(); ++i) {
    const auto log_size = static_cast<unsigned>(layout.tables[i].log_lde_rows);
    if (static_cast<int>(log_size) != layout.max_log_lde_rows &&
        !layout.fri_layout.accepts_input(log_size)) {
      return Error{ErrorCode::kInvalidArgument,
                   "table '" + airs[i]->info().name + "' (2^" +
                       std::to_string(airs[i]->info().log_rows) +
                       " rows) does not meet a FRI layer of the tallest table: use a smaller FRI "
                       "arity or remainder, or pad the table",
                   "stark"};
    }
  }
  return layout;
}

params::StatementShape statement_shape(std::span<const air::Air* const> airs,
                                       const StarkLayout& layout) {
  params::StatementShape shape;
  shape.log_trace_rows =
      static_cast<uint32_t>(layout.max_log_lde_rows) - layout.fri_options.log_blowup;
  shape.num_tables = static_cast<uint32_t>(airs.size());
  uint64_t polys = 0, constraints = 0, fractions = 0;
  int degree = 1;
  for (size_t i = 0; i < airs.size(); ++i) {
    const TableLayout& t = layout.tables[i];
    polys += t.main_columns + t.preprocessed_columns + t.aux_columns + t.composition_columns();
    constraints += airs[i]->constraints().size();
    degree = std::max(degree, airs[i]->max_degree());
    // Conservatively, every row of every aux (Fp3) column is one LogUp fraction.
    fractions += t.rows() * (t.aux_columns / air::kAuxCoordinates);
  }
  shape.num_logup_fractions = fractions;
  shape.num_deep_polys = static_cast<uint32_t>(polys);
  shape.num_opening_points = 2;
  shape.max_constraint_degree = static_cast<uint32_t>(degree);
  shape.num_constraints = constraints;
  return shape;
}

}  // namespace baobab::stark
