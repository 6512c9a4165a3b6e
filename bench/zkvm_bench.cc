// zkVM executor throughput on hand-encoded loop programs (tests/zkvm's
// encoder): fast mode in instructions per second (with and without
// snapshots every kSnapshotInterval cycles) and trace mode in rows per second
// (rows handed to a sink that only counts them). One thread.
//   alu:    a hash-like loop of add/xor/shift/mul/branch on registers
//   memory: the same loop plus a load and a store per iteration (array walk)
#include <benchmark/benchmark.h>

#include "tests/zkvm/rv32_asm.h"
#include "zkvm/executor.h"

namespace baobab::zkvm {
namespace {

using namespace testing;

constexpr uint32_t kIterations = 1u << 21;

Program loop_program(bool memory) {
  Asm code;
  code.li(kS1, kDataBase).li(kT0, 0).li(kT1, kIterations).li(20, 0x9e3779b9).li(21, 1);
  const int32_t loop = code.here();
  code.add(21, 21, 20).op(0, 4, 22, 21, kT0).op_imm(1, 23, 22, 5).op_imm(5, 24, 22, 3);
  code.op(0, 4, 21, 23, 24).op(1, 0, 25, 21, 20);
  if (memory) {
    code.op_imm(7, 26, kT0, 0x3fc).add(26, 26, kS1).lw(27, 26, 0).add(27, 27, 25).sw(27, 26, 0);
  }
  code.addi(kT0, kT0, 4).op_imm(1, 28, kT1, 2).branch(1, kT0, 28, loop - code.here());
  code.add(kA0, 21, 0).syscall(kSysExit);
  return make_test_program(code);
}

void BM_FastMode(benchmark::State& state) {
  const Program program = loop_program(state.range(0) != 0);
  ExecuteOptions options;
  options.record_snapshots = state.range(1) != 0;
  uint64_t cycles = 0;
  for (auto _ : state) {
    auto result = execute(program, {}, options);
    if (!result.ok()) state.SkipWithError(result.error().to_string().c_str());
    cycles += result.value().cycles;
  }
  state.counters["instr/s"] =
      benchmark::Counter(static_cast<double>(cycles), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FastMode)
    ->ArgNames({"memory", "snapshots"})
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({1, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_TraceMode(benchmark::State& state) {
  const Program program = loop_program(state.range(0) != 0);
  const Snapshot start = initial_snapshot(program);
  uint64_t rows = 0;
  for (auto _ : state) {
    uint64_t seen = 0;
    auto result =
        trace_from(program, start, {}, ~uint64_t{0}, [&](std::span<const TraceRow> batch) {
          seen += batch.size();
          benchmark::DoNotOptimize(batch.data());
        });
    if (!result.ok()) state.SkipWithError(result.error().to_string().c_str());
    rows += seen;
  }
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TraceMode)
    ->ArgName("memory")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace baobab::zkvm

BENCHMARK_MAIN();
