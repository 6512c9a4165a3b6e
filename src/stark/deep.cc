#include "src/stark/deep.h"

#include <algorithm>
#include <bit>

#include "src/common/check.h"
#include "src/field/batch_inverse.h"
#include "src/field/roots.h"
#include "src/ntt/bit_reverse.h"

namespace baobab::stark {

namespace {

void take_powers(std::vector<Fp3>& out, uint64_t count, Fp3& power, const Fp3& gamma) {
  out.resize(count);
  for (auto& c : out) {
    c = power;
    power *= gamma;
  }
}

// Σ_c coefficients[c] · values[c].
Fp3 dot(std::span<const Fp3> coefficients, std::span<const Fp3> values) {
  Fp3 sum = Fp3::zero();
  for (size_t c = 0; c < coefficients.size(); ++c) sum += coefficients[c] * values[c];
  return sum;
}

// The constant parts Σ a_c f_c(z) and Σ b_c f_c(zω).
std::pair<Fp3, Fp3> ood_constants(const DeepCoefficients& k, const TableOod& ood) {
  const Fp3 at_z = dot(k.main_z, ood.main) + dot(k.preprocessed_z, ood.preprocessed) +
                   dot(k.aux_z, ood.aux) + dot(k.composition_z, ood.composition);
  const Fp3 at_next = dot(k.main_next, ood.main_next) +
                      dot(k.preprocessed_next, ood.preprocessed_next) +
                      dot(k.aux_next, ood.aux_next);
  return {at_z, at_next};
}

// acc_z[j] += Σ_c a_c · column_c[first + j] (and the same for acc_next).
void accumulate_block(field::ConstMatrixView columns, std::span<const Fp3> a,
                      std::span<const Fp3> b, uint64_t first, std::span<Fp3> acc_z,
                      std::span<Fp3> acc_next) {
  for (uint64_t c = 0; c < columns.cols; ++c) {
    const Fp* column = columns.column(c) + first;
    for (size_t j = 0; j < acc_z.size(); ++j) acc_z[j] += a[c] * column[j];
    if (!b.empty()) {
      for (size_t j = 0; j < acc_next.size(); ++j) acc_next[j] += b[c] * column[j];
    }
  }
}

}  // namespace

std::vector<DeepCoefficients> deep_coefficients(const StarkLayout& layout, const Fp3& gamma) {
  std::vector<DeepCoefficients> out(layout.tables.size());
  Fp3 power = Fp3::one();
  for (size_t t = 0; t < layout.tables.size(); ++t) {
    const TableLayout& shape = layout.tables[t];
    DeepCoefficients& k = out[t];
    take_powers(k.main_z, shape.main_columns, power, gamma);
    take_powers(k.main_next, shape.main_columns, power, gamma);
    take_powers(k.preprocessed_z, shape.preprocessed_columns, power, gamma);
    take_powers(k.preprocessed_next, shape.preprocessed_columns, power, gamma);
    take_powers(k.aux_z, shape.aux_columns, power, gamma);
    take_powers(k.aux_next, shape.aux_columns, power, gamma);
    take_powers(k.composition_z, shape.composition_columns(), power, gamma);
  }
  return out;
}

void deep_codeword(const TableLdeViews& lde, const DeepCoefficients& coefficients,
                   const TableOod& ood, const Fp3& z, const Fp3& z_next, Fp shift, ntt::Order order,
                   std::span<Fp3> out) {
  const uint64_t size = out.size();
  BAOBAB_CHECK(std::has_single_bit(size) && lde.main.rows == size, "deep_codeword: LDE size");
  const int log_size = std::countr_zero(size);
  const bool reversed = order == ntt::Order::kBitReversed;
  const Fp omega = field::two_adic_root(log_size);
  // Plain variables: structured bindings cannot be used inside an OpenMP region.
  const std::pair<Fp3, Fp3> constants = ood_constants(coefficients, ood);
  const Fp3 constant_z = constants.first;
  const Fp3 constant_next = constants.second;
  constexpr uint64_t kBlock = 2048;
  const int64_t blocks = static_cast<int64_t>((size + kBlock - 1) / kBlock);
#pragma omp parallel for schedule(static)
  for (int64_t bi = 0; bi < blocks; ++bi) {
    const uint64_t first = static_cast<uint64_t>(bi) * kBlock;
    const uint64_t count = std::min(kBlock, size - first);
    std::vector<Fp3> acc_z(count, Fp3::zero()), acc_next(count, Fp3::zero());
    std::vector<Fp3> inv_z(count), inv_next(count);
    Fp x = shift * omega.pow(first);
    for (uint64_t j = 0; j < count; ++j) {
      inv_z[j] = Fp3(x) - z;
      inv_next[j] = Fp3(x) - z_next;
      x *= omega;
    }
    field::batch_inverse(inv_z, inv_z);  // z lies outside the LDE domain (checked by the caller)
    field::batch_inverse(inv_next, inv_next);
    accumulate_block(lde.main, coefficients.main_z, coefficients.main_next, first, acc_z, acc_next);
    accumulate_block(lde.preprocessed, coefficients.preprocessed_z, coefficients.preprocessed_next,
                     first, acc_z, acc_next);
    accumulate_block(lde.aux, coefficients.aux_z, coefficients.aux_next, first, acc_z, acc_next);
    accumulate_block(lde.composition, coefficients.composition_z, {}, first, acc_z, acc_next);
    for (uint64_t j = 0; j < count; ++j) {
      const uint64_t at = reversed ? ntt::reverse_bits(first + j, log_size) : first + j;
      out[at] = (acc_z[j] - constant_z) * inv_z[j] + (acc_next[j] - constant_next) * inv_next[j];
    }
  }
}

Fp3 deep_value(const TableRowValues& row, const DeepCoefficients& k, const TableOod& ood,
               const Fp3& z, const Fp3& z_next, Fp x) {
  const auto [constant_z, constant_next] = ood_constants(k, ood);
  Fp3 acc_z = Fp3::zero(), acc_next = Fp3::zero();
  const auto add = [](Fp3& acc, std::span<const Fp3> coefficients, std::span<const Fp> values) {
    for (size_t c = 0; c < coefficients.size(); ++c) acc += coefficients[c] * values[c];
  };
  add(acc_z, k.main_z, row.main);
  add(acc_next, k.main_next, row.main);
  add(acc_z, k.preprocessed_z, row.preprocessed);
  add(acc_next, k.preprocessed_next, row.preprocessed);
  add(acc_z, k.aux_z, row.aux);
  add(acc_next, k.aux_next, row.aux);
  add(acc_z, k.composition_z, row.composition);
  return (acc_z - constant_z) * (Fp3(x) - z).inverse() +
         (acc_next - constant_next) * (Fp3(x) - z_next).inverse();
}

}  // namespace baobab::stark
