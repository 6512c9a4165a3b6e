// The FileAccess of a job's ranks (io/file_access.h): MPI-IO over
// MPI_COMM_WORLD, so that every rank writes and reads its own rows of a
// checkpoint's datasets in collective transfers (DESIGN §6).
#pragma once

#include "io/file_access.h"
#include "mpi/mpi_communicator.h"

namespace baobab::mpi {

class ParallelFileAccess final : public io::FileAccess {
 public:
  // `comm` must outlive this object.
  explicit ParallelFileAccess(MpiCommunicator& comm) : comm_(comm) {}
  Result<io::H5Handle> make_file_access_list() const override;
  bool collective() const override { return true; }
  dist::Communicator& communicator() const override { return comm_; }

 private:
  MpiCommunicator& comm_;
};

}  // namespace baobab::mpi
