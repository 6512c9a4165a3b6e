// The CUDA Backend against the CPU Backend through the Backend interface:
// strided host views, every operation, identical bytes; bad shapes are Errors.
#include "kernels/cuda_backend.h"

#include <gtest/gtest.h>

#include "src/backend/cpu_backend.h"
#include "tests/kernels/gpu_test_support.h"
#include "tests/src/ntt/ntt_test_util.h"

namespace baobab::kernels {
namespace {

using backend::Order;
using field::Fp;
using ntt::testing::random_column;

class CudaBackendTest : public testing::GpuTest {};

TEST_F(CudaBackendTest, EveryOperationEqualsTheCpuBackend) {
  const ntt::NttPlan plan(18);
  backend::CpuBackend cpu(plan);
  auto made = make_cuda_backend(18);
  ASSERT_TRUE(made.ok()) << made.error().to_string();
  backend::Backend& gpu = *made.value();
  EXPECT_EQ(gpu.name(), "cuda");

  for (int log_n : {0, 3, 12, 14}) {
    const uint64_t n = uint64_t{1} << log_n;
    constexpr uint64_t kCols = 4;
    const uint64_t stride = n + 3;
    const auto values = random_column(stride * kCols, 77 + log_n);
    auto a = values;
    auto b = values;
    const field::MatrixView va(a.data(), n, kCols, stride);
    const field::MatrixView vb(b.data(), n, kCols, stride);
    ASSERT_TRUE(cpu.forward(va, Order::kBitReversed).ok());
    ASSERT_TRUE(gpu.forward(vb, Order::kBitReversed).ok());
    ASSERT_EQ(a, b);  // including the untouched gap rows of the strided view
    ASSERT_TRUE(cpu.coset_inverse(va, field::kCosetShift, Order::kBitReversed).ok());
    ASSERT_TRUE(gpu.coset_inverse(vb, field::kCosetShift, Order::kBitReversed).ok());
    ASSERT_EQ(a, b);

    for (uint64_t blowup : {2, 8}) {
      std::vector<Fp> out_cpu(n * blowup * kCols), out_gpu(n * blowup * kCols);
      const field::ConstMatrixView in(values.data(), n, kCols, stride);
      auto tree_cpu =
          cpu.lde_and_commit(in, blowup, field::MatrixView(out_cpu.data(), n * blowup, kCols),
                             Order::kBitReversed, field::kCosetShift);
      auto tree_gpu =
          gpu.lde_and_commit(in, blowup, field::MatrixView(out_gpu.data(), n * blowup, kCols),
                             Order::kBitReversed, field::kCosetShift);
      ASSERT_TRUE(tree_cpu.ok() && tree_gpu.ok());
      ASSERT_EQ(out_cpu, out_gpu);
      ASSERT_EQ(tree_cpu.value().root(), tree_gpu.value().root());
      EXPECT_EQ(tree_cpu.value().path(0), tree_gpu.value().path(0));
    }
  }
}

TEST_F(CudaBackendTest, BadShapesAreErrorsNotCrashes) {
  auto made = make_cuda_backend(10);
  ASSERT_TRUE(made.ok());
  backend::Backend& gpu = *made.value();
  std::vector<Fp> data(4096);
  EXPECT_FALSE(gpu.forward(field::MatrixView(data.data(), 12, 1), Order::kNatural).ok());
  const auto too_tall = gpu.forward(field::MatrixView(data.data(), 2048, 1), Order::kNatural);
  ASSERT_FALSE(too_tall.ok());
  EXPECT_EQ(too_tall.error().code, ErrorCode::kResourceLimit);
  // Overlapping input and output.
  EXPECT_FALSE(gpu.lde(field::ConstMatrixView(data.data(), 16, 1), 2,
                       field::MatrixView(data.data() + 8, 32, 1), Order::kNatural,
                       field::kCosetShift)
                   .ok());
  EXPECT_FALSE(gpu.commit_rows(field::ConstMatrixView(data.data(), 16, 0)).ok());
}

}  // namespace
}  // namespace baobab::kernels
