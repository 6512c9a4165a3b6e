#include "src/cli/submit_command.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <vector>

#include "io/file_access.h"
#include "jobs/batch_script.h"
#include "jobs/job_file.h"
#include "jobs/planner.h"
#include "src/cli/args.h"
#include "src/cli/file_io.h"
#include "src/params/profiles.h"
#include "zkvm/air/phase_checkpoint.h"
#include "zkvm/air/witness_checkpoint.h"
#include "zkvm/elf_loader.h"
#include "zkvm/executor.h"

namespace baobab::cli {

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitTooLarge = 6;  // the planner refuses the job
constexpr int kExitSlurm = 9;     // sbatch, scontrol or scancel failed
constexpr uint64_t kProveDefaultMaxCycles = uint64_t{1} << 28;

const std::vector<OptionSpec> kSubmitOptions = {
    {"dry-run", "print the sbatch script; write and submit nothing", "", true},
    {"help", "show this help", "", true},
};
const std::vector<OptionSpec> kJobOptions = {
    {"help", "show this help", "", true},
};

struct LoadedJob {
  jobs::JobSpec spec;
  std::filesystem::path path, folder;  // the job file and its folder, absolute
  std::filesystem::path script, job_id_file;
};

int usage_error(const char* command, const std::string& message) {
  std::fprintf(stderr, "baobab %s: %s\n", command, message.c_str());
  return kExitUsage;
}

// The job file at `path` (jobs::load_job_file) and the files submit keeps
// beside it; nullopt after printing the error.
std::optional<LoadedJob> load_job(const char* command, const std::string& path) {
  auto file = jobs::load_job_file(path);
  if (!file) {
    usage_error(command, file.error().to_string());
    return std::nullopt;
  }
  LoadedJob job;
  job.spec = std::move(file.value().spec);
  job.path = file.value().path;
  job.folder = file.value().folder;
  job.script = job.folder / (job.spec.name + ".sbatch");
  job.job_id_file = job.folder / (job.spec.name + ".jobid");
  return job;
}

// Runs `argv` and returns its exit status with its standard output.
int run_tool(const std::vector<std::string>& argv, std::string& out) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  std::array<char, 4096> buffer;
  ssize_t n = 0;
  while ((n = read(pipe_fds[0], buffer.data(), buffer.size())) > 0) {
    out.append(buffer.data(), static_cast<size_t>(n));
  }
  close(pipe_fds[0]);
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The planner's verdict on one proof (a fast execution for its cycle
// count), printed on stderr; false after printing why it cannot run.
bool plan_entry(const jobs::JobSpec& spec, const jobs::ProofEntry& entry, uint64_t blowup) {
  std::vector<uint8_t> elf;
  zkvm::ExecutionInputs inputs;
  if (!read_file(entry.program, elf) ||
      (!entry.input.empty() && !read_file(entry.input, inputs.public_input)) ||
      (!entry.private_input.empty() && !read_file(entry.private_input, inputs.private_input))) {
    std::fprintf(stderr, "baobab submit: cannot read the files of %s\n", entry.output.c_str());
    return false;
  }
  auto program = zkvm::load_elf(elf);
  if (!program) {
    std::fprintf(stderr, "baobab submit: %s: %s\n", entry.program.c_str(),
                 program.error().to_string().c_str());
    return false;
  }
  zkvm::ExecuteOptions options;
  options.max_cycles = spec.max_cycles != 0 ? spec.max_cycles : kProveDefaultMaxCycles;
  auto run = zkvm::execute(program.value(), inputs, options);
  if (!run) {
    std::fprintf(stderr, "baobab submit: %s does not run to its end: %s\n", entry.program.c_str(),
                 run.error().to_string().c_str());
    return false;
  }
  const jobs::Plan plan = jobs::plan_proof({run.value().cycles, blowup, spec.ranks(),
                                            spec.tasks_per_node, spec.memory_per_node_gib << 30});
  std::fprintf(stderr,
               "baobab submit: planner: %s: %llu cycles, 2^%d rows, about %s per rank, %s per "
               "node\n",
               entry.output.c_str(), static_cast<unsigned long long>(run.value().cycles),
               plan.log_rows, jobs::gib(plan.bytes_per_rank).c_str(),
               jobs::gib(plan.bytes_per_node).c_str());
  if (!plan.fits) {
    std::fprintf(stderr, "baobab submit: %s will not fit: %s\n", entry.output.c_str(),
                 plan.advice.c_str());
  }
  return plan.fits;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// `sbatch --parsable <args>`: the job id, or nullopt when it failed.
std::optional<std::string> sbatch(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"sbatch", "--parsable"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::string out;
  const int status = run_tool(argv, out);
  const std::string id = trimmed(out.substr(0, out.find(';')));  // "id;cluster" on federations
  if (status != 0 || id.empty()) return std::nullopt;
  return id;
}

std::optional<std::string> saved_job_id(const LoadedJob& job) {
  std::vector<uint8_t> bytes;
  if (!read_file(job.job_id_file.string(), bytes)) return std::nullopt;
  const std::string text(bytes.begin(), bytes.end());
  return trimmed(text.substr(0, text.find('\n')));  // the proving job (then the check job's)
}

// The path of this baobab executable (the batch script runs the same one).
std::string own_executable() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("baobab") : self.string();
}

}  // namespace

