#include "mpi/environment.h"

#include <mpi.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "src/common/check.h"

namespace baobab::mpi {

namespace {

// "rank 3 of 8: ", printed before a failed check's message (static storage:
// the fatal handler keeps a pointer to it).
char g_rank_prefix[64] = "";

[[noreturn]] void abort_whole_job() {
  Environment::abort_job(Environment::kCheckFailedExit);
}

}  // namespace

Environment::Environment(int& argc, char**& argv) {
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  BAOBAB_CHECK(provided >= MPI_THREAD_FUNNELED, "MPI library lacks MPI_THREAD_FUNNELED");
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  if (size_ > 1) {
    std::snprintf(g_rank_prefix, sizeof(g_rank_prefix), "rank %d of %d: ", rank_, size_);
    set_fatal_handler(FatalHandler{g_rank_prefix, abort_whole_job});
  }
}

void Environment::fail(const Error& error, int code) {
  std::fprintf(stderr, "baobab: %s%s\n", g_rank_prefix, error.to_string().c_str());
  abort_job(code);
}

Environment::~Environment() {
  set_fatal_handler(FatalHandler{});
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (!finalized) MPI_Finalize();
}

void Environment::abort_job(int code) {
  std::fflush(stdout);
  std::fflush(stderr);
  MPI_Abort(MPI_COMM_WORLD, code);
  std::_Exit(code);  // MPI_Abort does not return; this keeps [[noreturn]] honest
}

}  // namespace baobab::mpi
