baobab_add_bench(ntt_bench SOURCES ntt_bench.cc DEPS baobab_ntt)
