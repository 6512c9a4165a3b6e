#include "zkvm/air/syscall_witness.h"

#include <algorithm>

#include "src/common/check.h"

namespace baobab::zkvm::rv {

namespace {

using field::Fp;
constexpr uint64_t kLimb = uint64_t{1} << 16;

Fp fp(uint64_t v) {
  return Fp::from_u64(v);
}

// Appends one zero row of `cols` columns; returns its first element.
Fp* add_row(std::vector<Fp>& rows, uint64_t cols) {
  rows.resize(rows.size() + cols, Fp::zero());
  return rows.data() + rows.size() - cols;
}

// Writers for one row: plain values, 16-bit limb pairs and the (prev_ts,
// d_lo, d_hi) triple of an access at `ts`.
struct RowWriter {
  Fp* row;
  uint64_t ts;
  void set(uint64_t col, uint64_t v) const { row[col] = fp(v); }
  void word(uint64_t lo, uint64_t v) const {
    set(lo, v % kLimb);
    set(lo + 1, v / kLimb);
  }
  void access(uint64_t prev_col, uint64_t prev_ts) const {
    BAOBAB_CHECK(prev_ts < ts, "syscall witness: access out of timestamp order");
    set(prev_col, prev_ts);
    word(prev_col + 1, ts - prev_ts - 1);
  }
};

TableTrace to_trace(const std::vector<Fp>& rows, uint64_t cols, int log_rows) {
  TableTrace t(log_rows, cols);
  const uint64_t n = rows.size() / cols;
  BAOBAB_CHECK(n <= t.rows(), "syscall witness: table too short for its rows");
  for (uint64_t r = 0; r < n; ++r) {
    for (uint64_t c = 0; c < cols; ++c) t.at(r, c) = rows[r * cols + c];
  }
  return t;
}

}  // namespace

SyscallWitness::SyscallWitness(const ProgramInfo& info, const ExecutionInputs& inputs)
    : initial_brk_(info.initial_brk), brk_limit_(info.brk_limit), inputs_(inputs) {}

void SyscallWitness::on_ecall(const TraceRow& row, MemoryTracker& memory) {
  const uint64_t ecall_size = ecall_.size();
  const uint64_t io_size = io_.size();
  add_ecall(row, memory);
  if (row.cycle < record_first_ || row.cycle >= record_end_) {
    ecall_.resize(ecall_size);
    io_.resize(io_size);
  }
}

void SyscallWitness::append(std::span<const Fp> ecall, std::span<const Fp> io) {
  BAOBAB_CHECK(ecall.size() % EcallAir::kNumMain == 0 && io.size() % IoAir::kNumMain == 0,
               "syscall witness: appended rows are not whole rows");
  ecall_.insert(ecall_.end(), ecall.begin(), ecall.end());
  io_.insert(io_.end(), io.begin(), io.end());
}

void SyscallWitness::add_ecall(const TraceRow& row, MemoryTracker& memory) {
  using E = EcallAir;
  const uint64_t ts = timestamp(row.cycle, kSlotMemory);
  const RowWriter w{add_row(ecall_, E::kNumMain), ts};
  const uint32_t a7 = row.rs1_val, a0 = row.rs2_val, a1 = row.arg1, a2 = row.arg2;
  const uint32_t ret = row.rd_val;
  w.set(E::kReal, 1);
  w.set(E::kClk, row.cycle);
  w.set(E::kA7, a7);
  w.word(E::kA0Lo, a0);
  w.word(E::kRetLo, ret);
  const CellState s1 = memory.read(register_cell(11), ts);
  const CellState s2 = memory.read(register_cell(12), ts);
  BAOBAB_CHECK(s1.value == a1 && s2.value == a2, "syscall witness: a1/a2 differ from memory");
  w.word(E::kA1Lo, a1);
  w.access(E::kA1PrevTs, s1.ts);
  w.word(E::kA2Lo, a2);
  w.access(E::kA2PrevTs, s2.ts);

  uint64_t sel = 0;
  uint64_t reg = 0;
  if (a7 == E::kRead && a0 == E::kFdPublicIn) {
    sel = E::kSReadPub;
    reg = kRegPublicRemaining;
  } else if (a7 == E::kRead && a0 == E::kFdPrivateIn) {
    sel = E::kSReadPriv;
    reg = kRegPrivateRemaining;
  } else if (a7 == E::kWrite && a0 == E::kFdPublicOut) {
    sel = E::kSWritePub;
    reg = kRegOutputLength;
  } else if (a7 == E::kWrite && a0 == E::kFdDebug) {
    sel = E::kSWriteDbg;
  } else {
    BAOBAB_CHECK(a7 == E::kBrk, "syscall witness: unsupported syscall");
    sel = E::kSBrk;
    reg = kRegBrk;
  }
  w.set(sel, 1);

  const bool has_state = sel != E::kSWriteDbg;
  const uint32_t old = has_state ? memory.peek(register_cell(reg)).value : 0;
  uint32_t neu = old;
  uint64_t n = 0;  // bytes moved (reads and public writes)
  if (sel == E::kSReadPub || sel == E::kSReadPriv) {
    n = std::min(a2, old);
    BAOBAB_CHECK(ret == n && row.io_length == n, "syscall witness: read length");
    const bool lt = old < a2;
    w.set(E::kLtA, lt);
    w.word(E::kCmpALo, lt ? a2 - old - 1 : old - a2);
    neu = old - static_cast<uint32_t>(n);
    const uint64_t total =
        sel == E::kSReadPub ? inputs_.public_input.size() : inputs_.private_input.size();
    BAOBAB_CHECK(row.io_offset + uint64_t{old} == total, "syscall witness: input offset");
    w.set(E::kOffset, row.io_offset);
  } else if (sel == E::kSWritePub || sel == E::kSWriteDbg) {
    BAOBAB_CHECK(ret == a2, "syscall witness: write result");
    if (sel == E::kSWritePub) {
      n = a2;
      BAOBAB_CHECK(row.io_offset == old && uint64_t{old} + a2 < kRegisterCellBase,
                   "syscall witness: output length");
      neu = old + a2;
      w.set(E::kOffset, old);
    }
  } else {
    const bool lt_a = a0 < initial_brk_;
    const bool lt_b = a0 > brk_limit_;
    w.set(E::kLtA, lt_a);
    w.word(E::kCmpALo, lt_a ? initial_brk_ - a0 - 1 : a0 - initial_brk_);
    w.set(E::kLtB, lt_b);
    w.word(E::kCmpBLo, lt_b ? a0 - brk_limit_ - 1 : brk_limit_ - a0);
    const bool valid = !lt_a && !lt_b;
    w.set(E::kValid, valid);
    neu = valid ? a0 : old;
    BAOBAB_CHECK(ret == neu, "syscall witness: brk result");
  }
  if (has_state) {
    const CellState st = memory.access(register_cell(reg), neu, ts);
    w.word(E::kOldLo, old);
    w.word(E::kNewLo, neu);
    w.access(E::kStPrevTs, st.ts);
  }
  if (n > 0) {
    BAOBAB_CHECK(uint64_t{a1} + n <= kRegisterCellBase, "syscall witness: buffer past 2^32");
    w.set(E::kHasIo, 1);
    w.word(E::kCmpBLo, kRegisterCellBase - a1 - n);
    const uint64_t kind = sel == E::kSReadPub    ? IoAir::kKIn
                          : sel == E::kSReadPriv ? IoAir::kKPriv
                                                 : IoAir::kKOut;
    add_io_rows(row, kind, sel == E::kSWritePub ? old : row.io_offset, n, memory);
  }
}

void SyscallWitness::add_io_rows(const TraceRow& row, uint64_t kind_col, uint64_t stream_offset,
                                 uint64_t n, MemoryTracker& memory) {
  using I = IoAir;
  const uint64_t ts = timestamp(row.cycle, kSlotMemory);
  const uint64_t buf = row.arg1;
  const uint64_t end = buf + n;
  const uint64_t first_cell = buf & ~uint64_t{3};
  const uint64_t last_cell = (end - 1) & ~uint64_t{3};
  const std::vector<uint8_t>* input = kind_col == I::kKIn     ? &inputs_.public_input
                                      : kind_col == I::kKPriv ? &inputs_.private_input
                                                              : nullptr;
  uint64_t cnt = 0;
  for (uint64_t cell = first_cell; cell <= last_cell; cell += 4) {
    const RowWriter w{add_row(io_, I::kNumMain), ts};
    w.set(I::kReal, 1);
    w.set(I::kFirst, cell == first_cell);
    w.set(I::kLast, cell == last_cell);
    w.set(I::kClk, row.cycle);
    w.set(kind_col, 1);
    w.set(I::kBuf, buf);
    w.set(I::kN, n);
    // Stream offset of byte 0: below the first byte's, possibly "negative".
    w.row[I::kSo] = fp(stream_offset + cell) - fp(buf);
    w.set(I::kCell, cell);
    const uint32_t old = memory.peek(cell).value;
    uint32_t neu = old;
    for (uint64_t k = 0; k < 4; ++k) {
      const uint64_t addr = cell + k;
      if (addr < buf || addr >= end) continue;
      w.set(I::kE0 + k, 1);
      ++cnt;
      if (input != nullptr) {
        const uint32_t byte = input->at(stream_offset + addr - buf);
        const uint32_t shift = static_cast<uint32_t>(8 * k);
        neu = (neu & ~(0xffu << shift)) | (byte << shift);
      }
    }
    w.set(I::kCnt, cnt);
    for (uint64_t k = 0; k < 4; ++k) {
      w.set(I::kO0 + k, (old >> (8 * k)) & 0xff);
      w.set(I::kN0 + k, (neu >> (8 * k)) & 0xff);
    }
    w.access(I::kPrevTs, memory.access(cell, neu, ts).ts);
  }
  BAOBAB_CHECK(cnt == n, "syscall witness: io byte count");
}

TableTrace SyscallWitness::ecall_trace(int log_rows) const {
  return to_trace(ecall_, EcallAir::kNumMain, log_rows);
}

TableTrace SyscallWitness::io_trace(int log_rows) const {
  return to_trace(io_, IoAir::kNumMain, log_rows);
}

}  // namespace baobab::zkvm::rv
