#include "src/fri/domain.h"

#include "src/common/check.h"
#include "src/field/roots.h"
#include "src/ntt/bit_reverse.h"

namespace baobab::fri {

Fp domain_point(unsigned log_size, Fp shift, uint64_t pos) {
  BAOBAB_CHECK(log_size <= 32, "domain_point: log_size > 32");
  BAOBAB_CHECK(pos < (uint64_t{1} << log_size), "domain_point: pos out of range");
  const Fp root = field::two_adic_root(static_cast<int>(log_size));
  return shift * root.pow(ntt::reverse_bits(pos, static_cast<int>(log_size)));
}

Fp shift_power(Fp shift, unsigned log_times) {
  for (unsigned i = 0; i < log_times; ++i) shift = shift.square();
  return shift;
}

std::vector<Fp> coset_point_inverses(unsigned log_size, unsigned log_arity, Fp shift) {
  BAOBAB_CHECK(log_arity <= log_size && log_size <= 32, "coset_point_inverses: bad sizes");
  const unsigned bits = log_size - log_arity;
  const uint64_t count = uint64_t{1} << bits;
  std::vector<Fp> out(count);
  // Entry c = s^-1 · w_k^(-reverse_bits(c, bits)): position c·2^a reverses to
  // reverse_bits(c, bits) because its low a bits are zero.
  out[0] = shift.inverse();
  const Fp w_inv = field::two_adic_root(static_cast<int>(log_size)).inverse();
  for (unsigned l = 0; l < bits; ++l) {
    // reverse_bits(2^l + j, bits) = 2^(bits-1-l) + reverse_bits(j, bits) for j < 2^l.
    const Fp step = shift_power(w_inv, bits - 1 - l);
    const int64_t half = int64_t{1} << l;
    Fp* dst = out.data() + half;
    const Fp* src = out.data();
#pragma omp parallel for schedule(static) if (half >= (int64_t{1} << 14))
    for (int64_t j = 0; j < half; ++j) dst[j] = src[j] * step;
  }
  return out;
}

}  // namespace baobab::fri
