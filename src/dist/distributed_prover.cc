#include "src/dist/distributed_prover.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "src/air/prover_evaluator.h"
#include "src/common/uninitialized.h"
#include "src/dist/distributed_commitment.h"
#include "src/dist/distributed_fri.h"
#include "src/dist/distributed_lde.h"
#include "src/dist/distributed_sums.h"
#include "src/dist/exchange_columns.h"
#include "src/dist/halo.h"
#include "src/dist/phase_records.h"
#include "src/dist/reverse_exchange.h"
#include "src/field/ext3_columns.h"
#include "src/field/roots.h"
#include "src/ntt/bit_reverse.h"
#include "src/ntt/lde.h"
#include "src/stark/deep.h"
#include "src/stark/layout.h"
#include "src/stark/phase_clock.h"
#include "src/stark/transcript_steps.h"
#include "src/stark/witness_check.h"

namespace baobab::dist {

namespace {

using field::ConstMatrixView;
using field::Fp;
using field::Fp3;
using field::MatrixView;
using hash::Digest;

// One committed group of a table's columns (main, preprocessed, aux or
// composition): this rank's rows of its LDE in natural order, then `halo`
// rows of the next rank's block, column by column.
struct ColumnBlock {
  uint64_t cols = 0, rows = 0, halo = 0;
  UninitializedVector<Fp> lde;
  std::optional<DistributedCommitment> commitment;  // keeps a view of `lde`

  uint64_t stride() const { return rows + halo; }
  MatrixView block() { return {lde.data(), rows, cols, stride()}; }
  ConstMatrixView block() const { return {lde.data(), rows, cols, stride()}; }
  ConstMatrixView with_halo() const { return {lde.data(), rows + halo, cols, stride()}; }
  Digest root() const { return commitment ? commitment->root() : Digest{}; }
};

// Columns over the trace domain: the whole table (n rows) or this rank's
// rows only.
struct TraceColumns {
  LargeVector<Fp> data;
  uint64_t rows = 0, cols = 0;  // rows: n when whole
  bool own_rows_only = false;
  // Own rows only: each column holds this rank's rows and then the table's
  // next row (its stride is one more than the rank's row count).
  bool next_row_stored = false;

  ConstMatrixView whole() const {
    BAOBAB_CHECK(!own_rows_only, "prove_distributed: whole columns dropped already");
    return {data.data(), rows, cols};
  }
};

struct TableBlocks {
  Communicator* comm = nullptr;  // the job's, or a one-rank one (table proved whole)
  DistributedLdePlan lde_plan;   // trace (n rows) and LDE (N rows)
  DistributedNttPlan eval_plan;  // the composition's evaluation domain
  Fp shift;
  uint64_t first_n = 0, count_n = 0, first_lde = 0, count_lde = 0;
  ConstMatrixView main;  // the caller's: whole, or this rank's rows (main_own_rows)
  bool main_own_rows = false;
  // The preprocessed columns are built whole (n rows) and kept whole until
  // the witness check; the aux columns are built as this rank's rows only
  // when the AIR can (Air::build_aux_rows), else whole too.
  TraceColumns preprocessed, aux;
  ColumnBlock main_lde, preprocessed_lde, aux_lde, composition_lde;
  // count_n × 3·chunks: chunk c's coefficients, bit-reversed rows of the
  // trace layout, the j-th scaled by shift^j (what the LDE's forward NTT reads).
  UninitializedVector<Fp> composition_coefficients;
  std::vector<Fp3> aux_values;
  stark::TableOod ood;

  uint64_t rank() const { return static_cast<uint64_t>(comm->rank()); }
  // This rank's rows of the main columns.
  ConstMatrixView main_rows() const {
    return main_own_rows ? main : main.row_block(first_n, count_n);
  }
  // This rank's rows of the columns.
  ConstMatrixView trace_rows(const TraceColumns& columns) const {
    if (columns.own_rows_only) {
      return {columns.data.data(), count_n, columns.cols,
              columns.next_row_stored ? count_n + 1 : count_n};
    }
    return columns.whole().row_block(first_n, count_n);
  }
  // Drops the other ranks' rows.
  void keep_own_rows(TraceColumns& columns) const {
    if (columns.own_rows_only || count_n == columns.rows) return;
    const ConstMatrixView mine = trace_rows(columns);
    LargeVector<Fp> own(count_n * columns.cols);
    for (uint64_t c = 0; c < columns.cols; ++c) {
      std::copy_n(mine.column(c), count_n, own.data() + c * count_n);
    }
    columns.data = std::move(own);
    columns.own_rows_only = true;
  }
};

struct Context {
  Communicator& comm;
  SingleProcessCommunicator whole;  // for tables proved whole on every rank
  const stark::Statement& statement;
  const stark::StarkLayout& layout;
  const params::ProofParams& params;
  const hash::Hasher& hasher;
  ntt::NttPlan ntt_plan;
  UninitializedVector<Fp> staging;  // distributed_bit_reverse's copy, kept across calls
  transcript::Transcript tr{stark::kTranscriptDomain};
  std::vector<TableBlocks> tables;
  stark::Proof proof;
  stark::PhaseStore* store = nullptr;  // phase records (ProveOptions::phase_store), or none
  stark::PhaseClock* clock = nullptr;  // reports "checkpoint.<phase>", each record's writing
  bool main_rows_with_next = false;    // ProveOptions::main_rows_with_next

