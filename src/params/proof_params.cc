#include "src/params/proof_params.h"

#include <string>

#include "src/params/problem_list.h"

namespace baobab::params {

using detail::check_range;
using detail::join;

std::string_view hash_name(HashId id) {
  switch (id) {
    case HashId::kSha256:
      return "sha256";
  }
  return "unknown";
}

std::vector<std::string> ProofParams::problems() const {
  std::vector<std::string> out;
  check_range(out, "log_blowup", log_blowup, kMinLogBlowup, kMaxLogBlowup);
  check_range(out, "num_queries", num_queries, kMinQueries, kMaxQueries);
  check_range(out, "grinding_bits", grinding_bits, 0, kMaxGrindingBits);
  check_range(out, "log_fri_arity", log_fri_arity, kMinLogFriArity, kMaxLogFriArity);
  check_range(out, "fri_remainder_max_log_size", fri_remainder_max_log_size, 0,
              kMaxFriRemainderLogSize);
  // The final layer holds a polynomial of degree < 2^(remainder - log_blowup):
  // at least a constant.
  if (fri_remainder_max_log_size < log_blowup && log_blowup <= kMaxLogBlowup) {
    out.push_back("fri_remainder_max_log_size = " + std::to_string(fri_remainder_max_log_size) +
                  " is below log_blowup = " + std::to_string(log_blowup) +
                  " (the final FRI layer must hold at least a constant polynomial)");
  }
  if (hash != HashId::kSha256) {
    out.push_back("hash id " + std::to_string(static_cast<unsigned>(hash)) +
                  " is not supported (only 1 = sha256)");
  }
  if (extension_degree != kExtensionDegree) {
    out.push_back("extension_degree = " + std::to_string(extension_degree) +
                  " is not supported (only 3)");
  }
  return out;
}

Status ProofParams::validate() const {
  const std::vector<std::string> all = problems();
  if (all.empty()) return Ok{};
  return Error{ErrorCode::kInvalidArgument, join(all, "; "), "proof params"};
}

std::array<uint8_t, ProofParams::kEncodedSize> ProofParams::to_bytes() const {
  BAOBAB_CHECK(problems().empty(), "ProofParams::to_bytes() on invalid parameters");
  return {kVersion,
          static_cast<uint8_t>(hash),
          static_cast<uint8_t>(extension_degree),
          static_cast<uint8_t>(log_blowup),
          static_cast<uint8_t>(num_queries & 0xff),
          static_cast<uint8_t>(num_queries >> 8),
          static_cast<uint8_t>(grinding_bits),
          static_cast<uint8_t>(log_fri_arity),
          static_cast<uint8_t>(fri_remainder_max_log_size)};
}

Result<ProofParams> ProofParams::from_bytes(std::span<const uint8_t> bytes) {
  auto malformed = [](std::string message) {
    return Error{ErrorCode::kMalformedInput, std::move(message), "proof params"};
  };
  if (bytes.size() != kEncodedSize) {
    return malformed("expected " + std::to_string(kEncodedSize) + " bytes, got " +
                     std::to_string(bytes.size()));
  }
  if (bytes[0] != kVersion) {
    return malformed("unknown version " + std::to_string(bytes[0]) + " (expected " +
                     std::to_string(kVersion) + ")");
  }
  ProofParams p;
  p.hash = static_cast<HashId>(bytes[1]);
  p.extension_degree = bytes[2];
  p.log_blowup = bytes[3];
  p.num_queries = static_cast<uint32_t>(bytes[4]) | (static_cast<uint32_t>(bytes[5]) << 8);
  p.grinding_bits = bytes[6];
  p.log_fri_arity = bytes[7];
  p.fri_remainder_max_log_size = bytes[8];
  const std::vector<std::string> all = p.problems();
  if (!all.empty()) return malformed(join(all, "; "));
  return p;
}

std::string ProofParams::to_json() const {
  std::string s = "{";
  s += "\"version\":" + std::to_string(kVersion);
  s += ",\"hash\":\"" + std::string(hash_name(hash)) + "\"";
  s += ",\"extension_degree\":" + std::to_string(extension_degree);
  s += ",\"log_blowup\":" + std::to_string(log_blowup);
  if (log_blowup < 32) s += ",\"blowup\":" + std::to_string(uint64_t{1} << log_blowup);
  s += ",\"num_queries\":" + std::to_string(num_queries);
  s += ",\"grinding_bits\":" + std::to_string(grinding_bits);
  s += ",\"log_fri_arity\":" + std::to_string(log_fri_arity);
  if (log_fri_arity < 32) s += ",\"fri_arity\":" + std::to_string(uint64_t{1} << log_fri_arity);
  s += ",\"fri_remainder_max_log_size\":" + std::to_string(fri_remainder_max_log_size);
  s += "}";
  return s;
}

}  // namespace baobab::params
