// PhaseCheckpoint: the prover's phase records (stark::PhaseStore) as HDF5
// files beside the witness checkpoint (docs/checkpoints.md): `<path>.phases/
// <phase>.h5` for "commit.main" … "open", each written as a new generation
// (io/generation.h) and so complete or absent after a crash, each carrying
// the checkpoint's identity, the transcript state at the phase's end, its
// seconds and the rank count that wrote it. After each commit the ranks
// agree on stop requests (src/common/stop_request.h).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/checkpoint_file.h"
#include "io/file_access.h"
#include "src/stark/phase_store.h"
#include "zkvm/air/witness_checkpoint.h"

namespace baobab::zkvm {

// The recorded phases after "witness", in order.
inline constexpr std::string_view kProverPhases[] = {
    "commit.main", "commit.aux", "composition", "ood", "deep", "fri", "open"};

std::string phase_directory(const std::string& checkpoint_path);
std::string phase_file(const std::string& checkpoint_path, std::string_view phase);

class PhaseCheckpoint final : public stark::PhaseStore {
 public:
  // Records beside the checkpoint at `path`. `keep_records` false (the
  // witness was built afresh) removes any records there. `on_notice` (may
  // be empty) hears about records found damaged. Collective.
  static Result<std::unique_ptr<PhaseCheckpoint>> open(
      const std::string& path, const io::FileAccess& access, CheckpointIdentity identity,
      bool keep_records, std::function<void(const std::string&)> on_notice);

  bool done(std::string_view phase) override;
  void resumed(std::string_view phase) override { last_resumed_ = phase; }
  void discard_from(std::string_view phase, const std::string& why) override;
  Status write_rows(std::string_view phase, const std::string& name, uint64_t rows,
                    uint64_t first_row, field::ConstMatrixView block) override;
  Status write_bytes(std::string_view phase, const std::string& name,
                     std::span<const uint8_t> bytes) override;
  Status commit(std::string_view phase, const hash::Digest& transcript_state,
                double seconds) override;
  Result<std::vector<field::Fp>> read_rows(std::string_view phase, const std::string& name,
                                           uint64_t first_row, uint64_t count) override;
  Result<std::vector<uint8_t>> read_bytes(std::string_view phase, const std::string& name) override;
  Result<hash::Digest> transcript_state(std::string_view phase) override;

  // The last phase resumed from its record ("" when none).
  const std::string& last_resumed() const { return last_resumed_; }

 private:
  PhaseCheckpoint(std::string path, const io::FileAccess& access, CheckpointIdentity identity,
                  std::function<void(const std::string&)> on_notice)
      : path_(std::move(path)),
        access_(access),
        identity_(std::move(identity)),
        on_notice_(std::move(on_notice)) {}
  // Removes the files of the records of these phases (rank 0). Collective.
  Status remove_records(std::span<const std::string_view> phases);
  // The record of `phase` being written (created on first use).
  Result<io::CheckpointFile*> writer(std::string_view phase);
  // The open record of `phase` for reading.
  Result<io::CheckpointFile*> reader(std::string_view phase);

  std::string path_;
  const io::FileAccess& access_;
  CheckpointIdentity identity_;
  std::function<void(const std::string&)> on_notice_;
  // Complete records checked so far: phase → transcript state (nullopt: none).
  std::map<std::string, std::optional<hash::Digest>, std::less<>> checked_;
  std::optional<io::CheckpointFile> writing_, reading_;
  std::string writing_phase_, reading_phase_;
  std::string last_resumed_;
};

// What `baobab inspect` shows of a phase record.
struct PhaseRecordSummary {
  std::string phase;
  bool present = false;  // a complete record of this checkpoint's identity
  std::string problem;   // why a record there cannot be used
  std::string seconds;   // the phase's seconds, as recorded
  uint64_t ranks = 0;    // the rank count that wrote it
  uint64_t bytes = 0;    // the file's size
};

// Every recorded phase of the checkpoint at `path` made for `identity`, in
// order (absent ones too). Collective over access's ranks.
std::vector<PhaseRecordSummary> summarize_phase_records(const std::string& path,
                                                        const io::FileAccess& access,
                                                        const CheckpointIdentity& identity);

// The stop request of any rank as an Error (kStopped) naming the signal and
// the last durable phase, or Ok. Collective.
Status agree_on_stop(dist::Communicator& comm, std::string_view after_phase);

}  // namespace baobab::zkvm
