// Montgomery's batch inversion: n inverses for one inversion and 3(n-1)
// multiplications. Used wherever many denominators appear at once (DEEP
// quotients, LogUp terms, vanishing-polynomial inverses). Every input must be
// non-zero: a zero denominator is a broken invariant and aborts.
#pragma once

#include <span>

#include "src/field/ext3.h"
#include "src/field/goldilocks.h"

namespace baobab::field {

// out[i] = 1 / in[i]. `out` may alias `in` exactly; sizes must match.
void batch_inverse(std::span<const Fp> in, std::span<Fp> out);
void batch_inverse(std::span<const Fp3> in, std::span<Fp3> out);

}  // namespace baobab::field
