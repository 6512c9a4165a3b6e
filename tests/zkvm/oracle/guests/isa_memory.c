// Loads and stores: lb, lbu, lh, lhu, lw at every aligned offset of a pattern
// (sign extension of 0x80 and 0x8000), positive and negative immediates, and
// sb, sh, sw into a zeroed buffer (only the addressed bytes change).
#include <string.h>

#include "isa_test.h"

static uint8_t pattern[32] __attribute__((aligned(16))) = {
    0x00, 0x7f, 0x80, 0xff, 0x01, 0xfe, 0x55, 0xaa, 0x34, 0x12, 0x00, 0x80, 0xff, 0x7f, 0x80, 0x00,
    0x78, 0x56, 0x34, 0x12, 0xef, 0xbe, 0xad, 0xde, 0x00, 0x00, 0x00, 0x80, 0xff, 0xff, 0xff, 0x7f};

#define LOAD(op, offset, base)                                                      \
  ({                                                                                \
    uint32_t r_;                                                                    \
    __asm__ volatile(#op " %0, " #offset "(%1)" : "=r"(r_) : "r"(base) : "memory"); \
    r_;                                                                             \
  })

int main(void) {
  const uint8_t* p = pattern;
  for (int i = 0; i < 32; ++i) {
    isa_emit("lb", LOAD(lb, 0, p + i));
    isa_emit("lbu", LOAD(lbu, 0, p + i));
    if (i % 2 == 0) {
      isa_emit("lh", LOAD(lh, 0, p + i));
      isa_emit("lhu", LOAD(lhu, 0, p + i));
    }
    if (i % 4 == 0) isa_emit("lw", LOAD(lw, 0, p + i));
  }
  // Immediate offsets, positive and negative, at the 12-bit limits.
  const uint8_t* mid = p + 16;
  isa_emit("lw -16", LOAD(lw, -16, mid));
  isa_emit("lh -14", LOAD(lh, -14, mid));
  isa_emit("lb -13", LOAD(lb, -13, mid));
  isa_emit("lw 12", LOAD(lw, 12, mid));
  isa_emit("lhu 14", LOAD(lhu, 14, mid));
  isa_emit("lw 2044", LOAD(lw, 2044, (uintptr_t)mid - 2044));
  isa_emit("lw -2048", LOAD(lw, -2048, (uintptr_t)mid + 2048));

  isa_check(1, "lb 0x80", LOAD(lb, 2, p), 0xffffff80u);
  isa_check(2, "lbu 0x80", LOAD(lbu, 2, p), 0x80);
  isa_check(3, "lb 0x7f", LOAD(lb, 1, p), 0x7f);
  isa_check(4, "lb 0xff", LOAD(lb, 3, p), 0xffffffffu);
  isa_check(5, "lh 0x8000", LOAD(lh, 10, p), 0xffff8000u);
  isa_check(6, "lhu 0x8000", LOAD(lhu, 10, p), 0x8000);
  isa_check(7, "lh 0x7fff", LOAD(lh, 12, p), 0x7fff);
  isa_check(8, "lw little-endian", LOAD(lw, 16, p), 0x12345678u);
  isa_check(9, "lw 0xdeadbeef", LOAD(lw, 20, p), 0xdeadbeefu);
  isa_check(10, "lw negative offset", LOAD(lw, -4, mid + 4), 0x12345678u);
  isa_check(11, "lb negative offset", LOAD(lb, -14, mid), 0xffffff80u);
  isa_check(12, "lhu 0xffff", LOAD(lhu, 28, p), 0xffff);

  // Stores write only their bytes.
  static uint32_t buffer[8] __attribute__((aligned(16)));
  uint8_t* b = (uint8_t*)buffer;
  uint32_t v = 0xdeadbeefu;
  __asm__ volatile("sb %0, 1(%1)" ::"r"(v), "r"(b) : "memory");
  __asm__ volatile("sb %0, 2(%1)" ::"r"(v >> 8), "r"(b) : "memory");
  __asm__ volatile("sh %0, 6(%1)" ::"r"(v), "r"(b) : "memory");
  __asm__ volatile("sh %0, -2(%1)" ::"r"(0x8001u), "r"(b + 12) : "memory");
  __asm__ volatile("sw %0, 12(%1)" ::"r"(v), "r"(b) : "memory");
  __asm__ volatile("sw %0, -4(%1)" ::"r"(0x01020304u), "r"(b + 20) : "memory");
  __asm__ volatile("sw x0, 24(%0)\n\tsb %1, 28(%0)" ::"r"(b), "r"(0xffffff80u) : "memory");
  for (int i = 0; i < 8; ++i) isa_emit("stored", buffer[i]);
  isa_check(13, "sb", buffer[0], 0x00beef00u);
  isa_check(14, "sh upper half", buffer[1], 0xbeef0000u);
  isa_check(15, "sh negative offset", buffer[2], 0x80010000u);
  isa_check(16, "sw", buffer[3], 0xdeadbeefu);
  isa_check(17, "sw negative offset", buffer[4], 0x01020304u);
  isa_check(18, "sw x0", buffer[6], 0);
  isa_check(19, "sb low byte only", buffer[7], 0x80);

  // A load into x0 is discarded (the load itself still happens).
  uint32_t r;
  __asm__ volatile("lw x0, 16(%1)\n\tmv %0, x0" : "=r"(r) : "r"(p) : "memory");
  isa_check(20, "lw x0", r, 0);
  // Read-modify-write through memory.
  memcpy(b, pattern, 32);
  isa_check(21, "memcpy", buffer[5], 0xdeadbeefu);

  isa_flush();
  return isa_first_failure;
}
