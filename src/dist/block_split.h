// How rows are split over ranks (DESIGN §4), as plain arithmetic tested
// without MPI: `units` units of `unit_rows` rows each, rank r owning the
// contiguous units [r·units/R, (r+1)·units/R). Any R >= 1 works, powers of
// two or not; blocks differ by at most one unit.
#pragma once

#include <cstdint>

#include "src/common/result.h"

namespace baobab::dist {

struct BlockSplit {
  uint64_t units = 0;
  uint64_t unit_rows = 0;
  uint64_t ranks = 0;

  uint64_t first_unit(uint64_t rank) const { return rank * units / ranks; }
  uint64_t unit_count(uint64_t rank) const { return first_unit(rank + 1) - first_unit(rank); }
  uint64_t first_row(uint64_t rank) const { return first_unit(rank) * unit_rows; }
  uint64_t row_count(uint64_t rank) const { return unit_count(rank) * unit_rows; }
};

// An Error when there are fewer units than ranks (a rank would own nothing)
// or the sizes overflow 64 bits.
Result<BlockSplit> split_blocks(uint64_t units, uint64_t unit_rows, uint64_t ranks);

}  // namespace baobab::dist
