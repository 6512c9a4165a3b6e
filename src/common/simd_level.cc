#include "src/common/simd_level.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace baobab {

std::string_view to_string(SimdLevel level) {
  switch (level) {
    case SimdLevel::kScalar:
      return "scalar";
    case SimdLevel::kAvx2:
      return "avx2";
    case SimdLevel::kAvx512:
      return "avx512";
  }
  return "unknown";
}

SimdLevel detect_cpu_simd_level() {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("bmi2")) {
    return SimdLevel::kAvx512;
  }
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2")) {
    return SimdLevel::kAvx2;
  }
#endif
  return SimdLevel::kScalar;
}

namespace {

SimdLevel level_from_environment(SimdLevel detected) {
  const char* requested = std::getenv("BAOBAB_SIMD");
  if (requested == nullptr || *requested == '\0') return detected;
  const std::string name(requested);
  SimdLevel wanted = detected;
  if (name == "scalar") {
    wanted = SimdLevel::kScalar;
  } else if (name == "avx2") {
    wanted = SimdLevel::kAvx2;
  } else if (name == "avx512") {
    wanted = SimdLevel::kAvx512;
  } else {
    std::fprintf(stderr, "baobab: ignoring unknown BAOBAB_SIMD=%s (use scalar, avx2 or avx512)\n",
                 requested);
    return detected;
  }
  // Never run an instruction set the CPU lacks: cap at what was detected.
  return static_cast<int>(wanted) < static_cast<int>(detected) ? wanted : detected;
}

}  // namespace

SimdLevel active_simd_level() {
  static const SimdLevel level = level_from_environment(detect_cpu_simd_level());
  return level;
}

std::vector<SimdLevel> supported_simd_levels() {
  std::vector<SimdLevel> levels;
  const int best = static_cast<int>(detect_cpu_simd_level());
  for (int level = 0; level <= best; ++level) levels.push_back(static_cast<SimdLevel>(level));
  return levels;
}

}  // namespace baobab
