// The cubic extension F_p[X]/(X^3 - 2) on the device, with the same schoolbook
// product as src/field/ext3.h (so device results equal the CPU's bit for bit).
#pragma once

#include "kernels/goldilocks.cuh"

namespace baobab::kernels::gl {

struct Ext3 {
  uint64_t c0, c1, c2;
};

BAOBAB_HD Ext3 ext3_add(Ext3 a, Ext3 b) {
  return {add(a.c0, b.c0), add(a.c1, b.c1), add(a.c2, b.c2)};
}

BAOBAB_HD Ext3 ext3_sub(Ext3 a, Ext3 b) {
  return {sub(a.c0, b.c0), sub(a.c1, b.c1), sub(a.c2, b.c2)};
}

BAOBAB_HD Ext3 ext3_mul_base(Ext3 a, uint64_t b) {
  return {mul(a.c0, b), mul(a.c1, b), mul(a.c2, b)};
}

// X^3 = 2 and X^4 = 2X fold the high terms back with doublings.
BAOBAB_HD Ext3 ext3_mul(Ext3 a, Ext3 b) {
  const uint64_t d0 = mul(a.c0, b.c0);
  const uint64_t d1 = add(mul(a.c0, b.c1), mul(a.c1, b.c0));
  const uint64_t d2 = add(add(mul(a.c0, b.c2), mul(a.c1, b.c1)), mul(a.c2, b.c0));
  const uint64_t d3 = add(mul(a.c1, b.c2), mul(a.c2, b.c1));
  const uint64_t d4 = mul(a.c2, b.c2);
  return {add(d0, add(d3, d3)), add(d1, add(d4, d4)), d2};
}

}  // namespace baobab::kernels::gl
