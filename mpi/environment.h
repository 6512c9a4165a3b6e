// MPI start-up and shutdown as one RAII object, owned by main(). Asks for
// MPI_THREAD_FUNNELED: ranks use OpenMP threads inside, but only the main
// thread calls MPI. Works unchanged as a single process without mpirun.
#pragma once

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

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace baobab::mpi
