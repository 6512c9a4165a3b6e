#include "src/common/check.h"

#include <cstdio>
#include <cstdlib>

namespace baobab {

void check_failed(const char* file, int line, const char* condition, std::string_view message) {
  std::fprintf(stderr, "baobab: internal check failed at %s:%d: %s (%.*s)\n", file, line, condition,
               static_cast<int>(message.size()), message.data());
  std::fflush(stderr);
  std::abort();
}

}  // namespace baobab
