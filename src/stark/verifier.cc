#include "src/stark/verifier.h"

#include <algorithm>
#include <bit>

#include "src/air/logup.h"
#include "src/air/ood_composition.h"
#include "src/fri/domain.h"
#include "src/fri/verifier.h"
#include "src/merkle/opening.h"
#include "src/merkle/tree.h"
#include "src/ntt/lde.h"
#include "src/stark/deep.h"
#include "src/stark/layout.h"
#include "src/stark/ood.h"
#include "src/stark/transcript_steps.h"

namespace baobab::stark {

namespace {

using field::ConstMatrixView;

Error reject(std::string message) {
  return Error{ErrorCode::kMalformedInput, std::move(message), "verify"};
}

// Every count in the proof against the shapes the layout implies, before any
// value is used.
Status check_shape(const StarkLayout& layout, const Proof& proof) {
  if (proof.tables.size() != layout.tables.size()) return reject("wrong number of tables");
  for (size_t t = 0; t < layout.tables.size(); ++t) {
    const TableLayout& shape = layout.tables[t];
    const TableProof& table = proof.tables[t];
    const TableOod& ood = table.ood;
    const bool ok =
        table.aux_values.size() == shape.aux_values && ood.main.size() == shape.main_columns &&
        ood.main_next.size() == shape.main_columns &&
        ood.preprocessed.size() == shape.preprocessed_columns &&
        ood.preprocessed_next.size() == shape.preprocessed_columns &&
        ood.aux.size() == shape.aux_columns && ood.aux_next.size() == shape.aux_columns &&
        ood.composition.size() == shape.composition_columns();
    if (!ok) return reject("table " + std::to_string(t) + ": out-of-domain or aux value counts");
  }
  if (proof.fri.size() != 1) return reject("expected one FRI instance");
  return Ok{};
}

// The preprocessed columns' root, recomputed from the AIR (they depend only
// on the statement, so the verifier never trusts the prover for them).
Digest preprocessed_root(const air::Air& air, uint64_t blowup, Fp shift,
                         const hash::Hasher& hasher) {
  const uint64_t n = air.info().rows(), cols = air.info().num_preprocessed;
  if (cols == 0) return Digest{};
  // Sized to this table: the verifier's work stays independent of the trace
  // length for tables without fixed columns.
  const ntt::NttPlan plan(air.info().log_rows + std::countr_zero(blowup));
  std::vector<Fp> trace(n * cols), lde(n * blowup * cols);
  air.build_preprocessed(field::MatrixView(trace.data(), n, cols));
  ntt::lde(plan, ConstMatrixView(trace.data(), n, cols), blowup,
           field::MatrixView(lde.data(), n * blowup, cols), ntt::Order::kNatural, shift);
  return merkle::MerkleTree::build(hasher, ConstMatrixView(lde.data(), n * blowup, cols)).root();
}

// The composition recombined from the chunks equals the constraints' value at z.
Status check_composition(const air::Air& air, const TableProof& table,
                         std::span<const Fp> public_inputs, std::span<const Fp3> challenges,
                         const Fp3& alpha, const Fp3& z) {
  const TableOod& ood = table.ood;
  const air::OodFrame frame{ood.main, ood.main_next, ood.preprocessed, ood.preprocessed_next,
                            ood.aux,  ood.aux_next};
  auto expected =
      air::composition_at(air, frame, {public_inputs, challenges, table.aux_values}, alpha, z);
  if (!expected) return expected.error();
  std::vector<Fp3> chunks;
  for (size_t k = 0; k + 2 < ood.composition.size(); k += 3) {
    chunks.push_back(
        recombine_coordinates(ood.composition[k], ood.composition[k + 1], ood.composition[k + 2]));
  }
  if (air::combine_chunks_at(chunks, z, air.info().log_rows) != expected.value()) {
    return reject("table '" + air.info().name +
                  "': composition does not match the constraints at z");
  }
  return Ok{};
}

// One tree's opening at the expected rows.
Status check_opening(const merkle::BatchOpening& opening, const Digest& root, unsigned height,
                     uint64_t width, std::span<const uint64_t> rows, const hash::Hasher& hasher,
                     const std::string& what) {
  if (width == 0) {
    if (!opening.indices.empty() || !opening.rows.empty() || !opening.siblings.empty()) {
      return reject(what + ": opening of a tree that does not exist");
    }
    return Ok{};
  }
  if (!std::equal(opening.indices.begin(), opening.indices.end(), rows.begin(), rows.end())) {
    return reject(what + ": opened rows are not the queried rows");
  }
  if (Status ok = merkle::verify_batch(hasher, root, height, width, opening); !ok) {
    return reject(what + ": " + ok.error().message);
  }
  return Ok{};
}

std::span<const Fp> row_of(const merkle::BatchOpening& opening, uint64_t width, uint64_t row) {
  if (width == 0) return {};
  const auto it = std::lower_bound(opening.indices.begin(), opening.indices.end(), row);
  const auto k = static_cast<uint64_t>(it - opening.indices.begin());
  return std::span<const Fp>(opening.rows).subspan(k * width, width);
}

// What the phases share; mirrors the prover's context.
struct VerifierContext {
  const Statement& statement;
  const Proof& proof;
  const StarkLayout& layout;
  const hash::Hasher& hasher;
  transcript::Transcript tr{kTranscriptDomain};
  std::vector<Digest> preprocessed_roots{};
  std::vector<Fp3> challenges{};
};

// "commit.main" .. "commit.aux": absorb the roots (recomputing the
// preprocessed ones), draw the challenges, check the LogUp balances.
Status replay_commitments(VerifierContext& ctx) {
  const size_t tables = ctx.statement.tables.size();
  const uint64_t blowup = ctx.proof.params.blowup();
  ctx.preprocessed_roots.resize(tables);
  for (size_t t = 0; t < tables; ++t) {
    ctx.tr.absorb_digest("commit.main", ctx.proof.tables[t].main_root);
    ctx.preprocessed_roots[t] =
        preprocessed_root(*ctx.statement.tables[t], blowup, table_shift(ctx.layout, t), ctx.hasher);
    ctx.tr.absorb_digest("commit.preprocessed", ctx.preprocessed_roots[t]);
  }
  ctx.challenges = draw_challenges(ctx.tr, ctx.layout.num_challenges);
  for (size_t t = 0; t < tables; ++t) {
    ctx.tr.absorb_digest("commit.aux", ctx.proof.tables[t].aux_root);
    ctx.tr.absorb_fp3s("commit.aux.values", ctx.proof.tables[t].aux_values);
  }
  for (const auto& group : ctx.statement.logup_balances) {
    std::vector<Fp3> sums;
    for (const AuxValueRef& ref : group) {
      if (ref.table >= tables || ref.index >= ctx.proof.tables[ref.table].aux_values.size()) {
        return reject("LogUp balance refers to a missing aux value");
      }
      sums.push_back(ctx.proof.tables[ref.table].aux_values[ref.index]);
    }
    if (Status balanced = air::check_logup_balance(sums); !balanced) {
      return reject(balanced.error().message);
    }
  }
  return Ok{};
}

// "composition" and "ood": the chunks recombined at z must equal the
// constraints evaluated on the out-of-domain values.
Result<Fp3> check_out_of_domain(VerifierContext& ctx) {
  const Fp3 alpha = ctx.tr.challenge_fp3("composition.alpha");
  for (const TableProof& table : ctx.proof.tables) {
    ctx.tr.absorb_digest("commit.composition", table.composition_root);
  }
  const Fp3 z = draw_ood_point(ctx.tr);
  for (size_t t = 0; t < ctx.statement.tables.size(); ++t) {
    if (Status ok = check_composition(*ctx.statement.tables[t], ctx.proof.tables[t],
                                      ctx.statement.public_inputs, ctx.challenges, alpha, z);
        !ok) {
      return ok.error();
    }
    absorb_ood(ctx.tr, ctx.proof.tables[t].ood);
  }
  return z;
}

// One table's openings at the queried rows, then its DEEP value at each query.
Result<std::vector<Fp3>> table_deep_values(const VerifierContext& ctx, size_t t,
                                           std::span<const uint64_t> positions,
                                           const DeepCoefficients& coefficients, const Fp3& z) {
  const TableLayout& shape = ctx.layout.tables[t];
  const TableProof& table = ctx.proof.tables[t];
  const std::string name = "table '" + ctx.statement.tables[t]->info().name + "'";
  std::vector<uint64_t> rows;
  for (uint64_t position : positions) rows.push_back(table_row(ctx.layout, t, position));
  std::vector<uint64_t> unique_rows = rows;
  std::sort(unique_rows.begin(), unique_rows.end());
  unique_rows.erase(std::unique(unique_rows.begin(), unique_rows.end()), unique_rows.end());
  const auto height = static_cast<unsigned>(shape.log_lde_rows);
  const TableOpenings& o = table.openings;
  for (const auto& [opening, root, width, what] :
       {std::tuple{&o.main, table.main_root, shape.main_columns, "main"},
        std::tuple{&o.preprocessed, ctx.preprocessed_roots[t], shape.preprocessed_columns,
                   "preprocessed"},
        std::tuple{&o.aux, table.aux_root, shape.aux_columns, "aux"},
        std::tuple{&o.composition, table.composition_root, shape.composition_columns(),
                   "composition"}}) {
    if (Status ok = check_opening(*opening, root, height, width, unique_rows, ctx.hasher,
                                  name + " " + what);
        !ok) {
      return ok.error();
    }
  }
  const Fp3 z_next = z * field::two_adic_root(shape.log_rows);
  const Fp shift = table_shift(ctx.layout, t);
  const Fp omega = field::two_adic_root(shape.log_lde_rows);
  std::vector<Fp3> values(positions.size());
  for (size_t q = 0; q < positions.size(); ++q) {
    const TableRowValues row{row_of(o.main, shape.main_columns, rows[q]),
                             row_of(o.preprocessed, shape.preprocessed_columns, rows[q]),
                             row_of(o.aux, shape.aux_columns, rows[q]),
                             row_of(o.composition, shape.composition_columns(), rows[q])};
    values[q] = deep_value(row, coefficients, table.ood, z, z_next, shift * omega.pow(rows[q]));
  }
  return values;
}

// "deep", "fri", "open": FRI commitment, proof of work, queries, and the
// DEEP values (summed per LDE size) checked by FRI at every query.
Status check_queries(VerifierContext& ctx, const Fp3& z) {
  const Fp3 gamma = ctx.tr.challenge_fp3("deep.gamma");
  const std::vector<DeepCoefficients> coefficients = deep_coefficients(ctx.layout, gamma);
  const FriInstanceProof& fri_proof = ctx.proof.fri[0];
  const auto log_domain = static_cast<unsigned>(ctx.layout.max_log_lde_rows);
  auto fri_challenges =
      fri::verify_commitment(ctx.layout.fri_options, log_domain, fri_proof.commitment, ctx.tr);
  if (!fri_challenges) return fri_challenges.error();
  if (!ctx.tr.verify_pow(ctx.proof.params.grinding_bits, ctx.proof.pow_nonce)) {
    return reject("proof of work is invalid");
  }
  const std::vector<uint64_t> positions =
      ctx.tr.challenge_indices("queries", uint64_t{1} << log_domain, ctx.proof.params.num_queries);

  std::vector<Fp3> initial(positions.size(), Fp3::zero());
  std::vector<fri::FriInjectedValues> injected;
  for (size_t t = 0; t < ctx.statement.tables.size(); ++t) {
    auto values = table_deep_values(ctx, t, positions, coefficients[t], z);
    if (!values) return values.error();
    const auto log_size = static_cast<unsigned>(ctx.layout.tables[t].log_lde_rows);
    if (log_size == log_domain) {
      for (size_t q = 0; q < positions.size(); ++q) initial[q] += values.value()[q];
      continue;
    }
    auto it = std::find_if(injected.begin(), injected.end(),
                           [&](const fri::FriInjectedValues& v) { return v.log_size == log_size; });
    if (it == injected.end()) {
      injected.push_back({log_size, std::move(values).value()});
    } else {
      for (size_t q = 0; q < positions.size(); ++q) it->values[q] += values.value()[q];
    }
  }
  return fri::verify_queries(ctx.layout.fri_options, log_domain, fri_proof.commitment,
                             fri_challenges.value(), fri_proof.queries, positions, initial,
                             ctx.hasher, injected);
}

Status verify_impl(const Statement& statement, const Proof& proof, const StarkLayout& layout,
                   const hash::Hasher& hasher) {
  if (Status ok = check_shape(layout, proof); !ok) return ok;
  if (statement.public_inputs.size() < layout.num_public_inputs) {
    return reject("too few public inputs");
  }
  VerifierContext ctx{statement, proof, layout, hasher};
  absorb_statement(ctx.tr, statement, proof.params);
  if (Status ok = replay_commitments(ctx); !ok) return ok;
  auto z = check_out_of_domain(ctx);
  if (!z) return z.error();
  return check_queries(ctx, z.value());
}

}  // namespace

VerifyOutcome verify(const Statement& statement, const Proof& proof,
                     const params::SecurityLevel& level, const hash::Hasher& hasher) {
  VerifyOutcome outcome;
  auto layout = make_layout(statement.tables, proof.params);
  if (!layout) {
    outcome.reason = layout.error().to_string();
    return outcome;
  }
  outcome.security =
      params::estimate_security(proof.params, statement_shape(statement.tables, layout.value()));
  if (Status secure = params::check_security(outcome.security, level); !secure) {
    outcome.reason = secure.error().to_string();
    return outcome;
  }
  const Status verified = verify_impl(statement, proof, layout.value(), hasher);
  outcome.accepted = verified.ok();
  if (!verified) outcome.reason = verified.error().to_string();
  return outcome;
}

}  // namespace baobab::stark
