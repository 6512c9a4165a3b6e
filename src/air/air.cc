#include "src/air/air.h"

#include <algorithm>

namespace baobab::air {

int Air::max_degree() const {
  int degree = 0;
  for (const ConstraintInfo& c : constraints()) degree = std::max(degree, c.degree);
  return degree;
}

int Air::quotient_chunks() const {
  int chunks = 1;
  for (const ConstraintInfo& c : constraints()) {
    chunks = std::max(chunks, constraint_chunks(c.kind, c.degree));
  }
  return chunks;
}

bool Air::has_kind(ConstraintKind kind) const {
  return std::any_of(constraints().begin(), constraints().end(),
                     [kind](const ConstraintInfo& c) { return c.kind == kind; });
}

std::vector<Fp3> alpha_powers(Fp3 alpha, uint64_t count) {
  std::vector<Fp3> powers(count);
  Fp3 power = Fp3::one();
  for (uint64_t i = 0; i < count; ++i) {
    powers[i] = power;
    power *= alpha;
  }
  return powers;
}

}  // namespace baobab::air
