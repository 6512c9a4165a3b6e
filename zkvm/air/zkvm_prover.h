// Proving and verifying RV32IM executions (DESIGN §1, docs/rv32im-air.md):
// the entry points the `baobab prove` and `baobab verify` commands call.
//
// prove_program() runs the program, builds the witness of every table, and
// proves the zkVM statement with src/stark. verify_program() rebuilds the
// statement from what the verifier knows (the ELF, I, O, the exit code) plus
// the cycle count and table heights the proof carries, and runs the STARK
// verifier. A ZkvmProof serialises to a self-describing byte string
// (docs/proof-format.md, "zkVM container").
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/common/result.h"
#include "src/dist/communicator.h"
#include "src/params/proof_params.h"
#include "src/params/security.h"
#include "src/stark/proof.h"
#include "zkvm/air/table_trace.h"
#include "zkvm/air/zkvm_statement.h"
#include "zkvm/executor.h"
#include "zkvm/program.h"

namespace baobab::io {
class FileAccess;
}  // namespace baobab::io

namespace baobab::zkvm {

// Table heights as log2 of the row count, in rv::TableId order.
using TableHeights = std::array<int, rv::kNumTables>;

struct ZkvmProof {
  uint64_t cycles = 0;  // T
  TableHeights log_rows{};
  stark::Proof stark;
};

// The container: "BZKVMPRF" magic, u8 version, u64 cycles, one u8 per table
// height, then the STARK proof bytes (src/stark/proof_format.h).
std::vector<uint8_t> serialize_zkvm_proof(const ZkvmProof& proof);
// Reads the container header and the STARK proof; the STARK part is parsed
// against the statement rebuilt from `program` and the public values.
Result<ZkvmProof> parse_zkvm_proof(const Program& program, std::span<const uint8_t> public_input,
                                   std::span<const uint8_t> public_output, uint32_t exit_code,
                                   std::span<const uint8_t> bytes);

// What the tamper hook may change (tests only): the main traces of every
// table after witness generation, before any commitment.
using WitnessTamper = std::function<void(std::array<rv::TableTrace, rv::kNumTables>& tables)>;

struct ZkvmProveOptions {
  uint64_t max_cycles = uint64_t{1} << 28;
  // Refuse a witness the AIR debug checker rejects (tests turn it off to
  // show that the verifier rejects what a malicious prover produces).
  bool check_witness = true;
  // Called after each phase (execute, trace, commit.main, ..., open).
  std::function<void(std::string_view phase, double seconds)> on_phase;
  WitnessTamper tamper;
  // Prove across the ranks of this communicator (DESIGN §4; every rank
  // calls prove_program with the same arguments, and the proof is complete
  // on rank 0). Null: one process (stark::prove). The proof bytes are the
  // same either way.
  dist::Communicator* communicator = nullptr;
  // Checkpoint file (docs/checkpoints.md), opened through checkpoint_access
  // (whose ranks are those of `communicator`): resume from it when it holds
  // the witness phase of this program, parameters and inputs (a checkpoint
  // of anything else is an error), write it after the witness phase
  // otherwise. `restart`: ignore what is there and replace it.
  // Every later phase is recorded beside it (zkvm/air/phase_checkpoint.h)
  // and resumed from its record; SIGTERM and SIGUSR1 then stop the job after
  // the phase under way (an Error with code kStopped).
  std::string checkpoint_path;
  const io::FileAccess* checkpoint_access = nullptr;
  bool restart = false;
  // Hears about checkpoint records found damaged and redone (rank 0).
  std::function<void(const std::string&)> on_notice;
};

struct ZkvmProveResult {
  ZkvmProof proof;
  // The last phase a resume found done in the checkpoint ("" when none).
  std::string resumed_after;
  uint32_t exit_code = 0;
  std::vector<uint8_t> public_output;
  std::vector<uint8_t> debug_output;
};

// The statement and the main traces prove_program commits to, after the
// tamper hook. Across ranks every rank holds every table whole except the
// cpu table, of which it holds its rows when it is split (TableTrace window).
struct ZkvmWitness {
  std::unique_ptr<rv::ZkvmStatement> statement;
  std::array<rv::TableTrace, rv::kNumTables> tables;
  uint64_t cycles = 0;
  uint32_t exit_code = 0;
  std::vector<uint8_t> public_output;
  std::vector<uint8_t> debug_output;
};

// The execution and witness generation of prove_program (phases execute,
// trace, witness). Collective across options.communicator's ranks.
Result<ZkvmWitness> build_zkvm_witness(const Program& program, const ExecutionInputs& inputs,
                                       const params::ProofParams& params,
                                       const ZkvmProveOptions& options = {});

// Errors: execution errors (the guest faulted or ran past max_cycles),
// programs or executions too large for the field's domain, a witness the
// debug checker refuses.
Result<ZkvmProveResult> prove_program(const Program& program, const ExecutionInputs& inputs,
                                      const params::ProofParams& params,
                                      const ZkvmProveOptions& options = {});

struct ZkvmVerifyOutcome {
  bool accepted = false;
  std::string reason;  // why it was rejected
  params::SecurityReport security;
  uint64_t cycles = 0;
};

// Verifies `proof` for (program, I, O, exit code). Never throws on a bad
// proof; a rejection is an outcome with a reason.
ZkvmVerifyOutcome verify_program(const Program& program, std::span<const uint8_t> public_input,
                                 std::span<const uint8_t> public_output, uint32_t exit_code,
                                 const ZkvmProof& proof, const params::SecurityLevel& level);

}  // namespace baobab::zkvm
