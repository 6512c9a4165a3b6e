// A checkpoint written collectively over MPI-IO (mpi/parallel_file_access.h,
// io/checkpoint_file.h) under mpirun, R = 1..4: every rank writes its rows
// of global datasets (uneven splits, a rank with no rows), the generation is
// committed, and every rank reads back any rows (the whole dataset, and
// another rank's block) with the values written, as a resume with another
// rank count would.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "io/checkpoint_file.h"
#include "io/generation.h"
#include "mpi/parallel_file_access.h"

namespace baobab::mpi {
namespace {

using field::Fp;

Fp value_at(uint64_t row, uint64_t col) {
  return Fp::from_u64((row << 8) + col + 0x7000000000000000ull);
}

// Rank r's rows of `rows` split over `ranks` (the first `rows % ranks` get one more).
std::pair<uint64_t, uint64_t> block_of(uint64_t rows, uint64_t ranks, uint64_t r) {
  const uint64_t base = rows / ranks, extra = rows % ranks;
  return {r * base + std::min(r, extra), base + (r < extra ? 1 : 0)};
}

TEST(CheckpointMpi, RowsWrittenByEveryRankReadBackOnAnyRank) {
  MpiCommunicator comm;
  const ParallelFileAccess access(comm);
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("baobab_mpi_ckpt_" + std::to_string(ranks) + ".h5"))
                               .string();
  const uint64_t rows = 70001 * ranks + 3, cols = 3;
  // The last rank holds no rows of the second dataset.
  const uint64_t short_rows = ranks > 1 ? ranks - 1 : 1;
  {
    auto file = io::CheckpointFile::create(io::partial_path(path), access);
    ASSERT_TRUE(file.ok()) << file.error().to_string();
    ASSERT_TRUE(file.value().set_string("/", "program_id", "abc").ok());
    const auto [first, count] = block_of(rows, ranks, me);
    std::vector<Fp> mine(count * cols);
    for (uint64_t c = 0; c < cols; ++c) {
      for (uint64_t i = 0; i < count; ++i) mine[c * count + i] = value_at(first + i, c);
    }
    ASSERT_TRUE(file.value()
                    .write_rows("/trace/cpu", rows, cols, first,
                                field::ConstMatrixView(mine.data(), count, cols))
                    .ok());
    const bool has_short_row = me < short_rows;
    std::vector<Fp> one = {value_at(me, 0)};
    ASSERT_TRUE(file.value()
                    .write_rows("/trace/short", short_rows, 1, has_short_row ? me : 0,
                                field::ConstMatrixView(one.data(), has_short_row ? 1 : 0, 1))
                    .ok());
    ASSERT_TRUE(file.value().close().ok());
  }
  ASSERT_TRUE(io::commit_generation(path, comm).ok());

  auto file = io::CheckpointFile::open(path, access);
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  EXPECT_EQ(file.value().string_attribute("/", "program_id").value(), "abc");
  auto whole = file.value().read_rows("/trace/cpu", 0, rows);
  ASSERT_TRUE(whole.ok()) << whole.error().to_string();
  for (uint64_t c = 0; c < cols; ++c) {
    for (uint64_t r = 0; r < rows; ++r) ASSERT_EQ(whole.value()[c * rows + r], value_at(r, c));
  }
  // The next rank's block, as a resume on a shifted split would read it.
  const auto [first, count] = block_of(rows, ranks, (me + 1) % ranks);
  auto theirs = file.value().read_rows("/trace/cpu", first, count);
  ASSERT_TRUE(theirs.ok());
  for (uint64_t i = 0; i < count; ++i) ASSERT_EQ(theirs.value()[i], value_at(first + i, 0));
  auto short_rows_back = file.value().read_rows("/trace/short", 0, short_rows);
  ASSERT_TRUE(short_rows_back.ok());
  for (uint64_t r = 0; r < short_rows; ++r) EXPECT_EQ(short_rows_back.value()[r], value_at(r, 0));
  ASSERT_TRUE(file.value().close().ok());
  comm.barrier();
  if (me == 0) std::filesystem::remove(path);
}

}  // namespace
}  // namespace baobab::mpi
