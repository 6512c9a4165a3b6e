#include "src/stark/prover.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "src/air/debug_checker.h"
#include "src/air/logup.h"
#include "src/air/prover_evaluator.h"
#include "src/common/uninitialized.h"
#include "src/field/ext3_columns.h"
#include "src/fri/prover.h"
#include "src/merkle/opening.h"
#include "src/merkle/tree.h"
#include "src/ntt/lde.h"
#include "src/ntt/ntt.h"
#include "src/stark/deep.h"
#include "src/stark/layout.h"
#include "src/stark/ood.h"
#include "src/stark/phase_clock.h"
#include "src/stark/transcript_steps.h"
#include "src/stark/witness_check.h"

namespace baobab::stark {

namespace {

using field::ConstMatrixView;
using field::MatrixView;

// Columns over the trace domain and their committed LDE (natural order).
struct CommittedColumns {
  // n × cols over the trace domain: the caller's main trace (borrowed: it
  // outlives prove()) or `owned` (preprocessed, aux); empty for the
  // composition, which keeps coefficients.
  ConstMatrixView trace;
  LargeVector<Fp> owned;
  UninitializedVector<Fp> lde;  // N × cols, written whole by the LDE
  uint64_t rows = 0, lde_rows = 0, cols = 0;
  std::optional<merkle::MerkleTree> tree;  // pruned: reads `lde`, which must not move

  // Builds the columns in `owned` (zeroed first) and views them.
  MatrixView own(uint64_t n, uint64_t num_cols) {
    rows = n;
    cols = num_cols;
    owned.assign(n * num_cols, Fp::zero());
    trace = ConstMatrixView(owned.data(), n, num_cols);
    return {owned.data(), n, num_cols};
  }
  ConstMatrixView trace_view() const { return trace; }
  ConstMatrixView lde_view() const { return {lde.data(), lde_rows, cols}; }
  Digest root() const { return tree ? tree->root() : Digest{}; }
};

struct TableState {
  Fp shift;
  CommittedColumns main, preprocessed, aux, composition;
  UninitializedVector<Fp> composition_coefficients;  // n × 3·chunks
  // The composition values over the LDE domain, kept to hold the DEEP
  // codeword later (same size): one first touch of N·24 bytes, not two.
  std::vector<Fp3> lde_values;
  std::vector<Fp3> aux_values;
  TableOod ood;
};

void commit_lde(const ntt::NttPlan& plan, CommittedColumns& c, uint64_t blowup, Fp shift,
                const hash::Hasher& hasher) {
  c.lde_rows = c.rows * blowup;
  if (c.cols == 0) return;
  c.lde.resize(c.lde_rows * c.cols);
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
  // `values` lie on the sub-coset shift·<ω_m>, m = values.size() >= chunks·n
  // (prover_evaluator.h); interpolation there gives H's coefficients.
  const uint64_t m = values.size();
  const uint64_t big = n * blowup;
  UninitializedVector<Fp> coordinates(3 * m);
  field::split_coordinates(values, MatrixView(coordinates.data(), m, 3));
  ntt::coset_inverse(plan, MatrixView(coordinates.data(), m, 3), shift, ntt::Order::kNatural);
  // Column 3·chunk + coordinate holds coefficients [chunk·n, (chunk+1)·n).
  state.composition_coefficients.resize(n * 3 * chunks);
  for (uint64_t chunk = 0; chunk < chunks; ++chunk) {
    for (uint64_t k = 0; k < 3; ++k) {
      const Fp* src = coordinates.data() + k * m + chunk * n;
      std::copy(src, src + n, state.composition_coefficients.data() + (3 * chunk + k) * n);
    }
  }
  CommittedColumns& c = state.composition;
  c.rows = n;
  c.cols = 3 * chunks;
  c.lde_rows = big;
  // The coordinates are dead now: their (already touched) pages take the LDE
  // when it has the same size (chunks == 1), saving a fresh allocation.
  if (coordinates.size() != big * c.cols) coordinates = {};
  c.lde = std::move(coordinates);
  c.lde.resize(big * c.cols);
  ntt::lde_from_coefficients(
      plan, ConstMatrixView(state.composition_coefficients.data(), n, c.cols), blowup,
      MatrixView(c.lde.data(), big, c.cols), ntt::Order::kNatural, shift);
  c.tree = merkle::MerkleTree::build_pruned(hasher, c.lde_view());
}

merkle::BatchOpening open_columns(const CommittedColumns& c, std::span<const uint64_t> rows) {
  if (c.cols == 0) return {};
  return merkle::open_rows(*c.tree, c.lde_view(), rows);
}

Status check_states(const Statement& statement, const std::vector<TableState>& states,
                    std::span<const Fp3> challenges) {
  std::vector<air::TraceView> traces;
  std::vector<std::span<const Fp3>> aux_values;
  for (const TableState& s : states) {
    traces.push_back({s.main.trace_view(), s.preprocessed.trace_view(), s.aux.trace_view()});
    aux_values.emplace_back(s.aux_values);
  }
  return check_witness(statement, traces, challenges, aux_values);
}

// Everything the phases share; each phase reads what earlier phases wrote
// and adds its own part (STYLE §1: no hidden state beyond this struct).
struct ProverContext {
  const Statement& statement;
  const StarkLayout& layout;
  const params::ProofParams& params;
  const hash::Hasher& hasher;
  // Twiddles for the largest LDE (16 bytes per LDE row); released after the
  // last LDE ("composition"), before the DEEP and FRI buffers reach the peak.
  std::optional<ntt::NttPlan> plan;
  transcript::Transcript tr{kTranscriptDomain};
  std::vector<TableState> states;
  Proof proof;

