// A tiny GMP-backed oracle for Goldilocks arithmetic: the field tests compare
// every operation with mpz arithmetic modulo p, which shares no code with Fp.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <random>
#include <vector>

#include "src/field/goldilocks.h"

namespace baobab::field::testing {

class Mpz {
 public:
  Mpz() { mpz_init(v_); }
  explicit Mpz(uint64_t x) {
    mpz_init(v_);
    mpz_import(v_, 1, -1, sizeof(x), 0, 0, &x);
  }
  Mpz(const Mpz& o) { mpz_init_set(v_, o.v_); }
  Mpz& operator=(const Mpz& o) {
    mpz_set(v_, o.v_);
    return *this;
  }
  ~Mpz() { mpz_clear(v_); }

  mpz_t& get() { return v_; }
  const mpz_t& get() const { return v_; }

  uint64_t to_u64() const {
    uint64_t out = 0;
    size_t count = 0;
    mpz_export(&out, &count, -1, sizeof(out), 0, 0, v_);
    return out;
  }

 private:
  mpz_t v_;
};

inline const Mpz& modulus() {
  static const Mpz p(Fp::kModulus);
  return p;
}

inline uint64_t gmp_add(uint64_t a, uint64_t b) {
  Mpz r, x(a), y(b);
  mpz_add(r.get(), x.get(), y.get());
  mpz_mod(r.get(), r.get(), modulus().get());
  return r.to_u64();
}
inline uint64_t gmp_sub(uint64_t a, uint64_t b) {
  Mpz r, x(a), y(b);
  mpz_sub(r.get(), x.get(), y.get());
  mpz_mod(r.get(), r.get(), modulus().get());
  return r.to_u64();
}
inline uint64_t gmp_mul(uint64_t a, uint64_t b) {
  Mpz r, x(a), y(b);
  mpz_mul(r.get(), x.get(), y.get());
  mpz_mod(r.get(), r.get(), modulus().get());
  return r.to_u64();
}
inline uint64_t gmp_pow(uint64_t a, uint64_t e) {
  Mpz r, x(a), y(e);
  mpz_powm(r.get(), x.get(), y.get(), modulus().get());
  return r.to_u64();
}
inline uint64_t gmp_inverse(uint64_t a) {
  Mpz r, x(a);
  mpz_invert(r.get(), x.get(), modulus().get());
  return r.to_u64();
}

// Edge values (0, 1, p-1, around 2^32 and 2^63, near p) followed by seeded
// uniform values in [0, p).
inline std::vector<uint64_t> interesting_values(size_t random_count, uint64_t seed = 1) {
  const uint64_t p = Fp::kModulus;
  std::vector<uint64_t> values = {0,
                                  1,
                                  2,
                                  p - 1,
                                  p - 2,
                                  (1ULL << 32) - 1,
                                  1ULL << 32,
                                  (1ULL << 32) + 1,
                                  (1ULL << 63) - 1,
                                  1ULL << 63,
                                  (1ULL << 63) + 1,
                                  p - (1ULL << 32),
                                  0xFFFFFFFFULL << 32 >> 1,
                                  0x00000000FFFFFFFFULL * 0xFFFFFFFFULL};
  std::mt19937_64 rng(seed);
  while (values.size() < random_count + 14) {
    const uint64_t x = rng();
    if (x < p) values.push_back(x);
  }
  return values;
}

}  // namespace baobab::field::testing
