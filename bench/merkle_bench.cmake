baobab_add_bench(merkle_bench SOURCES merkle_bench.cc DEPS baobab_merkle baobab_hash OpenSSL::Crypto)
