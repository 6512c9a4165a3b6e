// Named parameter profiles (docs/security.md, "Profiles"). The CLI's
// --profile flag and the default ProofParams come from here:
//   proven-100       (default) >= 100 proven bits with grinding
//   conjectured-100  >= 100 conjectured bits, about 3.5x fewer queries
// Each profile is guaranteed for every statement within its design envelope
// (design_shape): up to 2^26 rows, constraint degree <= 3; the tests check it.
#pragma once

#include <span>
#include <string_view>

#include "src/common/result.h"
#include "src/params/proof_params.h"
#include "src/params/security.h"

namespace baobab::params {

struct Profile {
  std::string_view name;
  std::string_view summary;
  ProofParams params;
};

inline constexpr std::string_view kDefaultProfileName = "proven-100";

std::span<const Profile> profiles();

// The profile's parameters, or kInvalidArgument naming the known profiles.
Result<ProofParams> profile_by_name(std::string_view name);

// The envelope the profiles are designed for: the largest statement (most
// columns, constraints, tables and lookups) at 2^log_trace_rows rows whose
// error terms the profiles still cover. Real statements are smaller, and every
// error term only shrinks with a smaller shape.
inline constexpr uint32_t kDesignMaxLogTraceRows = 26;
inline constexpr uint32_t kDesignMaxConstraintDegree = 3;
StatementShape design_shape(uint32_t log_trace_rows);

}  // namespace baobab::params
