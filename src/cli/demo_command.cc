#include "src/cli/demo_command.h"

#include <omp.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <vector>

#include "mpi/merkle_top.h"
#include "src/cli/args.h"
#include "src/cli/phase_timer.h"
#include "src/common/simd_level.h"
#include "src/field/matrix_view.h"
#include "src/hash/sha256_hasher.h"
#include "src/merkle/leaves.h"
#include "src/merkle/opening.h"
#include "src/merkle/tree.h"
#include "src/ntt/lde.h"
#include "src/ntt/plan.h"
#include "src/transcript/transcript.h"

namespace baobab::cli {

namespace {

using field::Fp;

const std::vector<OptionSpec> kDemoOptions = {
    {"log-rows", "trace rows as a power of two", "18", false},
    {"columns", "trace columns", "32", false},
    {"blowup", "LDE blowup factor: 2, 4, 8 or 16", "4", false},
    {"queries", "query positions to open and verify", "32", false},
    {"grinding-bits", "proof-of-work bits before the queries are drawn", "16", false},
    {"json", "print one JSON object instead of text", "", true},
    {"help", "show this help", "", true},
};

constexpr const char* kDemoUsage =
    "Usage: baobab demo [options]\n"
    "Runs the core of a STARK commitment on a synthetic trace: batched coset LDE,\n"
    "SHA-256 Merkle commitment split across MPI ranks, Fiat-Shamir grinding and\n"
    "query sampling, and verified batch openings. Run under mpirun to split the\n"
    "commitment over ranks; the root never depends on ranks or threads.\n\n";

struct DemoConfig {
  uint64_t log_rows = 0;
  uint64_t columns = 0;
  uint64_t blowup = 0;
  uint64_t queries = 0;
  unsigned grinding_bits = 0;
  bool json = false;
};

Result<DemoConfig> read_config(const ParsedArgs& parsed) {
  DemoConfig config;
  config.json = parsed.flag("json");
  const std::pair<const char*, uint64_t*> integers[] = {{"log-rows", &config.log_rows},
                                                        {"columns", &config.columns},
                                                        {"blowup", &config.blowup},
                                                        {"queries", &config.queries}};
  const std::pair<uint64_t, uint64_t> bounds[] = {{1, 26}, {1, 1024}, {2, 16}, {1, 1024}};
  for (size_t i = 0; i < 4; ++i) {
    auto value = parsed.integer(integers[i].first, bounds[i].first, bounds[i].second);
    if (!value) return value.error();
    *integers[i].second = value.value();
  }
  if (config.blowup != 2 && config.blowup != 4 && config.blowup != 8 && config.blowup != 16) {
    return Error{ErrorCode::kInvalidArgument, "--blowup must be 2, 4, 8 or 16", "command line"};
  }
  auto bits = parsed.integer("grinding-bits", 0, 30);
  if (!bits) return bits.error();
  config.grinding_bits = static_cast<unsigned>(bits.value());
  return config;
}

// A deterministic synthetic trace: element (r, c) from a SplitMix64 hash of
// its global index, so every rank and thread count builds the same matrix.
void fill_trace(field::MatrixView trace) {
#pragma omp parallel for schedule(static)
  for (int64_t c = 0; c < static_cast<int64_t>(trace.cols); ++c) {
    Fp* column = trace.column(static_cast<uint64_t>(c));
    for (uint64_t r = 0; r < trace.rows; ++r) {
      uint64_t z = (static_cast<uint64_t>(c) * trace.rows + r + 1) * 0x9E3779B97F4A7C15ULL;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      column[r] = Fp::from_u64(z ^ (z >> 31));
    }
  }
}

}  // namespace

int run_demo_command(std::span<const std::string> args, int rank, int ranks) {
  auto parsed = parse_args(args, kDemoOptions);
  if (!parsed) {
    if (rank == 0) std::fprintf(stderr, "baobab demo: %s\n", parsed.error().to_string().c_str());
    return static_cast<int>(parsed.error().code);
  }
  if (parsed.value().flag("help")) {
    if (rank == 0) std::printf("%s%s", kDemoUsage, format_options(kDemoOptions).c_str());
    return 0;
  }
  auto config_or = read_config(parsed.value());
  if (!config_or) {
    if (rank == 0) std::fprintf(stderr, "baobab demo: %s\n", config_or.error().to_string().c_str());
    return static_cast<int>(config_or.error().code);
  }
  const DemoConfig config = config_or.value();
  const uint64_t rows = uint64_t{1} << config.log_rows;
  const uint64_t lde_rows = rows * config.blowup;
  auto plan_or = mpi::plan_subtrees(lde_rows, static_cast<uint64_t>(ranks));
  if (!plan_or) {
    if (rank == 0) std::fprintf(stderr, "baobab demo: %s\n", plan_or.error().to_string().c_str());
    return static_cast<int>(plan_or.error().code);
  }
  const mpi::SubtreePlan& subtrees = plan_or.value();
  const bool report = rank == 0;
  const auto log = [&](const PhaseRecord& record) {
    if (report && !config.json) {
      std::printf("  %-10s %9.3f s  %s\n", record.name.c_str(), record.seconds,
                  record.throughput.c_str());
    }
  };
  if (report && !config.json) {
    std::printf(
        "baobab demo: 2^%llu rows x %llu columns, blowup %llu, %d rank(s) x %d thread(s), %s\n",
        static_cast<unsigned long long>(config.log_rows),
        static_cast<unsigned long long>(config.columns),
        static_cast<unsigned long long>(config.blowup), ranks, omp_get_max_threads(),
        std::string(to_string(active_simd_level())).c_str());
  }

  PhaseTimer timer;
  // Buffers are allocated and touched once, up front (first touch is slow on
  // large nodes), and reused by every phase.
  std::vector<Fp> trace(rows * config.columns);
  std::vector<Fp> lde(lde_rows * config.columns);
  const field::MatrixView trace_view(trace.data(), rows, config.columns);
  const field::MatrixView lde_view(lde.data(), lde_rows, config.columns);
  const double lde_bytes = static_cast<double>(lde.size() * sizeof(Fp));

  timer.start("trace");
  fill_trace(trace_view);
  log(timer.stop(static_cast<double>(trace.size()), "elements"));

  timer.start("plan");
  const ntt::NttPlan ntt_plan(static_cast<int>(config.log_rows) + std::countr_zero(config.blowup));
  log(timer.stop());

  timer.start("lde");
  ntt::lde(ntt_plan, trace_view, config.blowup, lde_view, ntt::Order::kBitReversed);
  log(timer.stop(static_cast<double>(lde.size()), "elements"));

  // Each rank hashes its aligned subtrees; the top is combined across ranks.
  const hash::Sha256Hasher hasher;
  timer.start("commit");
  const auto my_rank = static_cast<uint64_t>(rank);
  std::vector<hash::Digest> local_roots;
  for (uint64_t s = 0; s < subtrees.subtree_count(my_rank); ++s) {
    const uint64_t first = (subtrees.first_subtree(my_rank) + s) * subtrees.leaves_per_subtree;
    local_roots.push_back(
        merkle::subtree_root(hasher, lde_view.row_block(first, subtrees.leaves_per_subtree)));
  }
  const hash::Digest root = mpi::combine_subtree_roots(hasher, subtrees, local_roots);
  log(timer.stop(lde_bytes / ranks, "bytes hashed per rank"));

  // Fiat-Shamir: parameters and root in, proof of work, then query positions.
  const auto start_transcript = [&] {
    transcript::Transcript t("baobab.demo.v1");
    t.absorb_u64("log_rows", config.log_rows);
    t.absorb_u64("columns", config.columns);
    t.absorb_u64("blowup", config.blowup);
    t.absorb_digest("commit.lde", root);
    return t;
  };
  timer.start("grind");
  transcript::Transcript prover_transcript = start_transcript();
  const uint64_t nonce = prover_transcript.grind(config.grinding_bits);
  log(timer.stop());
  std::vector<uint64_t> queries =
      prover_transcript.challenge_indices("queries", lde_rows, config.queries);
  std::sort(queries.begin(), queries.end());
  queries.erase(std::unique(queries.begin(), queries.end()), queries.end());

  // Rank 0 opens the queried rows. In this demo it rebuilds the whole tree to
  // do so; the prover will have each owning rank serve its own paths.
  bool verified = true;
  std::string failure;
  if (rank == 0) {
    timer.start("open");
    const merkle::MerkleTree tree = merkle::MerkleTree::build(hasher, lde_view);
    const merkle::BatchOpening opening = merkle::open_rows(tree, lde_view, queries);
    log(timer.stop());
    if (tree.root() != root) {
      verified = false;
      failure = "the root combined across ranks differs from the single-process root";
    }

    // The verifier replays the transcript: it needs only parameters, root,
    // nonce and the opening.
    timer.start("verify");
    transcript::Transcript verifier_transcript = start_transcript();
    if (!verifier_transcript.verify_pow(config.grinding_bits, nonce)) {
      verified = false;
      failure = "proof of work rejected";
    }
    std::vector<uint64_t> expected =
        verifier_transcript.challenge_indices("queries", lde_rows, config.queries);
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    if (expected != opening.indices) {
      verified = false;
      failure = "opened positions are not the ones the transcript draws";
    }
    const Status opened =
        merkle::verify_batch(hasher, root, tree.height(), config.columns, opening);
    if (!opened) {
      verified = false;
      failure = opened.error().to_string();
    }
    log(timer.stop());
  }

  if (report) {
    if (config.json) {
      std::printf("{\"command\":\"demo\",\"ranks\":%d,\"threads\":%d,\"simd\":\"%s\",", ranks,
                  omp_get_max_threads(), std::string(to_string(active_simd_level())).c_str());
      std::printf("\"log_rows\":%llu,\"columns\":%llu,\"blowup\":%llu,\"root\":\"%s\",",
                  static_cast<unsigned long long>(config.log_rows),
                  static_cast<unsigned long long>(config.columns),
                  static_cast<unsigned long long>(config.blowup), hash::to_hex(root).c_str());
      std::printf(
          "\"grinding_bits\":%u,\"nonce\":%llu,\"queries\":%zu,\"verified\":%s,\"phases\":[",
          config.grinding_bits, static_cast<unsigned long long>(nonce), queries.size(),
          verified ? "true" : "false");
      for (size_t i = 0; i < timer.records().size(); ++i) {
        const PhaseRecord& record = timer.records()[i];
        std::printf("%s{\"name\":\"%s\",\"seconds\":%.6f}", i ? "," : "", record.name.c_str(),
                    record.seconds);
      }
      std::printf("]}\n");
    } else {
      std::printf("root %s, nonce %llu, %zu distinct queries\n", hash::to_hex(root).c_str(),
                  static_cast<unsigned long long>(nonce), queries.size());
      if (verified) {
        std::printf("openings verified\n");
      } else {
        std::printf("VERIFICATION FAILED: %s\n", failure.c_str());
      }
    }
  }
  return verified ? 0 : 1;
}

}  // namespace baobab::cli
