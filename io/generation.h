// Checkpoint generations (DESIGN §6): a run never writes into the file a
// resume would read. It writes `<path>.partial`, closes it, and only then
// commit_generation makes it current, keeping the one before as
// `<path>.prev`. A crash at any moment leaves a complete current or previous
// generation, never only a half-written one.
#pragma once

#include <string>

#include "src/common/result.h"
#include "src/dist/communicator.h"

namespace baobab::io {

std::string partial_path(const std::string& path);
std::string previous_path(const std::string& path);

// Makes the closed `<path>.partial` current: fsync of it, `<path>` renamed
// to `<path>.prev` (when there is one), `<path>.partial` renamed to
// `<path>`, fsync of the directory. Rank 0 does the work between two
// barriers; every rank gets its status. Collective.
Status commit_generation(const std::string& path, dist::Communicator& comm);

// The generation to read: `<path>`, or `<path>.prev` when a crash came
// between commit_generation's two renames; an error when neither exists.
Result<std::string> current_generation(const std::string& path);

}  // namespace baobab::io
