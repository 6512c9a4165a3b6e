// End-to-end zkVM proving throughput (issue 5 item 5): one proof per
// process, so that the peak resident memory belongs to that proof alone.
//   build/bench/zkvm_prove_bench ELF [--input-text TEXT] [--profile NAME] [--no-check]
// Prints one JSON line: cycles, per-phase seconds, total seconds (execution
// and trace generation included), cycles per second, peak RSS, proof bytes,
// verify milliseconds. bench/zkvm_prove_bench.sh runs the size/thread/profile
// grid of BENCHMARKS.md. Not a test: nothing here decides pass/fail.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "src/params/profiles.h"
#include "zkvm/air/zkvm_prover.h"
#include "zkvm/elf_loader.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace baobab;
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: zkvm_prove_bench ELF [--input-text T] [--profile P] [--no-check]\n");
    return 2;
  }
  std::string input_text, profile = "proven-100";
  bool check = true;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--input-text") && i + 1 < argc)
      input_text = argv[++i];
    else if (!std::strcmp(argv[i], "--profile") && i + 1 < argc)
      profile = argv[++i];
    else if (!std::strcmp(argv[i], "--no-check"))
      check = false;
  }
  std::ifstream file(argv[1], std::ios::binary);
  const std::vector<uint8_t> elf((std::istreambuf_iterator<char>(file)),
                                 std::istreambuf_iterator<char>());
  auto program = zkvm::load_elf(elf);
  if (!program) {
    std::fprintf(stderr, "%s\n", program.error().to_string().c_str());
    return 3;
  }
  auto params = params::profile_by_name(profile);
  if (!params) return 2;
  zkvm::ExecutionInputs inputs;
  inputs.public_input.assign(input_text.begin(), input_text.end());
  std::string phases;
  zkvm::ZkvmProveOptions options;
  options.check_witness = check;
  options.on_phase = [&phases](std::string_view phase, double s) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s\"%.*s\":%.4f", phases.empty() ? "" : ",",
                  static_cast<int>(phase.size()), phase.data(), s);
    phases += buf;
  };
  const auto t0 = std::chrono::steady_clock::now();
  auto result = zkvm::prove_program(program.value(), inputs, params.value(), options);
  const double total = seconds_since(t0);
  if (!result) {
    std::fprintf(stderr, "%s\n", result.error().to_string().c_str());
    return 1;
  }
  const std::vector<uint8_t> bytes = zkvm::serialize_zkvm_proof(result.value().proof);
  params::SecurityLevel level;
  level.min_proven_bits = 0;
  const auto t1 = std::chrono::steady_clock::now();
  const auto outcome =
      zkvm::verify_program(program.value(), inputs.public_input, result.value().public_output,
                           result.value().exit_code, result.value().proof, level);
  const double verify = seconds_since(t1);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double rss = static_cast<double>(usage.ru_maxrss) * 1024.0;
  const double cycles = static_cast<double>(result.value().proof.cycles);
  std::printf(
      "{\"elf\":\"%s\",\"profile\":\"%s\",\"cycles\":%.0f,\"cpu_log_rows\":%d,\"total_s\":%.3f,"
      "\"cycles_per_s\":%.0f,\"peak_rss_bytes\":%.0f,\"rss_bytes_per_cycle\":%.0f,"
      "\"proof_bytes\":%zu,\"verify_ms\":%.2f,\"accepted\":%s,\"phases\":{%s}}\n",
      argv[1], profile.c_str(), cycles, result.value().proof.log_rows[0], total, cycles / total,
      rss, rss / cycles, bytes.size(), verify * 1e3, outcome.accepted ? "true" : "false",
      phases.c_str());
  return outcome.accepted ? 0 : 1;
}
