#include "src/dist/distributed_ntt.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include "src/common/check.h"
#include "src/common/uninitialized.h"
#include "src/field/roots.h"
#include "src/field/vector_ops.h"
#include "src/ntt/bit_reverse.h"
#include "src/ntt/column_transform.h"
#include "src/ntt/ntt.h"

namespace baobab::dist {

namespace {

using field::Fp;
using field::MatrixView;
using ntt::Order;

uint64_t reverse(uint64_t x, int bits) {
  return ntt::reverse_bits(x, bits);
}

// Counts of one exchange and offsets of its send blocks, all columns
// together (the receiving side reads BlockExchange::received): the block for
// rank r holds cols · per_column(r) elements.
struct Exchange {
  std::vector<uint64_t> send_counts;
  std::vector<uint64_t> receive_counts;
  std::vector<uint64_t> send_offsets;
};

template <class SendCount, class ReceiveCount>
Exchange plan_exchange(uint64_t ranks, uint64_t cols, SendCount send, ReceiveCount receive) {
  Exchange e;
  e.send_counts.resize(ranks);
  e.receive_counts.resize(ranks);
  e.send_offsets.assign(ranks + 1, 0);
  for (uint64_t r = 0; r < ranks; ++r) {
    e.send_counts[r] = cols * send(r);
    e.receive_counts[r] = cols * receive(r);
    e.send_offsets[r + 1] = e.send_offsets[r] + e.send_counts[r];
  }
  return e;
}

void check_local(const DistributedNttPlan& plan, const Communicator& comm,
                 const field::ConstMatrixView& local) {
  BAOBAB_CHECK(plan.rows.ranks == static_cast<uint64_t>(comm.size()),
               "distributed NTT: plan made for another rank count");
  BAOBAB_CHECK(local.rows == plan.rows.row_count(static_cast<uint64_t>(comm.rank())),
               "distributed NTT: local block has the wrong number of rows");
}

void scale_by_powers(MatrixView local, uint64_t first_row, Fp ratio) {
  const auto cols = static_cast<int64_t>(local.cols);
#pragma omp parallel for schedule(static)
  for (int64_t c = 0; c < cols; ++c) {
    Fp* x = local.column(static_cast<uint64_t>(c));
    Fp factor = ratio.pow(first_row);
    for (uint64_t i = 0; i < local.rows; ++i) {
      x[i] *= factor;
      factor *= ratio;
    }
  }
}

// out[j·out_stride + i] = in[i·in_stride + j] for i < rows, j < cols: a
// transpose in 16 × 16 tiles (both sides touch whole cache lines).
void transpose_tiles(const Fp* in, uint64_t in_stride, uint64_t rows, uint64_t cols, Fp* out,
                     uint64_t out_stride) {
  constexpr uint64_t kTile = 16;
  for (uint64_t i0 = 0; i0 < rows; i0 += kTile) {
    const uint64_t i1 = std::min(rows, i0 + kTile);
    for (uint64_t j0 = 0; j0 < cols; j0 += kTile) {
      const uint64_t j1 = std::min(cols, j0 + kTile);
      for (uint64_t j = j0; j < j1; ++j) {
        for (uint64_t i = i0; i < i1; ++i) out[j * out_stride + i] = in[i * in_stride + j];
      }
    }
  }
}

// powers[k] = start · base^k (powers.size() a power of two), by doubling:
// each step one vector scale, not a chain of dependent multiplications.
void geometric_powers(Fp start, Fp base, std::span<Fp> powers) {
  powers[0] = start;
  for (uint64_t m = 1; m < powers.size(); m *= 2) {
    field::scale(powers.subspan(0, m), base, powers.subspan(m, m));
    base *= base;
  }
}

// Runs body(a, b) for every a < outer, b < inner, in parallel (each pair
// owns a disjoint slice of the data: a (peer, column) block, a row).
template <class Body>
void for_each_pair(uint64_t outer, uint64_t inner, const Body& body) {
  const auto items = static_cast<int64_t>(outer * inner);
#pragma omp parallel for schedule(static)
  for (int64_t item = 0; item < items; ++item) {
    body(static_cast<uint64_t>(item) / inner, static_cast<uint64_t>(item) % inner);
  }
}

// One all-to-all of every column through the communicator's BlockExchange
// (its buffers lent by the communicator; read in place where the ranks
// share memory): block (peer, column c) holds the per-column count of that
// peer.
class ColumnExchange {
 public:
  // Takes the send buffer (collective); its blocks may then be filled.
  template <class SendCount, class ReceiveCount>
  ColumnExchange(Communicator& comm, uint64_t cols, SendCount send_count,
                 ReceiveCount receive_count)
      : exchange_(comm.block_exchange()),
        cols_(cols),
        e_(plan_exchange(static_cast<uint64_t>(comm.size()), cols, send_count, receive_count)),
        send_(exchange_.send_buffer(e_.send_offsets.back()).data()) {}
  Fp* send_block(uint64_t to, uint64_t c) const {
    return send_ + e_.send_offsets[to] + c * (e_.send_counts[to] / cols_);
  }
  // Delivers the filled blocks; the received ones are valid until this
  // rank's next exchange on the communicator.
  void run() { exchange_.exchange(e_.send_counts, e_.receive_counts); }
  const Fp* receive_block(uint64_t from, uint64_t c) const {
    return exchange_.received(from) + c * (e_.receive_counts[from] / cols_);
  }

