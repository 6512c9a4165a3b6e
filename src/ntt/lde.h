// Coset low-degree extension (DESIGN §4 step 3), batched over columns: the
// trace columns, given as evaluations over the subgroup <w_n> (or as
// coefficients), are evaluated over the disjoint coset kCosetShift · <w_N>,
// N = n · blowup. Called by the prover's commit phases.
//
// Output goes into a caller-provided matrix of N rows (reused between calls:
// first touch of fresh memory is expensive); the address ranges the input
// and output views span must not overlap (checked).
// With Order::kBitReversed, row reverse_bits(i, log N) holds the value at
// kCosetShift · w_N^i, the layout FRI and the Merkle commitments use.
//
// Algorithm per column: copy + DIF inverse + in-place bit reversal,
// multiply c_i by g^i / n, then the first log(blowup) layers of a size-N DIF
// on the zero-padded coefficients (each a pointwise product with one twiddle
// table) and blowup independent size-n DIFs: no arithmetic on padding zeros.
#pragma once

#include <cstdint>

#include "src/field/roots.h"
#include "src/ntt/order.h"
#include "src/ntt/plan.h"

namespace baobab::ntt {

// evals: n rows (power of two), natural order over <two_adic_root(log n)>.
// blowup in {2, 4, 8, 16}; out: n·blowup rows, same column count; the plan
// must cover n·blowup.
// `shift` picks the coset: kCosetShift for a STARK's tallest table, and
// kCosetShift^(2^j) for a table 2^j times shorter, whose codeword FRI folds
// in at the layer living on that coset (docs/stark.md). It must lie outside
// the 2-adic subgroup (any power of kCosetShift does).
void lde(const NttPlan& plan, ConstMatrixView evals, uint64_t blowup, MatrixView out,
         Order out_order, Fp shift = field::kCosetShift);

// The same from coefficients (natural order, degree < n).
void lde_from_coefficients(const NttPlan& plan, ConstMatrixView coeffs, uint64_t blowup,
                           MatrixView out, Order out_order, Fp shift = field::kCosetShift);

}  // namespace baobab::ntt