  uint64_t blowup() const { return params.blowup(); }
  air::ConstraintInputs inputs(size_t t, std::span<const Fp3> challenges) const {
    return {statement.public_inputs, challenges, tables[t].aux_values};
  }
};

// The plans of one table over `ranks` ranks: an Error when its domains are
// too short to split that many ways.
struct TablePlans {
  DistributedLdePlan lde;
  DistributedNttPlan eval;
};
Result<TablePlans> plan_table_split(const stark::TableLayout& shape, uint64_t blowup,
                                    uint64_t ranks) {
  uint64_t eval_blowup = 1;
  while (eval_blowup < shape.chunks) eval_blowup *= 2;
  auto lde = plan_distributed_lde(shape.log_rows, blowup, ranks);
  if (!lde) return lde.error();
  auto eval = plan_distributed_ntt(shape.log_rows + std::countr_zero(eval_blowup), ranks);
  if (!eval) return eval.error();
  return TablePlans{lde.value(), eval.value()};
}

// Splits the table over the job's ranks when every domain is tall enough,
// otherwise over one rank (every rank proves it whole).
Result<TableBlocks> plan_table(Context& ctx, size_t t) {
  const stark::TableLayout& shape = ctx.layout.tables[t];
  TableBlocks table;
  table.shift = stark::table_shift(ctx.layout, t);
  for (Communicator* comm : {&ctx.comm, static_cast<Communicator*>(&ctx.whole)}) {
    auto plans = plan_table_split(shape, ctx.blowup(), static_cast<uint64_t>(comm->size()));
    if (!plans) {
      if (comm == &ctx.whole) return plans.error();
      continue;
    }
    table.comm = comm;
    table.lde_plan = plans.value().lde;
    table.eval_plan = plans.value().eval;
    break;
  }
  const uint64_t me = table.rank();
  table.first_n = table.lde_plan.trace.rows.first_row(me);
  table.count_n = table.lde_plan.trace.rows.row_count(me);
  table.first_lde = table.lde_plan.extended.rows.first_row(me);
  table.count_lde = table.lde_plan.extended.rows.row_count(me);
  return table;
}

// The largest transform this rank runs with ctx.ntt_plan. A table proved
// whole runs its whole LDE and evaluation domain; a split table only local
// transforms of 2^ceil(log n / 2) rows (distributed_ntt.h). One process's
// plan for a 2^24-row LDE holds 256 MiB of twiddles, which every rank would
// compute and fault in; the split transforms of that LDE need 64 KiB.
int twiddle_log_size(const Context& ctx) {
  int log_size = 0;
  for (const TableBlocks& table : ctx.tables) {
    if (table.comm->size() == 1) {
      log_size = std::max({log_size, table.lde_plan.extended.log_n, table.eval_plan.log_n});
    } else {
      log_size = std::max({log_size, table.lde_plan.trace.log_n2, table.lde_plan.extended.log_n2,
                           table.eval_plan.log_n2});
    }
  }
  return log_size;
}

// Columns per exchange (exchange_columns.h): as many as fit this rank's
// share of the last-level cache with their exchange windows, else 8; the
// windows (Communicator::block_exchange) then hold those columns of a rank's
// LDE block, not the whole group (~200 columns for the RV32IM CPU table).
// BAOBAB_EXCHANGE_COLUMNS (1 to 64) overrides it, for tuning. Every rank
// must run the same exchanges, so the ranks take the smallest of their
// choices (their blocks and nodes may differ). Collective.
uint64_t columns_per_exchange(Communicator& comm, uint64_t extended_rows, uint64_t blowup) {
  static const LastLevelCache cache = last_level_cache();
  static const uint64_t forced = [] {
    const char* text = std::getenv("BAOBAB_EXCHANGE_COLUMNS");
    const uint64_t value = text != nullptr ? std::strtoull(text, nullptr, 10) : 0;
    return value >= 1 && value <= 64 ? value : uint64_t{0};
  }();
  const uint64_t mine =
      forced != 0
          ? forced
          : exchange_columns(extended_rows, blowup, cache_share_bytes(cache, comm.ranks_on_node()));
  const std::vector<uint64_t> all = all_gather_u64(comm, mine);
  return *std::min_element(all.begin(), all.end());
}

// Calls run(first, count) for consecutive batches of `batch` columns (the
// last may be shorter) covering [0, cols).
template <class Run>
void for_each_column_batch(uint64_t cols, uint64_t batch, const Run& run) {
  for (uint64_t first = 0; first < cols; first += batch) run(first, std::min(batch, cols - first));
}

// The LDE of this rank's trace rows into `out` (natural order, halo rows of
// the next block after its own) and its commitment.
void commit_group(Context& ctx, TableBlocks& table, ConstMatrixView trace_rows, uint64_t halo,
                  ColumnBlock& out) {
  Communicator& comm = *table.comm;
  out.cols = trace_rows.cols;
  out.rows = table.count_lde;
  out.halo = halo;
  if (out.cols == 0) return;
  out.lde.resize(out.stride() * out.cols);
  if (comm.size() == 1) {
    // One rank (R = 1, or a table proved whole): the single-process LDE,
    // the same values without the exchanges' copies; the halo wraps to row 0.
    ntt::lde(ctx.ntt_plan, trace_rows, ctx.blowup(), out.block(), ntt::Order::kNatural,
             table.shift);
    for (uint64_t c = 0; c < out.cols; ++c) {
      std::copy_n(out.block().column(c), halo, out.block().column(c) + out.rows);
    }
    out.commitment =
        DistributedCommitment::build(comm, ctx.hasher, table.lde_plan.extended.rows, out.block());
    return;
  }
  // Computed once for all the batches: with one column per exchange they
  // cost about 15% of the LDE (BENCHMARKS.md, "Per-call costs").
  const std::vector<Fp> spread = lde_spread_factors(table.lde_plan, table.rank(), table.shift);
  for_each_column_batch(
      out.cols, columns_per_exchange(comm, out.rows, ctx.blowup()),
      [&](uint64_t first, uint64_t cols) {
        distributed_lde_natural(
            ctx.ntt_plan, comm, table.lde_plan,
            ConstMatrixView(trace_rows.column(first), table.count_n, cols, trace_rows.stride),
            MatrixView(out.lde.data() + first * out.stride(), out.rows, cols, out.stride()),
            spread);
      });
  if (halo != 0) {
    exchange_next_rows(comm, out.block(),
                       MatrixView(out.lde.data() + out.rows, halo, out.cols, out.stride()));
  }
  out.commitment =
      DistributedCommitment::build(comm, ctx.hasher, table.lde_plan.extended.rows, out.block());
}

// "commit.main": main and preprocessed columns of each table.
void commit_main(Context& ctx, std::span<const ConstMatrixView> main_traces) {
  for (size_t t = 0; t < ctx.tables.size(); ++t) {
    const air::Air& air = *ctx.statement.tables[t];
    const stark::TableLayout& shape = ctx.layout.tables[t];
    TableBlocks& table = ctx.tables[t];
    table.main = main_traces[t];
    table.main_own_rows = main_traces[t].rows != shape.rows();
    commit_group(ctx, table, table.main_rows(), ctx.blowup(), table.main_lde);
    ctx.proof.tables[t].main_root = table.main_lde.root();
    ctx.tr.absorb_digest("commit.main", table.main_lde.root());

    table.preprocessed = {LargeVector<Fp>(shape.rows() * shape.preprocessed_columns, Fp::zero()),
                          shape.rows(), shape.preprocessed_columns, false};
    air.build_preprocessed(
        MatrixView(table.preprocessed.data.data(), shape.rows(), shape.preprocessed_columns));
    commit_group(ctx, table, table.trace_rows(table.preprocessed), ctx.blowup(),
                 table.preprocessed_lde);
    ctx.tr.absorb_digest("commit.preprocessed", table.preprocessed_lde.root());
  }
}

// This rank's rows of `own` (its rows of some columns) and the row after
// them, from the next rank (rank 0's first for the last rank), column by
// column: a block TraceView's storage. Collective over the table's ranks.
std::vector<Fp> rows_and_next(const TableBlocks& table, ConstMatrixView own) {
  const uint64_t count = table.count_n;
  std::vector<Fp> out((count + 1) * own.cols);
  const MatrixView rows(out.data(), count, own.cols, count + 1);
  for (uint64_t c = 0; c < own.cols; ++c) std::copy_n(own.column(c), count, rows.column(c));
  exchange_next_rows(*table.comm, rows, MatrixView(out.data() + count, 1, own.cols, count + 1));
  return out;
}

// The trace columns as the AIR's witness passes read them (build_aux_rows,
// first_failure): the whole columns of a table this rank holds whole, else
// a block view of this rank's rows, each column followed by the table's
// next row. Columns are read in place where they can be: always for a
// whole table, and the main rows when the caller stored the next row after
// them (ProveOptions::main_rows_with_next: the RV32IM cpu table's window);
// the others are copied with the next row from the next rank (a copy of
// the main rows would be 1 KB per row for the cpu table, touched afresh).
// Collective over the table's ranks.
class WitnessRows {
 public:
  WitnessRows(const TableBlocks& table, bool main_rows_with_next, bool with_aux) {
    const ConstMatrixView main = table.main_rows();
    const ConstMatrixView preprocessed = table.trace_rows(table.preprocessed);
    const ConstMatrixView aux = with_aux ? table.trace_rows(table.aux) : ConstMatrixView{};
    if (table.comm->size() == 1) {
      view_ = {main, preprocessed, aux};
      return;
    }
    const uint64_t rows = table.count_n + 1;
    view_.first_row = table.first_n;
    view_.block_rows = table.count_n;
    if (main_rows_with_next && table.main_own_rows) {
      BAOBAB_CHECK(main.stride >= rows, "prove_distributed: no stored row after the main rows");
      view_.main = {main.data, rows, main.cols, main.stride};
      check_stored_next_row(table, view_.main);
    } else {
      main_ = rows_and_next(table, main);
      view_.main = {main_.data(), rows, main.cols};
    }
    preprocessed_ = rows_and_next(table, preprocessed);
    view_.preprocessed = {preprocessed_.data(), rows, preprocessed.cols};
    if (with_aux && table.aux.next_row_stored) {
      view_.aux = {aux.data, rows, aux.cols, aux.stride};
    } else if (with_aux) {
      aux_ = rows_and_next(table, aux);
      view_.aux = {aux_.data(), rows, aux.cols};
    }
  }
  const air::TraceView& view() const { return view_; }

