#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Baobab and runs the main job:
#   1. proves the fibonacci example guest (n = 1000, ~2^18 cycles) with
#      `baobab prove` and checks the proof with `baobab verify`;
#   2. the core pipeline on two MPI ranks (`baobab demo`: each rank holds its
#      rows of the trace and the LDE; distributed LDE, Merkle commitment,
#      grinding, queries, openings served by the owning ranks, verified).
# Step 1 becomes a multi-rank proof when the distributed prover lands (issue 6).
#   scripts/main-job.sh [extra demo options, e.g. --log-rows 16 --json]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-debian.sh"
"$root/scripts/build.sh" "$root/build" -DCMAKE_BUILD_TYPE=Release
baobab="$root/build/src/cli/baobab"

guest="$root/build/guests/fibonacci.elf"
sample="$root/zkvm/examples/fibonacci/samples/n1000"
if [ -f "$guest" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  echo "== baobab prove: fibonacci(1000)"
  "$baobab" prove "$guest" --input "$sample.public" -o "$work/fib.proof" --output "$work/fib.out"
  cmp "$work/fib.out" "$sample.expected"
  echo "== baobab verify"
  "$baobab" verify "$work/fib.proof" --program "$guest" --input "$sample.public" \
    --output "$sample.expected" --exit-code 0
else
  echo "== skipping the guest proof: the RISC-V toolchain is missing (scripts/setup-debian.sh)"
fi

echo "== baobab demo on ${BAOBAB_RANKS:-2} MPI ranks"
ranks=${BAOBAB_RANKS:-2}
mpi_flags=(-np "$ranks")
if [ "$(id -u)" -eq 0 ]; then mpi_flags+=(--allow-run-as-root); fi
# Oversubscribe so the job runs on small machines too; one thread per rank
# unless OMP_NUM_THREADS says otherwise.
mpi_flags+=(--oversubscribe -x OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}")
if [ "$#" -eq 0 ]; then set -- --log-rows 20 --columns 32 --blowup 4; fi
mpirun "${mpi_flags[@]}" "$baobab" demo "$@"
