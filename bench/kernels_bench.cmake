if(BAOBAB_HAVE_CUDA)
  baobab_add_bench(kernels_bench SOURCES kernels_bench.cc DEPS baobab_kernels)
endif()
