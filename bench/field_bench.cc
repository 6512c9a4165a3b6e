// Field multiply throughput per SIMD path, on operands that stay in L1 so the
// number measures arithmetic, not memory. Reported as items/s = multiplies/s.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "src/field/ext3.h"
#include "src/field/vector_ops.h"

namespace baobab::field {
namespace {

constexpr uint64_t kElements = 2048;  // 16 KiB per operand: L1-resident

std::vector<Fp> random_elements(uint64_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Fp> out(n);
  for (auto& x : out) x = Fp::from_u64(rng());
  return out;
}

void BM_VectorMul(benchmark::State& state) {
  const auto level = static_cast<SimdLevel>(state.range(0));
  if (static_cast<int>(level) > static_cast<int>(detect_cpu_simd_level())) {
    state.SkipWithError("SIMD level not supported on this CPU");
    return;
  }
  const VectorKernels& kernels = vector_kernels(level);
  auto a = random_elements(kElements, 1);
  const auto b = random_elements(kElements, 2);
  for (auto _ : state) {
    kernels.mul(a.data(), b.data(), a.data(), kElements);  // dependent chain across iterations
    benchmark::DoNotOptimize(a.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kElements));
  state.SetLabel(std::string(to_string(level)));
}
BENCHMARK(BM_VectorMul)->Arg(0)->Arg(1)->Arg(2);

void BM_ScalarMulLatencyChain(benchmark::State& state) {
  Fp x = Fp::from_u64(12345), y = Fp::from_u64(0x123456789ULL);
  for (auto _ : state) {
    for (int i = 0; i < 1024; ++i) x *= y;
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 1024));
}
BENCHMARK(BM_ScalarMulLatencyChain);

void BM_Fp3Mul(benchmark::State& state) {
  Fp3 x(Fp::from_u64(1), Fp::from_u64(2), Fp::from_u64(3));
  const Fp3 y(Fp::from_u64(4), Fp::from_u64(5), Fp::from_u64(6));
  for (auto _ : state) {
    for (int i = 0; i < 256; ++i) x *= y;
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 256));
}
BENCHMARK(BM_Fp3Mul);

void BM_Inverse(benchmark::State& state) {
  Fp x = Fp::from_u64(0x9876543210ULL);
  for (auto _ : state) {
    x = x.inverse() + Fp::one();
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_Inverse);

}  // namespace
}  // namespace baobab::field

BENCHMARK_MAIN();
