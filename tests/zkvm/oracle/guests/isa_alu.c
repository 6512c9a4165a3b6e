// RV32I register-register and register-immediate arithmetic, logic, shifts,
// comparisons, lui/auipc and writes to x0.
#include "isa_test.h"

#define RR(op)                                                      \
  static uint32_t op_##op(uint32_t a, uint32_t b) {                 \
    uint32_t r;                                                     \
    __asm__ volatile(#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); \
    return r;                                                       \
  }
RR(add)
RR(sub)
RR(sll)
RR(slt)
RR(sltu)
RR(xor)
RR(srl)
RR(sra)
RR(or)
RR(and)

#define RI(op, imm)                                             \
  ({                                                            \
    uint32_t r_;                                                \
    __asm__ volatile(#op " %0, %1, " #imm : "=r"(r_) : "r"(a)); \
    r_;                                                         \
  })

static void emit_immediates(uint32_t a) {
  // Immediates at the 12-bit limits and around zero (sign-extended).
  isa_emit("addi 0", RI(addi, 0));
  isa_emit("addi -1", RI(addi, -1));
  isa_emit("addi 2047", RI(addi, 2047));
  isa_emit("addi -2048", RI(addi, -2048));
  isa_emit("slti -1", RI(slti, -1));
  isa_emit("slti 5", RI(slti, 5));
  isa_emit("sltiu -1", RI(sltiu, -1));
  isa_emit("sltiu 1", RI(sltiu, 1));
  isa_emit("xori -1", RI(xori, -1));
  isa_emit("xori 0x555", RI(xori, 0x555));
  isa_emit("ori -2048", RI(ori, -2048));
  isa_emit("ori 0x7f", RI(ori, 0x7f));
  isa_emit("andi -1", RI(andi, -1));
  isa_emit("andi 0x7ff", RI(andi, 0x7ff));
  isa_emit("andi -2048", RI(andi, -2048));
  isa_emit("slli 0", RI(slli, 0));
  isa_emit("slli 1", RI(slli, 1));
  isa_emit("slli 31", RI(slli, 31));
  isa_emit("srli 0", RI(srli, 0));
  isa_emit("srli 1", RI(srli, 1));
  isa_emit("srli 31", RI(srli, 31));
  isa_emit("srai 0", RI(srai, 0));
  isa_emit("srai 1", RI(srai, 1));
  isa_emit("srai 31", RI(srai, 31));
}

int main(void) {
  static const struct {
    const char* name;
    uint32_t (*fn)(uint32_t, uint32_t);
  } kOps[] = {{"add", op_add}, {"sub", op_sub}, {"sll", op_sll}, {"slt", op_slt}, {"sltu", op_sltu},
              {"xor", op_xor}, {"srl", op_srl}, {"sra", op_sra}, {"or", op_or},   {"and", op_and}};
  for (unsigned op = 0; op < sizeof(kOps) / sizeof(kOps[0]); ++op) {
    for (int i = 0; i < kIsaOperandCount; ++i) {
      for (int j = 0; j < kIsaOperandCount; ++j) {
        isa_emit(kOps[op].name, kOps[op].fn(kIsaOperands[i], kIsaOperands[j]));
      }
    }
  }
  for (int i = 0; i < kIsaOperandCount; ++i) emit_immediates(kIsaOperands[i]);

  // Shift amounts use only the low 5 bits of rs2.
  isa_check(1, "sll by 32", op_sll(0x12345678u, 32), 0x12345678u);
  isa_check(2, "sll by 33", op_sll(0x12345678u, 33), 0x2468acf0u);
  isa_check(3, "srl by 63", op_srl(0x80000000u, 63), 1);
  isa_check(4, "sra by 33", op_sra(0x80000000u, 33), 0xc0000000u);
  isa_check(5, "sra by -1", op_sra(0x80000000u, 0xffffffffu), 0xffffffffu);
  isa_check(6, "srl by -1", op_srl(0x80000000u, 0xffffffffu), 1);
  // Signed and unsigned comparisons.
  isa_check(7, "slt -1 < 1", op_slt(0xffffffffu, 1), 1);
  isa_check(8, "sltu -1 < 1", op_sltu(0xffffffffu, 1), 0);
  isa_check(9, "slt min < max", op_slt(0x80000000u, 0x7fffffffu), 1);
  isa_check(10, "add wraps", op_add(0xffffffffu, 1), 0);
  isa_check(11, "sub wraps", op_sub(0, 1), 0xffffffffu);
  {
    uint32_t a = 0;
    isa_check(12, "sltiu -1 (unsigned max)", RI(sltiu, -1), 1);
    isa_check(13, "addi -2048 sign-extends", RI(addi, -2048), 0xfffff800u);
    a = 0x0f0f0f0fu;
    isa_check(14, "xori -1 is not", RI(xori, -1), 0xf0f0f0f0u);
    a = 0x80000000u;
    isa_check(15, "srai 31", RI(srai, 31), 0xffffffffu);
    isa_check(16, "srli 31", RI(srli, 31), 1);
  }

  // lui and auipc.
  uint32_t r, s;
  __asm__ volatile("lui %0, 0xfffff" : "=r"(r));
  isa_check(17, "lui 0xfffff", r, 0xfffff000u);
  __asm__ volatile("lui %0, 0x80000" : "=r"(r));
  isa_check(18, "lui 0x80000", r, 0x80000000u);
  __asm__ volatile("auipc %0, 0x1\n\tauipc %1, 0" : "=&r"(r), "=r"(s));
  isa_check(19, "auipc 1 - auipc 0 (4 bytes later)", r - s, 0x1000u - 4);
  __asm__ volatile("auipc %0, 0xfffff\n\tauipc %1, 0" : "=&r"(r), "=r"(s));
  isa_check(20, "auipc -1 page", s - r, 0x1000u + 4);

  // Writes to x0 are discarded, whatever the instruction.
  uint32_t value = 0x1234;
  __asm__ volatile("addi x0, %1, 5\n\tmv %0, x0" : "=r"(r) : "r"(value));
  isa_check(21, "addi x0", r, 0);
  __asm__ volatile("lui x0, 0x12345\n\tmv %0, x0" : "=r"(r));
  isa_check(22, "lui x0", r, 0);
  __asm__ volatile("auipc x0, 0x1\n\tmv %0, x0" : "=r"(r));
  isa_check(23, "auipc x0", r, 0);
  __asm__ volatile("add x0, %1, %1\n\tsub x0, x0, %1\n\tmv %0, x0" : "=r"(r) : "r"(value));
  isa_check(24, "add/sub x0", r, 0);
  __asm__ volatile("add %0, x0, x0" : "=r"(r));
  isa_check(25, "read x0", r, 0);
  __asm__ volatile("fence\n\tfence rw, rw\n\tmv %0, %1" : "=r"(r) : "r"(value));
  isa_check(26, "fence is a no-op", r, value);

  isa_flush();
  return isa_first_failure;
}
