// The DEEP quotient (docs/stark.md, phase "deep"): for one table,
//   D(x) = Σ_c a_c (f_c(x) - f_c(z)) / (x - z) + Σ_c b_c (f_c(x) - f_c(zω)) / (x - zω)
// over every committed column c (main, preprocessed, aux coordinates: both
// points; composition coordinates: z only), with a_c, b_c successive powers
// of the challenge γ in a fixed order. If every f_c agrees with its claimed
// out-of-domain values, D is a polynomial of degree < n - 1; FRI tests that.
// The prover evaluates D over the LDE coset; the verifier at queried points.
#pragma once

#include <span>
#include <vector>

#include "src/field/ext3.h"
#include "src/field/matrix_view.h"
#include "src/ntt/order.h"
#include "src/stark/layout.h"
#include "src/stark/proof.h"

namespace baobab::stark {

// γ-power coefficients of one table's DEEP terms, in proof order.
struct DeepCoefficients {
  std::vector<Fp3> main_z, main_next;
  std::vector<Fp3> preprocessed_z, preprocessed_next;
  std::vector<Fp3> aux_z, aux_next;
  std::vector<Fp3> composition_z;
};

// Table by table: main (z, zω per column), preprocessed, aux, composition.
std::vector<DeepCoefficients> deep_coefficients(const StarkLayout& layout, const Fp3& gamma);

// One table's committed LDE columns (natural order over shift·<ω_N>).
struct TableLdeViews {
  field::ConstMatrixView main, preprocessed, aux, composition;
};

// D at every LDE point x_j = shift·ω_N^j, j < N: out[j] (Order::kNatural) or
// out[reverse_bits(j, log N)] (Order::kBitReversed, FRI's order, written in
// place rather than permuted afterwards). Every element of `out` is written.
void deep_codeword(const TableLdeViews& lde, const DeepCoefficients& coefficients,
                   const TableOod& ood, const Fp3& z, const Fp3& z_next, Fp shift, ntt::Order order,
                   std::span<Fp3> out);

// D at the points x_j, j in [first_row, first_row + out.size()), of the LDE
// of 2^log_size rows, in natural order: out[j - first_row]. `lde` holds
// those rows only (a rank's block, DESIGN §4).
void deep_codeword_rows(const TableLdeViews& lde, const DeepCoefficients& coefficients,
                        const TableOod& ood, const Fp3& z, const Fp3& z_next, Fp shift,
                        int log_size, uint64_t first_row, std::span<Fp3> out);

// One table's committed values at one LDE point (an opened row of each tree).
struct TableRowValues {
  std::span<const Fp> main, preprocessed, aux, composition;
};

// D at the point x from the row values there.
Fp3 deep_value(const TableRowValues& row, const DeepCoefficients& coefficients, const TableOod& ood,
               const Fp3& z, const Fp3& z_next, Fp x);

}  // namespace baobab::stark
