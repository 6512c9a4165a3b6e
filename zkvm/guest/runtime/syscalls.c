// The guest side of the Baobab ABI (DESIGN §1): the POSIX hooks that picolibc
// calls (read, write, _exit, sbrk), the stdin/stdout/stderr streams of its
// tiny stdio, and the helpers declared in baobab/guest.h.
//
// Every hook is a Linux RV32 system call (ecall with the number in a7), so the
// same ELF runs under `baobab run` and under qemu-riscv32.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "baobab/guest.h"

// ---------------------------------------------------------------------------
// System calls

enum {
  kSysRead = 63,
  kSysWrite = 64,
  kSysExit = 93,
  kSysBrk = 214,
};

static inline long baobab_syscall(long number, long arg0, long arg1, long arg2) {
  register long a0 __asm__("a0") = arg0;
  register long a1 __asm__("a1") = arg1;
  register long a2 __asm__("a2") = arg2;
  register long a7 __asm__("a7") = number;
  __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
  return a0;
}

// Linux returns -errno in a0 on failure.
static ssize_t baobab_result(long r) {
  if (r < 0 && r > -4096) {
    errno = (int)-r;
    return -1;
  }
  return (ssize_t)r;
}

ssize_t read(int fd, void* buf, size_t size) {
  return baobab_result(baobab_syscall(kSysRead, fd, (long)buf, (long)size));
}

ssize_t write(int fd, const void* buf, size_t size) {
  return baobab_result(baobab_syscall(kSysWrite, fd, (long)buf, (long)size));
}

void _exit(int code) {
  baobab_syscall(kSysExit, code, 0, 0);
  for (;;) {
  }
}

// malloc's heap, grown with brk. brk(0) returns the current break; brk(p)
// moves it and returns the new break, or the old one when it cannot.
void* sbrk(ptrdiff_t increment) {
  static uintptr_t current;
  if (current == 0) current = (uintptr_t)baobab_syscall(kSysBrk, 0, 0, 0);
  uintptr_t old = current;
  if (increment == 0) return (void*)old;
  uintptr_t wanted = old + (uintptr_t)increment;
  if ((increment > 0 && wanted < old) || (increment < 0 && wanted > old)) {
    errno = ENOMEM;
    return (void*)-1;
  }
  uintptr_t got = (uintptr_t)baobab_syscall(kSysBrk, (long)wanted, 0, 0);
  if (got != wanted) {
    errno = ENOMEM;
    return (void*)-1;
  }
  current = got;
  return (void*)old;
}

// ---------------------------------------------------------------------------
// stdio streams. Output is buffered: one write system call per buffer, not per
// character (each ecall is a row of the trace). stderr also flushes at each
// newline so that the debug log survives a failing guest.

static void write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n <= 0) return;
    data += n;
    size -= (size_t)n;
  }
}

typedef struct {
  int fd;
  size_t used;
  char data[1024];
} OutBuffer;

static OutBuffer out_buffer = {BAOBAB_FD_PUBLIC_OUTPUT, 0, {0}};
static OutBuffer err_buffer = {BAOBAB_FD_DEBUG_LOG, 0, {0}};

static void out_buffer_flush(OutBuffer* b) {
  write_all(b->fd, b->data, b->used);
  b->used = 0;
}

static int stdout_put(char c, FILE* f) {
  (void)f;
  out_buffer.data[out_buffer.used++] = c;
  if (out_buffer.used == sizeof(out_buffer.data)) out_buffer_flush(&out_buffer);
  return (unsigned char)c;
}

static int stdout_flush(FILE* f) {
  (void)f;
  out_buffer_flush(&out_buffer);
  return 0;
}

static int stderr_put(char c, FILE* f) {
  (void)f;
  err_buffer.data[err_buffer.used++] = c;
  if (c == '\n' || err_buffer.used == sizeof(err_buffer.data)) out_buffer_flush(&err_buffer);
  return (unsigned char)c;
}

static int stderr_flush(FILE* f) {
  (void)f;
  out_buffer_flush(&err_buffer);
  return 0;
}

// stdin reads the private input through a small buffer.
static struct {
  size_t pos;
  size_t end;
  unsigned char data[512];
} in_buffer;

static int stdin_get(FILE* f) {
  (void)f;
  if (in_buffer.pos == in_buffer.end) {
    ssize_t n = read(BAOBAB_FD_PRIVATE_INPUT, in_buffer.data, sizeof(in_buffer.data));
    if (n < 0) return _FDEV_ERR;
    if (n == 0) return _FDEV_EOF;
    in_buffer.pos = 0;
    in_buffer.end = (size_t)n;
  }
  return in_buffer.data[in_buffer.pos++];
}

static FILE baobab_stdin = FDEV_SETUP_STREAM(NULL, stdin_get, NULL, _FDEV_SETUP_READ);
static FILE baobab_stdout = FDEV_SETUP_STREAM(stdout_put, NULL, stdout_flush, _FDEV_SETUP_WRITE);
static FILE baobab_stderr = FDEV_SETUP_STREAM(stderr_put, NULL, stderr_flush, _FDEV_SETUP_WRITE);

FILE* const stdin = &baobab_stdin;
FILE* const stdout = &baobab_stdout;
FILE* const stderr = &baobab_stderr;

// exit() runs destructors after atexit handlers; priority 101 runs last.
__attribute__((destructor(101))) static void flush_at_exit(void) {
  out_buffer_flush(&out_buffer);
  out_buffer_flush(&err_buffer);
}

// ---------------------------------------------------------------------------
// baobab/guest.h

size_t baobab_read(int fd, void* buf, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = read(fd, (char*)buf + done, size - done);
    if (n <= 0) break;
    done += (size_t)n;
  }
  return done;
}

size_t baobab_read_all(int fd, uint8_t** data) {
  size_t capacity = 4096;
  size_t size = 0;
  uint8_t* buf = malloc(capacity + 1);
  for (;;) {
    if (buf == NULL) {
      static const char kMessage[] = "baobab_read_all: out of memory\n";
      write_all(BAOBAB_FD_DEBUG_LOG, kMessage, sizeof(kMessage) - 1);
      baobab_exit(255);
    }
    if (size == capacity) {
      capacity *= 2;
      buf = realloc(buf, capacity + 1);
      continue;
    }
    ssize_t n = read(fd, buf + size, capacity - size);
    if (n <= 0) break;
    size += (size_t)n;
  }
  buf[size] = 0;
  *data = buf;
  return size;
}

void baobab_write_public(const void* data, size_t size) {
  out_buffer_flush(&out_buffer);
  write_all(BAOBAB_FD_PUBLIC_OUTPUT, data, size);
}

void baobab_write_debug(const void* data, size_t size) {
  out_buffer_flush(&err_buffer);
  write_all(BAOBAB_FD_DEBUG_LOG, data, size);
}

void baobab_exit(int code) {
  exit(code);
}
