#include "zkvm/elf_loader.h"

#include <cstdio>
#include <string>
#include <vector>

namespace baobab::zkvm {

namespace {

constexpr size_t kEhdrSize = 52;
constexpr size_t kPhdrSize = 32;
constexpr uint32_t kPtLoad = 1;

Error elf_error(std::string message) {
  return Error{ErrorCode::kMalformedInput, std::move(message), "ELF"};
}

std::string hex(uint64_t value) {
  char buffer[24];
  std::snprintf(buffer, sizeof(buffer), "0x%llx", static_cast<unsigned long long>(value));
  return buffer;
}

uint16_t le16(std::span<const uint8_t> b, size_t at) {
  return static_cast<uint16_t>(b[at] | (b[at + 1] << 8));
}
uint32_t le32(std::span<const uint8_t> b, size_t at) {
  return uint32_t{b[at]} | (uint32_t{b[at + 1]} << 8) | (uint32_t{b[at + 2]} << 16) |
         (uint32_t{b[at + 3]} << 24);
}

}  // namespace

Result<Program> load_elf(std::span<const uint8_t> file) {
  if (file.size() < kEhdrSize) {
    return elf_error("file is " + std::to_string(file.size()) +
                     " bytes, shorter than the 52-byte ELF32 header (truncated?)");
  }
  if (file[0] != 0x7f || file[1] != 'E' || file[2] != 'L' || file[3] != 'F') {
    return elf_error("not an ELF file (bad magic)");
  }
  if (file[4] != 1) {
    return elf_error(file[4] == 2 ? "64-bit ELF (ELFCLASS64); an RV32 (ELFCLASS32) file is needed"
                                  : "invalid ELF class " + std::to_string(file[4]));
  }
  if (file[5] != 1) return elf_error("not little-endian (EI_DATA must be ELFDATA2LSB)");
  if (file[6] != 1) return elf_error("unsupported ELF identification version");
  const uint16_t type = le16(file, 16);
  if (type != 2) {
    return elf_error("ELF type " + std::to_string(type) +
                     " is not ET_EXEC (2): link a static executable");
  }
  const uint16_t machine = le16(file, 18);
  if (machine != kEmRiscv) {
    return elf_error("machine " + std::to_string(machine) + " is not RISC-V (EM_RISCV = 243)");
  }
  if (le32(file, 20) != 1) return elf_error("unsupported ELF version");
  const uint32_t entry = le32(file, 24);
  const uint32_t phoff = le32(file, 28);
  const uint32_t flags = le32(file, 36);
  if (flags & kEfRiscvRvc) {
    return elf_error(
        "compressed instructions (EF_RISCV_RVC) are not supported: build for rv32im, not rv32imc");
  }
  if (flags & kEfRiscvRve) return elf_error("RV32E (EF_RISCV_RVE) is not supported: use rv32im");
  if (flags & kEfRiscvFloatAbi) {
    return elf_error("hard-float ABI (e_flags " + hex(flags) +
                     ") is not supported: use -mabi=ilp32 (soft float)");
  }
  const uint16_t ehsize = le16(file, 40);
  const uint16_t phentsize = le16(file, 42);
  const uint16_t phnum = le16(file, 44);
  if (ehsize < kEhdrSize) return elf_error("e_ehsize " + std::to_string(ehsize) + " < 52");
  if (phnum == 0) return elf_error("no program headers (nothing to load)");
  if (phnum == 0xffff) return elf_error("extended program header numbering is not supported");
  if (phentsize != kPhdrSize) {
    return elf_error("program header size " + std::to_string(phentsize) + " is not 32");
  }
  if (uint64_t{phoff} + uint64_t{phnum} * kPhdrSize > file.size()) {
    return elf_error("program header table (offset " + hex(phoff) + ", " + std::to_string(phnum) +
                     " entries) runs past the end of the file (" + std::to_string(file.size()) +
                     " bytes)");
  }
  std::vector<Segment> segments;
  for (uint32_t i = 0; i < phnum; ++i) {
    const size_t at = phoff + size_t{i} * kPhdrSize;
    if (le32(file, at) != kPtLoad) continue;
    const uint32_t offset = le32(file, at + 4);
    const uint32_t vaddr = le32(file, at + 8);
    const uint32_t filesz = le32(file, at + 16);
    const uint32_t memsz = le32(file, at + 20);
    const uint32_t pflags = le32(file, at + 24);
    const std::string name = "PT_LOAD segment " + std::to_string(i) + " (vaddr " + hex(vaddr) + ")";
    if (filesz > memsz) {
      return elf_error(name + ": filesz " + std::to_string(filesz) + " > memsz " +
                       std::to_string(memsz));
    }
    if (uint64_t{offset} + filesz > file.size()) {
      return elf_error(name + ": file bytes [" + hex(offset) + ", " +
                       hex(uint64_t{offset} + filesz) + ") run past the end of the file (" +
                       std::to_string(file.size()) + " bytes)");
    }
    if (uint64_t{vaddr} + memsz > (uint64_t{1} << 32)) {
      return elf_error(name + ": memsz " + std::to_string(memsz) +
                       " extends past the 32-bit address space");
    }
    if (memsz == 0) continue;
    Segment s;
    s.vaddr = vaddr;
    s.memsz = memsz;
    s.flags = pflags & 7u;
    s.data.assign(file.begin() + offset, file.begin() + offset + filesz);
    segments.push_back(std::move(s));
  }
  if (segments.empty()) return elf_error("no PT_LOAD segment with memsz > 0");
  auto program = make_program(entry, std::move(segments));
  if (!program) return elf_error(program.error().message);
  return program;
}

}  // namespace baobab::zkvm
