// A program whose memory footprint is set by its public input: reads
// "<words> <passes>" (decimal text), fills an array of <words> 32-bit words,
// then makes <passes> passes that each update every word from another one
// far away in the array, and prints the words, passes and a checksum. Every
// pass touches the whole array, so each stretch of the execution touches
// most of the program's memory: the case where a prover's memory tables and
// per-stretch memory summaries grow with the footprint, not the cycle count.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "baobab/guest.h"

int main(void) {
  uint8_t* input;
  baobab_read_public(&input);
  char* end;
  unsigned long words = strtoul((const char*)input, &end, 10);
  char* rest = end;
  unsigned long passes = strtoul(rest, &end, 10);
  if (end == rest || words == 0) {
    fprintf(stderr, "memory_sweep: public input must be \"<words> <passes>\", words > 0\n");
    return 1;
  }
  // words * 4 must not wrap around the guest's 32-bit size_t.
  uint32_t* a = words <= SIZE_MAX / sizeof(uint32_t) ? malloc(words * sizeof(uint32_t)) : NULL;
  if (a == NULL) {
    fprintf(stderr, "memory_sweep: cannot allocate %lu words\n", words);
    return 1;
  }
  uint32_t x = 0x9e3779b9u;
  for (unsigned long i = 0; i < words; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    a[i] = x;
  }
  // Word i takes in word i + words / 2 + pass (mod words): far away, and a
  // different partner every pass.
  for (unsigned long p = 0; p < passes; ++p) {
    unsigned long j = (words / 2 + p) % words;
    for (unsigned long i = 0; i < words; ++i) {
      a[i] = a[i] * 0x01000193u + a[j];
      if (++j == words) j = 0;
    }
  }
  uint32_t sum = 0;
  for (unsigned long i = 0; i < words; ++i) sum = (sum ^ a[i]) * 0x01000193u;
  printf("words %lu passes %lu checksum %08lx\n", words, passes, (unsigned long)sum);
  free(a);
  return 0;
}
