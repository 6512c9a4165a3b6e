// Distributed LDE + Merkle commitment across MPI ranks (issue 6): the phase
// that dominates proving, on a trace split by rows. Every rank generates its
// block of a deterministic trace (value = hash of global row and column),
// runs distributed_lde and hashes its Merkle subtrees, and the roots are
// combined. Reports, from rank 0, one JSON line: ranks, threads per rank,
// seconds (median of --repeat, slowest rank; lde_seconds: the LDE alone, and
// lde_seconds_min its fastest repeat, for noisy hosts), bytes sent per rank
// (largest), peak resident memory per rank (largest) and the root, which must not depend on the
// rank count.
//
// --order natural measures the prover's form: natural LDE rows
// (distributed_lde_natural, the coefficients never stored), and on one rank
// the single-process ntt::lde (what the prover runs there). --order
// natural-stored: natural rows through stored coefficients
// (distributed_lde), for comparison; --order natural-distributed: the
// distributed_lde_natural path even on one rank. --batch b runs the distributed LDE b
// columns at a time, as the prover does (BAOBAB_EXCHANGE_COLUMNS); the
// default is all of them in one call.
//
//   mpirun -np R dist_lde_bench [--log-n 20] [--cols 16] [--blowup 4] [--repeat 3]
//                               [--order reversed|natural|natural-stored|natural-distributed]
//                               [--batch b]
#include <omp.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "mpi/environment.h"
#include "mpi/merkle_top.h"
#include "mpi/mpi_communicator.h"
#include "src/dist/distributed_lde.h"
#include "src/field/roots.h"
#include "src/hash/sha256_hasher.h"
#include "src/merkle/tree.h"
#include "src/ntt/lde.h"

namespace {

using baobab::field::Fp;

uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

uint64_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;
}

}  // namespace

