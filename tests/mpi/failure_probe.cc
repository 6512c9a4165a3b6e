// A job in which one rank fails while the others wait in a collective
// (tests/mpi/failure_test.sh): the whole job must end, promptly, with the
// rank and the cause named. Modes:
//   check  rank 1 fails an internal check (BAOBAB_CHECK)
//   error  the last rank meets an Error and calls Environment::fail
//   crash  rank 1 is killed (SIGKILL: a crash no handler can intercept)
//   none   nobody fails (the control: exits 0)
#include <csignal>
#include <cstring>

#include "mpi/environment.h"
#include "mpi/mpi_communicator.h"
#include "src/common/check.h"

int main(int argc, char** argv) {
  baobab::mpi::Environment environment(argc, argv);
  const char* mode = argc > 1 ? argv[1] : "none";
  baobab::mpi::MpiCommunicator comm;
  comm.barrier();
  if (std::strcmp(mode, "check") == 0 && comm.rank() == 1) {
    BAOBAB_CHECK(comm.size() < 0, "injected failure on purpose");
  }
  if (std::strcmp(mode, "error") == 0 && comm.rank() == comm.size() - 1) {
    environment.fail(
        baobab::Error{baobab::ErrorCode::kIo, "checkpoint disk is full (injected)", "commit.main"},
        5);
  }
  if (std::strcmp(mode, "crash") == 0 && comm.rank() == 1) std::raise(SIGKILL);
  comm.barrier();  // the other ranks wait here for a rank that never comes
  return 0;
}
