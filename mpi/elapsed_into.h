// ElapsedInto: adds the wall-clock seconds of a scope to a running total
// (the communicators' communication_seconds()).
#pragma once

#include <mpi.h>

namespace baobab::mpi {

class ElapsedInto {
 public:
  explicit ElapsedInto(double& total) : total_(total), start_(MPI_Wtime()) {}
  ~ElapsedInto() { total_ += MPI_Wtime() - start_; }
  ElapsedInto(const ElapsedInto&) = delete;
  ElapsedInto& operator=(const ElapsedInto&) = delete;

 private:
  double& total_;
  double start_;
};

}  // namespace baobab::mpi
