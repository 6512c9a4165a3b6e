// Transcript steps the prover and the verifier perform identically (STYLE §1:
// the phase name is the transcript label). Keeping them in one place makes a
// prover/verifier mismatch impossible by construction.
#pragma once

#include <span>
#include <vector>

#include "src/stark/layout.h"
#include "src/stark/proof.h"
#include "src/stark/statement.h"
#include "src/transcript/transcript.h"

namespace baobab::stark {

inline constexpr const char* kTranscriptDomain = "baobab.stark.v1";

// "statement": parameters, every table's name and shape, public inputs.
void absorb_statement(transcript::Transcript& tr, const Statement& statement,
                      const params::ProofParams& params);

// "challenges": the AIR challenges shared by all tables.
std::vector<Fp3> draw_challenges(transcript::Transcript& tr, uint64_t count);

// "ood.z": an out-of-domain point outside F_p (so outside every trace and LDE
// domain); redrawn in the negligible case that it lands in F_p.
Fp3 draw_ood_point(transcript::Transcript& tr);

// "ood.<table>": one table's out-of-domain values.
void absorb_ood(transcript::Transcript& tr, const TableOod& ood);

// The coset shift of a table's LDE: kCosetShift^(2^j) for a table whose LDE
// is 2^j times smaller than the tallest one (the FRI layer it is folded into).
Fp table_shift(const StarkLayout& layout, size_t table);

// The LDE row (natural order) of table `table` that FRI position `position`
// (bit-reversed, in the tallest domain) reaches.
uint64_t table_row(const StarkLayout& layout, size_t table, uint64_t position);
// The rows the positions reach, sorted and distinct: what each commitment
// of the table opens.
std::vector<uint64_t> table_rows(const StarkLayout& layout, size_t table,
                                 std::span<const uint64_t> positions);

}  // namespace baobab::stark
