// FileAccess: how this process opens a checkpoint file, alone or together
// with the other ranks of its job (DESIGN §6). The MPI-IO implementation
// lives in mpi/ (mpi/parallel_file_access.h), the one folder that calls MPI.
#pragma once

#include "io/h5_handle.h"
#include "src/common/result.h"
#include "src/dist/communicator.h"

namespace baobab::io {

class FileAccess {
 public:
  virtual ~FileAccess() = default;
  // A new file-access property list for opening or creating a file.
  virtual Result<H5Handle> make_file_access_list() const = 0;
  // Whether every rank takes part in each open, write and close (raw data
  // then moves in collective MPI-IO transfers).
  virtual bool collective() const = 0;
  // The ranks that open the file together.
  virtual dist::Communicator& communicator() const = 0;
};

// One process, the POSIX driver.
class SerialFileAccess final : public FileAccess {
 public:
  Result<H5Handle> make_file_access_list() const override;
  bool collective() const override { return false; }
  dist::Communicator& communicator() const override { return comm_; }

 private:
  mutable dist::SingleProcessCommunicator comm_;
};

}  // namespace baobab::io
