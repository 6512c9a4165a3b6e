// `baobab run prog.elf`: loads an RV32IM ELF and runs it in the fast executor
// (zkvm/executor.h) — no proof. The public output goes to stdout (or --output
// FILE), the debug log (fd 2) to stderr as the guest writes it, then a
// one-line summary to stderr. With --json, stdout holds one JSON object.
// Exit status: 0 when the guest exited (its exit code is reported, not
// propagated), 1 for an execution error, 2 for a usage error (including
// files that cannot be read or written), 3 for a malformed ELF. The oracle
// tests (tests/zkvm/oracle) rely on this contract.
#pragma once

#include <span>
#include <string>

namespace baobab::cli {

// Returns the process exit status. `args` excludes "baobab run". Single
// process: main() does not start MPI for this command.
int run_run_command(std::span<const std::string> args);

}  // namespace baobab::cli
