#include "src/dist/distributed_commitment.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "src/common/check.h"

namespace baobab::dist {

namespace {

using hash::Digest;

void append(std::vector<uint8_t>& out, const void* data, uint64_t bytes) {
  const auto* p = static_cast<const uint8_t*>(data);
  out.insert(out.end(), p, p + bytes);
}

// Reads from a gathered string, checking bounds (the bytes come from our own
// ranks, so a short string is a broken invariant, not bad input).
struct Reader {
  std::span<const uint8_t> bytes;
  uint64_t at = 0;
  void read(void* out, uint64_t n) {
    BAOBAB_CHECK(n <= bytes.size() - at, "DistributedCommitment: short opening message");
    std::memcpy(out, bytes.data() + at, n);
    at += n;
  }
};

// Indices in [begin, end).
std::span<const uint64_t> in_range(std::span<const uint64_t> indices, uint64_t begin,
                                   uint64_t end) {
  const auto first = std::lower_bound(indices.begin(), indices.end(), begin);
  const auto last = std::lower_bound(first, indices.end(), end);
  return {first, last};
}

}  // namespace

unsigned DistributedCommitment::height() const {
  return static_cast<unsigned>(std::countr_zero(rows()));
}

DistributedCommitment DistributedCommitment::build(Communicator& comm, const hash::Hasher& hasher,
                                                   const BlockSplit& plan,
                                                   const field::ConstMatrixView& local) {
  const auto me = static_cast<uint64_t>(comm.rank());
  BAOBAB_CHECK(plan.ranks == static_cast<uint64_t>(comm.size()) &&
                   std::has_single_bit(plan.units) && std::has_single_bit(plan.unit_rows) &&
                   local.rows == plan.row_count(me) && local.cols >= 1,
               "DistributedCommitment: local block does not match the plan");
  std::vector<merkle::MerkleTree> subtrees;
  for (uint64_t u = 0; u < plan.unit_count(me); ++u) {
    subtrees.push_back(merkle::MerkleTree::build_pruned(
        hasher, local.row_block(u * plan.unit_rows, plan.unit_rows)));
  }
  return from_subtrees(comm, hasher, plan, local, std::move(subtrees));
}

DistributedCommitment DistributedCommitment::from_leaf_digests(Communicator& comm,
                                                               const hash::Hasher& hasher,
                                                               const BlockSplit& plan,
                                                               std::span<const Digest> leaves) {
  const auto me = static_cast<uint64_t>(comm.rank());
  BAOBAB_CHECK(plan.ranks == static_cast<uint64_t>(comm.size()) &&
                   std::has_single_bit(plan.units) && std::has_single_bit(plan.unit_rows) &&
                   leaves.size() == plan.row_count(me),
               "DistributedCommitment: local leaves do not match the plan");
  std::vector<merkle::MerkleTree> subtrees;
  for (uint64_t u = 0; u < plan.unit_count(me); ++u) {
    const auto unit = leaves.subspan(u * plan.unit_rows, plan.unit_rows);
    std::vector<Digest> digests;
    digests.reserve(2 * unit.size());  // room for the inner nodes
    digests.assign(unit.begin(), unit.end());
    subtrees.push_back(merkle::MerkleTree::from_leaf_digests(hasher, std::move(digests)));
  }
  return from_subtrees(comm, hasher, plan, {}, std::move(subtrees));
}

DistributedCommitment DistributedCommitment::from_subtrees(
    Communicator& comm, const hash::Hasher& hasher, const BlockSplit& plan,
    const field::ConstMatrixView& local, std::vector<merkle::MerkleTree> subtrees) {
  std::vector<uint8_t> roots;
  for (const merkle::MerkleTree& tree : subtrees) append(roots, tree.root().data(), Digest::kBytes);
  std::vector<Digest> all_roots;
  for (const auto& string : all_gather_strings(comm, roots)) {
    for (uint64_t at = 0; at < string.size(); at += Digest::kBytes) {
      Digest d;
      std::memcpy(d.data(), string.data() + at, Digest::kBytes);
      all_roots.push_back(d);
    }
  }
  BAOBAB_CHECK(all_roots.size() == plan.units, "DistributedCommitment: subtree roots missing");
  return DistributedCommitment(plan, local, std::move(subtrees),
                               merkle::MerkleTree::from_leaf_digests(hasher, std::move(all_roots)));
}

merkle::BatchOpening DistributedCommitment::open(Communicator& comm,
                                                 std::span<const uint64_t> indices) const {
  const auto me = static_cast<uint64_t>(comm.rank());
  const uint64_t width = local_.cols;
  BAOBAB_CHECK(width >= 1, "DistributedCommitment::open: built from leaf digests (no rows)");
  check_indices(indices);
  // This rank's queried rows, row-major; rank 0 concatenates them in rank
  // order, which is index order.
  const uint64_t first_row = plan_.first_row(me);
  std::vector<uint8_t> message;
  for (uint64_t index : in_range(indices, first_row, first_row + plan_.row_count(me))) {
    for (uint64_t c = 0; c < width; ++c) {
      const uint64_t value = local_.at(index - first_row, c).value();
      append(message, &value, 8);
    }
  }
  const auto gathered = all_gather_strings(comm, message);
  merkle::BatchOpening opening;
  opening.siblings = prove(comm, indices);
  if (me != 0 || indices.empty()) return {};
  opening.indices.assign(indices.begin(), indices.end());
  for (const auto& string : gathered) {
    BAOBAB_CHECK(string.size() % 8 == 0, "DistributedCommitment: torn opening message");
    for (uint64_t at = 0; at < string.size(); at += 8) {
      uint64_t value = 0;
      std::memcpy(&value, string.data() + at, 8);
      opening.rows.push_back(Fp::from_canonical(value));
    }
  }
  BAOBAB_CHECK(opening.rows.size() == indices.size() * width,
               "DistributedCommitment: opened rows missing");
  return opening;
}

void DistributedCommitment::check_indices(std::span<const uint64_t> indices) const {
  BAOBAB_CHECK(std::is_sorted(indices.begin(), indices.end()) &&
                   std::adjacent_find(indices.begin(), indices.end()) == indices.end() &&
                   (indices.empty() || indices.back() < rows()),
               "DistributedCommitment::open: indices not increasing or out of range");
}

std::vector<Digest> DistributedCommitment::prove(Communicator& comm,
                                                 std::span<const uint64_t> indices) const {
  const auto me = static_cast<uint64_t>(comm.rank());
  const uint64_t unit_rows = plan_.unit_rows;
  check_indices(indices);

  // This rank's part: for each of its subtrees that holds queries, the
  // sibling count and the siblings.
  const uint64_t first_row = plan_.first_row(me);
  const auto mine = in_range(indices, first_row, first_row + plan_.row_count(me));
  std::vector<uint8_t> message;
  for (uint64_t u = 0; u < subtrees_.size(); ++u) {
    const uint64_t begin = first_row + u * unit_rows;
    const auto queried = in_range(mine, begin, begin + unit_rows);
    if (queried.empty()) continue;
    std::vector<uint64_t> local_indices;
    for (uint64_t index : queried) local_indices.push_back(index - begin);
    // A pruned subtree rehashes its queried leaves' missing levels from the rows.
    const std::vector<Digest> siblings =
        local_.cols == 0
            ? merkle::prove_batch(subtrees_[u], local_indices)
            : merkle::open_rows(subtrees_[u], local_.row_block(u * unit_rows, unit_rows),
                                local_indices)
                  .siblings;
    const uint64_t count = siblings.size();
    append(message, &count, 8);
    for (const Digest& d : siblings) append(message, d.data(), Digest::kBytes);
  }
  const auto gathered = all_gather_strings(comm, message);
  if (me != 0 || indices.empty()) return {};

  // Rank 0: each subtree's siblings, then the walk.
  std::vector<std::vector<Digest>> subtree_siblings(plan_.units);
  for (uint64_t r = 0; r < gathered.size(); ++r) {
    Reader reader{gathered[r]};
    const uint64_t r_first = plan_.first_row(r);
    const auto theirs = in_range(indices, r_first, r_first + plan_.row_count(r));
    for (uint64_t u = 0; u < plan_.unit_count(r); ++u) {
      const uint64_t begin = r_first + u * unit_rows;
      if (in_range(theirs, begin, begin + unit_rows).empty()) continue;
      uint64_t count = 0;
      reader.read(&count, 8);
      auto& siblings = subtree_siblings[plan_.first_unit(r) + u];
      siblings.resize(count);
      for (Digest& d : siblings) reader.read(d.data(), Digest::kBytes);
    }
    BAOBAB_CHECK(reader.at == reader.bytes.size(), "DistributedCommitment: long opening message");
  }
  // Depth-first, left first, over the top tree (level 0 = subtree roots): a
  // child without queries contributes its digest, a subtree with queries its
  // owner's proof (merkle/opening.h).
  std::vector<Digest> out;
  const auto has_queries = [&](unsigned level, uint64_t node) {
    const uint64_t rows_per_node = unit_rows << level;
    return !in_range(indices, node * rows_per_node, (node + 1) * rows_per_node).empty();
  };
  const auto walk = [&](const auto& self, unsigned level, uint64_t node) -> void {
    if (level == 0) {
      const auto& siblings = subtree_siblings[node];
      out.insert(out.end(), siblings.begin(), siblings.end());
      return;
    }
    for (uint64_t child : {2 * node, 2 * node + 1}) {
      if (has_queries(level - 1, child)) {
        self(self, level - 1, child);
      } else {
        out.push_back(top_.node(level - 1, child));
      }
    }
  };
  walk(walk, top_.height(), 0);
  return out;
}

}  // namespace baobab::dist
