#!/usr/bin/env bash
# Strong scaling of the distributed LDE + Merkle commitment (issue 6): the
# same trace on R = 1, 2, 4, ... ranks with CORES/R OpenMP threads each, one
# JSON line per rank count (bench/dist_lde_bench.cc). Threads are not bound
# (--bind-to none): Open MPI would otherwise pin each rank to one core.
#   bench/dist_lde_bench.sh BUILD_DIR CORES [LOG_N] [COLS] [BLOWUP] [MPIRUN]
set -euo pipefail
build=${1:?usage: dist_lde_bench.sh BUILD_DIR CORES [LOG_N] [COLS] [BLOWUP] [MPIRUN]}
cores=${2:?cores}
log_n=${3:-22}
cols=${4:-32}
blowup=${5:-4}
mpirun=${6:-mpirun}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_WAIT_POLICY=PASSIVE
export OMPI_MCA_btl=self,vader OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_pml=ob1
for ((ranks = 1; ranks <= cores; ranks *= 2)); do
  OMP_NUM_THREADS=$((cores / ranks)) "$mpirun" --oversubscribe --bind-to none -np "$ranks" \
    -x OMP_NUM_THREADS -x OMP_WAIT_POLICY "$build/bench/dist_lde_bench" \
    --log-n "$log_n" --cols "$cols" --blowup "$blowup" --repeat 2
done
