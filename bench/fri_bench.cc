// FRI throughput: commit phase (fold + leaf hashing + Merkle per layer +
// remainder interpolation) of a 2^20 Fp3 codeword for arities 2..16, one
// layer fold alone, and the verifier's query check for 80 queries.
// Arguments: log arity, OpenMP threads. Wall-clock time (UseRealTime); the
// codeword copy handed to the prover is made outside the timed region.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <random>
#include <vector>

#include "src/field/roots.h"
#include "src/fri/fold.h"
#include "src/fri/prover.h"
#include "src/fri/verifier.h"
#include "src/hash/sha256_hasher.h"

namespace baobab::fri {
namespace {

constexpr unsigned kLogN = 20;

const std::vector<Fp3>& codeword() {
  static const std::vector<Fp3> word = [] {
    std::mt19937_64 rng(1);
    std::vector<Fp3> w(uint64_t{1} << kLogN);
    for (auto& v : w) v = Fp3(Fp::from_u64(rng()), Fp::from_u64(rng()), Fp::from_u64(rng()));
    return w;
  }();
  return word;
}

FriOptions options_for(int64_t log_arity) {
  return {.log_arity = static_cast<unsigned>(log_arity), .log_blowup = 3, .remainder_max_size = 64};
}

void BM_FriCommit(benchmark::State& state) {
  const FriOptions options = options_for(state.range(0));
  omp_set_num_threads(static_cast<int>(state.range(1)));
  const hash::Sha256Hasher hasher;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Fp3> copy = codeword();
    state.ResumeTiming();
    FriProver prover(options, std::move(copy), hasher);
    transcript::Transcript transcript("bench");
    benchmark::DoNotOptimize(prover.commit(transcript));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) << kLogN);
}
BENCHMARK(BM_FriCommit)
    ->ArgsProduct({{1, 2, 3, 4}, {1, 2}})
    ->ArgNames({"log_arity", "threads"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_FriFoldLayer(benchmark::State& state) {
  const auto log_arity = static_cast<unsigned>(state.range(0));
  omp_set_num_threads(static_cast<int>(state.range(1)));
  std::vector<Fp3> out(codeword().size() >> log_arity);
  const Fp3 beta(Fp::from_u64(3), Fp::from_u64(5), Fp::from_u64(7));
  for (auto _ : state) {
    fold_layer(codeword(), log_arity, field::kCosetShift, beta, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) << kLogN);
}
BENCHMARK(BM_FriFoldLayer)
    ->ArgsProduct({{1, 2, 3, 4}, {1, 2}})
    ->ArgNames({"log_arity", "threads"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_FriVerifyQueries(benchmark::State& state) {
  const FriOptions options = options_for(state.range(0));
  omp_set_num_threads(1);
  const hash::Sha256Hasher hasher;
  FriProver prover(options, codeword(), hasher);
  transcript::Transcript pt("bench");
  const FriCommitment commitment = prover.commit(pt);
  const auto positions = pt.challenge_indices("queries", codeword().size(), 80);
  const FriQueryProof proof = prover.open(positions);
  std::vector<Fp3> initial;
  for (uint64_t p : positions) initial.push_back(codeword()[p]);
  transcript::Transcript vt("bench");
  const FriChallenges challenges = verify_commitment(options, kLogN, commitment, vt).value();
  for (auto _ : state) {
    // A random word passes every layer check and fails only at the
    // remainder (a few Horner steps): the timed walk is the full one.
    benchmark::DoNotOptimize(
        verify_queries(options, kLogN, commitment, challenges, proof, positions, initial, hasher));
  }
  state.counters["proof_bytes"] = static_cast<double>(proof.byte_size() + commitment.byte_size());
}
BENCHMARK(BM_FriVerifyQueries)
    ->DenseRange(1, 4)
    ->ArgName("log_arity")
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace baobab::fri

BENCHMARK_MAIN();
