// The cpu table's constraints instantiated for LdePackedSink: compiled with
// AVX-512 enabled (STYLE §9), called only after run-time detection.
#include "src/air/lde_packed_sink_avx512.h"
#include "zkvm/air/cpu_air.h"

namespace baobab::zkvm::rv {

void CpuAir::eval_lde_rows_avx512(const air::LdeView& lde, const air::ConstraintInputs& inputs,
                                  std::span<const Fp3> alpha_powers, uint64_t first,
                                  std::span<air::KindSums> out) const {
  air::eval_lde_rows_packed(*this, lde, inputs, alpha_powers, first, out);
}

}  // namespace baobab::zkvm::rv
