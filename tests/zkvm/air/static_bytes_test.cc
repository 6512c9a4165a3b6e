// The static and bytes lookup tables, LookupCounter and the program info they
// are built from (docs/rv32im-air.md §2, §4 "static", "bytes").
#include <gtest/gtest.h>
#include <omp.h>

#include <memory>
#include <vector>

#include "tests/zkvm/air/table_test_util.h"
#include "zkvm/air/bytes_air.h"
#include "zkvm/air/lookup_counter.h"
#include "zkvm/air/program_info.h"
#include "zkvm/air/static_air.h"

namespace baobab::zkvm::rv {
namespace {

using testing::run_table;
using testing::TestSenderAir;

const std::vector<uint8_t> kInput = {9, 8, 7};
const std::vector<uint8_t> kOutput = {0x41, 0x42};
constexpr int kStaticLog = 6;

Message<Fp> msg(Tag tag, std::initializer_list<uint64_t> fields, uint64_t mult = 1) {
  Message<Fp> m;
  m.multiplicity = Fp::from_u64(mult);
  m.tag = tag;
  for (uint64_t f : fields) m.fields[m.count++] = Fp::from_u64(f);
  return m;
}

std::vector<uint64_t> rom_fields(const RomEntry& e) {
  return {e.pc, e.flags, e.rd, e.rs1, e.rs2, e.imm & 0xffff, e.imm >> 16, e.offset_fp().value()};
}

Message<Fp> rom_msg(const RomEntry& e) {
  Message<Fp> m = msg(Tag::kProgram, {});
  for (uint64_t f : rom_fields(e)) m.fields[m.count++] = Fp::from_u64(f);
  return m;
}

struct Fixture {
  ProgramInfo info = make_program_info(testing::test_program());
  std::shared_ptr<const StaticContent> content =
      std::make_shared<StaticContent>(make_static_content(info, kInput, kOutput));
};

TEST(ProgramInfoTest, GapsCoverExactlyTheComplementOfTheImage) {
  const ProgramInfo info = make_program_info(testing::test_program());
  // Code: 4 words at 0x1000; data 0x3002..0x3022 overlaps words
  // 0x3000..0x3020, of which only 0x3000..0x3008 hold non-zero bytes: zero
  // data words are left to zero_mem.
  ASSERT_EQ(info.image.size(), 4u + 3u);
  EXPECT_TRUE(info.image[0].readonly);
  EXPECT_FALSE(info.image[4].readonly);
  EXPECT_EQ(info.image[4].cell, 0x3000u);
  EXPECT_EQ(info.image[4].value, (1u << 16) | (2u << 24));
  EXPECT_EQ(info.image[6].cell, 0x3008u);
  for (const ImageWord& w : info.image) EXPECT_TRUE(w.readonly || w.value != 0) << w.cell;
  // The illegal word is not in the ROM.
  ASSERT_EQ(info.rom.size(), 3u);
  EXPECT_EQ(info.rom[2].pc, testing::kTestCode + 12);
  uint64_t covered = 0;
  for (uint64_t i = 0; i < info.gaps.size(); ++i) {
    const Gap& g = info.gaps[i];
    ASSERT_LE(g.lo, g.hi);
    if (i > 0) {
      ASSERT_GT(g.lo, uint64_t{info.gaps[i - 1].hi} + 1) << "gaps should be merged";
    }
    for (const ImageWord& w : info.image) {
      EXPECT_FALSE(w.cell / 4 >= g.lo && w.cell / 4 <= g.hi) << w.cell;
    }
    covered += uint64_t{g.hi} - g.lo + 1;
  }
  EXPECT_EQ(covered + info.image.size(), uint64_t{1} << 30);
  EXPECT_EQ(info.gaps.front().lo, 0u);
  EXPECT_EQ(info.gaps.back().hi, (uint64_t{1} << 30) - 1);
}

TEST(StaticContentTest, RowsAndIndex) {
  const Fixture f;
  const StaticContent& c = *f.content;
  EXPECT_EQ(c.rows.size(), 3 + 32 + f.info.gaps.size() + 3 + 2);
  EXPECT_EQ(c.find(rom_msg(f.info.rom[1])), c.rom_first + 1);
  Message<Fp> bad_flags = rom_msg(f.info.rom[1]);
  bad_flags.fields[1] += Fp::one();
  EXPECT_EQ(c.find(bad_flags), std::nullopt);
  EXPECT_EQ(c.find(msg(Tag::kProgram, {testing::kTestCode + 8})), std::nullopt);
  EXPECT_EQ(c.find(msg(Tag::kPow2, {5, 32, 0})), c.pow2_first + 5);
  EXPECT_EQ(c.find(msg(Tag::kPow2, {20, 0, 16})), c.pow2_first + 20);
  EXPECT_EQ(c.find(msg(Tag::kPow2, {5, 33, 0})), std::nullopt);
  EXPECT_EQ(c.find(msg(Tag::kPow2, {32, 0, 0})), std::nullopt);
  const Gap g = f.info.gaps[1];
  EXPECT_EQ(c.find(msg(Tag::kGap, {g.lo, g.hi})), c.gap_first + 1);
  EXPECT_EQ(c.find(msg(Tag::kGap, {g.lo, g.hi + 1})), std::nullopt);
  EXPECT_EQ(c.find(msg(Tag::kPublicIn, {1, 8})), c.public_in_first + 1);
  EXPECT_EQ(c.find(msg(Tag::kPublicIn, {1, 9})), std::nullopt);
  EXPECT_EQ(c.find(msg(Tag::kPublicIn, {3, 0})), std::nullopt);
  EXPECT_EQ(c.find(msg(Tag::kPublicOut, {1, 0x42})), c.public_out_first + 1);
  EXPECT_EQ(c.find(msg(Tag::kPublicOut, {1, 0x42, 1})), std::nullopt);
  EXPECT_EQ(c.find(msg(Tag::kRange16, {1})), std::nullopt);
}

TEST(StaticAirTest, OutputRowsAreReceivedExactlyOnce) {
  const Fixture f;
  const auto air = air::make_air(StaticAir(f.content, kStaticLog));
  TableTrace main(kStaticLog, StaticAir::kNumMain);
  for (uint64_t r = 0; r < f.content->rows.size(); ++r) {
    main.set(r, StaticAir::kMult, f.content->rows[r].fixed ? 1 : r % 5);
  }
  const auto challenges = testing::random_challenges(1);
  EXPECT_EQ(run_table(*air, main, challenges).failure, std::nullopt);
  main.set(f.content->public_out_first + 1, StaticAir::kMult, 2);
  const auto failure = run_table(*air, main, challenges).failure;
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->constraint, "static.fixed_mult");
  EXPECT_EQ(failure->row, f.content->public_out_first + 1);
}

TEST(BytesAirTest, PreprocessedColumns) {
  TableTrace pre(BytesAir::kLogRows, BytesAir::kNumPre);
  BytesAir().build_preprocessed(pre.view());
  EXPECT_EQ(pre.at(0x12f0, BytesAir::kPreV), Fp::from_u64(0x12f0));
  EXPECT_EQ(pre.at(0x12f0, BytesAir::kPreLow), Fp::from_u64(0xf0));
  EXPECT_EQ(pre.at(0x12f0, BytesAir::kPreAnd), Fp::from_u64(0x10));
  EXPECT_EQ(pre.at(0x12f0, BytesAir::kPreOr), Fp::from_u64(0xf2));
  EXPECT_EQ(pre.at(0x12f0, BytesAir::kPreXor), Fp::from_u64(0xe2));
}

using Sender = TestSenderAir<8>;
constexpr std::array<Tag, 8> kSenderTags = {Tag::kRange16,  Tag::kSplit,    Tag::kBitOp,
                                            Tag::kProgram,  Tag::kPow2,     Tag::kGap,
                                            Tag::kPublicIn, Tag::kPublicOut};

// Four rows of lookups into every section of both tables.
TableTrace sender_trace(const ProgramInfo& info) {
  TableTrace t(2, 8 * Sender::kSlotCols);
  const auto rom = [&](uint64_t row, uint64_t i, int64_t mult) {
    const auto v = rom_fields(info.rom[i]);
    Sender::put(t, row, 3, mult, {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]});
  };
  Sender::put(t, 0, 0, 1, {0});
  Sender::put(t, 0, 1, 1, {0x1234, 0x34});
  Sender::put(t, 0, 2, 1, {kBitAnd, 0x12f0, 0xf0, 0x10});
  rom(0, 0, 1);
  Sender::put(t, 0, 4, 1, {0, 1, 0});
  Sender::put(t, 0, 5, 1, {info.gaps[0].lo, info.gaps[0].hi});
  Sender::put(t, 0, 6, 1, {0, 9});
  Sender::put(t, 0, 7, 1, {0, 0x41});
  Sender::put(t, 1, 0, 3, {0xffff});
  Sender::put(t, 1, 1, 1, {0xffff, 0xff});
  Sender::put(t, 1, 2, 2, {kBitOr, 0x12f0, 0xf0, 0xf2});
  rom(1, 2, 2);
  Sender::put(t, 1, 4, 1, {31, 0, 0x8000});
  Sender::put(t, 1, 5, 1, {info.gaps[1].lo, info.gaps[1].hi});
  Sender::put(t, 1, 6, 1, {2, 7});
  Sender::put(t, 1, 7, 1, {1, 0x42});
  Sender::put(t, 2, 0, 1, {0x1234});
  Sender::put(t, 2, 2, 1, {kBitXor, 0x12f0, 0xf0, 0xe2});
  Sender::put(t, 2, 6, 0, {5, 5});  // multiplicity 0: not a lookup
  return t;
}

