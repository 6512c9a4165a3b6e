// libFuzzer target: arbitrary bytes as a zkVM proof container of a small
// fixed program (tests/zkvm/rv32_asm.h). Parsing must return an Error or a
// proof, and verifying any parsed proof an outcome — never a crash, a hang,
// an out-of-bounds read or a huge allocation from forged table heights. Run
// by scripts/fuzz.sh with an honest proof as seed.
#include <cstddef>
#include <cstdint>
#include <span>

#include "tests/fuzz/zkvm_fuzz_program.h"
#include "zkvm/air/zkvm_prover.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const baobab::zkvm::Program program = baobab::zkvm::fuzzing::fuzz_program();
  static const std::vector<uint8_t> output = baobab::zkvm::fuzzing::fuzz_output();
  auto proof =
      baobab::zkvm::parse_zkvm_proof(program, {}, output, 0, std::span<const uint8_t>(data, size));
  if (!proof) return 0;
  baobab::params::SecurityLevel level;
  level.min_proven_bits = 0;
  (void)baobab::zkvm::verify_program(program, {}, output, 0, proof.value(), level);
  return 0;
}
