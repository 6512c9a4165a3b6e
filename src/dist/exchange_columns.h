// How many columns the distributed LDE moves per exchange (issue 6). A rank's
// LDE of one column touches its trace block, two exchange windows and its
// output block; while those fit in the rank's share of the last-level cache
// the exchanges are read back from cache, and once they do not, every stage
// streams memory. Simulated traffic (bench/lde_traffic.sh, BENCHMARKS.md,
// a 1 MiB cache): one column per exchange moves 4.0 passes over the output
// block where its working set is under half the cache, 8.8 where it just
// fits, against 12.4 and 12.1 with eight; where it is over three times the
// cache, eight columns move fewer (13.5 against 15.6 with one).
#pragma once

#include <cstdint>
#include <string>

namespace baobab::dist {

// The prover's default when the cache is unknown or nothing fits.
inline constexpr uint64_t kDefaultExchangeColumns = 8;

// Columns per exchange for a rank whose LDE block has `extended_rows` rows
// per column (blowup: extended over trace rows) and `cache_share_bytes` of
// last-level cache (0: unknown). A column's working set is two windows and
// the output block (8 bytes a row each) plus the trace block; where one
// fits the share, as many columns as fit half of it (at least 1, at most
// 8), else kDefaultExchangeColumns.
uint64_t exchange_columns(uint64_t extended_rows, uint64_t blowup, uint64_t cache_share_bytes);

// This host's last-level cache: its size and how many CPUs share one
// instance of it, from /sys; zero bytes where /sys does not say (some
// virtual machines: CPUID there reports the host's whole cache, which is
// not the guest's to count on).
struct LastLevelCache {
  uint64_t bytes = 0;
  uint64_t cpus_sharing = 1;
};
LastLevelCache last_level_cache();

// The part of the last-level cache one of `ranks_on_node` ranks can count
// on: each CPU's share when every one runs a rank, more when fewer do.
uint64_t cache_share_bytes(const LastLevelCache& cache, uint64_t ranks_on_node);

namespace detail {
// sysfs cache size ("32768K", "300M", a byte count); 0 when malformed.
uint64_t parse_cache_size(const std::string& text);
// CPUs in a sysfs CPU list ("0-15,32-47"); 0 when malformed.
uint64_t count_cpu_list(const std::string& list);
}  // namespace detail

}  // namespace baobab::dist
