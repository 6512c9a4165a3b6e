#include "src/cli/prove_command.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string_view>
#include <vector>

#include "io/file_access.h"
#include "mpi/environment.h"
#include "mpi/mpi_communicator.h"
#include "mpi/parallel_file_access.h"
#include "src/cli/args.h"
#include "src/cli/file_io.h"
#include "src/cli/phase_usage.h"
#include "src/hash/digest.h"
#include "src/params/profiles.h"
#include "zkvm/air/zkvm_prover.h"
#include "zkvm/elf_loader.h"

namespace baobab::cli {

namespace {

constexpr int kExitExecutionError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitMalformedElf = 3;
constexpr int kExitWrite = 5;
constexpr int kExitTooLarge = 6;
constexpr int kExitProverFailed = 7;
constexpr int kExitCheckpoint = 8;
// Stopped by SIGTERM or SIGUSR1 after a phase, which is saved (sysexits'
// EX_TEMPFAIL: a batch script requeues and reruns the same command).
constexpr int kExitStopped = 75;

const std::vector<OptionSpec> kProveOptions = {
    {"out", "write the proof to this file (required; also -o)", "", false},
    {"input", "public input file (the guest reads it from fd 3)", "", false},
    {"private", "private input file (the guest reads it from fd 0)", "", false},
    {"output", "write the public output to this file instead of stdout", "", false},
    {"profile", "parameter profile: proven-100 or conjectured-100",
     std::string(params::kDefaultProfileName), false},
    {"max-cycles", "fail when the guest has not exited after this many cycles", "268435456", false},
    {"json", "print one JSON object on stdout instead of the raw output", "", true},
    {"no-check", "skip the AIR debug check of the witness before proving", "", true},
    {"checkpoint",
     "checkpoint file (HDF5): resume from it when it holds this proof's finished phases, "
     "write it as phases finish",
     "", false},
    {"restart", "with --checkpoint: ignore what the file holds and start over", "", true},
    {"help", "show this help", "", true},
};

constexpr const char* kProveUsage =
    "Usage: baobab prove prog.elf -o proof.bin [options]\n"
    "Runs an RV32IM ELF program and proves the execution. The proof is written\n"
    "atomically to --out; the public output goes to stdout or --output; one line per\n"
    "prover phase and a summary go to stderr. Exit status: 0 proved, 1 execution\n"
    "error, 2 usage error, 3 malformed ELF, 5 cannot write the proof or output,\n"
    "6 too large to prove, 7 other prover failure, 8 the checkpoint cannot be used or\n"
    "written (another program, inputs or parameters; damaged; unwritable).\n\n";

// With several ranks one rank cannot just return: the others may be waiting
// in a collective. The whole job ends, with the rank and the cause named.
int fail(const dist::Communicator* comm, int status, const std::string& message) {
  if (comm != nullptr && comm->size() > 1) {
    mpi::Environment::fail(Error{ErrorCode::kInvalidArgument, message, "prove"}, status);
  }
  std::fprintf(stderr, "baobab prove: %s\n", message.c_str());
  return status;
}

// `-o FILE` is the one short option; the parser only knows long ones.
std::vector<std::string> expand_short_options(std::span<const std::string> args) {
  std::vector<std::string> out;
  for (const std::string& arg : args) out.push_back(arg == "-o" ? "--out" : arg);
  return out;
}

std::string json_report(const zkvm::Program& program, const zkvm::ZkvmProveResult& result,
                        std::string_view profile, size_t proof_bytes,
                        const std::vector<std::vector<PhaseUsage>>& phases_per_rank,
                        const std::vector<PhaseUsage>& phases, double seconds,
                        std::span<const uint64_t> bytes_sent, std::span<const uint64_t> peak_rss) {
  const double rate = seconds > 0 ? static_cast<double>(result.proof.cycles) / seconds : 0.0;
  std::string json = "{\"program_id\":\"" + hash::to_hex(program.program_id) + "\"";
  json += ",\"profile\":" + json_string(profile);
  json += ",\"cycles\":" + std::to_string(result.proof.cycles);
  json += ",\"ranks\":" + std::to_string(bytes_sent.size());
  json += ",\"bytes_sent_per_rank\":[";
  for (size_t r = 0; r < bytes_sent.size(); ++r) {
    if (r != 0) json += ",";
    json += std::to_string(bytes_sent[r]);
  }
  json += "],\"peak_rss_bytes_per_rank\":[";
  for (size_t r = 0; r < peak_rss.size(); ++r) {
    if (r != 0) json += ",";
    json += std::to_string(peak_rss[r]);
  }
  json += "]";
  json += ",\"resumed_after\":" + json_string(result.resumed_after);
  json += ",\"exit_code\":" + std::to_string(result.exit_code);
  json += ",\"proof_bytes\":" + std::to_string(proof_bytes);
  json += ",\"phases\":[";
  for (size_t i = 0; i < phases.size(); ++i) {
    json += (i ? ",{\"name\":" : "{\"name\":") + json_string(phases[i].name) +
            ",\"seconds\":" + json_number(phases[i].seconds) + "}";
  }
  json += "],\"phases_per_rank\":" + phase_usage_json(phases_per_rank);
  json += ",\"seconds\":" + json_number(seconds);
  json += ",\"cycles_per_second\":" + json_number(rate, 1);
  json += ",\"output_bytes\":" + std::to_string(result.public_output.size());
  json += ",\"output_hex\":\"" + hash::to_hex(result.public_output) + "\"}";
  return json;
}

// One value from every rank, in rank order (one entry for a single
// process). Collective.
std::vector<uint64_t> gather_per_rank(dist::Communicator* comm, uint64_t mine) {
  if (comm == nullptr) return {mine};
  return dist::all_gather_u64(*comm, mine);
}

// This process's peak resident memory so far (the kernel's high-water mark).
uint64_t peak_resident_bytes() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // KiB on Linux
}

}  // namespace

