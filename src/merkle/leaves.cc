#include "src/merkle/leaves.h"

#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "src/common/check.h"

namespace baobab::merkle {

namespace {

static_assert(std::endian::native == std::endian::little,
              "leaf bytes are the in-memory words only on little-endian hosts");
static_assert(sizeof(Fp) == sizeof(uint64_t), "an Fp is its canonical 64-bit value");

// Gathers rows [r0, r0 + count) into `scratch` row-major, as leaf bytes.
// Pairs of columns are interleaved two rows at a time with SSE2 (a 2x2
// transpose of 8-byte words): half the loads and stores of a scalar gather.
void gather_rows(const ConstMatrixView& m, size_t r0, size_t count, uint8_t* scratch) {
  const size_t row_bytes = 8 * m.cols;
  size_t c = 0;
#if defined(__SSE2__)
  for (; c + 2 <= m.cols; c += 2) {
    const uint64_t* a = reinterpret_cast<const uint64_t*>(m.column(c) + r0);
    const uint64_t* b = reinterpret_cast<const uint64_t*>(m.column(c + 1) + r0);
    uint8_t* dst = scratch + 8 * c;
    size_t r = 0;
    for (; r + 2 <= count; r += 2) {
      const __m128i va = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + r));  // a[r], a[r+1]
      const __m128i vb = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + r));  // b[r], b[r+1]
      _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + r * row_bytes), _mm_unpacklo_epi64(va, vb));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (r + 1) * row_bytes),
                       _mm_unpackhi_epi64(va, vb));
    }
    for (; r < count; ++r) {
      std::memcpy(dst + r * row_bytes, a + r, 8);
      std::memcpy(dst + r * row_bytes + 8, b + r, 8);
    }
  }
#endif
  for (; c < m.cols; ++c) {
    const uint64_t* a = reinterpret_cast<const uint64_t*>(m.column(c) + r0);
    uint8_t* dst = scratch + 8 * c;
    for (size_t r = 0; r < count; ++r) std::memcpy(dst + r * row_bytes, a + r, 8);
  }
}

}  // namespace

void hash_leaves(const hash::Hasher& hasher, const ConstMatrixView& matrix,
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
      gather_rows(matrix, r0, count, scratch.data());
      hasher.hash_rows(std::span<const uint8_t>(scratch.data(), count * row_bytes), row_bytes,
                       out.subspan(r0, count));
    }
  }
}

void row_bytes(const ConstMatrixView& matrix, size_t row, std::span<uint8_t> out) {
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
  hasher.hash_rows(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(rows.data()), rows.size() * 8),
      8 * width, out);
  return out;
}

}  // namespace baobab::merkle
