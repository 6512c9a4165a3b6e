#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Baobab and runs the main job on two MPI
# ranks: today the core demo (LDE, distributed Merkle commitment, grinding,
# queries, verified openings); later issues turn it into a multi-rank proof of
# an example guest program, verified.
#   scripts/main-job.sh [extra demo options, e.g. --log-rows 16 --json]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-debian.sh"
"$root/scripts/build.sh" "$root/build" -DCMAKE_BUILD_TYPE=Release

ranks=${BAOBAB_RANKS:-2}
mpi_flags=(-np "$ranks")
if [ "$(id -u)" -eq 0 ]; then mpi_flags+=(--allow-run-as-root); fi
# Oversubscribe so the job runs on small machines too; one thread per rank
# unless OMP_NUM_THREADS says otherwise.
mpi_flags+=(--oversubscribe -x OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}")
if [ "$#" -eq 0 ]; then set -- --log-rows 20 --columns 32 --blowup 4; fi
exec mpirun "${mpi_flags[@]}" "$root/build/src/cli/baobab" demo "$@"
