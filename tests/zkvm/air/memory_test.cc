// The memory boundary tables fixed_mem and zero_mem (docs/rv32im-air.md §3,
// §4): a hand-made access sequence balances against them, the static and
// the bytes tables; each attack their constraints stop fails by name.
#include <gtest/gtest.h>

#include <memory>

#include "tests/zkvm/air/table_test_util.h"
#include "zkvm/air/bytes_air.h"
#include "zkvm/air/lookup_counter.h"
#include "zkvm/air/memory_air.h"
#include "zkvm/air/memory_tracker.h"
#include "zkvm/air/static_air.h"

namespace baobab::zkvm::rv {
namespace {

using testing::run_table;
using Accesses = testing::TestSenderAir<3>;  // read, write, public_out

const std::vector<uint8_t> kInput = {9, 8, 7};
const std::vector<uint8_t> kOutput = {0x41, 0x42};
constexpr uint64_t kPrivateLength = 5;
constexpr int kAccessLog = 4;
constexpr int kStaticLog = 6;
constexpr int kZeroLog = 3;

struct Fixture {
  ProgramInfo info = make_program_info(testing::test_program());
  std::shared_ptr<const StaticContent> static_content =
      std::make_shared<StaticContent>(make_static_content(info, kInput, kOutput));
  std::shared_ptr<const FixedMemContent> fixed_content = std::make_shared<FixedMemContent>(
      make_fixed_mem_content(info, kInput.size(), kOutput.size()));
  int fixed_log = log2_ceil(fixed_content->rows.size());
  MemoryTracker tracker = make_tracker(info);
  TableTrace accesses{kAccessLog, 3 * Accesses::kSlotCols};
  uint64_t rows = 0;

  Fixture() {
    const uint64_t reg = kRegisterCellBase;
    write(reg + 5, 0x12345678, 4);
    read(0x3004, 5);
    write(0x3008, 0xdeadbeef, 6);
    read(0x1000, 7);  // code is read, never changed
    write(0x2000, 0xabcd0123, 8);
    write(0x10000000, 1, 9);
    read(0x2000, 10);
    write(0x0, 5, 11);
    write(reg + kRegOutputLength, 2, 12);
    write(reg + kRegPrivateRemaining, kPrivateLength - 3, 13);
    tracker.peek(0x4000);  // never accessed: no zero_mem row
    Accesses::put(accesses, 0, 2, 1, {0, kOutput[0]});
    Accesses::put(accesses, 1, 2, 1, {1, kOutput[1]});
  }

