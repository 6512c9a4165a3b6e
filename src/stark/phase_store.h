// PhaseStore: where a prover keeps what each finished phase made, so that a
// job stopped later resumes after it with the same proof bytes (issue 7,
// docs/checkpoints.md). dist::prove_distributed writes one record per phase
// ("commit.main" … "open"): the datasets later phases need and the
// transcript state at the phase's end; the record of "open" holds the
// finished proof. On resume it reads a record back
// only when the record is complete, replays the phase's transcript steps
// from what it read, and redoes the phase (discarding the record and those
// after it) when the state does not match: a damaged record costs time,
// never a wrong proof. The storage (HDF5 files, zkvm/air/phase_checkpoint.h)
// is the implementer's; every method is collective over the job's ranks.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/common/result.h"
#include "src/field/goldilocks.h"
#include "src/field/matrix_view.h"
#include "src/hash/digest.h"

namespace baobab::stark {

class PhaseStore {
 public:
  virtual ~PhaseStore() = default;

  // Whether `phase` has a complete record to resume from.
  virtual bool done(std::string_view phase) = 0;
  // The record of `phase` checked out: the phase was not redone.
  virtual void resumed(std::string_view phase) = 0;
  // The record of `phase` cannot be used (`why`): forget it and every later
  // one; the phase is redone and recorded again.
  virtual void discard_from(std::string_view phase, const std::string& why) = 0;

  // The record of `phase` being written (until its commit): a dataset of `rows` ×
  // block.cols field elements of which this rank writes rows [first_row,
  // first_row + block.rows) (an empty block writes none).
  virtual Status write_rows(std::string_view phase, const std::string& name, uint64_t rows,
                            uint64_t first_row, field::ConstMatrixView block) = 0;
  // A byte string in the record of `phase` being written: every rank passes
  // the same bytes, rank 0 writes them.
  virtual Status write_bytes(std::string_view phase, const std::string& name,
                             std::span<const uint8_t> bytes) = 0;
  // Makes the datasets written since the last commit, the transcript state
  // and the phase's seconds the durable record of `phase`. An Error with
  // code kStopped after a successful commit means a stop was asked for on
  // some rank (a signal): the prover returns it, the record is kept.
  virtual Status commit(std::string_view phase, const hash::Digest& transcript_state,
                        double seconds) = 0;

  // From the complete record of `phase`: rows [first_row, first_row +
  // count) of a dataset (column-major, count × cols; a checksum mismatch is
  // an Error), and the transcript state.
  virtual Result<std::vector<field::Fp>> read_rows(std::string_view phase, const std::string& name,
                                                   uint64_t first_row, uint64_t count) = 0;
  virtual Result<std::vector<uint8_t>> read_bytes(std::string_view phase,
                                                  const std::string& name) = 0;
  virtual Result<hash::Digest> transcript_state(std::string_view phase) = 0;
};

}  // namespace baobab::stark
