baobab_add_bench(zkvm_bench SOURCES zkvm_bench.cc DEPS baobab_zkvm)
