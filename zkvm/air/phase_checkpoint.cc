#include "zkvm/air/phase_checkpoint.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "io/generation.h"
#include "src/common/stop_request.h"

namespace baobab::zkvm {

namespace {

// The index of `phase` in kProverPhases (checked: the prover names only these).
size_t phase_index(std::string_view phase) {
  const auto* found = std::find(std::begin(kProverPhases), std::end(kProverPhases), phase);
  BAOBAB_CHECK(found != std::end(kProverPhases), "PhaseCheckpoint: unknown phase");
  return static_cast<size_t>(found - std::begin(kProverPhases));
}

Error record_error(const std::string& file, const std::string& what) {
  return Error{ErrorCode::kMalformedInput, file + ": " + what, "checkpoint"};
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", seconds);
  return text;
}

// What a record says of itself, once it is known to be a usable record of
// `phase` for `identity`.
struct RecordHeader {
  hash::Digest state;
  std::string seconds;
  uint64_t ranks = 0;
};

// The header of the record of `phase` in `file`, or an Error saying why the
// record cannot be used (another identity or format, another phase,
// missing or damaged attributes). Resume and inspect judge records alike.
Result<RecordHeader> read_record_header(const io::CheckpointFile& file,
                                        const CheckpointIdentity& identity,
                                        std::string_view phase) {
  if (Status ok = check_checkpoint_identity(file, identity); !ok) return ok.error();
  auto recorded_phase = file.string_attribute("/", "phase");
  auto state = file.string_attribute("/", "transcript_state");
  auto seconds = file.string_attribute("/", "seconds");
  auto ranks = file.integer_attribute("/", "ranks");
  if (!recorded_phase || recorded_phase.value() != phase || !state || !seconds || !ranks) {
    return record_error(file.path(), "not a complete record of phase " + std::string(phase));
  }
  auto digest = hash::digest_from_hex(state.value());
  if (!digest) return record_error(file.path(), "a damaged transcript state");
  return RecordHeader{digest.value(), seconds.value(), ranks.value()};
}

}  // namespace

std::string phase_directory(const std::string& checkpoint_path) {
  return checkpoint_path + ".phases";
}

std::string phase_file(const std::string& checkpoint_path, std::string_view phase) {
  std::string file = phase_directory(checkpoint_path);
  file.append("/").append(phase).append(".h5");
  return file;
}

Result<std::unique_ptr<PhaseCheckpoint>> PhaseCheckpoint::open(
    const std::string& path, const io::FileAccess& access, CheckpointIdentity identity,
    bool keep_records, std::function<void(const std::string&)> on_notice) {
  std::unique_ptr<PhaseCheckpoint> store(
      new PhaseCheckpoint(path, access, std::move(identity), std::move(on_notice)));
  dist::Communicator& comm = access.communicator();
  Status made = Ok{};
  if (comm.rank() == 0) {
    std::error_code ec;
    std::filesystem::create_directories(phase_directory(path), ec);
    if (ec) {
      made = Error{ErrorCode::kIo, "cannot create " + phase_directory(path) + ": " + ec.message(),
                   "checkpoint"};
    }
  }
  if (Status ok = dist::first_error(comm, made); !ok) return ok.error();
  if (!keep_records) {
    if (Status ok = store->remove_records(kProverPhases); !ok) return ok.error();
  }
  return store;
}

Status PhaseCheckpoint::remove_records(std::span<const std::string_view> phases) {
  dist::Communicator& comm = access_.communicator();
  for (std::string_view phase : phases) {
    if (reading_phase_ == phase) {
      reading_.reset();
      reading_phase_.clear();
    }
    checked_[std::string(phase)] = std::nullopt;
  }
  Status removed = Ok{};
  if (comm.rank() == 0) {
    for (std::string_view phase : phases) {
      const std::string file = phase_file(path_, phase);
      for (const std::string& name : {file, io::previous_path(file), io::partial_path(file)}) {
        std::error_code ec;
        std::filesystem::remove(name, ec);
        if (ec && removed.ok()) {
          removed =
              Error{ErrorCode::kIo, "cannot remove " + name + ": " + ec.message(), "checkpoint"};
        }
      }
    }
  }
  return dist::first_error(comm, removed);
}

bool PhaseCheckpoint::done(std::string_view phase) {
  phase_index(phase);
  if (auto it = checked_.find(phase); it != checked_.end()) return it->second.has_value();
  dist::Communicator& comm = access_.communicator();
  const std::string file = phase_file(path_, phase);
  // Every rank must see the record before any opens it (the open is collective).
  auto generation = io::current_generation(file);
  const bool everywhere =
      dist::first_error(comm, generation ? Status(Ok{}) : Status(generation.error())).ok();
  std::optional<hash::Digest> state;
  if (everywhere) {
    Status usable = Ok{};
    auto opened = io::CheckpointFile::open(generation.value(), access_);
    if (!opened) {
      usable = opened.error();
    } else if (auto header = read_record_header(opened.value(), identity_, phase); !header) {
      usable = header.error();
    } else {
      state = header.value().state;
    }
    usable = dist::first_error(comm, usable);
    if (usable) {
      reading_ = std::move(opened).value();
      reading_phase_ = phase;
    } else {
      discard_from(phase, usable.error().to_string());
      state.reset();
    }
  }
  checked_[std::string(phase)] = state;
  return state.has_value();
}

void PhaseCheckpoint::discard_from(std::string_view phase, const std::string& why) {
  if (on_notice_ && access_.communicator().rank() == 0) {
    on_notice_("the record of phase " + std::string(phase) + " cannot be used (" + why +
               "); redoing it");
  }
  const size_t first = phase_index(phase);
  const std::span<const std::string_view> later(std::begin(kProverPhases) + first,
                                                std::end(kProverPhases));
  // A phase resumed a moment ago and discarded now (deep, when fri does not
  // check out) was redone after all.
  if (!last_resumed_.empty() && phase_index(last_resumed_) >= first) {
    last_resumed_ = first == 0 ? "" : std::string(kProverPhases[first - 1]);
  }
  // A failed removal leaves a record that the identity and transcript checks
  // refuse again later; the proof itself does not depend on it.
  (void)remove_records(later);
}

Result<io::CheckpointFile*> PhaseCheckpoint::writer(std::string_view phase) {
  if (!writing_ || writing_phase_ != phase) {
    auto created = io::CheckpointFile::create(io::partial_path(phase_file(path_, phase)), access_);
    if (!created) return created.error();
    writing_ = std::move(created).value();
    writing_phase_ = phase;
  }
  return &*writing_;
}

Status PhaseCheckpoint::write_rows(std::string_view phase, const std::string& name, uint64_t rows,
                                   uint64_t first_row, field::ConstMatrixView block) {
  auto file = writer(phase);
  if (!file) return file.error();
  return file.value()->write_rows(name, rows, block.cols, first_row, block);
}

Status PhaseCheckpoint::write_bytes(std::string_view phase, const std::string& name,
                                    std::span<const uint8_t> bytes) {
  auto file = writer(phase);
  if (!file) return file.error();
  return file.value()->write_bytes(name, bytes);
}

Status PhaseCheckpoint::commit(std::string_view phase, const hash::Digest& transcript_state,
                               double seconds) {
  // A record without datasets is created here: just its attributes.
  auto record = writer(phase);
  if (!record) return record.error();
  dist::Communicator& comm = access_.communicator();
  io::CheckpointFile& f = *record.value();
  Status written = write_checkpoint_header(f, identity_);
  for (Status ok : {f.set_string("/", "phase", std::string(phase)),
                    f.set_string("/", "transcript_state", hash::to_hex(transcript_state)),
                    f.set_string("/", "seconds", seconds_text(seconds)),
                    f.set_integer("/", "ranks", static_cast<uint64_t>(comm.size()))}) {
    if (written && !ok) written = ok;
  }
  Status closed = f.close();
  writing_.reset();
  writing_phase_.clear();
  if (!written) return written;
  if (!closed) return closed;
  const std::string file = phase_file(path_, phase);
  if (reading_phase_ == phase) {
    reading_.reset();
    reading_phase_.clear();
  }
  if (Status ok = io::commit_generation(file, comm); !ok) return ok;
  checked_[std::string(phase)] = transcript_state;
  return agree_on_stop(comm, phase);
}

Result<io::CheckpointFile*> PhaseCheckpoint::reader(std::string_view phase) {
  if (!done(phase)) return record_error(phase_file(path_, phase), "no complete record");
  if (!reading_ || reading_phase_ != phase) {
    auto generation = io::current_generation(phase_file(path_, phase));
    if (!generation) return generation.error();
    auto opened = io::CheckpointFile::open(generation.value(), access_);
    if (!opened) return opened.error();
    reading_ = std::move(opened).value();
    reading_phase_ = phase;
  }
  return &*reading_;
}

Result<std::vector<field::Fp>> PhaseCheckpoint::read_rows(std::string_view phase,
                                                          const std::string& name,
                                                          uint64_t first_row, uint64_t count) {
  auto file = reader(phase);
  if (!file) return file.error();
  return file.value()->read_rows(name, first_row, count);
}

Result<std::vector<uint8_t>> PhaseCheckpoint::read_bytes(std::string_view phase,
                                                         const std::string& name) {
  auto file = reader(phase);
  if (!file) return file.error();
  return file.value()->read_bytes(name);
}

Result<hash::Digest> PhaseCheckpoint::transcript_state(std::string_view phase) {
  if (!done(phase)) return record_error(phase_file(path_, phase), "no complete record");
  return *checked_.find(phase)->second;
}

std::vector<PhaseRecordSummary> summarize_phase_records(const std::string& path,
                                                        const io::FileAccess& access,
                                                        const CheckpointIdentity& identity) {
  std::vector<PhaseRecordSummary> out;
  for (std::string_view phase : kProverPhases) {
    PhaseRecordSummary& summary = out.emplace_back();
    summary.phase = phase;
    auto generation = io::current_generation(phase_file(path, phase));
    if (!generation) continue;
    std::error_code ec;
    summary.bytes = std::filesystem::file_size(generation.value(), ec);
    auto file = io::CheckpointFile::open(generation.value(), access);
    if (!file) {
      summary.problem = file.error().to_string();
      continue;
    }
    auto header = read_record_header(file.value(), identity, phase);
    if (!header) {
      summary.problem = header.error().to_string();
      continue;
    }
    summary.present = true;
    summary.seconds = header.value().seconds;
    summary.ranks = header.value().ranks;
  }
  return out;
}

Status agree_on_stop(dist::Communicator& comm, std::string_view after_phase) {
  Status mine = Ok{};
  if (const int signal = stop_signal(); signal != 0) {
    mine = Error{ErrorCode::kStopped,
                 "signal " + std::to_string(signal) + " on rank " + std::to_string(comm.rank()) +
                     ": stopped after phase " + std::string(after_phase) +
                     ", which is saved; run the same command again to resume",
                 "checkpoint"};
  }
  return dist::first_error(comm, mine);
}

}  // namespace baobab::zkvm
