// The system-call ABI (DESIGN §1), straight through ecall: read from fd 3
// (public) and fd 0 (private) in odd-sized pieces, reads at the end, zero-
// length reads and writes, writes to fd 1 and fd 2, and brk (query, grow,
// use the new memory, refuse to shrink below the start). Addresses differ
// between machines, so only differences are printed.
#include <string.h>

#include "isa_test.h"

static long sys3(long n, long a0, long a1, long a2) {
  register long r0 __asm__("a0") = a0;
  register long r1 __asm__("a1") = a1;
  register long r2 __asm__("a2") = a2;
  register long r7 __asm__("a7") = n;
  __asm__ volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
  return r0;
}

enum { kRead = 63, kWrite = 64, kBrk = 214 };
extern char _end[];

static uint32_t fnv1a(const uint8_t* data, size_t size, uint32_t h) {
  for (size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 16777619u;
  return h;
}

static void drain(int fd, const char* name) {
  static uint8_t buf[4096];
  static const long kPieces[] = {1, 7, 0, 100, 3, 1000, 4096};
  uint32_t h = 2166136261u;
  long total = 0;
  for (int i = 0;; i = (i + 1) % 7) {
    long n = sys3(kRead, fd, (long)buf, kPieces[i]);
    if (n < 0) {
      isa_emit("read error", (uint32_t)n);
      return;
    }
    if (n == 0 && kPieces[i] != 0) break;
    total += n;
    h = fnv1a(buf, (size_t)n, h);
  }
  isa_put_str(name);
  isa_put_str(" bytes ");
  isa_put_dec(total);
  isa_emit(" fnv", h);
  isa_emit("read at end", (uint32_t)sys3(kRead, fd, (long)buf, 10));
}

int main(void) {
  drain(3, "public");
  drain(0, "private");
  isa_flush();  // before writing to fd 1 directly

  static const char kDirect[] = "written directly to fd 1\n";
  isa_check(1, "write fd 1", (uint32_t)sys3(kWrite, 1, (long)kDirect, sizeof(kDirect) - 1),
            sizeof(kDirect) - 1);
  isa_check(2, "write length 0", (uint32_t)sys3(kWrite, 1, (long)kDirect, 0), 0);
  static const char kLog[] = "isa_syscalls: a line for the debug log\n";
  isa_check(3, "write fd 2", (uint32_t)sys3(kWrite, 2, (long)kLog, sizeof(kLog) - 1),
            sizeof(kLog) - 1);

  // brk. The C runtime may already have moved the break (malloc for stdio
  // buffers); query it afresh.
  uint32_t start = (uint32_t)sys3(kBrk, 0, 0, 0);
  isa_check(4, "brk starts after the image", start >= (uint32_t)_end, 1);
  uint32_t grown = (uint32_t)sys3(kBrk, (long)(start + 100000), 0, 0);
  isa_check(5, "brk grows", grown, start + 100000);
  memset((void*)start, 0xa5, 100000);
  isa_check(6, "new memory usable", ((volatile uint8_t*)start)[99999], 0xa5);
  isa_check(7, "brk query after growth", (uint32_t)sys3(kBrk, 0, 0, 0), start + 100000);
  uint32_t shrunk = (uint32_t)sys3(kBrk, (long)(start + 50000), 0, 0);
  isa_check(8, "brk shrinks", shrunk, start + 50000);
  uint32_t below = (uint32_t)sys3(kBrk, 0x1000, 0, 0);
  isa_check(9, "brk below the image is refused", below, start + 50000);
  isa_put_str("brk checks done\n");

  isa_flush();
  return isa_first_failure;
}