TEST(LookupCounterTest, SendersAndLookupTablesBalance) {
  const Fixture f;
  const Sender sender(kSenderTags, 2);
  const TableTrace sent = sender_trace(f.info);
  LookupCounter counter(f.content);
  const Status counted = count_messages(sender, sent, counter);
  ASSERT_TRUE(counted.ok()) << counted.error().to_string();
  Result<TableTrace> static_main = counter.static_trace(kStaticLog);
  ASSERT_TRUE(static_main.ok()) << static_main.error().to_string();
  TableTrace bytes_main = counter.bytes_trace();
  EXPECT_EQ(bytes_main.at(0xffff, BytesAir::kMultRange), Fp::from_u64(3));
  EXPECT_EQ(static_main.value().at(f.content->rom_first + 2, 0), Fp::from_u64(2));

  const auto challenges = testing::random_challenges(2);
  const auto sender_air = air::make_air(sender);
  const auto static_air = air::make_air(StaticAir(f.content, kStaticLog));
  const auto bytes_air = air::make_air(BytesAir());
  const auto s = run_table(*sender_air, sent, challenges);
  const auto st = run_table(*static_air, static_main.value(), challenges);
  const auto b = run_table(*bytes_air, bytes_main, challenges);
  EXPECT_EQ(s.failure, std::nullopt);
  EXPECT_EQ(st.failure, std::nullopt);
  EXPECT_EQ(b.failure, std::nullopt);
  EXPECT_EQ(s.bus_sum + st.bus_sum + b.bus_sum, Fp3::zero());

  // One count off in either table: every table still passes its own
  // constraints, but the bus no longer balances.
  bytes_main.at(0x1234, BytesAir::kMultRange) += Fp::one();
  const auto b2 = run_table(*bytes_air, bytes_main, challenges);
  EXPECT_EQ(b2.failure, std::nullopt);
  EXPECT_NE(s.bus_sum + st.bus_sum + b2.bus_sum, Fp3::zero());
  static_main.value().at(f.content->rom_first, 0) += Fp::one();
  const auto st2 = run_table(*static_air, static_main.value(), challenges);
  EXPECT_EQ(st2.failure, std::nullopt);
  EXPECT_NE(s.bus_sum + st2.bus_sum + b.bus_sum, Fp3::zero());
}

