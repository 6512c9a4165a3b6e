baobab_add_bench(field_bench SOURCES field_bench.cc DEPS baobab_field)
