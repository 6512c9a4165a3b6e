#include "src/field/ext3_columns.h"

#include <cstdint>

#include "src/common/check.h"

namespace baobab::field {

void split_coordinates(std::span<const Fp3> values, MatrixView columns) {
  BAOBAB_CHECK(columns.rows == values.size() && columns.cols == 3,
               "split_coordinates: columns are not values.size() x 3");
  const auto size = static_cast<int64_t>(values.size());
  Fp* c0 = columns.column(0);
  Fp* c1 = columns.column(1);
  Fp* c2 = columns.column(2);
#pragma omp parallel for schedule(static)
  for (int64_t j = 0; j < size; ++j) {
    const Fp3& v = values[static_cast<uint64_t>(j)];
    c0[j] = v[0];
    c1[j] = v[1];
    c2[j] = v[2];
  }
}

void join_coordinates(ConstMatrixView columns, std::span<Fp3> values) {
  BAOBAB_CHECK(columns.rows == values.size() && columns.cols == 3,
               "join_coordinates: columns are not values.size() x 3");
  const auto size = static_cast<int64_t>(values.size());
  const Fp* c0 = columns.column(0);
  const Fp* c1 = columns.column(1);
  const Fp* c2 = columns.column(2);
#pragma omp parallel for schedule(static)
  for (int64_t j = 0; j < size; ++j) values[static_cast<uint64_t>(j)] = Fp3(c0[j], c1[j], c2[j]);
}

void add_into(std::span<Fp3> sum, std::span<const Fp3> values) {
  BAOBAB_CHECK(sum.size() == values.size(), "add_into: lengths differ");
  const auto size = static_cast<int64_t>(sum.size());
#pragma omp parallel for schedule(static)
  for (int64_t j = 0; j < size; ++j) {
    sum[static_cast<uint64_t>(j)] += values[static_cast<uint64_t>(j)];
  }
}

}  // namespace baobab::field
