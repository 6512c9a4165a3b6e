#include "src/merkle/leaves.h"

#include <bit>
#include <cstring>

#include "src/common/check.h"

namespace baobab::merkle {

namespace {

static_assert(std::endian::native == std::endian::little,
              "leaf bytes are the in-memory words only on little-endian hosts");

// Gathers rows [r0, r0 + count) into `scratch` row-major, as leaf bytes.
void gather_rows(const ColumnMajorView& m, size_t r0, size_t count, uint8_t* scratch) {
  const size_t row_bytes = 8 * m.cols;
  for (size_t c = 0; c < m.cols; ++c) {
    const Fp* column = m.data.data() + c * m.rows + r0;
    uint8_t* dst = scratch + 8 * c;
    for (size_t r = 0; r < count; ++r) {
      const uint64_t v = column[r].value();
      std::memcpy(dst + r * row_bytes, &v, 8);
    }
  }
}

// Asks for rows [r0, r0 + count) to be brought into L2 while the current
// block is hashed: the 64 column streams are too many for the hardware
// prefetchers, and hashing one block takes far longer than loading the next.
void prefetch_rows(const ColumnMajorView& m, size_t r0, size_t count) {
  if (r0 >= m.rows) return;
  count = std::min(count, m.rows - r0);
  for (size_t c = 0; c < m.cols; ++c) {
    const char* first = reinterpret_cast<const char*>(m.data.data() + c * m.rows + r0);
    for (size_t offset = 0; offset < count * sizeof(Fp); offset += 64) {
      __builtin_prefetch(first + offset, 0, 2);
    }
  }
}

}  // namespace

void hash_leaves(const hash::Hasher& hasher, const ColumnMajorView& matrix,
                 std::span<hash::Digest> out) {
  BAOBAB_CHECK(out.size() == matrix.rows, "hash_leaves: out.size() != rows");
  const size_t row_bytes = 8 * matrix.cols;
  const int64_t blocks = static_cast<int64_t>((matrix.rows + kLeafBlockRows - 1) / kLeafBlockRows);
#pragma omp parallel if (blocks > 1)
  {
    std::vector<uint8_t> scratch(kLeafBlockRows * row_bytes);
#pragma omp for schedule(static)
    for (int64_t b = 0; b < blocks; ++b) {
      const size_t r0 = static_cast<size_t>(b) * kLeafBlockRows;
      const size_t count = std::min(kLeafBlockRows, matrix.rows - r0);
      prefetch_rows(matrix, r0 + count, count);
      gather_rows(matrix, r0, count, scratch.data());
      hasher.hash_rows(std::span<const uint8_t>(scratch.data(), count * row_bytes), row_bytes,
                       out.subspan(r0, count));
    }
  }
}

void row_bytes(const ColumnMajorView& matrix, size_t row, std::span<uint8_t> out) {
  BAOBAB_CHECK(row < matrix.rows, "row_bytes: row out of range");
  BAOBAB_CHECK(out.size() == 8 * matrix.cols, "row_bytes: output size != 8 * cols");
  gather_rows(matrix, row, 1, out.data());
}

std::vector<hash::Digest> hash_row_major(const hash::Hasher& hasher, std::span<const Fp> rows,
                                         size_t width) {
  BAOBAB_CHECK(width > 0 && rows.size() % width == 0, "hash_row_major: ragged rows");
  const size_t count = rows.size() / width;
  std::vector<hash::Digest> out(count);
  // Fp is one little-endian word holding its canonical value: the row-major
  // elements already are the leaf bytes.
  static_assert(sizeof(Fp) == 8);
  hasher.hash_rows(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(rows.data()),
                                            rows.size() * 8),
                   8 * width, out);
  return out;
}

}  // namespace baobab::merkle
