#include "src/cli/run_command.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <vector>

#include "src/cli/args.h"
#include "src/cli/file_io.h"
#include "src/hash/digest.h"
#include "zkvm/elf_loader.h"
#include "zkvm/executor.h"

namespace baobab::cli {

namespace {

constexpr int kExitExecutionError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitMalformedElf = 3;

const std::vector<OptionSpec> kRunOptions = {
    {"input", "public input file (the guest reads it from fd 3)", "", false},
    {"private", "private input file (the guest reads it from fd 0)", "", false},
    {"output", "write the public output to this file instead of stdout", "", false},
    {"max-cycles", "fail when the guest has not exited after this many cycles", "4294967296",
     false},
    {"json", "print one JSON object on stdout instead of the raw output", "", true},
    {"help", "show this help", "", true},
};

constexpr const char* kRunUsage =
    "Usage: baobab run prog.elf [options]\n"
    "Runs an RV32IM ELF program in the fast executor (no proof). The public output\n"
    "(fd 1) goes to stdout or --output, the debug log (fd 2) to stderr, then a\n"
    "summary line to stderr. Exit status: 0 the guest exited (its exit code is in the\n"
    "summary), 1 execution error, 2 usage error, 3 malformed ELF.\n\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "baobab run: %s\n", message.c_str());
  return kExitUsage;
}

}  // namespace

int run_run_command(std::span<const std::string> args) {
  auto parsed_or = parse_args(args, kRunOptions);
  if (!parsed_or) return usage_error(parsed_or.error().to_string());
  const ParsedArgs& parsed = parsed_or.value();
  if (parsed.flag("help")) {
    std::printf("%s%s", kRunUsage, format_options(kRunOptions).c_str());
    return 0;
  }
  if (parsed.positionals().size() != 1) {
    return usage_error("expected exactly one ELF file (see baobab run --help)");
  }
  auto max_cycles = parsed.integer("max-cycles", 1, ~uint64_t{0});
  if (!max_cycles) return usage_error(max_cycles.error().to_string());
  const bool json = parsed.flag("json");

  std::vector<uint8_t> elf;
  const std::string& elf_path = parsed.positionals()[0];
  if (!read_file(elf_path, elf)) return usage_error("cannot read " + elf_path);
  zkvm::ExecutionInputs inputs;
  if (!parsed.value("input").empty() && !read_file(parsed.value("input"), inputs.public_input)) {
    return usage_error("cannot read --input " + parsed.value("input"));
  }
  if (!parsed.value("private").empty() &&
      !read_file(parsed.value("private"), inputs.private_input)) {
    return usage_error("cannot read --private " + parsed.value("private"));
  }

  auto program = zkvm::load_elf(elf);
  if (!program) {
    std::fprintf(stderr, "baobab run: %s: %s\n", elf_path.c_str(),
                 program.error().to_string().c_str());
    return kExitMalformedElf;
  }

  zkvm::ExecuteOptions options;
  options.max_cycles = max_cycles.value();
  options.debug_sink = [](std::span<const uint8_t> bytes) { write_stream(stderr, bytes); };
  const auto start = std::chrono::steady_clock::now();
  auto result = zkvm::execute(program.value(), inputs, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fflush(stderr);
  if (!result) {
    std::fprintf(stderr, "baobab run: %s\n", result.error().to_string().c_str());
    return kExitExecutionError;
  }
  const zkvm::ExecutionResult& run = result.value();

  if (!parsed.value("output").empty()) {
    std::ofstream out(parsed.value("output"), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(run.public_output.data()),
              static_cast<std::streamsize>(run.public_output.size()));
    if (!out) return usage_error("cannot write --output " + parsed.value("output"));
  } else if (!json) {
    write_stream(stdout, run.public_output);
    std::fflush(stdout);
  }
  const double mhz = seconds > 0 ? static_cast<double>(run.cycles) / seconds / 1e6 : 0.0;
  if (json) {
    std::printf(
        "{\"exit_code\":%u,\"cycles\":%llu,\"seconds\":%s,\"public_output_hex\":\"%s\","
        "\"program_id\":\"%s\"}\n",
        run.exit_code, static_cast<unsigned long long>(run.cycles), json_number(seconds).c_str(),
        hash::to_hex(run.public_output).c_str(), hash::to_hex(program.value().program_id).c_str());
  } else {
    std::fprintf(stderr, "baobab run: exit code %u, %llu cycles, %.3f s, %.1f MHz\n", run.exit_code,
                 static_cast<unsigned long long>(run.cycles), seconds, mhz);
  }
  return 0;
}

}  // namespace baobab::cli
