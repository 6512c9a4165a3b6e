// Executor behaviour beyond single instructions: execution errors (with pc
// and instruction word), the syscall ABI (read, write, brk, exit), the cycle
// limit, and snapshots: re-executing from any snapshot gives exactly the rows
// of a straight run.
#include "zkvm/executor.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "tests/zkvm/run_helpers.h"

namespace baobab::zkvm {
namespace {

using testing::Asm;
using testing::execution_failure;
using testing::kA0;
using testing::kA1;
using testing::kA2;
using testing::kCodeBase;
using testing::kDataBase;
using testing::kS1;
using testing::kT0;
using testing::kT1;
using testing::make_test_program;

TEST(ZkvmExecutor, IllegalInstructionReportsPcAndWord) {
  Asm code;
  code.addi(kT0, 0, 1).emit(0xffffffff).exit(0);
  const std::string message = execution_failure(make_test_program(code));
  EXPECT_CONTAINS(message, "execution error at pc 0x00001004 (instruction 0xffffffff)");
  EXPECT_CONTAINS(message, "illegal instruction");
}

TEST(ZkvmExecutor, EbreakCsrAndReservedEncodingsAreErrors) {
  const uint32_t words[] = {0x00100073,   // ebreak
                            0x34011073,   // csrrw x0, mscratch, x2
                            0x00000000,   // all zero
                            0x02a01013,   // slli with shamt bit 5 (RV64 only)
                            0x0000100f,   // fence.i (Zifencei)
                            0x40001033};  // sll with funct7 0x20
  for (uint32_t word : words) {
    Asm code;
    code.emit(word).exit(0);
    char expected[64];
    std::snprintf(expected, sizeof(expected), "(instruction 0x%08x)", word);
    EXPECT_CONTAINS(execution_failure(make_test_program(code)), expected);
  }
  Asm code;
  code.emit(0x00100073);
  EXPECT_CONTAINS(execution_failure(make_test_program(code)), "ebreak");
}

TEST(ZkvmExecutor, MisalignedAccessesAreErrors) {
  const std::pair<uint32_t, int32_t> cases[] = {{2, 2}, {2, 1}, {1, 1}, {5, 3}};  // lw, lw, lh, lhu
  for (auto [f3, offset] : cases) {
    Asm code;
    code.li(kS1, kDataBase).load(f3, kT0, kS1, offset).exit(0);
    EXPECT_CONTAINS(execution_failure(make_test_program(code)), "misaligned");
  }
  for (auto [f3, offset] : {std::pair<uint32_t, int32_t>{2, 2}, {1, 3}}) {
    Asm code;
    code.li(kS1, kDataBase).store(f3, kT0, kS1, offset).exit(0);
    const std::string message = execution_failure(make_test_program(code));
    EXPECT_CONTAINS(message, "misaligned");
    EXPECT_CONTAINS(message, "pc 0x00001008");
  }
}

TEST(ZkvmExecutor, StoresIntoCodeAndJumpsOutOfCodeAreErrors) {
  Asm store;
  store.li(kS1, kCodeBase).sw(kT0, kS1, 0).exit(0);
  EXPECT_CONTAINS(execution_failure(make_test_program(store)), "inside an executable segment");
  Asm jump;
  jump.li(kS1, kDataBase).jalr(0, kS1, 0);
  EXPECT_CONTAINS(execution_failure(make_test_program(jump)), "outside the executable segments");
  Asm misaligned;
  misaligned.li(kS1, kCodeBase + 2).jalr(0, kS1, 0);
  EXPECT_CONTAINS(execution_failure(make_test_program(misaligned)), "not 4-byte aligned");
  Asm fall_off;  // runs past the last instruction
  fall_off.addi(kT0, 0, 1);
  EXPECT_CONTAINS(execution_failure(make_test_program(fall_off)),
                  "execution error at pc 0x00001004");
}

TEST(ZkvmExecutor, UnknownSyscallNamesItsNumber) {
  Asm code;
  code.syscall(999);
  EXPECT_CONTAINS(execution_failure(make_test_program(code)), "unsupported syscall 999");
  Asm bad_fd;
  bad_fd.li(kA0, 5).syscall(kSysWrite);
  EXPECT_CONTAINS(execution_failure(make_test_program(bad_fd)), "write to fd 5");
  Asm bad_read;
  bad_read.li(kA0, 1).syscall(kSysRead);
  EXPECT_CONTAINS(execution_failure(make_test_program(bad_read)), "read from fd 1");
}

TEST(ZkvmExecutor, ExitCodeAndExitGroup) {
  Asm code;
  code.li(kA0, 0xfffffffe).syscall(kSysExitGroup);
  auto result = execute(make_test_program(code), {});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().exit_code, 0xfffffffeu);
  EXPECT_EQ(result.value().cycles, 5u);  // li (2) + li (2) + ecall
}

// Reads the public input in chunks of 3 bytes to kDataBase, echoes it to
// fd 1, reads the private input and writes it to fd 2, then exits with the
// return value of one more read (0 at the end).
Asm echo_program() {
  Asm code;
  code.li(kS1, kDataBase);
  const int32_t loop = code.here();
  code.li(kA0, 3).add(kA1, kS1, 0).li(kA2, 3).syscall(kSysRead);         // a0 = read(3, buf, 3)
  code.add(kA2, kA0, 0).li(kA0, 1).add(kA1, kS1, 0).syscall(kSysWrite);  // write(1, buf, n)
  code.branch(1, kA0, 0, loop - code.here());                            // while n != 0
  code.li(kA0, 0).add(kA1, kS1, 0).li(kA2, 100).syscall(kSysRead);
  code.add(kA2, kA0, 0).li(kA0, 2).add(kA1, kS1, 0).syscall(kSysWrite);
  code.li(kA0, 3).add(kA1, kS1, 0).li(kA2, 100).syscall(kSysRead);
  code.syscall(kSysExit);
  return code;
}

TEST(ZkvmExecutor, ReadAndWriteFollowLinuxSemantics) {
  ExecutionInputs inputs;
  inputs.public_input = {'h', 'e', 'l', 'l', 'o', '!', '!'};
  inputs.private_input = {'s', 'e', 'c', 'r', 'e', 't'};
  const Program program = make_test_program(echo_program());
  auto result = execute(program, inputs);
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  EXPECT_EQ(result.value().public_output, inputs.public_input);
  EXPECT_EQ(result.value().debug_output, inputs.private_input);
  EXPECT_EQ(result.value().exit_code, 0u);

  std::string streamed;
  ExecuteOptions options;
  options.debug_sink = [&](std::span<const uint8_t> b) { streamed.append(b.begin(), b.end()); };
  auto with_sink = execute(program, inputs, options);
  ASSERT_TRUE(with_sink.ok());
  EXPECT_EQ(streamed, "secret");
  EXPECT_TRUE(with_sink.value().debug_output.empty());

  auto empty = execute(program, {});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty.value().public_output.empty());
}