int run_submit_command(std::span<const std::string> args) {
  auto parsed = parse_args(args, kSubmitOptions);
  if (!parsed) return usage_error("submit", parsed.error().to_string());
  if (parsed.value().flag("help")) {
    std::printf(
        "Usage: baobab submit job.toml [--dry-run]\n"
        "Writes the sbatch script for the job (docs/slurm.md) next to the job file as\n"
        "<name>.sbatch and submits it with sbatch; the job id goes to <name>.jobid.\n\n%s",
        format_options(kSubmitOptions).c_str());
    return 0;
  }
  if (parsed.value().positionals().size() != 1) {
    return usage_error("submit", "expected one job file (see --help)");
  }
  auto job = load_job("submit", parsed.value().positionals()[0]);
  if (!job) return kExitUsage;
  const jobs::JobSpec& spec = job->spec;
  if (!params::profile_by_name(spec.profile)) {
    return usage_error("submit", "unknown profile '" + spec.profile + "'");
  }
  for (const jobs::ProofEntry& e : spec.proofs) {
    for (const std::string* file : {&e.program, &e.input, &e.private_input}) {
      if (!file->empty() && !std::filesystem::is_regular_file(*file)) {
        return usage_error("submit", "no such file: " + *file);
      }
    }
    for (const std::string* out : {&e.output, &e.checkpoint}) {
      const auto folder = std::filesystem::path(*out).parent_path();
      if (!std::filesystem::is_directory(folder)) {
        return usage_error("submit", "no folder for " + *out);
      }
    }
  }
  // The planner: a fast execution of each proof, refused up front when it
  // would not fit (a job that dies of memory hours later helps nobody).
  const uint64_t blowup = params::profile_by_name(spec.profile).value().blowup();
  bool all_fit = true;
  for (const jobs::ProofEntry& e : spec.proofs) all_fit = plan_entry(spec, e, blowup) && all_fit;
  if (!all_fit) return kExitTooLarge;
  const std::string log =
      (job->folder / (spec.name + (spec.proofs.size() > 1 ? "-%A_%a.log" : "-%j.log"))).string();
  const std::string script = jobs::batch_script(spec, {own_executable(), log});
  if (parsed.value().flag("dry-run")) {
    std::printf("%s", script.c_str());
    return 0;
  }
  if (!write_file_atomically(job->script.string(), script)) {
    return usage_error("submit", "cannot write " + job->script.string());
  }
  const std::optional<std::string> id = sbatch({job->script.string()});
  if (!id) {
    std::fprintf(stderr, "baobab submit: sbatch %s failed\n", job->script.c_str());
    return kExitSlurm;
  }
  std::string ids = *id + "\n";  // <name>.jobid: the proving job, then the check job
  if (!write_file_atomically(job->job_id_file.string(), ids)) {
    return usage_error("submit", "cannot write " + job->job_id_file.string());
  }
  if (spec.verify) {
    // The check job: verifies every proof once the proving job has ended
    // (afterany: a failed proof is reported, not left waiting).
    const std::string check_path = (job->folder / (spec.name + "-check.sbatch")).string();
    const std::string check_log = (job->folder / (spec.name + "-check-%j.log")).string();
    const std::string check =
        jobs::check_script(spec, {own_executable(), check_log}, job->path.string());
    const std::optional<std::string> check_id =
        write_file_atomically(check_path, check)
            ? sbatch({"--dependency=afterany:" + *id, "--kill-on-invalid-dep=yes", check_path})
            : std::nullopt;
    if (!check_id) {
      std::fprintf(stderr, "baobab submit: the check job for %s was not submitted\n", id->c_str());
      return kExitSlurm;
    }
    ids += *check_id + "\n";
    std::printf("submitted check job %s: after job %s, writes %s-summary.json and .txt\n",
                check_id->c_str(), id->c_str(), (job->folder / spec.name).c_str());
    if (!write_file_atomically(job->job_id_file.string(), ids)) {
      return usage_error("submit", "cannot write " + job->job_id_file.string());
    }
  }
  std::printf("submitted job %s (%zu proof%s on %llu rank%s): script %s, log %s\n", id->c_str(),
              spec.proofs.size(), spec.proofs.size() == 1 ? "" : "s",
              static_cast<unsigned long long>(spec.ranks()), spec.ranks() == 1 ? "" : "s",
              job->script.c_str(), log.c_str());
  return 0;
}

