// STARK prove time, verify time and proof size for the Fibonacci AIR at
// 2^16..2^22 rows under both named profiles (issue 3 item 9).
//   build/bench/stark_bench [--benchmark_filter=...]
// Args: log_rows, profile (0 = proven-100, 1 = conjectured-100). The timed
// loop is the prover; verify time and proof size are counters.
#include <benchmark/benchmark.h>

#include <chrono>

#include "src/air/examples/fibonacci.h"
#include "src/hash/sha256_hasher.h"
#include "src/params/profiles.h"
#include "src/stark/proof_format.h"
#include "src/stark/prover.h"
#include "src/stark/verifier.h"

namespace baobab::stark {
namespace {

void BM_FibonacciProve(benchmark::State& state) {
  const int log_rows = static_cast<int>(state.range(0));
  const char* profile = state.range(1) == 0 ? "proven-100" : "conjectured-100";
  const params::ProofParams params = params::profile_by_name(profile).value();
  // Each profile is verified at the level it promises.
  params::SecurityLevel level;
  if (state.range(1) != 0) {
    level.min_proven_bits = 0;
    level.min_conjectured_bits = 100;
  }
  const auto air = air::make_air(air::examples::FibonacciAir(log_rows));
  const auto trace =
      air::examples::generate_fibonacci_trace(log_rows, field::Fp::one(), field::Fp::one());
  Statement statement;
  statement.tables = {air.get()};
  statement.public_inputs.assign(trace.public_inputs.begin(), trace.public_inputs.end());
  const field::ConstMatrixView view(trace.main.data(), trace.rows, 2);
  const hash::Sha256Hasher hasher;

  std::vector<uint8_t> bytes;
  for (auto _ : state) {
    auto proof = prove(statement, std::span(&view, 1), params, hasher);
    if (!proof) {
      state.SkipWithError(proof.error().to_string().c_str());
      return;
    }
    bytes = serialize_proof(proof.value());
  }
  // Verify from the bytes, as a verifier would (parse included), best of 5.
  double best = 1e9;
  bool accepted = true;
  for (int i = 0; i < 5; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto parsed = parse_proof(statement, bytes);
    accepted = accepted && parsed.ok() && verify(statement, parsed.value(), level, hasher).accepted;
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  if (!accepted) state.SkipWithError("proof rejected");
  state.counters["proof_KiB"] = static_cast<double>(bytes.size()) / 1024.0;
  state.counters["verify_ms"] = best * 1e3;
  state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(trace.rows),
                                                    benchmark::Counter::kIsIterationInvariantRate);
  state.SetLabel(profile);
}
BENCHMARK(BM_FibonacciProve)
    ->ArgsProduct({{16, 18, 20, 22}, {0, 1}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace baobab::stark

BENCHMARK_MAIN();
