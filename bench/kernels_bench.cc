// GPU field-multiply throughput with device-resident data (CUDA events).
// Skips, saying why, on a machine without a GPU.
#include <benchmark/benchmark.h>

#include "kernels/device.h"
#include "kernels/field_mul.h"

namespace baobab::kernels {
namespace {

void BM_GpuFieldMul(benchmark::State& state) {
  const GpuInfo info = probe_gpus();
  if (info.device_count == 0) {
    state.SkipWithError(("no GPU: " + info.unavailable).c_str());
    return;
  }
  const auto n = static_cast<uint64_t>(state.range(0));
  double rate = 0;
  for (auto _ : state) {
    auto measured = gpu_mul_throughput(n, 20);
    if (!measured) {
      state.SkipWithError(measured.error().to_string().c_str());
      return;
    }
    rate = measured.value();
    state.SetIterationTime(static_cast<double>(n) * 20 / rate);
  }
  state.counters["Gmul_per_s"] = rate / 1e9;
  state.SetLabel(info.name);
}
BENCHMARK(BM_GpuFieldMul)->Arg(1 << 24)->Arg(1 << 27)->UseManualTime()->Iterations(3);

}  // namespace
}  // namespace baobab::kernels

BENCHMARK_MAIN();
