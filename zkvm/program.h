// A loaded RV32IM program: the PT_LOAD segments of an ELF file (or segments a
// test builds directly), the entry point, and program_id, the SHA-256 digest
// that the proof statement names (DESIGN §1). Built by load_elf() and by
// tests; read by the executor and, later, by the RV32IM AIR (program ROM).
//
// program_id encoding (docs/zkvm.md), all integers little-endian u32:
//   "baobab.program.v1" || entry || segment count ||
//   for each segment in increasing address order:
//     vaddr || memsz || flags (R=4, W=2, X=1) || n || the first n loaded bytes
//   where n is the loaded length without its trailing zero bytes (the rest up
//   to memsz is zero). So a byte that the file stores as 0 and a .bss byte give
//   the same id: the id depends only on what is loaded, never on file layout.
#pragma once

#include <cstdint>
#include <vector>

#include "src/common/result.h"
#include "src/hash/digest.h"

namespace baobab::zkvm {

// Segment permission bits, as in ELF p_flags.
inline constexpr uint32_t kSegmentExecute = 1;
inline constexpr uint32_t kSegmentWrite = 2;
inline constexpr uint32_t kSegmentRead = 4;

struct Segment {
  uint32_t vaddr = 0;
  uint32_t memsz = 0;         // bytes in memory; data beyond data.size() is zero
  uint32_t flags = 0;         // kSegment* bits
  std::vector<uint8_t> data;  // the file bytes (filesz <= memsz)

  uint64_t end() const { return uint64_t{vaddr} + memsz; }
  bool executable() const { return (flags & kSegmentExecute) != 0; }
};

struct Program {
  uint32_t entry = 0;
  std::vector<Segment> segments;  // sorted by vaddr, non-overlapping, memsz > 0
  hash::Digest program_id;

  // The first byte above every segment rounded up to a page: the initial brk.
  uint64_t image_end() const;
};

// Validates segments (filesz <= memsz, inside 2^32, no overlaps; empty
// segments are dropped), sorts them, checks that the entry is 4-byte aligned
// inside an executable segment, and computes program_id.
Result<Program> make_program(uint32_t entry, std::vector<Segment> segments);

// program_id of already validated, sorted segments.
hash::Digest compute_program_id(uint32_t entry, const std::vector<Segment>& segments);

}  // namespace baobab::zkvm
