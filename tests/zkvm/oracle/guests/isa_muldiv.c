// RV32M: mul, mulh, mulhsu, mulhu, div, divu, rem, remu over the operand
// matrix, with the corner cases the ISA manual fixes: division by zero and
// signed overflow (no traps), and every high-half variant.
#include "isa_test.h"

#define RR(op)                                                      \
  static uint32_t op_##op(uint32_t a, uint32_t b) {                 \
    uint32_t r;                                                     \
    __asm__ volatile(#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); \
    return r;                                                       \
  }
RR(mul)
RR(mulh)
RR(mulhsu)
RR(mulhu)
RR(div)
RR(divu)
RR(rem)
RR(remu)

int main(void) {
  static const struct {
    const char* name;
    uint32_t (*fn)(uint32_t, uint32_t);
  } kOps[] = {{"mul", op_mul}, {"mulh", op_mulh}, {"mulhsu", op_mulhsu}, {"mulhu", op_mulhu},
              {"div", op_div}, {"divu", op_divu}, {"rem", op_rem},       {"remu", op_remu}};
  for (unsigned op = 0; op < sizeof(kOps) / sizeof(kOps[0]); ++op) {
    for (int i = 0; i < kIsaOperandCount; ++i) {
      for (int j = 0; j < kIsaOperandCount; ++j) {
        isa_emit(kOps[op].name, kOps[op].fn(kIsaOperands[i], kIsaOperands[j]));
      }
    }
  }

  const uint32_t kMin = 0x80000000u, kMinus1 = 0xffffffffu;
  // Division by zero: quotient all ones, remainder the dividend.
  isa_check(1, "div by 0", op_div(1234, 0), kMinus1);
  isa_check(2, "divu by 0", op_divu(1234, 0), kMinus1);
  isa_check(3, "rem by 0", op_rem(0xfffffb2eu, 0), 0xfffffb2eu);
  isa_check(4, "remu by 0", op_remu(1234, 0), 1234);
  // Signed overflow: MIN / -1 = MIN, MIN % -1 = 0.
  isa_check(5, "div MIN/-1", op_div(kMin, kMinus1), kMin);
  isa_check(6, "rem MIN%-1", op_rem(kMin, kMinus1), 0);
  // Rounding towards zero; the remainder takes the dividend's sign.
  isa_check(7, "div -7/2", op_div(0xfffffff9u, 2), 0xfffffffdu);
  isa_check(8, "rem -7%2", op_rem(0xfffffff9u, 2), kMinus1);
  isa_check(9, "rem 7%-2", op_rem(7, 0xfffffffeu), 1);
  isa_check(10, "divu big", op_divu(kMinus1, 2), 0x7fffffffu);
  isa_check(11, "remu big", op_remu(0xfffffff9u, 10), 0xfffffff9u % 10);
  // High halves: signed x signed, signed x unsigned, unsigned x unsigned.
  isa_check(12, "mul low", op_mul(0x12345678u, 0x9abcdef0u), 0x242d2080u);
  isa_check(13, "mulh -1*-1", op_mulh(kMinus1, kMinus1), 0);
  isa_check(14, "mulhu -1*-1", op_mulhu(kMinus1, kMinus1), 0xfffffffeu);
  isa_check(15, "mulhsu -1*(2^32-1)", op_mulhsu(kMinus1, kMinus1), kMinus1);
  isa_check(16, "mulhsu 1*(2^32-1)", op_mulhsu(1, kMinus1), 0);
  isa_check(17, "mulh MIN*MIN", op_mulh(kMin, kMin), 0x40000000u);
  isa_check(18, "mulhu MIN*MIN", op_mulhu(kMin, kMin), 0x40000000u);
  isa_check(19, "mulhsu MIN*MIN", op_mulhsu(kMin, kMin), 0xc0000000u);
  isa_check(20, "mulh MIN*-1", op_mulh(kMin, kMinus1), 0);
  isa_check(21, "mulh -2*3", op_mulh(0xfffffffeu, 3), kMinus1);
  isa_check(22, "mulhu 0x12345678*0x9abcdef0", op_mulhu(0x12345678u, 0x9abcdef0u), 0x0b00ea4eu);
  // Writes to x0.
  uint32_t r, a = 7;
  __asm__ volatile("mul x0, %1, %1\n\tdiv x0, %1, x0\n\tmv %0, x0" : "=r"(r) : "r"(a));
  isa_check(23, "mul/div x0", r, 0);

  isa_flush();
  return isa_first_failure;
}
