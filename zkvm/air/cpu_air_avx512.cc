// The cpu table's constraints instantiated for LdePackedSink and
// PackedCheckSink, and its bus messages for PackedRows: compiled with
// AVX-512 enabled (STYLE §9), called only after run-time detection.
#include "src/air/lde_packed_sink_avx512.h"
#include "src/air/trace_packed_avx512.h"
#include "zkvm/air/bus_packed_avx512.h"
#include "zkvm/air/cpu_air.h"

namespace baobab::zkvm::rv {

void CpuAir::eval_lde_rows_avx512(const air::LdeView& lde, const air::ConstraintInputs& inputs,
                                  std::span<const Fp3> alpha_powers, uint64_t first,
                                  std::span<air::KindSums> out) const {
  air::eval_lde_rows_packed(*this, lde, inputs, alpha_powers, first, out);
}

std::optional<air::RowFailure> CpuAir::first_failure_avx512(const air::TraceView& trace,
                                                            const air::ConstraintInputs& inputs,
                                                            uint64_t first, uint64_t count) const {
  return air::first_failure_packed(*this, trace, inputs, first, count);
}

Fp3 CpuAir::build_bus_block_avx512(const air::TraceView& trace, const air::ConstraintInputs& inputs,
                                   uint64_t table_rows, uint64_t first_row,
                                   field::MatrixView aux_block) const {
  return fill_bus_block_packed(*this, trace, inputs, table_rows, first_row, aux_block);
}

}  // namespace baobab::zkvm::rv
