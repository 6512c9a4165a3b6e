#include "src/air/logup.h"

#include <vector>

#include "src/air/table.h"
#include "src/common/check.h"
#include "src/field/batch_inverse.h"

namespace baobab::air {

Fp3 logup_running_sum(std::span<const Fp> values, std::span<const Fp> multiplicities,
                      const Fp3& gamma, LogupSide side, MatrixView aux_out, uint64_t aux_column) {
  const uint64_t n = values.size();
  BAOBAB_CHECK(n > 0 && aux_out.rows == n, "logup_running_sum: aux rows differ from values");
  BAOBAB_CHECK(multiplicities.empty() || multiplicities.size() == n,
               "logup_running_sum: one multiplicity per value");
  BAOBAB_CHECK(kAuxCoordinates * aux_column + 2 < aux_out.cols,
               "logup_running_sum: aux column out of range");
  std::vector<Fp3> terms(n);
  for (uint64_t i = 0; i < n; ++i) terms[i] = gamma - values[i];
  field::batch_inverse(terms, terms);
  Fp* c0 = aux_out.column(kAuxCoordinates * aux_column);
  Fp* c1 = aux_out.column(kAuxCoordinates * aux_column + 1);
  Fp* c2 = aux_out.column(kAuxCoordinates * aux_column + 2);
  Fp3 sum = Fp3::zero();
  for (uint64_t i = 0; i < n; ++i) {
    const Fp3 term = multiplicities.empty() ? terms[i] : terms[i] * multiplicities[i];
    sum = side == LogupSide::kLookup ? sum + term : sum - term;
    c0[i] = sum[0];
    c1[i] = sum[1];
    c2[i] = sum[2];
  }
  return sum;
}

Status check_logup_balance(std::span<const Fp3> final_sums) {
  Fp3 total = Fp3::zero();
  for (const Fp3& s : final_sums) total += s;
  if (total.is_zero()) return Ok{};
  return Error{ErrorCode::kMalformedInput,
               "LogUp final sums do not cancel: a looked-up value is missing from its table",
               "logup balance"};
}

}  // namespace baobab::air
