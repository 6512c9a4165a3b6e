#include "io/checkpoint_file.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace baobab::io {

namespace {

using field::Fp;

constexpr hsize_t kChunkValues = hsize_t{1} << 16;

// HDF5 prints its error stack on every failed call by default; Baobab turns
// each failure into one Error instead.
void silence_hdf5_errors() {
  static const bool silenced = [] {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    return true;
  }();
  (void)silenced;
}

Result<H5Handle> checked(hid_t id, H5Handle::Closer closer, const std::string& what,
                         const std::string& path) {
  if (id < 0) return Error{ErrorCode::kIo, path + ": " + what, "checkpoint"};
  return H5Handle(id, closer);
}

// Access list with the 1.10 format (checksummed metadata).
Result<H5Handle> access_list(const FileAccess& access, const std::string& path) {
  auto list = access.make_file_access_list();
  if (!list) return list.error();
  if (H5Pset_libver_bounds(list.value().get(), H5F_LIBVER_V110, H5F_LIBVER_V110) < 0) {
    return Error{ErrorCode::kIo, path + ": cannot select the HDF5 1.10 file format", "checkpoint"};
  }
  return list;
}

// Opens the group or dataset at `object`.
Result<H5Handle> open_object(hid_t file, const std::string& object, const std::string& path) {
  return checked(H5Oopen(file, object.c_str(), H5P_DEFAULT), H5Oclose, "no object " + object, path);
}

// Attribute `name` of the object at `object`, and its type.
struct OpenAttribute {
  H5Handle attribute;
  H5Handle type;
};

Result<OpenAttribute> open_attribute(hid_t file, const std::string& path, const std::string& object,
                                     const std::string& name) {
  auto target = open_object(file, object, path);
  if (!target) return target.error();
  OpenAttribute open{H5Handle(H5Aopen(target.value().get(), name.c_str(), H5P_DEFAULT), H5Aclose),
                     H5Handle()};
  if (!open.attribute.valid()) {
    return Error{ErrorCode::kIo, path + ": no attribute " + object + "@" + name, "checkpoint"};
  }
  open.type = H5Handle(H5Aget_type(open.attribute.get()), H5Tclose);
  if (!open.type.valid()) {
    return Error{ErrorCode::kIo, path + ": cannot read the type of " + object + "@" + name,
                 "checkpoint"};
  }
  return open;
}

}  // namespace

Result<CheckpointFile> CheckpointFile::create(const std::string& path, const FileAccess& access) {
  silence_hdf5_errors();
  auto fapl = access_list(access, path);
  if (!fapl) return fapl.error();
  H5Handle fcpl(H5Pcreate(H5P_FILE_CREATE), H5Pclose);
  if (!fcpl.valid() || H5Pset_obj_track_times(fcpl.get(), false) < 0) {
    return Error{ErrorCode::kIo, path + ": cannot create an HDF5 creation list", "checkpoint"};
  }
  auto file = checked(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.value().get()),
                      H5Fclose, "cannot create the file (is the directory writable?)", path);
  if (!file) return file.error();
  return CheckpointFile(path, std::move(file).value(), access.collective(),
                        access.communicator().rank());
}

Result<CheckpointFile> CheckpointFile::open(const std::string& path, const FileAccess& access) {
  silence_hdf5_errors();
  auto fapl = access_list(access, path);
  if (!fapl) return fapl.error();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Error{ErrorCode::kIo, path + ": no such file", "checkpoint"};
  }
  auto file = checked(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.value().get()), H5Fclose,
                      "not a readable HDF5 file (damaged or not a checkpoint?)", path);
  if (!file) return file.error();
  return CheckpointFile(path, std::move(file).value(), access.collective(),
                        access.communicator().rank());
}

Error CheckpointFile::error(const std::string& what) const {
  return Error{ErrorCode::kIo, path_ + ": " + what, "checkpoint"};
}

bool CheckpointFile::exists(const std::string& object) const {
  if (object == "/") return true;
  // Each prefix must exist before H5Lexists may ask about the next.
  for (size_t slash = object.find('/', 1);; slash = object.find('/', slash + 1)) {
    const std::string prefix = object.substr(0, slash);
    if (H5Lexists(file_.get(), prefix.c_str(), H5P_DEFAULT) <= 0) return false;
    if (slash == std::string::npos) return true;
  }
}

