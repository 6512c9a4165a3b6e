// Test helpers for the zkVM: a tiny RV32IM encoder (R/I/S/B/U/J formats) to
// write guest programs in C++, a way to wrap them as a Program, and a minimal
// ELF32 writer so the loader is tested on files we control byte by byte.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "zkvm/executor.h"
#include "zkvm/program.h"

namespace baobab::zkvm::testing {

// ABI register numbers used by the tests.
inline constexpr uint32_t kZero = 0, kRa = 1, kSp = 2, kT0 = 5, kT1 = 6, kT2 = 7, kA0 = 10,
                          kA1 = 11, kA2 = 12, kA7 = 17, kS1 = 9;

inline constexpr uint32_t kCodeBase = 0x1000;
inline constexpr uint32_t kDataBase = 0x20000;
inline constexpr uint32_t kDataSize = 0x10000;

class Asm {
 public:
  // ----------------------------------------------------------- formats
  static uint32_t r(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd,
                    uint32_t op) {
    return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
  }
  static uint32_t i(int32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op) {
    return ((static_cast<uint32_t>(imm) & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
  }
  static uint32_t s(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t op) {
    const auto u = static_cast<uint32_t>(imm);
    return (((u >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((u & 31) << 7) |
           op;
  }
  static uint32_t b(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3) {
    const auto u = static_cast<uint32_t>(imm);
    return (((u >> 12) & 1) << 31) | (((u >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) |
           (f3 << 12) | (((u >> 1) & 0xf) << 8) | (((u >> 11) & 1) << 7) | 0x63;
  }
  static uint32_t u(uint32_t imm, uint32_t rd, uint32_t op) {
    return (imm & 0xfffff000u) | (rd << 7) | op;
  }
  static uint32_t j(int32_t imm, uint32_t rd) {
    const auto u = static_cast<uint32_t>(imm);
    return (((u >> 20) & 1) << 31) | (((u >> 1) & 0x3ff) << 21) | (((u >> 11) & 1) << 20) |
           (((u >> 12) & 0xff) << 12) | (rd << 7) | 0x6f;
  }

  // ----------------------------------------------------------- instructions
  Asm& emit(uint32_t word) {
    words.push_back(word);
    return *this;
  }
  // Byte offset of the next instruction from the start of the code.
  int32_t here() const { return static_cast<int32_t>(words.size() * 4); }

  Asm& lui(uint32_t rd, uint32_t imm) { return emit(u(imm, rd, 0x37)); }
  Asm& auipc(uint32_t rd, uint32_t imm) { return emit(u(imm, rd, 0x17)); }
  Asm& jal(uint32_t rd, int32_t offset) { return emit(j(offset, rd)); }
  Asm& jalr(uint32_t rd, uint32_t rs1, int32_t imm) { return emit(i(imm, rs1, 0, rd, 0x67)); }
  Asm& branch(uint32_t f3, uint32_t rs1, uint32_t rs2, int32_t offset) {
    return emit(b(offset, rs2, rs1, f3));
  }
  Asm& load(uint32_t f3, uint32_t rd, uint32_t rs1, int32_t imm) {
    return emit(i(imm, rs1, f3, rd, 0x03));
  }
  Asm& store(uint32_t f3, uint32_t rs2, uint32_t rs1, int32_t imm) {
    return emit(s(imm, rs2, rs1, f3, 0x23));
  }
  Asm& op_imm(uint32_t f3, uint32_t rd, uint32_t rs1, int32_t imm) {
    return emit(i(imm, rs1, f3, rd, 0x13));
  }
  Asm& op(uint32_t f7, uint32_t f3, uint32_t rd, uint32_t rs1, uint32_t rs2) {
    return emit(r(f7, rs2, rs1, f3, rd, 0x33));
  }
  Asm& addi(uint32_t rd, uint32_t rs1, int32_t imm) { return op_imm(0, rd, rs1, imm); }
  Asm& add(uint32_t rd, uint32_t rs1, uint32_t rs2) { return op(0, 0, rd, rs1, rs2); }
  Asm& lw(uint32_t rd, uint32_t rs1, int32_t imm) { return load(2, rd, rs1, imm); }
  Asm& sw(uint32_t rs2, uint32_t rs1, int32_t imm) { return store(2, rs2, rs1, imm); }
  Asm& ecall() { return emit(0x00000073); }
  // Always two instructions (lui + addi), so offsets stay predictable.
  Asm& li(uint32_t rd, uint32_t value) {
    const uint32_t low = value & 0xfff;
    const uint32_t high = (value + 0x800) & 0xfffff000u;
    lui(rd, high);
    return addi(rd, rd, static_cast<int32_t>(low << 20) >> 20);
  }
  Asm& syscall(uint32_t number) {
    li(kA7, number);
    return ecall();
  }
  Asm& exit(uint32_t code) {
    li(kA0, code);
    return syscall(kSysExit);
  }

  std::vector<uint32_t> words;
};

inline std::vector<uint8_t> to_bytes(const std::vector<uint32_t>& words) {
  std::vector<uint8_t> bytes(words.size() * 4);
  std::memcpy(bytes.data(), words.data(), bytes.size());
  return bytes;
}

// Code at kCodeBase (R+X), a zeroed R+W data segment at kDataBase.
inline Program make_test_program(const Asm& code, std::vector<uint8_t> data = {}) {
  Segment text{kCodeBase, static_cast<uint32_t>(code.words.size() * 4),
               kSegmentRead | kSegmentExecute, to_bytes(code.words)};
  Segment rw{kDataBase, kDataSize, kSegmentRead | kSegmentWrite, std::move(data)};
  auto program = make_program(kCodeBase, {text, rw});
  if (!program) throw std::runtime_error(program.error().to_string());
  return std::move(program).value();
}

// ----------------------------------------------------------- ELF writer
struct ElfSegment {
  uint32_t type = 1;  // PT_LOAD
  uint32_t vaddr = 0;
  uint32_t memsz = 0;
  uint32_t flags = 0;
  std::vector<uint8_t> data;
};

struct ElfSpec {
  uint8_t elf_class = 1;
  uint8_t data_encoding = 1;
  uint16_t type = 2;
  uint16_t machine = 243;
  uint32_t flags = 0;
  uint32_t entry = kCodeBase;
  std::vector<ElfSegment> segments;
};

inline void put16(std::vector<uint8_t>& out, size_t at, uint32_t v) {
  out[at] = static_cast<uint8_t>(v);
  out[at + 1] = static_cast<uint8_t>(v >> 8);
}
inline void put32(std::vector<uint8_t>& out, size_t at, uint32_t v) {
  for (int k = 0; k < 4; ++k) out[at + static_cast<size_t>(k)] = static_cast<uint8_t>(v >> (8 * k));
}

// Header, program headers right after it, then each segment's bytes.
inline std::vector<uint8_t> make_elf(const ElfSpec& spec) {
  const size_t phoff = 52;
  size_t offset = phoff + 32 * spec.segments.size();
  std::vector<uint8_t> out(offset, 0);
  out[0] = 0x7f;
  out[1] = 'E';
  out[2] = 'L';
  out[3] = 'F';
  out[4] = spec.elf_class;
  out[5] = spec.data_encoding;
  out[6] = 1;
  put16(out, 16, spec.type);
  put16(out, 18, spec.machine);
  put32(out, 20, 1);
  put32(out, 24, spec.entry);
  put32(out, 28, static_cast<uint32_t>(phoff));
  put32(out, 36, spec.flags);
  put16(out, 40, 52);
  put16(out, 42, 32);
  put16(out, 44, static_cast<uint32_t>(spec.segments.size()));
  for (size_t k = 0; k < spec.segments.size(); ++k) {
    const ElfSegment& seg = spec.segments[k];
    const size_t at = phoff + 32 * k;
    put32(out, at, seg.type);
    put32(out, at + 4, static_cast<uint32_t>(offset));
    put32(out, at + 8, seg.vaddr);
    put32(out, at + 12, seg.vaddr);
    put32(out, at + 16, static_cast<uint32_t>(seg.data.size()));
    put32(out, at + 20, seg.memsz);
    put32(out, at + 24, seg.flags);
    put32(out, at + 28, 4096);
    out.insert(out.end(), seg.data.begin(), seg.data.end());
    offset += seg.data.size();
  }
  return out;
}

// A valid ELF: the code of `code` at kCodeBase, a .data word and a .bss tail.
inline ElfSpec make_elf_spec(const Asm& code) {
  ElfSpec spec;
  spec.segments.push_back({1, kCodeBase, static_cast<uint32_t>(code.words.size() * 4),
                           kSegmentRead | kSegmentExecute, to_bytes(code.words)});
  spec.segments.push_back({1, kDataBase, 0x2000, kSegmentRead | kSegmentWrite, {1, 2, 3, 4}});
  spec.segments.push_back({0x70000003, 0, 0, kSegmentRead, {'r', 'v'}});  // PT_RISCV_ATTRIBUTES
  return spec;
}

}  // namespace baobab::zkvm::testing
