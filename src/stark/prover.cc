#include "src/stark/prover.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "src/air/debug_checker.h"
#include "src/air/logup.h"
#include "src/air/prover_evaluator.h"
#include "src/fri/prover.h"
#include "src/merkle/opening.h"
#include "src/merkle/tree.h"
#include "src/ntt/bit_reverse.h"
#include "src/ntt/lde.h"
#include "src/ntt/ntt.h"
#include "src/stark/deep.h"
#include "src/stark/layout.h"
#include "src/stark/ood.h"
#include "src/stark/transcript_steps.h"

namespace baobab::stark {

namespace {

using field::ConstMatrixView;
using field::MatrixView;

// Columns over the trace domain and their committed LDE (natural order).
struct CommittedColumns {
  std::vector<Fp> trace;  // n × cols (empty for the composition, which keeps coefficients)
  std::vector<Fp> lde;    // N × cols
  uint64_t rows = 0, lde_rows = 0, cols = 0;
  std::optional<merkle::MerkleTree> tree;

  ConstMatrixView trace_view() const { return {trace.data(), rows, cols}; }
  ConstMatrixView lde_view() const { return {lde.data(), lde_rows, cols}; }
  Digest root() const { return tree ? tree->root() : Digest{}; }
};

struct TableState {
  Fp shift;
  CommittedColumns main, preprocessed, aux, composition;
  std::vector<Fp> composition_coefficients;  // n × 3·chunks
  std::vector<Fp3> aux_values;
  TableOod ood;
};

void commit_lde(const ntt::NttPlan& plan, CommittedColumns& c, uint64_t blowup, Fp shift,
                const hash::Hasher& hasher) {
  c.lde_rows = c.rows * blowup;
  c.lde.assign(c.lde_rows * c.cols, Fp::zero());
  if (c.cols == 0) return;
  ntt::lde(plan, c.trace_view(), blowup, MatrixView(c.lde.data(), c.lde_rows, c.cols),
           ntt::Order::kNatural, shift);
  c.tree = merkle::MerkleTree::build_pruned(hasher, c.lde_view());
}

// Splits the composition values H (N over shift·<ω_N>, degree < chunks·n)
// into `chunks` polynomials of degree < n (3 coordinate columns each) and
// commits to their LDE.
void commit_composition(const ntt::NttPlan& plan, std::span<const Fp3> values, uint64_t n,
                        uint64_t chunks, uint64_t blowup, Fp shift, TableState& state,
                        const hash::Hasher& hasher) {
  const uint64_t big = values.size();
  std::vector<Fp> coordinates(3 * big);
  for (uint64_t j = 0; j < big; ++j) {
    for (uint64_t k = 0; k < 3; ++k) coordinates[k * big + j] = values[j][static_cast<int>(k)];
  }
  ntt::coset_inverse(plan, MatrixView(coordinates.data(), big, 3), shift, ntt::Order::kNatural);
  // Column 3·chunk + coordinate holds coefficients [chunk·n, (chunk+1)·n).
  state.composition_coefficients.assign(n * 3 * chunks, Fp::zero());
  for (uint64_t chunk = 0; chunk < chunks; ++chunk) {
    for (uint64_t k = 0; k < 3; ++k) {
      const Fp* src = coordinates.data() + k * big + chunk * n;
      std::copy(src, src + n, state.composition_coefficients.data() + (3 * chunk + k) * n);
    }
  }
  CommittedColumns& c = state.composition;
  c.rows = n;
  c.cols = 3 * chunks;
  c.lde_rows = big;
  c.lde.assign(big * c.cols, Fp::zero());
  ntt::lde_from_coefficients(
      plan, ConstMatrixView(state.composition_coefficients.data(), n, c.cols), blowup,
      MatrixView(c.lde.data(), big, c.cols), ntt::Order::kNatural, shift);
  c.tree = merkle::MerkleTree::build_pruned(hasher, c.lde_view());
}

std::vector<Fp3> bit_reversed(std::span<const Fp3> values) {
  std::vector<Fp3> out(values.size());
  const int log_n = std::countr_zero(values.size());
  for (uint64_t j = 0; j < values.size(); ++j) out[ntt::reverse_bits(j, log_n)] = values[j];
  return out;
}

merkle::BatchOpening open_columns(const CommittedColumns& c, std::span<const uint64_t> rows) {
  if (c.cols == 0) return {};
  return merkle::open_rows(*c.tree, c.lde_view(), rows);
}

class PhaseClock {
 public:
  explicit PhaseClock(const ProveOptions& options) : options_(options) {}
  void done(std::string_view phase) {
    const auto now = std::chrono::steady_clock::now();
    if (options_.on_phase)
      options_.on_phase(phase, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  const ProveOptions& options_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

Status check_inputs(const Statement& statement, std::span<const ConstMatrixView> traces,
                    const StarkLayout& layout) {
  if (traces.size() != statement.tables.size()) {
    return Error{ErrorCode::kInvalidArgument, "one main trace per table is needed", "prove"};
  }
  for (size_t t = 0; t < traces.size(); ++t) {
    if (traces[t].rows != layout.tables[t].rows() ||
        traces[t].cols != layout.tables[t].main_columns) {
      return Error{ErrorCode::kInvalidArgument,
                   "main trace of table '" + statement.tables[t]->info().name + "' has shape " +
                       std::to_string(traces[t].rows) + "x" + std::to_string(traces[t].cols),
                   "prove"};
    }
  }
  if (statement.public_inputs.size() < layout.num_public_inputs) {
    return Error{ErrorCode::kInvalidArgument, "too few public inputs for the tables", "prove"};
  }
  return Ok{};
}

Status check_witness(const Statement& statement, const std::vector<TableState>& states,
                     std::span<const Fp3> challenges) {
  for (size_t t = 0; t < statement.tables.size(); ++t) {
    const air::Air& air = *statement.tables[t];
    const TableState& s = states[t];
    const air::TraceView trace{s.main.trace_view(), s.preprocessed.trace_view(),
                               s.aux.trace_view()};
    const air::ConstraintInputs inputs{statement.public_inputs, challenges, s.aux_values};
    if (const auto failure = air.first_failure(trace, inputs, 0, air.info().rows())) {
      return Error{ErrorCode::kInvalidArgument,
                   "witness violates constraint '" + air.constraints()[failure->constraint].name +
                       "' at row " + std::to_string(failure->row) + " of table '" +
                       air.info().name + "'",
                   "prove"};
    }
  }
  for (const auto& group : statement.logup_balances) {
    std::vector<Fp3> sums;
    for (const AuxValueRef& ref : group) sums.push_back(states[ref.table].aux_values[ref.index]);
    if (Status balanced = air::check_logup_balance(sums); !balanced) return balanced.error();
  }
  return Ok{};
}

}  // namespace

Result<Proof> prove(const Statement& statement, std::span<const ConstMatrixView> main_traces,
                    const params::ProofParams& params, const hash::Hasher& hasher,
                    const ProveOptions& options) {
  auto layout_or = make_layout(statement.tables, params);
  if (!layout_or) return layout_or.error();
  const StarkLayout& layout = layout_or.value();
  if (Status ok = check_inputs(statement, main_traces, layout); !ok) return ok.error();

  PhaseClock clock(options);
  Proof proof;
  proof.params = params;
  proof.tables.resize(statement.tables.size());
  const uint64_t blowup = params.blowup();
  const ntt::NttPlan plan(layout.max_log_lde_rows, options.simd_level);
  std::vector<TableState> states(statement.tables.size());

  transcript::Transcript tr(kTranscriptDomain);
  absorb_statement(tr, statement, params);

  // commit.main, commit.preprocessed
  for (size_t t = 0; t < states.size(); ++t) {
    const air::Air& air = *statement.tables[t];
    TableState& s = states[t];
    s.shift = table_shift(layout, t);
    const uint64_t n = layout.tables[t].rows();
    s.main.rows = n;
    s.main.cols = layout.tables[t].main_columns;
    s.main.trace.resize(n * s.main.cols);
    for (uint64_t c = 0; c < s.main.cols; ++c) {
      const auto column = main_traces[t].column_span(c);
      std::copy(column.begin(), column.end(), s.main.trace.begin() + static_cast<int64_t>(c * n));
    }
    commit_lde(plan, s.main, blowup, s.shift, hasher);
    proof.tables[t].main_root = s.main.root();
    tr.absorb_digest("commit.main", s.main.root());

    s.preprocessed.rows = n;
    s.preprocessed.cols = layout.tables[t].preprocessed_columns;
    s.preprocessed.trace.assign(n * s.preprocessed.cols, Fp::zero());
    air.build_preprocessed(MatrixView(s.preprocessed.trace.data(), n, s.preprocessed.cols));
    commit_lde(plan, s.preprocessed, blowup, s.shift, hasher);
    tr.absorb_digest("commit.preprocessed", s.preprocessed.root());
  }
  clock.done("commit.main");

  // challenges, commit.aux
  const std::vector<Fp3> challenges = draw_challenges(tr, layout.num_challenges);
  for (size_t t = 0; t < states.size(); ++t) {
    const air::Air& air = *statement.tables[t];
    TableState& s = states[t];
    const uint64_t n = layout.tables[t].rows();
    s.aux.rows = n;
    s.aux.cols = layout.tables[t].aux_columns;
    s.aux.trace.assign(n * s.aux.cols, Fp::zero());
    s.aux_values.assign(layout.tables[t].aux_values, Fp3::zero());
    const air::TraceView trace{s.main.trace_view(), s.preprocessed.trace_view(), {}};
    air.build_aux(trace, air::ConstraintInputs{statement.public_inputs, challenges, {}},
                  MatrixView(s.aux.trace.data(), n, s.aux.cols), s.aux_values);
    commit_lde(plan, s.aux, blowup, s.shift, hasher);
    proof.tables[t].aux_root = s.aux.root();
    proof.tables[t].aux_values = s.aux_values;
    tr.absorb_digest("commit.aux", s.aux.root());
    tr.absorb_fp3s("commit.aux.values", s.aux_values);
  }
  clock.done("commit.aux");

  if (options.check_witness) {
    if (Status ok = check_witness(statement, states, challenges); !ok) return ok.error();
    clock.done("check");
  }

  // composition
  const Fp3 alpha = tr.challenge_fp3("composition.alpha");
  for (size_t t = 0; t < states.size(); ++t) {
    const air::Air& air = *statement.tables[t];
    TableState& s = states[t];
    const TableLayout& shape = layout.tables[t];
    std::vector<Fp3> values(shape.lde_rows());
    const air::LdeView lde{s.main.lde_view(), s.preprocessed.lde_view(), s.aux.lde_view(), blowup,
                           s.shift};
    air::evaluate_composition(
        air, lde, air::ConstraintInputs{statement.public_inputs, challenges, s.aux_values}, alpha,
        values);
    commit_composition(plan, values, shape.rows(), shape.chunks, blowup, s.shift, s, hasher);
    proof.tables[t].composition_root = s.composition.root();
    tr.absorb_digest("commit.composition", s.composition.root());
  }
  clock.done("composition");

  // ood
  const Fp3 z = draw_ood_point(tr);
  for (size_t t = 0; t < states.size(); ++t) {
    TableState& s = states[t];
    const Fp3 z_next = z * field::two_adic_root(layout.tables[t].log_rows);
    TableOod& ood = s.ood;
    const uint64_t n = layout.tables[t].rows();
    const std::vector<Fp3> at_z = barycentric_weights(n, z);
    const std::vector<Fp3> at_next = barycentric_weights(n, z_next);
    ood.main = evaluate_columns_at(s.main.trace_view(), at_z);
    ood.main_next = evaluate_columns_at(s.main.trace_view(), at_next);
    ood.preprocessed = evaluate_columns_at(s.preprocessed.trace_view(), at_z);
    ood.preprocessed_next = evaluate_columns_at(s.preprocessed.trace_view(), at_next);
    ood.aux = evaluate_columns_at(s.aux.trace_view(), at_z);
    ood.aux_next = evaluate_columns_at(s.aux.trace_view(), at_next);
    ood.composition =
        evaluate_coefficients_at(ConstMatrixView(s.composition_coefficients.data(),
                                                 layout.tables[t].rows(), s.composition.cols),
                                 z);
    proof.tables[t].ood = ood;
    absorb_ood(tr, ood);
  }
  clock.done("ood");

  // deep: one codeword per distinct LDE size (same-size tables share a domain
  // and are summed), in FRI's bit-reversed order.
  const Fp3 gamma = tr.challenge_fp3("deep.gamma");
  const std::vector<DeepCoefficients> coefficients = deep_coefficients(layout, gamma);
  std::map<int, std::vector<Fp3>, std::greater<>> codewords;  // by log size, tallest first
  for (size_t t = 0; t < states.size(); ++t) {
    const TableState& s = states[t];
    const TableLayout& shape = layout.tables[t];
    std::vector<Fp3> values(shape.lde_rows());
    const Fp3 z_next = z * field::two_adic_root(shape.log_rows);
    deep_codeword(
        {s.main.lde_view(), s.preprocessed.lde_view(), s.aux.lde_view(), s.composition.lde_view()},
        coefficients[t], s.ood, z, z_next, s.shift, values);
    std::vector<Fp3> ordered = bit_reversed(values);
    auto [it, inserted] = codewords.try_emplace(shape.log_lde_rows, std::move(ordered));
    if (!inserted) {
      for (uint64_t j = 0; j < it->second.size(); ++j) it->second[j] += ordered[j];
    }
  }
  clock.done("deep");

  // fri
  auto tallest = codewords.begin();
  fri::FriProver fri(layout.fri_options, std::move(tallest->second), hasher);
  for (auto it = std::next(codewords.begin()); it != codewords.end(); ++it) {
    fri.add_input(std::move(it->second));
  }
  proof.fri.resize(1);
  proof.fri[0].commitment = fri.commit(tr);
  clock.done("fri");

  // queries: proof of work, positions, openings
  proof.pow_nonce = tr.grind(params.grinding_bits);
  const std::vector<uint64_t> positions =
      tr.challenge_indices("queries", uint64_t{1} << layout.max_log_lde_rows, params.num_queries);
  proof.fri[0].queries = fri.open(positions);
  for (size_t t = 0; t < states.size(); ++t) {
    std::vector<uint64_t> rows;
    for (uint64_t position : positions) rows.push_back(table_row(layout, t, position));
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const TableState& s = states[t];
    TableOpenings& o = proof.tables[t].openings;
    o.main = open_columns(s.main, rows);
    o.preprocessed = open_columns(s.preprocessed, rows);
    o.aux = open_columns(s.aux, rows);
    o.composition = open_columns(s.composition, rows);
  }
  clock.done("open");
  return proof;
}

}  // namespace baobab::stark
