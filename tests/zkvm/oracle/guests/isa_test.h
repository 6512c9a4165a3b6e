// Shared helpers of the ISA test guests. Each guest prints every result it
// computes (so qemu-riscv32 and `baobab run` must agree on all of them) and
// checks the corner cases whose value the ISA manual fixes; it exits with 0,
// or with the number of the first failed check.
#ifndef BAOBAB_TESTS_ZKVM_ORACLE_GUESTS_ISA_TEST_H_
#define BAOBAB_TESTS_ZKVM_ORACLE_GUESTS_ISA_TEST_H_

#include <stdint.h>
#include <stdio.h>

static int isa_first_failure;

static void isa_emit(const char* what, uint32_t value) {
  printf("%s %08lx\n", what, (unsigned long)value);
}

static void isa_check(int id, const char* what, uint32_t got, uint32_t want) {
  if (got == want) return;
  fprintf(stderr, "check %d (%s): got %08lx, want %08lx\n", id, what, (unsigned long)got,
          (unsigned long)want);
  if (isa_first_failure == 0) isa_first_failure = id;
}

static const uint32_t kIsaOperands[] = {
    0,           1,           2,           3,           5,           31,
    32,          33,          63,          1000,        0x0000ffffu, 0x12345678u,
    0x55555555u, 0x7fffffffu, 0x80000000u, 0x80000001u, 0xaaaaaaaau, 0xdeadbeefu,
    0xffff8000u, 0xfffffff9u, 0xfffffffeu, 0xffffffffu,
};
enum { kIsaOperandCount = sizeof(kIsaOperands) / sizeof(kIsaOperands[0]) };

#endif  // BAOBAB_TESTS_ZKVM_ORACLE_GUESTS_ISA_TEST_H_
