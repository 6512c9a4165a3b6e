// A loop whose length is set by the public input: reads n (decimal text), runs
// n rounds of a small integer mixing step (10 instructions each at -O3, so
// n = 10^7 is about 10^8 cycles), then prints n and the final state. For large
// runs: the cycle count grows linearly with n while the program and its
// output stay tiny.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "baobab/guest.h"

int main(void) {
  uint8_t* input;
  baobab_read_public(&input);
  char* end;
  unsigned long n = strtoul((const char*)input, &end, 10);
  if (end == (char*)input) {
    fprintf(stderr, "cycle_loop: public input must be a number of rounds\n");
    return 1;
  }
  uint32_t x = 0x9e3779b9u;
  uint32_t y = 1;
  for (unsigned long i = 0; i < n; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    y = y * 0x01000193u + x;
  }
  printf("rounds %lu state %08lx %08lx\n", n, (unsigned long)x, (unsigned long)y);
  return 0;
}
