// `baobab inspect run.h5`: what a checkpoint holds (docs/checkpoints.md):
// what it was made for (program, parameters, inputs), the phases done with
// their figures, the tables' sizes, the rank count that wrote them, and what
// a resume would do. Exit status: 0 read, 2 usage error, 8 no checkpoint
// there, not a Baobab checkpoint, another format version, or unreadable.
#pragma once

#include <span>
#include <string>

namespace baobab::cli {

// Returns the process exit status. `args` excludes "baobab inspect". Single
// process: main() does not start MPI for this command.
int run_inspect_command(std::span<const std::string> args);

}  // namespace baobab::cli
