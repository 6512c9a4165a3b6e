// Stop requests (issue 7, docs/checkpoints.md): a job that keeps
// checkpoints turns SIGTERM and SIGUSR1 into a request to stop at the next
// safe point (the end of a phase, once its record is durable) instead of
// dying mid-phase. The handler only records the signal; the prover's ranks
// agree on it collectively after each phase (so one signalled rank stops
// them all) and exit with `baobab prove`'s "stopped" status.
#pragma once

namespace baobab {

// Installs the handlers for SIGTERM and SIGUSR1 (idempotent).
void install_stop_handlers();
// The signal that asked for a stop on this process, or 0.
int stop_signal();

}  // namespace baobab
