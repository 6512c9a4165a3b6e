#include "src/cli/inspect_command.h"

#include <cstdio>
#include <filesystem>
#include <string_view>
#include <vector>

#include "io/file_access.h"
#include "src/cli/args.h"
#include "src/params/profiles.h"
#include "zkvm/air/phase_checkpoint.h"
#include "zkvm/air/witness_checkpoint.h"

namespace baobab::cli {

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitCheckpoint = 8;

constexpr const char* kInspectUsage =
    "Usage: baobab inspect run.h5\n"
    "Shows what a checkpoint written by `baobab prove --checkpoint` holds: the\n"
    "program, parameters and inputs it is for, the phases done, the tables, the\n"
    "rank count that wrote them and what a resume would do. Exit status: 0 read,\n"
    "2 usage error, 8 no checkpoint there, not a Baobab checkpoint or unreadable.\n\n";

const std::vector<OptionSpec> kInspectOptions = {
    {"help", "show this help", "", true},
};

// The profile whose parameter encoding is `hex`, or "custom".
std::string profile_of(const std::string& hex) {
  for (std::string_view name : {"proven-100", "conjectured-100"}) {
    auto params = params::profile_by_name(name);
    if (!params) continue;
    if (zkvm::parameters_hex(params.value()) == hex) return std::string(name);
  }
  return "custom";
}

}  // namespace

int run_inspect_command(std::span<const std::string> args) {
  auto parsed_or = parse_args(args, kInspectOptions);
  if (!parsed_or) {
    std::fprintf(stderr, "baobab inspect: %s\n", parsed_or.error().to_string().c_str());
    return kExitUsage;
  }
  if (parsed_or.value().flag("help")) {
    std::printf("%s%s", kInspectUsage, format_options(kInspectOptions).c_str());
    return 0;
  }
  if (parsed_or.value().positionals().size() != 1) {
    std::fprintf(stderr, "baobab inspect: expected one checkpoint file (see --help)\n");
    return kExitUsage;
  }
  const std::string& path = parsed_or.value().positionals()[0];
  const io::SerialFileAccess access;
  auto summary_or = zkvm::summarize_checkpoint(path, access);
  if (!summary_or) {
    std::fprintf(stderr, "baobab inspect: %s\n", summary_or.error().to_string().c_str());
    return kExitCheckpoint;
  }
  const zkvm::CheckpointSummary& s = summary_or.value();
  std::error_code ec;
  const auto size = std::filesystem::file_size(s.generation, ec);
  std::printf("checkpoint    %s (%llu bytes)%s\n", s.generation.c_str(),
              static_cast<unsigned long long>(ec ? 0 : size),
              s.generation == path ? "" : "  [the previous generation: a commit was cut short]");
  std::printf("program_id    %s\n", s.identity.program_id.c_str());
  std::printf("parameters    %s (%s)\n", s.identity.parameters.c_str(),
              profile_of(s.identity.parameters).c_str());
  std::printf("public input  sha256 %s\n", s.identity.public_input_sha256.c_str());
  std::printf("private input sha256 %s\n", s.identity.private_input_sha256.c_str());
  if (!s.witness_done) {
    std::printf("phases done   none\nresume would  start over\n");
    return 0;
  }
  std::printf(
      "phases done   execute, trace, witness: %llu cycles, exit code %llu, %llu output "
      "bytes, written by %llu rank%s\n",
      static_cast<unsigned long long>(s.cycles), static_cast<unsigned long long>(s.exit_code),
      static_cast<unsigned long long>(s.public_output_bytes),
      static_cast<unsigned long long>(s.ranks), s.ranks == 1 ? "" : "s");
  std::printf("tables\n");
  for (const auto& t : s.tables) {
    std::printf("  %-10s %12llu rows x %4llu columns  %10.1f MiB\n", t.name.c_str(),
                static_cast<unsigned long long>(t.rows), static_cast<unsigned long long>(t.cols),
                static_cast<double>(t.rows * t.cols * 8) / (1024.0 * 1024.0));
  }
  // The prover's phase records: a resume reads each one back (commit.main,
  // commit.aux and fri are recomputed and checked against theirs) and
  // redoes the rest; after open, the recorded proof is all it reads.
  const std::vector<zkvm::PhaseRecordSummary> records =
      zkvm::summarize_phase_records(path, access, s.identity);
  std::printf("records       %s\n", zkvm::phase_directory(path).c_str());
  std::string resumes_after = "witness";
  std::string redone;
  bool gap = false;
  for (const zkvm::PhaseRecordSummary& r : records) {
    if (r.present) {
      std::printf("  %-12s done in %8s s, written by %llu rank%s  %10.1f MiB\n", r.phase.c_str(),
                  r.seconds.c_str(), static_cast<unsigned long long>(r.ranks),
                  r.ranks == 1 ? "" : "s", static_cast<double>(r.bytes) / (1024.0 * 1024.0));
      if (!gap) resumes_after = r.phase;
    } else {
      std::printf("  %-12s %s\n", r.phase.c_str(),
                  r.problem.empty() ? "not recorded" : ("unusable: " + r.problem).c_str());
      gap = true;
    }
    if (!r.present || gap) redone.append(redone.empty() ? "" : ", ").append(r.phase);
  }
  if (redone.empty()) {
    std::printf("resume would  read the proof recorded after open, verify it and write it:\n");
    std::printf("              nothing is recomputed and the traces are not read\n");
    return 0;
  }
  std::printf("resume would  read the traces (any rank count) and the records up to %s,\n",
              resumes_after.c_str());
  std::printf("              recompute the committed LDEs and check them against the records,\n");
  std::printf("              then do %s\n", redone.c_str());
  return 0;
}

}  // namespace baobab::cli
