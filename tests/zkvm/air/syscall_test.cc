// The ecall and io tables (docs/rv32im-air.md §4): hand-made syscalls go
// through SyscallWitness, both tables pass the debug checker and the whole
// bus (a cpu stand-in, ecall, io, fixed_mem, zero_mem, static, bytes)
// balances; tampered witnesses fail by constraint name or unbalance the bus.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "tests/zkvm/air/table_test_util.h"
#include "zkvm/air/bytes_air.h"
#include "zkvm/air/ecall_air.h"
#include "zkvm/air/io_air.h"
#include "zkvm/air/lookup_counter.h"
#include "zkvm/air/memory_air.h"
#include "zkvm/air/static_air.h"
#include "zkvm/air/syscall_witness.h"

namespace baobab::zkvm::rv {
namespace {

// The cpu's side: the ecall message and the writes that set a1 and a2.
using CpuStandIn = testing::TestSenderAir<5>;
constexpr int kCpuLog = 4;
constexpr int kEcallLog = 4;
constexpr int kIoLog = 3;
constexpr int kStaticLog = 7;
constexpr int kZeroLog = 3;
constexpr uint32_t kScratch = 0x2000;  // outside the image (zero_mem)
constexpr uint32_t kImageData = 0x3000;

struct Fixture {
  ProgramInfo info = make_program_info(testing::test_program());
  ExecutionInputs inputs{{10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, {0xa0, 0xa1, 0xa2, 0xa3, 0xa4}};
  MemoryTracker tracker = make_tracker(info, inputs);
  SyscallWitness witness{info, inputs};
  TableTrace cpu{kCpuLog, 5 * CpuStandIn::kSlotCols};
  std::vector<uint8_t> output;
  uint64_t clk = 0;
  uint32_t pub_left = 10, priv_left = 5, brk = 0;

  Fixture() {
    brk = info.initial_brk;
    read(3, kScratch + 1, 9);                     // unaligned, 3 words, 9 of 10 bytes
    read(3, kImageData + 3, 5);                   // the last public byte, into an image word
    read(3, kScratch + 0x20, 5);                  // nothing left
    read(0, kScratch + 0x10, 4);                  // private, aligned
    write(1, kScratch + 2, 6);                    // public output: bytes 1..6 of the input
    write(2, kImageData + 2, 3);                  // debug log
    write(1, kScratch, 0);                        // nothing
    ecall(214, info.initial_brk + 0x1000, 0, 0);  // valid
    ecall(214, 0, 0, 0);                          // below the initial break: unchanged
    ecall(214, 0xffffffffu, 0, 0);                // above the limit: unchanged
  }

  static MemoryTracker make_tracker(const ProgramInfo& info, const ExecutionInputs& in) {
    std::array<uint32_t, kNumRegisters> regs{};
    regs[kRegBrk] = info.initial_brk;
    regs[kRegPublicRemaining] = static_cast<uint32_t>(in.public_input.size());
    regs[kRegPrivateRemaining] = static_cast<uint32_t>(in.private_input.size());
    return MemoryTracker(regs, [image = info.image](uint64_t cell) {
      for (const ImageWord& w : image) {
        if (w.cell == cell) return w.value;
      }
      return 0u;
    });
  }

  void read(uint32_t fd, uint32_t buf, uint32_t count) {
    uint32_t& left = fd == 3 ? pub_left : priv_left;
    const uint64_t total = fd == 3 ? inputs.public_input.size() : inputs.private_input.size();
    const uint32_t n = std::min(count, left);
    ecall(63, fd, buf, count, n, static_cast<uint32_t>(total - left), n);
    left -= n;
  }
  void write(uint32_t fd, uint32_t buf, uint32_t count) {
    const auto offset = static_cast<uint32_t>(output.size());
    if (fd == 1) {
      for (uint32_t i = 0; i < count; ++i) {
        const uint32_t addr = buf + i;
        output.push_back(static_cast<uint8_t>(tracker.peek(addr & ~3u).value >> (8 * (addr & 3))));
      }
    }
    ecall(64, fd, buf, count, count, fd == 1 ? offset : 0, count);
  }
  void ecall(uint32_t a7, uint32_t a0, uint32_t a1, uint32_t a2) {
    uint32_t ret = brk;
    if (a0 >= info.initial_brk && a0 <= info.brk_limit) ret = brk = a0;
    ecall(a7, a0, a1, a2, ret, 0, 0);
  }
  // Sets a1/a2 in cycle clk - 1, then hands the ecall of cycle clk over.
  void ecall(uint32_t a7, uint32_t a0, uint32_t a1, uint32_t a2, uint32_t ret, uint32_t io_offset,
             uint32_t io_length) {
    clk += 2;
    const uint64_t r = clk / 2 - 1;
    const uint64_t setup_ts = timestamp(clk - 1, kSlotRd);
    uint64_t slot = 1;
    for (auto [reg, value] : {std::pair{uint64_t{11}, a1}, std::pair{uint64_t{12}, a2}}) {
      const CellState before = tracker.access(register_cell(reg), value, setup_ts);
      CpuStandIn::put(cpu, r, slot++, -1,
                      {register_cell(reg), before.value & 0xffff, before.value >> 16, before.ts});
      CpuStandIn::put(cpu, r, slot++, 1,
                      {register_cell(reg), value & 0xffff, value >> 16, setup_ts});
    }
    CpuStandIn::put(cpu, r, 0, 1, {clk, a7, a0 & 0xffff, a0 >> 16, ret & 0xffff, ret >> 16});
    TraceRow row;
    row.cycle = clk;
    row.op = Opcode::kEcall;
    row.rs1 = 17;
    row.rs2 = 10;
    row.rd = 10;
    row.rs1_val = a7;
    row.rs2_val = a0;
    row.rd_val = ret;
    row.arg1 = a1;
    row.arg2 = a2;
    row.io_offset = io_offset;
    row.io_length = io_length;
    witness.on_ecall(row, tracker);
  }

  std::vector<Fp> public_inputs() const {
    std::vector<Fp> pub(kNumPublicInputs, Fp::zero());
    pub[kPubInputLength] = Fp::from_u64(inputs.public_input.size());
    pub[kPubOutputLength] = Fp::from_u64(output.size());
    pub[kPubInitialBrk] = Fp::from_u64(info.initial_brk);
    pub[kPubBrkLimit] = Fp::from_u64(info.brk_limit);
    return pub;
  }
};

struct Run {
  std::string failure;  // the first failing constraint, or "none"
  Fp3 bus_sum;
};

Run run(const air::Air& air, const TableTrace& main, const std::vector<Fp>& pub,
        uint64_t seed = 7) {
  const std::vector<Fp3> challenges = testing::random_challenges(seed);
  const air::TableInfo& info = air.info();
  TableTrace pre(info.log_rows, info.num_preprocessed);
  air.build_preprocessed(pre.view());
  TableTrace aux(info.log_rows, info.num_aux_base_columns());
  std::vector<Fp3> values(info.num_aux_values);
  air::ConstraintInputs inputs{pub, challenges, {}};
  const TableTrace& cpre = pre;
  air.build_aux({main.view(), cpre.view(), {}}, inputs, aux.view(), values);
  inputs.aux_values = values;
  const TableTrace& caux = aux;
  const auto failure =
      air::find_first_failure(air, {main.view(), cpre.view(), caux.view()}, inputs);
  return {failure ? failure->constraint : "none", values[kAuxValueBusSum]};
}

// Every table of the bus; the lookup multiplicities come from the honest
// traces, so a tampered ecall or io trace is measured against them.
struct System {
  Fixture f;
  std::vector<Fp> pub = f.public_inputs();
  CpuStandIn cpu_air{{Tag::kEcall, Tag::kMemory, Tag::kMemory, Tag::kMemory, Tag::kMemory},
                     kCpuLog};
  std::shared_ptr<const StaticContent> static_content =
      std::make_shared<StaticContent>(make_static_content(f.info, f.inputs.public_input, f.output));
  std::shared_ptr<const FixedMemContent> fixed_content = std::make_shared<FixedMemContent>(
      make_fixed_mem_content(f.info, f.inputs.public_input.size(), f.output.size()));
  int fixed_log = log2_ceil(fixed_content->rows.size());
  TableTrace ecall = f.witness.ecall_trace(kEcallLog);
  TableTrace io = f.witness.io_trace(kIoLog);
  TableTrace fixed =
      fill_fixed_mem(*fixed_content, fixed_log, f.tracker, f.inputs.private_input.size());
  TableTrace zero = fill_zero_mem(f.info, kZeroLog, f.tracker);
  TableTrace static_main;
  TableTrace bytes_main;

