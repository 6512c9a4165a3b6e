// The `baobab` command: one binary, subcommands (DESIGN §7b). MPI is
// initialised only for the subcommands that use ranks (the same binary then
// runs alone or under mpirun/srun); single-process tools (`run`, `verify`,
// and `prove` when no MPI launcher started it) skip it, which saves the MPI
// runtime's start-up (~0.5 s) on every call.
// Exit status: 0 success, 1 a check failed, >= 2 an ErrorCode.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "mpi/environment.h"
#include "mpi/mpi_communicator.h"
#include "src/cli/check_command.h"
#include "src/cli/demo_command.h"
#include "src/cli/inspect_command.h"
#include "src/cli/prove_command.h"
#include "src/cli/run_command.h"
#include "src/cli/submit_command.h"
#include "src/cli/verify_command.h"

namespace {

constexpr const char* kUsage =
    "Usage: baobab <command> [options]\n"
    "\n"
    "Commands:\n"
    "  demo       core pipeline on a synthetic trace: LDE, Merkle commitment split\n"
    "             across MPI ranks, grinding, queries, verified openings\n"
    "  run        run an RV32IM ELF guest without proving: public output, exit code,\n"
    "             cycles\n"
    "  prove      run an RV32IM ELF guest and prove the execution: writes a proof file\n"
    "             and the public output (under mpirun/srun: one proof across the ranks)\n"
    "  verify     check a proof against the ELF, public input, claimed output and\n"
    "             exit code\n"
    "  inspect    what a checkpoint (prove --checkpoint) holds and what a resume\n"
    "             would do\n"
    "  submit     write the sbatch script for a job file (job.toml) and submit it\n"
    "  status     Slurm state, checkpoint phase and proofs of a submitted job\n"
    "  cancel     cancel a submitted job (its checkpoints stay)\n"
    "  check      verify every proof of a job file and write its summary\n"
    "\n"
    "  baobab <command> --help   options of one command\n"
    "  baobab --version          version\n"
    "\n"
    "Environment: OMP_NUM_THREADS (threads per rank), BAOBAB_SIMD=scalar|avx2|avx512.\n";

// Whether an MPI launcher (mpirun, or srun with PMI/PMIx) started this
// process: then `prove` runs on the job's ranks.
bool started_by_mpi_launcher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::printf("%s", kUsage);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::printf("baobab %s\n", BAOBAB_VERSION);
    return 0;
  }
  const std::string command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "run") return baobab::cli::run_run_command(rest);
  if (command == "prove") {
    if (!started_by_mpi_launcher()) return baobab::cli::run_prove_command(rest);
    baobab::mpi::Environment environment(argc, argv);
    baobab::mpi::MpiCommunicator comm;
    return baobab::cli::run_prove_command(rest, &comm);
  }
  if (command == "verify") return baobab::cli::run_verify_command(rest);
  if (command == "inspect") return baobab::cli::run_inspect_command(rest);
  if (command == "submit") return baobab::cli::run_submit_command(rest);
  if (command == "status") return baobab::cli::run_status_command(rest);
  if (command == "cancel") return baobab::cli::run_cancel_command(rest);
  if (command == "check") return baobab::cli::run_check_command(rest);
  if (command == "demo") {
    baobab::mpi::Environment environment(argc, argv);
    return baobab::cli::run_demo_command(rest, environment.rank(), environment.size());
  }
  std::fprintf(stderr, "baobab: unknown command '%s' (see baobab --help)\n", command.c_str());
  return 2;
}
