#include "src/common/check.h"

#include <cstdio>
#include <cstdlib>

namespace baobab {

namespace {

// Written once by set_fatal_handler() at start-up, read on failure.
FatalHandler g_fatal_handler;

}  // namespace

void set_fatal_handler(FatalHandler handler) {
  g_fatal_handler = handler;
}

void check_failed(const char* file, int line, const char* condition, std::string_view message) {
  std::fprintf(stderr, "baobab: %sinternal check failed at %s:%d: %s (%.*s)\n",
               g_fatal_handler.prefix, file, line, condition, static_cast<int>(message.size()),
               message.data());
  std::fflush(stderr);
  if (g_fatal_handler.end != nullptr) g_fatal_handler.end();
  std::abort();
}

}  // namespace baobab
