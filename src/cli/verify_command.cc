#include "src/cli/verify_command.h"

#include <cstdio>
#include <string_view>
#include <vector>

#include "src/cli/args.h"
#include "src/cli/file_io.h"
#include "src/hash/digest.h"
#include "src/hash/sha256.h"
#include "src/params/profiles.h"
#include "zkvm/air/zkvm_prover.h"
#include "zkvm/elf_loader.h"

namespace baobab::cli {

namespace {

constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;
constexpr int kExitMalformed = 3;

const std::vector<OptionSpec> kVerifyOptions = {
    {"program", "the guest ELF the proof is about (required)", "", false},
    {"input", "public input file the guest read (default: empty)", "", false},
    {"output", "the claimed public output file (default: empty)", "", false},
    {"exit-code", "the claimed exit code", "0", false},
    {"min-proven-bits", "refuse proofs below this proven security (0: conjectured is enough)",
     "100", false},
    {"json", "print one JSON object on stdout", "", true},
    {"help", "show this help", "", true},
};

constexpr const char* kVerifyUsage =
    "Usage: baobab verify proof.bin --program prog.elf [options]\n"
    "Verifies a `baobab prove` proof that prog.elf, run on the public input, exits\n"
    "with --exit-code and writes exactly the --output bytes. Prints the accepted\n"
    "statement on stdout. Proofs made with --profile conjectured-100 need\n"
    "--min-proven-bits 0. Exit status: 0 accepted, 1 rejected, 2 usage error,\n"
    "3 malformed ELF or proof.\n\n";

int fail(int status, const std::string& message) {
  std::fprintf(stderr, "baobab verify: %s\n", message.c_str());
  return status;
}

// The profile whose parameters the proof carries, or "custom".
std::string_view profile_name(const params::ProofParams& proof_params) {
  for (const params::Profile& profile : params::profiles()) {
    if (profile.params == proof_params) return profile.name;
  }
  return "custom";
}

struct Statement {
  std::string program_id;
  std::vector<uint8_t> input, output;
  uint32_t exit_code = 0;
};

void print_text(const Statement& s, const zkvm::ZkvmVerifyOutcome& outcome,
                std::string_view profile) {
  std::printf("accepted\n");
  std::printf("program_id     %s\n", s.program_id.c_str());
  std::printf("public input   %zu bytes, sha256 %s\n", s.input.size(),
              hash::to_hex(hash::sha256(s.input)).c_str());
  std::printf("public output  %zu bytes, sha256 %s\n", s.output.size(),
              hash::to_hex(hash::sha256(s.output)).c_str());
  std::printf("exit code      %u\n", s.exit_code);
  std::printf("cycles         %llu\n", static_cast<unsigned long long>(outcome.cycles));
  std::printf("security       %.1f conjectured bits, %.1f proven bits (profile %.*s)\n",
              outcome.security.conjectured_bits, outcome.security.proven_bits,
              static_cast<int>(profile.size()), profile.data());
}

void print_json(const Statement& s, const zkvm::ZkvmVerifyOutcome& outcome,
                std::string_view profile) {
  std::printf(
      "{\"accepted\":%s,\"reason\":%s,\"program_id\":\"%s\",\"input_bytes\":%zu,"
      "\"input_sha256\":\"%s\",\"output_bytes\":%zu,\"output_sha256\":\"%s\",\"exit_code\":%u,"
      "\"cycles\":%llu,\"conjectured_bits\":%.2f,\"proven_bits\":%.2f,\"profile\":%s}\n",
      outcome.accepted ? "true" : "false", json_string(outcome.reason).c_str(),
      s.program_id.c_str(), s.input.size(), hash::to_hex(hash::sha256(s.input)).c_str(),
      s.output.size(), hash::to_hex(hash::sha256(s.output)).c_str(), s.exit_code,
      static_cast<unsigned long long>(outcome.cycles), outcome.security.conjectured_bits,
      outcome.security.proven_bits, json_string(profile).c_str());
}

}  // namespace

int run_verify_command(std::span<const std::string> args) {
  auto parsed_or = parse_args(args, kVerifyOptions);
  if (!parsed_or) return fail(kExitUsage, parsed_or.error().to_string());
  const ParsedArgs& parsed = parsed_or.value();
  if (parsed.flag("help")) {
    std::printf("%s%s", kVerifyUsage, format_options(kVerifyOptions).c_str());
    return 0;
  }
  if (parsed.positionals().size() != 1) {
    return fail(kExitUsage, "expected exactly one proof file (see baobab verify --help)");
  }
  const std::string& elf_path = parsed.value("program");
  if (elf_path.empty()) return fail(kExitUsage, "missing --program prog.elf");
  auto exit_code = parsed.integer("exit-code", 0, 0xffffffffu);
  if (!exit_code) return fail(kExitUsage, exit_code.error().to_string());
  auto min_proven_bits = parsed.integer("min-proven-bits", 0, 256);
  if (!min_proven_bits) return fail(kExitUsage, min_proven_bits.error().to_string());
  const bool json = parsed.flag("json");

  Statement statement;
  statement.exit_code = static_cast<uint32_t>(exit_code.value());
  std::vector<uint8_t> proof_bytes, elf;
  const std::string& proof_path = parsed.positionals()[0];
  if (!read_file(proof_path, proof_bytes)) return fail(kExitUsage, "cannot read " + proof_path);
  if (!read_file(elf_path, elf)) return fail(kExitUsage, "cannot read --program " + elf_path);
  if (!parsed.value("input").empty() && !read_file(parsed.value("input"), statement.input)) {
    return fail(kExitUsage, "cannot read --input " + parsed.value("input"));
  }
  if (!parsed.value("output").empty() && !read_file(parsed.value("output"), statement.output)) {
    return fail(kExitUsage, "cannot read --output " + parsed.value("output"));
  }
  auto program = zkvm::load_elf(elf);
  if (!program) return fail(kExitMalformed, elf_path + ": " + program.error().to_string());
  statement.program_id = hash::to_hex(program.value().program_id);

  auto proof = zkvm::parse_zkvm_proof(program.value(), statement.input, statement.output,
                                      statement.exit_code, proof_bytes);
  if (!proof) {
    // Not a zkVM proof at all (magic, version, header) is a malformed file;
    // a proof whose tables or sections do not fit the claimed statement
    // (another output length, another program) does not prove it: rejected.
    const Error& error = proof.error();
    if (error.message.rfind("zkVM proof container:", 0) == 0) {
      return fail(kExitMalformed, proof_path + ": " + error.to_string());
    }
    std::fprintf(stderr,
                 "baobab verify: rejected: the proof does not fit the claimed statement: %s\n",
                 error.to_string().c_str());
    return kExitRejected;
  }
  const std::string_view profile = profile_name(proof.value().stark.params);

  params::SecurityLevel level;
  level.min_proven_bits = static_cast<double>(min_proven_bits.value());
  const zkvm::ZkvmVerifyOutcome outcome =
      zkvm::verify_program(program.value(), statement.input, statement.output, statement.exit_code,
                           proof.value(), level);
  if (json) print_json(statement, outcome, profile);
  if (outcome.accepted) {
    if (!json) print_text(statement, outcome, profile);
    return 0;
  }
  std::fprintf(stderr, "baobab verify: rejected: %s\n", outcome.reason.c_str());
  // Conjectured-security proofs fail the default proven-bits level by design;
  // say how to accept them rather than leave the user guessing.
  if (outcome.security.valid && outcome.security.proven_bits < level.min_proven_bits) {
    std::fprintf(stderr,
                 "baobab verify: the proof's parameters (profile %.*s) give %.1f proven and "
                 "%.1f conjectured bits; pass --min-proven-bits 0 to accept it on its "
                 "conjectured security\n",
                 static_cast<int>(profile.size()), profile.data(), outcome.security.proven_bits,
                 outcome.security.conjectured_bits);
  }
  return kExitRejected;
}

}  // namespace baobab::cli
