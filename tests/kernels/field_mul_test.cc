// Device arithmetic must equal the CPU bit for bit. These tests need a GPU:
// without one they skip and say why (CI machines have nvcc but no GPU).
#include "kernels/field_mul.h"

#include <gtest/gtest.h>

#include <vector>

#include "kernels/device.h"
#include "tests/src/field/gmp_oracle.h"

namespace baobab::kernels {
namespace {

using field::Fp;

class GpuTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const GpuInfo info = probe_gpus();
    if (info.device_count == 0) GTEST_SKIP() << "no GPU: " << info.unavailable;
  }
};

TEST_F(GpuTest, FieldMultiplyMatchesCpuAndGmp) {
  const auto values = field::testing::interesting_values(100000, 21);
  std::vector<Fp> a, b;
  for (size_t i = 0; i < values.size(); ++i) {
    a.push_back(Fp::from_canonical(values[i]));
    b.push_back(Fp::from_canonical(values[(i * 7 + 3) % values.size()]));
  }
  std::vector<Fp> out(a.size());
  const Status status = gpu_mul(a, b, out);
  ASSERT_TRUE(status.ok()) << status.error().to_string();
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(out[i], a[i] * b[i]) << i;
  }
  for (size_t i = 0; i < 200; ++i) {
    EXPECT_EQ(out[i].value(), field::testing::gmp_mul(a[i].value(), b[i].value()));
  }
}

TEST_F(GpuTest, OversizedRequestIsAClearError) {
  auto result = gpu_mul_throughput(uint64_t{1} << 50, 1);  // 8 PiB per operand
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("cudaMalloc"), std::string::npos) << result.error().message;
}

TEST(GpuProbe, NeverFailsWithoutAGpu) {
  const GpuInfo info = probe_gpus();
  EXPECT_EQ(info.device_count == 0, !info.unavailable.empty());
}

}  // namespace
}  // namespace baobab::kernels
