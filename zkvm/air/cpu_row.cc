#include "zkvm/air/cpu_row.h"

#include <limits>

#include "src/field/batch_inverse.h"
#include "zkvm/air/cpu_air.h"

namespace baobab::zkvm::rv {

namespace {

using field::Fp;

bool has(const RomEntry& rom, Flag f) {
  return (rom.flags >> f) & 1;
}

uint32_t lo(uint32_t v) {
  return v & 0xffff;
}
uint32_t hi(uint32_t v) {
  return v >> 16;
}

struct Writer {
  TableTrace& t;
  uint64_t row;
  DeferredInverses* deferred;
  void set(uint64_t col, uint64_t v) const { t.set(row, col, v); }
  void set_fp(uint64_t col, Fp v) const { t.at(row, col) = v; }
  // 1/v, or 0 for v = 0 (the *Inv columns): now, or later in a batch.
  void inverse_or_zero(uint64_t col, Fp v) const {
    if (v.is_zero()) {
      set_fp(col, Fp::zero());
    } else if (deferred != nullptr) {
      set_fp(col, Fp::zero());
      deferred->add(row, col, v);
    } else {
      set_fp(col, v.inverse());
    }
  }
  void word(uint64_t lo_col, uint64_t hi_col, uint32_t v) const {
    set(lo_col, lo(v));
    set(hi_col, hi(v));
  }
  void ts_diff(uint64_t lo_col, uint64_t hi_col, uint64_t ts, uint64_t prev) const {
    const uint64_t d = ts - prev - 1;
    set(lo_col, d & 0xffff);
    set(hi_col, d >> 16);
  }
};

int32_t as_signed(uint32_t v) {
  return static_cast<int32_t>(v);
}

// The memory word after a store of `rs2` at `address` (width from the ROM).
uint32_t store_word(const RomEntry& rom, uint32_t address, uint32_t old, uint32_t rs2) {
  const uint32_t shift = 8 * (address & 3);
  if (has(rom, kFSw)) return rs2;
  if (has(rom, kFSh)) return (old & ~(0xffffu << shift)) | ((rs2 & 0xffff) << shift);
  return (old & ~(0xffu << shift)) | ((rs2 & 0xff) << shift);
}

}  // namespace

uint32_t effective_address(const RomEntry& rom, uint32_t rs1) {
  return rs1 + rom.imm;
}

void DeferredInverses::add(uint64_t row, uint64_t col, Fp value) {
  rows_.push_back(row);
  cols_.push_back(col);
  values_.push_back(value);
}

void DeferredInverses::append(const DeferredInverses& other) {
  rows_.insert(rows_.end(), other.rows_.begin(), other.rows_.end());
  cols_.insert(cols_.end(), other.cols_.begin(), other.cols_.end());
  values_.insert(values_.end(), other.values_.begin(), other.values_.end());
}

void DeferredInverses::write(TableTrace& cpu) {
  field::batch_inverse(values_, values_);
  for (size_t i = 0; i < values_.size(); ++i) cpu.at(rows_[i], cols_[i]) = values_[i];
  rows_.clear();
  cols_.clear();
  values_.clear();
}

CpuRowOutputs write_cpu_row(TableTrace& cpu, uint64_t row, const CpuRowInputs& in,
                            DeferredInverses* deferred) {
  const Writer w{cpu, row, deferred};
  const RomEntry& e = in.rom;
  const auto f = [&](Flag flag) { return has(e, flag); };
  CpuRowOutputs result;
  const uint32_t a = in.rs1;
  const uint32_t b = e.imm + (f(kFUseRs2) ? in.rs2 : 0);
  const uint64_t ts0 = timestamp(in.clk, kSlotRs1);

  w.set(kReal, in.real ? 1 : 0);
  w.set(kClk, in.clk);
  w.set(kPc, e.pc);
  w.set(kRd, e.rd);
  w.set(kRs1, e.rs1);
  w.set(kRs2, e.rs2);
  w.word(kImmLo, kImmHi, e.imm);
  w.set_fp(kOffset, e.offset_fp());
  for (uint64_t i = 0; i < kNumFlags; ++i) w.set(kFlag0 + i, (e.flags >> i) & 1);

  // Register reads (every real row) and the rd write.
  w.word(kRs1Lo, kRs1Hi, a);
  w.word(kRs2Lo, kRs2Hi, in.rs2);
  if (in.real) {
    w.set(kRs1PrevTs, in.rs1_prev_ts);
    w.ts_diff(kRs1DLo, kRs1DHi, ts0, in.rs1_prev_ts);
    w.set(kRs2PrevTs, in.rs2_prev_ts);
    w.ts_diff(kRs2DLo, kRs2DHi, ts0 + 1, in.rs2_prev_ts);
  }

  // Operand b and the adder.
  w.word(kBLo, kBHi, b);
  const bool add_like = f(kFAdd) || f(kFLb) || f(kFLbu) || f(kFLh) || f(kFLhu) || f(kFLw) ||
                        f(kFSb) || f(kFSh) || f(kFSw) || f(kFJalr);
  const bool sub_like = f(kFSub) || f(kFSlt) || f(kFSltu) || f(kFBeq) || f(kFBne) || f(kFBlt) ||
                        f(kFBge) || f(kFBltu) || f(kFBgeu);
  uint32_t out = 0, c0 = 0, c1 = 0;
  if (add_like) {
    out = a + b;
    c0 = (lo(a) + lo(b)) >> 16;
    c1 = (hi(a) + hi(b) + c0) >> 16;
  } else if (sub_like) {
    out = a - b;
    c0 = (lo(b) + lo(out)) >> 16;
    c1 = (hi(b) + hi(out) + c0) >> 16;
  }
  w.word(kOutLo, kOutHi, out);
  w.set(kC0, c0);
  w.set(kC1, c1);

  // Comparisons and the branch decision.
  const uint32_t sa = a >> 31, sb = b >> 31;
  w.set(kSignA, sa);
  w.set(kSignB, sb);
  w.set(kSignEq, sa == sb ? 1 : 0);
  const bool signed_cmp = f(kFSlt) || f(kFBlt) || f(kFBge);
  const uint32_t lt = signed_cmp ? (as_signed(a) < as_signed(b) ? 1 : 0) : c1;
  w.set(kLt, lt);
  const Fp out_sum = Fp::from_u64(uint64_t{lo(out)} + hi(out));
  w.set(kIsEq, out_sum.is_zero() ? 1 : 0);
  w.inverse_or_zero(kEqInv, out_sum);
  const bool eq = out == 0;
  const bool taken = (f(kFBeq) && eq) || (f(kFBne) && !eq) || ((f(kFBlt) || f(kFBltu)) && lt) ||
                     ((f(kFBge) || f(kFBgeu)) && !lt);
  w.set(kTaken, taken ? 1 : 0);
  uint32_t next_pc = e.pc + 4;
  if (taken || f(kFJal)) next_pc = static_cast<uint32_t>(e.pc + static_cast<uint32_t>(e.offset));
  if (f(kFJalr)) {
    w.set(kJalrBit, out & 1);
    next_pc = out & ~1u;
  }
  w.set(kNextPc, next_pc);
  result.next_pc = next_pc;

  // Bitwise operations.
  uint32_t rd_value = 0;
  if (f(kFAnd) || f(kFOr) || f(kFXor)) {
    rd_value = f(kFAnd) ? (a & b) : f(kFOr) ? (a | b) : (a ^ b);
    w.set(kBitA0, a & 0xff);
    w.set(kBitA2, (a >> 16) & 0xff);
    w.set(kBitB0, b & 0xff);
    w.set(kBitB2, (b >> 16) & 0xff);
    w.set(kBitR0, rd_value & 0xff);
    w.set(kBitR1, (rd_value >> 8) & 0xff);
    w.set(kBitR2, (rd_value >> 16) & 0xff);
    w.set(kBitR3, rd_value >> 24);
  }

  // Loads and stores.
  const bool load = f(kFLb) || f(kFLbu) || f(kFLh) || f(kFLhu) || f(kFLw);
  const bool store = f(kFSb) || f(kFSh) || f(kFSw);
  if (load || store) {
    const uint32_t addr = out;
    const uint32_t off = addr & 3;
    result.mem_cell = addr & ~3u;
    w.set(kE0 + off, 1);
    w.set(kMemPrevTs, in.mem_prev_ts);
    w.ts_diff(kMemDLo, kMemDHi, ts0 + kSlotMemory, in.mem_prev_ts);
    const uint32_t old = in.old_word;
    const uint32_t neu = store ? store_word(e, addr, old, in.rs2) : old;
    result.new_word = neu;
    w.word(kOldLo, kOldHi, old);
    w.word(kNewLo, kNewHi, neu);
    w.set(kOldB0, old & 0xff);
    w.set(kOldB2, (old >> 16) & 0xff);
    if (f(kFSb)) w.set(kStoreByte, in.rs2 & 0xff);
    const uint32_t byte = (old >> (8 * off)) & 0xff;
    const uint32_t half = (old >> (8 * off)) & 0xffff;
    if (f(kFLb) || f(kFLbu)) {
      w.set(kMemVal, byte);
      rd_value =
          f(kFLb) ? static_cast<uint32_t>(static_cast<int32_t>(static_cast<int8_t>(byte))) : byte;
    }
    if (f(kFLh) || f(kFLhu)) {
      w.set(kMemVal, half);
      rd_value =
          f(kFLh) ? static_cast<uint32_t>(static_cast<int32_t>(static_cast<int16_t>(half))) : half;
    }
    if (f(kFLb)) {
      const uint32_t sign = byte >> 7;
      w.set(kMemSign, sign);
      w.set(kMemRest, 512 * (byte - 128 * sign));
    }
    if (f(kFLh)) {
      const uint32_t sign = half >> 15;
      w.set(kMemSign, sign);
      w.set(kMemRest, 2 * (half - 32768 * sign));
    }
    if (f(kFLw)) rd_value = old;
  }

  // Multiplier and divider: the second operand y.
  const bool shift = f(kFSll) || f(kFSrl) || f(kFSra);
  const bool m_ext = f(kFMul) || f(kFMulh) || f(kFMulhsu) || f(kFMulhu) || f(kFDiv) || f(kFDivu) ||
                     f(kFRem) || f(kFRemu);
  uint32_t y = 0;
  if (shift) {
    const uint32_t shamt = b & 31;
    w.set(kShamt, shamt);
    y = uint32_t{1} << shamt;
  } else if (m_ext) {
    y = b;
  }
  w.word(kYLo, kYHi, y);
  const bool mul_high = f(kFMulh) || f(kFMulhsu) || f(kFMulhu);
  const bool multiplier = f(kFMul) || mul_high || f(kFSll);
  const bool signed_div = f(kFDiv) || f(kFRem);
  const bool divider = signed_div || f(kFDivu) || f(kFRemu) || f(kFSrl) || f(kFSra);
  const uint32_t sx = (f(kFMulh) || f(kFMulhsu) || signed_div || f(kFSra)) ? sa : 0;
  const uint32_t sy = (f(kFMulh) || signed_div) ? sb : 0;
  w.set(kSxE, sx);
  w.set(kSyE, sy);
  if (multiplier) {
    const uint64_t product = uint64_t{a} * y;
    const auto low = static_cast<uint32_t>(product);
    const auto high = static_cast<uint32_t>(product >> 32);
    w.word(kWordALo, kWordAHi, low);
    w.word(kWordBLo, kWordBHi, high);
    // Never zero: the high word of a 32x32-bit product is at most 2^32 - 2.
    w.inverse_or_zero(kHInv, Fp::from_u64(high) - Fp::from_u64(0xffffffffu));
    rd_value = low;
    if (mul_high) {
      const int64_t value = int64_t{high} - int64_t{sx} * y - int64_t{sy} * a;
      const auto c = static_cast<uint32_t>(static_cast<uint64_t>(value));
      w.word(kWordCLo, kWordCHi, c);
      w.set(kMulT, static_cast<uint64_t>((int64_t{c} - value) >> 32));
      rd_value = c;
    }
  }
  // Overflow detector inputs are the columns, whatever the row does.
  const Fp ovf_sum = Fp::from_u64(uint64_t{lo(a)} + hi(a) + 0xffff - lo(y) + 0xffff - hi(y)) -
                     Fp::from_u64(0x8000);
  w.set(kOvfIz, ovf_sum.is_zero() ? 1 : 0);
  w.inverse_or_zero(kOvfInv, ovf_sum);
  const Fp y_sum = Fp::from_u64(uint64_t{lo(y)} + hi(y));
  w.set(kYIz, y_sum.is_zero() ? 1 : 0);
  w.inverse_or_zero(kYInv, y_sum);
  uint32_t q = 0, r = 0;
  if (divider) {
    const bool ovf = signed_div && a == 0x80000000u && y == 0xffffffffu;
    if (f(kFSrl)) {
      q = a >> (b & 31);
      r = a & (y - 1);
    } else if (f(kFSra)) {
      q = static_cast<uint32_t>(as_signed(a) >> (b & 31));
      r = a & (y - 1);
    } else if (y == 0) {
      q = 0xffffffffu;
      r = a;
    } else if (ovf) {
      q = a;
      r = 0;
    } else if (signed_div) {
      q = static_cast<uint32_t>(as_signed(a) / as_signed(y));
      r = static_cast<uint32_t>(as_signed(a) % as_signed(y));
    } else {
      q = a / y;
      r = a % y;
    }
    w.word(kWordALo, kWordAHi, q);
    w.word(kWordBLo, kWordBHi, r);
    const uint32_t sq = q >> 31, sr = r >> 31;
    w.set(kSignQ, sq);
    w.set(kSignR, sr);
    w.set(kSqE, (signed_div || f(kFSra)) ? sq : 0);
    w.set(kSrE, signed_div ? sr : 0);
    w.set(kOvf, ovf ? 1 : 0);
    if (y != 0) {
      w.set(kDivNz, 1);
      const int64_t y_e = sy ? int64_t{as_signed(y)} : int64_t{y};
      const int64_t r_e = signed_div ? int64_t{as_signed(r)} : int64_t{r};
      const int64_t d = (y_e < 0 ? -y_e : y_e) - (r_e < 0 ? -r_e : r_e) - 1;
      w.word(kWordCLo, kWordCHi, static_cast<uint32_t>(d));
    }
    rd_value = (f(kFRem) || f(kFRemu)) ? r : q;
  }
  const Fp r_sum = cpu.at(row, kWordBLo) + cpu.at(row, kWordBHi);
  w.set(kRIz, r_sum.is_zero() ? 1 : 0);
  w.inverse_or_zero(kRInv, r_sum);

  // The remaining results.
  if (f(kFAdd) || f(kFSub)) rd_value = out;
  if (f(kFSlt) || f(kFSltu)) rd_value = lt;
  if (f(kFJal) || f(kFJalr)) rd_value = e.pc + 4;
  if (f(kFEcall)) rd_value = in.is_exit ? in.rs2 : in.ecall_result;
  w.set(kIsExit, in.is_exit ? 1 : 0);
  w.word(kRdLo, kRdHi, rd_value);
  if (f(kFWritesRd)) {
    w.word(kRdPrevLo, kRdPrevHi, in.rd_prev);
    w.set(kRdPrevTs, in.rd_prev_ts);
    w.ts_diff(kRdDLo, kRdDHi, ts0 + kSlotRd, in.rd_prev_ts);
  }
  result.rd_value = rd_value;
  return result;
}

}  // namespace baobab::zkvm::rv
