#include "src/ntt/plan.h"

#include <cstdlib>
#include <new>

#include "src/common/check.h"
#include "src/field/roots.h"

namespace baobab::ntt {

void NttPlan::FreeDeleter::operator()(Fp* p) const {
  std::free(p);
}

// Storage is allocated uninitialised and first written by the threads that
// compute it, so the first-touch cost is spread over all threads.
NttPlan::Table NttPlan::make_table(int log_size, Fp root) {
  const uint64_t size = uint64_t{1} << log_size;
  void* raw = std::aligned_alloc(64, (size * sizeof(Fp) + 63) / 64 * 64);
  BAOBAB_CHECK(raw != nullptr, "NttPlan: cannot allocate twiddle table");
  Fp* tw = static_cast<Fp*>(raw);
  tw[0] = Fp::one();
  if (log_size == 0) return Table(tw);
  // Top layer h = size/2: tw[h + i] = root^i, in chunks that start from a pow.
  const uint64_t h_max = size / 2;
  constexpr uint64_t kChunk = 4096;
  const int64_t chunks = static_cast<int64_t>((h_max + kChunk - 1) / kChunk);
#pragma omp parallel for schedule(static)
  for (int64_t c = 0; c < chunks; ++c) {
    const uint64_t begin = static_cast<uint64_t>(c) * kChunk;
    const uint64_t end = begin + kChunk < h_max ? begin + kChunk : h_max;
    Fp w = root.pow(begin);
    for (uint64_t i = begin; i < end; ++i) {
      new (tw + h_max + i) Fp(w);
      w *= root;
    }
  }
  // Smaller layers are strided copies: w_{2h}^i = w_{2h_max}^(i·h_max/h).
  for (uint64_t h = h_max / 2; h >= 1; h /= 2) {
    const uint64_t stride = h_max / h;
#pragma omp parallel for schedule(static) if (h >= 65536)
    for (int64_t i = 0; i < static_cast<int64_t>(h); ++i) {
      new (tw + h + i) Fp(tw[h_max + static_cast<uint64_t>(i) * stride]);
    }
  }
  return Table(tw);
}

NttPlan::NttPlan(int log_max_size, SimdLevel level)
    : log_max_size_(log_max_size), kernels_(&detail::ntt_kernels(level)) {
  BAOBAB_CHECK(log_max_size >= 0 && log_max_size <= Fp::kTwoAdicity,
               "NttPlan: size beyond the field's 2-adicity (2^32)");
  const Fp root = field::two_adic_root(log_max_size);
  forward_ = make_table(log_max_size, root);
  inverse_ = make_table(log_max_size, root.inverse());
}

}  // namespace baobab::ntt
