#include "src/backend/backend.h"

#include <bit>
#include <functional>
#include <string>

namespace baobab::backend {

namespace {

Error shape_error(std::string_view what, const std::string& message) {
  return Error{ErrorCode::kInvalidArgument, message, std::string(what)};
}

bool power_of_two(uint64_t x) {
  return std::has_single_bit(x);
}

Status check_rows(uint64_t rows, int log_max_size, std::string_view what) {
  if (!power_of_two(rows)) {
    return shape_error(what, "rows must be a power of two, got " + std::to_string(rows));
  }
  if (std::countr_zero(rows) > log_max_size) {
    return Error{ErrorCode::kResourceLimit,
                 "2^" + std::to_string(std::countr_zero(rows)) + " rows exceed the backend's 2^" +
                     std::to_string(log_max_size),
                 std::string(what)};
  }
  return Ok{};
}

}  // namespace

Status check_transform_shape(const MatrixView& columns, int log_max_size, std::string_view what) {
  if (columns.cols == 0) return Ok{};
  return check_rows(columns.rows, log_max_size, what);
}

Status check_lde_shape(const ConstMatrixView& evals, uint64_t blowup, const MatrixView& out,
                       int log_max_size, Fp shift) {
  if (blowup != 2 && blowup != 4 && blowup != 8 && blowup != 16) {
    return shape_error("lde", "blowup must be 2, 4, 8 or 16, got " + std::to_string(blowup));
  }
  if (out.cols != evals.cols) return shape_error("lde", "output column count differs from input");
  if (evals.rows == 0 || out.rows % blowup != 0 || out.rows / blowup != evals.rows) {
    return shape_error("lde", "output rows must be input rows times blowup");
  }
  if (shift.is_zero()) return shape_error("lde", "the coset shift must be non-zero");
  if (Status s = check_rows(evals.rows, log_max_size, "lde"); !s.ok()) return s;
  if (Status s = check_rows(out.rows, log_max_size, "lde"); !s.ok()) return s;
  if (evals.cols == 0) return Ok{};
  const Fp* in_end = evals.column(evals.cols - 1) + evals.rows;
  const Fp* out_end = out.column(out.cols - 1) + out.rows;
  const bool disjoint = std::less<const Fp*>()(in_end - 1, out.data) ||
                        std::less<const Fp*>()(out_end - 1, evals.data);
  if (!disjoint) return shape_error("lde", "input and output overlap");
  return Ok{};
}

Status check_commit_shape(const ConstMatrixView& rows) {
  if (rows.cols == 0) return shape_error("commit_rows", "a commitment needs at least one column");
  if (!power_of_two(rows.rows)) {
    return shape_error("commit_rows",
                       "rows must be a power of two, got " + std::to_string(rows.rows));
  }
  return Ok{};
}

}  // namespace baobab::backend