 private:
  // The caller's promise, checked: the stored row is the next rank's first.
  static void check_stored_next_row(const TableBlocks& table, ConstMatrixView main) {
    std::vector<Fp> next(main.cols);
    exchange_next_rows(*table.comm, main.row_block(0, table.count_n),
                       MatrixView(next.data(), 1, main.cols, 1));
    for (uint64_t c = 0; c < main.cols; ++c) {
      BAOBAB_CHECK(main.column(c)[table.count_n] == next[c],
                   "prove_distributed: the row stored after the main rows is not the next one");
    }
  }

  std::vector<Fp> main_, preprocessed_, aux_;  // copies with the next row
  air::TraceView view_;
};

// This rank's rows of the aux columns when the AIR builds them by rows and
// they are running sums revealing every aux value: each block from zero,
// plus the sums of the blocks before it (exclusive prefix over ranks); the
// aux values are the sums over all ranks. False when the AIR cannot.
bool build_aux_rows(Context& ctx, size_t t, std::span<const Fp3> challenges) {
  const air::Air& air = *ctx.statement.tables[t];
  const stark::TableLayout& shape = ctx.layout.tables[t];
  TableBlocks& table = ctx.tables[t];
  if (shape.aux_columns == 0 && shape.aux_values == 0) {  // nothing to build
    table.aux = {{}, shape.rows(), 0, table.count_n != shape.rows()};
    table.aux_values.clear();
    return true;
  }
  const std::vector<air::AuxRunningSum> sums = air.aux_running_sums();
  if (sums.size() != shape.aux_values || shape.aux_columns == 0) return false;
  Communicator& comm = *table.comm;
  // A split table's rows are stored with the next row after them, which
  // the witness check reads (WitnessRows).
  const bool split = comm.size() > 1;
  const uint64_t stride = split ? table.count_n + 1 : table.count_n;
  TraceColumns own{LargeVector<Fp>(stride * shape.aux_columns), shape.rows(), shape.aux_columns,
                   split, split};
  const MatrixView rows_out(own.data.data(), table.count_n, own.cols, stride);
  std::vector<Fp3> block_sums(sums.size());
  const WitnessRows rows(table, ctx.main_rows_with_next, false);
  if (!air.build_aux_rows(rows.view(),
                          air::ConstraintInputs{ctx.statement.public_inputs, challenges, {}},
                          table.first_n, rows_out, block_sums)) {
    return false;
  }
  for (size_t i = 0; i < sums.size(); ++i) {
    const Fp3 before = comm.exclusive_prefix_sum(block_sums[i]);
    for (uint64_t k = 0; k < air::kAuxCoordinates; ++k) {
      Fp* column = rows_out.column(air::kAuxCoordinates * sums[i].aux_column + k);
      const Fp add = before[static_cast<int>(k)];
      for (uint64_t row = 0; row < table.count_n; ++row) column[row] += add;
    }
  }
  if (split) {
    exchange_next_rows(comm, rows_out,
                       MatrixView(own.data.data() + table.count_n, 1, own.cols, stride));
  }
  const std::vector<Fp3> totals = sum_over_ranks(comm, block_sums);
  table.aux_values.assign(shape.aux_values, Fp3::zero());
  for (size_t i = 0; i < sums.size(); ++i) table.aux_values[sums[i].aux_value] = totals[i];
  table.aux = std::move(own);
  return true;
}

// "commit.aux": aux columns from the challenges, committed by rows.
void commit_aux(Context& ctx, std::span<const Fp3> challenges) {
  for (size_t t = 0; t < ctx.tables.size(); ++t) {
    const air::Air& air = *ctx.statement.tables[t];
    const stark::TableLayout& shape = ctx.layout.tables[t];
    TableBlocks& table = ctx.tables[t];
    if (!build_aux_rows(ctx, t, challenges)) {
      BAOBAB_CHECK(!table.main_own_rows,
                   "prove_distributed: an AIR without build_aux_rows needs its whole main trace");
      table.aux = {LargeVector<Fp>(shape.rows() * shape.aux_columns, Fp::zero()), shape.rows(),
                   shape.aux_columns, false};
      table.aux_values.assign(shape.aux_values, Fp3::zero());
      const air::TraceView trace{table.main, table.preprocessed.whole(), {}};
      air.build_aux(trace, air::ConstraintInputs{ctx.statement.public_inputs, challenges, {}},
                    MatrixView(table.aux.data.data(), shape.rows(), shape.aux_columns),
                    table.aux_values);
    }
    commit_group(ctx, table, table.trace_rows(table.aux), ctx.blowup(), table.aux_lde);
    ctx.proof.tables[t].aux_root = table.aux_lde.root();
    ctx.proof.tables[t].aux_values = table.aux_values;
    ctx.tr.absorb_digest("commit.aux", table.aux_lde.root());
    ctx.tr.absorb_fp3s("commit.aux.values", table.aux_values);
  }
}

// The AIR debug check, each rank on its own rows and the next one (from the
// next rank); the failure of the lowest row wins, which is the one a single
// process reports. A table proved whole is checked by rank 0.
Status check_witness(Context& ctx, std::span<const Fp3> challenges) {
  const auto me = static_cast<uint64_t>(ctx.comm.rank());
  std::vector<std::span<const Fp3>> aux_values;
  for (const TableBlocks& table : ctx.tables) aux_values.emplace_back(table.aux_values);
  for (size_t t = 0; t < ctx.tables.size(); ++t) {
    TableBlocks& table = ctx.tables[t];
    const WitnessRows rows(table, ctx.main_rows_with_next, true);
    const bool split = table.comm == &ctx.comm;
    const auto failure =
        ctx.statement.tables[t]->first_failure(rows.view(), ctx.inputs(t, challenges),
                                               table.first_n, split || me == 0 ? table.count_n : 0);
    // (found, row, constraint) from every rank, in rank order = row order.
    const std::array<uint64_t, 3> mine{failure ? 1u : 0u, failure ? failure->row : 0,
                                       failure ? failure->constraint : 0};
    std::vector<uint64_t> all(3 * static_cast<size_t>(ctx.comm.size()));
    ctx.comm.all_gather_bytes(
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(mine.data()), sizeof mine),
        std::span<uint8_t>(reinterpret_cast<uint8_t*>(all.data()), all.size() * 8));
    for (size_t r = 0; r < all.size(); r += 3) {
      if (all[r] != 0) return stark::witness_error(ctx.statement, t, {all[r + 1], all[r + 2]});
    }
  }
  return stark::check_logup_balances(ctx.statement, aux_values);
}

// The LDE of the composition coefficients (table.composition_coefficients)
// and its commitment.
void extend_composition(Context& ctx, size_t t) {
  const stark::TableLayout& shape = ctx.layout.tables[t];
  TableBlocks& table = ctx.tables[t];
  Communicator& comm = *table.comm;
  const uint64_t cols = shape.composition_columns();
  ColumnBlock& out = table.composition_lde;
  out.cols = cols;
  out.rows = table.count_lde;
  out.halo = 0;
  out.lde.resize(out.rows * cols);
  for_each_column_batch(
      cols, columns_per_exchange(comm, out.rows, ctx.blowup()),
      [&](uint64_t first, uint64_t count) {
        distributed_extend_coefficients(
            ctx.ntt_plan, comm, table.lde_plan,
            ConstMatrixView(table.composition_coefficients.data() + first * table.count_n,
                            table.count_n, count),
            MatrixView(out.lde.data() + first * out.rows, out.rows, count), Fp::one());
      });
  out.commitment =
      DistributedCommitment::build(comm, ctx.hasher, table.lde_plan.extended.rows, out.block());
}

// H on this rank's rows of the evaluation domain (shift·<ω_m>, m = n·E, E
// the smallest power of two >= chunks), interpolated across ranks; chunk c
// of H's coefficients, h_(c·n + j), is then the stride of bit-reversed
// positions q·E + reverse_bits(c, log E) — local to each rank — and its LDE
// is the forward NTT of h_(c·n+j)·shift^j = a_(c·n+j)·shift^(-c·n), a the
// interpolant of the values at ω_m^j (distributed_extend_coefficients takes
// them from the bit-reversed rows as they are).
void commit_composition(Context& ctx, size_t t, std::span<const Fp3> challenges, const Fp3& alpha) {
  const stark::TableLayout& shape = ctx.layout.tables[t];
  TableBlocks& table = ctx.tables[t];
  Communicator& comm = *table.comm;
  const uint64_t n = shape.rows();
  const uint64_t eval_blowup = uint64_t{1} << (table.eval_plan.log_n - shape.log_rows);
  const uint64_t step = ctx.blowup() / eval_blowup;
  const uint64_t count_eval = table.count_lde / step;
  std::vector<Fp3> values(count_eval);
  air::LdeView lde{table.main_lde.with_halo(),
                   table.preprocessed_lde.with_halo(),
                   table.aux_lde.with_halo(),
                   ctx.blowup(),
                   table.shift,
                   step};
  lde.first_row = table.first_lde / step;
  lde.block_rows = count_eval;
  air::evaluate_composition(*ctx.statement.tables[t], lde, ctx.inputs(t, challenges), alpha,
                            values);

  UninitializedVector<Fp> coordinates(3 * count_eval);
  const MatrixView coordinate_view(coordinates.data(), count_eval, 3);
  field::split_coordinates(values, coordinate_view);
  values = {};
  // In place: a column's working set is its block and two windows, which
  // exchange_columns' count for blowup 1 (four blocks) bounds.
  for_each_column_batch(
      3, columns_per_exchange(comm, count_eval, 1), [&](uint64_t first, uint64_t count) {
        distributed_interpolate(ctx.ntt_plan, comm, table.eval_plan,
                                MatrixView(coordinate_view.column(first), count_eval, count));
      });

  const uint64_t cols = shape.composition_columns();
  const int log_e = std::countr_zero(eval_blowup);
  table.composition_coefficients.resize(table.count_n * cols);
  const Fp shift_inverse_n = table.shift.inverse().pow(n);
  Fp factor = Fp::one();  // shift^(-c·n)
  for (uint64_t c = 0; c < shape.chunks; ++c, factor *= shift_inverse_n) {
    const uint64_t offset = ntt::reverse_bits(c, log_e);
    for (uint64_t k = 0; k < 3; ++k) {
      const Fp* src = coordinate_view.column(k) + offset;
      Fp* dst = table.composition_coefficients.data() + (3 * c + k) * table.count_n;
      for (uint64_t q = 0; q < table.count_n; ++q) dst[q] = src[q * eval_blowup] * factor;
    }
  }
  coordinates = {};
  extend_composition(ctx, t);
}

// Σ_j h_(c·n+j) z^j for each chunk column c from the stored b_j =
// h_(c·n+j)·shift^j at bit-reversed positions: Σ_j b_j w^j, w = z/shift.
// Position u·U + t of unit u is j = reverse_bits(t)·S + reverse_bits(u), so
// w^j = (w^S)^reverse_bits(t) · w^reverse_bits(u).
std::vector<Fp3> composition_at(const TableBlocks& table, uint64_t cols, const Fp3& z) {
  const BlockSplit& split = table.lde_plan.trace.rows;
  const uint64_t me = table.rank();
  const int log_unit = std::countr_zero(split.unit_rows);
  const int log_units = std::countr_zero(split.units);
  const Fp3 w = z * table.shift.inverse();
  const Fp3 w_units = w.pow(split.units);
  std::vector<Fp3> powers(split.unit_rows);
  Fp3 power = Fp3::one();
  for (uint64_t k = 0; k < split.unit_rows; ++k, power *= w_units) powers[k] = power;
  std::vector<Fp3> sums(cols, Fp3::zero());
  for (uint64_t c = 0; c < cols; ++c) {
    const Fp* column = table.composition_coefficients.data() + c * table.count_n;
    for (uint64_t u = 0; u < split.unit_count(me); ++u) {
      Fp3 partial = Fp3::zero();
      const Fp* unit = column + u * split.unit_rows;
      for (uint64_t t = 0; t < split.unit_rows; ++t) {
        partial += powers[ntt::reverse_bits(t, log_unit)] * unit[t];
      }
      sums[c] += partial * w.pow(ntt::reverse_bits(split.first_unit(me) + u, log_units));
    }
  }
  return sum_over_ranks(*table.comm, sums);
}

// "ood": every committed polynomial at z and z·ω_n.
void evaluate_out_of_domain(Context& ctx, const Fp3& z) {
  for (size_t t = 0; t < ctx.tables.size(); ++t) {
    const stark::TableLayout& shape = ctx.layout.tables[t];
    TableBlocks& table = ctx.tables[t];
    Communicator& comm = *table.comm;
    const uint64_t n = shape.rows();
    const Fp3 z_next = z * field::two_adic_root(shape.log_rows);
    const ConstMatrixView main = table.main_rows();
    const ConstMatrixView preprocessed = table.trace_rows(table.preprocessed);
    const ConstMatrixView aux = table.trace_rows(table.aux);
    stark::TableOod& ood = table.ood;
    ood.main = distributed_evaluate_at(comm, main, table.first_n, n, z);
    ood.main_next = distributed_evaluate_at(comm, main, table.first_n, n, z_next);
    ood.preprocessed = distributed_evaluate_at(comm, preprocessed, table.first_n, n, z);
    ood.preprocessed_next = distributed_evaluate_at(comm, preprocessed, table.first_n, n, z_next);
    ood.aux = distributed_evaluate_at(comm, aux, table.first_n, n, z);
    ood.aux_next = distributed_evaluate_at(comm, aux, table.first_n, n, z_next);
    ood.composition = composition_at(table, shape.composition_columns(), z);
    ctx.proof.tables[t].ood = ood;
    stark::absorb_ood(ctx.tr, ood);
  }
}

// This rank's block of FRI positions of one table's DEEP codeword.
std::vector<Fp3> deep_block(Context& ctx, size_t t, const stark::DeepCoefficients& coefficients,
                            const Fp3& z) {
  const stark::TableLayout& shape = ctx.layout.tables[t];
  TableBlocks& table = ctx.tables[t];
  const Fp3 z_next = z * field::two_adic_root(shape.log_rows);
  std::vector<Fp3> values(table.count_lde);
  stark::deep_codeword_rows({table.main_lde.block(), table.preprocessed_lde.block(),
                             table.aux_lde.block(), table.composition_lde.block()},
                            coefficients, table.ood, z, z_next, table.shift, shape.log_lde_rows,
                            table.first_lde, values);
  UninitializedVector<Fp> coordinates(3 * table.count_lde);
  const MatrixView view(coordinates.data(), table.count_lde, 3);
  field::split_coordinates(values, view);
  distributed_bit_reverse(*table.comm, table.lde_plan.extended, view, &ctx.staging);
  field::join_coordinates(view, values);
  if (table.comm == &ctx.comm) return values;
  // Proved whole: this rank's positions of the job's split.
  const BlockSplit split = position_split(static_cast<unsigned>(shape.log_lde_rows),
                                          static_cast<uint64_t>(ctx.comm.size()));
  const auto me = static_cast<uint64_t>(ctx.comm.rank());
  return {values.begin() + static_cast<int64_t>(split.first_row(me)),
          values.begin() + static_cast<int64_t>(split.first_row(me) + split.row_count(me))};
}

using Codewords = std::map<int, std::vector<Fp3>, std::greater<>>;

// "deep": one codeword per LDE height (tables of equal height summed), as
// this rank's FRI positions, the tallest first.
Codewords deep_codewords(Context& ctx, const Fp3& z) {
  const Fp3 gamma = ctx.tr.challenge_fp3("deep.gamma");
  const std::vector<stark::DeepCoefficients> coefficients =
      stark::deep_coefficients(ctx.layout, gamma);
  Codewords codewords;
  for (size_t t = 0; t < ctx.tables.size(); ++t) {
    std::vector<Fp3> block = deep_block(ctx, t, coefficients[t], z);
    auto [it, inserted] =
        codewords.try_emplace(ctx.layout.tables[t].log_lde_rows, std::move(block));
    if (!inserted) field::add_into(it->second, block);
  }
  return codewords;
}

// "fri": the tallest codeword, the others folded in at their layers.
DistributedFri commit_fri(Context& ctx, Codewords codewords) {
  auto tallest = codewords.begin();
  DistributedFri fri(ctx.comm, ctx.layout.fri_options, static_cast<unsigned>(tallest->first),
                     std::move(tallest->second), ctx.hasher);
  for (auto it = std::next(codewords.begin()); it != codewords.end(); ++it) {
    fri.add_input(static_cast<unsigned>(it->first), std::move(it->second));
  }
  ctx.proof.fri.resize(1);
  ctx.proof.fri[0].commitment = fri.commit(ctx.tr);
  return fri;
}

merkle::BatchOpening open_group(const TableBlocks& table, const ColumnBlock& group,
                                std::span<const uint64_t> rows) {
  if (group.cols == 0) return {};
  return group.commitment->open(*table.comm, rows);
}

// "open": proof of work, query positions, FRI and table openings.
void open_queries(Context& ctx, const DistributedFri& fri) {
  ctx.proof.pow_nonce = ctx.tr.grind(ctx.params.grinding_bits);
  const std::vector<uint64_t> positions = ctx.tr.challenge_indices(
      "queries", uint64_t{1} << ctx.layout.max_log_lde_rows, ctx.params.num_queries);
  ctx.proof.fri[0].queries = fri.open(positions);
  for (size_t t = 0; t < ctx.tables.size(); ++t) {
    const std::vector<uint64_t> rows = stark::table_rows(ctx.layout, t, positions);
    const TableBlocks& table = ctx.tables[t];
    stark::TableOpenings& o = ctx.proof.tables[t].openings;
    o.main = open_group(table, table.main_lde, rows);
    o.preprocessed = open_group(table, table.preprocessed_lde, rows);
    o.aux = open_group(table, table.aux_lde, rows);
    o.composition = open_group(table, table.composition_lde, rows);
  }
}

// ---- Phase records (stark::PhaseStore, docs/checkpoints.md) ----
// Each phase's record holds what later phases need that costs more to
// recompute than to write and read: the composition coefficients, the OOD
// values, the DEEP codewords, and after "open" the finished proof (the
// openings are all the proof needs of the LDEs and their trees). The aux
// columns are cheaper to rebuild, and the LDEs and their trees (blowup
// times the trace) too large to write; a job resumed before "open"
// recomputes them, and the transcript state checks the result and what it
// read (docs/checkpoints.md has the measurements).

std::string table_name(std::string_view group, size_t t) {
  std::string name(group);
  name.append("/").append(std::to_string(t));
  return name;
}

// A table's columns over the trace domain: each rank its rows of a split
// table, rank 0 the whole of a table every rank proves whole.
Status write_table_columns(Context& ctx, std::string_view phase, const TableBlocks& table,
                           const std::string& name, uint64_t rows, ConstMatrixView own_rows) {
  const bool split = table.comm == &ctx.comm;
  if (!split && ctx.comm.rank() != 0) own_rows.rows = 0;
  return ctx.store->write_rows(phase, name, rows, split ? table.first_n : 0, own_rows);
}

// This rank's rows of a table's recorded columns (all rows when whole).
Result<std::vector<Fp>> read_table_columns(Context& ctx, std::string_view phase,
                                           const TableBlocks& table, const std::string& name,
                                           uint64_t cols) {
  auto read = ctx.store->read_rows(phase, name, table.first_n, table.count_n);
  if (read && read.value().size() != table.count_n * cols) {
    return Error{ErrorCode::kMalformedInput, name + " has the wrong number of columns",
                 "checkpoint"};
  }
  return read;
}

// Writes the record of a phase just computed here: its datasets (`write`,
// collective) and the transcript state. The first rank's write error wins.
Status record_phase(Context& ctx, std::string_view phase, double seconds,
                    const std::function<Status()>& write) {
  if (ctx.store == nullptr) return Ok{};
  if (Status ok = first_error(ctx.comm, write ? write() : Status(Ok{})); !ok) return ok;
  Status committed = ctx.store->commit(phase, ctx.tr.state(), seconds);
  if (ctx.clock != nullptr) ctx.clock->done(std::string("checkpoint.").append(phase));
  return committed;
}

// The first error of `statuses` (every read is made either way: the reads
// are collective).
Status first_of(std::initializer_list<Status> statuses) {
  for (const Status& s : statuses) {
    if (!s.ok()) return s;
  }
  return Ok{};
}

// A phase every run computes (commit.main, commit.aux, fri): checked against its
// record when there is one, recorded otherwise (or when it did not check).
Status settle_computed_phase(Context& ctx, std::string_view phase, double seconds) {
  if (ctx.store == nullptr) return Ok{};
  if (ctx.store->done(phase) &&
      record_checks_out(ctx.comm, *ctx.store, phase, Ok{}, ctx.tr.state())) {
    return Ok{};
  }
  return record_phase(ctx, phase, seconds, {});
}

// "composition" from its record: the coefficients read, extended,
// committed and absorbed.
bool resume_composition(Context& ctx) {
  if (ctx.store == nullptr || !ctx.store->done("composition")) return false;
  const transcript::Transcript before = ctx.tr;
  Status loaded = Ok{};
  for (size_t t = 0; t < ctx.tables.size(); ++t) {
    const uint64_t cols = ctx.layout.tables[t].composition_columns();
    TableBlocks& table = ctx.tables[t];
    auto read = read_table_columns(ctx, "composition", table, table_name("composition", t), cols);
    loaded = first_of({loaded, status_of(read)});
    if (!loaded) continue;
    table.composition_coefficients.resize(table.count_n * cols);
    std::copy(read.value().begin(), read.value().end(), table.composition_coefficients.data());
  }
  loaded = first_error(ctx.comm, loaded);
  if (loaded.ok()) {
    for (size_t t = 0; t < ctx.tables.size(); ++t) {
      extend_composition(ctx, t);
      ctx.proof.tables[t].composition_root = ctx.tables[t].composition_lde.root();
      ctx.tr.absorb_digest("commit.composition", ctx.tables[t].composition_lde.root());
    }
  }
  if (record_checks_out(ctx.comm, *ctx.store, "composition", loaded, ctx.tr.state())) return true;
  ctx.tr = before;
  return false;
}

Status record_composition(Context& ctx, double seconds) {
  return record_phase(ctx, "composition", seconds, [&ctx]() -> Status {
    Status written = Ok{};
    for (size_t t = 0; t < ctx.tables.size(); ++t) {
      const stark::TableLayout& shape = ctx.layout.tables[t];
      const TableBlocks& table = ctx.tables[t];
      const ConstMatrixView own(table.composition_coefficients.data(), table.count_n,
                                shape.composition_columns());
      written =
          first_of({written, write_table_columns(ctx, "composition", table,
                                                 table_name("composition", t), shape.rows(), own)});
    }
    return written;
  });
}

// The OOD values of a table, by name and length (the TableOod fields).
struct OodList {
  const char* name;
  std::vector<Fp3> stark::TableOod::*values;
  uint64_t stark::TableLayout::*columns;
};
constexpr std::array<OodList, 6> kOodTraceLists{{
    {"main", &stark::TableOod::main, &stark::TableLayout::main_columns},
    {"main_next", &stark::TableOod::main_next, &stark::TableLayout::main_columns},
    {"preprocessed", &stark::TableOod::preprocessed, &stark::TableLayout::preprocessed_columns},
    {"preprocessed_next", &stark::TableOod::preprocessed_next,
     &stark::TableLayout::preprocessed_columns},
    {"aux", &stark::TableOod::aux, &stark::TableLayout::aux_columns},
    {"aux_next", &stark::TableOod::aux_next, &stark::TableLayout::aux_columns},
}};

std::string ood_name(size_t t, std::string_view list) {
  return table_name("ood", t).append("/").append(list);
}

// "ood" from its record: the values read and absorbed.
bool resume_ood(Context& ctx) {
  if (ctx.store == nullptr || !ctx.store->done("ood")) return false;
  const transcript::Transcript before = ctx.tr;
  Status loaded = Ok{};
  std::vector<stark::TableOod> oods(ctx.tables.size());
  for (size_t t = 0; t < ctx.tables.size(); ++t) {
    const stark::TableLayout& shape = ctx.layout.tables[t];
    for (const OodList& list : kOodTraceLists) {
      auto read = read_fp3s(*ctx.store, "ood", ood_name(t, list.name), 0, shape.*list.columns);
      loaded = first_of({loaded, status_of(read)});
      if (read) oods[t].*list.values = std::move(read).value();
    }
    auto read =
        read_fp3s(*ctx.store, "ood", ood_name(t, "composition"), 0, shape.composition_columns());
    loaded = first_of({loaded, status_of(read)});
    if (read) oods[t].composition = std::move(read).value();
  }
  loaded = first_error(ctx.comm, loaded);
  if (loaded.ok()) {
    for (size_t t = 0; t < ctx.tables.size(); ++t) {
      ctx.tables[t].ood = oods[t];
      ctx.proof.tables[t].ood = oods[t];
      stark::absorb_ood(ctx.tr, oods[t]);
    }
  }
  if (record_checks_out(ctx.comm, *ctx.store, "ood", loaded, ctx.tr.state())) return true;
  ctx.tr = before;
  return false;
}

Status record_ood(Context& ctx, double seconds) {
  return record_phase(ctx, "ood", seconds, [&ctx]() -> Status {
    Status written = Ok{};
    for (size_t t = 0; t < ctx.tables.size(); ++t) {
      const stark::TableOod& ood = ctx.tables[t].ood;
      for (const OodList& list : kOodTraceLists) {
        written = first_of({written, write_fp3s(ctx.comm, *ctx.store, "ood", ood_name(t, list.name),
                                                ood.*list.values)});
      }
      written = first_of({written, write_fp3s(ctx.comm, *ctx.store, "ood",
                                              ood_name(t, "composition"), ood.composition)});
    }
    return written;
  });
}

std::string deep_name(int log_size) {
  return "deep/" + std::to_string(log_size);
}

// "deep" from its record: γ drawn, this rank's positions of each codeword
// read (the checksums check them; "fri" then checks what they commit to).
bool resume_deep(Context& ctx, Codewords& codewords) {
  if (ctx.store == nullptr || !ctx.store->done("deep")) return false;
  const transcript::Transcript before = ctx.tr;
  (void)ctx.tr.challenge_fp3("deep.gamma");  // the draw deep_codewords makes
  Status loaded = Ok{};
  codewords.clear();
  for (const stark::TableLayout& shape : ctx.layout.tables) {
    if (codewords.count(shape.log_lde_rows) != 0) continue;
    const BlockSplit split = position_split(static_cast<unsigned>(shape.log_lde_rows),
                                            static_cast<uint64_t>(ctx.comm.size()));
    const auto me = static_cast<uint64_t>(ctx.comm.rank());
    auto read = read_fp3s(*ctx.store, "deep", deep_name(shape.log_lde_rows), split.first_row(me),
                          split.row_count(me));
    loaded = first_of({loaded, status_of(read)});
    codewords[shape.log_lde_rows] = read ? std::move(read).value() : std::vector<Fp3>{};
  }
  if (record_checks_out(ctx.comm, *ctx.store, "deep", loaded, ctx.tr.state())) return true;
  ctx.tr = before;
  return false;
}

Status record_deep(Context& ctx, double seconds, const Codewords& codewords) {
  return record_phase(ctx, "deep", seconds, [&ctx, &codewords]() -> Status {
    Status written = Ok{};
    const auto me = static_cast<uint64_t>(ctx.comm.rank());
    for (const auto& [log_size, block] : codewords) {
      const BlockSplit split =
          position_split(static_cast<unsigned>(log_size), static_cast<uint64_t>(ctx.comm.size()));
      BAOBAB_CHECK(block.size() == split.row_count(me), "record_deep: block of another split");
      written =
          first_of({written, write_fp3_block(*ctx.store, "deep", deep_name(log_size),
                                             uint64_t{1} << log_size, split.first_row(me), block)});
    }
    return written;
  });
}
}  // namespace

