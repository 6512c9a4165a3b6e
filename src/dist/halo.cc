#include "src/dist/halo.h"

#include <algorithm>
#include <vector>

#include "src/common/check.h"

namespace baobab::dist {

void exchange_next_rows(Communicator& comm, const field::ConstMatrixView& local,
                        const field::MatrixView& halo) {
  BAOBAB_CHECK(local.cols == halo.cols && local.rows >= halo.rows,
               "exchange_next_rows: halo larger than the local block");
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  const uint64_t previous = (me + ranks - 1) % ranks;
  const uint64_t next = (me + 1) % ranks;
  const uint64_t count = halo.rows * halo.cols;
  std::vector<uint64_t> send_counts(ranks, 0), receive_counts(ranks, 0);
  send_counts[previous] = count;
  receive_counts[next] = count;
  std::vector<Fp> send(count), receive(count);
  for (uint64_t c = 0; c < local.cols; ++c) {
    std::copy_n(local.column(c), halo.rows,
                send.begin() + static_cast<std::ptrdiff_t>(c * halo.rows));
  }
  comm.all_to_all(send, send_counts, receive, receive_counts);
  for (uint64_t c = 0; c < halo.cols; ++c) {
    std::copy_n(receive.begin() + static_cast<std::ptrdiff_t>(c * halo.rows), halo.rows,
                halo.column(c));
  }
}

}  // namespace baobab::dist
