// Run-time choice of the vector instruction set (STYLE §9). One binary runs
// on every node: kernels are compiled once per ISA in their own files, and the
// level in use is chosen once, from CPUID, capped by the environment variable
// BAOBAB_SIMD=scalar|avx2|avx512. All levels give bit-identical results.
#pragma once

#include <string_view>
#include <vector>

namespace baobab {

enum class SimdLevel { kScalar = 0, kAvx2 = 1, kAvx512 = 2 };

std::string_view to_string(SimdLevel level);

// The best level this CPU and OS support (AVX-512 needs F, DQ, VL and BW).
SimdLevel detect_cpu_simd_level();

// The level kernels use: detect_cpu_simd_level() capped by BAOBAB_SIMD.
// Computed on first call; callers that need a specific level (tests,
// benchmarks) pass it explicitly to the per-level kernel tables instead.
SimdLevel active_simd_level();

// Every level this machine can run, lowest first (scalar is always present).
std::vector<SimdLevel> supported_simd_levels();

}  // namespace baobab
