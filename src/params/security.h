// The security calculator: from the proof parameters and the shape of the
// statement (trace length, columns, constraint degree, lookups) it computes
//   - conjectured bits (the ethSTARK-style conjecture), and
//   - proven bits in the unique-decoding regime (BCIKS20 proximity gaps for
//     FRI and the DEEP batching, the DEEP-ALI error with list size 1),
// both capped by the 128-bit collision resistance of SHA-256. The verifier
// calls it on the parameters parsed from a proof and refuses the proof below
// the level it was asked for (check_security); the prover prints the report.
// docs/security.md states every formula and its source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "src/common/result.h"
#include "src/params/proof_params.h"

namespace baobab::params {

// log2 |Fp3| = 3 log2(2^64 - 2^32 + 1), just below 192.
double log2_fp3_size();

// What the error bounds depend on besides the parameters. For a proof with
// several tables use the largest table's height and totals over all tables.
struct StatementShape {
  uint32_t log_trace_rows = 20;  // log2 N: rows of the largest table (1..32)
  uint32_t num_tables = 1;       // tables with their own composition polynomial
  // w: polynomials opened out of domain and batched into the DEEP quotient: every
  // committed column of every stage (main, preprocessed, auxiliary) plus the
  // composition chunks.
  uint32_t num_deep_polys = 64;
  uint32_t num_opening_points = 2;           // m: out-of-domain points per polynomial (z, z·g)
  uint32_t max_constraint_degree = 3;        // d: largest total degree of a constraint
  uint64_t num_constraints = 256;            // C: constraints combined by the ALI challenge
  uint64_t num_logup_fractions = 0;          // T: fractions summed over all LogUp arguments
  uint32_t max_logup_tuple_width = 1;        // columns compressed into one looked-up value
  double log2_field_size = log2_fp3_size();  // log2 |F| of the challenge field

  // Composition chunks of degree < N: max(1, d - 1).
  uint32_t num_quotient_chunks() const;
  std::vector<std::string> problems() const;
  Status validate() const;
  std::string to_json() const;
};

// One additive term of the proven soundness error.
struct ErrorTerm {
  std::string name;     // "fri.query", "deep.batch", ...
  double log2_error;    // log2 of the bound (negative)
  std::string formula;  // the formula with the numbers filled in
};

struct SecurityReport {
  bool valid = false;  // false: invalid params or shape; bits are 0, see explanation
  double conjectured_bits = 0;
  double proven_bits = 0;

  // Inputs the bounds used (for printing).
  uint32_t log_lde_size = 0;         // log2 n, n = N · blowup
  uint32_t num_fri_rounds = 0;       // folding rounds down to the remainder
  double delta = 0;                  // proximity parameter δ = (1 - ρ)/2
  double proven_bits_per_query = 0;  // -log2(1 - δ)

  // Conjectured: min(query_bits, field_bits) - 1, capped at 128.
  double conjectured_query_bits = 0;  // s · log2(blowup) + grinding
  double conjectured_field_bits = 0;  // log2|F| - log2 n

  std::vector<ErrorTerm> proven_terms;  // summed into the proven error
  std::string conjectured_limit;        // name of the limiting term
  std::string proven_limit;
  std::string explanation;  // one human-readable paragraph

  std::string to_json() const;
};

inline constexpr double kHashCollisionBits = 128;  // SHA-256: birthday bound 2^128

SecurityReport estimate_security(const ProofParams& params, const StatementShape& shape);

// What a verifier demands (a setting, not part of the proof).
struct SecurityLevel {
  double min_proven_bits = 100;
  double min_conjectured_bits = 0;
};

// Ok if the report meets the level; otherwise kInvalidArgument whose message
// gives both numbers, the level and the limiting term.
Status check_security(const SecurityReport& report, const SecurityLevel& level);

}  // namespace baobab::params
