// The RV32IM executor (DESIGN §1, §4 item 1): runs a Program on its inputs
// with the Linux-RV32 syscall ABI, in two modes.
//
//  * execute(): fast mode, no trace. Instructions are predecoded once;
//    optionally records a Snapshot every kSnapshotInterval cycles (a constant,
//    never dependent on rank counts) so that trace generation can restart
//    anywhere.
//  * trace_from(): trace mode, from any Snapshot (initial_snapshot() for a
//    straight run): one TraceRow per executed instruction, handed to a sink in
//    batches. Both modes run the same instruction code (one template), and a
//    run restarted from a snapshot produces exactly the rows of a straight
//    run at those cycles (tested).
//
// Every failure (illegal instruction, misaligned access, store into code,
// unknown syscall, buffer outside the address space, cycle limit) is an Error
// whose message reads "execution error at pc 0x... (instruction 0x...):
// reason"; nothing a guest does can crash the host. Policies: docs/zkvm.md.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "src/common/result.h"
#include "zkvm/memory.h"
#include "zkvm/program.h"
#include "zkvm/trace_row.h"

namespace baobab::zkvm {

// Cycles between snapshots (S in DESIGN §4).
inline constexpr uint64_t kSnapshotInterval = uint64_t{1} << 16;
// brk may not grow past this address (nor into a segment above the image).
inline constexpr uint32_t kBrkLimit = 0xc0000000u;

// Syscall numbers of the guest ABI (Linux RV32).
inline constexpr uint32_t kSysRead = 63;
inline constexpr uint32_t kSysWrite = 64;
inline constexpr uint32_t kSysExit = 93;
inline constexpr uint32_t kSysExitGroup = 94;
inline constexpr uint32_t kSysBrk = 214;

// The program break at the entry point and the limit brk never passes
// (docs/zkvm.md); the RV32IM AIR binds both as public inputs.
struct BrkBounds {
  uint32_t initial = 0;
  uint32_t limit = 0;
};
BrkBounds brk_bounds(const Program& program);

struct ExecutionInputs {
  std::vector<uint8_t> public_input;   // fd 3
  std::vector<uint8_t> private_input;  // fd 0
};

struct ExecuteOptions {
  // The run fails when the guest has not exited after this many cycles.
  uint64_t max_cycles = uint64_t{1} << 32;
  // Public plus debug output the guest may write in total.
  uint64_t max_output_bytes = uint64_t{1} << 30;
  bool record_snapshots = false;
  // When set, debug output (fd 2) is passed here as it is written instead of
  // being collected in ExecutionResult::debug_output.
  std::function<void(std::span<const uint8_t>)> debug_sink;
};

// The machine state between two instructions: everything needed to resume.
struct MachineState {
  uint64_t cycle = 0;  // instructions executed so far
  uint32_t pc = 0;
  std::array<uint32_t, 32> regs{};
  uint64_t private_offset = 0;  // bytes of each input consumed by read()
  uint64_t public_offset = 0;
  uint64_t public_output_length = 0;  // bytes written to fd 1 and fd 2 so far
  uint64_t debug_output_length = 0;
  uint32_t brk = 0;

  friend bool operator==(const MachineState&, const MachineState&) = default;
};

// State plus memory. Pages are shared copy-on-write between snapshots and
// with the executor, so a snapshot is cheap and never changes once taken.
struct Snapshot {
  MachineState state;
  std::vector<SnapshotPage> pages;  // resident pages, increasing index
};

struct ExecutionResult {
  uint32_t exit_code = 0;
  uint64_t cycles = 0;  // instructions executed, the exit ecall included
  std::vector<uint8_t> public_output;
  std::vector<uint8_t> debug_output;
  // With record_snapshots: the state at cycles 0, S, 2S, ... below `cycles`.
  std::vector<Snapshot> snapshots;
};

// The state at the entry point: pc = entry, every register 0 (the guest's
// crt0 sets sp), brk = image end rounded up to a page, memory = the image.
Snapshot initial_snapshot(const Program& program);

Result<ExecutionResult> execute(const Program& program, const ExecutionInputs& inputs,
                                const ExecuteOptions& options = {});

// Receives consecutive rows in batches.
using TraceSink = std::function<void(std::span<const TraceRow>)>;

struct TraceResult {
  uint64_t rows = 0;
  bool exited = false;  // the last row is the exit ecall
  uint32_t exit_code = 0;
  MachineState end;  // the state after the last row
};

// Re-executes from `from` in trace mode until the guest exits or `max_rows`
// rows were produced (reaching max_rows is not an error).
Result<TraceResult> trace_from(const Program& program, const Snapshot& from,
                               const ExecutionInputs& inputs, uint64_t max_rows,
                               const TraceSink& sink);

}  // namespace baobab::zkvm
