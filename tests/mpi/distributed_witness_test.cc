// The zkVM witness split over MPI ranks (zkvm/air/distributed_witness.h)
// under mpirun (R = 1..4, 8 opt-in): every rank's rows of the cpu table and
// every other table equal one process's witness, for a program long enough
// that the ranks replay from different snapshots, with reads, writes and brk
// calls throughout (inputs running dry midway), and for one shorter than a
// snapshot interval.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mpi/mpi_communicator.h"
#include "tests/zkvm/air/test_programs.h"
#include "zkvm/air/zkvm_prover.h"

namespace baobab::zkvm {
namespace {

using namespace testing;

// `iterations` rounds of: read(3, p, 3), read(0, p + 0x400, 2), a word load,
// a byte store, write(1, p, 2) and brk(0), with p moving through the data
// segment; then the checksum out and exit(0). About 45 cycles a round.
Program syscall_loop_program(uint32_t iterations) {
  constexpr uint32_t kA3 = 13, kA4 = 14;
  Asm code;
  code.li(kS1, 0).li(kA3, iterations);
  const int32_t loop = code.here();
  code.op_imm(1, kT1, kA3, 2).add(kT1, kT1, kA3).op_imm(7, kT1, kT1, 0x7ff);
  code.li(kA4, kDataBase + 0x800).add(kA4, kA4, kT1);
  code.li(kA0, 3).addi(kA1, kA4, 0).li(kA2, 3).syscall(kSysRead).add(kS1, kS1, kA0);
  code.li(kA0, 0).addi(kA1, kA4, 0x400).li(kA2, 2).syscall(kSysRead).add(kS1, kS1, kA0);
  code.op_imm(7, kT2, kA4, -4).lw(kT2, kT2, 0).add(kS1, kS1, kT2).store(0, kS1, kA4, 0x600);
  code.li(kA0, 1).addi(kA1, kA4, 0).li(kA2, 2).syscall(kSysWrite);
  code.li(kA0, 0).syscall(kSysBrk).add(kS1, kS1, kA0);
  code.addi(kA3, kA3, -1);
  code.branch(1, kA3, kZero, loop - code.here());  // bne a3, x0, loop
  code.li(kT0, kDataBase + 0x500).sw(kS1, kT0, 0);
  code.li(kA0, 1).li(kA1, kDataBase + 0x500).li(kA2, 4).syscall(kSysWrite);
  code.exit(0);
  return make_test_program(code);
}

ExecutionInputs syscall_loop_inputs() {
  ExecutionInputs inputs;
  for (uint32_t i = 0; i < 5000; ++i) inputs.public_input.push_back(static_cast<uint8_t>(i * 7));
  for (uint32_t i = 0; i < 2000; ++i) inputs.private_input.push_back(static_cast<uint8_t>(i * 13));
  return inputs;
}

void expect_rows_equal(const rv::TableTrace& mine, const rv::TableTrace& whole, uint64_t row,
                       const std::string& what) {
  for (uint64_t c = 0; c < whole.cols; ++c) {
    ASSERT_EQ(mine.at(row, c), whole.at(row, c)) << what << ", row " << row << ", column " << c;
  }
}

void expect_same_witness(const Program& program, const ExecutionInputs& inputs, bool expect_split) {
  mpi::MpiCommunicator comm;
  const std::string where =
      "rank " + std::to_string(comm.rank()) + " of " + std::to_string(comm.size());
  auto single = build_zkvm_witness(program, inputs, air_test_params());
  ASSERT_TRUE(single.ok()) << single.error().to_string();
  ZkvmProveOptions options;
  options.communicator = &comm;
  auto split = build_zkvm_witness(program, inputs, air_test_params(), options);
  ASSERT_TRUE(split.ok()) << where << ": " << split.error().to_string();
  const ZkvmWitness& one = single.value();
  const ZkvmWitness& many = split.value();
  ASSERT_EQ(many.cycles, one.cycles);
  ASSERT_EQ(many.statement->heights(), one.statement->heights());
  EXPECT_EQ(many.public_output, one.public_output);
  for (uint64_t t = 0; t < rv::kNumTables; ++t) {
    const rv::TableTrace& mine = many.tables[t];
    const rv::TableTrace& whole = one.tables[t];
    const std::string what = where + ", table " + std::to_string(t);
    ASSERT_EQ(mine.rows(), whole.rows()) << what;
    if (!mine.windowed) {
      EXPECT_EQ(mine.data, whole.data) << what;
      continue;
    }
    ASSERT_EQ(t, uint64_t{rv::kTableCpu}) << what << ": only the cpu table is split";
    for (uint64_t r = mine.first; r < mine.first + mine.count; ++r) {
      expect_rows_equal(mine, whole, r, what);
    }
    expect_rows_equal(mine, whole, (mine.first + mine.count) % mine.rows(), what + " (next row)");
  }
  if (expect_split && comm.size() > 1) {
    EXPECT_TRUE(many.tables[rv::kTableCpu].windowed) << where << ": the cpu table was not split";
  }
}

TEST(DistributedWitness, RanksReplayingFromSnapshotsBuildOneProcesssRows) {
  const Program program = syscall_loop_program(3000);
  const ExecutionInputs inputs = syscall_loop_inputs();
  auto run = execute(program, inputs);
  ASSERT_TRUE(run.ok()) << run.error().to_string();
  // Past two snapshot intervals, short of 2^18 rows: on 4 ranks the last
  // rank's rows are all padding, and two ranks start from one snapshot.
  ASSERT_GT(run.value().cycles, 2 * kSnapshotInterval);
  ASSERT_LT(run.value().cycles, uint64_t{1} << 18);
  expect_same_witness(program, inputs, true);
}

TEST(DistributedWitness, AProgramShorterThanASnapshotIntervalToo) {
  expect_same_witness(all_instructions_program(), all_instructions_inputs(), false);
}

}  // namespace
}  // namespace baobab::zkvm
