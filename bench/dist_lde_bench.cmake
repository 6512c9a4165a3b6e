baobab_add_bench(dist_lde_bench SOURCES dist_lde_bench.cc DEPS baobab_mpi baobab_dist)
