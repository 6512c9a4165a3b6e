#include "jobs/planner.h"

#include <bit>
#include <cstdio>

namespace baobab::jobs {

namespace {

// Per cpu-table row and (blowup + 1): the LDEs scale with the blowup, the
// trace, aux columns and tables do not (fitted to one-process peaks at 2^18
// rows for blowups 2, 4 and 8: 5.3, 8.8 and 15.8 KB per row).
constexpr double kBytesPerRowPerBlowupPlusOne = 1.85e3;
constexpr double kBytesPerRankBase = 0.75 * 1024 * 1024 * 1024;
constexpr int kMinLogRows = 2;
constexpr int kMaxLogRows = 29;  // zkvm/air/zkvm_statement.h kMaxCpuLogRows

}  // namespace

std::string gib(uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f GiB", static_cast<double>(bytes) / (1u << 30));
  return text;
}

Plan plan_proof(const PlanInput& in) {
  Plan plan;
  int log_rows = kMinLogRows;
  while (log_rows < 63 && (uint64_t{1} << log_rows) < in.cycles + 1) ++log_rows;
  plan.log_rows = log_rows;
  const uint64_t ranks = in.ranks == 0 ? 1 : in.ranks;
  const double rows = static_cast<double>(uint64_t{1} << std::min(log_rows, 62));
  const double total = kBytesPerRowPerBlowupPlusOne * static_cast<double>(in.blowup + 1) * rows;
  plan.bytes_per_rank =
      static_cast<uint64_t>(total / static_cast<double>(ranks) + kBytesPerRankBase);
  plan.bytes_per_node = plan.bytes_per_rank * in.tasks_per_node;
  if (log_rows > kMaxLogRows) {
    plan.fits = false;
    plan.advice = "the execution has " + std::to_string(in.cycles) +
                  " cycles; one proof holds at most 2^" + std::to_string(kMaxLogRows) +
                  " - 1: split the computation";
    return plan;
  }
  // The distributed NTT needs at least bit_ceil(R)^2 rows.
  const uint64_t units = std::bit_ceil(ranks);
  if (units * units > (uint64_t{1} << log_rows)) {
    plan.fits = false;
    plan.advice = "2^" + std::to_string(log_rows) + " rows are too few to split over " +
                  std::to_string(ranks) + " ranks (at most " +
                  std::to_string(uint64_t{1} << (log_rows / 2)) + "): use fewer ranks";
    return plan;
  }
  if (in.memory_per_node != 0 && plan.bytes_per_node > in.memory_per_node) {
    // The most ranks per node that fit and divide the rank count (nodes ×
    // ranks per node must stay the rank count).
    uint64_t per_node = in.tasks_per_node;
    while (per_node > 1 &&
           (plan.bytes_per_rank * per_node > in.memory_per_node || ranks % per_node != 0)) {
      --per_node;
    }
    const uint64_t nodes = ranks / per_node;
    plan.fits = false;
    plan.advice = "about " + gib(plan.bytes_per_rank) + " per rank, " + gib(plan.bytes_per_node) +
                  " for " + std::to_string(in.tasks_per_node) + " ranks on a node with " +
                  gib(in.memory_per_node) + ": ";
    if (plan.bytes_per_rank <= in.memory_per_node) {
      plan.advice += "use " + std::to_string(nodes) + " nodes of " + std::to_string(per_node) +
                     " ranks (tasks_per_node = " + std::to_string(per_node) + ")";
    } else {
      uint64_t more = ranks;
      while (more < (uint64_t{1} << 20) &&
             static_cast<uint64_t>(total / static_cast<double>(more) + kBytesPerRankBase) >
                 in.memory_per_node) {
        more *= 2;
      }
      plan.advice += "one rank alone does not fit; use at least " + std::to_string(more) +
                     " ranks, one per node, or nodes with more memory";
    }
  }
  return plan;
}

}  // namespace baobab::jobs
