// libFuzzer target: arbitrary bytes as an RV32IM ELF file. load_elf must
// return an Error or a Program — never crash, hang, or read out of bounds
// (the fuzz build runs with ASan and UBSan) — and a loaded program runs for a
// bounded number of cycles without harming the host, whatever it does.
// Run by scripts/fuzz.sh, seeded by elf_loader_fuzz_seed.
#include <cstddef>
#include <cstdint>
#include <span>

#include "zkvm/elf_loader.h"
#include "zkvm/executor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto program = baobab::zkvm::load_elf(std::span<const uint8_t>(data, size));
  if (!program) return 0;
  uint64_t code_bytes = 0;
  for (const auto& segment : program.value().segments) {
    if (segment.executable()) code_bytes += segment.memsz;
  }
  if (code_bytes > (uint64_t{1} << 20)) return 0;  // keep each input fast
  baobab::zkvm::ExecutionInputs inputs;
  inputs.public_input = {1, 2, 3, 4};
  inputs.private_input = {5, 6, 7};
  baobab::zkvm::ExecuteOptions options;
  options.max_cycles = 20000;
  options.max_output_bytes = 1 << 16;
  options.record_snapshots = true;
  (void)baobab::zkvm::execute(program.value(), inputs, options);
  return 0;
}
