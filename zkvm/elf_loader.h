// ELF loader for RV32IM guests (DESIGN §1): a 32-bit little-endian RISC-V
// ET_EXEC file becomes a Program. Only PT_LOAD segments are loaded (toolchains
// also emit PT_RISCV_ATTRIBUTES, PT_GNU_STACK, ...); .bss is zero-filled.
// Every malformed input gives an Error with code kMalformedInput whose message
// names the problem and whose context is "ELF" — never a crash, whatever the
// bytes (covered by tests/fuzz/elf_loader_fuzz.cc). Called by `baobab run` and
// the prover.
#pragma once

#include <cstdint>
#include <span>

#include "src/common/result.h"
#include "zkvm/program.h"

namespace baobab::zkvm {

inline constexpr uint16_t kEmRiscv = 243;
inline constexpr uint32_t kEfRiscvRvc = 0x1;
inline constexpr uint32_t kEfRiscvFloatAbi = 0x6;
inline constexpr uint32_t kEfRiscvRve = 0x8;

Result<Program> load_elf(std::span<const uint8_t> file);

}  // namespace baobab::zkvm
