#include "zkvm/air/cpu_witness.h"

#include <algorithm>
#include <string>

#include "zkvm/air/cpu_row.h"

namespace baobab::zkvm::rv {

namespace {

bool has(const RomEntry& rom, Flag f) {
  return (rom.flags >> f) & 1;
}

}  // namespace

CpuWitness::CpuWitness(const ProgramInfo& info, TableTrace& cpu, MemoryTracker& memory,
                       SyscallWitness& syscalls, uint64_t first_row)
    : cpu_(cpu), memory_(memory), syscalls_(syscalls), next_row_(first_row) {
  rom_.reserve(info.rom.size());
  for (const RomEntry& e : info.rom) rom_.emplace(e.pc, e);
}

void CpuWitness::add(std::span<const TraceRow> rows) {
  // Pass 1, in order: the register and memory replay gives every row its
  // inputs (and does ecall rows whole). Pass 2, in parallel: the rows are
  // written and what they computed is checked against the executor.
  pending_.clear();
  for (const TraceRow& row : rows) {
    if (!status_.ok()) break;
    add_row(row);
  }
  write_pending();
  inverses_.write(cpu_);
}

void CpuWitness::add_row(const TraceRow& row) {
  const auto fail = [&](const std::string& what) {
    status_ = Error{ErrorCode::kInvalidArgument,
                    "cpu witness at cycle " + std::to_string(row.cycle) + ": " + what, "zkvm air"};
  };
  if (next_row_ + 1 >= cpu_.rows()) return fail("more rows than the cpu table holds");
  const auto it = rom_.find(row.pc);
  if (it == rom_.end()) return fail("pc is not in the ROM");
  const RomEntry& e = it->second;
  const uint64_t clk = next_row_;
  CpuRowInputs in;
  in.real = true;
  in.clk = clk;
  in.rom = e;
  const CellState rs1 = memory_.read(register_cell(e.rs1), timestamp(clk, kSlotRs1));
  const CellState rs2 = memory_.read(register_cell(e.rs2), timestamp(clk, kSlotRs2));
  in.rs1 = rs1.value;
  in.rs1_prev_ts = rs1.ts;
  in.rs2 = rs2.value;
  in.rs2_prev_ts = rs2.ts;
  const bool load = has(e, kFLb) || has(e, kFLbu) || has(e, kFLh) || has(e, kFLhu) || has(e, kFLw);
  const bool store = has(e, kFSb) || has(e, kFSh) || has(e, kFSw);
  uint64_t mem_cell = 0;
  if (load || store) {
    mem_cell = effective_address(e, in.rs1) & ~3u;
    const CellState old = memory_.peek(mem_cell);
    in.old_word = old.value;
    in.mem_prev_ts = old.ts;
  }
  const bool ecall = has(e, kFEcall);
  if (ecall) {
    in.is_exit = in.rs1 == kSysExit || in.rs1 == kSysExitGroup;
    if (!in.is_exit) {
      syscalls_.on_ecall(row, memory_);
      in.ecall_result = row.rd_val;
    }
  }
  if (has(e, kFWritesRd)) {
    const CellState prev = memory_.peek(register_cell(e.rd));
    in.rd_prev = prev.value;
    in.rd_prev_ts = prev.ts;
  }
  // The words this row leaves: the row computes them itself; ecall rows
  // (rare, and the exit's rd is the AIR's own) are written now, the others
  // in pass 2 with the executor's values until then, checked there.
  uint32_t new_word = row.mem_after;
  uint32_t rd_value = row.rd_val;
  if (ecall) {
    const CpuRowOutputs out = write_cpu_row(cpu_, next_row_, in, &inverses_);
    new_word = out.new_word;
    rd_value = out.rd_value;
    if (!in.is_exit && has(e, kFWritesRd) && out.rd_value != row.rd_val) {
      return fail("rd value " + std::to_string(out.rd_value) + " differs from the executor's " +
                  std::to_string(row.rd_val));
    }
    if (!in.is_exit && out.next_pc != row.next_pc)
      return fail("next pc differs from the executor's");
  } else {
    pending_.push_back({next_row_, in, &row});
  }
  // The replay records the accesses in slot order (memory 2, rd 3).
  if (load || store) memory_.access(mem_cell, new_word, timestamp(clk, kSlotMemory));
  if (has(e, kFWritesRd)) memory_.access(register_cell(e.rd), rd_value, timestamp(clk, kSlotRd));
  ++next_row_;
}

void CpuWitness::write_pending() {
  // The first mismatch by row, as a sequential pass would report it.
  const auto rows = static_cast<int64_t>(pending_.size());
  int64_t first_bad = rows;
  std::string why;
#pragma omp parallel
  {
    DeferredInverses inverses;
    int64_t bad = rows;
    std::string bad_why;
#pragma omp for schedule(static) nowait
    for (int64_t i = 0; i < rows; ++i) {
      const PendingRow& p = pending_[static_cast<size_t>(i)];
      const RomEntry& e = p.in.rom;
      const CpuRowOutputs out = write_cpu_row(cpu_, p.row, p.in, &inverses);
      const bool memory = has(e, kFLb) || has(e, kFLbu) || has(e, kFLh) || has(e, kFLhu) ||
                          has(e, kFLw) || has(e, kFSb) || has(e, kFSh) || has(e, kFSw);
      std::string problem;
      if (has(e, kFWritesRd) && out.rd_value != p.trace->rd_val) {
        problem = "rd value " + std::to_string(out.rd_value) + " differs from the executor's " +
                  std::to_string(p.trace->rd_val);
      } else if (memory && out.new_word != p.trace->mem_after) {
        problem = "memory word " + std::to_string(out.new_word) + " differs from the executor's " +
                  std::to_string(p.trace->mem_after);
      } else if (out.next_pc != p.trace->next_pc) {
        problem = "next pc differs from the executor's";
      }
      if (!problem.empty() && i < bad) {
        bad = i;
        bad_why = "cpu witness at cycle " + std::to_string(p.trace->cycle) + ": " + problem;
      }
    }
#pragma omp critical(cpu_witness_pending)
    {
      inverses_.append(inverses);
      if (bad < first_bad) {
        first_bad = bad;
        why = bad_why;
      }
    }
  }
  if (first_bad < rows && status_.ok())
    status_ = Error{ErrorCode::kInvalidArgument, why, "zkvm air"};
}

void CpuWitness::pad() {
  pad_cpu_rows(cpu_, next_row_);
}

void pad_cpu_rows(TableTrace& cpu, uint64_t first) {
  const auto pad = [&cpu](uint64_t row) {
    CpuRowInputs in;
    in.clk = row;
    write_cpu_row(cpu, row, in);
  };
  for (uint64_t row = std::max(first, cpu.first); row < cpu.first + cpu.count; ++row) pad(row);
  if (cpu.windowed) {
    const uint64_t next = (cpu.first + cpu.count) & (cpu.rows() - 1);
    if (next >= first) pad(next);
  }
}

}  // namespace baobab::zkvm::rv
