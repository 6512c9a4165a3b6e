// `baobab check job.toml` (issue 8, docs/slurm.md): verifies every proof of
// a submitted job against its program, input and the public output and
// exit code its prove run reported (<output>.json), and writes a summary
// next to the job file: <name>-summary.json and <name>-summary.txt (a
// table). `baobab submit` runs it as a job that depends on the proving
// job. Exit status: 0 every proof accepted, 1 any missing or rejected, 2
// usage error or a bad job file.
#pragma once

#include <span>
#include <string>

namespace baobab::cli {

int run_check_command(std::span<const std::string> args);

}  // namespace baobab::cli