int run_status_command(std::span<const std::string> args) {
  auto parsed = parse_args(args, kJobOptions);
  if (!parsed) return usage_error("status", parsed.error().to_string());
  if (parsed.value().flag("help") || parsed.value().positionals().size() != 1) {
    std::printf(
        "Usage: baobab status job.toml\n"
        "The Slurm state of the job submitted from job.toml, the phase each proof's\n"
        "checkpoint reached and whether its proof is written.\n");
    return parsed.value().flag("help") ? 0 : kExitUsage;
  }
  auto job = load_job("status", parsed.value().positionals()[0]);
  if (!job) return kExitUsage;
  const auto id = saved_job_id(*job);
  std::string state = "not submitted";
  if (id) {
    std::string out;
    if (run_tool({"squeue", "--noheader", "--jobs=" + *id, "--format=%i %T"}, out) == 0 &&
        !out.empty()) {
      state = trimmed(out);
    } else if (out.clear(), run_tool({"scontrol", "show", "job", *id}, out) == 0) {
      const size_t at = out.find("JobState=");
      state = at == std::string::npos ? "unknown" : out.substr(at + 9, out.find(' ', at) - at - 9);
    } else {
      state = "finished (no longer known to Slurm)";
    }
  }
  std::printf("job           %s (%s)\nslurm         %s\n", job->spec.name.c_str(),
              id ? id->c_str() : "-", state.c_str());
  const io::SerialFileAccess access;
  for (const jobs::ProofEntry& e : job->spec.proofs) {
    std::string reached = "nothing yet";
    auto summary = zkvm::summarize_checkpoint(e.checkpoint, access);
    if (summary && summary.value().witness_done) {
      reached = "witness";
      for (const auto& r :
           zkvm::summarize_phase_records(e.checkpoint, access, summary.value().identity)) {
        if (!r.present) break;
        reached = r.phase;
      }
    }
    const bool proved = std::filesystem::is_regular_file(e.output);
    std::printf("proof         %s: %s (checkpoint %s, phases up to %s)\n", e.output.c_str(),
                proved ? "written" : "not yet", e.checkpoint.c_str(), reached.c_str());
  }
  std::vector<uint8_t> summary;
  if (read_file((job->folder / (job->spec.name + "-summary.txt")).string(), summary)) {
    const std::string text(summary.begin(), summary.end());
    std::printf("check         %s\n", text.substr(0, text.find('\n')).c_str());
  }
  return 0;
}

int run_cancel_command(std::span<const std::string> args) {
  auto parsed = parse_args(args, kJobOptions);
  if (!parsed) return usage_error("cancel", parsed.error().to_string());
  if (parsed.value().flag("help") || parsed.value().positionals().size() != 1) {
    std::printf("Usage: baobab cancel job.toml\nCancels the job submitted from job.toml.\n");
    return parsed.value().flag("help") ? 0 : kExitUsage;
  }
  auto job = load_job("cancel", parsed.value().positionals()[0]);
  if (!job) return kExitUsage;
  const auto id = saved_job_id(*job);
  if (!id) return usage_error("cancel", "no job submitted from this file (no .jobid)");
  std::string out;
  if (run_tool({"scancel", *id}, out) != 0) {
    std::fprintf(stderr, "baobab cancel: scancel %s failed\n", id->c_str());
    return kExitSlurm;
  }
  std::printf("cancelled job %s (its checkpoints stay: submit again to resume)\n", id->c_str());
  return 0;
}

}  // namespace baobab::cli
