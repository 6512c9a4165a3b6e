#include "mpi/shared_block_exchange.h"

#include <sys/statvfs.h>

#include <cstdlib>
#include <string_view>

#include "mpi/elapsed_into.h"
#include "src/common/check.h"

namespace baobab::mpi {

namespace {

bool wanted_here() {
  const char* value = std::getenv("BAOBAB_SHARED_EXCHANGE");
  return value == nullptr || std::string_view(value) != "0";
}

// Whether /dev/shm (osc/sm's default backing directory) has room for
// `bytes` more; false where it cannot be asked.
bool shm_has_room(uint64_t bytes) {
  struct statvfs fs {};
  if (statvfs("/dev/shm", &fs) != 0) return false;
  const uint64_t unit = fs.f_frsize == 0 ? 1 : fs.f_frsize;
  return fs.f_bavail >= (bytes + unit - 1) / unit;
}

uint64_t max_over_ranks(uint64_t mine) {
  uint64_t all = 0;
  MPI_Allreduce(&mine, &all, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
  return all;
}

}  // namespace

SharedBlockExchange::SharedBlockExchange(dist::Communicator& comm) : fallback_(comm) {
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  const bool one_node = comm.ranks_on_node() == static_cast<uint64_t>(size_);
  const uint64_t refuse = one_node && wanted_here() ? 0 : 1;
  shared_ = max_over_ranks(refuse) == 0;
  received_.resize(static_cast<uint64_t>(size_));
  for (Window& window : windows_) window.bases.resize(static_cast<uint64_t>(size_));
}

SharedBlockExchange::~SharedBlockExchange() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (finalized != 0) return;  // MPI freed the windows with everything else
  for (Window& window : windows_) release(window);
}

void SharedBlockExchange::release(Window& window) {
  if (window.win == MPI_WIN_NULL) return;
  MPI_Win_unlock_all(window.win);
  MPI_Win_free(&window.win);
  window.capacity = 0;
  window.own = nullptr;
}

void SharedBlockExchange::grow(Window& window, uint64_t capacity) {
  release(window);
  MPI_Info info = MPI_INFO_NULL;
  MPI_Info_create(&info);
  // Each rank's part on its own pages, first touched (and so placed) by it.
  MPI_Info_set(info, "alloc_shared_noncontig", "true");
  MPI_Win_allocate_shared(static_cast<MPI_Aint>(capacity * sizeof(field::Fp)),
                          static_cast<int>(sizeof(field::Fp)), info, MPI_COMM_WORLD, &window.own,
                          &window.win);
  MPI_Info_free(&info);
  MPI_Win_lock_all(MPI_MODE_NOCHECK, window.win);
  for (int r = 0; r < size_; ++r) {
    MPI_Aint bytes = 0;
    int unit = 0;
    field::Fp* base = nullptr;
    MPI_Win_shared_query(window.win, r, &bytes, &unit, &base);
    window.bases[static_cast<uint64_t>(r)] = base;
  }
  window.capacity = capacity;
}

std::span<field::Fp> SharedBlockExchange::send_buffer(uint64_t size) {
  if (!shared_) return fallback_.send_buffer(size);
  const ElapsedInto timed(seconds_);  // the ranks meet here: a collective
  Window& window = windows_[next_];
  const uint64_t largest = max_over_ranks(size);
  if (largest > window.capacity) {
    // Every rank's part grows to the largest request; all of them must fit.
    const uint64_t bytes = largest * sizeof(field::Fp) * static_cast<uint64_t>(size_);
    if (max_over_ranks(shm_has_room(bytes) ? 0 : 1) != 0) {
      shared_ = false;  // from now on, the copies through all_to_all
      return fallback_.send_buffer(size);
    }
    grow(window, largest);
  }
  return {window.own, size};
}

void SharedBlockExchange::exchange(std::span<const uint64_t> send_counts,
                                   std::span<const uint64_t> receive_counts) {
  used_fallback_ = !shared_;
  if (!shared_) {
    fallback_.exchange(send_counts, receive_counts);
    return;
  }
  const ElapsedInto timed(seconds_);
  const auto ranks = static_cast<uint64_t>(size_);
  BAOBAB_CHECK(send_counts.size() == ranks && receive_counts.size() == ranks,
               "BlockExchange: one count per rank");
  Window& window = windows_[next_];
  // (offset, count) of the block for each rank, in this rank's part.
  std::vector<uint64_t> mine(2 * ranks), theirs(2 * ranks);
  uint64_t offset = 0;
  for (uint64_t r = 0; r < ranks; ++r) {
    mine[2 * r] = offset;
    mine[2 * r + 1] = send_counts[r];
    offset += send_counts[r];
    if (r != static_cast<uint64_t>(rank_)) bytes_shared_ += send_counts[r] * sizeof(field::Fp);
  }
  BAOBAB_CHECK(offset <= window.capacity, "BlockExchange: counts exceed the send buffer");
  // The blocks are written before the peers learn where they are, and read
  // after: the all-to-all orders them, the window syncs order the memory.
  if (window.win != MPI_WIN_NULL) MPI_Win_sync(window.win);
  MPI_Alltoall(mine.data(), 2, MPI_UINT64_T, theirs.data(), 2, MPI_UINT64_T, MPI_COMM_WORLD);
  if (window.win != MPI_WIN_NULL) MPI_Win_sync(window.win);
  for (uint64_t from = 0; from < ranks; ++from) {
    BAOBAB_CHECK(theirs[2 * from + 1] == receive_counts[from],
                 "BlockExchange: a rank sends a block of another size than expected here");
    received_[from] =
        window.bases[from] == nullptr ? nullptr : window.bases[from] + theirs[2 * from];
  }
  next_ ^= 1;
}

const field::Fp* SharedBlockExchange::received(uint64_t from) const {
  if (used_fallback_) return fallback_.received(from);
  BAOBAB_CHECK(from < received_.size(), "BlockExchange: no such rank");
  return received_[from];
}

}  // namespace baobab::mpi
