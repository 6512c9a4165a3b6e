// Job descriptions for `baobab submit` (issue 8, docs/slurm.md): a small
// TOML file naming what to prove and the Slurm resources to prove it with.
// The accepted TOML is a subset: `key = value` lines with a basic string
// ("…", escapes \" \\ \n \t), a non-negative integer or true/false, `#`
// comments, and `[[batch]]` headers, each starting one proof of a batch.
// Unknown keys, repeated keys and values of the wrong type are errors that
// name the line: a typo must not silently submit another job.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/common/result.h"

namespace baobab::jobs {

// One proof: a program, its inputs, where the proof and the checkpoint go.
// Paths are as written in the file (relative ones are relative to the job
// file's folder; resolve_paths makes them absolute).
struct ProofEntry {
  std::string program;
  std::string input;  // public input ("" for none)
  std::string private_input;
  std::string output;      // the proof file
  std::string checkpoint;  // the checkpoint file (its records beside it)
};

struct JobSpec {
  std::string name;                // Slurm job name (default: the file's stem)
  std::vector<ProofEntry> proofs;  // one, or the [[batch]] entries (a job array)
  std::string profile = "proven-100";
  uint64_t nodes = 1;
  uint64_t tasks_per_node = 1;  // ranks per node
  uint64_t gpus_per_rank = 0;
  std::string time = "01:00:00";  // Slurm's time limit syntax
  std::string partition;          // "" for the cluster's default
  std::string account;
  std::string launcher = "srun";  // or "mpirun"
  // Seconds before the time limit at which Slurm signals the job to
  // checkpoint (--signal=B:USR1@lead): at least the longest phase.
  uint64_t signal_lead_seconds = 300;
  uint64_t max_cycles = 0;  // 0: baobab prove's default
  // Memory the job may use on each node (--mem), checked by the planner
  // (jobs/planner.h); 0: not asked for, not checked.
  uint64_t memory_per_node_gib = 0;
  bool verify = true;  // a dependent job verifies every proof

  uint64_t ranks() const { return nodes * tasks_per_node; }
};

// Parses a job file's text. Errors (kInvalidArgument, context "job file")
// name the line and what is wrong.
Result<JobSpec> parse_job_file(std::string_view text);

// Makes every path of `spec` absolute, relative ones taken from `folder`.
void resolve_paths(JobSpec& spec, const std::string& folder);

// A job file as the commands use it: its spec, named after the file's stem
// when it names no job, with absolute paths; and where the file lies.
struct JobFile {
  JobSpec spec;
  std::string path;    // absolute
  std::string folder;  // absolute
};

// Reads and parses the job file at `path`. Errors name the file: it cannot
// be read (kIo), or parse_job_file's error.
Result<JobFile> load_job_file(const std::string& path);

}  // namespace baobab::jobs