TEST(LookupCounterTest, RejectsMessagesNoRowHolds) {
  const Fixture f;
  LookupCounter counter(f.content);
  const Status big = counter.add(msg(Tag::kRange16, {65536}));
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.error().message.find("range16(65536)"), std::string::npos);
  EXPECT_FALSE(counter.add(msg(Tag::kSplit, {0x1234, 0x35})).ok());
  EXPECT_FALSE(counter.add(msg(Tag::kBitOp, {4, 0x1234, 0x34, 0})).ok());
  EXPECT_FALSE(counter.add(msg(Tag::kBitOp, {kBitXor, 0x1234, 0x34, 0x27})).ok());
  EXPECT_FALSE(counter.add(msg(Tag::kBitOp, {kBitXor, 0x1234, 0x12, 0x26})).ok());
  EXPECT_TRUE(counter.add(msg(Tag::kBitOp, {kBitXor, 0x1234, 0x34, 0x26})).ok());
  EXPECT_FALSE(counter.add(msg(Tag::kProgram, {testing::kTestCode + 8})).ok());
  EXPECT_FALSE(counter.add(msg(Tag::kPublicIn, {0, 8})).ok());
  Message<Fp> negative = msg(Tag::kRange16, {1});
  negative.multiplicity = -Fp::one();
  EXPECT_FALSE(counter.add(negative).ok());
  // Memory messages are not lookups; zero multiplicities count nothing.
  EXPECT_TRUE(counter.add(msg(Tag::kMemory, {1, 2, 3, 4})).ok());
  EXPECT_TRUE(counter.add(msg(Tag::kRange16, {65536}, 0)).ok());
}

