#include "src/cli/demo_command.h"

#include <omp.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <vector>

#include "mpi/mpi_communicator.h"
#include "src/cli/args.h"
#include "src/cli/file_io.h"
#include "src/cli/phase_timer.h"
#include "src/common/simd_level.h"
#include "src/dist/distributed_commitment.h"
#include "src/dist/distributed_lde.h"
#include "src/field/matrix_view.h"
#include "src/field/roots.h"
#include "src/hash/sha256_hasher.h"
#include "src/merkle/opening.h"
#include "src/merkle/tree.h"
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
    "SHA-256 Merkle commitment, Fiat-Shamir grinding and query sampling, and\n"
    "verified batch openings. Under mpirun every phase is split by rows: each rank\n"
    "holds its block of the trace and of the LDE, the LDE exchanges data between\n"
    "ranks, and owning ranks serve the openings. The root and the opening never\n"
    "depend on the number of ranks or threads. The trace needs at least\n"
    "bit_ceil(ranks)^2 rows.\n\n";

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
// `block` holds rows [first_row, first_row + block.rows) of total_rows.
void fill_trace(field::MatrixView block, uint64_t first_row, uint64_t total_rows) {
#pragma omp parallel for schedule(static)
  for (int64_t c = 0; c < static_cast<int64_t>(block.cols); ++c) {
    Fp* column = block.column(static_cast<uint64_t>(c));
    for (uint64_t r = 0; r < block.rows; ++r) {
      uint64_t z =
          (static_cast<uint64_t>(c) * total_rows + first_row + r + 1) * 0x9E3779B97F4A7C15ULL;
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
  auto plan_or = dist::plan_distributed_lde(static_cast<int>(config.log_rows), config.blowup,
                                            static_cast<uint64_t>(ranks));
  if (!plan_or) {
    if (rank == 0) std::fprintf(stderr, "baobab demo: %s\n", plan_or.error().to_string().c_str());
    return static_cast<int>(plan_or.error().code);
  }
  const dist::DistributedLdePlan& plan = plan_or.value();
  const auto me = static_cast<uint64_t>(rank);
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
  mpi::MpiCommunicator comm;
  // Each rank holds only its block of the trace and of the LDE (DESIGN §4):
  // allocated once, up front, and reused by every phase.
  const uint64_t trace_rows = plan.trace.rows.row_count(me);
  const uint64_t block_rows = plan.extended.rows.row_count(me);
  std::vector<Fp> trace(trace_rows * config.columns);
  std::vector<Fp> lde(block_rows * config.columns);
  const field::MatrixView trace_view(trace.data(), trace_rows, config.columns);
  const field::MatrixView lde_view(lde.data(), block_rows, config.columns);
  const double lde_bytes = static_cast<double>(lde.size() * sizeof(Fp));

  timer.start("trace");
  fill_trace(trace_view, plan.trace.rows.first_row(me), rows);
  log(timer.stop(static_cast<double>(trace.size()), "elements per rank"));

  timer.start("plan");
  const ntt::NttPlan ntt_plan(
      (static_cast<int>(config.log_rows) + std::countr_zero(config.blowup) + 1) / 2);
  log(timer.stop());

  // The distributed LDE leaves each rank whole Merkle subtrees of the
  // bit-reversed LDE; the top of the tree is combined across ranks.
  timer.start("lde");
  dist::distributed_lde(ntt_plan, comm, plan, trace_view, lde_view, field::kCosetShift);
  log(timer.stop(static_cast<double>(lde.size()), "elements per rank"));

  const hash::Sha256Hasher hasher;
  timer.start("commit");
  const auto commitment =
      dist::DistributedCommitment::build(comm, hasher, plan.extended.rows, lde_view);
  const hash::Digest root = commitment.root();
  log(timer.stop(lde_bytes, "bytes hashed per rank"));

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

  // The owning ranks open their queried rows; rank 0 assembles the batch
  // opening (the same bytes one process would produce) and verifies it.
  bool verified = true;
  std::string failure;
  timer.start("open");
  const merkle::BatchOpening opening = commitment.open(comm, queries);
  log(timer.stop());
  if (rank == 0) {
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
        merkle::verify_batch(hasher, root, commitment.height(), config.columns, opening);
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
        std::printf("%s{\"name\":%s,\"seconds\":%s}", i ? "," : "",
                    json_string(record.name).c_str(), json_number(record.seconds).c_str());
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
