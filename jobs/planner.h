// The planner of `baobab submit` (issue 8 item 7, docs/slurm.md): from a
// proof's cycle count (a fast execution) and the job's ranks, the memory a
// rank will need, and a refusal with advice when a node cannot hold its
// ranks. The model is fitted to measured peaks (BENCHMARKS.md, "Strong
// scaling at 2^22 rows" and the ci-2core runs): about 1.85 KB per cpu-table
// row and unit of (blowup + 1) in all (16.7 KB at blowup 8, 5.6 KB at
// blowup 2), divided among the ranks, plus 0.75 GiB per rank of exchange
// buffers, twiddles and runtime. It overestimates small proofs (2× at 2^16
// rows), never underestimated a measured one.
#pragma once

#include <cstdint>
#include <string>

namespace baobab::jobs {

struct PlanInput {
  uint64_t cycles = 0;
  uint64_t blowup = 2;  // proven-100's
  uint64_t ranks = 1;
  uint64_t tasks_per_node = 1;
  uint64_t memory_per_node = 0;  // bytes the job may use on a node; 0: unknown
};

struct Plan {
  int log_rows = 0;             // the cpu table's height
  uint64_t bytes_per_rank = 0;  // estimated peak
  uint64_t bytes_per_node = 0;
  bool fits = true;    // the rank count splits the table and a node holds its ranks
  std::string advice;  // why not, and what to change (empty when it fits)
};

Plan plan_proof(const PlanInput& input);

// "12.3 GiB"
std::string gib(uint64_t bytes);

}  // namespace baobab::jobs
