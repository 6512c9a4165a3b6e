// The Baobab guest API (DESIGN §1): inputs, outputs and exit for programs that
// run inside the zkVM. Guests include this header and link the guest runtime
// (baobab_add_guest does both).
//
// The machine has two input streams and two output streams:
//   public input  (fd 3): bytes the verifier sees, part of the statement;
//   private input (fd 0): bytes only the prover sees (also stdin);
//   public output (fd 1): bytes the proof commits to (also stdout, so printf
//                         writes public output);
//   debug log     (fd 2): not committed, for humans (also stderr).
// stdout is buffered and flushed at exit; call fflush(stdout) before writing
// to fd 1 by other means (baobab_write_public does).
#ifndef BAOBAB_GUEST_H_
#define BAOBAB_GUEST_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
  BAOBAB_FD_PRIVATE_INPUT = 0,
  BAOBAB_FD_PUBLIC_OUTPUT = 1,
  BAOBAB_FD_DEBUG_LOG = 2,
  BAOBAB_FD_PUBLIC_INPUT = 3,
};

// Reads up to `size` bytes from `fd` into `buf`, stopping early only at the
// end of the input. Returns the number of bytes read.
size_t baobab_read(int fd, void* buf, size_t size);

// Reads all remaining bytes of `fd` into a new malloc'd buffer (with one extra
// zero byte after the data, so text input is a C string). Stores the buffer in
// *data and returns its length. Exits with code 255 if memory runs out.
size_t baobab_read_all(int fd, uint8_t** data);

static inline size_t baobab_read_public(uint8_t** data) {
  return baobab_read_all(BAOBAB_FD_PUBLIC_INPUT, data);
}
static inline size_t baobab_read_private(uint8_t** data) {
  return baobab_read_all(BAOBAB_FD_PRIVATE_INPUT, data);
}

// Appends bytes to the public output (after anything printed to stdout).
void baobab_write_public(const void* data, size_t size);

// Appends bytes to the debug log (after anything printed to stderr).
void baobab_write_debug(const void* data, size_t size);

// Flushes stdio and halts the machine with `code` (0..255 meaningful).
__attribute__((noreturn)) void baobab_exit(int code);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // BAOBAB_GUEST_H_
