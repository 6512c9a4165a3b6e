#include "src/common/simd_level.h"

#include <gtest/gtest.h>

namespace baobab {
namespace {

TEST(SimdLevel, ScalarIsAlwaysSupportedAndListedFirst) {
  const auto levels = supported_simd_levels();
  ASSERT_FALSE(levels.empty());
  EXPECT_EQ(levels.front(), SimdLevel::kScalar);
  EXPECT_EQ(levels.back(), detect_cpu_simd_level());
}

TEST(SimdLevel, ActiveLevelNeverExceedsTheCpu) {
  EXPECT_LE(static_cast<int>(active_simd_level()), static_cast<int>(detect_cpu_simd_level()));
}

TEST(SimdLevel, NamesAreStable) {
  EXPECT_EQ(to_string(SimdLevel::kScalar), "scalar");
  EXPECT_EQ(to_string(SimdLevel::kAvx2), "avx2");
  EXPECT_EQ(to_string(SimdLevel::kAvx512), "avx512");
}

}  // namespace
}  // namespace baobab
