#include "src/air/vanishing.h"

#include "src/field/roots.h"

namespace baobab::air {

Fp last_row_point(int log_rows) {
  const uint64_t n = uint64_t{1} << log_rows;
  return field::two_adic_root(log_rows).pow(n - 1);
}

Result<KindSums> vanishing_inverses_at(int log_rows, const Fp3& z) {
  const uint64_t n = uint64_t{1} << log_rows;
  const Fp3 z_n_minus_1 = z.pow(n) - Fp::one();
  if (z_n_minus_1.is_zero()) {
    return Error{ErrorCode::kMalformedInput, "out-of-domain point lies in the trace domain",
                 "constraint composition"};
  }
  // z^n != 1 implies z != 1 and z != ω^(n-1): both are n-th roots of unity.
  const Fp omega_last = last_row_point(log_rows);
  KindSums inv{};
  inv[kind_index(ConstraintKind::kEveryRow)] = z_n_minus_1.inverse();
  inv[kind_index(ConstraintKind::kTransition)] =
      (z - omega_last) * inv[kind_index(ConstraintKind::kEveryRow)];
  inv[kind_index(ConstraintKind::kFirstRow)] = (z - Fp::one()).inverse();
  inv[kind_index(ConstraintKind::kLastRow)] = (z - omega_last).inverse();
  return inv;
}

}  // namespace baobab::air
