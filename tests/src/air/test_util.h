// Helpers shared by the AIR tests: seeded random field elements.
#pragma once

#include <cstdint>
#include <random>

#include "src/field/ext3.h"

namespace baobab::air::testing {

inline field::Fp random_fp(std::mt19937_64& rng) {
  return field::Fp::from_u64(rng());
}

inline field::Fp3 random_fp3(std::mt19937_64& rng) {
  const field::Fp c0 = random_fp(rng);
  const field::Fp c1 = random_fp(rng);
  const field::Fp c2 = random_fp(rng);
  return {c0, c1, c2};
}

}  // namespace baobab::air::testing
