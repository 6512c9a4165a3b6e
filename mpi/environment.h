// MPI start-up and shutdown as one RAII object, owned by main(). Asks for
// MPI_THREAD_FUNNELED: ranks use OpenMP threads inside, but only the main
// thread calls MPI. Works unchanged as a single process without mpirun.
#pragma once

#include "src/common/result.h"

namespace baobab::mpi {

class Environment {
 public:
  Environment(int& argc, char**& argv);
  ~Environment();
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }

  // Ends every rank of the job with `code` after this rank printed why
  // (STYLE §7: no rank fails alone inside a collective).
  [[noreturn]] static void abort_job(int code);

  // Prints "baobab: rank r of N: <error>" and ends the whole job with `code`:
  // what a rank does with an error the others cannot know about.
  [[noreturn]] static void fail(const Error& error, int code);

  // The exit status of a job ended by a failed internal check on any rank
  // (with several ranks; a single process aborts with SIGABRT as before).
  static constexpr int kCheckFailedExit = 70;

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace baobab::mpi
