// The public inputs of a zkVM proof (docs/rv32im-air.md §1): shared by all
// tables, absorbed into the transcript before any commitment.
#pragma once

#include <cstdint>

namespace baobab::zkvm::rv {

inline constexpr uint64_t kPubEntry = 0;         // entry point (first pc)
inline constexpr uint64_t kPubCycles = 1;        // T: executed instructions, exit included
inline constexpr uint64_t kPubExitCode = 2;      // a0 of the exit ecall (32 bits)
inline constexpr uint64_t kPubInputLength = 3;   // |I|
inline constexpr uint64_t kPubOutputLength = 4;  // |O|
inline constexpr uint64_t kPubInitialBrk = 5;    // the program break at the entry point
inline constexpr uint64_t kPubBrkLimit = 6;      // brk never grows past this address
inline constexpr uint64_t kPubProgramId = 7;     // 8 words: program_id as little-endian u32s
inline constexpr uint64_t kNumPublicInputs = 15;

}  // namespace baobab::zkvm::rv
