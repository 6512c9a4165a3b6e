#include "src/dist/phase_records.h"

#include "src/field/ext3_columns.h"
#include "src/stark/proof_format.h"
#include "src/stark/verifier.h"

namespace baobab::dist {

using field::ConstMatrixView;
using field::Fp;
using field::Fp3;
using field::MatrixView;

Status write_fp3_block(stark::PhaseStore& store, std::string_view phase, const std::string& name,
                       uint64_t size, uint64_t first, std::span<const Fp3> block) {
  std::vector<Fp> coordinates(3 * block.size());
  const MatrixView view(coordinates.data(), block.size(), 3);
  field::split_coordinates(block, view);
  return store.write_rows(phase, name, size, first, view);
}

Status write_fp3s(Communicator& comm, stark::PhaseStore& store, std::string_view phase,
                  const std::string& name, std::span<const Fp3> values) {
  const std::span<const Fp3> mine = comm.rank() == 0 ? values : values.first(0);
  return write_fp3_block(store, phase, name, values.size(), 0, mine);
}

Result<std::vector<Fp3>> read_fp3s(stark::PhaseStore& store, std::string_view phase,
                                   const std::string& name, uint64_t first, uint64_t count) {
  auto coordinates = store.read_rows(phase, name, first, count);
  if (!coordinates) return coordinates.error();
  if (coordinates.value().size() != 3 * count) {
    return Error{ErrorCode::kMalformedInput, name + " is not a list of extension-field values",
                 "checkpoint"};
  }
  std::vector<Fp3> values(count);
  field::join_coordinates(ConstMatrixView(coordinates.value().data(), count, 3), values);
  return values;
}

bool record_checks_out(Communicator& comm, stark::PhaseStore& store, std::string_view phase,
                       const Status& loaded, const hash::Digest& replayed_state) {
  Status mine = loaded;
  if (mine.ok()) {
    auto recorded = store.transcript_state(phase);
    if (!recorded) {
      mine = recorded.error();
    } else if (recorded.value() != replayed_state) {
      mine = Error{ErrorCode::kMalformedInput,
                   "what it holds does not give the transcript state it recorded", "checkpoint"};
    }
  }
  const Status agreed = first_error(comm, mine);
  if (agreed.ok()) {
    store.resumed(phase);
    return true;
  }
  store.discard_from(phase, agreed.error().to_string());
  return false;
}

Status write_proof(Communicator& comm, stark::PhaseStore& store, const stark::Proof& proof) {
  const std::vector<uint8_t> mine =
      comm.rank() == 0 ? stark::serialize_proof(proof) : std::vector<uint8_t>{};
  // Every rank passes rank 0's bytes (the dataset's shape must agree).
  const std::vector<std::vector<uint8_t>> all = all_gather_strings(comm, mine);
  return store.write_bytes(kProofPhase, kProofDataset, all.front());
}

std::optional<stark::Proof> read_recorded_proof(Communicator& comm, stark::PhaseStore& store,
                                                const stark::Statement& statement,
                                                const params::ProofParams& params,
                                                const hash::Hasher& hasher) {
  if (!store.done(kProofPhase)) return std::nullopt;
  std::optional<stark::Proof> proof;
  Status mine = Ok{};
  auto bytes = store.read_bytes(kProofPhase, kProofDataset);
  if (!bytes) {
    mine = bytes.error();
  } else if (auto parsed = stark::parse_proof(statement, bytes.value()); !parsed) {
    mine = parsed.error();
  } else if (!(parsed.value().params == params)) {
    mine =
        Error{ErrorCode::kMalformedInput, "the recorded proof has other parameters", "checkpoint"};
  } else if (const stark::VerifyOutcome verified =
                 stark::verify(statement, parsed.value(), params::SecurityLevel{0, 0}, hasher);
             !verified.accepted) {
    mine = Error{ErrorCode::kMalformedInput,
                 "the recorded proof does not verify: " + verified.reason, "checkpoint"};
  } else {
    proof = std::move(parsed).value();
  }
  const Status agreed = first_error(comm, mine);
  if (!agreed) {
    store.discard_from(kProofPhase, agreed.error().to_string());
    return std::nullopt;
  }
  store.resumed(kProofPhase);
  return proof;
}

}  // namespace baobab::dist
