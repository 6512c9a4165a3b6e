// gtest main for tests run under mpirun: every rank runs every test; a
// failure on any rank makes the job's exit status non-zero. Only rank 0
// prints the gtest report, so logs stay readable.
#include <gtest/gtest.h>

#include "mpi/environment.h"

int main(int argc, char** argv) {
  baobab::mpi::Environment environment(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  if (environment.rank() != 0) {
    auto& listeners = ::testing::UnitTest::GetInstance()->listeners();
    delete listeners.Release(listeners.default_result_printer());
  }
  return RUN_ALL_TESTS();
}
