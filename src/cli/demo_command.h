// `baobab demo`: the core pipeline of a STARK commitment on a synthetic
// trace, split by rows over MPI ranks as the distributed prover will split
// it (docs/distributed.md). Phases: trace (each rank its rows) → lde
// (distributed) → commit (per-rank subtrees, top combined across ranks) →
// grind → queries → open (owning ranks; assembled on rank 0) → verify.
#pragma once

#include <span>
#include <string>

namespace baobab::cli {

// Returns the process exit status. `args` excludes "baobab demo".
int run_demo_command(std::span<const std::string> args, int rank, int ranks);

}  // namespace baobab::cli
