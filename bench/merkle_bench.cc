// SHA-256 and Merkle commitment throughput (bytes/s).
//
// The goal: Merkle hashing reaches at least 80% of raw single-stream
// SHA-256 throughput per thread. Compare BM_Sha256Raw (one long message,
// bytes/s) with BM_MerkleCommit/<impl>/1 (bytes/s of leaf data, i.e. row
// elements x 8, for 2^20 rows x 64 columns, leaves AND inner nodes included).
// Bytes/s come from CPU time unless marked real_time: 2 cores may be shared.
// All buffers are allocated and written before timing starts.
#include <benchmark/benchmark.h>
#include <omp.h>
#include <openssl/evp.h>

#include <cstring>
#include <random>
#include <vector>

#include "src/hash/sha256.h"
#include "src/hash/sha256_hasher.h"
#include "src/merkle/tree.h"

namespace baobab {
namespace {

using hash::Digest;
using hash::Sha256Impl;

std::vector<uint8_t> random_bytes(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint8_t> out(n);
  for (auto& b : out) b = static_cast<uint8_t>(rng());
  return out;
}

bool skip_unsupported(benchmark::State& state, Sha256Impl impl) {
  if (impl == Sha256Impl::kShaNi && !hash::sha_ni_supported()) {
    state.SkipWithError("CPU has no SHA extensions");
    return true;
  }
  state.SetLabel(std::string(hash::to_string(impl)));
  return false;
}

// Raw single-stream SHA-256 over one 16 MiB message: the reference rate.
void BM_Sha256Raw(benchmark::State& state) {
  const auto impl = static_cast<Sha256Impl>(state.range(0));
  if (skip_unsupported(state, impl)) return;
  const auto buffer = random_bytes(16 << 20, 1);
  for (auto _ : state) benchmark::DoNotOptimize(hash::sha256(buffer, impl));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * buffer.size()));
}
BENCHMARK(BM_Sha256Raw)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Many short messages of range(1) bytes, hashed in one batch call.
void BM_Sha256Messages(benchmark::State& state) {
  const auto impl = static_cast<Sha256Impl>(state.range(0));
  if (skip_unsupported(state, impl)) return;
  const size_t length = static_cast<size_t>(state.range(1));
  const size_t count = 4096;
  const auto messages = random_bytes(length * count, 2);
  std::vector<Digest> out(count);
  for (auto _ : state) {
    hash::sha256_many(impl, {}, messages, length, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * messages.size()));
}
BENCHMARK(BM_Sha256Messages)->ArgsProduct({{0, 1}, {64, 513}});

// The same messages through OpenSSL's one-shot EVP_Q_digest (allocates a
// context per call): the overhead the reused per-thread context avoids.
void BM_Sha256MessagesEvpQDigest(benchmark::State& state) {
  const size_t length = static_cast<size_t>(state.range(0));
  const size_t count = 4096;
  const auto messages = random_bytes(length * count, 2);
  std::vector<Digest> out(count);
  for (auto _ : state) {
    for (size_t i = 0; i < count; ++i) {
      size_t size = 0;
      EVP_Q_digest(nullptr, "SHA256", nullptr, messages.data() + i * length, length, out[i].data(),
                   &size);
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * messages.size()));
  state.SetLabel("openssl EVP_Q_digest");
}
BENCHMARK(BM_Sha256MessagesEvpQDigest)->Arg(64)->Arg(513);

// Hasher::compress_pairs over 2^16 pairs (bytes/s of child digests).
void BM_CompressPairs(benchmark::State& state) {
  const auto impl = static_cast<Sha256Impl>(state.range(0));
  if (skip_unsupported(state, impl)) return;
  const hash::Sha256Hasher hasher(impl);
  const size_t parents = 1 << 16;
  std::vector<Digest> children(2 * parents);
  const auto bytes = random_bytes(children.size() * 32, 3);
  std::memcpy(children.data(), bytes.data(), bytes.size());
  std::vector<Digest> out(parents);
  for (auto _ : state) {
    hasher.compress_pairs(children, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * parents));
}
BENCHMARK(BM_CompressPairs)->Arg(0)->Arg(1);

// Commitment to 2^20 rows x 64 columns (512 MiB), range(1) OpenMP threads.
void BM_MerkleCommit(benchmark::State& state) {
  const auto impl = static_cast<Sha256Impl>(state.range(0));
  if (skip_unsupported(state, impl)) return;
  const int threads = static_cast<int>(state.range(1));
  const size_t rows = size_t{1} << 20, cols = 64;
  static std::vector<field::Fp> data;  // shared by all runs: built once
  if (data.empty()) {
    data.resize(rows * cols);
    std::mt19937_64 rng(4);
    for (auto& x : data) x = field::Fp::from_u64(rng());
  }
  const hash::Sha256Hasher hasher(impl);
  const field::ConstMatrixView view(data.data(), rows, cols);
  const int saved = omp_get_max_threads();
  omp_set_num_threads(threads);
  for (auto _ : state) benchmark::DoNotOptimize(merkle::MerkleTree::build(hasher, view).root());
  omp_set_num_threads(saved);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.size() * 8));
  state.counters["threads"] = threads;
}
// One thread: the benchmark thread's CPU time, i.e. bytes/s per thread even
// when other jobs share the cores. Two threads: wall time (and process CPU).
BENCHMARK(BM_MerkleCommit)->ArgsProduct({{0, 1}, {1}})->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_MerkleCommit)
    ->ArgsProduct({{0, 1}, {2}})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->MinTime(2.0);

}  // namespace
}  // namespace baobab

BENCHMARK_MAIN();
