// CheckpointFile in one process (io/checkpoint_file.h): datasets written by
// row blocks read back by any other blocks, attributes round-trip, a flipped
// byte in the data is an error on read, and bad paths are clear errors.
#include "io/checkpoint_file.h"

#include <gtest/gtest.h>
#include <hdf5.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace baobab::io {
namespace {

using field::Fp;

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("baobab_io_" + name)).string();
}

// Value of (row, col) in the test matrices: distinct, and large enough to
// exercise all 64 bits (still below p).
Fp value_at(uint64_t row, uint64_t col) {
  return Fp::from_u64((row << 20) + col + 0x1122334400000000ull);
}

TEST(CheckpointFile, RowBlocksReadBackByOtherBlocks) {
  const std::string path = temp_path("blocks.h5");
  const SerialFileAccess access;
  const uint64_t rows = 150000, cols = 3;  // more than two chunks per column
  std::vector<Fp> data(rows * cols);
  for (uint64_t c = 0; c < cols; ++c) {
    for (uint64_t r = 0; r < rows; ++r) data[c * rows + r] = value_at(r, c);
  }
  {
    auto file = CheckpointFile::create(path, access);
    ASSERT_TRUE(file.ok()) << file.error().to_string();
    const field::ConstMatrixView whole(data.data(), rows, cols);
    // One process writes every row (tests/mpi/checkpoint_mpi_test.cc splits them).
    ASSERT_TRUE(file.value().write_rows("/trace/cpu", rows, cols, 0, whole).ok());
    ASSERT_TRUE(file.value().close().ok());
  }
  auto file = CheckpointFile::open(path, access);
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  auto shape = file.value().shape("/trace/cpu");
  ASSERT_TRUE(shape.ok());
  EXPECT_EQ(shape.value(), (std::pair<uint64_t, uint64_t>{rows, cols}));
  for (const auto& [first, count] : std::vector<std::pair<uint64_t, uint64_t>>{
           {0, rows}, {0, 1}, {65535, 2}, {100000, 50000}, {rows, 0}}) {
    auto block = file.value().read_rows("/trace/cpu", first, count);
    ASSERT_TRUE(block.ok()) << block.error().to_string();
    ASSERT_EQ(block.value().size(), count * cols);
    for (uint64_t c = 0; c < cols; ++c) {
      for (uint64_t i = 0; i < count; ++i) {
        ASSERT_EQ(block.value()[c * count + i], value_at(first + i, c));
      }
    }
  }
  EXPECT_FALSE(file.value().read_rows("/trace/cpu", rows - 1, 2).ok());
  EXPECT_FALSE(file.value().read_rows("/trace/none", 0, 1).ok());
  std::remove(path.c_str());
}

TEST(CheckpointFile, AStridedBlockWritesOnlyItsRows) {
  const std::string path = temp_path("strided.h5");
  const SerialFileAccess access;
  const uint64_t rows = 10, stride = 16, cols = 2;
  std::vector<Fp> data(stride * cols, Fp::from_u64(999));
  for (uint64_t c = 0; c < cols; ++c) {
    for (uint64_t r = 0; r < rows; ++r) data[c * stride + r] = value_at(r, c);
  }
  auto file = CheckpointFile::create(path, access);
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE(
      file.value()
          .write_rows("/m", rows, cols, 0, field::ConstMatrixView(data.data(), rows, cols, stride))
          .ok());
  auto back = file.value().read_rows("/m", 0, rows);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  for (uint64_t c = 0; c < cols; ++c) {
    for (uint64_t r = 0; r < rows; ++r) EXPECT_EQ(back.value()[c * rows + r], value_at(r, c));
  }
  EXPECT_FALSE(file.value()
                   .write_rows("/n", rows, cols + 1, 0,
                               field::ConstMatrixView(data.data(), rows, cols, stride))
                   .ok())
      << "a block of the wrong width";
  EXPECT_FALSE(
      file.value()
          .write_rows("/o", rows, cols, 5, field::ConstMatrixView(data.data(), rows, cols, stride))
          .ok())
      << "rows past the end";
  ASSERT_TRUE(file.value().close().ok());
  std::remove(path.c_str());
}

