// ProofParams: the parameters that change proof bytes (STYLE §6): LDE blowup,
// number of FRI queries, query-phase proof of work, FRI folding arity and
// final-layer size, hash and extension field. The prover writes them into the
// proof (to_bytes) and absorbs the same bytes into the transcript before any
// commitment; the verifier parses them strictly (from_bytes) and feeds them to
// the security calculator (security.h) before it reads anything else.
//
// Byte format, version 1 (docs/security.md, "Encoding"), 9 bytes:
//   [0] version = 1          [1] hash id (1 = SHA-256)   [2] extension degree = 3
//   [3] log_blowup (1..4)    [4..5] num_queries, le16 (1..1024)
//   [6] grinding_bits (0..32)  [7] log_fri_arity (1..4)
//   [8] fri_remainder_max_log_size (log_blowup..20)
// Every byte is a field with a range, so the encoding is canonical: a byte
// string parses iff it is exactly to_bytes() of the parsed value.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/common/result.h"

namespace baobab::params {

enum class HashId : uint8_t {
  kSha256 = 1,  // Merkle commitments and Fiat–Shamir (128-bit collision resistance)
};

std::string_view hash_name(HashId id);  // "sha256", or "unknown"

// Ranges checked by validate() and from_bytes().
inline constexpr uint32_t kMinLogBlowup = 1;  // blowup 2
inline constexpr uint32_t kMaxLogBlowup = 4;  // blowup 16
inline constexpr uint32_t kMinQueries = 1;
inline constexpr uint32_t kMaxQueries = 1024;
inline constexpr uint32_t kMaxGrindingBits = 32;
inline constexpr uint32_t kMinLogFriArity = 1;  // arity 2
inline constexpr uint32_t kMaxLogFriArity = 4;  // arity 16
inline constexpr uint32_t kMaxFriRemainderLogSize = 20;
inline constexpr uint32_t kExtensionDegree = 3;  // Fp3 = Fp[X]/(X^3 - 2)

struct ProofParams {
  static constexpr uint8_t kVersion = 1;
  static constexpr size_t kEncodedSize = 9;

  // Defaults are the "proven-100" profile (profiles.h; docs/security.md).
  uint32_t log_blowup = 1;      // LDE domain = trace length << log_blowup; rate = 2^-log_blowup
  uint32_t num_queries = 194;   // FRI query repetitions
  uint32_t grinding_bits = 20;  // leading zero bits of the query-phase proof of work
  uint32_t log_fri_arity = 2;   // each FRI round folds 2^log_fri_arity points into one
  // FRI folds until a layer has at most 2^fri_remainder_max_log_size evaluations;
  // that layer is sent whole (a polynomial of degree < 2^(this - log_blowup)).
  uint32_t fri_remainder_max_log_size = 5;
  HashId hash = HashId::kSha256;
  uint32_t extension_degree = kExtensionDegree;

  uint32_t blowup() const { return 1u << log_blowup; }
  uint32_t fri_arity() const { return 1u << log_fri_arity; }

  // Every problem at once, one message each; empty iff the parameters are valid.
  std::vector<std::string> problems() const;
  // Ok, or kInvalidArgument with all problems() joined by "; ".
  Status validate() const;

  // The canonical encoding above; BAOBAB_CHECKs that the parameters are valid
  // (an invalid parameter set never reaches a proof).
  std::array<uint8_t, kEncodedSize> to_bytes() const;
  // Strict parse: exact length, known version, every field in range.
  // Errors are kMalformedInput with context "proof params".
  static Result<ProofParams> from_bytes(std::span<const uint8_t> bytes);

  // One JSON object on one line, for --json output.
  std::string to_json() const;

  bool operator==(const ProofParams&) const = default;
};

}  // namespace baobab::params
