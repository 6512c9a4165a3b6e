# Sourced by the CLI tests that run guests under mpirun: loopback,
# oversubscribed, root-allowed Open MPI with one thread per rank; exits 77
# (skipped) when the guests in $guests were not built.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader \
  OMPI_MCA_oob_tcp_if_include=lo OMPI_MCA_btl_vader_single_copy_mechanism=none \
  OMPI_MCA_rmaps_base_oversubscribe=1 OMP_NUM_THREADS=1
if [ ! -f "$guests/fibonacci.elf" ]; then
  echo "SKIP: guests not built (needs riscv64-unknown-elf-gcc and picolibc, scripts/setup-debian.sh)"
  exit 77
fi
