// The root combined from per-rank subtrees must equal the root one process
// computes over all leaves, for every rank count (odd ones included).
#include "mpi/merkle_top.h"

#include <gtest/gtest.h>
#include <mpi.h>

#include <vector>

#include "src/hash/sha256_hasher.h"
#include "src/merkle/tree.h"

namespace baobab::mpi {
namespace {

std::vector<hash::Digest> leaves_equal_to_their_index(uint64_t n) {
  std::vector<hash::Digest> leaves(n);
  for (uint64_t i = 0; i < n; ++i) {
    for (size_t b = 0; b < 8; ++b) leaves[i].bytes[b] = static_cast<uint8_t>(i >> (8 * b));
  }
  return leaves;
}

TEST(MerkleTop, CombinedRootEqualsSingleProcessRoot) {
  int rank = 0, size = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const hash::Sha256Hasher hasher;
  for (uint64_t leaves : {uint64_t{8}, uint64_t{1024}}) {
    const auto all = leaves_equal_to_their_index(leaves);
    const auto plan = plan_subtrees(leaves, static_cast<uint64_t>(size));
    ASSERT_TRUE(plan.ok());
    const SubtreePlan& p = plan.value();
    std::vector<hash::Digest> local;
    for (uint64_t s = 0; s < p.subtree_count(static_cast<uint64_t>(rank)); ++s) {
      const uint64_t first =
          (p.first_subtree(static_cast<uint64_t>(rank)) + s) * p.leaves_per_subtree;
      local.push_back(merkle::root_from_digests(
          hasher, std::span<const hash::Digest>(all).subspan(first, p.leaves_per_subtree)));
    }
    EXPECT_EQ(combine_subtree_roots(hasher, p, local), merkle::root_from_digests(hasher, all))
        << leaves << " leaves on " << size << " ranks";
  }
}

}  // namespace
}  // namespace baobab::mpi
