// MemoryTracker: the witness side of offline memory checking
// (docs/rv32im-air.md §4). The witness builder replays every access of the
// execution in timestamp order; each access returns the cell's previous value
// and timestamp (what the access's "read" message carries) and records the
// new ones. At the end, final_states() lists every touched cell with its last
// value and timestamp (what the boundary tables read back).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

#include "zkvm/air/bus.h"

namespace baobab::zkvm::rv {

struct CellState {
  uint32_t value = 0;
  uint64_t ts = 0;
};

class MemoryTracker {
 public:
  // initial_word(cell): the initial value of RAM word `cell` (0 outside the image).
  MemoryTracker(std::array<uint32_t, kNumRegisters> initial_registers,
                std::function<uint32_t(uint64_t)> initial_word)
      : initial_state_([word = std::move(initial_word)](uint64_t cell) {
          return CellState{word(cell), 0};
        }) {
    for (uint64_t r = 0; r < kNumRegisters; ++r) registers_[r] = {initial_registers[r], 0};
  }
  // A tracker resuming mid-execution (a rank's replay from a snapshot): the
  // registers' states and, per RAM cell on first touch, its state then.
  MemoryTracker(const std::array<CellState, kNumRegisters>& registers,
                std::function<CellState(uint64_t)> initial_state)
      : registers_(registers), initial_state_(std::move(initial_state)) {}

  // An access at `ts` leaving `value` in `cell`; returns the state before it.
  CellState access(uint64_t cell, uint32_t value, uint64_t ts) {
    CellState& state = lookup(cell);
    const CellState before = state;
    state = {value, ts};
    return before;
  }
  // A read: the value stays; returns the state before (its value is the read value).
  CellState read(uint64_t cell, uint64_t ts) {
    CellState& state = lookup(cell);
    const CellState before = state;
    state.ts = ts;
    return before;
  }
  CellState peek(uint64_t cell) { return lookup(cell); }
  // Sets a cell's state (merging the ranks' final states).
  void restore(uint64_t cell, CellState state) { lookup(cell) = state; }

  const std::array<CellState, kNumRegisters>& registers() const { return registers_; }
  // Touched RAM cells (4-aligned byte addresses) and their final states.
  const std::unordered_map<uint64_t, CellState>& ram() const { return ram_; }

 private:
  CellState& lookup(uint64_t cell) {
    if (cell >= kRegisterCellBase) return registers_.at(cell - kRegisterCellBase);
    auto [it, inserted] = ram_.try_emplace(cell);
    if (inserted) it->second = initial_state_(cell);
    return it->second;
  }

  std::array<CellState, kNumRegisters> registers_{};
  std::unordered_map<uint64_t, CellState> ram_;
  std::function<CellState(uint64_t)> initial_state_;
};

}  // namespace baobab::zkvm::rv
