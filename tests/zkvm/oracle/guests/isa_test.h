// Shared helpers of the ISA test guests. Each guest prints every result it
// computes (so qemu-riscv32 and `baobab run` must agree on all of them) and
// checks the corner cases whose value the ISA manual fixes; it exits with 0,
// or with the number of the first failed check.
//
// The results go to stdout through a hand-written formatter and a buffer of
// their own, written with write(1, ...) when nearly full and by isa_flush():
// printf cost about a thousand cycles a line, and these guests are also
// proven, where every cycle is a trace row. The bytes are those of
// printf("%s %08lx\n"). A guest calls isa_flush() before writing to fd 1 by
// any other means and at the end of main (a destructor flushes too, for an
// early exit()). stderr diagnostics still use fprintf.
#ifndef BAOBAB_TESTS_ZKVM_ORACLE_GUESTS_ISA_TEST_H_
#define BAOBAB_TESTS_ZKVM_ORACLE_GUESTS_ISA_TEST_H_

#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

static int isa_first_failure;

// 1 KiB: crt0 zeroes .bss at about a cycle a byte, and a flush costs a few
// dozen cycles.
enum { kIsaOutSize = 1024 };
static char isa_out[kIsaOutSize];
static unsigned isa_out_used;

static void isa_flush(void) {
  const char* data = isa_out;
  unsigned size = isa_out_used;
  while (size > 0) {
    ssize_t n = write(1, data, size);
    if (n <= 0) break;
    data += n;
    size -= (unsigned)n;
  }
  isa_out_used = 0;
}

__attribute__((destructor)) static void isa_flush_at_exit(void) {
  isa_flush();
}

// Appends the string s.
__attribute__((unused)) static void isa_put_str(const char* s) {
  unsigned used = isa_out_used;
  for (char c; (c = *s) != 0; ++s) {
    if (used == kIsaOutSize) {
      isa_out_used = used;
      isa_flush();
      used = 0;
    }
    isa_out[used++] = c;
  }
  isa_out_used = used;
}

// Makes room for n more bytes (n <= kIsaOutSize) and returns where they go.
static char* isa_reserve(unsigned n) {
  if (isa_out_used > kIsaOutSize - n) isa_flush();
  char* p = isa_out + isa_out_used;
  isa_out_used += n;
  return p;
}

// Writes value as 8 lowercase hex digits (%08lx) at p.
static inline void isa_put_hex8_at(char* p, uint32_t value) {
  static const char kDigits[16] = "0123456789abcdef";
  p[0] = kDigits[value >> 28];
  p[1] = kDigits[(value >> 24) & 15];
  p[2] = kDigits[(value >> 20) & 15];
  p[3] = kDigits[(value >> 16) & 15];
  p[4] = kDigits[(value >> 12) & 15];
  p[5] = kDigits[(value >> 8) & 15];
  p[6] = kDigits[(value >> 4) & 15];
  p[7] = kDigits[value & 15];
}

// Appends value in decimal (%ld).
__attribute__((unused)) static void isa_put_dec(long value) {
  char digits[12];
  int n = 0;
  unsigned long magnitude = value < 0 ? 0ul - (unsigned long)value : (unsigned long)value;
  do {
    digits[n++] = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (value < 0) digits[n++] = '-';
  char* p = isa_reserve((unsigned)n);
  for (int i = 0; i < n; ++i) p[i] = digits[n - 1 - i];
}

// printf("%s %08lx\n", what, value). The hot path of every guest: one room
// check per line, and no call unless the buffer is nearly full or the name
// is long (the cold paths are functions of their own, so that the hot one
// saves no registers).
static void isa_emit(const char* what, uint32_t value);

__attribute__((noinline, cold)) static void isa_emit_after_flush(const char* what, uint32_t value) {
  isa_flush();
  isa_emit(what, value);
}

__attribute__((noinline, cold)) static void isa_emit_slow(const char* what, uint32_t value) {
  isa_put_str(what);
  char* p = isa_reserve(10);
  p[0] = ' ';
  isa_put_hex8_at(p + 1, value);
  p[9] = '\n';
}

static void isa_emit(const char* what, uint32_t value) {
  enum { kRoom = 64, kMaxName = kRoom - 10 };
  unsigned used = isa_out_used;
  if (used > kIsaOutSize - kRoom) {
    isa_emit_after_flush(what, value);
    return;
  }
  char* p = isa_out + used;
  char* const name_end = p + kMaxName;
  for (char c; (c = *what) != 0; ++what) {
    if (p == name_end) {  // a long name: the rest the slow way
      isa_out_used = (unsigned)(p - isa_out);
      isa_emit_slow(what, value);
      return;
    }
    *p++ = c;
  }
  p[0] = ' ';
  isa_put_hex8_at(p + 1, value);
  p[9] = '\n';
  isa_out_used = (unsigned)(p + 10 - isa_out);
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
