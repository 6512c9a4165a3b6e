#include "src/stark/transcript_steps.h"

#include <algorithm>

#include "src/ntt/bit_reverse.h"

namespace baobab::stark {

void absorb_statement(transcript::Transcript& tr, const Statement& statement,
                      const params::ProofParams& params) {
  const auto params_bytes = params.to_bytes();
  tr.absorb_bytes("statement.params", params_bytes);
  tr.absorb_u64("statement.tables", statement.tables.size());
  for (const air::Air* table : statement.tables) {
    const air::TableInfo& info = table->info();
    const auto* name = reinterpret_cast<const uint8_t*>(info.name.data());
    tr.absorb_bytes("statement.table.name", std::span<const uint8_t>(name, info.name.size()));
    tr.absorb_u64("statement.table.log_rows", static_cast<uint64_t>(info.log_rows));
    tr.absorb_u64("statement.table.main", info.num_main);
    tr.absorb_u64("statement.table.preprocessed", info.num_preprocessed);
    tr.absorb_u64("statement.table.aux", info.num_aux);
    tr.absorb_u64("statement.table.constraints", table->constraints().size());
  }
  tr.absorb_fps("statement.public_inputs", statement.public_inputs);
}

std::vector<Fp3> draw_challenges(transcript::Transcript& tr, uint64_t count) {
  std::vector<Fp3> out;
  for (uint64_t i = 0; i < count; ++i) out.push_back(tr.challenge_fp3("challenges"));
  return out;
}

Fp3 draw_ood_point(transcript::Transcript& tr) {
  for (;;) {
    const Fp3 z = tr.challenge_fp3("ood.z");
    if (!z.is_base()) return z;
  }
}

void absorb_ood(transcript::Transcript& tr, const TableOod& ood) {
  tr.absorb_fp3s("ood.main", ood.main);
  tr.absorb_fp3s("ood.main_next", ood.main_next);
  tr.absorb_fp3s("ood.preprocessed", ood.preprocessed);
  tr.absorb_fp3s("ood.preprocessed_next", ood.preprocessed_next);
  tr.absorb_fp3s("ood.aux", ood.aux);
  tr.absorb_fp3s("ood.aux_next", ood.aux_next);
  tr.absorb_fp3s("ood.composition", ood.composition);
}

Fp table_shift(const StarkLayout& layout, size_t table) {
  const int steps = layout.max_log_lde_rows - layout.tables[table].log_lde_rows;
  Fp shift = field::kCosetShift;
  for (int i = 0; i < steps; ++i) shift = shift.square();
  return shift;
}

uint64_t table_row(const StarkLayout& layout, size_t table, uint64_t position) {
  const int log_size = layout.tables[table].log_lde_rows;
  const int steps = layout.max_log_lde_rows - log_size;
  return ntt::reverse_bits(position >> steps, log_size);
}

std::vector<uint64_t> table_rows(const StarkLayout& layout, size_t table,
                                 std::span<const uint64_t> positions) {
  std::vector<uint64_t> rows;
  for (uint64_t position : positions) rows.push_back(table_row(layout, table, position));
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

}  // namespace baobab::stark
