// LogUp (log-derivative) running sums (DESIGN §2, issue 3 item 2), the aux
// columns of lookup and table sides, and the cross-table balance check.
//
// With challenge γ, a multiset of values {v} is contained (with
// multiplicities m_t) in a table {t} iff, as rational functions,
//   Σ_v 1/(γ - v) - Σ_t m_t/(γ - t) = 0,
// which holds at a random γ only with negligible probability otherwise
// (Schwartz–Zippel over Fp3; needs total multiplicities < p). Each table keeps
// a running sum s_i = Σ_{k<=i} sign·m_k/(γ - v_k) in one aux column, with
// sign = +1 on the lookup side and -1 on the table side, and reveals its
// final sum s_(n-1) as an aux value bound by a last-row constraint. Tables may
// have different heights: only the final sums cross tables. The verifier
// adds the revealed final sums of all tables of one lookup argument and
// requires zero (check_logup_balance).
#pragma once

#include <cstdint>
#include <span>

#include "src/common/result.h"
#include "src/field/ext3.h"
#include "src/field/matrix_view.h"

namespace baobab::air {

using field::Fp;
using field::Fp3;
using field::MatrixView;

enum class LogupSide { kLookup, kTable };

// Writes s_i = Σ_{k<=i} sign·m_k/(γ - v_k) into the three coordinate columns
// aux_out[3·aux_column .. 3·aux_column + 2] and returns s_(n-1).
// multiplicities: empty means 1 on every row; otherwise one per value.
// γ must differ from every value (probability ~n/p^3 for a random γ).
Fp3 logup_running_sum(std::span<const Fp> values, std::span<const Fp> multiplicities,
                      const Fp3& gamma, LogupSide side, MatrixView aux_out, uint64_t aux_column);

// Ok when the final sums of all tables of one lookup argument add to zero.
Status check_logup_balance(std::span<const Fp3> final_sums);

}  // namespace baobab::air