Status CheckpointFile::create_group(const std::string& group) {
  if (exists(group)) return Ok{};
  H5Handle lcpl(H5Pcreate(H5P_LINK_CREATE), H5Pclose);
  H5Handle gcpl(H5Pcreate(H5P_GROUP_CREATE), H5Pclose);
  if (!lcpl.valid() || !gcpl.valid() || H5Pset_create_intermediate_group(lcpl.get(), 1) < 0 ||
      H5Pset_obj_track_times(gcpl.get(), false) < 0) {
    return error("cannot create the property lists of group " + group);
  }
  H5Handle made(H5Gcreate2(file_.get(), group.c_str(), lcpl.get(), gcpl.get(), H5P_DEFAULT),
                H5Gclose);
  if (!made.valid()) return error("cannot create group " + group);
  return Ok{};
}

Status CheckpointFile::set_string(const std::string& object, const std::string& name,
                                  const std::string& value) {
  auto target = open_object(file_.get(), object, path_);
  if (!target) return target.error();
  H5Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  // HDF5 has no zero-length string type: an empty value is one NUL byte.
  if (!type.valid() || H5Tset_size(type.get(), std::max<size_t>(value.size(), 1)) < 0 ||
      H5Tset_strpad(type.get(), H5T_STR_NULLPAD) < 0) {
    return error("cannot make the string type of attribute " + name);
  }
  if (H5Aexists(target.value().get(), name.c_str()) > 0 &&
      H5Adelete(target.value().get(), name.c_str()) < 0) {
    return error("cannot replace attribute " + object + "@" + name);
  }
  H5Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  H5Handle attribute(H5Acreate2(target.value().get(), name.c_str(), type.get(), space.get(),
                                H5P_DEFAULT, H5P_DEFAULT),
                     H5Aclose);
  std::string padded = value;
  if (padded.empty()) padded.push_back('\0');
  if (!attribute.valid() || H5Awrite(attribute.get(), type.get(), padded.data()) < 0) {
    return error("cannot write attribute " + object + "@" + name);
  }
  return Ok{};
}

Status CheckpointFile::set_integer(const std::string& object, const std::string& name,
                                   uint64_t value) {
  auto target = open_object(file_.get(), object, path_);
  if (!target) return target.error();
  if (H5Aexists(target.value().get(), name.c_str()) > 0 &&
      H5Adelete(target.value().get(), name.c_str()) < 0) {
    return error("cannot replace attribute " + object + "@" + name);
  }
  H5Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  H5Handle attribute(H5Acreate2(target.value().get(), name.c_str(), H5T_STD_U64LE, space.get(),
                                H5P_DEFAULT, H5P_DEFAULT),
                     H5Aclose);
  if (!attribute.valid() || H5Awrite(attribute.get(), H5T_NATIVE_UINT64, &value) < 0) {
    return error("cannot write attribute " + object + "@" + name);
  }
  return Ok{};
}

Result<std::string> CheckpointFile::string_attribute(const std::string& object,
                                                     const std::string& name) const {
  auto open = open_attribute(file_.get(), path_, object, name);
  if (!open) return open.error();
  const hid_t type = open.value().type.get();
  if (H5Tget_class(type) != H5T_STRING || H5Tis_variable_str(type) != 0) {
    return error("attribute " + object + "@" + name + " is not a fixed-length string");
  }
  std::string value(H5Tget_size(type), '\0');
  if (H5Aread(open.value().attribute.get(), type, value.data()) < 0) {
    return error("cannot read attribute " + object + "@" + name);
  }
  value.resize(std::strlen(value.c_str()));  // drop the NUL padding
  return value;
}

Result<uint64_t> CheckpointFile::integer_attribute(const std::string& object,
                                                   const std::string& name) const {
  auto open = open_attribute(file_.get(), path_, object, name);
  if (!open) return open.error();
  if (H5Tget_class(open.value().type.get()) != H5T_INTEGER) {
    return error("attribute " + object + "@" + name + " is not an integer");
  }
  uint64_t value = 0;
  if (H5Aread(open.value().attribute.get(), H5T_NATIVE_UINT64, &value) < 0) {
    return error("cannot read attribute " + object + "@" + name);
  }
  return value;
}

Result<H5Handle> CheckpointFile::transfer_list() const {
  H5Handle list(H5Pcreate(H5P_DATASET_XFER), H5Pclose);
  if (!list.valid()) return error("cannot create a transfer list");
#ifdef H5_HAVE_PARALLEL
  if (collective_ && H5Pset_dxpl_mpio(list.get(), H5FD_MPIO_COLLECTIVE) < 0) {
    return error("cannot ask for collective transfers");
  }
#endif
  return list;
}

