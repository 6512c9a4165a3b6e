#include "zkvm/air/memory_air.h"

#include <algorithm>

#include "src/common/check.h"

namespace baobab::zkvm::rv {

namespace {

constexpr uint64_t kLimb = ZeroMemAir::kLimb;

void set_limbs(TableTrace& t, uint64_t row, uint64_t lo_col, uint64_t hi_col, uint64_t v) {
  t.set(row, lo_col, v % kLimb);
  t.set(row, hi_col, v / kLimb);
}

bool in_image(const ProgramInfo& info, uint64_t cell) {
  const auto it = std::lower_bound(info.image.begin(), info.image.end(), cell,
                                   [](const ImageWord& w, uint64_t c) { return w.cell < c; });
  return it != info.image.end() && it->cell == cell;
}

// Accessed RAM cells outside the image, increasing. Cells only peeked at
// (ts 0) need no row: no access message mentions them.
std::vector<uint64_t> zero_cells(const ProgramInfo& info, const MemoryTracker& tracker) {
  std::vector<uint64_t> cells;
  for (const auto& [cell, state] : tracker.ram()) {
    if (state.ts == 0 || in_image(info, cell)) continue;
    BAOBAB_CHECK(cell % 4 == 0 && cell < kRegisterCellBase, "zero_mem: unaligned RAM cell");
    cells.push_back(cell);
  }
  std::sort(cells.begin(), cells.end());
  return cells;
}

}  // namespace

FixedMemContent make_fixed_mem_content(const ProgramInfo& info, uint64_t public_input_length,
                                       uint64_t public_output_length) {
  BAOBAB_CHECK(public_input_length < kRegisterCellBase && public_output_length < kRegisterCellBase,
               "fixed_mem: public input or output longer than 2^32 bytes");
  FixedMemContent c;
  for (uint64_t r = 0; r < kNumRegisters; ++r) {
    FixedMemRow row;
    row.cell = register_cell(r);
    if (r == kRegBrk) row.init = info.initial_brk;
    if (r == kRegPublicRemaining) row.init = static_cast<uint32_t>(public_input_length);
    if (r == kRegPrivateRemaining) row.free = true;
    if (r == kRegOutputLength) {
      row.check_final = true;
      row.expect = static_cast<uint32_t>(public_output_length);
    }
    c.rows.push_back(row);
  }
  for (const ImageWord& w : info.image) {
    FixedMemRow row;
    row.cell = w.cell;
    row.init = w.value;
    row.readonly = w.readonly;
    c.rows.push_back(row);
  }
  return c;
}

FixedMemAir::FixedMemAir(std::shared_ptr<const FixedMemContent> content, int log_rows)
    : content_(std::move(content)), log_rows_(log_rows) {
  BAOBAB_CHECK(content_ != nullptr, "FixedMemAir: no content");
  BAOBAB_CHECK(content_->rows.size() <= (uint64_t{1} << log_rows), "FixedMemAir: too few rows");
}

air::TableInfo FixedMemAir::info() const {
  return bus_table_info("zkvm.fixed_mem", log_rows_, kNumMain, kNumPre, kMessages);
}

void FixedMemAir::build_preprocessed(field::MatrixView out) const {
  BAOBAB_CHECK(out.cols == kNumPre && out.rows >= content_->rows.size(), "fixed_mem: shape");
  const auto flag = [](bool b) { return b ? Fp::one() : Fp::zero(); };
  for (uint64_t r = 0; r < out.rows; ++r) {
    const bool real = r < content_->rows.size();
    const FixedMemRow row = real ? content_->rows[r] : FixedMemRow{};
    out.at(r, kPreCell) = Fp::from_u64(row.cell);
    out.at(r, kPreInitLo) = Fp::from_u64(row.init % kLimb);
    out.at(r, kPreInitHi) = Fp::from_u64(row.init / kLimb);
    out.at(r, kPreReal) = flag(real);
    out.at(r, kPreFree) = flag(row.free);
    out.at(r, kPreReadonly) = flag(row.readonly);
    out.at(r, kPreCheckFinal) = flag(row.check_final);
    out.at(r, kPreExpectLo) = Fp::from_u64(row.expect % kLimb);
    out.at(r, kPreExpectHi) = Fp::from_u64(row.expect / kLimb);
  }
}

TableTrace fill_fixed_mem(const FixedMemContent& content, int log_rows,
                          const MemoryTracker& tracker, uint64_t private_input_length) {
  using C = FixedMemAir::Col;
  BAOBAB_CHECK(private_input_length < kRegisterCellBase, "fixed_mem: private input too long");
  TableTrace t(log_rows, C::kNumMain);
  BAOBAB_CHECK(content.rows.size() <= t.rows(), "fill_fixed_mem: too few rows");
  for (uint64_t r = 0; r < content.rows.size(); ++r) {
    const FixedMemRow& row = content.rows[r];
    CellState final_state{row.init, 0};
    if (row.cell >= kRegisterCellBase) {
      final_state = tracker.registers().at(row.cell - kRegisterCellBase);
    } else if (auto it = tracker.ram().find(row.cell); it != tracker.ram().end()) {
      final_state = it->second;
    }
    if (row.free) set_limbs(t, r, C::kFreeLo, C::kFreeHi, private_input_length);
    set_limbs(t, r, C::kFinalLo, C::kFinalHi, final_state.value);
    t.set(r, C::kFinalTs, final_state.ts);
  }
  return t;
}

air::TableInfo ZeroMemAir::info() const {
  return bus_table_info("zkvm.zero_mem", log_rows_, kNumMain, 0, kMessages);
}

uint64_t zero_mem_rows(const ProgramInfo& info, const MemoryTracker& tracker) {
  return zero_cells(info, tracker).size();
}

TableTrace fill_zero_mem(const ProgramInfo& info, int log_rows, const MemoryTracker& tracker) {
  using C = ZeroMemAir::Col;
  const std::vector<uint64_t> cells = zero_cells(info, tracker);
  TableTrace t(log_rows, C::kNumMain);
  BAOBAB_CHECK(cells.size() <= t.rows(), "fill_zero_mem: too few rows");
  for (uint64_t i = 0; i < cells.size(); ++i) {
    const uint64_t w = cells[i] / 4;
    // The gap holding w: the last gap with lo <= w.
    const auto it = std::upper_bound(info.gaps.begin(), info.gaps.end(), w,
                                     [](uint64_t x, const Gap& g) { return x < g.lo; });
    BAOBAB_CHECK(it != info.gaps.begin() && std::prev(it)->hi >= w, "fill_zero_mem: no gap");
    const Gap& gap = *std::prev(it);
    const CellState& state = tracker.ram().at(cells[i]);
    t.set(i, C::kReal, 1);
    t.set(i, C::kW, w);
    set_limbs(t, i, C::kFinalLo, C::kFinalHi, state.value);
    t.set(i, C::kFinalTs, state.ts);
    t.set(i, C::kGapLo, gap.lo);
    t.set(i, C::kGapHi, gap.hi);
    set_limbs(t, i, C::kG1Lo, C::kG1Hi, w - gap.lo);
    set_limbs(t, i, C::kG2Lo, C::kG2Hi, gap.hi - w);
    if (i > 0) set_limbs(t, i, C::kSLo, C::kSHi, w - cells[i - 1] / 4 - 1);
  }
  return t;
}

}  // namespace baobab::zkvm::rv
