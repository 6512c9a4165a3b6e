// The zkVM statement as src/stark sees it (docs/rv32im-air.md §1, §5): the
// seven tables at given heights, the public inputs, and the single bus
// balance. Built identically by the prover and the verifier from what both
// know; only the heights and the cycle count come from the proof.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "src/air/air.h"
#include "src/common/result.h"
#include "src/params/proof_params.h"
#include "src/stark/statement.h"
#include "zkvm/air/memory_air.h"
#include "zkvm/air/program_info.h"
#include "zkvm/air/static_air.h"
#include "zkvm/air/table_trace.h"
#include "zkvm/program.h"

namespace baobab::zkvm::rv {

using Heights = std::array<int, kNumTables>;

// The largest cpu table (2^29 rows keeps every timestamp below 2^32).
inline constexpr int kMaxCpuLogRows = 29;
// How far above its content a preprocessed table may be raised to meet the
// FRI schedule (less than one fold of the largest arity, 16).
inline constexpr int kMaxHeightRaise = 4;

struct StatementValues {
  uint64_t cycles = 0;
  uint32_t exit_code = 0;
  std::span<const uint8_t> public_input;
  std::span<const uint8_t> public_output;
};

// What the statement derives from the program and the public values before
// any height is known: built once, by the prover before choosing heights.
struct StatementContent {
  ProgramInfo info;
  std::shared_ptr<const StaticContent> static_content;
  std::shared_ptr<const FixedMemContent> fixed_mem;
};

StatementContent make_statement_content(const Program& program, const StatementValues& values);

class ZkvmStatement {
 public:
  // Errors: heights the verifier cannot accept (too small for the fixed
  // content, the bytes table not 2^16, a cpu table too tall or too short for
  // the cycle count).
  static Result<std::unique_ptr<ZkvmStatement>> make(const Program& program,
                                                     const StatementValues& values,
                                                     const Heights& heights);
  // The same from content already built for these values.
  static Result<std::unique_ptr<ZkvmStatement>> make(const Program& program,
                                                     StatementContent content,
                                                     const StatementValues& values,
                                                     const Heights& heights);

  const stark::Statement& statement() const { return statement_; }
  const ProgramInfo& info() const { return info_; }
  const std::shared_ptr<const StaticContent>& static_content() const { return static_; }
  const std::shared_ptr<const FixedMemContent>& fixed_mem() const { return fixed_mem_; }
  const air::Air& table(TableId id) const { return *airs_[id]; }
  const Heights& heights() const { return heights_; }

 private:
  ProgramInfo info_;
  std::shared_ptr<const StaticContent> static_;
  std::shared_ptr<const FixedMemContent> fixed_mem_;
  std::array<std::unique_ptr<air::Air>, kNumTables> airs_;
  Heights heights_{};
  stark::Statement statement_;
};

// Smallest heights (log2) each table needs: cpu cycles + 1 rows, the rest
// from their row counts (`rows[t]`, ignored for cpu and bytes).
// choose_heights() then raises tables so that each meets a FRI layer of the
// tallest (src/stark/layout.h) while the bytes table stays at 2^16.
Result<Heights> choose_heights(const std::array<uint64_t, kNumTables>& rows,
                               const params::ProofParams& params);

// The public inputs (docs/rv32im-air.md §1).
std::vector<field::Fp> public_inputs(const Program& program, const ProgramInfo& info,
                                     const StatementValues& values);

}  // namespace baobab::zkvm::rv
