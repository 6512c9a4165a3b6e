#include "src/params/profiles.h"

#include <array>
#include <string>

namespace baobab::params {
namespace {

// Numbers chosen with the calculator (docs/security.md, "Profiles").
constexpr ProofParams kProven100{
    .log_blowup = 1,
    .num_queries = 194,
    .grinding_bits = 20,
    .log_fri_arity = 2,
    .fri_remainder_max_log_size = 5,
};
constexpr ProofParams kConjectured100{
    .log_blowup = 3,
    .num_queries = 28,
    .grinding_bits = 20,
    .log_fri_arity = 2,
    .fri_remainder_max_log_size = 5,
};

constexpr std::array<Profile, 2> kProfiles{{
    {"proven-100", "at least 100 proven bits (unique decoding) with 20 grinding bits; default",
     kProven100},
    {"conjectured-100", "at least 100 conjectured bits (ethSTARK conjecture); smaller proofs",
     kConjectured100},
}};

}  // namespace

std::span<const Profile> profiles() {
  return kProfiles;
}

Result<ProofParams> profile_by_name(std::string_view name) {
  std::string known;
  for (const Profile& p : kProfiles) {
    if (p.name == name) return p.params;
    known += known.empty() ? "" : ", ";
    known += p.name;
  }
  return Error{ErrorCode::kInvalidArgument,
               "unknown profile '" + std::string(name) + "' (known: " + known + ")", "profile"};
}

StatementShape design_shape(uint32_t log_trace_rows) {
  StatementShape s;
  s.log_trace_rows = log_trace_rows;
  s.num_tables = 64;
  s.num_deep_polys = 4096;
  s.num_opening_points = 2;
  s.max_constraint_degree = kDesignMaxConstraintDegree;
  s.num_constraints = uint64_t{1} << 16;
  s.num_logup_fractions = uint64_t{1} << 36;
  s.max_logup_tuple_width = 16;
  return s;
}

}  // namespace baobab::params
