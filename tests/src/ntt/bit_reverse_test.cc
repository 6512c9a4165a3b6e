#include "src/ntt/bit_reverse.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/src/ntt/ntt_test_util.h"

namespace baobab::ntt {
namespace {

using field::Fp;
using testing::bit_reversed;
using testing::random_column;

TEST(BitReverse, ReverseBitsOfSmallWidths) {
  EXPECT_EQ(reverse_bits(0b0001, 4), 0b1000u);
  EXPECT_EQ(reverse_bits(0b0110, 4), 0b0110u);
  EXPECT_EQ(reverse_bits(1, 32), uint64_t{1} << 31);
  EXPECT_EQ(reverse_bits(5, 0), 0u);
  EXPECT_EQ(reverse_bits(0xFFFFFFFFull, 32), 0xFFFFFFFFull);
}

// Sizes below, at and above the tile size (2^10 elements) and odd log sizes.
TEST(BitReverse, PermuteAndCopyMatchNaivePermutation) {
  for (int log_n = 0; log_n <= 15; ++log_n) {
    const auto v = random_column(uint64_t{1} << log_n, 900 + log_n);
    const auto expected = bit_reversed(v);
    auto x = v;
    bit_reverse_permute(x.data(), log_n, true);
    ASSERT_EQ(x, expected) << log_n;
    std::vector<Fp> y(v.size());
    bit_reverse_copy(v.data(), y.data(), log_n, true);
    ASSERT_EQ(y, expected) << log_n;
  }
}

}  // namespace
}  // namespace baobab::ntt
