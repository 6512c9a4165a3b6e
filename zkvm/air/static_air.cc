#include "zkvm/air/static_air.h"

#include <algorithm>

#include "src/common/check.h"

namespace baobab::zkvm::rv {

namespace {

StaticRow make_row(Tag tag, std::initializer_list<Fp> fields, bool fixed = false) {
  StaticRow row;
  row.tag = static_cast<uint64_t>(tag);
  uint64_t k = 0;
  for (const Fp& f : fields) row.fields[k++] = f;
  row.fixed = fixed;
  return row;
}

Fp u(uint64_t v) {
  return Fp::from_u64(v);
}

// Index of `key` in the increasing vector `keys`, or nullopt.
std::optional<uint64_t> index_of(const std::vector<uint32_t>& keys, uint64_t key) {
  const auto it =
      std::lower_bound(keys.begin(), keys.end(), key, [](uint32_t a, uint64_t b) { return a < b; });
  if (it == keys.end() || *it != key) return std::nullopt;
  return static_cast<uint64_t>(it - keys.begin());
}

}  // namespace

StaticContent make_static_content(const ProgramInfo& info, std::span<const uint8_t> public_input,
                                  std::span<const uint8_t> public_output) {
  StaticContent c;
  c.rom_first = c.rows.size();
  for (const RomEntry& e : info.rom) {
    BAOBAB_CHECK(c.rom_pcs.empty() || c.rom_pcs.back() < e.pc, "static: ROM not increasing");
    c.rom_pcs.push_back(e.pc);
    c.rows.push_back(make_row(Tag::kProgram, {u(e.pc), u(e.flags), u(e.rd), u(e.rs1), u(e.rs2),
                                              u(e.imm & 0xffff), u(e.imm >> 16), e.offset_fp()}));
  }
  c.pow2_first = c.rows.size();
  for (uint64_t s = 0; s < 32; ++s) {
    const uint64_t p = uint64_t{1} << s;
    c.rows.push_back(make_row(Tag::kPow2, {u(s), u(p & 0xffff), u(p >> 16)}));
  }
  c.gap_first = c.rows.size();
  for (const Gap& g : info.gaps) {
    BAOBAB_CHECK(c.gap_los.empty() || c.gap_los.back() < g.lo, "static: gaps not increasing");
    c.gap_los.push_back(g.lo);
    c.rows.push_back(make_row(Tag::kGap, {u(g.lo), u(g.hi)}));
  }
  c.public_in_first = c.rows.size();
  for (uint64_t i = 0; i < public_input.size(); ++i) {
    c.rows.push_back(make_row(Tag::kPublicIn, {u(i), u(public_input[i])}));
  }
  c.public_out_first = c.rows.size();
  for (uint64_t i = 0; i < public_output.size(); ++i) {
    c.rows.push_back(make_row(Tag::kPublicOut, {u(i), u(public_output[i])}, true));
  }
  return c;
}

std::optional<uint64_t> StaticContent::find(const Message<Fp>& m) const {
  if (m.tag_is_column) return std::nullopt;
  const uint64_t key = m.count > 0 ? m.fields[0].value() : 0;
  std::optional<uint64_t> row;
  switch (m.tag) {
    case Tag::kProgram:
      if (auto i = index_of(rom_pcs, key)) row = rom_first + *i;
      break;
    case Tag::kPow2:
      if (key < 32) row = pow2_first + key;
      break;
    case Tag::kGap:
      if (auto i = index_of(gap_los, key)) row = gap_first + *i;
      break;
    case Tag::kPublicIn:
      if (key < public_out_first - public_in_first) row = public_in_first + key;
      break;
    case Tag::kPublicOut:
      if (key < rows.size() - public_out_first) row = public_out_first + key;
      break;
    default:
      break;
  }
  if (!row) return std::nullopt;
  // The key found a row: the whole message must equal it (unused fields 0).
  const StaticRow& r = rows[*row];
  if (r.tag != static_cast<uint64_t>(m.tag)) return std::nullopt;
  for (uint64_t k = 0; k < kBusFields; ++k) {
    const Fp f = k < m.count ? m.fields[k] : Fp::zero();
    if (f != r.fields[k]) return std::nullopt;
  }
  return row;
}

StaticAir::StaticAir(std::shared_ptr<const StaticContent> content, int log_rows)
    : content_(std::move(content)), log_rows_(log_rows) {
  BAOBAB_CHECK(content_ != nullptr, "StaticAir: no content");
  BAOBAB_CHECK(content_->rows.size() <= (uint64_t{1} << log_rows), "StaticAir: too few rows");
}

air::TableInfo StaticAir::info() const {
  return bus_table_info("zkvm.static", log_rows_, kNumMain, kNumPre, kMessages);
}

void StaticAir::build_preprocessed(field::MatrixView out) const {
  BAOBAB_CHECK(out.cols == kNumPre && out.rows >= content_->rows.size(), "static: shape");
  for (uint64_t r = 0; r < out.rows; ++r) {
    const bool real = r < content_->rows.size();
    const StaticRow row = real ? content_->rows[r] : StaticRow{};
    out.at(r, kPreTag) = Fp::from_u64(row.tag);
    for (uint64_t k = 0; k < kBusFields; ++k) out.at(r, kPreField0 + k) = row.fields[k];
    out.at(r, kPreFixed) = row.fixed ? Fp::one() : Fp::zero();
  }
}

}  // namespace baobab::zkvm::rv
