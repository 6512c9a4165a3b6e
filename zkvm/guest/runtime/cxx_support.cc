// Minimal C++ runtime for guests: there is no libstdc++ for this target, so
// operator new/delete go straight to picolibc's malloc/free and a failed
// allocation ends the guest (no exceptions).
#include <stdlib.h>
#include <unistd.h>

namespace {
[[noreturn]] void out_of_memory() {
  static const char kMessage[] = "guest: operator new: out of memory\n";
  (void)write(2, kMessage, sizeof(kMessage) - 1);
  _exit(255);
}
}  // namespace

void* operator new(size_t size) {
  void* p = malloc(size == 0 ? 1 : size);
  if (p == nullptr) out_of_memory();
  return p;
}
void* operator new[](size_t size) {
  return operator new(size);
}
void operator delete(void* p) noexcept {
  free(p);
}
void operator delete[](void* p) noexcept {
  free(p);
}
void operator delete(void* p, size_t) noexcept {
  free(p);
}
void operator delete[](void* p, size_t) noexcept {
  free(p);
}

extern "C" void __cxa_pure_virtual() {
  abort();
}
