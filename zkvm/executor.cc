#include "zkvm/executor.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>

#include "zkvm/decoder.h"

namespace baobab::zkvm {

static_assert(std::endian::native == std::endian::little,
              "guest memory is accessed with host loads: little-endian hosts only");

namespace {

constexpr size_t kRowBatch = 4096;
constexpr uint64_t kMaxCodeSpan = uint64_t{64} << 20;  // bytes of predecoded code

std::string hex(uint64_t value) {
  char buffer[24];
  std::snprintf(buffer, sizeof(buffer), "0x%llx", static_cast<unsigned long long>(value));
  return buffer;
}

Error execution_error(uint32_t pc, uint32_t instruction, const std::string& reason) {
  char head[96];
  std::snprintf(head, sizeof(head), "execution error at pc 0x%08x (instruction 0x%08x): ", pc,
                instruction);
  return Error{ErrorCode::kMalformedInput, head + reason, ""};
}

// The executable segments predecoded once: entry i describes the word at
// base + 4 i. Slots outside every executable segment are kNotCode.
struct Code {
  uint32_t base = 0;
  std::vector<Decoded> decoded;
  std::vector<uint32_t> words;
};

Result<Code> build_code(const Program& program) {
  uint64_t lo = std::numeric_limits<uint64_t>::max();
  uint64_t hi = 0;
  for (const Segment& s : program.segments) {
    if (!s.executable()) continue;
    lo = std::min<uint64_t>(lo, s.vaddr & ~3u);
    hi = std::max<uint64_t>(hi, (s.end() + 3) & ~uint64_t{3});
  }
  if (hi <= lo) {
    return Error{ErrorCode::kMalformedInput, "the program has no executable segment", "program"};
  }
  if (hi - lo > kMaxCodeSpan) {
    return Error{ErrorCode::kResourceLimit,
                 "executable segments span " + std::to_string(hi - lo) +
                     " bytes; at most 64 MiB are supported",
                 "program"};
  }
  Code code;
  code.base = static_cast<uint32_t>(lo);
  const size_t count = static_cast<size_t>((hi - lo) / 4);
  code.decoded.assign(count, Decoded{Opcode::kNotCode, 0, 0, 0, 0});
  code.words.assign(count, 0);
  for (const Segment& s : program.segments) {
    if (!s.executable()) continue;
    const uint64_t first = (uint64_t{s.vaddr} + 3) & ~uint64_t{3};
    for (uint64_t addr = first; addr + 4 <= s.end(); addr += 4) {
      uint32_t word = 0;
      for (uint64_t b = 0; b < 4; ++b) {
        const uint64_t at = addr + b - s.vaddr;
        if (at < s.data.size()) word |= uint32_t{s.data[at]} << (8 * b);
      }
      const size_t index = static_cast<size_t>((addr - lo) / 4);
      code.words[index] = word;
      code.decoded[index] = decode(word);
    }
  }
  return code;
}

enum class Stop { kLimit, kExit, kFault };
enum class SyscallOutcome { kContinue, kExit, kFault };

// Trace rows on their way to the sink, in batches.
class RowBuffer {
 public:
  explicit RowBuffer(const TraceSink& sink) : sink_(sink) { rows_.reserve(kRowBatch); }
  void push(const TraceRow& row) {
    rows_.push_back(row);
    if (rows_.size() == kRowBatch) flush();
  }
  void flush() {
    if (!rows_.empty() && sink_) sink_(rows_);
    rows_.clear();
  }

 private:
  const TraceSink& sink_;
  std::vector<TraceRow> rows_;
};

struct Outputs {
  std::vector<uint8_t>* public_output = nullptr;  // null: count only
  std::vector<uint8_t>* debug_output = nullptr;
  const std::function<void(std::span<const uint8_t>)>* debug_sink = nullptr;
  uint64_t max_bytes = std::numeric_limits<uint64_t>::max();
};

class Machine {
 public:
  Machine(const Program& program, const Code& code, const ExecutionInputs& inputs, Outputs outputs)
      : code_(code), memory_(program), inputs_(inputs), outputs_(outputs) {
    state_.pc = program.entry;
    init_brk(program);
    state_.brk = initial_brk_;
  }
  Machine(const Program& program, const Code& code, const Snapshot& from,
          const ExecutionInputs& inputs, Outputs outputs)
      : code_(code), memory_(program, from.pages), inputs_(inputs), outputs_(outputs) {
    state_ = from.state;
    init_brk(program);
  }

