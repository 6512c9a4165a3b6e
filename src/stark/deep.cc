#include "src/stark/deep.h"

#include <algorithm>
#include <bit>

#include "src/common/check.h"
#include "src/field/batch_inverse.h"
#include "src/field/roots.h"
#include "src/field/vector_ops.h"
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

// Extension-field accumulators of a run of rows, one array per coordinate
// (so the vector kernels multiply-add whole runs of base-field values).
struct Accumulator {
  std::vector<Fp> c[3];
  void reset(uint64_t size) {
    for (auto& v : c) v.assign(size, Fp::zero());
  }
  Fp3 at(uint64_t k) const { return {c[0][k], c[1][k], c[2][k]}; }
};

// acc_z[at + j] += Σ_c a_c · column_c[first + j] for j < length (and the
// same for acc_next with b), kMulAddColumns columns per kernel call.
void accumulate_block(const field::VectorKernels& kernels, field::ConstMatrixView columns,
                      std::span<const Fp3> a, std::span<const Fp3> b, uint64_t first,
                      uint64_t length, uint64_t at, Accumulator& acc_z, Accumulator& acc_next) {
  constexpr uint64_t kGroup = field::kMulAddColumns;
  const Fp* group[kGroup];
  Fp sa[3 * kGroup], sb[3 * kGroup];
  for (uint64_t c0 = 0; c0 < columns.cols; c0 += kGroup) {
    const uint64_t count = std::min(kGroup, columns.cols - c0);
    for (uint64_t k = 0; k < count; ++k) {
      group[k] = columns.column(c0 + k) + first;
      for (int j = 0; j < 3; ++j) {
        sa[3 * k + static_cast<uint64_t>(j)] = a[c0 + k][j];
        if (!b.empty()) sb[3 * k + static_cast<uint64_t>(j)] = b[c0 + k][j];
      }
    }
    kernels.mul_add3_columns(group, sa, count, acc_z.c[0].data() + at, acc_z.c[1].data() + at,
                             acc_z.c[2].data() + at, length);
    if (!b.empty()) {
      kernels.mul_add3_columns(group, sb, count, acc_next.c[0].data() + at,
                               acc_next.c[1].data() + at, acc_next.c[2].data() + at, length);
    }
  }
}

// The LDE rows one work item evaluates: tile ti covers `runs` runs of
// `run_length` consecutive rows, run r starting at ti·run_length + r·stride.
// In natural order each tile is one run of up to 2048 rows.
struct Tiling {
  uint64_t tiles = 1, runs = 1, run_length = 1, stride = 0;

  static Tiling natural(uint64_t size) {
    constexpr uint64_t kBlock = 2048;
    // A power of two dividing size (a block of a row split need not be one).
    const uint64_t length = std::min(kBlock, size & (~size + 1));
    return {size / length, 1, length, 0};
  }
};

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
  if (order == ntt::Order::kNatural) {
    deep_codeword_rows(lde, coefficients, ood, z, z_next, shift, log_size, 0, out);
    return;
  }
  // Natural order streams every column once (runs of 2048 rows); one
  // permutation of the codeword afterwards is cheaper than reading the
  // columns in bit-reversed tiles (0.87 s against 1.7 s for the RV32IM
  // AIR's 200 columns at 2^21 rows, 2 threads).
  std::vector<Fp3> natural(size);
  deep_codeword_rows(lde, coefficients, ood, z, z_next, shift, log_size, 0, natural);
  const auto count = static_cast<int64_t>(size);
#pragma omp parallel for schedule(static)
  for (int64_t j = 0; j < count; ++j) {
    out[ntt::reverse_bits(static_cast<uint64_t>(j), log_size)] = natural[static_cast<uint64_t>(j)];
  }
}

void deep_codeword_rows(const TableLdeViews& lde, const DeepCoefficients& coefficients,
                        const TableOod& ood, const Fp3& z, const Fp3& z_next, Fp shift,
                        int log_size, uint64_t first_row, std::span<Fp3> out) {
  const uint64_t size = out.size();
  BAOBAB_CHECK(lde.main.rows == size && size > 0 && log_size >= 0 && log_size < 64 &&
                   first_row <= (uint64_t{1} << log_size) - size,
               "deep_codeword_rows: block outside the LDE");
  const Fp omega = field::two_adic_root(log_size);
  // Plain variables: structured bindings cannot be used inside an OpenMP region.
  const std::pair<Fp3, Fp3> constants = ood_constants(coefficients, ood);
  const Fp3 constant_z = constants.first;
  const Fp3 constant_next = constants.second;
  const Fp3 z_sum = z + z_next;
  const Fp3 z_product = z * z_next;
  const Tiling tiling = Tiling::natural(size);
  const Fp omega_stride = omega.pow(tiling.stride);
  const uint64_t count = tiling.runs * tiling.run_length;
  const field::VectorKernels& kernels = field::vector_kernels();
#pragma omp parallel
  {
    Accumulator acc_z, acc_next;
    std::vector<Fp3> inv_den(count);
    std::vector<Fp> xs(count);
#pragma omp for schedule(static)
    for (int64_t ti = 0; ti < static_cast<int64_t>(tiling.tiles); ++ti) {
      const uint64_t first = static_cast<uint64_t>(ti) * tiling.run_length;
      Fp run_x = shift * omega.pow(first_row + first);
      for (uint64_t r = 0, k = 0; r < tiling.runs; ++r, run_x *= omega_stride) {
        Fp x = run_x;
        for (uint64_t l = 0; l < tiling.run_length; ++l, ++k, x *= omega) {
          xs[k] = x;
          inv_den[k] = Fp3(x * x) - z_sum * x + z_product;  // (x - z)(x - zω)
        }
      }
      // One inversion chain for both quotients; z, zω lie outside the LDE
      // domain (checked by the caller).
      field::batch_inverse(inv_den, inv_den);
      acc_z.reset(count);
      acc_next.reset(count);
      const auto accumulate = [&](field::ConstMatrixView columns, std::span<const Fp3> a,
                                  std::span<const Fp3> b) {
        for (uint64_t r = 0; r < tiling.runs; ++r) {
          accumulate_block(kernels, columns, a, b, first + r * tiling.stride, tiling.run_length,
                           r * tiling.run_length, acc_z, acc_next);
        }
      };
      accumulate(lde.main, coefficients.main_z, coefficients.main_next);
      accumulate(lde.preprocessed, coefficients.preprocessed_z, coefficients.preprocessed_next);
      accumulate(lde.aux, coefficients.aux_z, coefficients.aux_next);
      accumulate(lde.composition, coefficients.composition_z, {});
      for (uint64_t r = 0, k = 0; r < tiling.runs; ++r) {
        for (uint64_t l = 0; l < tiling.run_length; ++l, ++k) {
          const uint64_t row = first + r * tiling.stride + l;
          const uint64_t at = row;
          // A/(x - z) + B/(x - zω) = (A·(x - zω) + B·(x - z)) / ((x - z)(x - zω)).
          const Fp3 x = Fp3(xs[k]);
          out[at] = ((acc_z.at(k) - constant_z) * (x - z_next) +
                     (acc_next.at(k) - constant_next) * (x - z)) *
                    inv_den[k];
        }
      }
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
