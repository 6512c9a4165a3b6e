// The LogUp h-columns of eval_bus() (bus.h) for eight trace rows at a time,
// one per AVX-512 lane: the table's interactions() run with Base = PackedFp,
// every message is compressed to γ - (tag + Σ β_k f_k), the denominators of
// a batch of rows are inverted together (Montgomery's trick, lane-wise), and
// h_j = m_a/d_a + m_b/d_b is written per pair. Values equal the scalar
// build_bus_aux_rows() exactly; tests/zkvm/air/cpu_air_packed_test.cc
// compares them.
//
// Include only from *_avx512.cc files (STYLE §9). A bus table opts in by
// declaring build_bus_block_avx512() (see CpuAir); bus.cc calls it when the
// CPU has AVX-512.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "src/air/packed_rows_avx512.h"
#include "src/air/table.h"
#include "src/field/simd/avx512_packed.h"
#include "zkvm/air/bus.h"

namespace baobab::zkvm::rv {

// Rows [first_row, first_row + aux_block.rows) of the h-columns (aux
// columns 0 .. pairs-1, as build_bus_aux_rows() writes them); returns the
// sum of every h over those rows. aux_block.rows must be a multiple of 8.
template <class Table>
Fp3 fill_bus_block_packed(const Table& table, const air::TraceView& trace,
                          const air::ConstraintInputs& inputs, uint64_t table_rows,
                          uint64_t first_row, field::MatrixView aux_block) {
  using field::avx512::PackedFp;
  using field::avx512::PackedFp3;
  constexpr uint64_t kLanes = air::PackedRows::kLanes;
  constexpr uint64_t kMessages = Table::kMessages;
  constexpr uint64_t kPairs = (kMessages + 1) / 2;
  // Groups of eight rows inverted together: den and prefix products of 32
  // groups stay within L2.
  constexpr uint64_t kGroupsPerBatch = 32;
  BAOBAB_CHECK(aux_block.rows % kLanes == 0, "fill_bus_block_packed: rows not a multiple of 8");
  BAOBAB_CHECK(aux_block.cols == air::kAuxCoordinates * (kPairs + 1),
               "fill_bus_block_packed: aux shape");

  std::array<PackedFp3, kBusChallenges> challenge;
  for (uint64_t i = 0; i < kBusChallenges; ++i)
    challenge[i] = PackedFp3::splat(inputs.challenges[i]);
  thread_local std::vector<PackedFp3> den;
  thread_local std::vector<PackedFp3> prefix;
  thread_local std::vector<PackedFp> mult;
  den.resize(kGroupsPerBatch * kMessages);
  prefix.resize(kGroupsPerBatch * kMessages);
  mult.resize(kGroupsPerBatch * kMessages);
  MessageList<PackedFp> messages;
  thread_local air::PackedWindow window;
  PackedFp3 total = PackedFp3::zero();
  const PackedFp one = PackedFp::splat(Fp::one());
  const uint64_t groups = aux_block.rows / kLanes;

  for (uint64_t g0 = 0; g0 < groups; g0 += kGroupsPerBatch) {
    const uint64_t batch = std::min(kGroupsPerBatch, groups - g0);
    const uint64_t count = batch * kMessages;
    air::PackedRows reader(window.load(trace, table_rows, first_row + g0 * kLanes, batch * kLanes),
                           1);
    for (uint64_t g = 0; g < batch; ++g) {
      reader.at(first_row + (g0 + g) * kLanes);
      messages.clear();
      table.interactions(reader, messages);
      BAOBAB_CHECK(messages.size() == kMessages, "fill_bus_block_packed: message count changed");
      for (uint64_t k = 0; k < kMessages; ++k) {
        const Message<PackedFp>& m = messages[k];
        PackedFp3 d =
            challenge[kChallengeGamma] -
            (m.tag_is_column ? m.tag_column : PackedFp::splat(Fp::from_u64(uint64_t(m.tag))));
        for (uint64_t f = 0; f < m.count; ++f) d = d - challenge[1 + f] * m.fields[f];
        // An idle lane's term is zero whatever its denominator: invert 1
        // there, so the lanes need exactly the inversions the scalar path
        // does (it skips idle messages).
        const __mmask8 idle = _mm512_cmpeq_epi64_mask(m.multiplicity.v, _mm512_setzero_si512());
        d.c0.v = _mm512_mask_mov_epi64(d.c0.v, idle, one.v);
        d.c1.v = _mm512_maskz_mov_epi64(static_cast<__mmask8>(~idle), d.c1.v);
        d.c2.v = _mm512_maskz_mov_epi64(static_cast<__mmask8>(~idle), d.c2.v);
        den[g * kMessages + k] = d;
        mult[g * kMessages + k] = m.multiplicity;
      }
    }
    // Montgomery's trick per lane: prefix products, one inversion per lane.
    PackedFp3 acc = PackedFp3::splat(Fp3::one());
    for (uint64_t i = 0; i < count; ++i) {
      prefix[i] = acc;
      acc = acc * den[i];
    }
    PackedFp3 inv = acc;
    {
      alignas(64) std::array<std::array<uint64_t, kLanes>, 3> lanes;
      for (uint64_t k = 0; k < kLanes; ++k) {
        const Fp3 lane_inverse = acc.lane(k).inverse();
        for (int c = 0; c < 3; ++c) lanes[static_cast<size_t>(c)][k] = lane_inverse[c].value();
      }
      inv.c0.v = _mm512_load_si512(lanes[0].data());
      inv.c1.v = _mm512_load_si512(lanes[1].data());
      inv.c2.v = _mm512_load_si512(lanes[2].data());
    }
    for (uint64_t i = count; i-- > 0;) {
      const PackedFp3 d = den[i];
      den[i] = inv * prefix[i];  // 1/den[i]
      inv = inv * d;
    }
    // h_j = m_a/d_a + m_b/d_b, eight rows per store.
    for (uint64_t g = 0; g < batch; ++g) {
      const uint64_t local = (g0 + g) * kLanes;
      for (uint64_t j = 0; j < kPairs; ++j) {
        const uint64_t a = g * kMessages + 2 * j;
        PackedFp3 h = den[a] * mult[a];
        if (2 * j + 1 < kMessages) h = h + den[a + 1] * mult[a + 1];
        total = total + h;
        const uint64_t col = air::kAuxCoordinates * j;
        field::avx512::store(&aux_block.at(local, col), h.c0.v);
        field::avx512::store(&aux_block.at(local, col + 1), h.c1.v);
        field::avx512::store(&aux_block.at(local, col + 2), h.c2.v);
      }
    }
  }
  Fp3 sum = Fp3::zero();
  for (uint64_t k = 0; k < kLanes; ++k) sum += total.lane(k);
  return sum;
}

}  // namespace baobab::zkvm::rv
