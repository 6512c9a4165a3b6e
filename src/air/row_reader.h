// RowReader: the value accessors that the row-at-a-time sinks share (the
// debug checker's DebugRowSink over the trace, the prover's LdeRowSink over
// the LDE). `Views` is TraceView or LdeView: anything with `main`,
// `preprocessed` and `aux` column views. A sink derives from it, moves it to
// a row with move_to(row, next) and adds its own assert_zero().
#pragma once

#include <cstdint>

#include "src/air/table.h"

namespace baobab::air {

// The accessors are forced inline: the AIRs' eval() bodies are large enough
// that the compiler would otherwise call them once per column read, which
// cost ~10% of the prover on the RV32IM AIR.
template <class Views>
class RowReader {
 public:
  using Base = Fp;
  using Ext = Fp3;

  [[gnu::always_inline]] Base main(uint64_t c) const { return views_.main.at(row_, c); }
  [[gnu::always_inline]] Base main_next(uint64_t c) const { return views_.main.at(next_, c); }
  [[gnu::always_inline]] Base preprocessed(uint64_t c) const {
    return views_.preprocessed.at(row_, c);
  }
  [[gnu::always_inline]] Base preprocessed_next(uint64_t c) const {
    return views_.preprocessed.at(next_, c);
  }
  [[gnu::always_inline]] Ext aux(uint64_t c) const { return aux_at(row_, c); }
  [[gnu::always_inline]] Ext aux_next(uint64_t c) const { return aux_at(next_, c); }
  [[gnu::always_inline]] Ext challenge(uint64_t i) const { return inputs_.challenges[i]; }
  [[gnu::always_inline]] Base public_input(uint64_t i) const { return inputs_.public_inputs[i]; }
  [[gnu::always_inline]] Ext aux_value(uint64_t i) const { return inputs_.aux_values[i]; }
  [[gnu::always_inline]] Base constant(Fp v) const { return v; }

 protected:
  RowReader(const Views& views, const ConstraintInputs& inputs) : views_(views), inputs_(inputs) {}

  void move_to(uint64_t row, uint64_t next) {
    row_ = row;
    next_ = next;
  }
  // Row `row` of a table of `rows` rows: a block view (first_row,
  // block_rows) holds its rows and the next one after them; a whole view
  // wraps from the last row to row 0.
  void move_to_row(uint64_t row, uint64_t rows) {
    if (views_.block_rows != 0) {
      move_to(row - views_.first_row, row - views_.first_row + 1);
    } else {
      move_to(row, row + 1 == rows ? 0 : row + 1);
    }
  }

 private:
  // An aux (Fp3) column is stored as three coordinate columns.
  [[gnu::always_inline]] Ext aux_at(uint64_t row, uint64_t c) const {
    const uint64_t first = kAuxCoordinates * c;
    return {views_.aux.at(row, first), views_.aux.at(row, first + 1),
            views_.aux.at(row, first + 2)};
  }

  const Views& views_;
  const ConstraintInputs& inputs_;
  uint64_t row_ = 0;
  uint64_t next_ = 0;
};

}  // namespace baobab::air
