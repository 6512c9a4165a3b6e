// The proof's byte format, version 1 (docs/proof-format.md). Writing is
// straightforward; parsing is defensive: the parser knows the statement, so
// every count is checked against the shape the parameters and the AIRs imply
// (or bounded by the number of queries) before anything is read or
// allocated, every field element must be canonical, and trailing bytes are an
// error. A parse failure is an Error naming the section and byte offset.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "src/common/result.h"
#include "src/stark/proof.h"
#include "src/stark/statement.h"

namespace baobab::stark {

inline constexpr uint32_t kProofMagic = 0x424F4142;  // "BAOB" little-endian
inline constexpr uint8_t kProofVersion = 1;

// A named byte range of a serialized proof (for size reports, `inspect`,
// and the tests that corrupt every section).
struct ProofSection {
  std::string name;
  uint64_t begin = 0;
  uint64_t end = 0;
};

// `sections`, when given, receives the byte range of every section in order.
std::vector<uint8_t> serialize_proof(const Proof& proof,
                                     std::vector<ProofSection>* sections = nullptr);

Result<Proof> parse_proof(const Statement& statement, std::span<const uint8_t> bytes);

}  // namespace baobab::stark
