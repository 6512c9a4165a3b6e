# Sourced by the benchmark scripts that launch `mpirun` on one node: Open MPI
# as root (containers, the lent machine), shared-memory transport only, more
# ranks than cores allowed. vader copies without its single-copy mechanism
# unless OMPI_MCA_btl_vader_single_copy_mechanism is set (cma where the ranks
# may ptrace each other, as on most cluster nodes; containers often forbid it).
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader \
  OMPI_MCA_btl_vader_single_copy_mechanism=${OMPI_MCA_btl_vader_single_copy_mechanism:-none} \
  OMPI_MCA_rmaps_base_oversubscribe=1