TEST(ZkvmExecutor, BuffersOutsideTheAddressSpaceAreErrors) {
  Asm read;
  read.li(kA0, 3).li(kA1, 0xfffffffe).li(kA2, 8).syscall(kSysRead);
  ExecutionInputs inputs;
  inputs.public_input.assign(16, 1);
  EXPECT_CONTAINS(execution_failure(make_test_program(read), inputs),
                  "outside the 32-bit address space");
  Asm write;
  write.li(kA0, 1).li(kA1, 0xfffffff0).li(kA2, 0x20).syscall(kSysWrite);
  EXPECT_CONTAINS(execution_failure(make_test_program(write)), "outside the 32-bit address space");
  Asm into_code;
  into_code.li(kA0, 3).li(kA1, kCodeBase).li(kA2, 4).syscall(kSysRead);
  EXPECT_CONTAINS(execution_failure(make_test_program(into_code), inputs), "executable segment");
}

TEST(ZkvmExecutor, BrkFollowsLinuxSemantics) {
  // The image ends at kDataBase + kDataSize: the initial break.
  const uint32_t initial = testing::kDataBase + testing::kDataSize;
  Asm code;
  code.li(kA0, 0).syscall(kSysBrk).add(10 + 8, kA0, 0);              // s2 = brk(0)
  code.li(kA0, initial + 0x12345).syscall(kSysBrk).add(19, kA0, 0);  // s3 = grown
  code.li(kA0, 0xf0000000).syscall(kSysBrk).add(20, kA0, 0);         // s4 = too big: unchanged
  code.li(kA0, 0x100).syscall(kSysBrk).add(21, kA0, 0);              // s5 = below start: unchanged
  code.li(kS1, initial + 0x12000).li(kT0, 77).sw(kT0, kS1, 0).lw(kT1, kS1, 0);  // heap use
  code.exit(0);
  const auto regs = testing::final_regs(code);
  EXPECT_EQ(regs[18], initial);
  EXPECT_EQ(regs[19], initial + 0x12345);
  EXPECT_EQ(regs[20], initial + 0x12345);
  EXPECT_EQ(regs[21], initial + 0x12345);
  EXPECT_EQ(regs[kT1], 77u);
}

