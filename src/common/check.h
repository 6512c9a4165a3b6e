// Always-on invariant checks (STYLE §7). BAOBAB_CHECK is for broken internal
// invariants, never for bad user input (that is a Result<T> error): a failed
// check prints file:line and the message, then aborts the process.
#pragma once

#include <string_view>

namespace baobab {

[[noreturn]] void check_failed(const char* file, int line, const char* condition,
                               std::string_view message);

// What a failed check does after printing: std::abort() by default. Under MPI
// (mpi::Environment) the handler names the rank and ends the whole job, so
// no other rank waits forever in a collective. `prefix` is printed before the
// message ("rank 3 of 8: "). Set once at start-up, before threads start.
struct FatalHandler {
  const char* prefix = "";
  void (*end)() = nullptr;  // must not return; std::abort() follows if it does
};
void set_fatal_handler(FatalHandler handler);

}  // namespace baobab

#define BAOBAB_CHECK(cond, msg)                                 \
  do {                                                          \
    if (!(cond)) [[unlikely]] {                                 \
      ::baobab::check_failed(__FILE__, __LINE__, #cond, (msg)); \
    }                                                           \
  } while (false)
