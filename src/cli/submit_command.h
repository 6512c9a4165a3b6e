// `baobab submit job.toml`, `baobab status job.toml`, `baobab cancel
// job.toml` (issue 8, docs/slurm.md): prove on a Slurm cluster. submit
// writes the sbatch script next to the job file (jobs/batch_script.h) and
// submits it (--dry-run prints it and submits nothing); status shows the
// Slurm state, the phase each proof's checkpoint reached and where the
// proofs are; cancel cancels the job. Single process (no MPI).
#pragma once

#include <span>
#include <string>

namespace baobab::cli {

// Each returns the process exit status; `args` excludes "baobab <command>".
int run_submit_command(std::span<const std::string> args);
int run_status_command(std::span<const std::string> args);
int run_cancel_command(std::span<const std::string> args);

}  // namespace baobab::cli
