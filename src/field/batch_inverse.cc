#include "src/field/batch_inverse.h"

#include <vector>

#include "src/common/check.h"

namespace baobab::field {

namespace {

template <class F>
void batch_inverse_impl(std::span<const F> in, std::span<F> out) {
  BAOBAB_CHECK(in.size() == out.size(), "batch_inverse: size mismatch");
  const size_t n = in.size();
  if (n == 0) return;
  // prefix[i] = in[0] · ... · in[i]
  std::vector<F> prefix(n);
  F running = F::one();
  for (size_t i = 0; i < n; ++i) {
    BAOBAB_CHECK(!in[i].is_zero(), "batch_inverse: zero element");
    running *= in[i];
    prefix[i] = running;
  }
  F inv = running.inverse();  // 1 / (in[0] · ... · in[n-1])
  for (size_t i = n; i-- > 1;) {
    const F value = in[i];  // read before writing: out may alias in
    out[i] = inv * prefix[i - 1];
    inv *= value;
  }
  out[0] = inv;
}

}  // namespace

void batch_inverse(std::span<const Fp> in, std::span<Fp> out) {
  batch_inverse_impl(in, out);
}
void batch_inverse(std::span<const Fp3> in, std::span<Fp3> out) {
  batch_inverse_impl(in, out);
}

}  // namespace baobab::field
