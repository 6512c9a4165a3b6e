// Per-rank accounting of the prover's phases for `baobab prove --json`: what
// each phase cost each rank besides its wall-clock time. CPU seconds in the
// program and in the kernel (first touches of fresh memory are most of the
// latter), minor page faults, and seconds inside the communicator's
// collectives (moving data and waiting for the slowest peer). A rank that
// spends a phase in collectives was waiting for others; one whose system
// time grows with the rank count pays for page faults: what a strong-scaling
// run needs to tell a slow rank from a slow phase (docs/distributed.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/dist/communicator.h"

namespace baobab::cli {

struct PhaseUsage {
  std::string name;
  double seconds = 0;  // wall clock, as the prover reports it
  double user_seconds = 0;
  double system_seconds = 0;
  uint64_t minor_faults = 0;
  double communication_seconds = 0;
};

// Samples this process's resource use at construction and at the end of
// each phase; a phase is charged what was used since the previous sample.
class PhaseUsageMeter {
 public:
  // `comm` (may be null: one process, no collectives) must outlive the meter.
  explicit PhaseUsageMeter(const dist::Communicator* comm);

  void phase_done(std::string_view name, double seconds);
  const std::vector<PhaseUsage>& phases() const { return phases_; }

 private:
  struct Sample {
    double user_seconds = 0;
    double system_seconds = 0;
    uint64_t minor_faults = 0;
    double communication_seconds = 0;
  };
  Sample sample() const;

  const dist::Communicator* comm_;
  Sample last_;
  std::vector<PhaseUsage> phases_;
};

// Every rank's phases, in rank order (one entry for a single process); the
// names are rank 0's. Empty when the ranks recorded different numbers of
// phases. Collective.
std::vector<std::vector<PhaseUsage>> gather_phase_usage(dist::Communicator* comm,
                                                        const std::vector<PhaseUsage>& mine);

// [[{"name":…,"seconds":…,"user_seconds":…,"system_seconds":…,
// "minor_faults":…,"communication_seconds":…}, …], …]: one array per rank.
std::string phase_usage_json(const std::vector<std::vector<PhaseUsage>>& per_rank);

}  // namespace baobab::cli
