// Checkpoint generations (io/generation.h): a committed generation becomes
// current and the one before is kept; an uncommitted one (a crash while
// writing) changes nothing; a crash between the two renames leaves the
// previous generation readable.
#include "io/generation.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "io/checkpoint_file.h"

namespace baobab::io {
namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("baobab_gen_" + name)).string();
}

void write_generation(const std::string& path, uint64_t number) {
  const SerialFileAccess access;
  auto file = CheckpointFile::create(partial_path(path), access);
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  ASSERT_TRUE(file.value().set_integer("/", "generation", number).ok());
  ASSERT_TRUE(file.value().close().ok());
}

uint64_t generation_of(const std::string& path) {
  const SerialFileAccess access;
  auto file = CheckpointFile::open(path, access);
  if (!file) return 0;
  auto number = file.value().integer_attribute("/", "generation");
  return number ? number.value() : 0;
}

void remove_all(const std::string& path) {
  for (const std::string& p : {path, partial_path(path), previous_path(path)}) {
    std::filesystem::remove(p);
  }
}

TEST(Generation, CommitKeepsThePreviousOne) {
  const std::string path = temp_path("run.h5");
  remove_all(path);
  dist::SingleProcessCommunicator comm;
  EXPECT_FALSE(current_generation(path).ok());
  EXPECT_FALSE(commit_generation(path, comm).ok()) << "nothing written yet";

  write_generation(path, 1);
  ASSERT_TRUE(commit_generation(path, comm).ok());
  EXPECT_EQ(generation_of(path), 1u);
  EXPECT_FALSE(std::filesystem::exists(partial_path(path)));
  EXPECT_FALSE(std::filesystem::exists(previous_path(path)));

  write_generation(path, 2);
  ASSERT_TRUE(commit_generation(path, comm).ok());
  EXPECT_EQ(generation_of(path), 2u);
  EXPECT_EQ(generation_of(previous_path(path)), 1u);

  // Generation 3 is written but the job dies before committing it.
  write_generation(path, 3);
  EXPECT_EQ(current_generation(path).value(), path);
  EXPECT_EQ(generation_of(current_generation(path).value()), 2u);

  // A crash between the two renames: only the previous generation is there.
  std::filesystem::rename(path, previous_path(path));
  EXPECT_EQ(current_generation(path).value(), previous_path(path));
  EXPECT_EQ(generation_of(current_generation(path).value()), 2u);
  remove_all(path);
}

TEST(Generation, CommittingWithoutANewGenerationIsAnErrorThatKeepsTheCurrentOne) {
  const std::string path = temp_path("kept.h5");
  remove_all(path);
  dist::SingleProcessCommunicator comm;
  write_generation(path, 1);
  ASSERT_TRUE(commit_generation(path, comm).ok());
  // No new generation to commit (its write failed): an error, and the
  // current generation is untouched.
  auto status = commit_generation(path, comm);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kIo);
  EXPECT_EQ(generation_of(path), 1u);
  remove_all(path);
}

}  // namespace
}  // namespace baobab::io
