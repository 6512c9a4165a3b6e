// The prover's side of the constraint composition (sink (d)): the values of
//   H(x) = Σ_kind ( Σ_{i of that kind} α^i C_i(x) ) / Z_kind(x)
// at every point x_j = lde.shift·ω_N^j of the LDE coset, N = n·blowup
// (shift = kCosetShift, or a power of it for a shorter table).
//
// Contract on the input (LdeView, table.h): every column is the LDE of the
// trace column in NATURAL order, so the next row of point j is
// (j + blowup) mod N; a row-block owner (DESIGN §4) needs `blowup` halo rows.
// The output H has degree < air.quotient_chunks()·n when the witness is
// honest, so its N values determine it only if blowup >= quotient_chunks()
// (checked); the prover interpolates H and splits it into that many chunks of
// n coefficients (ood_composition.h recombines them at z).
//
// Work: rows go in blocks of kCompositionBlockRows over OpenMP threads; each
// block is one virtual call (the AIR's eval() instantiated for LdeRowSink,
// base-column arithmetic in Fp) followed by the division by the vanishing
// polynomials: 1/(x^n - 1) takes only `blowup` values on the coset (one batch
// inversion for the whole table), 1/(x - 1) and 1/(x - ω^(n-1)) one batch
// inversion per block, only for tables with boundary constraints. The
// result does not depend on the thread count.
#pragma once

#include <cstdint>
#include <span>

#include "src/air/air.h"
#include "src/air/table.h"

namespace baobab::air {

inline constexpr uint64_t kCompositionBlockRows = 1024;

// out[j] = H(x_j), out.size() = n·lde.blowup / lde.row_step (or, for a
// block view, lde.block_rows values from logical row lde.first_row on): with
// row_step > 1 only the sub-coset shift·<ω_(out.size())> is evaluated, which
// is enough because H has degree < quotient_chunks()·n <= out.size(); the
// prover interpolates there and extends (4× less constraint work at blowup 8
// with two chunks). Shapes are checked (BAOBAB_CHECK).
void evaluate_composition(const Air& air, const LdeView& lde, const ConstraintInputs& inputs,
                          const Fp3& alpha, std::span<Fp3> out);

}  // namespace baobab::air
