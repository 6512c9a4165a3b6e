#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Baobab and runs the main job:
#   1. proves the fibonacci example guest (n = 1000, ~2^18 cycles) across
#      BAOBAB_RANKS MPI ranks (default 2) with `mpirun baobab prove`: one
#      proof, split by rows over the ranks (docs/distributed.md), and checks it
#      with `baobab verify` (one process);
#   2. the core pipeline alone on the same ranks (`baobab demo`: distributed
#      LDE, Merkle commitment, grinding, queries, verified openings).
#   scripts/main-job.sh [extra demo options, e.g. --log-rows 16 --json]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-debian.sh"
"$root/scripts/build.sh" "$root/build" -DCMAKE_BUILD_TYPE=Release
baobab="$root/build/src/cli/baobab"

ranks=${BAOBAB_RANKS:-2}
mpi_flags=(-np "$ranks")
if [ "$(id -u)" -eq 0 ]; then mpi_flags+=(--allow-run-as-root); fi
# Oversubscribe so the job runs on small machines too; one thread per rank
# unless OMP_NUM_THREADS says otherwise.
mpi_flags+=(--oversubscribe -x OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}")

guest="$root/build/guests/fibonacci.elf"
sample="$root/zkvm/examples/fibonacci/samples/n1000"
if [ -f "$guest" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  echo "== mpirun -np $ranks baobab prove: fibonacci(1000)"
  mpirun "${mpi_flags[@]}" "$baobab" prove "$guest" --input "$sample.public" \
    -o "$work/fib.proof" --output "$work/fib.out"
  cmp "$work/fib.out" "$sample.expected"
  echo "== baobab verify"
  "$baobab" verify "$work/fib.proof" --program "$guest" --input "$sample.public" \
    --output "$sample.expected" --exit-code 0
else
  echo "== skipping the guest proof: the RISC-V toolchain is missing (scripts/setup-debian.sh)"
fi

echo "== baobab demo on $ranks MPI ranks"
if [ "$#" -eq 0 ]; then set -- --log-rows 20 --columns 32 --blowup 4; fi
mpirun "${mpi_flags[@]}" "$baobab" demo "$@"
