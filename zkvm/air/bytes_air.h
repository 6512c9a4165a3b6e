// The bytes table of the RV32IM AIR (docs/rv32im-air.md §4 "bytes"): 2^16
// rows, row v holding v, its low byte a = v & 255 and a op b for the byte
// pair (a, b = v >> 8) as preprocessed columns. A taller table (so that it
// meets a FRI layer of the tallest one) repeats row 0's entry (v = 0), a
// valid entry of every kind, on its extra rows. It receives range16 (v),
// split (v, a) and bitop (op, v, a, a op b) messages, one multiplicity
// column per message kind.
#pragma once

#include <cstdint>
#include <span>

#include "src/air/table.h"
#include "zkvm/air/bus.h"
#include "zkvm/air/public_inputs.h"

namespace baobab::zkvm::rv {

class BytesAir : public BusAux<BytesAir> {
 public:
  static constexpr int kLogRows = 16;  // the smallest height

  explicit BytesAir(int log_rows = kLogRows);
  static constexpr uint64_t kMessages = 5;
  // Preprocessed columns.
  static constexpr uint64_t kPreV = 0;
  static constexpr uint64_t kPreLow = 1;
  static constexpr uint64_t kPreAnd = 2;
  static constexpr uint64_t kPreOr = 3;
  static constexpr uint64_t kPreXor = 4;
  static constexpr uint64_t kNumPre = 5;
  // Main columns: one multiplicity per message, in message order.
  static constexpr uint64_t kMultRange = 0;
  static constexpr uint64_t kMultSplit = 1;
  static constexpr uint64_t kMultAnd = 2;
  static constexpr uint64_t kMultOr = 3;
  static constexpr uint64_t kMultXor = 4;
  static constexpr uint64_t kNumMain = 5;

  air::TableInfo info() const;

  template <class S>
  void eval(S& s) const {
    eval_bus(s, *this);
  }

  template <class S, class Emit>
  void interactions(S& s, Emit& emit) const {
    const auto v = s.preprocessed(kPreV);
    const auto low = s.preprocessed(kPreLow);
    const auto op = [&](uint64_t k) { return s.constant(Fp::from_u64(k)); };
    emit(-s.main(kMultRange), Tag::kRange16, {v});
    emit(-s.main(kMultSplit), Tag::kSplit, {v, low});
    emit(-s.main(kMultAnd), Tag::kBitOp, {op(kBitAnd), v, low, s.preprocessed(kPreAnd)});
    emit(-s.main(kMultOr), Tag::kBitOp, {op(kBitOr), v, low, s.preprocessed(kPreOr)});
    emit(-s.main(kMultXor), Tag::kBitOp, {op(kBitXor), v, low, s.preprocessed(kPreXor)});
  }

  void build_preprocessed(field::MatrixView out) const;
  int log_rows() const { return log_rows_; }

 private:
  int log_rows_;
};

}  // namespace baobab::zkvm::rv