Status CheckpointFile::write_rows(const std::string& name, uint64_t rows, uint64_t cols,
                                  uint64_t first_row, field::ConstMatrixView block) {
  if (block.cols != cols && block.rows != 0) {
    return error("dataset " + name + ": a block of " + std::to_string(block.cols) +
                 " columns for " + std::to_string(cols));
  }
  if (first_row > rows || block.rows > rows - first_row) {
    return error("dataset " + name + ": rows beyond its " + std::to_string(rows));
  }
  if (Status made = make_parent_group(name); !made) return made;
  const hsize_t dims[2] = {cols, rows};
  H5Handle file_space(H5Screate_simple(2, dims, nullptr), H5Sclose);
  H5Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  if (!file_space.valid() || !dcpl.valid() || H5Pset_obj_track_times(dcpl.get(), false) < 0 ||
      H5Pset_fill_time(dcpl.get(), H5D_FILL_TIME_NEVER) < 0) {
    return error("dataset " + name + ": cannot make its dataspace");
  }
  if (rows > 0 && cols > 0) {
    const hsize_t chunk[2] = {1, std::min<hsize_t>(rows, kChunkValues)};
    if (H5Pset_chunk(dcpl.get(), 2, chunk) < 0 ||
        H5Pset_scaleoffset(dcpl.get(), H5Z_SO_INT, H5Z_SO_INT_MINBITS_DEFAULT) < 0 ||
        H5Pset_fletcher32(dcpl.get()) < 0) {
      return error("dataset " + name + ": cannot set chunks and checksums");
    }
  }
  H5Handle dataset(H5Dcreate2(file_.get(), name.c_str(), H5T_STD_U64LE, file_space.get(),
                              H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                   H5Dclose);
  if (!dataset.valid()) return error("cannot create dataset " + name);
  if (rows == 0 || cols == 0) return Ok{};  // nothing to transfer (on every rank alike)

  // This rank's rows: a hyperslab of the file, and of its strided block.
  const hsize_t stride = block.rows == 0 ? 1 : std::max<hsize_t>(block.stride, block.rows);
  const hsize_t memory_dims[2] = {std::max<hsize_t>(cols, 1), stride};
  H5Handle memory_space(H5Screate_simple(2, memory_dims, nullptr), H5Sclose);
  if (!memory_space.valid()) return error("dataset " + name + ": cannot make a memory space");
  if (block.rows == 0) {
    H5Sselect_none(file_space.get());
    H5Sselect_none(memory_space.get());
  } else {
    const hsize_t start[2] = {0, first_row};
    const hsize_t count[2] = {cols, block.rows};
    const hsize_t origin[2] = {0, 0};
    if (H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr) < 0 ||
        H5Sselect_hyperslab(memory_space.get(), H5S_SELECT_SET, origin, nullptr, count, nullptr) <
            0) {
      return error("dataset " + name + ": cannot select this rank's rows");
    }
  }
  auto transfer = transfer_list();
  if (!transfer) return transfer.error();
  static_assert(sizeof(Fp) == sizeof(uint64_t), "Fp is one canonical 64-bit word");
  const Fp zero = Fp::zero();
  const void* data = block.rows == 0 ? static_cast<const void*>(&zero) : block.data;
  if (H5Dwrite(dataset.get(), H5T_NATIVE_UINT64, memory_space.get(), file_space.get(),
               transfer.value().get(), data) < 0) {
    return error("cannot write dataset " + name + " (disk full?)");
  }
  if (!dataset.close()) return error("cannot close dataset " + name);
  return Ok{};
}

