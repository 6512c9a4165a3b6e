#include "src/dist/phase_records.h"

#include "src/field/ext3_columns.h"

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

}  // namespace baobab::dist
