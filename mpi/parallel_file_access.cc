#include "mpi/parallel_file_access.h"

#include <mpi.h>

namespace baobab::mpi {

Result<io::H5Handle> ParallelFileAccess::make_file_access_list() const {
  io::H5Handle list(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  if (!list.valid() || H5Pset_fapl_mpio(list.get(), MPI_COMM_WORLD, MPI_INFO_NULL) < 0 ||
      // Metadata reads and writes as collectives too: one rank reads, all get it.
      H5Pset_all_coll_metadata_ops(list.get(), true) < 0 ||
      H5Pset_coll_metadata_write(list.get(), true) < 0) {
    return Error{ErrorCode::kIo, "cannot set up MPI-IO file access", "checkpoint"};
  }
  return list;
}

}  // namespace baobab::mpi