Result<std::vector<OwnRows>> own_table_rows(const stark::Statement& statement,
                                            const params::ProofParams& params, uint64_t ranks,
                                            uint64_t rank) {
  auto layout = stark::make_layout(statement.tables, params);
  if (!layout) return layout.error();
  std::vector<OwnRows> out;
  for (const stark::TableLayout& shape : layout.value().tables) {
    auto plans = plan_table_split(shape, params.blowup(), ranks);
    if (plans) {
      const BlockSplit& rows = plans.value().lde.trace.rows;
      out.push_back({rows.first_row(rank), rows.row_count(rank), true});
    } else {
      out.push_back({0, shape.rows(), false});
    }
  }
  return out;
}

Result<stark::Proof> prove_distributed(Communicator& comm, const stark::Statement& statement,
                                       std::span<const ConstMatrixView> main_traces,
                                       const params::ProofParams& params,
                                       const hash::Hasher& hasher,
                                       const stark::ProveOptions& options) {
  auto layout = stark::make_layout(statement.tables, params);
  if (!layout) return layout.error();
  // Whole traces, or this rank's rows of the split tables (own_table_rows).
  auto own_rows = own_table_rows(statement, params, static_cast<uint64_t>(comm.size()),
                                 static_cast<uint64_t>(comm.rank()));
  if (!own_rows) return own_rows.error();
  std::vector<ConstMatrixView> shapes(main_traces.begin(), main_traces.end());
  for (size_t t = 0; t < shapes.size() && t < own_rows.value().size(); ++t) {
    const OwnRows& own = own_rows.value()[t];
    if (own.split && shapes[t].rows == own.count &&
        shapes[t].rows != layout.value().tables[t].rows()) {
      shapes[t].rows = layout.value().tables[t].rows();  // checked as the block it is
    }
  }
  if (Status ok = stark::check_trace_shapes(statement, shapes, layout.value()); !ok) {
    return ok.error();
  }
  const uint64_t units = std::bit_ceil(static_cast<uint64_t>(comm.size()));
  for (const stark::TableLayout& shape : layout.value().tables) {
    if (shape.lde_rows() < units) {
      return Error{ErrorCode::kInvalidArgument,
                   "a table's LDE of " + std::to_string(shape.lde_rows()) +
                       " rows is shorter than the " + std::to_string(units) +
                       " blocks of this rank count",
                   "prove"};
    }
  }
  // A job stopped after its last phase: the recorded proof, nothing recomputed.
  if (options.phase_store != nullptr) {
    if (std::optional<stark::Proof> recorded =
            read_recorded_proof(comm, *options.phase_store, statement, params, hasher)) {
      return std::move(*recorded);
    }
  }
  Context ctx{comm,
              SingleProcessCommunicator{},
              statement,
              layout.value(),
              params,
              hasher,
              ntt::NttPlan(0, options.simd_level),  // sized below, once the tables are planned
              UninitializedVector<Fp>{},
              transcript::Transcript(stark::kTranscriptDomain),
              {},
              stark::Proof{}};
  for (size_t t = 0; t < statement.tables.size(); ++t) {
    auto table = plan_table(ctx, t);
    if (!table) return table.error();
    ctx.tables.push_back(std::move(table).value());
  }
  ctx.ntt_plan = ntt::NttPlan(twiddle_log_size(ctx), options.simd_level);
  ctx.proof.params = params;
  ctx.proof.tables.resize(statement.tables.size());
  stark::PhaseClock clock(options.on_phase);

  ctx.store = options.phase_store;
  ctx.clock = &clock;
  ctx.main_rows_with_next = options.main_rows_with_next;
  stark::absorb_statement(ctx.tr, statement, params);
  // Each phase: resumed from its record when there is a usable one, else
  // computed and recorded (phase_store.h; without a store, just computed).
  commit_main(ctx, main_traces);
  if (Status ok = settle_computed_phase(ctx, "commit.main", clock.done("commit.main")); !ok) {
    return ok.error();
  }
  const std::vector<Fp3> challenges = stark::draw_challenges(ctx.tr, ctx.layout.num_challenges);
  // The aux columns are rebuilt rather than read back: building them costs
  // less than writing them (2.1 GB at 2^22 rows).
  commit_aux(ctx, challenges);
  if (Status ok = settle_computed_phase(ctx, "commit.aux", clock.done("commit.aux")); !ok) {
    return ok.error();
  }
  if (options.check_witness) {
    if (Status ok = check_witness(ctx, challenges); !ok) return ok.error();
    clock.done("check");
  }
  for (size_t t = 0; t < ctx.tables.size(); ++t) {
    ctx.tables[t].keep_own_rows(ctx.tables[t].preprocessed);
    ctx.tables[t].keep_own_rows(ctx.tables[t].aux);
  }
  const Fp3 alpha = ctx.tr.challenge_fp3("composition.alpha");
  if (!resume_composition(ctx)) {
    for (size_t t = 0; t < ctx.tables.size(); ++t) {
      commit_composition(ctx, t, challenges, alpha);
      ctx.proof.tables[t].composition_root = ctx.tables[t].composition_lde.root();
      ctx.tr.absorb_digest("commit.composition", ctx.tables[t].composition_lde.root());
    }
    if (Status ok = record_composition(ctx, clock.done("composition")); !ok) return ok.error();
  } else {
    clock.done("composition");
  }
  const Fp3 z = stark::draw_ood_point(ctx.tr);
  if (!resume_ood(ctx)) {
    evaluate_out_of_domain(ctx, z);
    if (Status ok = record_ood(ctx, clock.done("ood")); !ok) return ok.error();
  } else {
    clock.done("ood");
  }
  // "fri" is recomputed from the codewords and checked against its record;
  // when codewords read from a record commit to something else, "deep" is
  // redone (once).
  const transcript::Transcript before_deep = ctx.tr;
  for (bool redo_deep = false;; redo_deep = true) {
    Codewords codewords;
    const bool deep_resumed = !redo_deep && resume_deep(ctx, codewords);
    if (deep_resumed) {
      clock.done("deep");
    } else {
      codewords = deep_codewords(ctx, z);
      if (Status ok = record_deep(ctx, clock.done("deep"), codewords); !ok) return ok.error();
    }
    const DistributedFri fri = commit_fri(ctx, std::move(codewords));
    const double fri_seconds = clock.done("fri");
    if (ctx.store != nullptr && ctx.store->done("fri") &&
        !record_checks_out(ctx.comm, *ctx.store, "fri", Ok{}, ctx.tr.state()) && deep_resumed) {
      ctx.store->discard_from("deep", "its codewords do not commit to the recorded fri layers");
      ctx.tr = before_deep;
      continue;
    }
    if (ctx.store != nullptr && !ctx.store->done("fri")) {
      if (Status ok = record_phase(ctx, "fri", fri_seconds, {}); !ok) return ok.error();
    }
    open_queries(ctx, fri);
    const double open_seconds = clock.done("open");
    if (ctx.store != nullptr) {
      if (Status ok = record_phase(ctx, kProofPhase, open_seconds,
                                   [&ctx] { return write_proof(ctx.comm, *ctx.store, ctx.proof); });
          !ok) {
        return ok.error();
      }
    }
    break;
  }
  return std::move(ctx.proof);
}

}  // namespace baobab::dist
