// dist::first_error under mpirun (R = 1..4): every rank gets the error of the
// lowest failing rank with its code, message and context intact, or Ok.
#include <gtest/gtest.h>

#include <string>

#include "mpi/mpi_communicator.h"
#include "src/dist/communicator.h"

namespace baobab::mpi {
namespace {

TEST(FirstError, EveryRankGetsTheLowestFailingRanksError) {
  MpiCommunicator comm;
  EXPECT_TRUE(dist::first_error(comm, Ok{}).ok());

  // Every rank but 0 fails, each with its own message.
  const Status mine =
      comm.rank() == 0
          ? Status(Ok{})
          : Status(Error{ErrorCode::kIo, "rank " + std::to_string(comm.rank()), "ctx"});
  const Status first = dist::first_error(comm, mine);
  if (comm.size() == 1) {
    EXPECT_TRUE(first.ok());
  } else {
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().code, ErrorCode::kIo);
    EXPECT_EQ(first.error().message, "rank 1");
    EXPECT_EQ(first.error().context, "ctx");
  }

  // Rank 0 fails, without a context.
  const Status zero =
      comm.rank() == 0 ? Status(Error{ErrorCode::kResourceLimit, "a: b", ""}) : Status(Ok{});
  const Status got = dist::first_error(comm, zero);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::kResourceLimit);
  EXPECT_EQ(got.error().message, "a: b");
  EXPECT_EQ(got.error().context, "");
}

}  // namespace
}  // namespace baobab::mpi