TEST(CheckpointFile, AttributesRoundTrip) {
  const std::string path = temp_path("attributes.h5");
  const SerialFileAccess access;
  {
    auto file = CheckpointFile::create(path, access);
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE(file.value().set_string("/", "program_id", "1503b489").ok());
    ASSERT_TRUE(file.value().set_string("/", "empty", "").ok());
    ASSERT_TRUE(file.value().create_group("/phases/commit.main").ok());
    ASSERT_TRUE(file.value().set_integer("/phases/commit.main", "ranks", 4).ok());
    ASSERT_TRUE(file.value().set_integer("/phases/commit.main", "ranks", ~uint64_t{0}).ok());
    ASSERT_TRUE(file.value().close().ok());
  }
  auto file = CheckpointFile::open(path, access);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file.value().string_attribute("/", "program_id").value(), "1503b489");
  EXPECT_EQ(file.value().string_attribute("/", "empty").value(), "");
  EXPECT_EQ(file.value().integer_attribute("/phases/commit.main", "ranks").value(), ~uint64_t{0});
  EXPECT_TRUE(file.value().exists("/phases/commit.main"));
  EXPECT_FALSE(file.value().exists("/phases/commit.aux"));
  EXPECT_FALSE(file.value().exists("/nothing/below"));
  EXPECT_FALSE(file.value().string_attribute("/", "missing").ok());
  EXPECT_FALSE(file.value().integer_attribute("/", "program_id").ok())
      << "a string, not an integer";
  EXPECT_FALSE(file.value().string_attribute("/phases/commit.main", "ranks").ok());
  std::remove(path.c_str());
}

// Flips one byte of the file at the first occurrence of `pattern`.
// The file offset and size of the first stored chunk of `dataset` (after
// its filters: scale-offset and checksum), from HDF5's chunk index.
bool first_chunk_of(const std::string& path, const std::string& dataset, uint64_t& address,
                    uint64_t& size) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) return false;
  const hid_t data = H5Dopen2(file, dataset.c_str(), H5P_DEFAULT);
  hsize_t offset[2] = {0, 0};
  unsigned filter_mask = 0;
  haddr_t addr = 0;
  hsize_t bytes = 0;
  const hid_t space = data >= 0 ? H5Dget_space(data) : -1;  // HDF5 1.10 refuses H5S_ALL here
  const bool found =
      space >= 0 && H5Dget_chunk_info(data, space, 0, offset, &filter_mask, &addr, &bytes) >= 0;
  if (space >= 0) H5Sclose(space);
  if (data >= 0) H5Dclose(data);
  H5Fclose(file);
  address = addr;
  size = bytes;
  return found && bytes > 8;
}

// Flips one bit of the byte at `at`.
bool flip_byte_at(const std::string& path, uint64_t at) {
  std::fstream io(path, std::ios::binary | std::ios::in | std::ios::out);
  char byte = 0;
  io.seekg(static_cast<std::streamoff>(at));
  if (!io.read(&byte, 1)) return false;
  byte = static_cast<char>(byte ^ 0x40);
  io.seekp(static_cast<std::streamoff>(at));
  return static_cast<bool>(io.write(&byte, 1));
}

TEST(CheckpointFile, AFlippedDataByteIsAnErrorOnRead) {
  const std::string path = temp_path("flipped.h5");
  const SerialFileAccess access;
  const uint64_t rows = 1000, cols = 2;
  std::vector<Fp> data(rows * cols);
  for (uint64_t i = 0; i < data.size(); ++i) data[i] = value_at(i, 7);
  {
    auto file = CheckpointFile::create(path, access);
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE(
        file.value()
            .write_rows("/trace/t", rows, cols, 0, field::ConstMatrixView(data.data(), rows, cols))
            .ok());
    ASSERT_TRUE(file.value().close().ok());
  }
  // A byte inside the stored bytes of column 0's chunk.
  uint64_t address = 0, size = 0;
  ASSERT_TRUE(first_chunk_of(path, "/trace/t", address, size));
  ASSERT_TRUE(flip_byte_at(path, address + size / 2));
  auto file = CheckpointFile::open(path, access);
  ASSERT_TRUE(file.ok()) << "the metadata is intact";
  auto damaged = file.value().read_rows("/trace/t", 0, rows);
  ASSERT_FALSE(damaged.ok());
  EXPECT_NE(damaged.error().message.find("/trace/t"), std::string::npos) << damaged.error().message;
  std::remove(path.c_str());
}

TEST(CheckpointFile, BadPathsAreClearErrors) {
  const SerialFileAccess access;
  auto missing = CheckpointFile::open(temp_path("does-not-exist.h5"), access);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("no such file"), std::string::npos);
  EXPECT_EQ(missing.error().code, ErrorCode::kIo);

  auto unwritable = CheckpointFile::create("/proc/baobab/x.h5", access);
  ASSERT_FALSE(unwritable.ok());
  EXPECT_NE(unwritable.error().message.find("cannot create"), std::string::npos);

  const std::string junk = temp_path("junk.h5");
  std::ofstream(junk) << "not an HDF5 file";
  auto not_hdf5 = CheckpointFile::open(junk, access);
  ASSERT_FALSE(not_hdf5.ok());
  EXPECT_NE(not_hdf5.error().message.find("not a readable HDF5 file"), std::string::npos);
  std::remove(junk.c_str());
}

}  // namespace
}  // namespace baobab::io
