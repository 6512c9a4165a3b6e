// The zkVM witness split over MPI ranks (DESIGN §4 item 1, docs/distributed.md
// "Witness by rows"): every rank executes the program once in fast mode,
// recording snapshots every kSnapshotInterval cycles, and then traces only
// stretches of about cycles / R rows, each from the nearest snapshot.
//
//  1. summarize_regions: the execution is cut at snapshot cycles B_0 = 0 <=
//     B_1 <= ... <= B_R = cycles, the floors of the ranks' guessed first cpu
//     rows. Rank r replays region [B_r, B_{r+1}) from its snapshot (memory
//     timestamps unknown, so its rows are thrown away) and reports the final
//     state of every cell it touched and its ecall and io row counts. Every
//     rank then holds the final memory state (per cell, the report with the
//     latest timestamp) and the sizes the table heights depend on.
//  2. replay_own_rows: with the heights fixed, rank r replays from the last
//     region start B_q at or below its first cpu row, its tracker holding the
//     values of the snapshot and the timestamps of regions 0..q-1, and keeps
//     its rows. The ecall and io rows of its cycles are gathered on every rank.
//
// The rows are those of one process's witness, so the proof bytes are too.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/common/result.h"
#include "src/dist/communicator.h"
#include "zkvm/air/memory_tracker.h"
#include "zkvm/air/program_info.h"
#include "zkvm/air/syscall_witness.h"
#include "zkvm/air/table_trace.h"
#include "zkvm/executor.h"

namespace baobab::zkvm::rv {

// What one rank's region of the execution left behind.
struct RegionReport {
  uint64_t ecall_rows = 0;
  uint64_t io_rows = 0;
  std::array<CellState, kNumRegisters> registers{};
  std::vector<std::pair<uint64_t, CellState>> ram;  // every RAM cell the region touched
};

struct ExecutionSummary {
  uint64_t cycles = 0;
  std::vector<uint64_t> region_starts;  // B_0 .. B_{R-1}
  std::vector<RegionReport> regions;    // in rank order
  MemoryTracker final_memory;           // every touched cell's last state
  uint64_t ecall_rows = 0;
  uint64_t io_rows = 0;
};

// A tracker in the machine's state at `snapshot`: register and RAM values
// as the snapshot has them (the syscall-state registers from its machine
// state), every timestamp 0. From initial_snapshot(): the tracker a whole
// execution's witness starts with.
MemoryTracker tracker_at(const Program& program, const Snapshot& snapshot,
                         const ExecutionInputs& inputs);

// The region starts for `guessed_first_rows` (the ranks' first cpu rows,
// increasing): each rounded down to a snapshot cycle below `cycles`.
std::vector<uint64_t> region_starts(std::span<const uint64_t> guessed_first_rows, uint64_t cycles);

// Step 1 above. `snapshots`: execute()'s, every kSnapshotInterval cycles.
// `initial_registers`: the tracker's registers at cycle 0. Collective.
Result<ExecutionSummary> summarize_regions(dist::Communicator& comm, const Program& program,
                                           const ProgramInfo& info, const ExecutionInputs& inputs,
                                           std::span<const Snapshot> snapshots, uint64_t cycles,
                                           std::span<const uint64_t> guessed_first_rows);

// Step 2 above: fills this rank's stored rows of `cpu` (a window, or the
// whole table when it is not split, `split` false) up to `summary.cycles`,
// and returns the ecall and io rows of the whole execution (gathered when
// split). Padding rows are the caller's. Collective.
Result<SyscallWitness> replay_own_rows(dist::Communicator& comm, const Program& program,
                                       const ProgramInfo& info, const ExecutionInputs& inputs,
                                       std::span<const Snapshot> snapshots,
                                       const ExecutionSummary& summary, TableTrace& cpu,
                                       bool split);

}  // namespace baobab::zkvm::rv
