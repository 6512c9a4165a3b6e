baobab_add_bench(host_ceiling SOURCES host_ceiling.cc DEPS baobab_mpi baobab_field)
