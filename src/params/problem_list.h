// Collecting every problem of a parameter set at once (STYLE §6: validate()
// reports them all), shared by ProofParams and StatementShape.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace baobab::params::detail {

inline std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) out += sep;
    out += parts[i];
  }
  return out;
}

// Appends "name = value is outside [lo, hi]" when value is out of range.
inline void check_range(std::vector<std::string>& out, std::string_view name, uint64_t value,
                        uint64_t lo, uint64_t hi) {
  if (value < lo || value > hi) {
    out.push_back(std::string(name) + " = " + std::to_string(value) + " is outside [" +
                  std::to_string(lo) + ", " + std::to_string(hi) + "]");
  }
}

}  // namespace baobab::params::detail
