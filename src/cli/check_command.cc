#include "src/cli/check_command.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <vector>

#include "jobs/job_file.h"
#include "src/cli/args.h"
#include "src/cli/file_io.h"
#include "src/params/security.h"
#include "zkvm/air/zkvm_prover.h"
#include "zkvm/elf_loader.h"

namespace baobab::cli {

namespace {

constexpr int kExitUsage = 2;

const std::vector<OptionSpec> kCheckOptions = {
    {"help", "show this help", "", true},
};

// The value after `"key":` in prove --json's one-line object: a number or a
// string's contents ("" when absent).
std::string json_field(const std::string& json, const std::string& key) {
  const std::string needle = "\"" + key + "\":";
  const size_t at = json.find(needle);
  if (at == std::string::npos) return "";
  size_t begin = at + needle.size();
  if (begin < json.size() && json[begin] == '"') {
    const size_t end = json.find('"', begin + 1);
    return end == std::string::npos ? "" : json.substr(begin + 1, end - begin - 1);
  }
  size_t end = begin;
  while (end < json.size() && json[end] >= '0' && json[end] <= '9') ++end;
  return json.substr(begin, end - begin);
}

bool from_hex(const std::string& hex, std::vector<uint8_t>& out) {
  if (hex.size() % 2 != 0) return false;
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  out.clear();
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<uint8_t>(hi * 16 + lo));
  }
  return true;
}

struct Outcome {
  std::string output;
  std::string status;  // accepted, rejected, missing
  std::string detail;
  uint64_t cycles = 0;
  double verify_ms = 0;
};

Outcome check_one(const jobs::JobSpec& spec, const jobs::ProofEntry& e) {
  Outcome o;
  o.output = e.output;
  o.status = "missing";
  std::vector<uint8_t> proof_bytes, report_bytes, elf, input, output;
  if (!read_file(e.output, proof_bytes)) {
    o.detail = "no proof file";
    return o;
  }
  if (!read_file(e.output + ".json", report_bytes)) {
    o.detail = "no prove report " + e.output + ".json";
    return o;
  }
  const std::string report(report_bytes.begin(), report_bytes.end());
  const std::string exit_code = json_field(report, "exit_code");
  if (exit_code.empty() || exit_code.size() > 10 ||
      !from_hex(json_field(report, "output_hex"), output)) {
    o.detail = "the prove report lacks the exit code or output";
    return o;
  }
  if (!read_file(e.program, elf) || (!e.input.empty() && !read_file(e.input, input))) {
    o.detail = "cannot read the program or its input";
    return o;
  }
  auto program = zkvm::load_elf(elf);
  if (!program) {
    o.detail = program.error().to_string();
    return o;
  }
  const auto claimed_exit = static_cast<uint32_t>(std::stoull(exit_code));
  o.status = "rejected";
  const auto start = std::chrono::steady_clock::now();
  auto proof = zkvm::parse_zkvm_proof(program.value(), input, output, claimed_exit, proof_bytes);
  if (!proof) {
    o.detail = proof.error().to_string();
    return o;
  }
  params::SecurityLevel level;
  // Each profile at its own guarantee: proven-100 must prove 100 bits.
  level.min_proven_bits = spec.profile == "proven-100" ? 100 : 0;
  const zkvm::ZkvmVerifyOutcome v =
      zkvm::verify_program(program.value(), input, output, claimed_exit, proof.value(), level);
  o.verify_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  o.cycles = proof.value().cycles;
  if (v.accepted) {
    o.status = "accepted";
    o.detail = "exit code " + exit_code + ", " + std::to_string(output.size()) + " output bytes";
  } else {
    o.detail = v.reason;
  }
  return o;
}

}  // namespace

int run_check_command(std::span<const std::string> args) {
  auto parsed = parse_args(args, kCheckOptions);
  if (!parsed || parsed.value().flag("help") || parsed.value().positionals().size() != 1) {
    std::printf(
        "Usage: baobab check job.toml\n"
        "Verifies every proof of the job and writes <name>-summary.json and\n"
        "<name>-summary.txt next to the job file. Exit status: 0 all accepted, 1 any\n"
        "missing or rejected, 2 usage error.\n");
    return parsed && parsed.value().flag("help") ? 0 : kExitUsage;
  }
  const std::string& path = parsed.value().positionals()[0];
  auto job = jobs::load_job_file(path);
  if (!job) {
    std::fprintf(stderr, "baobab check: %s\n", job.error().to_string().c_str());
    return kExitUsage;
  }
  const jobs::JobSpec& spec = job.value().spec;

  std::vector<Outcome> outcomes;
  size_t accepted = 0;
  for (const jobs::ProofEntry& e : spec.proofs) {
    outcomes.push_back(check_one(spec, e));
    accepted += outcomes.back().status == "accepted" ? 1 : 0;
  }
  std::string json = "{\"job\":" + json_string(spec.name) +
                     ",\"profile\":" + json_string(spec.profile) +
                     ",\"accepted\":" + std::to_string(accepted) +
                     ",\"proofs\":" + std::to_string(outcomes.size()) + ",\"results\":[";
  std::string table = "job " + spec.name + ": " + std::to_string(accepted) + " of " +
                      std::to_string(outcomes.size()) + " proofs accepted (" + spec.profile +
                      ")\n\n";
  char line[512];
  std::snprintf(line, sizeof line, "%-9s %12s %10s  %s\n", "status", "cycles", "verify ms",
                "proof: detail");
  table += line;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const Outcome& o = outcomes[i];
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.2f", o.verify_ms);
    json += std::string(i == 0 ? "" : ",") + "{\"output\":" + json_string(o.output) +
            ",\"status\":\"" + o.status + "\",\"cycles\":" + std::to_string(o.cycles) +
            ",\"verify_ms\":" + ms + ",\"detail\":" + json_string(o.detail) + "}";
    std::snprintf(line, sizeof line, "%-9s %12llu %10s  %s: %s\n", o.status.c_str(),
                  static_cast<unsigned long long>(o.cycles), ms, o.output.c_str(),
                  o.detail.c_str());
    table += line;
  }
  json += "]}\n";
  const std::filesystem::path folder = job.value().folder;
  const std::string json_path = (folder / (spec.name + "-summary.json")).string();
  const std::string text_path = (folder / (spec.name + "-summary.txt")).string();
  if (!write_file_atomically(json_path, json) || !write_file_atomically(text_path, table)) {
    std::fprintf(stderr, "baobab check: cannot write the summary next to %s\n", path.c_str());
    return kExitUsage;
  }
  std::printf("%s", table.c_str());
  return accepted == outcomes.size() ? 0 : 1;
}

}  // namespace baobab::cli
