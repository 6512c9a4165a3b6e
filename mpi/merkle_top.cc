#include "mpi/merkle_top.h"

#include <mpi.h>

#include <vector>

#include "mpi/message_plan.h"
#include "src/merkle/tree.h"

namespace baobab::mpi {

hash::Digest combine_subtree_roots(const hash::Hasher& hasher, const SubtreePlan& plan,
                                   std::span<const hash::Digest> local_roots) {
  int rank = 0, size = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  BAOBAB_CHECK(static_cast<uint64_t>(size) == plan.ranks,
               "subtree plan made for another rank count");
  BAOBAB_CHECK(local_roots.size() == plan.subtree_count(static_cast<uint64_t>(rank)),
               "combine_subtree_roots: wrong number of local subtree roots");

  constexpr uint64_t kDigestBytes = sizeof(hash::Digest);
  std::vector<int> counts(static_cast<size_t>(size)), displacements(static_cast<size_t>(size));
  for (int r = 0; r < size; ++r) {
    const auto count = narrow_count(plan.subtree_count(static_cast<uint64_t>(r)) * kDigestBytes);
    const auto offset = narrow_count(plan.first_subtree(static_cast<uint64_t>(r)) * kDigestBytes);
    BAOBAB_CHECK(count.ok() && offset.ok(), "subtree roots exceed an MPI message");
    counts[static_cast<size_t>(r)] = count.value();
    displacements[static_cast<size_t>(r)] = offset.value();
  }
  std::vector<hash::Digest> all_roots(plan.subtrees);
  MPI_Allgatherv(local_roots.data(), counts[static_cast<size_t>(rank)], MPI_BYTE, all_roots.data(),
                 counts.data(), displacements.data(), MPI_BYTE, MPI_COMM_WORLD);
  return merkle::root_from_digests(hasher, all_roots);
}

}  // namespace baobab::mpi
