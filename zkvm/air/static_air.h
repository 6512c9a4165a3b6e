// The static table of the RV32IM AIR (docs/rv32im-air.md §4 "static"): every
// lookup row the verifier knows in advance, as preprocessed columns
//   tag, f1..f8, fixed
// with one main multiplicity column. Rows, in order: the ROM (tag program),
// 32 powers of two (pow2), the gaps of the image (gap), one row per public
// input byte (public_in) and per public output byte (public_out, fixed = 1:
// received exactly once). Each row receives one message whose tag is the
// tag column; padding rows hold tag 0 and zeros, which no sender uses.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "src/air/table.h"
#include "zkvm/air/bus.h"
#include "zkvm/air/program_info.h"
#include "zkvm/air/public_inputs.h"

namespace baobab::zkvm::rv {

struct StaticRow {
  uint64_t tag = 0;
  std::array<Fp, kBusFields> fields{};  // unused fields are zero
  bool fixed = false;                   // multiplicity forced to 1
};

// The rows of the static table and an index from a sender's message to them.
struct StaticContent {
  std::vector<StaticRow> rows;
  // First row of each section.
  uint64_t rom_first = 0, pow2_first = 0, gap_first = 0, public_in_first = 0, public_out_first = 0;
  std::vector<uint32_t> rom_pcs;  // increasing
  std::vector<uint32_t> gap_los;  // increasing

  // The row whose message equals `m` (tag and every field), or nullopt.
  std::optional<uint64_t> find(const Message<Fp>& m) const;
};

StaticContent make_static_content(const ProgramInfo& info, std::span<const uint8_t> public_input,
                                  std::span<const uint8_t> public_output);

class StaticAir : public BusAux<StaticAir> {
 public:
  static constexpr uint64_t kMessages = 1;
  // Preprocessed columns.
  static constexpr uint64_t kPreTag = 0;
  static constexpr uint64_t kPreField0 = 1;  // f_k at kPreField0 + k
  static constexpr uint64_t kPreFixed = kPreField0 + kBusFields;
  static constexpr uint64_t kNumPre = kPreFixed + 1;
  // Main columns.
  static constexpr uint64_t kMult = 0;
  static constexpr uint64_t kNumMain = 1;

  // log_rows must fit content->rows.
  StaticAir(std::shared_ptr<const StaticContent> content, int log_rows);

  air::TableInfo info() const;

  template <class S>
  void eval(S& s) const {
    // A public output byte is received exactly once: no byte written twice
    // or never.
    s.assert_zero("static.fixed_mult", ConstraintKind::kEveryRow,
                  s.preprocessed(kPreFixed) * (s.main(kMult) - s.constant(Fp::one())));
    eval_bus(s, *this);
  }

  template <class S, class Emit>
  void interactions(S& s, Emit& emit) const {
    const auto f = [&](uint64_t k) { return s.preprocessed(kPreField0 + k); };
    emit.with_tag_column(-s.main(kMult), s.preprocessed(kPreTag),
                         {f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7)});
  }

  void build_preprocessed(field::MatrixView out) const;
  const StaticContent& content() const { return *content_; }

 private:
  std::shared_ptr<const StaticContent> content_;
  int log_rows_;
};

}  // namespace baobab::zkvm::rv
