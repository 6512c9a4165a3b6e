#include "src/dist/distributed_fri.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>

#include "src/common/check.h"
#include "src/field/roots.h"
#include "src/fri/domain.h"
#include "src/fri/fold.h"
#include "src/fri/prover.h"
#include "src/merkle/opening.h"

namespace baobab::dist {

namespace {

std::span<const uint8_t> as_bytes(std::span<const Fp3> values) {
  return {reinterpret_cast<const uint8_t*>(values.data()), values.size() * sizeof(Fp3)};
}

void append_values(std::vector<Fp3>& out, std::span<const uint8_t> bytes) {
  BAOBAB_CHECK(bytes.size() % sizeof(Fp3) == 0, "DistributedFri: torn message");
  if (bytes.empty()) return;  // its data() may be null, which memcpy must not get
  const uint64_t at = out.size();
  out.resize(at + bytes.size() / sizeof(Fp3));
  std::memcpy(static_cast<void*>(out.data() + at), bytes.data(), bytes.size());
}

void add_scaled(std::span<Fp3> dst, std::span<const Fp3> src, const Fp3& weight) {
  BAOBAB_CHECK(dst.size() == src.size(), "DistributedFri: input block size");
  const auto count = static_cast<int64_t>(dst.size());
#pragma omp parallel for schedule(static) if (count >= fri::kParallelCosets)
  for (int64_t k = 0; k < count; ++k) {
    dst[static_cast<uint64_t>(k)] += weight * src[static_cast<uint64_t>(k)];
  }
}

}  // namespace

BlockSplit position_split(unsigned log_size, uint64_t ranks) {
  const uint64_t units = std::bit_ceil(ranks);
  BAOBAB_CHECK(log_size < 64 && (uint64_t{1} << log_size) >= units,
               "position_split: fewer positions than units");
  return BlockSplit{units, (uint64_t{1} << log_size) / units, ranks};
}

DistributedFri::DistributedFri(Communicator& comm, const fri::FriOptions& options,
                               unsigned log_domain_size, std::vector<Fp3> block,
                               const hash::Hasher& hasher)
    : comm_(comm), hasher_(hasher), codeword_(std::move(block)) {
  auto layout = fri::FriLayout::make(options, log_domain_size);
  BAOBAB_CHECK(layout.ok(), layout.ok() ? "" : layout.error().to_string());
  layout_ = std::move(layout).value();
  const auto me = static_cast<uint64_t>(comm_.rank());
  BAOBAB_CHECK(
      codeword_.size() ==
          position_split(log_domain_size, static_cast<uint64_t>(comm_.size())).row_count(me),
      "DistributedFri: codeword block does not match the split");
}

void DistributedFri::add_input(unsigned log_size, std::vector<Fp3> block) {
  BAOBAB_CHECK(!committed_, "DistributedFri::add_input after commit");
  BAOBAB_CHECK(layout_.accepts_input(log_size), "DistributedFri::add_input: no layer of this size");
  for (const Input& other : inputs_) {
    BAOBAB_CHECK(other.log_size != log_size, "DistributedFri::add_input: size added twice");
  }
  const auto me = static_cast<uint64_t>(comm_.rank());
  BAOBAB_CHECK(
      block.size() == position_split(log_size, static_cast<uint64_t>(comm_.size())).row_count(me),
      "DistributedFri::add_input: block does not match the split");
  inputs_.push_back(Input{log_size, std::move(block)});
}

bool DistributedFri::can_split(unsigned log_size, unsigned log_arity) const {
  const uint64_t units = std::bit_ceil(static_cast<uint64_t>(comm_.size()));
  return (uint64_t{1} << log_size) / units >= (kMinUnitCosets << log_arity);
}

std::vector<Fp3> DistributedFri::gather(std::span<const Fp3> block) const {
  std::vector<Fp3> whole;
  for (const auto& string : all_gather_strings(comm_, as_bytes(block))) {
    append_values(whole, string);
  }
  return whole;
}

fri::FriCommitment DistributedFri::commit(transcript::Transcript& transcript) {
  BAOBAB_CHECK(!committed_, "DistributedFri::commit called twice");
  committed_ = true;
  const auto ranks = static_cast<uint64_t>(comm_.size());
  const auto me = static_cast<uint64_t>(comm_.rank());
  fri::FriCommitment out;
  std::vector<Fp3> current = std::move(codeword_);
  bool split = true;
  unsigned log_size = layout_.log_domain_size;
  Fp shift = field::kCosetShift;
  for (unsigned i = 0; i < layout_.layers.size(); ++i) {
    const unsigned log_arity = layout_.layers[i].log_arity;
    if (split && !can_split(log_size, log_arity)) {
      current = gather(current);
      split = false;
    }
    Layer layer;
    layer.log_size = log_size;
    layer.split = split;
    const unsigned next_log_size = log_size - log_arity;
    std::vector<Fp3> next;
    if (split) {
      const BlockSplit positions = position_split(log_size, ranks);
      const BlockSplit leaves{positions.units, positions.unit_rows >> log_arity, ranks};
      layer.commitment = DistributedCommitment::from_leaf_digests(
          comm_, hasher_, leaves, fri::coset_leaf_digests(hasher_, current, log_arity));
      out.layer_roots.push_back(layer.commitment->root());
    } else {
      layer.tree = fri::commit_layer(hasher_, current, log_arity);
      out.layer_roots.push_back(layer.tree->root());
    }
    transcript.absorb_digest(fri::layer_label(i), out.layer_roots.back());
    const Fp3 beta = transcript.challenge_fp3(fri::beta_label(i));
    next.resize(current.size() >> log_arity);
    if (split) {
      // Unit by unit: each is an aligned block of the layer.
      const BlockSplit positions = position_split(log_size, ranks);
      const uint64_t unit = positions.unit_rows;
      for (uint64_t u = 0; u < positions.unit_count(me); ++u) {
        fri::fold_aligned_block(
            std::span<const Fp3>(current).subspan(u * unit, unit), log_arity, log_size, shift,
            positions.first_row(me) + u * unit, beta,
            std::span<Fp3>(next).subspan((u * unit) >> log_arity, unit >> log_arity));
      }
    } else {
      fri::fold_layer(current, log_arity, shift, beta, next);
    }
    shift = fri::shift_power(shift, log_arity);
    for (Input& input : inputs_) {
      if (input.log_size != next_log_size) continue;
      const std::vector<Fp3> whole = split ? std::vector<Fp3>{} : gather(input.block);
      add_scaled(next, split ? std::span<const Fp3>(input.block) : std::span<const Fp3>(whole),
                 beta.pow(uint64_t{1} << log_arity));
      input.block = {};
    }
    layer.values = std::move(current);
    layers_.push_back(std::move(layer));
    current = std::move(next);
    log_size = next_log_size;
  }
  if (split) current = gather(current);
  // The final layer, on every rank: the low coefficients of its interpolant.
  out.remainder = fri::interpolate(current, shift);
  out.remainder.resize(layout_.remainder_length());
  transcript.absorb_fp3s(fri::kRemainderLabel, out.remainder);
  return out;
}

fri::FriQueryProof DistributedFri::open(std::span<const uint64_t> positions) const {
  BAOBAB_CHECK(committed_, "DistributedFri::open before commit");
  BAOBAB_CHECK(!positions.empty(), "DistributedFri::open: no query positions");
  const auto ranks = static_cast<uint64_t>(comm_.size());
  const auto me = static_cast<uint64_t>(comm_.rank());
  fri::FriQueryProof proof;
  std::vector<uint64_t> current(positions.begin(), positions.end());
  for (unsigned i = 0; i < layers_.size(); ++i) {
    const Layer& layer = layers_[i];
    const unsigned log_arity = layout_.layers[i].log_arity;
    const uint64_t arity = uint64_t{1} << log_arity;
    std::vector<uint64_t> cosets = fri::coset_indices(current, log_arity);
    fri::FriLayerOpening opening;
    if (layer.split) {
      const BlockSplit split = position_split(layer.log_size, ranks);
      const uint64_t first = split.first_row(me) >> log_arity;
      const uint64_t end = first + (split.row_count(me) >> log_arity);
      std::vector<Fp3> mine;
      for (uint64_t c : cosets) {
        if (c < first || c >= end) continue;
        const auto begin = layer.values.begin() + static_cast<int64_t>((c - first) * arity);
        mine.insert(mine.end(), begin, begin + static_cast<int64_t>(arity));
      }
      // Owners in rank order hold increasing cosets: the concatenation is in order.
      const auto gathered = all_gather_strings(comm_, as_bytes(mine));
      opening.siblings = layer.commitment->prove(comm_, cosets);
      for (const auto& string : gathered) append_values(opening.values, string);
    } else {
      for (uint64_t c : cosets) {
        const auto begin = layer.values.begin() + static_cast<int64_t>(c * arity);
        opening.values.insert(opening.values.end(), begin, begin + static_cast<int64_t>(arity));
      }
      opening.siblings = merkle::prove_batch(*layer.tree, cosets);
    }
    proof.layers.push_back(std::move(opening));
    current = std::move(cosets);
  }
  if (me != 0) return {};
  return proof;
}

}  // namespace baobab::dist
