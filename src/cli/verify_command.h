// `baobab verify proof.bin --program prog.elf`: checks a `baobab prove` proof
// against the statement the verifier knows: the ELF (program_id is recomputed
// from it), the public input, the claimed public output and exit code
// (zkvm/air/zkvm_prover.h). On acceptance prints that statement with the
// cycle count and the security the proof's parameters give.
// Exit status (docs/cli.md): 0 accepted, 1 rejected (with the reason),
// 2 usage error or unreadable file, 3 malformed ELF or proof.
#pragma once

#include <span>
#include <string>

namespace baobab::cli {

// Returns the process exit status. `args` excludes "baobab verify". Single
// process: main() does not start MPI for this command.
int run_verify_command(std::span<const std::string> args);

}  // namespace baobab::cli
