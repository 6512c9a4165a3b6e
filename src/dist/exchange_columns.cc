#include "src/dist/exchange_columns.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace baobab::dist {

namespace {

// The first line of a sysfs file; empty where it cannot be read.
std::string read_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

namespace detail {

uint64_t parse_cache_size(const std::string& text) {
  uint64_t value = 0;
  size_t i = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0; ++i) {
    value = value * 10 + static_cast<uint64_t>(text[i] - '0');
    if (value > (uint64_t{1} << 40)) return 0;
  }
  if (i == 0) return 0;
  const std::string unit = text.substr(i);
  if (unit.empty()) return value;
  if (unit == "K") return value << 10;
  if (unit == "M") return value << 20;
  if (unit == "G") return value << 30;
  return 0;
}

uint64_t count_cpu_list(const std::string& list) {
  uint64_t count = 0;
  std::stringstream items(list);
  std::string item;
  while (std::getline(items, item, ',')) {
    unsigned long first = 0, last = 0;
    const size_t dash = item.find('-');
    try {
      first = std::stoul(item.substr(0, dash));
      last = dash == std::string::npos ? first : std::stoul(item.substr(dash + 1));
    } catch (...) {
      return 0;
    }
    if (last < first) return 0;
    count += last - first + 1;
  }
  return count;
}

}  // namespace detail

uint64_t exchange_columns(uint64_t extended_rows, uint64_t blowup, uint64_t cache_share_bytes) {
  if (extended_rows == 0 || extended_rows > (uint64_t{1} << 56) || blowup == 0) {
    return kDefaultExchangeColumns;
  }
  const uint64_t block = 8 * extended_rows;
  const uint64_t per_column = 3 * block + block / blowup;
  if (per_column > cache_share_bytes) return kDefaultExchangeColumns;
  // Half the share: a working set that fills the cache still misses in it
  // (conflicts, twiddles, the tiles' scratch).
  return std::clamp<uint64_t>(cache_share_bytes / (2 * per_column), 1, kDefaultExchangeColumns);
}

LastLevelCache last_level_cache() {
  LastLevelCache best;
  int best_level = 0;
  for (int index = 0; index < 16; ++index) {
    const std::string dir = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index);
    const std::string type = read_line(dir + "/type");
    if (type.empty()) break;
    if (type == "Instruction") continue;
    const int level = std::atoi(read_line(dir + "/level").c_str());
    const uint64_t bytes = detail::parse_cache_size(read_line(dir + "/size"));
    const uint64_t cpus = detail::count_cpu_list(read_line(dir + "/shared_cpu_list"));
    if (level > best_level && bytes != 0 && cpus != 0) {
      best = {bytes, cpus};
      best_level = level;
    }
  }
  return best;
}

uint64_t cache_share_bytes(const LastLevelCache& cache, uint64_t ranks_on_node) {
  const uint64_t sharing = std::max<uint64_t>(1, std::min(ranks_on_node, cache.cpus_sharing));
  return cache.bytes / sharing;
}

}  // namespace baobab::dist
