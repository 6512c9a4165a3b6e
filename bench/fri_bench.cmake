baobab_add_bench(fri_bench SOURCES fri_bench.cc DEPS baobab_fri)
