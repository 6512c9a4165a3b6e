// The STARK prover (DEEP-ALI + FRI, docs/stark.md). prove() reads as the list
// of phases of docs/stark.md; each phase is a function of prover.cc with its
// inputs and outputs in the open (STYLE §1).
//
// Single process for now: every table's columns live in this process. The
// data layout (column-major row blocks, natural-order LDE, bit-reversed FRI)
// is the one the distributed prover splits by rows (DESIGN §4).
#pragma once

#include <functional>
#include <span>
#include <string_view>

#include "src/common/result.h"
#include "src/common/simd_level.h"
#include "src/field/matrix_view.h"
#include "src/hash/hasher.h"
#include "src/params/proof_params.h"
#include "src/stark/phase_store.h"
#include "src/stark/proof.h"
#include "src/stark/statement.h"

namespace baobab::stark {

struct ProveOptions {
  // Run the AIR debug checker on the whole witness before proving and refuse
  // a witness that violates a constraint or a LogUp balance. Tests turn it
  // off to force a bad witness through and show that the verifier rejects.
  bool check_witness = true;
  // Vector path of the NTTs (a setting: proof bytes never depend on it).
  SimdLevel simd_level = active_simd_level();
  // Called after each phase with its name and wall-clock seconds (optional).
  std::function<void(std::string_view phase, double seconds)> on_phase;
  // Where finished phases are recorded and resumed from (phase_store.h);
  // only dist::prove_distributed keeps records, stark::prove ignores it.
  PhaseStore* phase_store = nullptr;
  // dist::prove_distributed only: where a table split over ranks is given
  // as this rank's rows (a view of `rows` rows), its storage also holds the
  // table's next row (the next rank's first; row 0 after the last block)
  // after them, at row `rows` of the same stride. The witness passes then
  // read the rows in place instead of copying them (checked: a wrong row
  // is an internal error).
  bool main_rows_with_next = false;
};

// main_traces[t]: table t's main columns (2^log_rows × num_main, column-major).
// Errors: shapes that do not match the statement, invalid parameters, tables
// the FRI schedule cannot fold in, a witness the debug checker refuses.
Result<Proof> prove(const Statement& statement, std::span<const field::ConstMatrixView> main_traces,
                    const params::ProofParams& params, const hash::Hasher& hasher,
                    const ProveOptions& options = {});

}  // namespace baobab::stark