  uint64_t blowup() const { return params.blowup(); }
  air::ConstraintInputs inputs(size_t t, std::span<const Fp3> challenges) const {
    return {statement.public_inputs, challenges, states[t].aux_values};
  }
};

// "commit.main": each table's main and preprocessed columns, LDE, Merkle.
void commit_main(ProverContext& ctx, std::span<const ConstMatrixView> main_traces) {
  for (size_t t = 0; t < ctx.states.size(); ++t) {
    const air::Air& air = *ctx.statement.tables[t];
    const TableLayout& shape = ctx.layout.tables[t];
    TableState& s = ctx.states[t];
    const uint64_t n = shape.rows();
    s.shift = table_shift(ctx.layout, t);
    s.main.rows = n;
    s.main.cols = shape.main_columns;
    s.main.trace = main_traces[t];  // no copy: the caller keeps it alive (shape checked)
    commit_lde(*ctx.plan, s.main, ctx.blowup(), s.shift, ctx.hasher);
    ctx.proof.tables[t].main_root = s.main.root();
    ctx.tr.absorb_digest("commit.main", s.main.root());

    air.build_preprocessed(s.preprocessed.own(n, shape.preprocessed_columns));
    commit_lde(*ctx.plan, s.preprocessed, ctx.blowup(), s.shift, ctx.hasher);
    ctx.tr.absorb_digest("commit.preprocessed", s.preprocessed.root());
  }
}

// "commit.aux": aux columns (LogUp sums) from the challenges, LDE, Merkle;
// the revealed aux values are absorbed with the root.
void commit_aux(ProverContext& ctx, std::span<const Fp3> challenges) {
  for (size_t t = 0; t < ctx.states.size(); ++t) {
    const air::Air& air = *ctx.statement.tables[t];
    const TableLayout& shape = ctx.layout.tables[t];
    TableState& s = ctx.states[t];
    const uint64_t n = shape.rows();
    const MatrixView aux_columns = s.aux.own(n, shape.aux_columns);
    s.aux_values.assign(shape.aux_values, Fp3::zero());
    const air::TraceView trace{s.main.trace_view(), s.preprocessed.trace_view(), {}};
    air.build_aux(trace, air::ConstraintInputs{ctx.statement.public_inputs, challenges, {}},
                  aux_columns, s.aux_values);
    commit_lde(*ctx.plan, s.aux, ctx.blowup(), s.shift, ctx.hasher);
    ctx.proof.tables[t].aux_root = s.aux.root();
    ctx.proof.tables[t].aux_values = s.aux_values;
    ctx.tr.absorb_digest("commit.aux", s.aux.root());
    ctx.tr.absorb_fp3s("commit.aux.values", s.aux_values);
  }
}

// "composition": α-combined constraints over the LDE, split into chunks, committed.
void commit_composition_polynomials(ProverContext& ctx, std::span<const Fp3> challenges) {
  const Fp3 alpha = ctx.tr.challenge_fp3("composition.alpha");
  for (size_t t = 0; t < ctx.states.size(); ++t) {
    const TableLayout& shape = ctx.layout.tables[t];
    TableState& s = ctx.states[t];
    // H has degree < chunks·n: evaluate it on the smallest sub-coset that
    // determines it (a power of two >= chunks points per row).
    uint64_t eval_blowup = 1;
    while (eval_blowup < shape.chunks) eval_blowup *= 2;
    std::vector<Fp3>& values = s.lde_values;
    values.resize(shape.rows() * eval_blowup);
    const air::LdeView lde{s.main.lde_view(), s.preprocessed.lde_view(),
                           s.aux.lde_view(),  ctx.blowup(),
                           s.shift,           ctx.blowup() / eval_blowup};
    air::evaluate_composition(*ctx.statement.tables[t], lde, ctx.inputs(t, challenges), alpha,
                              values);
    commit_composition(*ctx.plan, values, shape.rows(), shape.chunks, ctx.blowup(), s.shift, s,
                       ctx.hasher);
    ctx.proof.tables[t].composition_root = s.composition.root();
    ctx.tr.absorb_digest("commit.composition", s.composition.root());
  }
}

// "ood": every committed polynomial at z and z·ω_n, absorbed.
void evaluate_out_of_domain(ProverContext& ctx, const Fp3& z) {
  for (size_t t = 0; t < ctx.states.size(); ++t) {
    TableState& s = ctx.states[t];
    const TableLayout& shape = ctx.layout.tables[t];
    const Fp3 z_next = z * field::two_adic_root(shape.log_rows);
    const std::vector<Fp3> at_z = barycentric_weights(shape.rows(), z);
    const std::vector<Fp3> at_next = barycentric_weights(shape.rows(), z_next);
    TableOod& ood = s.ood;
    ood.main = evaluate_columns_at(s.main.trace_view(), at_z);
    ood.main_next = evaluate_columns_at(s.main.trace_view(), at_next);
    ood.preprocessed = evaluate_columns_at(s.preprocessed.trace_view(), at_z);
    ood.preprocessed_next = evaluate_columns_at(s.preprocessed.trace_view(), at_next);
    ood.aux = evaluate_columns_at(s.aux.trace_view(), at_z);
    ood.aux_next = evaluate_columns_at(s.aux.trace_view(), at_next);
    ood.composition = evaluate_coefficients_at(
        ConstMatrixView(s.composition_coefficients.data(), shape.rows(), s.composition.cols), z);
    ctx.proof.tables[t].ood = ood;
    absorb_ood(ctx.tr, ood);
  }
}

// "deep": one DEEP codeword per distinct LDE size (tables of equal height
// share a domain and are summed), in FRI's bit-reversed order, tallest first.
std::map<int, std::vector<Fp3>, std::greater<>> deep_codewords(ProverContext& ctx, const Fp3& z) {
  const Fp3 gamma = ctx.tr.challenge_fp3("deep.gamma");
  const std::vector<DeepCoefficients> coefficients = deep_coefficients(ctx.layout, gamma);
  std::map<int, std::vector<Fp3>, std::greater<>> codewords;
  for (size_t t = 0; t < ctx.states.size(); ++t) {
    TableState& s = ctx.states[t];
    const TableLayout& shape = ctx.layout.tables[t];
    // The composition values are dead: their buffer takes the codeword.
    std::vector<Fp3> values = std::move(s.lde_values);
    values.resize(shape.lde_rows());
    const Fp3 z_next = z * field::two_adic_root(shape.log_rows);
    deep_codeword(
        {s.main.lde_view(), s.preprocessed.lde_view(), s.aux.lde_view(), s.composition.lde_view()},
        coefficients[t], s.ood, z, z_next, s.shift, ntt::Order::kBitReversed, values);
    auto [it, inserted] = codewords.try_emplace(shape.log_lde_rows, std::move(values));
    if (!inserted) field::add_into(it->second, values);  // equal heights share a codeword
  }
  return codewords;
}

// "fri": the tallest codeword, shorter ones folded in at their layers.
fri::FriProver commit_fri(ProverContext& ctx,
                          std::map<int, std::vector<Fp3>, std::greater<>> codewords) {
  auto tallest = codewords.begin();
  fri::FriProver fri(ctx.layout.fri_options, std::move(tallest->second), ctx.hasher);
  for (auto it = std::next(codewords.begin()); it != codewords.end(); ++it) {
    fri.add_input(std::move(it->second));
  }
  ctx.proof.fri.resize(1);
  ctx.proof.fri[0].commitment = fri.commit(ctx.tr);
  return fri;
}

// "open": proof of work, query positions, FRI and table openings.
void open_queries(ProverContext& ctx, const fri::FriProver& fri) {
  ctx.proof.pow_nonce = ctx.tr.grind(ctx.params.grinding_bits);
  const std::vector<uint64_t> positions = ctx.tr.challenge_indices(
      "queries", uint64_t{1} << ctx.layout.max_log_lde_rows, ctx.params.num_queries);
  ctx.proof.fri[0].queries = fri.open(positions);
  for (size_t t = 0; t < ctx.states.size(); ++t) {
    const std::vector<uint64_t> rows = table_rows(ctx.layout, t, positions);
    const TableState& s = ctx.states[t];
    TableOpenings& o = ctx.proof.tables[t].openings;
    o.main = open_columns(s.main, rows);
    o.preprocessed = open_columns(s.preprocessed, rows);
    o.aux = open_columns(s.aux, rows);
    o.composition = open_columns(s.composition, rows);
  }
}

}  // namespace

Result<Proof> prove(const Statement& statement, std::span<const ConstMatrixView> main_traces,
                    const params::ProofParams& params, const hash::Hasher& hasher,
                    const ProveOptions& options) {
  auto layout = make_layout(statement.tables, params);
  if (!layout) return layout.error();
  if (Status ok = check_trace_shapes(statement, main_traces, layout.value()); !ok)
    return ok.error();
  ProverContext ctx{statement,
                    layout.value(),
                    params,
                    hasher,
                    ntt::NttPlan(layout.value().max_log_lde_rows, options.simd_level),
                    transcript::Transcript(kTranscriptDomain),
                    std::vector<TableState>(statement.tables.size()),
                    Proof{}};
  ctx.proof.params = params;
  ctx.proof.tables.resize(statement.tables.size());
  PhaseClock clock(options.on_phase);

  absorb_statement(ctx.tr, statement, params);
  commit_main(ctx, main_traces);
  clock.done("commit.main");
  const std::vector<Fp3> challenges = draw_challenges(ctx.tr, layout.value().num_challenges);
  commit_aux(ctx, challenges);
  clock.done("commit.aux");
  if (options.check_witness) {
    if (Status ok = check_states(statement, ctx.states, challenges); !ok) return ok.error();
    clock.done("check");
  }
  commit_composition_polynomials(ctx, challenges);
  ctx.plan.reset();
  clock.done("composition");
  const Fp3 z = draw_ood_point(ctx.tr);
  evaluate_out_of_domain(ctx, z);
  clock.done("ood");
  auto codewords = deep_codewords(ctx, z);
  clock.done("deep");
  const fri::FriProver fri = commit_fri(ctx, std::move(codewords));
  clock.done("fri");
  open_queries(ctx, fri);
  clock.done("open");
  return std::move(ctx.proof);
}

}  // namespace baobab::stark
