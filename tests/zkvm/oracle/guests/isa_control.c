// Control flow: the six branches over the operand matrix (taken or not),
// backward branches, jal and jalr link values, jalr clearing bit 0 of the
// target, jalr with rd == rs1, and jumps that write x0.
#include "isa_test.h"

#define BR(op)                                                                      \
  static uint32_t br_##op(uint32_t a, uint32_t b) {                                 \
    uint32_t r = 1;                                                                 \
    __asm__ volatile(#op " %1, %2, 1f\n\tli %0, 0\n1:" : "+r"(r) : "r"(a), "r"(b)); \
    return r;                                                                       \
  }
BR(beq)
BR(bne)
BR(blt)
BR(bge)
BR(bltu)
BR(bgeu)

int main(void) {
  static const struct {
    const char* name;
    uint32_t (*fn)(uint32_t, uint32_t);
  } kOps[] = {{"beq", br_beq}, {"bne", br_bne},   {"blt", br_blt},
              {"bge", br_bge}, {"bltu", br_bltu}, {"bgeu", br_bgeu}};
  for (unsigned op = 0; op < sizeof(kOps) / sizeof(kOps[0]); ++op) {
    for (int i = 0; i < kIsaOperandCount; ++i) {
      for (int j = 0; j < kIsaOperandCount; ++j) {
        isa_emit(kOps[op].name, kOps[op].fn(kIsaOperands[i], kIsaOperands[j]));
      }
    }
  }
  isa_check(1, "blt -1 < 1", br_blt(0xffffffffu, 1), 1);
  isa_check(2, "bltu -1 < 1", br_bltu(0xffffffffu, 1), 0);
  isa_check(3, "bge equal", br_bge(5, 5), 1);
  isa_check(4, "bgeu 0 >= max", br_bgeu(0, 0xffffffffu), 0);
  isa_check(5, "bge min >= max", br_bge(0x80000000u, 0x7fffffffu), 0);
  isa_check(6, "beq", br_beq(7, 7), 1);
  isa_check(7, "bne", br_bne(7, 7), 0);

  // Backward branch: a count-down loop.
  uint32_t n = 10, count = 0;
  __asm__ volatile("1:\n\taddi %0, %0, 1\n\taddi %1, %1, -1\n\tbnez %1, 1b" : "+r"(count), "+r"(n));
  isa_check(8, "backward loop", count, 10);

  // jal links pc + 4.
  uint32_t base, link;
  __asm__ volatile("auipc %0, 0\n\tjal %1, 1f\n1:" : "=&r"(base), "=r"(link));
  isa_check(9, "jal link", link - base, 8);
  // jal x0 skips the next instruction and writes nothing.
  uint32_t r = 1;
  __asm__ volatile("jal x0, 1f\n\tli %0, 2\n1:\n\tadd %0, %0, x0" : "+r"(r));
  isa_check(10, "jal x0", r, 1);

  // jalr: target (rs1 + imm) & ~1, link pc + 4.
  __asm__ volatile(
      "auipc %0, 0\n\t"      // base = pc0
      "addi %0, %0, 17\n\t"  // pc0 + 17: odd, bit 0 is cleared
      "jalr %1, 0(%0)\n\t"   // at pc0 + 8, links pc0 + 12, jumps to pc0 + 16
      "li %1, 0\n\t"         // pc0 + 12: skipped
      "sub %1, %1, %0"       // pc0 + 16: link - (pc0 + 17) = -5
      : "=&r"(base), "=&r"(link));
  isa_check(11, "jalr clears bit 0", link, 0xfffffffbu);
  __asm__ volatile(
      "auipc %0, 0\n\t"       // pc0
      "addi %0, %0, 32\n\t"   // pc0 + 32
      "jalr %0, -16(%0)\n\t"  // rd == rs1; at pc0 + 8: target pc0 + 16, link pc0 + 12
      "li %0, 0\n\t"          // pc0 + 12: skipped
      "auipc %1, 0\n\t"       // pc0 + 16
      "sub %0, %1, %0"        // (pc0 + 16) - (pc0 + 12) = 4
      : "=&r"(link), "=&r"(base));
  isa_check(12, "jalr rd == rs1, negative offset", link, 4);
  r = 3;
  __asm__ volatile("auipc t0, 0\n\taddi t0, t0, 16\n\tjalr x0, 0(t0)\n\tli %0, 4\n\tadd %0, %0, x0"
                   : "+r"(r)
                   :
                   : "t0");
  isa_check(13, "jalr x0", r, 3);

  // A call through a function pointer (jalr ra) and back.
  uint32_t (*volatile fn)(uint32_t, uint32_t) = br_bgeu;
  isa_check(14, "indirect call", fn(9, 3), 1);

  isa_flush();
  return isa_first_failure;
}