  System() {
    LookupCounter counter(static_content);
    for (Status s : {count_messages(cpu_air, f.cpu, counter),
                     count_messages(EcallAir(kEcallLog), ecall, counter),
                     count_messages(IoAir(kIoLog), io, counter),
                     count_messages(FixedMemAir(fixed_content, fixed_log), fixed, counter),
                     count_messages(ZeroMemAir(kZeroLog), zero, counter)}) {
      BAOBAB_CHECK(s.ok(), "System: " + s.error().to_string());
    }
    Result<TableTrace> st = counter.static_trace(kStaticLog);
    BAOBAB_CHECK(st.ok(), "System: static trace");
    static_main = std::move(st).value();
    bytes_main = counter.bytes_trace();
  }

  // The bus sum over all tables with `e` and `i` as the ecall and io traces;
  // `failures` collects the tables whose constraints fail.
  Fp3 sum(const TableTrace& e, const TableTrace& i, std::string* failures = nullptr) const {
    Fp3 total = Fp3::zero();
    const auto add = [&](const air::Air& air, const TableTrace& main) {
      const Run r = run(air, main, pub);
      if (failures != nullptr && r.failure != "none") *failures += r.failure + " ";
      total += r.bus_sum;
    };
    add(*air::make_air(cpu_air), f.cpu);
    add(*air::make_air(EcallAir(kEcallLog)), e);
    add(*air::make_air(IoAir(kIoLog)), i);
    add(*air::make_air(FixedMemAir(fixed_content, fixed_log)), fixed);
    add(*air::make_air(ZeroMemAir(kZeroLog)), zero);
    add(*air::make_air(StaticAir(static_content, kStaticLog)), static_main);
    add(*air::make_air(BytesAir()), bytes_main);
    return total;
  }
  std::string ecall_failure(const TableTrace& e) const {
    return run(*air::make_air(EcallAir(kEcallLog)), e, pub).failure;
  }
  std::string io_failure(const TableTrace& i) const {
    return run(*air::make_air(IoAir(kIoLog)), i, pub).failure;
  }
};

Fp word_lo(uint32_t v) {
  return Fp::from_u64(v & 0xffff);
}

TEST(SyscallAirTest, HonestSyscallsBalanceTheBus) {
  const System sys;
  EXPECT_EQ(sys.f.witness.ecall_rows(), 10u);
  EXPECT_EQ(sys.f.witness.io_rows(), 7u);
  EXPECT_EQ(sys.f.output, std::vector<uint8_t>({11, 12, 13, 14, 15, 16}));
  std::string failures;
  EXPECT_EQ(sys.sum(sys.ecall, sys.io, &failures), Fp3::zero());
  EXPECT_EQ(failures, "");
}

TEST(SyscallAirTest, WitnessMatchesTheSyscalls) {
  const System sys;
  const TableTrace& io = sys.io;
  using I = IoAir::Col;
  // The unaligned fd 3 read: words 0x2000, 0x2004, 0x2008, bytes 1..9.
  const uint64_t masks[3][4] = {{0, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 0, 0}};
  for (uint64_t r = 0; r < 3; ++r) {
    EXPECT_EQ(io.at(r, I::kCell), Fp::from_u64(kScratch + 4 * r));
    EXPECT_EQ(io.at(r, I::kFirst), Fp::from_u64(r == 0));
    EXPECT_EQ(io.at(r, I::kLast), Fp::from_u64(r == 2));
    for (uint64_t k = 0; k < 4; ++k) EXPECT_EQ(io.at(r, I::kE0 + k), Fp::from_u64(masks[r][k]));
  }
  EXPECT_EQ(io.at(0, I::kN1), Fp::from_u64(10));
  EXPECT_EQ(io.at(2, I::kN1), Fp::from_u64(18));
  EXPECT_EQ(io.at(0, I::kSo), -Fp::one());  // byte 0 precedes the stream
  EXPECT_EQ(io.at(2, I::kCnt), Fp::from_u64(9));
  // The image word at 0x3000 keeps bytes 0..2 (loaded 1, 2 at 0x3002) and gets I[9].
  EXPECT_EQ(io.at(3, I::kN2), Fp::from_u64(1));
  EXPECT_EQ(io.at(3, I::kN3), Fp::from_u64(19));
  // brk rows: the valid request is taken, the others return it unchanged.
  using E = EcallAir::Col;
  const uint32_t taken = sys.f.info.initial_brk + 0x1000;
  for (uint64_t r = 7; r < 10; ++r) {
    EXPECT_EQ(sys.ecall.at(r, E::kRetLo), word_lo(taken)) << r;
    EXPECT_EQ(sys.ecall.at(r, E::kValid), Fp::from_u64(r == 7));
  }
  EXPECT_EQ(sys.ecall.at(8, E::kLtA), Fp::one());
  EXPECT_EQ(sys.ecall.at(9, E::kLtB), Fp::one());
  EXPECT_EQ(sys.ecall.at(2, E::kHasIo), Fp::zero());  // read of nothing
  EXPECT_EQ(sys.ecall.at(5, E::kHasIo), Fp::zero());  // debug write
}

TEST(SyscallAirTest, TamperedEcallRowsFailByName) {
  const System sys;
  using E = EcallAir::Col;
  const auto fails = [&](uint64_t row, uint64_t col, Fp delta) {
    TableTrace t = sys.ecall;
    t.at(row, col) += delta;
    return sys.ecall_failure(t);
  };
  EXPECT_EQ(sys.ecall_failure(sys.ecall), "none");
  EXPECT_EQ(fails(0, E::kRetLo, Fp::one()), "ecall.read_ret");  // read returns more
  EXPECT_EQ(fails(0, E::kLtA, Fp::one()), "ecall.read_cmp");    // claims a2 > old
  EXPECT_EQ(fails(0, E::kNewLo, Fp::one()), "ecall.read_new");  // input not consumed
  EXPECT_EQ(fails(0, E::kOffset, Fp::one()), "ecall.public_read_offset");
  EXPECT_EQ(fails(4, E::kNewLo, -Fp::one()), "ecall.write_new");     // output shrinks
  EXPECT_EQ(fails(4, E::kOffset, Fp::one()), "ecall.write_offset");  // output overwritten
  EXPECT_EQ(fails(5, E::kRetLo, Fp::one()), "ecall.write_ret");
  EXPECT_EQ(fails(7, E::kRetLo, Fp::one()), "ecall.brk_ret");
  EXPECT_EQ(fails(8, E::kValid, Fp::one()), "ecall.brk_valid");   // invalid request taken
  EXPECT_EQ(fails(0, E::kHasIo, -Fp::one()), "ecall.io_needed");  // bytes without io rows
  EXPECT_EQ(fails(5, E::kHasIo, Fp::one()), "ecall.io_kind");     // io for fd 2
  EXPECT_EQ(fails(0, E::kA7, Fp::one()), "ecall.a7");
  EXPECT_EQ(fails(3, E::kSReadPriv, -Fp::one()), "ecall.one_syscall");
  EXPECT_EQ(fails(3, E::kSReadPriv, Fp::one()), "ecall.s_rpriv_bool");
  EXPECT_EQ(fails(0, E::kA1PrevTs, Fp::one()), "ecall.a1_ts");
  EXPECT_EQ(fails(12, E::kClk, Fp::one()), "none");  // padding: clk is free, nothing is sent
  // brk: a break that moves without a valid request.
  TableTrace t = sys.ecall;
  t.at(7, E::kRetLo) += Fp::one();
  t.at(7, E::kNewLo) += Fp::one();
  EXPECT_EQ(sys.ecall_failure(t), "ecall.brk_new");
  // A buffer running past 2^32 - 4 (into the register cells).
  t = sys.ecall;
  t.at(0, E::kA1Hi) = Fp::from_u64(0xffff);
  EXPECT_EQ(sys.ecall_failure(t), "ecall.io_buffer_end");
}

TEST(SyscallAirTest, TamperedIoRowsFailByName) {
  const System sys;
  using I = IoAir::Col;
  EXPECT_EQ(sys.io_failure(sys.io), "none");
  TableTrace t = sys.io;
  for (uint64_t r = 0; r < 3; ++r) t.at(r, I::kBuf) += Fp::one();  // the chain claims buf + 1
  EXPECT_EQ(sys.io_failure(t), "io.first_buf");
  t = sys.io;
  t.at(1, I::kBuf) += Fp::one();
  EXPECT_EQ(sys.io_failure(t), "io.keep_buf");
  t = sys.io;  // a hole in the middle word, the counts adjusted
  t.at(1, I::kE1) = Fp::zero();
  t.at(1, I::kN1) = t.at(1, I::kO1);
  t.at(1, I::kCnt) -= Fp::one();
  t.at(2, I::kCnt) -= Fp::one();
  EXPECT_EQ(sys.io_failure(t), "io.mask_fall1_e2");
  t = sys.io;  // the first word's last byte skipped
  t.at(0, I::kE3) = Fp::zero();
  t.at(0, I::kN3) = t.at(0, I::kO3);
  t.at(0, I::kCnt) -= Fp::one();
  t.at(1, I::kCnt) -= Fp::one();
  t.at(2, I::kCnt) -= Fp::one();
  EXPECT_EQ(sys.io_failure(t), "io.mask_cont_end");
  t = sys.io;  // one byte fewer than n
  t.at(2, I::kE1) = Fp::zero();
  t.at(2, I::kN1) = t.at(2, I::kO1);
  t.at(2, I::kCnt) -= Fp::one();
  EXPECT_EQ(sys.io_failure(t), "io.last_cnt");
  t = sys.io;  // a disabled byte overwritten
  t.at(0, I::kN0) += Fp::one();
  EXPECT_EQ(sys.io_failure(t), "io.keep_byte0");
  t = sys.io;  // a public output byte changed in memory
  t.at(5, I::kN2) += Fp::one();
  EXPECT_EQ(sys.io_failure(t), "io.out_byte2");
  t = sys.io;  // a chain cut short: its rest would be orphans
  t.at(1, I::kLast) = Fp::one();
  EXPECT_EQ(sys.io_failure(t), "io.no_orphan");
  t = sys.io;  // an orphan row after the last chain
  t.at(7, I::kReal) = Fp::one();
  t.at(7, I::kKIn) = Fp::one();
  t.at(7, I::kLast) = Fp::one();
  EXPECT_EQ(sys.io_failure(t), "io.no_orphan");
  t = sys.io;  // the table ends inside a chain
  t.at(7, I::kReal) = Fp::one();
  t.at(7, I::kFirst) = Fp::one();
  t.at(7, I::kKIn) = Fp::one();
  EXPECT_EQ(sys.io_failure(t), "io.end");
}

TEST(SyscallAirTest, ForgedBytesUnbalanceTheBus) {
  const System sys;
  using I = IoAir::Col;
  using E = EcallAir::Col;
  const auto unbalanced = [&](const TableTrace& e, const TableTrace& i) {
    std::string failures;
    const Fp3 total = sys.sum(e, i, &failures);
    EXPECT_EQ(failures, "");  // the constraints alone accept the forgery
    return total != Fp3::zero();
  };
  TableTrace t = sys.io;
  t.at(1, I::kN2) += Fp::one();  // a forged public input byte
  EXPECT_TRUE(unbalanced(sys.ecall, t));
  t = sys.io;
  t.at(5, I::kO2) += Fp::one();  // a forged public output byte
  t.at(5, I::kN2) += Fp::one();
  EXPECT_TRUE(unbalanced(sys.ecall, t));
  t = sys.io;
  t.at(3, I::kSo) += Fp::one();  // the right byte from the wrong offset
  EXPECT_TRUE(unbalanced(sys.ecall, t));
  TableTrace e = sys.ecall;
  e.at(0, E::kA1Lo) += Fp::one();  // the io rows for another buffer
  e.at(0, E::kCmpBLo) -= Fp::one();
  EXPECT_TRUE(unbalanced(e, sys.io));
  EXPECT_FALSE(unbalanced(sys.ecall, sys.io));
}

}  // namespace
}  // namespace baobab::zkvm::rv
