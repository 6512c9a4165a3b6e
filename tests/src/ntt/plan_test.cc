#include "src/ntt/plan.h"

#include <gtest/gtest.h>

#include "src/field/roots.h"

namespace baobab::ntt {
namespace {

TEST(NttPlan, TwiddleTablesHoldPowersOfEachLayersRoot) {
  constexpr int kLog = 14;
  for (SimdLevel level : supported_simd_levels()) {
    const NttPlan plan(kLog, level);
    EXPECT_EQ(plan.level(), level);
    EXPECT_EQ(plan.log_max_size(), kLog);
    const Fp* fwd = plan.forward_twiddles();
    const Fp* inv = plan.inverse_twiddles();
    for (int log_h = 0; log_h < kLog; ++log_h) {
      const uint64_t h = uint64_t{1} << log_h;
      const Fp root = field::two_adic_root(log_h + 1);
      Fp expected = Fp::one();
      for (uint64_t i = 0; i < h; ++i, expected *= root) {
        ASSERT_EQ(fwd[h + i], expected) << "h " << h << " i " << i;
        ASSERT_EQ(fwd[h + i] * inv[h + i], Fp::one()) << "h " << h << " i " << i;
      }
    }
  }
}

TEST(NttPlan, SizeZeroPlanTransformsSingleElements) {
  const NttPlan plan(0);
  EXPECT_EQ(plan.forward_twiddles()[0], Fp::one());
}

}  // namespace
}  // namespace baobab::ntt
