#include "src/dist/block_split.h"

#include <string>

namespace baobab::dist {

Result<BlockSplit> split_blocks(uint64_t units, uint64_t unit_rows, uint64_t ranks) {
  if (ranks == 0) return Error{ErrorCode::kInvalidArgument, "no ranks", "row split"};
  if (units < ranks) {
    return Error{
        ErrorCode::kInvalidArgument,
        std::to_string(units) + " blocks cannot be shared by " + std::to_string(ranks) + " ranks",
        "row split"};
  }
  // rank · units must not overflow in first_unit().
  if (units > UINT64_MAX / ranks || (unit_rows != 0 && units > UINT64_MAX / unit_rows)) {
    return Error{ErrorCode::kResourceLimit, "sizes overflow 64 bits", "row split"};
  }
  return BlockSplit{units, unit_rows, ranks};
}

}  // namespace baobab::dist
