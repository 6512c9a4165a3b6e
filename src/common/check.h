// Always-on invariant checks (STYLE §7). BAOBAB_CHECK is for broken internal
// invariants, never for bad user input (that is a Result<T> error): a failed
// check prints file:line and the message, then aborts the process.
#pragma once

#include <string_view>

namespace baobab {

[[noreturn]] void check_failed(const char* file, int line, const char* condition,
                               std::string_view message);

}  // namespace baobab

#define BAOBAB_CHECK(cond, msg)                                 \
  do {                                                          \
    if (!(cond)) [[unlikely]] {                                 \
      ::baobab::check_failed(__FILE__, __LINE__, #cond, (msg)); \
    }                                                           \
  } while (false)
