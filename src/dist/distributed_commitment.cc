#include "src/dist/distributed_commitment.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "src/common/check.h"

namespace baobab::dist {

namespace {

using hash::Digest;

// Every rank's byte string, in rank order (sizes may differ): the sizes
// first, then the strings padded to the longest. Collective.
std::vector<std::vector<uint8_t>> gather_strings(Communicator& comm,
                                                 std::span<const uint8_t> mine) {
  const auto ranks = static_cast<uint64_t>(comm.size());
  const uint64_t my_size = mine.size();
  std::vector<uint8_t> size_bytes(8 * ranks);
  comm.all_gather_bytes(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(&my_size), 8),
                        size_bytes);
  std::vector<uint64_t> sizes(ranks);
  std::memcpy(sizes.data(), size_bytes.data(), 8 * ranks);
  const uint64_t longest = *std::max_element(sizes.begin(), sizes.end());
  std::vector<uint8_t> padded(longest, 0);
  std::copy(mine.begin(), mine.end(), padded.begin());
  std::vector<uint8_t> all(longest * ranks);
  comm.all_gather_bytes(padded, all);
  std::vector<std::vector<uint8_t>> out(ranks);
  for (uint64_t r = 0; r < ranks; ++r) {
    out[r].assign(all.begin() + static_cast<std::ptrdiff_t>(r * longest),
                  all.begin() + static_cast<std::ptrdiff_t>(r * longest + sizes[r]));
  }
  return out;
}

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
  std::vector<uint8_t> roots;
  for (uint64_t u = 0; u < plan.unit_count(me); ++u) {
    subtrees.push_back(
        merkle::MerkleTree::build(hasher, local.row_block(u * plan.unit_rows, plan.unit_rows)));
    append(roots, subtrees.back().root().data(), Digest::kBytes);
  }
  std::vector<Digest> all_roots;
  for (const auto& string : gather_strings(comm, roots)) {
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
  const uint64_t unit_rows = plan_.unit_rows;
  BAOBAB_CHECK(std::is_sorted(indices.begin(), indices.end()) &&
                   std::adjacent_find(indices.begin(), indices.end()) == indices.end() &&
                   (indices.empty() || indices.back() < rows()),
               "DistributedCommitment::open: indices not increasing or out of range");

  // This rank's part: its queried rows (row-major), then for each of its
  // subtrees that holds queries, the sibling count and the siblings.
  const uint64_t first_row = plan_.first_row(me);
  const auto mine = in_range(indices, first_row, first_row + plan_.row_count(me));
  std::vector<uint8_t> message;
  for (uint64_t index : mine) {
    for (uint64_t c = 0; c < width; ++c) {
      const uint64_t value = local_.at(index - first_row, c).value();
      append(message, &value, 8);
    }
  }
  for (uint64_t u = 0; u < subtrees_.size(); ++u) {
    const uint64_t begin = first_row + u * unit_rows;
    const auto queried = in_range(mine, begin, begin + unit_rows);
    if (queried.empty()) continue;
    std::vector<uint64_t> local_indices;
    for (uint64_t index : queried) local_indices.push_back(index - begin);
    const std::vector<Digest> siblings = merkle::prove_batch(subtrees_[u], local_indices);
    const uint64_t count = siblings.size();
    append(message, &count, 8);
    for (const Digest& d : siblings) append(message, d.data(), Digest::kBytes);
  }
  const auto gathered = gather_strings(comm, message);
  if (me != 0 || indices.empty()) return {};

  // Rank 0: rows in rank order, each subtree's siblings, then the walk.
  merkle::BatchOpening opening;
  opening.indices.assign(indices.begin(), indices.end());
  std::vector<std::vector<Digest>> subtree_siblings(plan_.units);
  for (uint64_t r = 0; r < gathered.size(); ++r) {
    Reader reader{gathered[r]};
    const uint64_t r_first = plan_.first_row(r);
    const auto theirs = in_range(indices, r_first, r_first + plan_.row_count(r));
    for (uint64_t k = 0; k < theirs.size() * width; ++k) {
      uint64_t value = 0;
      reader.read(&value, 8);
      opening.rows.push_back(Fp::from_canonical(value));
    }
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
  const auto has_queries = [&](unsigned level, uint64_t node) {
    const uint64_t rows_per_node = unit_rows << level;
    return !in_range(indices, node * rows_per_node, (node + 1) * rows_per_node).empty();
  };
  const auto walk = [&](const auto& self, unsigned level, uint64_t node) -> void {
    if (level == 0) {
      const auto& siblings = subtree_siblings[node];
      opening.siblings.insert(opening.siblings.end(), siblings.begin(), siblings.end());
      return;
    }
    for (uint64_t child : {2 * node, 2 * node + 1}) {
      if (has_queries(level - 1, child)) {
        self(self, level - 1, child);
      } else {
        opening.siblings.push_back(top_.node(level - 1, child));
      }
    }
  };
  walk(walk, top_.height(), 0);
  return opening;
}

}  // namespace baobab::dist
