#include "src/hash/sha256_hasher.h"

#include "src/common/check.h"

namespace baobab::hash {

Sha256Hasher::Sha256Hasher(Sha256Impl impl) : impl_(impl) {
  BAOBAB_CHECK(impl != Sha256Impl::kShaNi || sha_ni_supported(),
               "Sha256Hasher: SHA-NI requested on a CPU without it");
}

void Sha256Hasher::hash_rows(std::span<const uint8_t> rows, size_t row_bytes,
                             std::span<Digest> out) const {
  BAOBAB_CHECK(rows.size() == out.size() * row_bytes, "hash_rows: rows/out size mismatch");
  static constexpr uint8_t kPrefix[1] = {kLeafTag};
  sha256_many(impl_, kPrefix, rows, row_bytes, out);
}

void Sha256Hasher::compress_pairs(std::span<const Digest> children,
                                  std::span<Digest> parents) const {
  BAOBAB_CHECK(children.size() == 2 * parents.size(), "compress_pairs: children/parents mismatch");
  static constexpr uint8_t kPrefix[1] = {kNodeTag};
  sha256_many(impl_, kPrefix, as_bytes(children), 2 * Digest::kBytes, parents);
}

}  // namespace baobab::hash
