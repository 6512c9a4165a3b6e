// The STARK proof as plain data (docs/stark.md). proof_format.h turns it into
// bytes and back; the prover fills it phase by phase; the verifier reads it
// only after proof_format has checked every count against the shapes the
// parameters and the AIRs imply.
#pragma once

#include <cstdint>
#include <vector>

#include "src/field/ext3.h"
#include "src/fri/proof.h"
#include "src/hash/digest.h"
#include "src/merkle/opening.h"
#include "src/params/proof_params.h"

namespace baobab::stark {

using field::Fp;
using field::Fp3;
using hash::Digest;

// Out-of-domain values of one table: each committed base-field column's
// polynomial at z and z·ω_n (aux columns per coordinate), and each
// composition-chunk coordinate at z.
struct TableOod {
  std::vector<Fp3> main, main_next;
  std::vector<Fp3> preprocessed, preprocessed_next;
  std::vector<Fp3> aux, aux_next;
  std::vector<Fp3> composition;  // 3 coordinates per chunk, chunk-major
};

// The openings of one table's trees at the queried LDE rows (natural order).
struct TableOpenings {
  merkle::BatchOpening main;
  merkle::BatchOpening preprocessed;  // empty without preprocessed columns
  merkle::BatchOpening aux;           // empty without aux columns
  merkle::BatchOpening composition;
};

struct TableProof {
  Digest main_root;
  Digest aux_root;  // all-zero without aux columns
  std::vector<Fp3> aux_values;
  Digest composition_root;
  TableOod ood;
  TableOpenings openings;
};

// One FRI instance per distinct table height (docs/stark.md).
struct FriInstanceProof {
  fri::FriCommitment commitment;
  fri::FriQueryProof queries;
};

struct Proof {
  params::ProofParams params;
  std::vector<TableProof> tables;     // in statement order
  std::vector<FriInstanceProof> fri;  // one per height group, tallest first
  uint64_t pow_nonce = 0;
};

}  // namespace baobab::stark
