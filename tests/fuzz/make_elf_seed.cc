// Writes a valid RV32IM ELF (code, .data, .bss, a PT_RISCV_ATTRIBUTES header)
// that reads its input, writes it out and exits: the seed corpus of
// elf_loader_fuzz. Usage: elf_loader_fuzz_seed OUT_FILE
#include <cstdio>

#include "tests/zkvm/rv32_asm.h"

int main(int argc, char** argv) {
  using namespace baobab::zkvm;
  using namespace baobab::zkvm::testing;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT_FILE\n", argv[0]);
    return 2;
  }
  Asm code;
  code.li(kS1, kDataBase).li(kA0, 3).add(kA1, kS1, 0).li(kA2, 16).syscall(kSysRead);
  code.add(kA2, kA0, 0).li(kA0, 1).add(kA1, kS1, 0).syscall(kSysWrite);
  code.lw(kA0, kS1, 0).syscall(kSysExit);
  const std::vector<uint8_t> elf = make_elf(make_elf_spec(code));
  FILE* out = std::fopen(argv[1], "wb");
  if (out == nullptr || std::fwrite(elf.data(), 1, elf.size(), out) != elf.size()) return 1;
  return std::fclose(out) == 0 ? 0 : 1;
}
