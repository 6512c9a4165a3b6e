// NTT and LDE throughput (DESIGN §4 step 3): single columns 2^16..2^24,
// a 2^20 x 64 batch, and the coset LDE of that batch at blowup 2 and 4, per
// SIMD level and thread count (benchmark arguments; threads are set with
// omp_set_num_threads). Buffers are allocated and touched before timing and
// reused across runs; the plans (twiddle tables up to 2^24) are built once.
// Reported time is wall-clock (UseRealTime) per transform of the whole batch.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "src/ntt/lde.h"
#include "src/ntt/ntt.h"

namespace baobab::ntt {
namespace {

constexpr int kPlanLog = 24;

bool supported(SimdLevel level) {
  return static_cast<int>(level) <= static_cast<int>(detect_cpu_simd_level());
}

const NttPlan& plan_for(SimdLevel level) {
  static std::map<SimdLevel, std::unique_ptr<NttPlan>> plans;
  auto& p = plans[level];
  if (!p) p = std::make_unique<NttPlan>(kPlanLog, level);
  return *p;
}

// A buffer of `n` random elements, kept for the life of the program so that
// first-touch page faults never land inside a timed region.
std::vector<Fp>& buffer(const std::string& key, uint64_t n) {
  static std::map<std::string, std::vector<Fp>> buffers;
  auto& b = buffers[key];
  if (b.size() != n) {
    b.assign(n, Fp::zero());
    std::mt19937_64 rng(42);
    for (auto& x : b) x = Fp::from_u64(rng());
  }
  return b;
}

bool setup(benchmark::State& state, SimdLevel level, int threads) {
  if (!supported(level)) {
    state.SkipWithError("SIMD level not supported on this CPU");
    return false;
  }
  omp_set_num_threads(threads);
  state.SetLabel(std::string(to_string(level)) + " threads=" + std::to_string(threads));
  return true;
}

// Args: log_n, threads, level, order (0 natural, 1 bit-reversed).
void BM_ForwardSingleColumn(benchmark::State& state) {
  const int log_n = static_cast<int>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  const auto level = static_cast<SimdLevel>(state.range(2));
  const auto order = state.range(3) == 0 ? Order::kNatural : Order::kBitReversed;
  if (!setup(state, level, threads)) return;
  const NttPlan& plan = plan_for(level);
  const uint64_t n = uint64_t{1} << log_n;
  auto& x = buffer("single", n);
  for (auto _ : state) {
    forward(plan, MatrixView{x.data(), n, 1}, order);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}

// Args: threads, level, order.
void BM_ForwardBatch2p20x64(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  const auto level = static_cast<SimdLevel>(state.range(1));
  const auto order = state.range(2) == 0 ? Order::kNatural : Order::kBitReversed;
  if (!setup(state, level, threads)) return;
  const NttPlan& plan = plan_for(level);
  constexpr uint64_t kRows = uint64_t{1} << 20, kCols = 64;
  auto& x = buffer("batch", kRows * kCols);
  for (auto _ : state) {
    forward(plan, MatrixView{x.data(), kRows, kCols}, order);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows * kCols));
}

// Args: blowup, threads, level, order.
void BM_LdeBatch2p20x64(benchmark::State& state) {
  const uint64_t blowup = static_cast<uint64_t>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  const auto level = static_cast<SimdLevel>(state.range(2));
  const auto order = state.range(3) == 0 ? Order::kNatural : Order::kBitReversed;
  if (!setup(state, level, threads)) return;
  const NttPlan& plan = plan_for(level);
  constexpr uint64_t kRows = uint64_t{1} << 20, kCols = 64;
  auto& in = buffer("batch", kRows * kCols);
  auto& out = buffer("lde_out", kRows * kCols * 4);  // shared by blowup 2 and 4
  for (auto _ : state) {
    lde(plan, ConstMatrixView{in.data(), kRows, kCols}, blowup,
        MatrixView{out.data(), kRows * blowup, kCols}, order);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows * blowup * kCols));
}

// One column 2^20 -> 2^22 (blowup 4): the shape of the single-column LDE
// figure quoted for Polygon's goldilocks. Args: threads, order.
void BM_LdeSingleColumn2p20(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  const auto order = state.range(1) == 0 ? Order::kNatural : Order::kBitReversed;
  if (!setup(state, SimdLevel::kAvx512, threads)) return;
  const NttPlan& plan = plan_for(SimdLevel::kAvx512);
  constexpr uint64_t kRows = uint64_t{1} << 20, kBlowup = 4;
  auto& in = buffer("batch", kRows * 64);
  auto& out = buffer("lde_out", kRows * 64 * 4);
  for (auto _ : state) {
    lde(plan, ConstMatrixView{in.data(), kRows, 1}, kBlowup,
        MatrixView{out.data(), kRows * kBlowup, 1}, order);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows * kBlowup));
}

constexpr int kScalar = static_cast<int>(SimdLevel::kScalar);
constexpr int kAvx2 = static_cast<int>(SimdLevel::kAvx2);
constexpr int kAvx512 = static_cast<int>(SimdLevel::kAvx512);

void single_args(benchmark::internal::Benchmark* b) {
  for (int level : {kAvx512, kAvx2, kScalar})
    for (int threads : {1, 2})
      for (int log_n : {16, 18, 20, 22, 24})
        for (int order : {1, 0}) {
          if (level != kAvx512 && order == 0) continue;
          b->Args({log_n, threads, level, order});
        }
}
BENCHMARK(BM_ForwardSingleColumn)->Apply(single_args)->UseRealTime()->Unit(benchmark::kMillisecond);

BENCHMARK(BM_ForwardBatch2p20x64)
    ->ArgsProduct({{1, 2}, {kAvx512, kAvx2}, {1, 0}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

BENCHMARK(BM_LdeBatch2p20x64)
    ->ArgsProduct({{2, 4}, {1, 2}, {kAvx512}, {1, 0}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

BENCHMARK(BM_LdeSingleColumn2p20)
    ->ArgsProduct({{1, 2}, {1, 0}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace baobab::ntt

BENCHMARK_MAIN();
