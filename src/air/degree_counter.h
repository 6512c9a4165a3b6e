// DegreeCounter: the sink that runs an AIR's eval() once with symbolic
// degrees instead of values, yielding each constraint's name, kind and degree
// as a polynomial in the trace columns (main, preprocessed and aux columns
// have degree 1; challenges, public inputs, aux values and constants 0).
// AirAdapter (air.h) runs it once at construction; the prover derives the
// number of composition chunks from it. It also bounds-checks every column,
// challenge and input index against the TableInfo, once, so that the hot
// sinks need not.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/air/constraint.h"
#include "src/air/table.h"
#include "src/common/check.h"

namespace baobab::air {

// A degree bound that follows the arithmetic: + and - take the maximum, *
// adds. (Cancellation is not detected: the counter gives an upper bound.)
struct Degree {
  int value = 0;
};

constexpr Degree operator+(Degree a, Degree b) {
  return {std::max(a.value, b.value)};
}
constexpr Degree operator-(Degree a, Degree b) {
  return {std::max(a.value, b.value)};
}
constexpr Degree operator-(Degree a) {
  return a;
}
constexpr Degree operator*(Degree a, Degree b) {
  return {a.value + b.value};
}
constexpr Degree operator+(Degree a, Fp) {
  return a;
}
constexpr Degree operator+(Fp, Degree a) {
  return a;
}
constexpr Degree operator-(Degree a, Fp) {
  return a;
}
constexpr Degree operator-(Fp, Degree a) {
  return a;
}
constexpr Degree operator*(Degree a, Fp) {
  return a;
}
constexpr Degree operator*(Fp, Degree a) {
  return a;
}

class DegreeCounter {
 public:
  using Base = Degree;
  using Ext = Degree;

  explicit DegreeCounter(const TableInfo& info) : info_(info) {}

  Base main(uint64_t c) const { return column(c, info_.num_main, "main"); }
  Base main_next(uint64_t c) const { return column(c, info_.num_main, "main"); }
  Base preprocessed(uint64_t c) const { return column(c, info_.num_preprocessed, "preprocessed"); }
  Base preprocessed_next(uint64_t c) const {
    return column(c, info_.num_preprocessed, "preprocessed");
  }
  Ext aux(uint64_t c) const { return column(c, info_.num_aux, "aux"); }
  Ext aux_next(uint64_t c) const { return column(c, info_.num_aux, "aux"); }
  Ext challenge(uint64_t i) const { return value(i, info_.num_challenges, "challenge"); }
  Base public_input(uint64_t i) const { return value(i, info_.num_public_inputs, "public input"); }
  Ext aux_value(uint64_t i) const { return value(i, info_.num_aux_values, "aux value"); }
  Base constant(Fp) const { return {0}; }

  void assert_zero(std::string_view name, ConstraintKind kind, Degree degree) {
    constraints_.push_back({std::string(name), kind, degree.value});
  }

  const std::vector<ConstraintInfo>& constraints() const { return constraints_; }

 private:
  Degree column(uint64_t c, uint64_t count, const char* what) const {
    BAOBAB_CHECK(c < count, std::string("AIR '") + info_.name + "' reads " + what + " column " +
                                std::to_string(c) + " beyond its declared count");
    return {1};
  }
  Degree value(uint64_t i, uint64_t count, const char* what) const {
    BAOBAB_CHECK(i < count, std::string("AIR '") + info_.name + "' reads " + what + " " +
                                std::to_string(i) + " beyond its declared count");
    return {0};
  }

  const TableInfo& info_;
  std::vector<ConstraintInfo> constraints_;
};

}  // namespace baobab::air
