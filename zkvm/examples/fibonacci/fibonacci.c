// Fibonacci: reads n (decimal text) from the public input and prints F(n) in
// full, however many digits it has (F(0) = 0, F(1) = 1). The big numbers are
// arrays of base-10^9 limbs, least significant first.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "baobab/guest.h"

enum { kMaxN = 100000 };
#define LIMB_BASE 1000000000u

int main(void) {
  uint8_t* input;
  baobab_read_public(&input);
  char* end;
  unsigned long n = strtoul((const char*)input, &end, 10);
  if (end == (char*)input || n > kMaxN) {
    fprintf(stderr, "fibonacci: public input must be a number in [0, %d]\n", kMaxN);
    return 1;
  }

  // F(n) < 2^(0.7 n): about n / 42 limbs of 9 digits; add some slack.
  size_t limbs = n / 40 + 2;
  uint32_t* a = calloc(limbs, sizeof(uint32_t));  // F(i)
  uint32_t* b = calloc(limbs, sizeof(uint32_t));  // F(i + 1)
  if (a == NULL || b == NULL) return 2;
  b[0] = 1;
  size_t used = 1;  // limbs in use by b (b >= a)
  for (unsigned long i = 0; i < n; ++i) {
    // (a, b) <- (b, a + b), computed in place into a, then swapped.
    uint32_t carry = 0;
    for (size_t k = 0; k < used; ++k) {
      uint32_t sum = a[k] + b[k] + carry;
      carry = sum >= LIMB_BASE;
      a[k] = carry ? sum - LIMB_BASE : sum;
    }
    if (carry) a[used++] = 1;
    uint32_t* t = a;
    a = b;
    b = t;
  }

  // Print a (= F(n)): most significant limb without padding.
  size_t top = used;
  while (top > 1 && a[top - 1] == 0) --top;
  printf("%lu", (unsigned long)a[top - 1]);
  for (size_t k = top - 1; k-- > 0;) printf("%09lu", (unsigned long)a[k]);
  printf("\n");
  return 0;
}