  const MachineState& state() const { return state_; }
  uint32_t exit_code() const { return exit_code_; }
  const Error& fault() const { return fault_; }
  Snapshot snapshot() { return Snapshot{state_, memory_.snapshot_pages()}; }

  template <bool kTrace>
  Stop run(uint64_t stop_cycle, RowBuffer* rows);

 private:
  void init_brk(const Program& program) {
    const BrkBounds bounds = brk_bounds(program);
    initial_brk_ = bounds.initial;
    brk_limit_ = bounds.limit;
  }
  SyscallOutcome syscall(TraceRow* row);
  SyscallOutcome sys_read(TraceRow* row);
  SyscallOutcome sys_write(TraceRow* row);
  SyscallOutcome syscall_fault(std::string reason) {
    fault_reason_ = std::move(reason);
    return SyscallOutcome::kFault;
  }

  const Code& code_;
  Memory memory_;
  const ExecutionInputs& inputs_;
  Outputs outputs_;
  MachineState state_;
  uint32_t initial_brk_ = 0;
  uint32_t brk_limit_ = 0;
  uint32_t exit_code_ = 0;
  std::string fault_reason_;
  Error fault_;
};

}  // namespace

BrkBounds brk_bounds(const Program& program) {
  BrkBounds b;
  b.initial = static_cast<uint32_t>(std::min<uint64_t>(program.image_end(), 0xfffff000u));
  b.limit = std::max(b.initial, kBrkLimit);
  for (const Segment& s : program.segments) {
    if (s.vaddr >= b.initial) b.limit = std::min(b.limit, s.vaddr);
  }
  return b;
}

namespace {

SyscallOutcome Machine::syscall(TraceRow* row) {
  uint32_t* x = state_.regs.data();
  const uint32_t number = x[17];
  switch (number) {
    case kSysExit:
    case kSysExitGroup:
      exit_code_ = x[10];
      return SyscallOutcome::kExit;
    case kSysRead:
      return sys_read(row);
    case kSysWrite:
      return sys_write(row);
    case kSysBrk: {
      // Linux semantics: a request below the initial break (brk(0)) or above
      // the limit leaves the break unchanged; the call returns the break.
      const uint32_t request = x[10];
      if (request >= initial_brk_ && request <= brk_limit_) state_.brk = request;
      x[10] = state_.brk;
      return SyscallOutcome::kContinue;
    }
    default:
      return syscall_fault("unsupported syscall " + std::to_string(number) +
                           " (a7); supported: read 63, write 64, exit 93, exit_group 94, brk 214");
  }
}

SyscallOutcome Machine::sys_read(TraceRow* row) {
  uint32_t* x = state_.regs.data();
  const uint32_t fd = x[10];
  const uint32_t buffer = x[11];
  const uint32_t count = x[12];
  if (fd != 0 && fd != 3) {
    return syscall_fault("read from fd " + std::to_string(fd) +
                         " (only 0 = private input and 3 = public input)");
  }
  const std::vector<uint8_t>& input = fd == 0 ? inputs_.private_input : inputs_.public_input;
  uint64_t& offset = fd == 0 ? state_.private_offset : state_.public_offset;
  const uint64_t left = input.size() - std::min<uint64_t>(offset, input.size());
  const auto n = static_cast<uint32_t>(std::min<uint64_t>(count, left));
  if (uint64_t{buffer} + n > (uint64_t{1} << 32)) {
    return syscall_fault("read() buffer [" + hex(buffer) + ", " + hex(uint64_t{buffer} + n) +
                         ") lies outside the 32-bit address space");
  }
  if (row != nullptr) {
    row->io_offset = static_cast<uint32_t>(offset);
    row->io_length = n;
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (!memory_.store_u8(buffer + i, input[offset + i])) {
      return syscall_fault("read() into the executable segment at " + hex(buffer + i));
    }
  }
  offset += n;
  x[10] = n;
  return SyscallOutcome::kContinue;
}

SyscallOutcome Machine::sys_write(TraceRow* row) {
  uint32_t* x = state_.regs.data();
  const uint32_t fd = x[10];
  const uint32_t buffer = x[11];
  const uint32_t count = x[12];
  if (fd != 1 && fd != 2) {
    return syscall_fault("write to fd " + std::to_string(fd) +
                         " (only 1 = public output and 2 = debug log)");
  }
  if (uint64_t{buffer} + count > (uint64_t{1} << 32)) {
    return syscall_fault("write() buffer [" + hex(buffer) + ", " + hex(uint64_t{buffer} + count) +
                         ") lies outside the 32-bit address space");
  }
  if (state_.public_output_length + state_.debug_output_length + count > outputs_.max_bytes) {
    return syscall_fault("output limit of " + std::to_string(outputs_.max_bytes) +
                         " bytes exceeded");
  }
  uint64_t& length = fd == 1 ? state_.public_output_length : state_.debug_output_length;
  if (row != nullptr) {
    row->io_offset = static_cast<uint32_t>(length);
    row->io_length = count;
  }
  std::vector<uint8_t>* out = fd == 1 ? outputs_.public_output : outputs_.debug_output;
  const bool to_sink = fd == 2 && outputs_.debug_sink != nullptr && *outputs_.debug_sink;
  if (out != nullptr || to_sink) {
    uint64_t addr = buffer;
    const uint64_t end = uint64_t{buffer} + count;
    while (addr < end) {
      const auto a = static_cast<uint32_t>(addr);
      const uint32_t offset = a & (kPageSize - 1);
      const auto chunk = static_cast<uint32_t>(std::min<uint64_t>(kPageSize - offset, end - addr));
      const uint8_t* page = memory_.read_page(a);
      if (to_sink) {
        (*outputs_.debug_sink)(std::span<const uint8_t>(page + offset, chunk));
      } else {
        out->insert(out->end(), page + offset, page + offset + chunk);
      }
      addr += chunk;
    }
  }
  length += count;
  x[10] = count;
  return SyscallOutcome::kContinue;
}

#define BAOBAB_ZKVM_FAULT(reason)                               \
  do {                                                          \
    fault_ = execution_error(pc, code_.words[index], (reason)); \
    state_.pc = pc;                                             \
    state_.cycle = cycle;                                       \
    return Stop::kFault;                                        \
  } while (false)

template <bool kTrace>
Stop Machine::run(uint64_t stop_cycle, RowBuffer* rows) {
  uint32_t* const x = state_.regs.data();
  const Decoded* const code = code_.decoded.data();
  const uint32_t base = code_.base;
  const auto words = static_cast<uint32_t>(code_.decoded.size());
  uint32_t pc = state_.pc;
  uint64_t cycle = state_.cycle;
  bool exited = false;
  [[maybe_unused]] auto trace_word = [&](TraceRow& row, uint32_t addr) {
    row.mem_addr = addr;
    row.mem_before = memory_.load_u32(addr & ~3u);
    row.mem_after = row.mem_before;
  };
  while (cycle < stop_cycle) {
    const uint32_t index = (pc - base) >> 2;
    if (index >= words) [[unlikely]] {
      fault_ = execution_error(pc, 0, "pc " + hex(pc) + " is outside the executable segments");
      state_.pc = pc;
      state_.cycle = cycle;
      return Stop::kFault;
    }
    const Decoded d = code[index];
    uint32_t next = pc + 4;
    [[maybe_unused]] TraceRow row;
    if constexpr (kTrace) {
      row.cycle = cycle;
      row.pc = pc;
      row.instruction = code_.words[index];
      row.op = d.op;
      row.rd = d.rd;
      row.rs1 = d.rs1;
      row.rs2 = d.rs2;
      row.rs1_val = x[d.rs1];
      row.rs2_val = x[d.rs2];
      row.imm = d.imm;
    }
    const uint32_t a = x[d.rs1];
    const uint32_t b = x[d.rs2];
    switch (d.op) {
      case Opcode::kLui:
        x[d.rd] = d.imm;
        break;
      case Opcode::kAuipc:
        x[d.rd] = pc + d.imm;
        break;
      case Opcode::kJal: {
        const uint32_t target = pc + d.imm;
        if (target & 3) BAOBAB_ZKVM_FAULT("jump target " + hex(target) + " is not 4-byte aligned");
        x[d.rd] = pc + 4;
        next = target;
        break;
      }
      case Opcode::kJalr: {
        const uint32_t target = (a + d.imm) & ~1u;
        if (target & 3) BAOBAB_ZKVM_FAULT("jump target " + hex(target) + " is not 4-byte aligned");
        x[d.rd] = pc + 4;
        next = target;
        break;
      }
#define BAOBAB_ZKVM_BRANCH(opcode, condition)                                                   \
  case Opcode::opcode:                                                                          \
    if (condition) {                                                                            \
      next = pc + d.imm;                                                                        \
      if (next & 3) BAOBAB_ZKVM_FAULT("branch target " + hex(next) + " is not 4-byte aligned"); \
    }                                                                                           \
    break;
        BAOBAB_ZKVM_BRANCH(kBeq, a == b)
        BAOBAB_ZKVM_BRANCH(kBne, a != b)
        BAOBAB_ZKVM_BRANCH(kBlt, static_cast<int32_t>(a) < static_cast<int32_t>(b))
        BAOBAB_ZKVM_BRANCH(kBge, static_cast<int32_t>(a) >= static_cast<int32_t>(b))
        BAOBAB_ZKVM_BRANCH(kBltu, a < b)
        BAOBAB_ZKVM_BRANCH(kBgeu, a >= b)
#undef BAOBAB_ZKVM_BRANCH
      case Opcode::kLb:
      case Opcode::kLbu: {
        const uint32_t addr = a + d.imm;
        if constexpr (kTrace) trace_word(row, addr);
        const uint8_t v = memory_.load_u8(addr);
        x[d.rd] = d.op == Opcode::kLb ? static_cast<uint32_t>(static_cast<int8_t>(v)) : v;
        break;
      }
      case Opcode::kLh:
      case Opcode::kLhu: {
        const uint32_t addr = a + d.imm;
        if (addr & 1) BAOBAB_ZKVM_FAULT("misaligned 2-byte load from " + hex(addr));
        if constexpr (kTrace) trace_word(row, addr);
        uint16_t v;
        std::memcpy(&v, memory_.read_page(addr) + (addr & (kPageSize - 1)), 2);
        x[d.rd] = d.op == Opcode::kLh ? static_cast<uint32_t>(static_cast<int16_t>(v)) : v;
        break;
      }
      case Opcode::kLw: {
        const uint32_t addr = a + d.imm;
        if (addr & 3) BAOBAB_ZKVM_FAULT("misaligned 4-byte load from " + hex(addr));
        if constexpr (kTrace) trace_word(row, addr);
        std::memcpy(&x[d.rd], memory_.read_page(addr) + (addr & (kPageSize - 1)), 4);
        break;
      }
      case Opcode::kSb:
      case Opcode::kSh:
      case Opcode::kSw: {
        const uint32_t addr = a + d.imm;
        const uint32_t width = d.op == Opcode::kSb ? 1 : d.op == Opcode::kSh ? 2 : 4;
        if (addr & (width - 1)) {
          BAOBAB_ZKVM_FAULT("misaligned " + std::to_string(width) + "-byte store to " + hex(addr));
        }
        uint8_t* page = memory_.write_page(addr, width);
        if (page == nullptr) {
          BAOBAB_ZKVM_FAULT("store to " + hex(addr) + " inside an executable segment");
        }
        if constexpr (kTrace) trace_word(row, addr);
        std::memcpy(page + (addr & (kPageSize - 1)), &b, width);
        if constexpr (kTrace) row.mem_after = memory_.load_u32(addr & ~3u);
        break;
      }
      case Opcode::kAddi:
        x[d.rd] = a + d.imm;
        break;
      case Opcode::kSlti:
        x[d.rd] = static_cast<int32_t>(a) < static_cast<int32_t>(d.imm) ? 1 : 0;
        break;
      case Opcode::kSltiu:
        x[d.rd] = a < d.imm ? 1 : 0;
        break;
      case Opcode::kXori:
        x[d.rd] = a ^ d.imm;
        break;
      case Opcode::kOri:
        x[d.rd] = a | d.imm;
        break;
      case Opcode::kAndi:
        x[d.rd] = a & d.imm;
        break;
      case Opcode::kSlli:
        x[d.rd] = a << d.imm;
        break;
      case Opcode::kSrli:
        x[d.rd] = a >> d.imm;
        break;
      case Opcode::kSrai:
        x[d.rd] = static_cast<uint32_t>(static_cast<int32_t>(a) >> d.imm);
        break;
      case Opcode::kAdd:
        x[d.rd] = a + b;
        break;
      case Opcode::kSub:
        x[d.rd] = a - b;
        break;
      case Opcode::kSll:
        x[d.rd] = a << (b & 31);
        break;
      case Opcode::kSlt:
        x[d.rd] = static_cast<int32_t>(a) < static_cast<int32_t>(b) ? 1 : 0;
        break;
      case Opcode::kSltu:
        x[d.rd] = a < b ? 1 : 0;
        break;
      case Opcode::kXor:
        x[d.rd] = a ^ b;
        break;
      case Opcode::kSrl:
        x[d.rd] = a >> (b & 31);
        break;
      case Opcode::kSra:
        x[d.rd] = static_cast<uint32_t>(static_cast<int32_t>(a) >> (b & 31));
        break;
      case Opcode::kOr:
        x[d.rd] = a | b;
        break;
      case Opcode::kAnd:
        x[d.rd] = a & b;
        break;
      case Opcode::kMul:
        x[d.rd] = a * b;
        break;
      case Opcode::kMulh:
        x[d.rd] = static_cast<uint32_t>(
            (int64_t{static_cast<int32_t>(a)} * int64_t{static_cast<int32_t>(b)}) >> 32);
        break;
      case Opcode::kMulhsu:
        x[d.rd] = static_cast<uint32_t>((int64_t{static_cast<int32_t>(a)} * int64_t{b}) >> 32);
        break;
      case Opcode::kMulhu:
        x[d.rd] = static_cast<uint32_t>((uint64_t{a} * uint64_t{b}) >> 32);
        break;
      case Opcode::kDiv: {
        const auto sa = static_cast<int32_t>(a);
        const auto sb = static_cast<int32_t>(b);
        if (sb == 0) {
          x[d.rd] = ~0u;
        } else if (sa == std::numeric_limits<int32_t>::min() && sb == -1) {
          x[d.rd] = a;
        } else {
          x[d.rd] = static_cast<uint32_t>(sa / sb);
        }
        break;
      }
      case Opcode::kDivu:
        x[d.rd] = b == 0 ? ~0u : a / b;
        break;
      case Opcode::kRem: {
        const auto sa = static_cast<int32_t>(a);
        const auto sb = static_cast<int32_t>(b);
        if (sb == 0) {
          x[d.rd] = a;
        } else if (sa == std::numeric_limits<int32_t>::min() && sb == -1) {
          x[d.rd] = 0;
        } else {
          x[d.rd] = static_cast<uint32_t>(sa % sb);
        }
        break;
      }
      case Opcode::kRemu:
        x[d.rd] = b == 0 ? a : a % b;
        break;
      case Opcode::kFence:
        break;
      case Opcode::kEcall: {
        if constexpr (kTrace) {
          row.rs1 = 17;
          row.rs1_val = x[17];
          row.rs2 = 10;
          row.rs2_val = x[10];
          row.arg1 = x[11];
          row.arg2 = x[12];
        }
        TraceRow* row_ptr = nullptr;
        if constexpr (kTrace) row_ptr = &row;
        const SyscallOutcome outcome = syscall(row_ptr);
        if (outcome == SyscallOutcome::kFault) BAOBAB_ZKVM_FAULT(fault_reason_);
        if (outcome == SyscallOutcome::kExit) {
          exited = true;
        } else if constexpr (kTrace) {
          row.rd = 10;
        }
        break;
      }
      case Opcode::kEbreak:
        BAOBAB_ZKVM_FAULT("ebreak is not supported (no debugger in the zkVM)");
      case Opcode::kCsr:
        BAOBAB_ZKVM_FAULT("CSR instructions (Zicsr) are not part of RV32IM");
      case Opcode::kNotCode:
        BAOBAB_ZKVM_FAULT("pc " + hex(pc) + " is outside the executable segments");
      case Opcode::kIllegal:
      default:
        BAOBAB_ZKVM_FAULT("illegal instruction (not RV32IM)");
    }
    x[0] = 0;
    if constexpr (kTrace) {
      row.next_pc = next;
      row.rd_val = x[row.rd];
      rows->push(row);
    }
    pc = next;
    ++cycle;
    if (exited) break;
  }
  state_.pc = pc;
  state_.cycle = cycle;
  return exited ? Stop::kExit : Stop::kLimit;
}

#undef BAOBAB_ZKVM_FAULT

}  // namespace

Snapshot initial_snapshot(const Program& program) {
  static const Code kNoCode;
  const ExecutionInputs no_inputs;
  Machine machine(program, kNoCode, no_inputs, Outputs{});
  return machine.snapshot();
}

Result<ExecutionResult> execute(const Program& program, const ExecutionInputs& inputs,
                                const ExecuteOptions& options) {
  auto code = build_code(program);
  if (!code) return code.error();
  ExecutionResult result;
  Outputs outputs;
  outputs.public_output = &result.public_output;
  outputs.debug_output = options.debug_sink ? nullptr : &result.debug_output;
  outputs.debug_sink = options.debug_sink ? &options.debug_sink : nullptr;
  outputs.max_bytes = options.max_output_bytes;
  Machine machine(program, code.value(), inputs, outputs);
  const uint64_t limit = options.max_cycles;
  for (;;) {
    uint64_t stop = limit;
    if (options.record_snapshots) {
      result.snapshots.push_back(machine.snapshot());
      stop = std::min(limit, machine.state().cycle + kSnapshotInterval);
    }
    const Stop outcome = machine.run<false>(stop, nullptr);
    if (outcome == Stop::kExit) break;
    if (outcome == Stop::kFault) return machine.fault();
    if (machine.state().cycle >= limit) {
      const uint32_t pc = machine.state().pc;
      const Code& c = code.value();
      const uint64_t index = (uint64_t{pc} - c.base) / 4;
      const uint32_t word = pc >= c.base && index < c.words.size() ? c.words[index] : 0;
      return execution_error(
          pc, word,
          "cycle limit of " + std::to_string(limit) + " cycles reached before the guest exited");
    }
  }
  result.exit_code = machine.exit_code();
  result.cycles = machine.state().cycle;
  return result;
}

Result<TraceResult> trace_from(const Program& program, const Snapshot& from,
                               const ExecutionInputs& inputs, uint64_t max_rows,
                               const TraceSink& sink) {
  if (from.state.private_offset > inputs.private_input.size() ||
      from.state.public_offset > inputs.public_input.size()) {
    return Error{ErrorCode::kInvalidArgument, "the snapshot has read past the given inputs",
                 "trace"};
  }
  auto code = build_code(program);
  if (!code) return code.error();
  Machine machine(program, code.value(), from, inputs, Outputs{});
  RowBuffer rows(sink);
  const uint64_t start = from.state.cycle;
  const uint64_t stop =
      max_rows > std::numeric_limits<uint64_t>::max() - start ? ~uint64_t{0} : start + max_rows;
  const Stop outcome = machine.run<true>(stop, &rows);
  rows.flush();
  if (outcome == Stop::kFault) return machine.fault();
  TraceResult result;
  result.rows = machine.state().cycle - start;
  result.exited = outcome == Stop::kExit;
  result.exit_code = machine.exit_code();
  result.end = machine.state();
  return result;
}

}  // namespace baobab::zkvm
