#include "src/dist/distributed_ntt.h"

#include <algorithm>
#include <bit>
#include <string>
#include <vector>

#include "src/common/check.h"
#include "src/common/uninitialized.h"
#include "src/field/roots.h"
#include "src/field/vector_ops.h"
#include "src/ntt/bit_reverse.h"
#include "src/ntt/ntt.h"

namespace baobab::dist {

namespace {

using field::Fp;
using field::MatrixView;
using ntt::Order;

uint64_t reverse(uint64_t x, int bits) {
  return ntt::reverse_bits(x, bits);
}

// Counts and offsets of one exchange, all columns together: the block for
// rank r holds cols · per_column(r) elements.
struct Exchange {
  std::vector<uint64_t> send_counts;
  std::vector<uint64_t> receive_counts;
  std::vector<uint64_t> send_offsets;
  std::vector<uint64_t> receive_offsets;
};

template <class SendCount, class ReceiveCount>
Exchange plan_exchange(uint64_t ranks, uint64_t cols, SendCount send, ReceiveCount receive) {
  Exchange e;
  e.send_counts.resize(ranks);
  e.receive_counts.resize(ranks);
  e.send_offsets.assign(ranks + 1, 0);
  e.receive_offsets.assign(ranks + 1, 0);
  for (uint64_t r = 0; r < ranks; ++r) {
    e.send_counts[r] = cols * send(r);
    e.receive_counts[r] = cols * receive(r);
    e.send_offsets[r + 1] = e.send_offsets[r] + e.send_counts[r];
    e.receive_offsets[r + 1] = e.receive_offsets[r] + e.receive_counts[r];
  }
  return e;
}

void check_local(const DistributedNttPlan& plan, const Communicator& comm,
                 const MatrixView& local) {
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

// The middle layout holds, per column, one run of n1 values per owned i2
// (run a is i2 = first_i2 + a), in bit-reversed order (position p holds
// k1 = rev(p)); entry p of run a is multiplied by start · w^(i2·rev(p)).
void twiddle_reversed_runs(Fp* data, uint64_t runs_per_column, uint64_t cols, int log_run,
                           uint64_t first_i2, Fp root, Fp start) {
  const uint64_t run_length = uint64_t{1} << log_run;
  std::vector<uint32_t> reversed(run_length);
  for (uint64_t p = 0; p < run_length; ++p) {
    reversed[p] = static_cast<uint32_t>(reverse(p, log_run));
  }
  const auto total = static_cast<int64_t>(runs_per_column * cols);
#pragma omp parallel
  {
    std::vector<Fp> powers(run_length);
    std::vector<Fp> gathered(run_length);
#pragma omp for schedule(static)
    for (int64_t item = 0; item < total; ++item) {
      const uint64_t a = static_cast<uint64_t>(item) % runs_per_column;
      geometric_powers(start, root.pow(first_i2 + a), powers);  // w^(i2)
      for (uint64_t p = 0; p < run_length; ++p) gathered[p] = powers[reversed[p]];
      const std::span<Fp> x(data + static_cast<uint64_t>(item) * run_length, run_length);
      field::mul(x, gathered, x);
    }
  }
}

// Runs body(peer, column) for every pair, in parallel: the packing and
// unpacking around an exchange (each pair owns a disjoint slice).
template <class Body>
void for_each_peer_column(uint64_t ranks, uint64_t cols, const Body& body) {
  const auto items = static_cast<int64_t>(ranks * cols);
#pragma omp parallel for schedule(static)
  for (int64_t item = 0; item < items; ++item) {
    body(static_cast<uint64_t>(item) / cols, static_cast<uint64_t>(item) % cols);
  }
}

// One all-to-all of every column: send_count(to) / receive_count(from) are
// per-column counts, pack(to, c, out) fills the block for rank `to` of column
// c and unpack(from, c, in) stores what rank `from` sent, both in parallel
// over (peer, column). Packing ends before anything is received, so unpack
// may write where pack read.
template <class SendCount, class ReceiveCount, class Pack, class Unpack>
void exchange_columns(Communicator& comm, ExchangeWorkspace& ws, uint64_t cols,
                      SendCount send_count, ReceiveCount receive_count, const Pack& pack,
                      const Unpack& unpack) {
  const auto ranks = static_cast<uint64_t>(comm.size());
  const Exchange e = plan_exchange(ranks, cols, send_count, receive_count);
  ws.send.resize(e.send_offsets[ranks]);
  for_each_peer_column(ranks, cols, [&](uint64_t to, uint64_t c) {
    pack(to, c, ws.send.data() + e.send_offsets[to] + c * (e.send_counts[to] / cols));
  });
  ws.receive.resize(e.receive_offsets[ranks]);
  comm.all_to_all(ws.send, e.send_counts, ws.receive, e.receive_counts);
  for_each_peer_column(ranks, cols, [&](uint64_t from, uint64_t c) {
    unpack(from, c,
           ws.receive.data() + e.receive_offsets[from] + c * (e.receive_counts[from] / cols));
  });
}

// The row layouts hold, per column, `rows` runs of n2 values (run b, entry
// i2 at b·n2 + i2); the middle layout `runs` runs of n1 values per column.
// Block of (i2 in [begin, begin + count)) × (all runs), i2-major.
void pack_row_block(const MatrixView& local, uint64_t c, uint64_t n2, uint64_t rows, uint64_t begin,
                    uint64_t count, Fp* out) {
  transpose_tiles(local.column(c) + begin, n2, rows, count, out, rows);
}

// The inverse: entries [begin, begin + count) of every run, run-major.
void unpack_row_block(const MatrixView& local, uint64_t c, uint64_t n2, uint64_t rows,
                      uint64_t begin, uint64_t count, const Fp* in) {
  for (uint64_t b = 0; b < rows; ++b) {
    std::copy_n(in + b * count, count, local.column(c) + b * n2 + begin);
  }
}

// Positions [begin, begin + count) of column c's middle runs, position-major.
void pack_run_block(const Fp* middle, uint64_t c, uint64_t runs, uint64_t n1, uint64_t begin,
                    uint64_t count, Fp* out) {
  transpose_tiles(middle + c * runs * n1 + begin, n1, runs, count, out, runs);
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

// distributed_forward, with the inverse roots when `inverse_roots` (then the
// result is scaled by 1/n: natural evaluations in, bit-reversed coefficients
// out).
void forward_impl(const ntt::NttPlan& ntt_plan, Communicator& comm, const DistributedNttPlan& plan,
                  MatrixView local, bool inverse_roots, ExchangeWorkspace* workspace) {
  check_local(plan, comm, local);
  ExchangeWorkspace own;
  ExchangeWorkspace& ws = workspace != nullptr ? *workspace : own;
  const auto me = static_cast<uint64_t>(comm.rank());
  const uint64_t cols = local.cols;
  const uint64_t n1 = plan.n1();
  const uint64_t n2 = plan.n2();
  const uint64_t my_i1_count = plan.i1_count(me);
  const uint64_t my_i2 = plan.middle.first_unit(me);
  const uint64_t my_i2_count = plan.middle.unit_count(me);
  if (cols == 0) return;

  // Once packed, the local block is free: the middle layout lives in it when
  // it is contiguous and of the same size (R a power of two), which saves a
  // buffer of the rank's share (and its first touch).
  const uint64_t middle_size = cols * my_i2_count * n1;
  const bool reuse_local = local.contiguous() && local.rows * cols == middle_size;
  if (!reuse_local) ws.middle.resize(middle_size);
  Fp* const middle = reuse_local ? local.data : ws.middle.data();

  // Exchange 1: (i1 in mine) × (i2 in theirs) to every rank.
  exchange_columns(
      comm, ws, cols, [&](uint64_t to) { return plan.first_exchange_count(me, to); },
      [&](uint64_t from) { return plan.first_exchange_count(from, me); },
      [&](uint64_t to, uint64_t c, Fp* out) {
        pack_row_block(local, c, n2, my_i1_count, plan.middle.first_unit(to),
                       plan.middle.unit_count(to), out);
      },
      [&](uint64_t from, uint64_t c, const Fp* in) {
        const uint64_t i1_count = plan.i1_count(from);
        for (uint64_t b = 0; b < my_i2_count; ++b) {
          std::copy_n(in + b * i1_count, i1_count,
                      middle + (c * my_i2_count + b) * n1 + plan.first_i1(from));
        }
      });
  // Size-n1 transforms over i1, left in bit-reversed order (position j holds
  // k1 = rev(j), so the second exchange reads runs in order), then the
  // twiddles w_n^(i2·k1). With inverse roots: sum_i1 x[i1] w^-(i1·k1) is the
  // forward transform of x[-i1 mod n1], and 1/n1 joins the twiddles.
  const MatrixView runs(middle, n1, cols * my_i2_count);
  const Fp root = field::two_adic_root(plan.log_n);
  if (inverse_roots) {
    const auto total = static_cast<int64_t>(runs.cols);
#pragma omp parallel for schedule(static)
    for (int64_t r = 0; r < total; ++r) {
      Fp* run = runs.column(static_cast<uint64_t>(r));
      std::reverse(run + 1, run + n1);  // i1 -> -i1 mod n1
    }
  }
  ntt::forward(ntt_plan, runs, Order::kBitReversed);
  // With inverse roots the whole 1/n (1/n1 here, 1/n2 of the second
  // transforms) joins the twiddles: one multiplication pass, not two.
  twiddle_reversed_runs(middle, my_i2_count, cols, plan.log_n1, my_i2,
                        inverse_roots ? root.inverse() : root,
                        inverse_roots ? Fp::from_u64(plan.n1() * plan.n2()).inverse() : Fp::one());

  // Exchange 2: (i2 in mine) × (j in theirs), k1 = rev(j), to every rank.
  exchange_columns(
      comm, ws, cols, [&](uint64_t to) { return plan.second_exchange_count(me, to); },
      [&](uint64_t from) { return plan.second_exchange_count(from, me); },
      [&](uint64_t to, uint64_t c, Fp* out) {
        pack_run_block(middle, c, my_i2_count, n1, plan.first_i1(to), plan.i1_count(to), out);
      },
      [&](uint64_t from, uint64_t c, const Fp* in) {
        unpack_row_block(local, c, n2, my_i1_count, plan.middle.first_unit(from),
                         plan.middle.unit_count(from), in);
      });
  // Size-n2 transforms over i2, bit-reversed output: the rank's block of
  // the bit-reversed result. With inverse roots: sum_i2 z[i2] w^-(i2·k2) is
  // the forward transform of z[-i2 mod n2] (1/n2 was applied with the twiddles).
  for (uint64_t c = 0; c < cols; ++c) {
    if (inverse_roots) {
      for (uint64_t b = 0; b < my_i1_count; ++b) {
        Fp* run = local.column(c) + b * n2;
        std::reverse(run + 1, run + n2);  // i2 -> -i2 mod n2
      }
    }
    ntt::forward(ntt_plan, MatrixView(local.column(c), n2, my_i1_count, n2), Order::kBitReversed);
  }
}

}  // namespace

void distributed_forward(const ntt::NttPlan& ntt_plan, Communicator& comm,
                         const DistributedNttPlan& plan, MatrixView local,
                         ExchangeWorkspace* workspace) {
  forward_impl(ntt_plan, comm, plan, local, false, workspace);
}

void distributed_interpolate(const ntt::NttPlan& ntt_plan, Communicator& comm,
                             const DistributedNttPlan& plan, MatrixView local,
                             ExchangeWorkspace* workspace) {
  forward_impl(ntt_plan, comm, plan, local, true, workspace);
}

namespace {

// distributed_inverse, with the forward roots and no 1/n when `forward_roots`
// (bit-reversed coefficients in, natural evaluations out). The local
// transforms are inverse ones either way: sum_k z[k] w^(i·k) is m times the
// inverse transform at -i mod m, a reversal inside each run.
void inverse_impl(const ntt::NttPlan& ntt_plan, Communicator& comm, const DistributedNttPlan& plan,
                  MatrixView local, bool forward_roots, ExchangeWorkspace* workspace) {
  check_local(plan, comm, local);
  ExchangeWorkspace own;
  ExchangeWorkspace& ws = workspace != nullptr ? *workspace : own;
  const auto me = static_cast<uint64_t>(comm.rank());
  const uint64_t cols = local.cols;
  const uint64_t n1 = plan.n1();
  const uint64_t n2 = plan.n2();
  const uint64_t my_j = plan.first_i1(me);
  const uint64_t my_j_count = plan.i1_count(me);
  const uint64_t my_i2_count = plan.middle.unit_count(me);
  if (cols == 0) return;

  // Size-n2 inverses over k2 (bit-reversed in, natural i2 out, 1/n2), then
  // w_n^-(i2·k1) with k1 = rev(j): run j, position i2.
  for (uint64_t c = 0; c < cols; ++c) {
    ntt::inverse(ntt_plan, MatrixView(local.column(c), n2, my_j_count, n2), Order::kBitReversed);
  }
  const Fp root =
      forward_roots ? field::two_adic_root(plan.log_n) : field::two_adic_root(plan.log_n).inverse();
  {
    const auto total = static_cast<int64_t>(my_j_count * cols);
    // Forward roots: the factors n2 and n1 of both reversed inverse
    // transforms join the twiddles.
    const Fp start = forward_roots ? Fp::from_u64(n1 * n2) : Fp::one();
#pragma omp parallel
    {
      std::vector<Fp> powers(n2);
#pragma omp for schedule(static)
      for (int64_t item = 0; item < total; ++item) {
        const uint64_t c = static_cast<uint64_t>(item) / my_j_count;
        const uint64_t b = static_cast<uint64_t>(item) % my_j_count;
        Fp* run = local.column(c) + b * n2;
        if (forward_roots) std::reverse(run + 1, run + n2);  // i2 -> -i2 mod n2
        geometric_powers(start, root.pow(reverse(my_j + b, plan.log_n1)), powers);  // w^(∓k1)
        const std::span<Fp> x(run, n2);
        field::mul(x, powers, x);
      }
    }
  }

  // Exchange 2 backwards: (j in mine) × (i2 in theirs).
  ws.middle.resize(cols * my_i2_count * n1);
  std::vector<uint32_t> reversed(n1);  // reverse(j, log n1), computed once
  for (uint64_t j = 0; j < n1; ++j) reversed[j] = static_cast<uint32_t>(reverse(j, plan.log_n1));
  Fp* const middle = ws.middle.data();
  exchange_columns(
      comm, ws, cols, [&](uint64_t to) { return plan.second_exchange_count(to, me); },
      [&](uint64_t from) { return plan.second_exchange_count(me, from); },
      [&](uint64_t to, uint64_t c, Fp* out) {
        pack_row_block(local, c, n2, my_j_count, plan.middle.first_unit(to),
                       plan.middle.unit_count(to), out);
      },
      [&](uint64_t from, uint64_t c, const Fp* in) {
        const uint64_t j_begin = plan.first_i1(from);
        const uint64_t j_count = plan.i1_count(from);
        for (uint64_t a = 0; a < my_i2_count; ++a) {
          Fp* run = middle + (c * my_i2_count + a) * n1;
          for (uint64_t j = j_begin; j < j_begin + j_count; ++j) run[reversed[j]] = *in++;
        }
      });
  // Size-n1 inverses over k1 (natural in and out, 1/n1).
  ntt::inverse(ntt_plan, MatrixView(middle, n1, cols * my_i2_count), Order::kNatural);
  if (forward_roots) {
    const auto total = static_cast<int64_t>(cols * my_i2_count);
#pragma omp parallel for schedule(static)
    for (int64_t r = 0; r < total; ++r) {
      Fp* run = middle + static_cast<uint64_t>(r) * n1;
      std::reverse(run + 1, run + n1);  // i1 -> -i1 mod n1
    }
  }

  // Exchange 1 backwards: (i2 in mine) × (i1 in theirs).
  exchange_columns(
      comm, ws, cols, [&](uint64_t to) { return plan.first_exchange_count(to, me); },
      [&](uint64_t from) { return plan.first_exchange_count(me, from); },
      [&](uint64_t to, uint64_t c, Fp* out) {
        pack_run_block(middle, c, my_i2_count, n1, plan.first_i1(to), plan.i1_count(to), out);
      },
      [&](uint64_t from, uint64_t c, const Fp* in) {
        unpack_row_block(local, c, n2, my_j_count, plan.middle.first_unit(from),
                         plan.middle.unit_count(from), in);
      });
}

}  // namespace

void distributed_inverse(const ntt::NttPlan& ntt_plan, Communicator& comm,
                         const DistributedNttPlan& plan, MatrixView local,
                         ExchangeWorkspace* workspace) {
  inverse_impl(ntt_plan, comm, plan, local, false, workspace);
}

void distributed_forward_from_reversed(const ntt::NttPlan& ntt_plan, Communicator& comm,
                                       const DistributedNttPlan& plan, MatrixView local,
                                       ExchangeWorkspace* workspace) {
  inverse_impl(ntt_plan, comm, plan, local, true, workspace);
}

void distributed_coset_forward(const ntt::NttPlan& ntt_plan, Communicator& comm,
                               const DistributedNttPlan& plan, MatrixView local, Fp shift,
                               ExchangeWorkspace* workspace) {
  check_local(plan, comm, local);
  scale_by_powers(local, plan.rows.first_row(static_cast<uint64_t>(comm.rank())), shift);
  distributed_forward(ntt_plan, comm, plan, local, workspace);
}

void distributed_coset_inverse(const ntt::NttPlan& ntt_plan, Communicator& comm,
                               const DistributedNttPlan& plan, MatrixView local, Fp shift,
                               ExchangeWorkspace* workspace) {
  BAOBAB_CHECK(!shift.is_zero(), "distributed_coset_inverse: zero shift");
  distributed_inverse(ntt_plan, comm, plan, local, workspace);
  scale_by_powers(local, plan.rows.first_row(static_cast<uint64_t>(comm.rank())), shift.inverse());
}

}  // namespace baobab::dist
