// The sbatch script `baobab submit` writes next to a job file (issue 8,
// docs/slurm.md): Slurm directives from the job's resources, then a bash
// body that runs `baobab prove --checkpoint` under srun or mpirun, forwards
// Slurm's warning signal (USR1, or TERM) to it so that every rank stops
// after the phase under way with its checkpoint written (exit 75), and
// then requeues the job; the requeued run resumes from the checkpoint. A
// batch of proofs is a job array, one proof per task.
#pragma once

#include <string>

#include "jobs/job_file.h"

namespace baobab::jobs {

struct ScriptSettings {
  std::string baobab;    // absolute path of the baobab executable
  std::string log_file;  // Slurm's --output pattern (absolute)
};

// The script's text; the spec's paths must be absolute (resolve_paths).
// Each proof's run also writes `<output>.json` (prove --json: the exit code
// and public output that `baobab check` verifies against).
std::string batch_script(const JobSpec& spec, const ScriptSettings& settings);

// The script of the job that runs `baobab check <job file>` once the
// proving job has ended (submitted with --dependency=afterany:<id>).
std::string check_script(const JobSpec& spec, const ScriptSettings& settings,
                         const std::string& job_file);

}  // namespace baobab::jobs
