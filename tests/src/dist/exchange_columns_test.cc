#include "src/dist/exchange_columns.h"

#include <gtest/gtest.h>

#include <utility>

namespace baobab::dist {
namespace {

constexpr uint64_t kMiB = uint64_t{1} << 20;

TEST(ExchangeColumns, AsManyAsFitHalfTheCacheShareUpToEight) {
  // 2^19 extended rows per rank (4 MiB a column), blowup 2: 14 MiB a column.
  const uint64_t rows = uint64_t{1} << 19;
  EXPECT_EQ(exchange_columns(rows, 2, 14 * kMiB), 1u);  // fits, but not twice
  EXPECT_EQ(exchange_columns(rows, 2, 28 * kMiB - 1), 1u);
  EXPECT_EQ(exchange_columns(rows, 2, 28 * kMiB), 1u);
  EXPECT_EQ(exchange_columns(rows, 2, 56 * kMiB), 2u);
  EXPECT_EQ(exchange_columns(rows, 2, 300 * kMiB / 16), 1u);  // 16 ranks, 300 MiB L3
  EXPECT_EQ(exchange_columns(rows, 2, 300 * kMiB / 4), 2u);
  EXPECT_EQ(exchange_columns(rows, 2, 300 * kMiB), 8u);
  // Blowup 8: the trace block is smaller (12.5 MiB a column).
  EXPECT_EQ(exchange_columns(rows, 8, 50 * kMiB), 2u);
}

TEST(ExchangeColumns, EightWhenNothingFitsOrTheCacheIsUnknown) {
  EXPECT_EQ(exchange_columns(uint64_t{1} << 19, 2, 14 * kMiB - 1), kDefaultExchangeColumns);
  EXPECT_EQ(exchange_columns(uint64_t{1} << 20, 2, 16 * kMiB), kDefaultExchangeColumns);
  EXPECT_EQ(exchange_columns(uint64_t{1} << 10, 2, 0), kDefaultExchangeColumns);
  EXPECT_EQ(exchange_columns(0, 2, 16 * kMiB), kDefaultExchangeColumns);
  EXPECT_EQ(exchange_columns(uint64_t{1} << 10, 0, 16 * kMiB), kDefaultExchangeColumns);
  // 64-bit sizes: no overflow for the tallest blocks.
  EXPECT_EQ(exchange_columns(uint64_t{1} << 40, 2, uint64_t{1} << 50), 8u);
  EXPECT_EQ(exchange_columns(uint64_t{1} << 62, 2, ~uint64_t{0}), kDefaultExchangeColumns);
}

TEST(ExchangeColumns, CacheShareDividesAmongTheRanksThatShareIt) {
  const LastLevelCache l3{300 * kMiB, 16};
  EXPECT_EQ(cache_share_bytes(l3, 1), 300 * kMiB);
  EXPECT_EQ(cache_share_bytes(l3, 4), 75 * kMiB);
  EXPECT_EQ(cache_share_bytes(l3, 16), 300 * kMiB / 16);
  // 32 ranks on two sockets of 16 CPUs, each socket with its own L3.
  EXPECT_EQ(cache_share_bytes(l3, 32), 300 * kMiB / 16);
  EXPECT_EQ(cache_share_bytes(l3, 0), 300 * kMiB);
  EXPECT_EQ(cache_share_bytes(LastLevelCache{}, 4), 0u);
}

TEST(ExchangeColumns, ParsesSysfsCacheSizes) {
  const std::pair<const char*, uint64_t> cases[] = {
      {"32768K", 32 * kMiB},
      {"300M", 300 * kMiB},
      {"1G", 1024 * kMiB},
      {"4096", 4096},
      {"", 0},
      {"K", 0},
      {"12 KB", 0},
      {"99999999999999999999K", 0},
  };
  for (const auto& [text, bytes] : cases) EXPECT_EQ(detail::parse_cache_size(text), bytes) << text;
}

TEST(ExchangeColumns, CountsSysfsCpuLists) {
  const std::pair<const char*, uint64_t> cases[] = {
      {"0-15", 16}, {"0-15,32-47", 32}, {"3", 1}, {"0,2,4", 3}, {"", 0}, {"5-2", 0}, {"a-b", 0},
  };
  for (const auto& [list, cpus] : cases) EXPECT_EQ(detail::count_cpu_list(list), cpus) << list;
}

TEST(ExchangeColumns, ThisHostsCacheIsPlausibleWhenKnown) {
  const LastLevelCache cache = last_level_cache();
  if (cache.bytes == 0) GTEST_SKIP() << "this host reports no cache size";
  EXPECT_GE(cache.bytes, uint64_t{64} << 10);
  EXPECT_GE(cache.cpus_sharing, 1u);
}

}  // namespace
}  // namespace baobab::dist
