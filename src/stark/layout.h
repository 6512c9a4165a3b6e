// StarkLayout: everything about a proof's shape that follows from the AIRs
// and the ProofParams alone — per-table column counts, LDE sizes, composition
// chunks, and the FRI options. The prover and the verifier derive it the same
// way; proof_format uses it to check every count before reading a value.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/air/air.h"
#include "src/common/result.h"
#include "src/fri/options.h"
#include "src/params/proof_params.h"
#include "src/params/security.h"

namespace baobab::stark {

struct TableLayout {
  int log_rows = 0;
  int log_lde_rows = 0;  // log_rows + log_blowup
  uint64_t main_columns = 0;
  uint64_t preprocessed_columns = 0;
  uint64_t aux_columns = 0;  // base-field coordinate columns (3 per Fp3 column)
  uint64_t aux_values = 0;
  uint64_t chunks = 0;  // composition chunks of degree < n
  uint64_t composition_columns() const { return 3 * chunks; }
  uint64_t rows() const { return uint64_t{1} << log_rows; }
  uint64_t lde_rows() const { return uint64_t{1} << log_lde_rows; }
};

struct StarkLayout {
  std::vector<TableLayout> tables;
  int max_log_lde_rows = 0;  // the FRI domain: the tallest table's LDE
  uint64_t num_challenges = 0;
  uint64_t num_public_inputs = 0;
  fri::FriOptions fri_options;
  fri::FriLayout fri_layout;
};

// Errors (kInvalidArgument) for: no tables, invalid params, a table whose
// composition needs more chunks than the blowup provides, a table too small
// or too tall for the FRI schedule.
Result<StarkLayout> make_layout(std::span<const air::Air* const> airs,
                                const params::ProofParams& params);

// The shape the security calculator needs (params/security.h).
params::StatementShape statement_shape(std::span<const air::Air* const> airs,
                                       const StarkLayout& layout);

}  // namespace baobab::stark