 private:
  BlockExchange& exchange_;
  uint64_t cols_;
  Exchange e_;
  Fp* send_;
};

// Run `a` of column c over i1 (or j), gathered from every rank's block of
// an exchange whose blocks hold i1_count(from) values per run.
void gather_run(const ColumnExchange& exchange, const DistributedNttPlan& plan, uint64_t ranks,
                uint64_t c, uint64_t a, Fp* run) {
  for (uint64_t from = 0; from < ranks; ++from) {
    const uint64_t count = plan.i1_count(from);
    std::copy_n(exchange.receive_block(from, c) + a * count, count, run + plan.first_i1(from));
  }
}

// Row b of column c over i2, gathered from every rank's block of an
// exchange whose blocks hold middle.unit_count(from) values per row.
void gather_row(const ColumnExchange& exchange, const DistributedNttPlan& plan, uint64_t ranks,
                uint64_t c, uint64_t b, Fp* row) {
  for (uint64_t from = 0; from < ranks; ++from) {
    const uint64_t count = plan.middle.unit_count(from);
    std::copy_n(exchange.receive_block(from, c) + b * count, count,
                row + plan.middle.first_unit(from));
  }
}

// Runs per transform between the exchanges: a tile of this many runs is
// transformed in cache and written out transposed, four cache lines per
// output position (32 measured best of 8 to 64 on ci-2core: the transposed
// writes, not the transforms, cost most of a stage).
constexpr uint64_t kTileRuns = 32;

// Scratch rows of a tile are this many elements longer than the run, so
// that the rows a transposed write reads (runs of 2^k elements) do not all
// fall into one cache set.
constexpr uint64_t kRunPadding = 8;
uint64_t run_pitch(uint64_t run_length) {
  return run_length + kRunPadding;
}

// Calls body(column, first run, run count, scratch) for every tile of
// `runs_per_column` runs of every column, in parallel; scratch holds, per
// thread, kTileRuns rows of run_pitch(run_length) elements and then `extra`
// more. The scratch is kept by the thread for the next call: allocated
// afresh, its pages (a few hundred KB) would be returned to the system and
// faulted in again at every call, and a prover extending one column per
// exchange makes three calls per column.
template <class Body>
void for_each_tile(uint64_t cols, uint64_t runs_per_column, uint64_t run_length, uint64_t extra,
                   const Body& body) {
  const uint64_t tiles_per_column = (runs_per_column + kTileRuns - 1) / kTileRuns;
  const auto items = static_cast<int64_t>(cols * tiles_per_column);
#pragma omp parallel
  {
    thread_local UninitializedVector<Fp> scratch;
    const uint64_t size = kTileRuns * run_pitch(run_length) + extra;
    if (scratch.size() < size) scratch.resize(size);
#pragma omp for schedule(static)
    for (int64_t item = 0; item < items; ++item) {
      const uint64_t c = static_cast<uint64_t>(item) / tiles_per_column;
      const uint64_t first = static_cast<uint64_t>(item) % tiles_per_column * kTileRuns;
      body(c, first, std::min(kTileRuns, runs_per_column - first), scratch.data());
    }
  }
}

// out[(j - begin) · stride + first + k] = runs[k · pitch + j] for j in
// [begin, begin + count), k < tile: a tile of runs written position-major.
void write_transposed(const Fp* runs, uint64_t tile, uint64_t pitch, uint64_t begin, uint64_t count,
                      Fp* out, uint64_t stride, uint64_t first) {
  for (uint64_t j = 0; j < count; ++j) {
    Fp* line = out + j * stride + first;
    for (uint64_t k = 0; k < tile; ++k) line[k] = runs[k * pitch + begin + j];
  }
}

// The row layouts hold, per column, `rows` runs of n2 values (run b, entry
// i2 at b·n2 + i2). Block of (i2 in [begin, begin + count)) × (all runs),
// i2-major.
void pack_row_block(const field::ConstMatrixView& local, uint64_t c, uint64_t n2, uint64_t rows,
                    uint64_t begin, uint64_t count, Fp* out) {
  transpose_tiles(local.column(c) + begin, n2, rows, count, out, rows);
}

std::vector<uint32_t> reversal_table(int log_n) {
  std::vector<uint32_t> table(uint64_t{1} << log_n);
  for (uint64_t p = 0; p < table.size(); ++p) table[p] = static_cast<uint32_t>(reverse(p, log_n));
  return table;
}

}  // namespace

Result<DistributedNttPlan> plan_distributed_ntt(int log_n, uint64_t ranks) {
  if (log_n < 0 || log_n > Fp::kTwoAdicity) {
    return Error{ErrorCode::kInvalidArgument, "column size beyond 2^32", "distributed NTT"};
  }
  DistributedNttPlan plan;
  plan.log_n = log_n;
  plan.log_n1 = log_n / 2;
  plan.log_n2 = log_n - plan.log_n1;
  const uint64_t units = std::bit_ceil(ranks == 0 ? uint64_t{1} : ranks);
  auto rows = split_blocks(units, (uint64_t{1} << log_n) / units, ranks);
  if (!rows || units > plan.n1()) {
    return Error{ErrorCode::kInvalidArgument,
                 "a column of 2^" + std::to_string(log_n) + " rows is too short for " +
                     std::to_string(ranks) + " ranks (needs at least bit_ceil(ranks)^2 rows)",
                 "distributed NTT"};
  }
  auto middle = split_blocks(plan.n2(), 1, ranks);
  if (!middle) return middle.error();
  plan.rows = rows.value();
  plan.middle = middle.value();
  return plan;
}

namespace {

// The twiddle table of the local transforms: Σ x w^(-ik) is the DIF with
// the inverse roots' table, so no run is reversed.
const Fp* twiddles(const ntt::NttPlan& ntt_plan, bool inverse_roots) {
  return inverse_roots ? ntt_plan.inverse_twiddles() : ntt_plan.forward_twiddles();
}

// The local transforms (sizes n1 <= n2) read the plan's tables directly.
void check_covers(const ntt::NttPlan& ntt_plan, const DistributedNttPlan& plan) {
  BAOBAB_CHECK(plan.log_n2 <= ntt_plan.log_max_size(),
               "distributed NTT: the NttPlan does not cover the local transforms");
}

// The last stage of forward_impl for row b of column c: gathered from the
// second exchange, a size-n2 transform, bit-reversed out.
void finish_forward_row(const ColumnExchange& second, const ntt::NttPlan& ntt_plan,
                        const DistributedNttPlan& plan, uint64_t ranks, bool inverse_roots,
                        uint64_t c, uint64_t b, Fp* row) {
  gather_row(second, plan, ranks, c, b, row);
  ntt::detail::dif(row, plan.log_n2, twiddles(ntt_plan, inverse_roots), ntt_plan.kernels(), false);
}

// distributed_forward up to its last stage, with the inverse roots when
// `inverse_roots` (then the result is scaled by 1/n: natural evaluations
// in, bit-reversed coefficients out). Between the exchanges, each tile of
// runs is gathered from the received blocks, transformed and twiddled in
// cache and written straight into the next send buffer: one pass over the
// data per stage. Then finish(second) runs the last stage
// (finish_forward_row for every owned row), while the second exchange's
// blocks are readable.
template <class Finish>
void forward_impl(const ntt::NttPlan& ntt_plan, Communicator& comm, const DistributedNttPlan& plan,
                  field::ConstMatrixView in, bool inverse_roots, const Finish& finish) {
  check_local(plan, comm, in);
  check_covers(ntt_plan, plan);
  const auto me = static_cast<uint64_t>(comm.rank());
  const auto ranks = static_cast<uint64_t>(comm.size());
  const uint64_t cols = in.cols;
  const uint64_t n1 = plan.n1();
  const uint64_t n2 = plan.n2();
  const uint64_t my_i1_count = plan.i1_count(me);
  const uint64_t my_i2 = plan.middle.first_unit(me);
  const uint64_t my_i2_count = plan.middle.unit_count(me);
  if (cols == 0) return;
  const Fp* tw = twiddles(ntt_plan, inverse_roots);
  const auto& kernels = ntt_plan.kernels();

  // Exchange 1: (i1 in mine) × (i2 in theirs) to every rank.
  ColumnExchange first(
      comm, cols, [&](uint64_t to) { return plan.first_exchange_count(me, to); },
      [&](uint64_t from) { return plan.first_exchange_count(from, me); });
  for_each_pair(ranks, cols, [&](uint64_t to, uint64_t c) {
    pack_row_block(in, c, n2, my_i1_count, plan.middle.first_unit(to), plan.middle.unit_count(to),
                   first.send_block(to, c));
  });
  first.run();

  // Size-n1 transforms over i1 of each owned i2, left in bit-reversed order
  // (position p holds k1 = rev(p)), times w_n^(i2·k1) (with inverse roots,
  // the whole 1/n joins these twiddles), then positions [first_i1(to),
  // +i1_count(to)) go to rank `to`, position-major.
  ColumnExchange second(
      comm, cols, [&](uint64_t to) { return plan.second_exchange_count(me, to); },
      [&](uint64_t from) { return plan.second_exchange_count(from, me); });
  const Fp root =
      inverse_roots ? field::two_adic_root(plan.log_n).inverse() : field::two_adic_root(plan.log_n);
  const Fp start = inverse_roots ? Fp::from_u64(n1 * n2).inverse() : Fp::one();
  const std::vector<uint32_t> reversed = reversal_table(plan.log_n1);
  const uint64_t tile_size = kTileRuns * run_pitch(n1);
  for_each_tile(cols, my_i2_count, n1, 2 * n1,
                [&](uint64_t c, uint64_t a0, uint64_t tile, Fp* runs) {
                  const std::span<Fp> powers(runs + tile_size, n1);
                  const std::span<Fp> gathered(runs + tile_size + n1, n1);
                  for (uint64_t k = 0; k < tile; ++k) {
                    Fp* run = runs + k * run_pitch(n1);
                    gather_run(first, plan, ranks, c, a0 + k, run);
                    ntt::detail::dif(run, plan.log_n1, tw, kernels, false);
                    geometric_powers(start, root.pow(my_i2 + a0 + k), powers);  // w^(i2)
                    for (uint64_t p = 0; p < n1; ++p) gathered[p] = powers[reversed[p]];
                    kernels.mul(run, gathered.data(), run, n1);
                  }
                  for (uint64_t to = 0; to < ranks; ++to) {
                    write_transposed(runs, tile, run_pitch(n1), plan.first_i1(to),
                                     plan.i1_count(to), second.send_block(to, c), my_i2_count, a0);
                  }
                });
  second.run();
  finish(second);
}

// forward_impl into `local`: size-n2 transforms over i2 of each owned row,
// bit-reversed output, the rank's block of the bit-reversed result.
void forward_into(const ntt::NttPlan& ntt_plan, Communicator& comm, const DistributedNttPlan& plan,
                  field::ConstMatrixView in, MatrixView local, bool inverse_roots) {
  check_local(plan, comm, local);
  BAOBAB_CHECK(in.cols == local.cols, "distributed NTT: input and output blocks differ");
  const auto ranks = static_cast<uint64_t>(comm.size());
  forward_impl(ntt_plan, comm, plan, in, inverse_roots, [&](const ColumnExchange& second) {
    for_each_pair(local.cols, plan.i1_count(static_cast<uint64_t>(comm.rank())),
                  [&](uint64_t c, uint64_t b) {
                    finish_forward_row(second, ntt_plan, plan, ranks, inverse_roots, c, b,
                                       local.column(c) + b * plan.n2());
                  });
  });
}

}  // namespace

void distributed_forward(const ntt::NttPlan& ntt_plan, Communicator& comm,
                         const DistributedNttPlan& plan, MatrixView local) {
  forward_into(ntt_plan, comm, plan, local, local, false);
}

void distributed_interpolate(const ntt::NttPlan& ntt_plan, Communicator& comm,
                             const DistributedNttPlan& plan, MatrixView local) {
  forward_into(ntt_plan, comm, plan, local, local, true);
}

void distributed_interpolate(const ntt::NttPlan& ntt_plan, Communicator& comm,
                             const DistributedNttPlan& plan, field::ConstMatrixView evals,
                             MatrixView coefficients) {
  forward_into(ntt_plan, comm, plan, evals, coefficients, true);
}

namespace {

// distributed_inverse, with the forward roots and no 1/n when `forward_roots`
// (bit-reversed coefficients in, natural evaluations out). load_row(c, b,
// row) gives row b (n2 values) of column c of the input: the rank's block,
// or a block never stored (distributed_forward_from_spread). Both local
// transforms are DITs (bit-reversed in, natural out) with the chosen
// roots, unscaled; 1/n joins the first twiddles. Output in `local`.
template <class LoadRow>
void inverse_impl(const ntt::NttPlan& ntt_plan, Communicator& comm, const DistributedNttPlan& plan,
                  MatrixView local, bool forward_roots, const LoadRow& load_row) {
  check_local(plan, comm, local);
  check_covers(ntt_plan, plan);
  const auto me = static_cast<uint64_t>(comm.rank());
  const auto ranks = static_cast<uint64_t>(comm.size());
  const uint64_t cols = local.cols;
  const uint64_t n1 = plan.n1();
  const uint64_t n2 = plan.n2();
  const uint64_t my_j = plan.first_i1(me);
  const uint64_t my_j_count = plan.i1_count(me);
  const uint64_t my_i2_count = plan.middle.unit_count(me);
  if (cols == 0) return;
  const Fp* tw = forward_roots ? ntt_plan.forward_twiddles() : ntt_plan.inverse_twiddles();
  const auto& kernels = ntt_plan.kernels();
  const Fp root =
      forward_roots ? field::two_adic_root(plan.log_n) : field::two_adic_root(plan.log_n).inverse();
  const Fp start = forward_roots ? Fp::one() : Fp::from_u64(n1 * n2).inverse();

  // Size-n2 transforms over k2 of each owned row j (natural i2 out), times
  // w_n^(±i2·k1) with k1 = rev(j); then (i2 in theirs) × (j in mine) to
  // every rank, i2-major.
  ColumnExchange second(
      comm, cols, [&](uint64_t to) { return plan.second_exchange_count(to, me); },
      [&](uint64_t from) { return plan.second_exchange_count(me, from); });
  for_each_tile(cols, my_j_count, n2, 0, [&](uint64_t c, uint64_t b0, uint64_t tile, Fp* rows) {
    for (uint64_t k = 0; k < tile; ++k) {
      Fp* row = rows + k * run_pitch(n2);
      load_row(c, b0 + k, row);
      ntt::detail::dit(row, plan.log_n2, tw, kernels, false);
      kernels.scale_geometric(row, n2, start, root.pow(reverse(my_j + b0 + k, plan.log_n1)));
    }
    for (uint64_t to = 0; to < ranks; ++to) {
      write_transposed(rows, tile, run_pitch(n2), plan.middle.first_unit(to),
                       plan.middle.unit_count(to), second.send_block(to, c), my_j_count, b0);
    }
  });
  second.run();

  // Each owned i2's run over j (bit-reversed k1), size-n1 DIT to natural
  // i1, then positions [first_i1(to), +i1_count(to)) to rank `to`.
  ColumnExchange first(
      comm, cols, [&](uint64_t to) { return plan.first_exchange_count(to, me); },
      [&](uint64_t from) { return plan.first_exchange_count(me, from); });
  for_each_tile(cols, my_i2_count, n1, 0, [&](uint64_t c, uint64_t a0, uint64_t tile, Fp* runs) {
    for (uint64_t k = 0; k < tile; ++k) {
      Fp* run = runs + k * run_pitch(n1);
      gather_run(second, plan, ranks, c, a0 + k, run);
      ntt::detail::dit(run, plan.log_n1, tw, kernels, false);
    }
    for (uint64_t to = 0; to < ranks; ++to) {
      write_transposed(runs, tile, run_pitch(n1), plan.first_i1(to), plan.i1_count(to),
                       first.send_block(to, c), my_i2_count, a0);
    }
  });
  first.run();

  // (i2 in theirs) × (i1 in mine) into the rank's rows.
  for_each_pair(cols, my_j_count, [&](uint64_t c, uint64_t b) {
    gather_row(first, plan, ranks, c, b, local.column(c) + b * n2);
  });
}

// load_row for inverse_impl: row b of the rank's own block.
auto own_rows(const MatrixView& local, uint64_t n2) {
  return [&local, n2](uint64_t c, uint64_t b, Fp* row) {
    std::copy_n(local.column(c) + b * n2, n2, row);
  };
}

}  // namespace

void distributed_inverse(const ntt::NttPlan& ntt_plan, Communicator& comm,
                         const DistributedNttPlan& plan, MatrixView local) {
  inverse_impl(ntt_plan, comm, plan, local, false, own_rows(local, plan.n2()));
}

void distributed_forward_from_reversed(const ntt::NttPlan& ntt_plan, Communicator& comm,
                                       const DistributedNttPlan& plan, MatrixView local) {
  inverse_impl(ntt_plan, comm, plan, local, true, own_rows(local, plan.n2()));
}

namespace {

// Row b (n2 values) of the spread column: positions u = p·spacing in
// [b·n2, (b+1)·n2), p in [p0, p1), hold values[p - p0]·factors[p] (factors
// empty: values[p - p0]), the rest zero.
void load_spread_row(const ntt::NttPlan& ntt_plan, uint64_t n2, uint64_t b, uint64_t spacing,
                     const Fp* values, std::span<const Fp> factors, Fp* row) {
  std::fill_n(row, n2, Fp::zero());
  const uint64_t p0 = (b * n2 + spacing - 1) / spacing;
  const uint64_t p1 = ((b + 1) * n2 + spacing - 1) / spacing;
  Fp* dst = row + (p0 * spacing - b * n2);
  if (factors.empty()) {
    for (uint64_t p = 0; p < p1 - p0; ++p) dst[p * spacing] = values[p];
    return;
  }
  // The products by the vector kernel, then spread.
  thread_local UninitializedVector<Fp> products;
  products.resize(p1 - p0);
  ntt_plan.kernels().mul(values, factors.data() + p0, products.data(), p1 - p0);
  for (uint64_t p = 0; p < p1 - p0; ++p) dst[p * spacing] = products[p];
}

}  // namespace

void distributed_forward_from_spread(const ntt::NttPlan& ntt_plan, Communicator& comm,
                                     const DistributedNttPlan& plan, field::ConstMatrixView values,
                                     std::span<const Fp> factors, uint64_t spacing,
                                     MatrixView local) {
  BAOBAB_CHECK(spacing != 0 && values.cols == local.cols && values.rows * spacing == local.rows &&
                   (factors.empty() || factors.size() == values.rows),
               "distributed_forward_from_spread: blocks do not match");
  const uint64_t n2 = plan.n2();
  const auto load = [&](uint64_t c, uint64_t b, Fp* row) {
    load_spread_row(ntt_plan, n2, b, spacing, values.column(c) + (b * n2 + spacing - 1) / spacing,
                    factors, row);
  };
  inverse_impl(ntt_plan, comm, plan, local, true, load);
}

void distributed_interpolate_and_spread(const ntt::NttPlan& ntt_plan, Communicator& comm,
                                        const DistributedNttPlan& trace,
                                        const DistributedNttPlan& extended,
                                        field::ConstMatrixView evals, std::span<const Fp> factors,
                                        uint64_t spacing, MatrixView local) {
  const auto me = static_cast<uint64_t>(comm.rank());
  const uint64_t count = trace.rows.row_count(me);
  const uint64_t n2 = trace.n2();
  const uint64_t extended_n2 = extended.n2();
  // Each extended row takes a run of extended_n2 / spacing coefficients,
  // which lies within one interpolated row (n2 of them).
  BAOBAB_CHECK(spacing != 0 && evals.rows == count && local.cols == evals.cols &&
                   local.rows == count * spacing && extended_n2 % spacing == 0 &&
                   n2 % (extended_n2 / spacing) == 0 &&
                   (factors.empty() || factors.size() == count),
               "distributed_interpolate_and_spread: blocks do not match");
  const uint64_t run = extended_n2 / spacing;
  const auto ranks = static_cast<uint64_t>(comm.size());
  // A call's number, so that a thread's cached interpolated row is never
  // taken for another call's.
  static std::atomic<uint64_t> calls{0};
  const uint64_t call = ++calls;
  forward_impl(ntt_plan, comm, trace, evals, true, [&](const ColumnExchange& second) {
    const auto load = [&](uint64_t c, uint64_t b, Fp* row) {
      // The interpolation's last stage for the row holding coefficients
      // [b·run, (b+1)·run), kept for the next extended rows of the thread.
      struct Cached {
        uint64_t call = 0, c = 0, row = 0;
        UninitializedVector<Fp> values;
      };
      thread_local Cached cached;
      const uint64_t p0 = b * run;
      const uint64_t r = p0 / n2;
      if (cached.call != call || cached.c != c || cached.row != r) {
        cached.values.resize(n2);
        finish_forward_row(second, ntt_plan, trace, ranks, true, c, r, cached.values.data());
        cached.call = call;
        cached.c = c;
        cached.row = r;
      }
      load_spread_row(ntt_plan, extended_n2, b, spacing, cached.values.data() + (p0 - r * n2),
                      factors, row);
    };
    inverse_impl(ntt_plan, comm, extended, local, true, load);
  });
}

void distributed_coset_forward(const ntt::NttPlan& ntt_plan, Communicator& comm,
                               const DistributedNttPlan& plan, MatrixView local, Fp shift) {
  check_local(plan, comm, local);
  scale_by_powers(local, plan.rows.first_row(static_cast<uint64_t>(comm.rank())), shift);
  distributed_forward(ntt_plan, comm, plan, local);
}

void distributed_coset_inverse(const ntt::NttPlan& ntt_plan, Communicator& comm,
                               const DistributedNttPlan& plan, MatrixView local, Fp shift) {
  BAOBAB_CHECK(!shift.is_zero(), "distributed_coset_inverse: zero shift");
  distributed_inverse(ntt_plan, comm, plan, local);
  scale_by_powers(local, plan.rows.first_row(static_cast<uint64_t>(comm.rank())), shift.inverse());
}

}  // namespace baobab::dist
