#include "zkvm/air/cpu_air.h"

#include <cstdio>
#include <string>
#include <vector>

namespace baobab::zkvm::rv {

std::string_view cpu_flag_boolean_name(uint64_t flag) {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (uint64_t i = 0; i < kNumFlags; ++i) {
      char buf[40];
      std::snprintf(buf, sizeof buf, "cpu.flag_boolean.%02llu", static_cast<unsigned long long>(i));
      out.emplace_back(buf);
    }
    return out;
  }();
  return names.at(flag);
}

}  // namespace baobab::zkvm::rv