Result<std::pair<uint64_t, uint64_t>> CheckpointFile::shape(const std::string& name) const {
  H5Handle dataset(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
  if (!dataset.valid()) return error("no dataset " + name);
  H5Handle space(H5Dget_space(dataset.get()), H5Sclose);
  hsize_t dims[2] = {0, 0};
  if (!space.valid() || H5Sget_simple_extent_ndims(space.get()) != 2 ||
      H5Sget_simple_extent_dims(space.get(), dims, nullptr) < 0) {
    return error("dataset " + name + " is not two-dimensional");
  }
  return std::pair<uint64_t, uint64_t>{dims[1], dims[0]};
}

Result<std::vector<Fp>> CheckpointFile::read_rows(const std::string& name, uint64_t first_row,
                                                  uint64_t count) const {
  auto dims = shape(name);
  if (!dims) return dims.error();
  const auto [rows, cols] = dims.value();
  if (first_row > rows || count > rows - first_row) {
    return error("dataset " + name + ": rows beyond its " + std::to_string(rows));
  }
  H5Handle dataset(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
  H5Handle file_space(H5Dget_space(dataset.get()), H5Sclose);
  const hsize_t memory_dims[2] = {std::max<hsize_t>(cols, 1), std::max<hsize_t>(count, 1)};
  H5Handle memory_space(H5Screate_simple(2, memory_dims, nullptr), H5Sclose);
  if (!dataset.valid() || !file_space.valid() || !memory_space.valid()) {
    return error("cannot open dataset " + name);
  }
  std::vector<uint64_t> words(cols * count);
  if (rows == 0 || cols == 0) return std::vector<Fp>();  // on every rank alike
  if (count == 0) {
    H5Sselect_none(file_space.get());
    H5Sselect_none(memory_space.get());
  } else {
    const hsize_t start[2] = {0, first_row};
    const hsize_t sizes[2] = {cols, count};
    if (H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, sizes, nullptr) < 0) {
      return error("dataset " + name + ": cannot select rows");
    }
  }
  auto transfer = transfer_list();
  if (!transfer) return transfer.error();
  uint64_t unused = 0;
  if (H5Dread(dataset.get(), H5T_NATIVE_UINT64, memory_space.get(), file_space.get(),
              transfer.value().get(), words.empty() ? &unused : words.data()) < 0) {
    return error("cannot read dataset " + name + " (damaged: a checksum does not match?)");
  }
  std::vector<Fp> values(words.size());
  for (uint64_t i = 0; i < words.size(); ++i) {
    if (words[i] >= Fp::kModulus) {
      return error("dataset " + name + " holds " + std::to_string(words[i]) +
                   ", not a field element");
    }
    values[i] = Fp::from_canonical(words[i]);
  }
  return values;
}

Status CheckpointFile::make_parent_group(const std::string& name) {
  const size_t slash = name.rfind('/');
  if (slash == std::string::npos || slash == 0) return Ok{};
  return create_group(name.substr(0, slash));
}

Status CheckpointFile::write_bytes(const std::string& name, std::span<const uint8_t> bytes) {
  if (Status made = make_parent_group(name); !made) return made;
  const hsize_t size = bytes.size();
  H5Handle file_space(H5Screate_simple(1, &size, nullptr), H5Sclose);
  H5Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  if (!file_space.valid() || !dcpl.valid() || H5Pset_obj_track_times(dcpl.get(), false) < 0 ||
      H5Pset_fill_time(dcpl.get(), H5D_FILL_TIME_NEVER) < 0) {
    return error("dataset " + name + ": cannot make its dataspace");
  }
  if (size > 0) {
    const hsize_t chunk = std::min<hsize_t>(size, hsize_t{1} << 20);
    if (H5Pset_chunk(dcpl.get(), 1, &chunk) < 0 || H5Pset_fletcher32(dcpl.get()) < 0) {
      return error("dataset " + name + ": cannot set chunks and checksums");
    }
  }
  H5Handle dataset(H5Dcreate2(file_.get(), name.c_str(), H5T_STD_U8LE, file_space.get(),
                              H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                   H5Dclose);
  if (!dataset.valid()) return error("cannot create dataset " + name);
  if (size == 0) return Ok{};  // nothing to transfer (on every rank alike)
  H5Handle memory_space(H5Screate_simple(1, &size, nullptr), H5Sclose);
  const bool mine = access_rank_ == 0;
  if (!mine) {
    H5Sselect_none(file_space.get());
    H5Sselect_none(memory_space.get());
  }
  auto transfer = transfer_list();
  if (!transfer) return transfer.error();
  const uint8_t none = 0;
  if (H5Dwrite(dataset.get(), H5T_NATIVE_UINT8, memory_space.get(), file_space.get(),
               transfer.value().get(), mine ? bytes.data() : &none) < 0) {
    return error("cannot write dataset " + name + " (disk full?)");
  }
  if (!dataset.close()) return error("cannot close dataset " + name);
  return Ok{};
}

Result<std::vector<uint8_t>> CheckpointFile::read_bytes(const std::string& name) const {
  H5Handle dataset(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
  if (!dataset.valid()) return error("no dataset " + name);
  H5Handle space(H5Dget_space(dataset.get()), H5Sclose);
  hsize_t size = 0;
  if (!space.valid() || H5Sget_simple_extent_ndims(space.get()) != 1 ||
      H5Sget_simple_extent_dims(space.get(), &size, nullptr) < 0) {
    return error("dataset " + name + " is not a byte string");
  }
  std::vector<uint8_t> bytes(size);
  if (size == 0) return bytes;
  auto transfer = transfer_list();
  if (!transfer) return transfer.error();
  if (H5Dread(dataset.get(), H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, transfer.value().get(),
              bytes.data()) < 0) {
    return error("cannot read dataset " + name + " (damaged: a checksum does not match?)");
  }
  return bytes;
}

Status CheckpointFile::close() {
  if (!file_.close()) return error("cannot flush and close the file (disk full?)");
  return Ok{};
}

}  // namespace baobab::io
