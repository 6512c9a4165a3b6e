// The pieces prove_distributed builds its phase records from
// (stark::PhaseStore, docs/checkpoints.md): extension-field lists as
// 3-column datasets, and the check that a record read back ends in the
// transcript state it recorded, agreed by every rank.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/common/result.h"
#include "src/dist/communicator.h"
#include "src/field/ext3.h"
#include "src/hash/digest.h"
#include "src/stark/phase_store.h"

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

}  // namespace baobab::dist
