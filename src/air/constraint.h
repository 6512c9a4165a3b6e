// Constraint kinds and per-constraint metadata of the AIR framework
// (DESIGN §2, STYLE §5). Every constraint an AIR states has a name, a kind and
// a degree; the kind fixes on which rows of the trace domain H = <ω_n> it must
// vanish, hence the vanishing polynomial the prover and verifier divide by:
//
//   kind          rows that must be zero        vanishing polynomial Z(x)
//   kEveryRow     all n rows                    x^n - 1
//   kTransition   rows 0 .. n-2 (row i, i+1)    (x^n - 1) / (x - ω^(n-1))
//   kFirstRow     row 0                         x - 1
//   kLastRow      row n-1                       x - ω^(n-1)
//
// "Next row" is cyclic everywhere (row n-1's next row is row 0), matching
// x -> ω·x on the polynomial side; a transition constraint is simply not
// required at the last row. Used by every sink and every driver in air/.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "src/field/ext3.h"

namespace baobab::air {

using field::Fp;
using field::Fp3;

enum class ConstraintKind : int { kEveryRow = 0, kTransition = 1, kFirstRow = 2, kLastRow = 3 };

inline constexpr size_t kConstraintKindCount = 4;

constexpr size_t kind_index(ConstraintKind kind) {
  return static_cast<size_t>(kind);
}

constexpr std::string_view kind_name(ConstraintKind kind) {
  switch (kind) {
    case ConstraintKind::kEveryRow:
      return "every row";
    case ConstraintKind::kTransition:
      return "transition";
    case ConstraintKind::kFirstRow:
      return "first row";
    case ConstraintKind::kLastRow:
      return "last row";
  }
  return "unknown";
}

// The largest constraint degree (in the trace columns) our AIRs use (DESIGN
// §3); adapters refuse AIRs above it.
inline constexpr int kMaxConstraintDegree = 3;

// One constraint as the degree counter sees it, in declaration order: the
// i-th constraint gets the random coefficient α^i in the composition.
struct ConstraintInfo {
  std::string name;
  ConstraintKind kind = ConstraintKind::kEveryRow;
  int degree = 0;
};

// Σ α^i C_i over the constraints of one kind, kept apart per kind because each
// kind is divided by its own vanishing polynomial.
using KindSums = std::array<Fp3, kConstraintKindCount>;

// Number of degree-<n chunks the quotient C(x) / Z(x) of one constraint of
// this kind and degree d needs (its degree is < chunks · n). Column
// polynomials have degree <= n - 1, so C has degree <= d·(n - 1):
//   kEveryRow   d(n-1) - n      < (d-1)·n   -> max(d - 1, 1)
//   kTransition (d-1)(n-1)      < (d-1)·n   -> max(d - 1, 1)
//   first/last  d(n-1) - 1      < d·n       -> max(d, 1)
// A boundary constraint of degree d thus costs as much as a row constraint of
// degree d + 1. A table's composition needs the maximum over its constraints.
constexpr int constraint_chunks(ConstraintKind kind, int degree) {
  const int needed =
      (kind == ConstraintKind::kFirstRow || kind == ConstraintKind::kLastRow) ? degree : degree - 1;
  return needed > 1 ? needed : 1;
}

// The first failing constraint found in a range of rows (internal to the
// debug checker; ConstraintFailure in debug_checker.h is the public report).
struct RowFailure {
  uint64_t row = 0;
  uint64_t constraint = 0;  // index into Air::constraints()
};

}  // namespace baobab::air
