// `baobab demo`: the core pipeline of a STARK commitment on a synthetic
// trace, as the README's main job until the prover lands. Phases: trace →
// lde → commit (per-rank subtrees, top combined across ranks) → grind →
// queries → open → verify. Every rank computes the same LDE in this demo; the
// Merkle hashing is split across ranks exactly as the prover will split it.
#pragma once

#include <span>
#include <string>

namespace baobab::cli {

// Returns the process exit status. `args` excludes "baobab demo".
int run_demo_command(std::span<const std::string> args, int rank, int ranks);

}  // namespace baobab::cli
