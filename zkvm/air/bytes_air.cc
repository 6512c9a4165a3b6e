#include "zkvm/air/bytes_air.h"

#include "src/common/check.h"

namespace baobab::zkvm::rv {

BytesAir::BytesAir(int log_rows) : log_rows_(log_rows) {
  BAOBAB_CHECK(log_rows >= kLogRows, "bytes: the table needs at least 2^16 rows");
}

air::TableInfo BytesAir::info() const {
  return bus_table_info("zkvm.bytes", log_rows_, kNumMain, kNumPre, kMessages);
}

void BytesAir::build_preprocessed(field::MatrixView out) const {
  BAOBAB_CHECK(out.rows == (uint64_t{1} << log_rows_) && out.cols == kNumPre, "bytes: shape");
  for (uint64_t v = 0; v < out.rows; ++v) {
    if (v >> kLogRows) {  // a copy of row 0
      for (uint64_t c = 0; c < kNumPre; ++c) out.at(v, c) = Fp::zero();
      continue;
    }
    const uint64_t a = v & 255, b = v >> 8;
    out.at(v, kPreV) = Fp::from_u64(v);
    out.at(v, kPreLow) = Fp::from_u64(a);
    out.at(v, kPreAnd) = Fp::from_u64(a & b);
    out.at(v, kPreOr) = Fp::from_u64(a | b);
    out.at(v, kPreXor) = Fp::from_u64(a ^ b);
  }
}

}  // namespace baobab::zkvm::rv
