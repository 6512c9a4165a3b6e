// The witness phase of a checkpoint (issue 7, docs/checkpoints.md): the
// statement's values, the table heights and every table's main trace, so
// that a resumed job skips execution and witness generation and proves the
// same traces. The file also names what it was made for (program, proof
// parameters, inputs); a checkpoint of anything else is refused.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/checkpoint_file.h"
#include "io/file_access.h"
#include "src/common/result.h"
#include "src/params/proof_params.h"
#include "zkvm/air/zkvm_prover.h"
#include "zkvm/executor.h"
#include "zkvm/program.h"

namespace baobab::zkvm {

// What a checkpoint must match to be resumed (hex strings).
struct CheckpointIdentity {
  std::string program_id;
  std::string parameters;  // ProofParams::to_bytes()
  std::string public_input_sha256;
  std::string private_input_sha256;
};

CheckpointIdentity checkpoint_identity(const Program& program, const ExecutionInputs& inputs,
                                       const params::ProofParams& params);
// CheckpointIdentity::parameters of `params`.
std::string parameters_hex(const params::ProofParams& params);

// Writes the format, version and identity attributes on "/" of `file`.
Status write_checkpoint_header(io::CheckpointFile& file, const CheckpointIdentity& identity);
// Ok when `file` is a checkpoint of this format version made for
// `identity`; else an Error (context "checkpoint") saying what it was made for.
Status check_checkpoint_identity(const io::CheckpointFile& file,
                                 const CheckpointIdentity& identity);

// What resume_witness reads: everything but the traces (the statement,
// cycles, exit code and outputs; the tables are left empty), or all.
enum class WitnessParts { kStatement, kAll };

// The witness of the checkpoint at `path` as build_zkvm_witness gives it on
// this rank, or nullopt when there is no checkpoint there. Errors (context
// "checkpoint"): a checkpoint of another program, other parameters or other
// inputs, a damaged or unreadable file. Collective over access's ranks.
Result<std::optional<ZkvmWitness>> resume_witness(
    const std::string& path, const io::FileAccess& access, const CheckpointIdentity& identity,
    const Program& program, const ExecutionInputs& inputs, const params::ProofParams& params,
    WitnessParts parts = WitnessParts::kAll);

// Writes a new generation of `path` holding the identity and `witness`
// (each rank its rows of a split cpu table, rank 0 the whole tables) and
// commits it (io/generation.h). Collective over access's ranks.
Status checkpoint_witness(const std::string& path, const io::FileAccess& access,
                          const CheckpointIdentity& identity, const ZkvmWitness& witness);

// What a checkpoint holds, for `baobab inspect` (read with any file access).
struct CheckpointSummary {
  std::string generation;  // the file read: <path>, or <path>.prev after a crash
  CheckpointIdentity identity;
  bool witness_done = false;
  uint64_t cycles = 0;
  uint64_t exit_code = 0;
  uint64_t ranks = 0;  // of the run that wrote the witness phase
  uint64_t public_output_bytes = 0;
  struct Table {
    std::string name;
    uint64_t rows = 0;
    uint64_t cols = 0;
  };
  std::vector<Table> tables;
};

// Errors: no checkpoint at `path`, not a Baobab checkpoint, another format
// version, unreadable. Collective over access's ranks.
Result<CheckpointSummary> summarize_checkpoint(const std::string& path,
                                               const io::FileAccess& access);

}  // namespace baobab::zkvm
