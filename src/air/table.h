// The shape of one AIR table and the borrowed views of its data that the
// constraint sinks read (DESIGN §2, §3). Called by every driver in air/ and
// by the prover and verifier.
//
// A table has 2^log_rows rows and three groups of columns:
//   main          base-field columns, committed first (the execution trace);
//   preprocessed  base-field columns fixed by the program or the table
//                 definition (e.g. a range table), known to the verifier;
//   aux           extension-field (Fp3) columns computed after the transcript
//                 has drawn the challenges (e.g. LogUp running sums).
// Every aux column is stored and committed as three base-field coordinate
// columns (column 3k + j holds coefficient j of aux column k): the LDE and
// the Merkle tree work on base-field columns, and coordinate-wise LDE equals
// the LDE of the Fp3 column because interpolation is F_p-linear.
//
// Per proof, all tables share the public inputs (Fp) and the challenges
// (Fp3, drawn after every main commitment); a table reads indices below its
// declared counts. Per table, "aux values" are Fp3 values the prover reveals
// together with the aux commitment (e.g. the final LogUp sum) and that
// constraints may bind, typically at the last row.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "src/field/ext3.h"
#include "src/field/matrix_view.h"
#include "src/field/roots.h"

namespace baobab::air {

using field::ConstMatrixView;
using field::Fp;
using field::Fp3;
using field::MatrixView;

// Base-field columns one aux (Fp3) column occupies.
inline constexpr uint64_t kAuxCoordinates = 3;

struct TableInfo {
  std::string name;
  int log_rows = 0;  // rows = 2^log_rows (power of two; tables may differ)
  uint64_t num_main = 0;
  uint64_t num_preprocessed = 0;
  uint64_t num_aux = 0;  // Fp3 columns (3·num_aux base-field columns)
  uint64_t num_challenges = 0;
  uint64_t num_public_inputs = 0;
  uint64_t num_aux_values = 0;

  uint64_t rows() const { return uint64_t{1} << log_rows; }
  uint64_t num_aux_base_columns() const { return kAuxCoordinates * num_aux; }
};

// Per-proof and per-table values the constraints read besides the columns.
struct ConstraintInputs {
  std::span<const Fp> public_inputs;  // size >= TableInfo::num_public_inputs
  std::span<const Fp3> challenges;    // size >= TableInfo::num_challenges
  std::span<const Fp3> aux_values;    // size >= TableInfo::num_aux_values
};

// A table's columns over the trace domain <ω_n>, row i = value at ω_n^i.
// `aux` has 3·num_aux coordinate columns (may be empty before the aux stage).
struct TraceView {
  ConstMatrixView main;
  ConstMatrixView preprocessed;
  ConstMatrixView aux;
  // A rank's block of rows (DESIGN §4) when block_rows > 0: the views hold
  // rows [first_row, first_row + block_rows) followed by the next row (the
  // halo), so next rows are read without wrapping. block_rows = 0: the views
  // hold the whole table.
  uint64_t first_row = 0;
  uint64_t block_rows = 0;
};

// An aux column that is a running sum (LogUp: acc_i = Σ_(r<=i) h(r)), and
// the aux value that reveals its final value acc_(n-1). A prover that splits
// rows builds each block's sums from zero and adds the blocks before it.
struct AuxRunningSum {
  uint64_t aux_column = 0;  // Fp3 aux column (coordinates 3·aux_column ..)
  uint64_t aux_value = 0;
};

// A table's columns on the LDE coset shift·<ω_N>, N = n·blowup, in NATURAL
// order: row j holds the value at x_j = shift·ω_N^j, so the "next row" of
// x_j (the value at ω_n·x_j) is row (j + blowup) mod N. `shift` is the
// coset's shift: kCosetShift for the tallest table of a proof,
// kCosetShift^(2^j) for a table 2^j times shorter (docs/stark.md); it must
// lie outside the 2-adic subgroup (checked by evaluate_composition).
struct LdeView {
  ConstMatrixView main;
  ConstMatrixView preprocessed;
  ConstMatrixView aux;  // 3·num_aux coordinate columns
  uint64_t blowup = 0;
  Fp shift = field::kCosetShift;
  // Sinks read every row_step-th row: logical row j is stored row
  // j·row_step, i.e. the sub-coset shift·<ω_(N/row_step)> (a power of two
  // dividing blowup). The composition needs only as many points as its
  // degree, not the whole LDE (prover_evaluator.h).
  uint64_t row_step = 1;
  // A rank's block of rows (DESIGN §4) when block_rows > 0: the views hold
  // logical rows [first_row, first_row + block_rows) in stored rows
  // [0, block_rows·row_step), followed by the `blowup` stored rows after them
  // (the halo, from the next block), so next rows are read without wrapping.
  // block_rows = 0: the views hold the whole coset and next rows wrap.
  uint64_t first_row = 0;
  uint64_t block_rows = 0;
};

// Out-of-domain frame: every committed column's polynomial evaluated at the
// point z and at z·ω_n (Fp3, since z is). Aux entries are per coordinate
// column (3·num_aux each): the verifier sink recombines c0 + c1·X + c2·X^2.
struct OodFrame {
  std::span<const Fp3> main, main_next;
  std::span<const Fp3> preprocessed, preprocessed_next;
  std::span<const Fp3> aux, aux_next;
};

}  // namespace baobab::air
