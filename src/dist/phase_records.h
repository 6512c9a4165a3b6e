// The pieces prove_distributed builds its phase records from
// (stark::PhaseStore, docs/checkpoints.md): extension-field lists as
// 3-column datasets, the check that a record read back ends in the
// transcript state it recorded, agreed by every rank, and the finished
// proof as the record of the last phase.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/common/result.h"
#include "src/dist/communicator.h"
#include "src/field/ext3.h"
#include "src/hash/digest.h"
#include "src/hash/hasher.h"
#include "src/params/proof_params.h"
#include "src/stark/phase_store.h"
#include "src/stark/proof.h"
#include "src/stark/statement.h"

namespace baobab::dist {

// `values` (the same on every rank) as a values.size() × 3 dataset of
// coordinates; rank 0 writes the rows. Collective.
Status write_fp3s(Communicator& comm, stark::PhaseStore& store, std::string_view phase,
                  const std::string& name, std::span<const field::Fp3> values);
// Positions [first, first + block.size()) of a `size`-long list of which
// each rank holds a block. Collective.
Status write_fp3_block(stark::PhaseStore& store, std::string_view phase, const std::string& name,
                       uint64_t size, uint64_t first, std::span<const field::Fp3> block);
// `count` values from position `first` of a list written by either.
Result<std::vector<field::Fp3>> read_fp3s(stark::PhaseStore& store, std::string_view phase,
                                          const std::string& name, uint64_t first, uint64_t count);

// Whether every rank read the record of `phase` (`loaded`) and replayed its
// transcript steps to the state the record holds. When not, the record and
// those after it are discarded with the first rank's reason. Collective.
bool record_checks_out(Communicator& comm, stark::PhaseStore& store, std::string_view phase,
                       const Status& loaded, const hash::Digest& replayed_state);

// The phase whose record is the finished proof, and its dataset.
inline constexpr std::string_view kProofPhase = "open";
inline constexpr const char* kProofDataset = "proof";

// Writes `proof` (complete on rank 0: its serialization is what is written)
// as the kProofDataset of the record of kProofPhase being written.
// Collective.
Status write_proof(Communicator& comm, stark::PhaseStore& store, const stark::Proof& proof);

// The proof of the complete record of kProofPhase, on every rank, when it
// parses against `statement`, has `params` and verifies (at any security
// level: the parameters are the checkpoint's own); else nullopt, with the
// record discarded when there was one (the job then resumes from the
// records before it). What lets a job stopped after its last phase finish
// without recomputing anything. Collective.
std::optional<stark::Proof> read_recorded_proof(Communicator& comm, stark::PhaseStore& store,
                                                const stark::Statement& statement,
                                                const params::ProofParams& params,
                                                const hash::Hasher& hasher);

}  // namespace baobab::dist
