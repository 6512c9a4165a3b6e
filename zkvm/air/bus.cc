#include "zkvm/air/bus.h"

#include <algorithm>
#include <cstdio>

#include "src/common/simd_level.h"
#include "src/field/batch_inverse.h"

namespace baobab::zkvm::rv {

std::string_view bus_pair_name(uint64_t j) {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (uint64_t i = 0; i < kMaxMessagesPerRow; ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "bus.pair.%02llu", static_cast<unsigned long long>(i));
      out.emplace_back(buf);
    }
    return out;
  }();
  BAOBAB_CHECK(j < names.size(), "bus_pair_name: index");
  return names[j];
}

namespace {

Fp3 compress(const air::ConstraintInputs& inputs, const Message<Fp>& m) {
  Fp3 acc = inputs.challenges[kChallengeGamma] -
            (m.tag_is_column ? m.tag_column : Fp::from_u64(uint64_t(m.tag)));
  for (uint64_t k = 0; k < m.count; ++k) acc = acc - inputs.challenges[1 + k] * m.fields[k];
  return acc;
}

}  // namespace

Fp3 build_bus_aux(const BusRowsFn& fn, uint64_t num_messages, const air::TraceView& trace,
                  const air::ConstraintInputs& inputs, field::MatrixView aux_out) {
  return build_bus_aux_rows(fn, num_messages, trace, inputs, aux_out.rows, 0, aux_out);
}

Fp3 build_bus_aux_rows(const BusRowsFn& fn, uint64_t num_messages, const air::TraceView& trace,
                       const air::ConstraintInputs& inputs, uint64_t table_rows, uint64_t first_row,
                       field::MatrixView aux_out) {
  const uint64_t rows = aux_out.rows;
  BAOBAB_CHECK(first_row <= table_rows && rows <= table_rows - first_row,
               "build_bus_aux: rows outside the table");
  const uint64_t pairs = (num_messages + 1) / 2;
  BAOBAB_CHECK(aux_out.cols == air::kAuxCoordinates * (pairs + 1), "build_bus_aux: aux shape");
  BAOBAB_CHECK(inputs.challenges.size() >= kBusChallenges, "build_bus_aux: challenges");
  constexpr uint64_t kBlock = 1024;
  const uint64_t blocks = (rows + kBlock - 1) / kBlock;
  std::vector<Fp3> block_sums(blocks);
  const auto set = [&](uint64_t row, uint64_t column, const Fp3& v) {
    for (uint64_t c = 0; c < air::kAuxCoordinates; ++c) {
      aux_out.at(row, air::kAuxCoordinates * column + c) = v[static_cast<int>(c)];
    }
  };
#pragma omp parallel
  {
    std::vector<Fp3> den;
    std::vector<Fp> mult;
    std::vector<uint64_t> slot;
    constexpr uint64_t kIdle = ~uint64_t{0};
    MessageList<Fp> messages;
    const air::ConstraintInputs no_inputs{};
    TraceRowReader reader(trace, no_inputs, table_rows);
    const bool packed = fn.block_avx512 != nullptr && active_simd_level() == SimdLevel::kAvx512;
#pragma omp for schedule(static)
    for (uint64_t b = 0; b < blocks; ++b) {
      const uint64_t first = b * kBlock;
      const uint64_t count = std::min(kBlock, rows - first);
      if (packed && count % 8 == 0) {
        block_sums[b] = fn.block_avx512(fn.table, trace, inputs, table_rows, first_row + first,
                                        aux_out.row_block(first, count));
        continue;
      }
      // Only messages with a non-zero multiplicity are compressed and
      // inverted (most cpu messages are idle on most rows).
      mult.assign(count * num_messages, Fp::zero());
      slot.assign(count * num_messages, kIdle);
      den.clear();
      for (uint64_t i = 0; i < count; ++i) {
        reader.at(first_row + first + i);
        messages.clear();
        fn.messages(fn.table, reader, messages);
        BAOBAB_CHECK(messages.size() == num_messages, "build_bus_aux: message count changed");
        for (uint64_t k = 0; k < num_messages; ++k) {
          if (messages[k].multiplicity.is_zero()) continue;
          slot[i * num_messages + k] = den.size();
          den.push_back(compress(inputs, messages[k]));
          mult[i * num_messages + k] = messages[k].multiplicity;
        }
      }
      field::batch_inverse(den, den);
      const auto term = [&](uint64_t at) {
        return slot[at] == kIdle ? Fp3::zero() : den[slot[at]] * mult[at];
      };
      Fp3 sum = Fp3::zero();
      for (uint64_t i = 0; i < count; ++i) {
        for (uint64_t j = 0; j < pairs; ++j) {
          const uint64_t a = i * num_messages + 2 * j;
          Fp3 h = term(a);
          if (2 * j + 1 < num_messages) h += term(a + 1);
          set(first + i, j, h);
          sum += h;
        }
      }
      block_sums[b] = sum;
    }
  }
  // Running sum: sequential over blocks, parallel inside them.
  std::vector<Fp3> block_start(blocks);
  Fp3 total = Fp3::zero();
  for (uint64_t b = 0; b < blocks; ++b) {
    block_start[b] = total;
    total += block_sums[b];
  }
#pragma omp parallel for schedule(static)
  for (uint64_t b = 0; b < blocks; ++b) {
    const uint64_t first = b * kBlock;
    const uint64_t count = std::min(kBlock, rows - first);
    Fp3 acc = block_start[b];
    for (uint64_t i = 0; i < count; ++i) {
      for (uint64_t j = 0; j < pairs; ++j) {
        const uint64_t base = air::kAuxCoordinates * j;
        acc += Fp3{aux_out.at(first + i, base), aux_out.at(first + i, base + 1),
                   aux_out.at(first + i, base + 2)};
      }
      set(first + i, pairs, acc);
    }
  }
  return total;
}

}  // namespace baobab::zkvm::rv
