// libFuzzer target: arbitrary bytes as a proof of the two-table range-check
// statement. Parsing must return an Error or a Proof, and verifying any
// parsed proof must return an outcome — never crash, hang, or read out of
// bounds (the fuzz build runs with ASan and UBSan). Run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <span>

#include "src/hash/sha256_hasher.h"
#include "src/stark/proof_format.h"
#include "src/stark/verifier.h"
#include "tests/fuzz/fuzz_statement.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const baobab::stark::fuzzing::FuzzStatement statement;
  static const baobab::hash::Sha256Hasher hasher;
  auto proof =
      baobab::stark::parse_proof(statement.statement, std::span<const uint8_t>(data, size));
  if (!proof) return 0;
  baobab::params::SecurityLevel level;
  level.min_proven_bits = 0;
  (void)baobab::stark::verify(statement.statement, proof.value(), level, hasher);
  return 0;
}
