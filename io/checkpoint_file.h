// CheckpointFile: one generation of a checkpoint (DESIGN §6,
// docs/checkpoints.md), an ordinary HDF5 file that every rank of a job opens
// together. It holds global 2-D datasets of field elements, written and read
// by blocks of rows so that any rank count reads back what any other wrote,
// and string and integer attributes on groups.
//
// Datasets are stored column by column (HDF5 shape [cols][rows], unsigned
// 64-bit little-endian, canonical values < p), in chunks of up to 2^16
// values, each with a Fletcher-32 checksum that HDF5 verifies on every read;
// the file format's own metadata is checksummed too (libver bounds 1.10).
// Object times are not recorded, so equal contents give equal bytes.
//
// Every method that touches the file is collective when the file access is:
// every rank calls it in the same order with the same names and shapes.
// Errors are kIo errors naming the file and the object; HDF5's own error
// stack is not printed.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "io/file_access.h"
#include "io/h5_handle.h"
#include "src/common/result.h"
#include "src/field/goldilocks.h"
#include "src/field/matrix_view.h"

namespace baobab::io {

class CheckpointFile {
 public:
  // Creates `path`, replacing any file there.
  static Result<CheckpointFile> create(const std::string& path, const FileAccess& access);
  // Opens an existing file for reading only: a job killed while it reads
  // leaves the file as it was (a file opened for writing would be marked
  // open in its superblock).
  static Result<CheckpointFile> open(const std::string& path, const FileAccess& access);

  const std::string& path() const { return path_; }
  // Whether a group or dataset exists at `object` (an absolute path).
  bool exists(const std::string& object) const;
  // Creates group `group` and any missing parents.
  Status create_group(const std::string& group);

  // Attributes on the group or dataset at `object` ("/" for the file).
  Status set_string(const std::string& object, const std::string& name, const std::string& value);
  Status set_integer(const std::string& object, const std::string& name, uint64_t value);
  Result<std::string> string_attribute(const std::string& object, const std::string& name) const;
  Result<uint64_t> integer_attribute(const std::string& object, const std::string& name) const;

  // Creates dataset `name` of rows × cols field elements; this rank writes
  // `block` as rows [first_row, first_row + block.rows) (any stride; a rank
  // without rows passes an empty block).
  Status write_rows(const std::string& name, uint64_t rows, uint64_t cols, uint64_t first_row,
                    field::ConstMatrixView block);
  // (rows, cols) of dataset `name`.
  Result<std::pair<uint64_t, uint64_t>> shape(const std::string& name) const;
  // Rows [first_row, first_row + count) of dataset `name`, column-major
  // (count × cols). A checksum mismatch or a value >= p is an error.
  Result<std::vector<field::Fp>> read_rows(const std::string& name, uint64_t first_row,
                                           uint64_t count) const;

  // A byte string as dataset `name` (one dimension, u8, checksummed like
  // the others). Every rank passes the same bytes (the dataset's shape must
  // agree); rank 0 writes them.
  Status write_bytes(const std::string& name, std::span<const uint8_t> bytes);
  Result<std::vector<uint8_t>> read_bytes(const std::string& name) const;

  // Flushes and closes; a failed flush is an error.
  Status close();

 private:
  CheckpointFile(std::string path, H5Handle file, bool collective, int access_rank)
      : path_(std::move(path)),
        file_(std::move(file)),
        collective_(collective),
        access_rank_(access_rank) {}
  Error error(const std::string& what) const;
  // A dataset-transfer list: collective MPI-IO when the access is.
  Result<H5Handle> transfer_list() const;
  Status make_parent_group(const std::string& name);

  std::string path_;
  H5Handle file_;
  bool collective_ = false;
  int access_rank_ = 0;  // this process's rank among those sharing the file
};

}  // namespace baobab::io
