// `baobab prove prog.elf -o proof.bin`: runs an RV32IM ELF guest and proves
// the execution (zkvm/air/zkvm_prover.h). The proof container is written
// atomically; the public output goes to stdout (or --output FILE); progress
// goes to stderr, one line per prover phase as it ends, then a summary. With
// --json, stdout holds one JSON object instead of the output.
// Exit status (docs/cli.md): 0 proved (the guest's exit code is part of the
// statement, not propagated), 1 execution error (fault, --max-cycles), 2 usage
// error or unreadable input file, 3 malformed ELF, 5 the proof or output
// cannot be written, 6 the program or execution is too large to prove, 7 any
// other prover failure (e.g. the witness checker refused the trace: a bug).
#pragma once

#include <span>
#include <string>

#include "src/dist/communicator.h"

namespace baobab::cli {

// Returns the process exit status. `args` excludes "baobab prove". `comm`:
// the job's ranks when started by mpirun or srun (every rank runs the
// command; rank 0 writes the proof and the output), null for one process.
int run_prove_command(std::span<const std::string> args, dist::Communicator* comm = nullptr);

}  // namespace baobab::cli
