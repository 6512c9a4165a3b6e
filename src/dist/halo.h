// Halo exchange (DESIGN §4 item 2): transition constraints read row i + 1, so
// the rank that owns the last rows of a block needs the first rows of the next
// block. halo receives rows [0, halo.rows) of the next rank's block, and the
// last rank gets rank 0's (the trace wraps around). One all-to-all in which
// each rank sends only to its predecessor. Collective.
#pragma once

#include "src/dist/communicator.h"
#include "src/field/matrix_view.h"

namespace baobab::dist {

// local.rows >= halo.rows on every rank; local.cols == halo.cols.
void exchange_next_rows(Communicator& comm, const field::ConstMatrixView& local,
                        const field::MatrixView& halo);

}  // namespace baobab::dist