TEST(ZkvmExecutor, CycleLimitIsAClearError) {
  Asm code;
  code.jal(0, 0);  // spin forever
  ExecuteOptions options;
  options.max_cycles = 1000;
  const std::string message = execution_failure(make_test_program(code), {}, options);
  EXPECT_CONTAINS(message, "cycle limit of 1000 cycles");
  EXPECT_CONTAINS(message, "pc 0x00001000 (instruction 0x0000006f)");
  options.record_snapshots = true;
  EXPECT_CONTAINS(execution_failure(make_test_program(code), {}, options), "cycle limit");
}

TEST(ZkvmExecutor, ZeroMemoryAndStackAnywhere) {
  // Unwritten memory reads as zero; a stack far above the image works.
  Asm code;
  code.li(testing::kSp, 0x7ffff000).lw(kT0, testing::kSp, -4).li(kT1, 5).sw(kT1, testing::kSp, -8);
  code.lw(kA0, testing::kSp, -8).add(kA0, kA0, kT0).syscall(kSysExit);
  auto result = execute(make_test_program(code), {});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().exit_code, 5u);
}

// A program that runs ~3.5 S cycles, touching memory scattered over many
// pages (stores and loads) and reading its inputs in pieces.
Asm long_program() {
  Asm code;
  code.li(kS1, kDataBase).li(kT0, 0).li(kT1, 12000).li(20, 0x9e3779b9).li(21, 0);
  const int32_t loop = code.here();
  code.op(1, 0, 21, 21, 20).addi(21, 21, 7);            // s5 = s5 * golden + 7
  code.op_imm(5, 22, 21, 18).op_imm(7, 22, 22, 0x3fc);  // s6 = (s5 >> 18) & 0x3fc
  code.op_imm(1, 23, kT0, 4).op_imm(7, 23, 23, 0x7f0);  // s7 = (t0 << 4) & 0x7f0
  code.add(22, 22, 23).add(22, 22, kS1).lw(24, 22, 0).add(24, 24, 21).sw(24, 22, 0);
  code.store(0, 21, 22, 1).load(5, 25, 22, 2);
  code.op_imm(7, 26, kT0, 1023).branch(1, 26, 0, 36);  // every 1024 iterations: read 1 byte
  code.li(kA0, 3).add(kA1, kS1, 0).li(kA2, 1).syscall(kSysRead);
  code.addi(kT0, kT0, 1).branch(1, kT0, kT1, loop - code.here());
  code.lw(kA0, kS1, 64).syscall(kSysExit);
  return code;
}