  static MemoryTracker make_tracker(const ProgramInfo& info) {
    std::array<uint32_t, kNumRegisters> regs{};
    regs[kRegBrk] = info.initial_brk;
    regs[kRegPublicRemaining] = static_cast<uint32_t>(kInput.size());
    regs[kRegPrivateRemaining] = kPrivateLength;
    return MemoryTracker(regs, [image = info.image](uint64_t cell) {
      for (const ImageWord& w : image) {
        if (w.cell == cell) return w.value;
      }
      return 0u;
    });
  }
  void record(uint64_t cell, CellState before, uint32_t value, uint64_t ts) {
    Accesses::put(accesses, rows, 0, -1,
                  {cell, before.value & 0xffff, before.value >> 16, before.ts});
    Accesses::put(accesses, rows, 1, 1, {cell, value & 0xffff, value >> 16, ts});
    ++rows;
  }
  void write(uint64_t cell, uint32_t value, uint64_t ts) {
    record(cell, tracker.access(cell, value, ts), value, ts);
  }
  void read(uint64_t cell, uint64_t ts) {
    const CellState before = tracker.read(cell, ts);
    record(cell, before, before.value, ts);
  }
};

TEST(MemoryAirTest, AccessesBalanceAgainstTheBoundaryTables) {
  Fixture f;
  EXPECT_EQ(zero_mem_rows(f.info, f.tracker), 3u);
  const TableTrace zero = fill_zero_mem(f.info, kZeroLog, f.tracker);
  const TableTrace fixed = fill_fixed_mem(*f.fixed_content, f.fixed_log, f.tracker, kPrivateLength);
  const Accesses access_air({Tag::kMemory, Tag::kMemory, Tag::kPublicOut}, kAccessLog);
  const FixedMemAir fixed_air(f.fixed_content, f.fixed_log);
  const ZeroMemAir zero_air(kZeroLog);
  LookupCounter counter(f.static_content);
  ASSERT_TRUE(count_messages(access_air, f.accesses, counter).ok());
  ASSERT_TRUE(count_messages(fixed_air, fixed, counter).ok());
  ASSERT_TRUE(count_messages(zero_air, zero, counter).ok());
  const Result<TableTrace> static_main = counter.static_trace(kStaticLog);
  ASSERT_TRUE(static_main.ok()) << static_main.error().to_string();

  const auto challenges = testing::random_challenges(3);
  Fp3 sum = Fp3::zero();
  const auto add = [&](const air::Air& air, const TableTrace& main) {
    const auto run = run_table(air, main, challenges);
    EXPECT_EQ(run.failure, std::nullopt) << air.info().name;
    sum += run.bus_sum;
  };
  add(*air::make_air(access_air), f.accesses);
  add(*air::make_air(fixed_air), fixed);
  add(*air::make_air(zero_air), zero);
  add(*air::make_air(StaticAir(f.static_content, kStaticLog)), static_main.value());
  add(*air::make_air(BytesAir()), counter.bytes_trace());
  EXPECT_EQ(sum, Fp3::zero());
}

TEST(MemoryAirTest, ZeroMemRowsAreSortedWithTheirGaps) {
  Fixture f;
  const TableTrace zero = fill_zero_mem(f.info, kZeroLog, f.tracker);
  using C = ZeroMemAir::Col;
  EXPECT_EQ(zero.at(0, C::kW), Fp::from_u64(0));
  EXPECT_EQ(zero.at(1, C::kW), Fp::from_u64(0x2000 / 4));
  EXPECT_EQ(zero.at(2, C::kW), Fp::from_u64(0x10000000 / 4));
  EXPECT_EQ(zero.at(1, C::kGapLo), Fp::from_u64(f.info.gaps[1].lo));
  EXPECT_EQ(zero.at(1, C::kFinalLo), Fp::from_u64(0x0123));
  EXPECT_EQ(zero.at(1, C::kFinalTs), Fp::from_u64(10));
  EXPECT_EQ(zero.at(3, C::kReal), Fp::zero());
}

std::string failing(const air::Air& air, const TableTrace& main) {
  const auto run = run_table(air, main, testing::random_challenges(4));
  return run.failure ? run.failure->constraint : "none";
}

TEST(MemoryAirTest, FixedMemConstraints) {
  Fixture f;
  const TableTrace honest =
      fill_fixed_mem(*f.fixed_content, f.fixed_log, f.tracker, kPrivateLength);
  const auto air = air::make_air(FixedMemAir(f.fixed_content, f.fixed_log));
  using C = FixedMemAir::Col;
  EXPECT_EQ(failing(*air, honest), "none");
  TableTrace t = honest;
  t.at(kNumRegisters, C::kFinalLo) += Fp::one();  // patched code word
  EXPECT_EQ(failing(*air, t), "fixed_mem.readonly_lo");
  t = honest;
  t.at(kRegOutputLength, C::kFinalHi) += Fp::one();  // more output than |O|
  EXPECT_EQ(failing(*air, t), "fixed_mem.final_hi");
  t = honest;
  t.set(5, C::kFreeLo, 1);  // a register starting non-zero
  EXPECT_EQ(failing(*air, t), "fixed_mem.free_lo");
}

TEST(MemoryAirTest, ZeroMemConstraints) {
  Fixture f;
  const TableTrace honest = fill_zero_mem(f.info, kZeroLog, f.tracker);
  const auto air = air::make_air(ZeroMemAir(kZeroLog));
  using C = ZeroMemAir::Col;
  EXPECT_EQ(failing(*air, honest), "none");
  TableTrace t = honest;
  t.set(1, C::kW, 0);  // the same cell twice
  EXPECT_EQ(failing(*air, t), "zero_mem.increasing");
  t = honest;
  t.set(5, C::kReal, 1);  // a real row after padding
  EXPECT_EQ(failing(*air, t), "zero_mem.real_prefix");
  t = honest;
  t.set(0, C::kReal, 2);
  EXPECT_EQ(failing(*air, t), "zero_mem.real_bool");
  t = honest;
  t.set(0, C::kW, 0x1000 / 4);  // an image word with initial value 0
  t.set(0, C::kG1Lo, 0x1000 / 4);
  t.set(1, C::kSLo, 0x800 - 0x400 - 1);
  EXPECT_EQ(failing(*air, t), "zero_mem.below_gap_hi");
}

TEST(MemoryAirTest, ZeroMemCellInTheImageFailsItsRangeCheck) {
  // The constraints hold with a "negative" limb; the range16 lookup cannot.
  Fixture f;
  TableTrace t = fill_zero_mem(f.info, kZeroLog, f.tracker);
  using C = ZeroMemAir::Col;
  t.set(0, C::kW, 0x1000 / 4);
  t.set(0, C::kG1Lo, 0x1000 / 4);
  t.at(0, C::kG2Lo) = -Fp::one();
  const auto air = air::make_air(ZeroMemAir(kZeroLog));
  EXPECT_EQ(failing(*air, t), "zero_mem.increasing");  // row 0 -> 1 still needs 0x400 < w_1
  t.set(1, C::kSLo, 0x800 - 0x400 - 1);
  EXPECT_EQ(failing(*air, t), "none");
  LookupCounter counter(f.static_content);
  const Status counted = count_messages(ZeroMemAir(kZeroLog), t, counter);
  ASSERT_FALSE(counted.ok());
  EXPECT_EQ(counted.error().context, "table zkvm.zero_mem row 0");
}

}  // namespace
}  // namespace baobab::zkvm::rv
