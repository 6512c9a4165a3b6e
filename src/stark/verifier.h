// The STARK verifier: replays the prover's phases (docs/stark.md) on the
// proof and accepts or rejects. A rejected proof is a value (VerifyOutcome
// with a reason), never an exception or an abort (STYLE §7). The security of
// the proof's parameters is checked first: below the requested level the
// proof is refused without reading further.
#pragma once

#include <span>
#include <string>

#include "src/hash/hasher.h"
#include "src/params/security.h"
#include "src/stark/proof.h"
#include "src/stark/statement.h"

namespace baobab::stark {

struct VerifyOutcome {
  bool accepted = false;
  std::string reason;               // why it was rejected; empty when accepted
  params::SecurityReport security;  // of the proof's parameters for this statement
};

VerifyOutcome verify(const Statement& statement, const Proof& proof,
                     const params::SecurityLevel& level, const hash::Hasher& hasher);

}  // namespace baobab::stark