TEST(ZkvmSnapshots, ReexecutionFromEverySnapshotReproducesTheStraightTrace) {
  const Program program = make_test_program(long_program());
  ExecutionInputs inputs;
  std::mt19937 rng(7);
  for (int k = 0; k < 50; ++k) inputs.public_input.push_back(static_cast<uint8_t>(rng()));
  ExecuteOptions options;
  options.record_snapshots = true;
  auto fast = execute(program, inputs, options);
  ASSERT_TRUE(fast.ok()) << fast.error().to_string();
  const ExecutionResult& run = fast.value();
  ASSERT_GT(run.cycles, 3 * kSnapshotInterval);
  ASSERT_EQ(run.snapshots.size(), (run.cycles + kSnapshotInterval - 1) / kSnapshotInterval);

  const testing::TraceRun straight = testing::trace_all(program, inputs);
  ASSERT_EQ(straight.rows.size(), run.cycles);
  EXPECT_EQ(straight.result.exit_code, run.exit_code);
  for (size_t k = 0; k < straight.rows.size(); ++k) ASSERT_EQ(straight.rows[k].cycle, k);

  for (size_t s = 0; s < run.snapshots.size(); ++s) {
    const Snapshot& snapshot = run.snapshots[s];
    ASSERT_EQ(snapshot.state.cycle, s * kSnapshotInterval);
    std::vector<TraceRow> rows;
    auto traced = trace_from(program, snapshot, inputs, kSnapshotInterval,
                             [&](std::span<const TraceRow> batch) {
                               rows.insert(rows.end(), batch.begin(), batch.end());
                             });
    ASSERT_TRUE(traced.ok());
    const size_t first = snapshot.state.cycle;
    const size_t count = std::min<size_t>(kSnapshotInterval, straight.rows.size() - first);
    ASSERT_EQ(rows.size(), count) << "snapshot " << s;
    for (size_t k = 0; k < count; ++k) {
      ASSERT_EQ(rows[k], straight.rows[first + k]) << "snapshot " << s << " row " << k;
    }
    if (s + 1 < run.snapshots.size()) {
      EXPECT_EQ(traced.value().end, run.snapshots[s + 1].state);
    } else {
      EXPECT_TRUE(traced.value().exited);
    }
  }
  // Snapshots are immutable: re-running from the first one again still matches.
  std::vector<TraceRow> again;
  auto traced = trace_from(program, run.snapshots[1], inputs, 10,
                           [&](std::span<const TraceRow> b) { again.assign(b.begin(), b.end()); });
  ASSERT_TRUE(traced.ok());
  EXPECT_EQ(again[0], straight.rows[kSnapshotInterval]);
}

TEST(ZkvmSnapshots, TraceRowsDescribeMemoryAccesses) {
  Asm code;
  code.li(kS1, kDataBase).li(kT0, 0x11223344).sw(kT0, kS1, 8).li(kT1, 0xaa);
  code.store(0, kT1, kS1, 9).load(0, kA0, kS1, 9).syscall(kSysExit);
  const testing::TraceRun run = testing::trace_all(make_test_program(code));
  const TraceRow& sw = run.rows[4];
  EXPECT_EQ(sw.op, Opcode::kSw);
  EXPECT_EQ(sw.mem_addr, kDataBase + 8);
  EXPECT_EQ(sw.mem_before, 0u);
  EXPECT_EQ(sw.mem_after, 0x11223344u);
  const TraceRow& sb = run.rows[7];
  EXPECT_EQ(sb.op, Opcode::kSb);
  EXPECT_EQ(sb.mem_before, 0x11223344u);
  EXPECT_EQ(sb.mem_after, 0x1122aa44u);
  const TraceRow& lb = run.rows[8];
  EXPECT_EQ(lb.op, Opcode::kLb);
  EXPECT_EQ(lb.rd_val, 0xffffffaau);
  EXPECT_EQ(lb.mem_before, lb.mem_after);
  const TraceRow& exit = run.rows.back();
  EXPECT_EQ(exit.op, Opcode::kEcall);
  EXPECT_EQ(exit.rs1_val, kSysExit);
  EXPECT_EQ(run.result.exit_code, 0xffffffaau);
}

}  // namespace
}  // namespace baobab::zkvm
