// What a host allows a job of R single-threaded ranks (issue 6's strong
// scaling): every rank runs the same two loops at once, and rank 0 reports
// each one's rate per rank (mean over ranks) as one JSON line.
//
//  * multiply: Goldilocks products of a 4096-element vector held in L1
//    (field::mul, the active SIMD level), the kind of work the constraint
//    evaluation, DEEP and the NTT butterflies do. With R = 1 the core may
//    run at its single-core turbo; with every core busy, at the all-core
//    (and vector-unit) frequency.
//  * stream: out[i] = a[i] + b[i] over 256 MiB arrays per rank (beyond any
//    last-level cache once a few ranks run), touched
//    before timing: what the exchange, LDE and hashing passes need.
//  * fresh fill: the same three arrays' first allocation and fill (768 MiB
//    of never-touched memory per rank, all ranks at once): page faults
//    and zeroing, what a phase pays for buffers it touches first. On
//    virtual machines this can be far slower than the stream, and it may
//    not scale with the ranks.
//
// The ratio of a rate at R ranks to the rate at R = 1 bounds the parallel
// efficiency of work of that kind on this host, whatever the code does.
//
//   mpirun -np R host_ceiling [--seconds 2]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "mpi/environment.h"
#include "mpi/mpi_communicator.h"
#include "src/common/simd_level.h"
#include "src/field/goldilocks.h"
#include "src/field/vector_ops.h"

namespace {

using baobab::field::Fp;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Repeats `body` (one batch) until `budget` seconds pass; returns batches / second.
template <class Body>
double rate(double budget, const Body& body) {
  uint64_t batches = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < budget) {
    body();
    ++batches;
    elapsed = seconds_since(start);
  }
  return static_cast<double>(batches) / elapsed;
}

// The mean of one double over all ranks.
double mean_over_ranks(baobab::mpi::MpiCommunicator& comm, double value) {
  std::vector<uint8_t> all(8 * static_cast<uint64_t>(comm.size()));
  comm.all_gather_bytes(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(&value), sizeof value), all);
  double sum = 0;
  for (int r = 0; r < comm.size(); ++r) {
    double v = 0;
    std::copy_n(all.begin() + 8 * r, 8, reinterpret_cast<uint8_t*>(&v));
    sum += v;
  }
  return sum / comm.size();
}

}  // namespace

int main(int argc, char** argv) {
  baobab::mpi::Environment environment(argc, argv);
  double budget = 2.0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--seconds") budget = std::atof(argv[i + 1]);
  }
  baobab::mpi::MpiCommunicator comm;

  constexpr uint64_t kVector = 4096;
  std::vector<Fp> x(kVector), y(kVector);
  for (uint64_t i = 0; i < kVector; ++i) {
    x[i] = Fp::from_u64(i * 0x9E3779B97F4A7C15ULL + 1);
    y[i] = Fp::from_u64(i + 7);
  }
  comm.barrier();
  const double multiply_batches = rate(budget, [&] {
    for (int repeat = 0; repeat < 16; ++repeat) baobab::field::mul(x, y, x);
  });
  const double multiply = mean_over_ranks(comm, multiply_batches * 16.0 * kVector);

  constexpr uint64_t kStream = uint64_t{32} << 20;  // elements: 256 MiB per array
  comm.barrier();
  const auto fill_start = Clock::now();
  std::vector<uint64_t> a(kStream, 1), b(kStream, 2), out(kStream, 3);
  const double fresh_fill = mean_over_ranks(comm, 3.0 * 8.0 * kStream / seconds_since(fill_start));
  comm.barrier();
  const double stream_batches = rate(budget, [&] {
    for (uint64_t i = 0; i < kStream; ++i) out[i] = a[i] + b[i];
    a[out[kStream / 2] % kStream] ^= 1;  // keeps the loop from being hoisted
  });
  const double stream = mean_over_ranks(comm, stream_batches * 3.0 * 8.0 * kStream);

  if (comm.rank() == 0) {
    std::printf(
        "{\"ranks\":%d,\"simd\":\"%s\",\"multiply_per_rank\":%.4g,\"stream_bytes_per_s_per_rank\":"
        "%.4g,\"stream_bytes_per_s_total\":%.4g,\"fresh_fill_bytes_per_s_per_rank\":%.4g}\n",
        comm.size(), std::string(baobab::to_string(baobab::active_simd_level())).c_str(), multiply,
        stream, stream * comm.size(), fresh_fill);
  }
  return 0;
}
