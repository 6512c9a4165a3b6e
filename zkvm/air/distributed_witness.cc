#include "zkvm/air/distributed_witness.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>

#include "zkvm/air/cpu_air.h"
#include "zkvm/air/cpu_witness.h"
#include "zkvm/memory.h"

namespace baobab::zkvm::rv {

namespace {

using field::Fp;

Error internal(const std::string& what) {
  return Error{ErrorCode::kInvalidArgument, "distributed witness: " + what, "prove"};
}

// The cells' latest states over several regions (a cell's state with the
// highest timestamp; registers untouched everywhere keep the first region's).
struct MergedStates {
  std::array<CellState, kNumRegisters> registers{};
  std::unordered_map<uint64_t, CellState> ram;
  bool empty = true;

  void add(const RegionReport& region) {
    for (uint64_t r = 0; r < kNumRegisters; ++r) {
      if (empty || region.registers[r].ts > registers[r].ts) registers[r] = region.registers[r];
    }
    empty = false;
    for (const auto& [cell, state] : region.ram) {
      auto [it, inserted] = ram.try_emplace(cell, state);
      if (!inserted && state.ts > it->second.ts) it->second = state;
    }
  }
};

// A tracker holding the machine's state at `snapshot`: values as the
// snapshot has them, timestamps from `known` (none: all 0), which must
// outlive the tracker.
MemoryTracker resumed_tracker(const Program& program, const Snapshot& snapshot,
                              const ExecutionInputs& inputs, const MergedStates* known) {
  const MachineState& m = snapshot.state;
  std::array<CellState, kNumRegisters> registers{};
  for (uint64_t r = 0; r < 32; ++r) registers[r].value = m.regs[r];
  registers[kRegBrk].value = m.brk;
  registers[kRegPublicRemaining].value =
      static_cast<uint32_t>(inputs.public_input.size() - m.public_offset);
  registers[kRegPrivateRemaining].value =
      static_cast<uint32_t>(inputs.private_input.size() - m.private_offset);
  registers[kRegOutputLength].value = static_cast<uint32_t>(m.public_output_length);
  if (known != nullptr && !known->empty) {
    for (uint64_t r = 0; r < kNumRegisters; ++r) registers[r].ts = known->registers[r].ts;
  }
  auto memory = std::make_shared<Memory>(program, snapshot.pages);
  return MemoryTracker(registers, [memory, known](uint64_t cell) {
    uint64_t ts = 0;
    if (known != nullptr) {
      const auto it = known->ram.find(cell);
      if (it != known->ram.end()) ts = it->second.ts;
    }
    return CellState{memory->load_u32(static_cast<uint32_t>(cell)), ts};
  });
}

Result<const Snapshot*> snapshot_at(std::span<const Snapshot> snapshots, uint64_t cycle) {
  const uint64_t index = cycle / kSnapshotInterval;
  if (cycle % kSnapshotInterval != 0 || index >= snapshots.size() ||
      snapshots[index].state.cycle != cycle) {
    return internal("no executor snapshot at cycle " + std::to_string(cycle));
  }
  return &snapshots[index];
}

// Traces cycles [begin, end) from the snapshot at `begin` through a cpu
// witness writing rows into `cpu` with `tracker` and `syscalls`.
Status replay(const Program& program, const ProgramInfo& info, const ExecutionInputs& inputs,
              const Snapshot& from, uint64_t end, TableTrace& cpu, MemoryTracker& tracker,
              SyscallWitness& syscalls, uint64_t cycles) {
  const uint64_t begin = from.state.cycle;
  CpuWitness witness(info, cpu, tracker, syscalls, begin);
  auto traced = trace_from(program, from, inputs, end - begin,
                           [&witness](std::span<const TraceRow> rows) { witness.add(rows); });
  if (!traced) return traced.error();
  if (Status ok = witness.status(); !ok) return ok;
  if (witness.rows() != end || traced.value().exited != (end == cycles)) {
    return internal("the replay of cycles " + std::to_string(begin) + ".." + std::to_string(end) +
                    " disagrees with the execution");
  }
  return Ok{};
}

// The first rank's error on every rank (the same message for any R), as a
// prove error, else Ok. Collective.
Status first_prove_error(dist::Communicator& comm, const Status& mine) {
  Status first = dist::first_error(comm, mine);
  if (first.ok()) return first;
  return Error{ErrorCode::kInvalidArgument, first.error().to_string(), "prove"};
}

std::vector<uint64_t> encode(const RegionReport& region) {
  std::vector<uint64_t> out{region.ecall_rows, region.io_rows};
  for (const CellState& s : region.registers) out.insert(out.end(), {s.value, s.ts});
  out.push_back(region.ram.size());
  for (const auto& [cell, s] : region.ram) out.insert(out.end(), {cell, s.value, s.ts});
  return out;
}

Result<RegionReport> decode(std::span<const uint8_t> bytes) {
  std::vector<uint64_t> words(bytes.size() / sizeof(uint64_t));
  if (!words.empty()) std::memcpy(words.data(), bytes.data(), words.size() * sizeof(uint64_t));
  const uint64_t fixed = 2 + 2 * kNumRegisters + 1;
  if (words.size() < fixed || (words.size() - fixed) != 3 * words[fixed - 1]) {
    return internal("a region report has the wrong length");
  }
  RegionReport region;
  region.ecall_rows = words[0];
  region.io_rows = words[1];
  for (uint64_t r = 0; r < kNumRegisters; ++r) {
    region.registers[r] = {static_cast<uint32_t>(words[2 + 2 * r]), words[3 + 2 * r]};
  }
  for (uint64_t i = fixed; i < words.size(); i += 3) {
    region.ram.emplace_back(words[i], CellState{static_cast<uint32_t>(words[i + 1]), words[i + 2]});
  }
  return region;
}

std::span<const uint8_t> as_bytes(std::span<const uint64_t> words) {
  return {reinterpret_cast<const uint8_t*>(words.data()), words.size_bytes()};
}

std::span<const uint8_t> as_bytes(std::span<const Fp> values) {
  return {reinterpret_cast<const uint8_t*>(values.data()), values.size_bytes()};
}

std::vector<Fp> to_field(const std::vector<uint8_t>& bytes) {
  std::vector<Fp> values(bytes.size() / sizeof(Fp));
  if (!values.empty()) std::memcpy(values.data(), bytes.data(), values.size() * sizeof(Fp));
  return values;
}

}  // namespace

MemoryTracker tracker_at(const Program& program, const Snapshot& snapshot,
                         const ExecutionInputs& inputs) {
  return resumed_tracker(program, snapshot, inputs, nullptr);
}

std::vector<uint64_t> region_starts(std::span<const uint64_t> guessed_first_rows, uint64_t cycles) {
  std::vector<uint64_t> starts;
  for (const uint64_t first : guessed_first_rows) {
    const uint64_t cycle = std::min(first, cycles == 0 ? 0 : cycles - 1);
    starts.push_back(cycle / kSnapshotInterval * kSnapshotInterval);
  }
  if (!starts.empty()) starts.front() = 0;
  return starts;
}

Result<ExecutionSummary> summarize_regions(dist::Communicator& comm, const Program& program,
                                           const ProgramInfo& info, const ExecutionInputs& inputs,
                                           std::span<const Snapshot> snapshots, uint64_t cycles,
                                           std::span<const uint64_t> guessed_first_rows) {
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto rank = static_cast<uint64_t>(comm.rank());
  BAOBAB_CHECK(guessed_first_rows.size() == ranks, "summarize_regions: one first row per rank");
  std::vector<uint64_t> starts = region_starts(guessed_first_rows, cycles);
  const uint64_t begin = starts[rank];
  const uint64_t end = rank + 1 < ranks ? starts[rank + 1] : cycles;

  // The region's rows are thrown away (its first accesses lack their
  // timestamps): a one-row window of a table tall enough for every cycle.
  RegionReport mine;
  Status status = Ok{};
  auto from = snapshot_at(snapshots, begin);
  if (!from) {
    status = from.error();
  } else {
    MemoryTracker tracker = resumed_tracker(program, *from.value(), inputs, nullptr);
    SyscallWitness syscalls(info, inputs);
    TableTrace scratch = TableTrace::window(log2_ceil(cycles + 1, 1), kNumCpuCols, 0, 0);
    if (end > begin) {
      status =
          replay(program, info, inputs, *from.value(), end, scratch, tracker, syscalls, cycles);
    }
    mine.ecall_rows = syscalls.ecall_rows();
    mine.io_rows = syscalls.io_rows();
    mine.registers = tracker.registers();
    mine.ram.assign(tracker.ram().begin(), tracker.ram().end());
  }
  if (Status ok = first_prove_error(comm, status); !ok) return ok.error();

  const std::vector<uint64_t> encoded = encode(mine);
  MergedStates all;
  std::vector<RegionReport> regions;
  uint64_t ecall_rows = 0;
  uint64_t io_rows = 0;
  for (const auto& bytes : dist::all_gather_strings(comm, as_bytes(encoded))) {
    auto region = decode(bytes);
    if (!region) return region.error();
    all.add(region.value());
    ecall_rows += region.value().ecall_rows;
    io_rows += region.value().io_rows;
    regions.push_back(std::move(region).value());
  }
  // Cells no region touched read back as the image (only fixed_mem asks).
  MemoryTracker final_memory(all.registers, [image = info.image](uint64_t cell) {
    const auto it = std::lower_bound(image.begin(), image.end(), cell,
                                     [](const ImageWord& w, uint64_t c) { return w.cell < c; });
    return CellState{it != image.end() && it->cell == cell ? it->value : 0u, 0};
  });
  for (const auto& [cell, state] : all.ram) final_memory.restore(cell, state);
  return ExecutionSummary{
      cycles, std::move(starts), std::move(regions), std::move(final_memory), ecall_rows, io_rows};
}

Result<SyscallWitness> replay_own_rows(dist::Communicator& comm, const Program& program,
                                       const ProgramInfo& info, const ExecutionInputs& inputs,
                                       std::span<const Snapshot> snapshots,
                                       const ExecutionSummary& summary, TableTrace& cpu,
                                       bool split) {
  const uint64_t cycles = summary.cycles;
  const uint64_t first = cpu.windowed ? cpu.first : 0;
  const uint64_t count = cpu.windowed ? cpu.count : cpu.rows();
  SyscallWitness syscalls(info, inputs);
  syscalls.record_only(first, std::min(first + count, cycles));
  Status status = Ok{};
  if (first < cycles) {
    // The last region starting at or below `first`; the regions before it
    // give the timestamps.
    const auto& starts = summary.region_starts;
    const uint64_t q = static_cast<uint64_t>(std::upper_bound(starts.begin(), starts.end(), first) -
                                             starts.begin() - 1);
    MergedStates before;
    for (uint64_t i = 0; i < q; ++i) before.add(summary.regions[i]);
    auto from = snapshot_at(snapshots, starts[q]);
    if (!from) {
      status = from.error();
    } else {
      MemoryTracker tracker = resumed_tracker(program, *from.value(), inputs, &before);
      status = replay(program, info, inputs, *from.value(), std::min(first + count + 1, cycles),
                      cpu, tracker, syscalls, cycles);
    }
  }
  // The row after a window that ends the table is row 0.
  if (status.ok() && cpu.windowed && first > 0 && first + count == cpu.rows()) {
    MemoryTracker tracker = resumed_tracker(program, snapshots.front(), inputs, nullptr);
    SyscallWitness unrecorded(info, inputs);
    unrecorded.record_only(0, 0);
    status = replay(program, info, inputs, snapshots.front(), 1, cpu, tracker, unrecorded, cycles);
  }
  if (Status ok = first_prove_error(comm, status); !ok) return ok.error();

  const auto checked = [&summary](SyscallWitness all) -> Result<SyscallWitness> {
    if (all.ecall_rows() != summary.ecall_rows || all.io_rows() != summary.io_rows) {
      return internal("the ranks' ecall and io rows disagree with the regions' counts");
    }
    return all;
  };
  if (!split) return checked(std::move(syscalls));
  const auto ecall = dist::all_gather_strings(comm, as_bytes(std::span(syscalls.ecall_data())));
  const auto io = dist::all_gather_strings(comm, as_bytes(std::span(syscalls.io_data())));
  SyscallWitness whole(info, inputs);
  for (uint64_t r = 0; r < ecall.size(); ++r) whole.append(to_field(ecall[r]), to_field(io[r]));
  return checked(std::move(whole));
}

}  // namespace baobab::zkvm::rv
