// Helpers for the zkVM table tests: a generic sender AIR whose rows hold
// arbitrary bus messages, a runner that builds a table's preprocessed and
// aux columns and runs the debug checker, and a small hand-made program.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "src/air/air.h"
#include "src/air/debug_checker.h"
#include "zkvm/air/bus.h"
#include "zkvm/air/public_inputs.h"
#include "zkvm/air/table_trace.h"
#include "zkvm/program.h"

namespace baobab::zkvm::rv::testing {

// N message slots per row, slot i of tag tags[i]: main columns 9i (the
// multiplicity) and 9i + 1 .. 9i + 8 (the fields).
template <uint64_t N>
class TestSenderAir {
 public:
  static constexpr uint64_t kMessages = N;
  static constexpr uint64_t kSlotCols = 1 + kBusFields;

  TestSenderAir(std::array<Tag, N> tags, int log_rows) : tags_(tags), log_rows_(log_rows) {}

  air::TableInfo info() const {
    air::TableInfo info;
    info.name = "test.sender";
    info.log_rows = log_rows_;
    info.num_main = N * kSlotCols;
    info.num_aux = bus_aux_columns(kMessages);
    info.num_challenges = kBusChallenges;
    info.num_public_inputs = kNumPublicInputs;
    info.num_aux_values = 1;
    return info;
  }
  template <class S>
  void eval(S& s) const {
    eval_bus(s, *this);
  }
  template <class S, class Emit>
  void interactions(S& s, Emit& emit) const {
    for (uint64_t i = 0; i < N; ++i) {
      const auto f = [&](uint64_t k) { return s.main(i * kSlotCols + 1 + k); };
      emit(s.main(i * kSlotCols), tags_[i], {f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7)});
    }
  }
  void build_aux(const air::TraceView& trace, const air::ConstraintInputs& inputs,
                 field::MatrixView aux_out, std::span<Fp3> aux_values_out) const {
    aux_values_out[kAuxValueBusSum] = build_bus_aux(*this, trace, inputs, aux_out);
  }

  // Writes message `slot` of `row`: multiplicity (may be negative) and fields.
  static void put(TableTrace& t, uint64_t row, uint64_t slot, int64_t mult,
                  std::initializer_list<uint64_t> fields) {
    const Fp m = mult >= 0 ? Fp::from_u64(static_cast<uint64_t>(mult))
                           : -Fp::from_u64(static_cast<uint64_t>(-mult));
    t.at(row, slot * kSlotCols) = m;
    uint64_t k = 0;
    for (uint64_t f : fields) t.set(row, slot * kSlotCols + 1 + k++, f);
  }

 private:
  std::array<Tag, N> tags_;
  int log_rows_;
};

struct TableRun {
  std::optional<air::ConstraintFailure> failure;
  Fp3 bus_sum;
};

// Builds preprocessed and aux columns of `air` over `main` with the given
// challenges, runs the debug checker and returns its verdict and the bus sum.
inline TableRun run_table(const air::Air& air, const TableTrace& main,
                          const std::vector<Fp3>& challenges) {
  const air::TableInfo& info = air.info();
  TableTrace pre(info.log_rows, info.num_preprocessed);
  air.build_preprocessed(pre.view());
  TableTrace aux(info.log_rows, info.num_aux_base_columns());
  std::vector<Fp3> values(info.num_aux_values);
  const std::vector<Fp> pub(kNumPublicInputs, Fp::zero());
  air::ConstraintInputs inputs{pub, challenges, {}};
  const TableTrace& cpre = pre;
  air.build_aux({main.view(), cpre.view(), {}}, inputs, aux.view(), values);
  inputs.aux_values = values;
  const TableTrace& caux = aux;
  const air::TraceView view{main.view(), cpre.view(), caux.view()};
  return {air::find_first_failure(air, view, inputs), values[kAuxValueBusSum]};
}

inline std::vector<Fp3> random_challenges(uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Fp3> out;
  for (uint64_t i = 0; i < kBusChallenges; ++i) {
    const Fp a = Fp::from_u64(rng()), b = Fp::from_u64(rng()), c = Fp::from_u64(rng());
    out.push_back(Fp3{a, b, c});
  }
  return out;
}

inline std::vector<uint8_t> le_words(const std::vector<uint32_t>& words) {
  std::vector<uint8_t> out;
  for (uint32_t w : words) {
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<uint8_t>(w >> (8 * k)));
  }
  return out;
}

// Code at 0x1000: addi x5, x0, 7; add x6, x5, x5; an illegal word; ecall.
// Data: 10 bytes at 0x3002 (unaligned: words 0x3000..0x3008), memsz 0x20.
inline constexpr uint32_t kTestCode = 0x1000;
inline constexpr uint32_t kTestData = 0x3002;
inline Program test_program() {
  const uint32_t addi = (7u << 20) | (5u << 7) | 0x13;
  const uint32_t add = (5u << 20) | (5u << 15) | (6u << 7) | 0x33;
  Segment code{kTestCode, 16, kSegmentRead | kSegmentExecute,
               le_words({addi, add, 0xffffffffu, 0x73})};
  Segment data{kTestData, 0x20, kSegmentRead | kSegmentWrite, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}};
  Result<Program> p = make_program(kTestCode, {code, data});
  BAOBAB_CHECK(p.ok(), "test_program: make_program failed");
  return std::move(p).value();
}

}  // namespace baobab::zkvm::rv::testing
