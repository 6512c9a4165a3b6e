// The program the zkVM proof fuzzer verifies against: write(1, "ok", 2) and
// exit(0), small enough that every table has its minimum height.
#pragma once

#include <cstdint>
#include <vector>

#include "tests/zkvm/rv32_asm.h"

namespace baobab::zkvm::fuzzing {

inline Program fuzz_program() {
  using namespace testing;
  Asm code;
  code.li(kT0, kDataBase).li(kT1, 0x6b6f).sw(kT1, kT0, 0);
  code.li(kA0, 1).li(kA1, kDataBase).li(kA2, 2).syscall(kSysWrite);
  code.exit(0);
  return make_test_program(code);
}

inline std::vector<uint8_t> fuzz_output() {
  return {'o', 'k'};
}

}  // namespace baobab::zkvm::fuzzing
