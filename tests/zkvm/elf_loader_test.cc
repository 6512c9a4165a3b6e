// The ELF loader: valid files load exactly their PT_LOAD segments with .bss
// zero-filled; each malformed case is rejected with a clear message; the
// program_id is stable and sensitive to every loaded byte.
#include "zkvm/elf_loader.h"

#include <gtest/gtest.h>

#include <random>

#include "tests/zkvm/run_helpers.h"

namespace baobab::zkvm {
namespace {

using testing::Asm;
using testing::ElfSpec;
using testing::kCodeBase;
using testing::kDataBase;
using testing::make_elf;
using testing::make_elf_spec;

Asm small_code() {
  Asm code;
  code.li(testing::kS1, kDataBase)
      .lw(testing::kA0, testing::kS1, 0)
      .lw(testing::kT0, testing::kS1, 0x100);
  code.add(testing::kA0, testing::kA0, testing::kT0).syscall(kSysExit);
  return code;
}

std::string load_error(const std::vector<uint8_t>& file) {
  auto program = load_elf(file);
  if (program.ok()) return "(loaded)";
  EXPECT_EQ(program.error().code, ErrorCode::kMalformedInput);
  return program.error().to_string();
}

TEST(ZkvmElfLoader, LoadsOnlyPtLoadSegmentsAndZeroFillsBss) {
  const std::vector<uint8_t> file = make_elf(make_elf_spec(small_code()));
  auto program = load_elf(file);
  ASSERT_TRUE(program.ok()) << program.error().to_string();
  const Program& p = program.value();
  EXPECT_EQ(p.entry, kCodeBase);
  ASSERT_EQ(p.segments.size(), 2u);  // PT_RISCV_ATTRIBUTES ignored
  EXPECT_EQ(p.segments[1].memsz, 0x2000u);
  EXPECT_EQ(p.image_end(), uint64_t{kDataBase} + 0x2000);
  auto run = execute(p, {});
  ASSERT_TRUE(run.ok()) << run.error().to_string();
  EXPECT_EQ(run.value().exit_code, 0x04030201u);  // .data word + a .bss word (zero)
}

TEST(ZkvmElfLoader, RejectsEachMalformedCase) {
  const ElfSpec good = make_elf_spec(small_code());
  const std::vector<uint8_t> file = make_elf(good);

  EXPECT_CONTAINS(load_error({file.begin(), file.begin() + 40}), "truncated");
  EXPECT_CONTAINS(load_error({}), "shorter than the 52-byte");
  std::vector<uint8_t> bad_magic = file;
  bad_magic[1] = 'X';
  EXPECT_CONTAINS(load_error(bad_magic), "not an ELF file");

  ElfSpec spec = good;
  spec.elf_class = 2;
  EXPECT_CONTAINS(load_error(make_elf(spec)), "64-bit ELF");
  spec = good;
  spec.data_encoding = 2;
  EXPECT_CONTAINS(load_error(make_elf(spec)), "little-endian");
  spec = good;
  spec.machine = 62;
  EXPECT_CONTAINS(load_error(make_elf(spec)), "is not RISC-V");
  spec = good;
  spec.type = 3;
  EXPECT_CONTAINS(load_error(make_elf(spec)), "ET_EXEC");
  spec = good;
  spec.flags = kEfRiscvRvc;
  EXPECT_CONTAINS(load_error(make_elf(spec)), "compressed instructions");
  spec = good;
  spec.flags = kEfRiscvRve;
  EXPECT_CONTAINS(load_error(make_elf(spec)), "RV32E");
  spec = good;
  spec.flags = 0x4;  // double-float ABI
  EXPECT_CONTAINS(load_error(make_elf(spec)), "hard-float");

  // A segment whose file bytes run past the end of the file.
  std::vector<uint8_t> past_end = file;
  past_end.resize(past_end.size() - 3);
  EXPECT_CONTAINS(load_error(past_end), "past the end of the file");
  // Program headers past the end.
  EXPECT_CONTAINS(load_error({file.begin(), file.begin() + 60}), "program header table");

  spec = good;
  spec.segments[1].vaddr = kCodeBase + 4;  // overlaps the code
  EXPECT_CONTAINS(load_error(make_elf(spec)), "overlap");
  spec = good;
  spec.entry = kDataBase;  // not executable
  EXPECT_CONTAINS(load_error(make_elf(spec)), "not inside an executable segment");
  spec = good;
  spec.entry = kCodeBase + 0x1000;  // outside every segment
  EXPECT_CONTAINS(load_error(make_elf(spec)), "not inside an executable segment");
  spec = good;
  spec.entry = kCodeBase + 2;
  EXPECT_CONTAINS(load_error(make_elf(spec)), "not 4-byte aligned");
  spec = good;
  spec.segments[1].memsz = 2;  // filesz 4 > memsz 2
  EXPECT_CONTAINS(load_error(make_elf(spec)), "filesz 4 > memsz 2");
  spec = good;
  spec.segments[1].vaddr = 0xfffff000;
  EXPECT_CONTAINS(load_error(make_elf(spec)), "32-bit address space");
  spec = good;
  spec.segments.clear();
  EXPECT_CONTAINS(load_error(make_elf(spec)), "no program headers");
  spec = good;
  spec.segments.resize(1);
  spec.segments[0].type = 6;  // only a PT_PHDR
  EXPECT_CONTAINS(load_error(make_elf(spec)), "no PT_LOAD segment");
}

TEST(ZkvmElfLoader, ProgramIdIsStableAndDependsOnlyOnLoadedBytes) {
  const ElfSpec spec = make_elf_spec(small_code());
  const hash::Digest id = load_elf(make_elf(spec)).value().program_id;
  EXPECT_EQ(load_elf(make_elf(spec)).value().program_id, id);
  // Same loaded bytes, different file layout: explicit zero bytes in the file
  // instead of .bss, and no attributes header.
  ElfSpec padded = spec;
  padded.segments[1].data.resize(0x100, 0);
  padded.segments.pop_back();
  EXPECT_EQ(load_elf(make_elf(padded)).value().program_id, id);
  // The same program built directly (not from an ELF) has the same id.
  std::vector<Segment> segments;
  for (const auto& s : spec.segments) {
    if (s.type == 1) segments.push_back({s.vaddr, s.memsz, s.flags, s.data});
  }
  EXPECT_EQ(make_program(spec.entry, segments).value().program_id, id);

  // Every loaded byte matters, and so do the entry, the flags and the sizes.
  for (size_t seg = 0; seg < 2; ++seg) {
    for (size_t k = 0; k < spec.segments[seg].data.size(); ++k) {
      ElfSpec changed = spec;
      changed.segments[seg].data[k] ^= 0x01;
      auto program = load_elf(make_elf(changed));
      ASSERT_TRUE(program.ok());
      EXPECT_NE(program.value().program_id, id) << "segment " << seg << " byte " << k;
    }
  }
  ElfSpec grown = spec;
  grown.segments[1].memsz += 4;
  EXPECT_NE(load_elf(make_elf(grown)).value().program_id, id);
  ElfSpec bss_byte = spec;
  bss_byte.segments[1].data.resize(0x200, 0);
  bss_byte.segments[1].data[0x1ff] = 1;
  EXPECT_NE(load_elf(make_elf(bss_byte)).value().program_id, id);
  ElfSpec flags = spec;
  flags.segments[1].flags = kSegmentRead;
  EXPECT_NE(load_elf(make_elf(flags)).value().program_id, id);
  ElfSpec entry = spec;
  Asm longer = small_code();
  longer.addi(0, 0, 0);
  entry.segments[0].data = testing::to_bytes(longer.words);
  entry.segments[0].memsz += 4;
  const hash::Digest longer_id = load_elf(make_elf(entry)).value().program_id;
  entry.entry = kCodeBase + 4;
  EXPECT_NE(load_elf(make_elf(entry)).value().program_id, longer_id);
}

TEST(ZkvmElfLoader, RandomCorruptionNeverCrashes) {
  const std::vector<uint8_t> file = make_elf(make_elf_spec(small_code()));
  std::mt19937 rng(1234);
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<uint8_t> bad = file;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) bad[rng() % bad.size()] = static_cast<uint8_t>(rng());
    if (rng() % 4 == 0) bad.resize(rng() % bad.size());
    auto program = load_elf(bad);
    if (program.ok()) {
      ExecuteOptions options;
      options.max_cycles = 10000;
      (void)execute(program.value(), {}, options);
    }
  }
}

}  // namespace
}  // namespace baobab::zkvm
