#include "src/dist/distributed_sums.h"

#include <cstring>

#include "src/common/check.h"
#include "src/field/barycentric.h"

namespace baobab::dist {

std::vector<Fp3> sum_over_ranks(Communicator& comm, std::span<const Fp3> mine) {
  const auto ranks = static_cast<uint64_t>(comm.size());
  const uint64_t bytes = mine.size() * sizeof(Fp3);
  std::vector<uint8_t> all(bytes * ranks);
  comm.all_gather_bytes(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(mine.data()), bytes), all);
  std::vector<Fp3> sum(mine.size(), Fp3::zero());
  for (uint64_t r = 0; r < ranks; ++r) {
    for (uint64_t k = 0; k < mine.size(); ++k) {
      Fp3 value;
      std::memcpy(static_cast<void*>(&value), all.data() + r * bytes + k * sizeof(Fp3),
                  sizeof(Fp3));
      sum[k] += value;
    }
  }
  return sum;
}

std::vector<Fp3> distributed_evaluate_at(Communicator& comm, const field::ConstMatrixView& local,
                                         uint64_t first_row, uint64_t n, const Fp3& z) {
  const std::vector<Fp3> weights = field::barycentric_weights(n, z, first_row, local.rows);
  return sum_over_ranks(comm, field::evaluate_columns_at(local, weights));
}

Fp3 distributed_running_sum(Communicator& comm, std::span<Fp3> terms) {
  Fp3 local = Fp3::zero();
  for (Fp3& t : terms) {
    local += t;
    t = local;
  }
  const Fp3 before = comm.exclusive_prefix_sum(local);
  for (Fp3& s : terms) s += before;
  return sum_over_ranks(comm, std::span<const Fp3>(&local, 1))[0];
}

}  // namespace baobab::dist