TEST(LookupCounterTest, OutputBytesMustBeWrittenOnce) {
  const Fixture f;
  LookupCounter once(f.content);
  ASSERT_TRUE(once.add(msg(Tag::kPublicOut, {0, 0x41})).ok());
  EXPECT_FALSE(once.static_trace(kStaticLog).ok());  // byte 1 never written
  ASSERT_TRUE(once.add(msg(Tag::kPublicOut, {1, 0x42})).ok());
  EXPECT_TRUE(once.static_trace(kStaticLog).ok());
  ASSERT_TRUE(once.add(msg(Tag::kPublicOut, {1, 0x42})).ok());
  EXPECT_FALSE(once.static_trace(kStaticLog).ok());  // written twice
}

TEST(LookupCounterTest, CountMessagesNamesTableAndRow) {
  const Fixture f;
  const Sender sender(kSenderTags, 2);
  TableTrace sent = sender_trace(f.info);
  Sender::put(sent, 2, 0, 1, {70000});
  LookupCounter counter(f.content);
  const Status counted = count_messages(sender, sent, counter);
  ASSERT_FALSE(counted.ok());
  EXPECT_EQ(counted.error().context, "table test.sender row 2");
}

// 2^16 rows counted in one part and in several (one per thread): the same
// counts, added to what the counter already held.
TEST(LookupCounterTest, CountsDoNotDependOnThreads) {
  const Fixture f;
  constexpr int kLogRows = 16;
  const Sender sender(kSenderTags, kLogRows);
  TableTrace sent(kLogRows, 8 * Sender::kSlotCols);
  for (uint64_t row = 0; row < sent.rows(); ++row) {
    Sender::put(sent, row, 0, 1, {(row * 7) & 0xffff});
    Sender::put(sent, row, 2, 1,
                {kBitXor, row & 0xffff, row & 0xff, (row & 0xff) ^ (row >> 8 & 0xff)});
  }
  const int threads = omp_get_max_threads();
  std::vector<std::vector<uint64_t>> results;
  for (int t : {1, 4}) {
    omp_set_num_threads(t);
    LookupCounter counter(f.content);
    ASSERT_TRUE(counter.add(msg(Tag::kRange16, {7})).ok());
    const Status counted = count_messages(sender, sent, counter);
    ASSERT_TRUE(counted.ok()) << counted.error().to_string();
    results.push_back(counter.counts());
  }
  omp_set_num_threads(threads);
  EXPECT_EQ(results[0], results[1]);
  const TableTrace bytes = [&] {
    LookupCounter counter(f.content);
    counter.add_counts(results[0]);
    return counter.bytes_trace();
  }();
  // Row r sends range16(7r mod 2^16): every value once, 7 once more.
  EXPECT_EQ(bytes.at(7, BytesAir::kMultRange), Fp::from_u64(2));
  EXPECT_EQ(bytes.at(8, BytesAir::kMultRange), Fp::from_u64(1));
  EXPECT_EQ(bytes.at(0x0201, BytesAir::kMultXor), Fp::from_u64(1));

  // A counter added to another adds every count.
  LookupCounter twice(f.content);
  twice.add_counts(results[0]);
  LookupCounter other(f.content);
  other.add_counts(results[0]);
  twice.add_counts(other);
  std::vector<uint64_t> doubled = results[0];
  for (uint64_t& c : doubled) c *= 2;
  EXPECT_EQ(twice.counts(), doubled);
}

}  // namespace
}  // namespace baobab::zkvm::rv