int run_prove_command(std::span<const std::string> raw_args, dist::Communicator* comm) {
  const bool rank0 = comm == nullptr || comm->rank() == 0;
  const std::vector<std::string> args = expand_short_options(raw_args);
  auto parsed_or = parse_args(args, kProveOptions);
  if (!parsed_or) return fail(comm, kExitUsage, parsed_or.error().to_string());
  const ParsedArgs& parsed = parsed_or.value();
  if (parsed.flag("help")) {
    if (rank0) std::printf("%s%s", kProveUsage, format_options(kProveOptions).c_str());
    return 0;
  }
  if (parsed.positionals().size() != 1) {
    return fail(comm, kExitUsage, "expected exactly one ELF file (see baobab prove --help)");
  }
  const std::string& proof_path = parsed.value("out");
  if (proof_path.empty()) return fail(comm, kExitUsage, "missing -o/--out proof file");
  auto max_cycles = parsed.integer("max-cycles", 1, ~uint64_t{0});
  if (!max_cycles) return fail(comm, kExitUsage, max_cycles.error().to_string());
  const std::string& profile = parsed.value("profile");
  auto params = params::profile_by_name(profile);
  if (!params) return fail(comm, kExitUsage, params.error().to_string());
  const bool json = parsed.flag("json");

  std::vector<uint8_t> elf;
  const std::string& elf_path = parsed.positionals()[0];
  if (!read_file(elf_path, elf)) return fail(comm, kExitUsage, "cannot read " + elf_path);
  zkvm::ExecutionInputs inputs;
  if (!parsed.value("input").empty() && !read_file(parsed.value("input"), inputs.public_input)) {
    return fail(comm, kExitUsage, "cannot read --input " + parsed.value("input"));
  }
  if (!parsed.value("private").empty() &&
      !read_file(parsed.value("private"), inputs.private_input)) {
    return fail(comm, kExitUsage, "cannot read --private " + parsed.value("private"));
  }
  auto program = zkvm::load_elf(elf);
  if (!program) {
    return fail(comm, kExitMalformedElf, elf_path + ": " + program.error().to_string());
  }

  PhaseUsageMeter meter(comm);
  zkvm::ZkvmProveOptions options;
  options.max_cycles = max_cycles.value();
  options.check_witness = !parsed.flag("no-check");
  options.communicator = comm;
  // --checkpoint: the job's ranks open the file together (MPI-IO); one
  // process opens it alone.
  std::unique_ptr<io::FileAccess> checkpoint_access;
  if (!parsed.value("checkpoint").empty()) {
    if (auto* mpi_comm = dynamic_cast<mpi::MpiCommunicator*>(comm)) {
      checkpoint_access = std::make_unique<mpi::ParallelFileAccess>(*mpi_comm);
    } else {
      checkpoint_access = std::make_unique<io::SerialFileAccess>();
    }
    options.checkpoint_path = parsed.value("checkpoint");
    options.checkpoint_access = checkpoint_access.get();
    options.restart = parsed.flag("restart");
    options.on_notice = [](const std::string& notice) {
      std::fprintf(stderr, "baobab prove: checkpoint: %s\n", notice.c_str());
    };
  } else if (parsed.flag("restart")) {
    return fail(comm, kExitUsage, "--restart needs --checkpoint");
  }
  options.on_phase = [&meter, rank0](std::string_view phase, double seconds) {
    meter.phase_done(phase, seconds);
    if (!rank0) return;
    std::fprintf(stderr, "baobab prove: %-22.*s %9.3f s\n", static_cast<int>(phase.size()),
                 phase.data(), seconds);
    std::fflush(stderr);
  };
  const auto start = std::chrono::steady_clock::now();
  auto proved = zkvm::prove_program(program.value(), inputs, params.value(), options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!proved) {
    const Error& error = proved.error();
    // The executor runs first and reports its own phase; an error before any
    // phase ended is the guest's (a fault or --max-cycles).
    if (error.code == ErrorCode::kResourceLimit)
      return fail(comm, kExitTooLarge, error.to_string());
    if (error.code == ErrorCode::kStopped) {
      // Every rank agreed to stop: a clean exit everywhere, not an abort.
      if (rank0) std::fprintf(stderr, "baobab prove: %s\n", error.to_string().c_str());
      return kExitStopped;
    }
    if (error.context == "checkpoint") return fail(comm, kExitCheckpoint, error.to_string());
    if (meter.phases().empty()) return fail(comm, kExitExecutionError, error.to_string());
    return fail(comm, kExitProverFailed, error.to_string());
  }
  const zkvm::ZkvmProveResult& result = proved.value();
  if (rank0 && !result.resumed_after.empty()) {
    std::fprintf(stderr, "baobab prove: resumed from %s: phases up to %s were done\n",
                 parsed.value("checkpoint").c_str(), result.resumed_after.c_str());
  }
  const std::vector<uint64_t> bytes_sent =
      gather_per_rank(comm, comm == nullptr ? 0 : comm->bytes_sent());
  const std::vector<uint64_t> peak_rss = gather_per_rank(comm, peak_resident_bytes());
  const std::vector<std::vector<PhaseUsage>> phases_per_rank =
      gather_phase_usage(comm, meter.phases());
  if (!rank0) return 0;  // the proof is complete on rank 0, which writes it
  write_stream(stderr, result.debug_output);

  const std::vector<uint8_t> proof_bytes = zkvm::serialize_zkvm_proof(result.proof);
  if (!write_file_atomically(proof_path, proof_bytes)) {
    return fail(comm, kExitWrite, "cannot write the proof to " + proof_path);
  }
  const std::string& output_path = parsed.value("output");
  if (!output_path.empty()) {
    if (!write_file_atomically(output_path, result.public_output)) {
      return fail(comm, kExitWrite, "cannot write --output " + output_path);
    }
  } else if (!json) {
    write_stream(stdout, result.public_output);
    std::fflush(stdout);
  }

  if (json) {
    std::printf("%s\n", json_report(program.value(), result, profile, proof_bytes.size(),
                                    phases_per_rank, meter.phases(), seconds, bytes_sent, peak_rss)
                            .c_str());
  } else {
    const double rate = seconds > 0 ? static_cast<double>(result.proof.cycles) / seconds : 0.0;
    std::fprintf(stderr,
                 "baobab prove: exit code %u, %llu cycles, proof %zu bytes (%s) in %s, %.3f s, "
                 "%.0f cycles/s\n",
                 result.exit_code, static_cast<unsigned long long>(result.proof.cycles),
                 proof_bytes.size(), profile.c_str(), proof_path.c_str(), seconds, rate);
  }
  return 0;
}

}  // namespace baobab::cli
