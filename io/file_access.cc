#include "io/file_access.h"

namespace baobab::io {

Result<H5Handle> SerialFileAccess::make_file_access_list() const {
  H5Handle list(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  if (!list.valid())
    return Error{ErrorCode::kIo, "cannot create an HDF5 access list", "checkpoint"};
  return list;
}

}  // namespace baobab::io