int main(int argc, char** argv) {
  baobab::mpi::Environment environment(argc, argv);
  int log_n = 20;
  uint64_t cols = 16;
  uint64_t blowup = 4;
  int repeat = 3;
  uint64_t batch = 0;  // 0: every column in one call
  std::string order = "reversed";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--log-n")
      log_n = std::atoi(argv[i + 1]);
    else if (arg == "--cols")
      cols = std::strtoull(argv[i + 1], nullptr, 10);
    else if (arg == "--blowup")
      blowup = std::strtoull(argv[i + 1], nullptr, 10);
    else if (arg == "--repeat")
      repeat = std::max(1, std::atoi(argv[i + 1]));
    else if (arg == "--order")
      order = argv[i + 1];
    else if (arg == "--batch")
      batch = std::strtoull(argv[i + 1], nullptr, 10);
  }
  if (batch == 0 || batch > cols) batch = cols;
  const bool natural_distributed = order == "natural-distributed";
  const bool natural = order == "natural" || order == "natural-stored" || natural_distributed;
  baobab::mpi::MpiCommunicator comm;
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  const bool single_process_lde = order == "natural" && ranks == 1;  // what the prover runs
  auto plan = baobab::dist::plan_distributed_lde(log_n, blowup, ranks);
  if (!plan) {
    if (me == 0) std::fprintf(stderr, "dist_lde_bench: %s\n", plan.error().to_string().c_str());
    return 2;
  }
  const int log_big = log_n + std::countr_zero(blowup);
  const baobab::ntt::NttPlan ntt_plan(single_process_lde ? log_big : (log_big + 1) / 2);
  const baobab::hash::Sha256Hasher hasher;
  auto subtrees = baobab::mpi::plan_subtrees(uint64_t{1} << log_big, ranks);
  const uint64_t in_first = plan.value().trace.rows.first_row(me);
  const uint64_t in_rows = plan.value().trace.rows.row_count(me);
  const uint64_t out_rows = plan.value().extended.rows.row_count(me);
  std::vector<Fp> evals(in_rows * cols);
  std::vector<Fp> out(out_rows * cols);
  std::vector<double> seconds, lde_seconds;
  baobab::hash::Digest root;
  uint64_t bytes = 0;
  for (int r = 0; r <= repeat; ++r) {  // run 0 touches the buffers
    for (uint64_t c = 0; c < cols; ++c) {
      for (uint64_t i = 0; i < in_rows; ++i) {
        evals[c * in_rows + i] = Fp::from_u64(mix((in_first + i) * 1000003 + c));
      }
    }
    comm.barrier();
    const uint64_t bytes_before = comm.bytes_sent();
    const auto start = std::chrono::steady_clock::now();
    // Once for all the batches, as the prover does.
    const std::vector<Fp> spread =
        single_process_lde
            ? std::vector<Fp>{}
            : baobab::dist::lde_spread_factors(plan.value(), me, baobab::field::kCosetShift);
    for (uint64_t first = 0; first < cols; first += batch) {
      const uint64_t count = std::min(batch, cols - first);
      const baobab::field::MatrixView out_view(out.data() + first * out_rows, out_rows, count);
      const baobab::field::MatrixView in_view(evals.data() + first * in_rows, in_rows, count);
      if (single_process_lde) {
        baobab::ntt::lde(ntt_plan, in_view, blowup, out_view, baobab::ntt::Order::kNatural,
                         baobab::field::kCosetShift);
      } else if (order == "natural" || natural_distributed) {
        baobab::dist::distributed_lde_natural(ntt_plan, comm, plan.value(), in_view, out_view,
                                              spread);
      } else {
        baobab::dist::distributed_lde(
            ntt_plan, comm, plan.value(), in_view, out_view, baobab::field::kCosetShift,
            natural ? baobab::ntt::Order::kNatural : baobab::ntt::Order::kBitReversed);
      }
    }
    const double lde_elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<baobab::hash::Digest> roots(subtrees.value().subtree_count(me));
    const uint64_t per = subtrees.value().leaves_per_subtree;
    for (uint64_t s = 0; s < roots.size(); ++s) {
      roots[s] = baobab::merkle::subtree_root(
          hasher,
          baobab::field::ConstMatrixView(out.data(), out_rows, cols).row_block(s * per, per));
    }
    root = baobab::mpi::combine_subtree_roots(hasher, subtrees.value(), roots);
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // The slowest rank's times (LDE with commitment, and LDE alone).
    const double times[2] = {elapsed, lde_elapsed};
    std::vector<uint8_t> all(16 * ranks);
    comm.all_gather_bytes(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(times), 16),
                          all);
    double slowest[2] = {0, 0};
    for (uint64_t k = 0; k < ranks; ++k) {
      double t[2] = {0, 0};
      std::copy_n(all.begin() + static_cast<std::ptrdiff_t>(16 * k), 16,
                  reinterpret_cast<uint8_t*>(t));
      slowest[0] = std::max(slowest[0], t[0]);
      slowest[1] = std::max(slowest[1], t[1]);
    }
    if (r > 0) {
      seconds.push_back(slowest[0]);
      lde_seconds.push_back(slowest[1]);
    }
    bytes = comm.bytes_sent() - bytes_before;
  }
  std::sort(seconds.begin(), seconds.end());
  std::sort(lde_seconds.begin(), lde_seconds.end());
  // Largest bytes and RSS over ranks.
  const uint64_t mine[2] = {bytes, peak_rss_bytes()};
  std::vector<uint8_t> all(16 * ranks);
  comm.all_gather_bytes(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(mine), 16), all);
  uint64_t max_bytes = 0, max_rss = 0;
  for (uint64_t k = 0; k < ranks; ++k) {
    uint64_t v[2];
    std::copy_n(all.begin() + static_cast<std::ptrdiff_t>(16 * k), 16,
                reinterpret_cast<uint8_t*>(v));
    max_bytes = std::max(max_bytes, v[0]);
    max_rss = std::max(max_rss, v[1]);
  }
  if (me == 0) {
    std::printf(
        "{\"ranks\":%llu,\"threads_per_rank\":%d,\"log_n\":%d,\"cols\":%llu,\"batch\":%llu,"
        "\"blowup\":%llu,"
        "\"order\":\"%s\",\"seconds\":%.4f,\"lde_seconds\":%.4f,\"lde_seconds_min\":%.4f,"
        "\"bytes_sent_per_rank\":%llu,"
        "\"peak_rss_per_rank\":%llu,"
        "\"root\":\"%s\"}\n",
        static_cast<unsigned long long>(ranks), omp_get_max_threads(), log_n,
        static_cast<unsigned long long>(cols), static_cast<unsigned long long>(batch),
        static_cast<unsigned long long>(blowup), order.c_str(), seconds[seconds.size() / 2],
        lde_seconds[lde_seconds.size() / 2], lde_seconds.front(),
        static_cast<unsigned long long>(max_bytes), static_cast<unsigned long long>(max_rss),
        baobab::hash::to_hex(root).c_str());
  }
  return 0;
}
