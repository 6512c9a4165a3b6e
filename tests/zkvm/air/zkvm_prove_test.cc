// End-to-end proofs of RV32IM executions (issue 5 items 3, 4): an honest
// execution of every instruction class and syscall proves and verifies, and
// each malicious change of the witness after trace generation, forced through
// the prover, is rejected by the verifier. Each attack names the constraint
// family of docs/rv32im-air.md §9 it targets.
#include <gtest/gtest.h>
#include <omp.h>

#include <functional>
#include <string>

#include "src/params/profiles.h"
#include "tests/zkvm/air/test_programs.h"
#include "zkvm/air/cpu_air.h"
#include "zkvm/air/cpu_witness.h"
#include "zkvm/air/io_air.h"
#include "zkvm/air/zkvm_prover.h"

namespace baobab::zkvm {
namespace {

using testing::air_test_params;

params::SecurityLevel any_level() {
  params::SecurityLevel level;
  level.min_proven_bits = 0;
  return level;
}

struct Proved {
  ZkvmProveResult result;
  Program program;
  ExecutionInputs inputs;
};

Proved prove_all_instructions(const ZkvmProveOptions& options = {}) {
  Proved p{{}, testing::all_instructions_program(), testing::all_instructions_inputs()};
  auto result = prove_program(p.program, p.inputs, air_test_params(), options);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().to_string());
  if (result.ok()) p.result = std::move(result).value();
  return p;
}

TEST(ZkvmProve, EveryInstructionClassProvesAndVerifies) {
  const Proved p = prove_all_instructions();
  ASSERT_GT(p.result.proof.cycles, 1000u);
  EXPECT_EQ(p.result.exit_code, 7u);
  const auto bytes = serialize_zkvm_proof(p.result.proof);
  auto parsed =
      parse_zkvm_proof(p.program, p.inputs.public_input, p.result.public_output, 7, bytes);
  ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
  const ZkvmVerifyOutcome outcome = verify_program(
      p.program, p.inputs.public_input, p.result.public_output, 7, parsed.value(), any_level());
  EXPECT_TRUE(outcome.accepted) << outcome.reason;
  EXPECT_EQ(outcome.cycles, p.result.proof.cycles);
}

// Proof bytes are a function of program, inputs and parameters only.
TEST(ZkvmProve, ProofBytesDoNotDependOnTheThreadCount) {
  const Program program = testing::all_instructions_program();
  const ExecutionInputs inputs = testing::all_instructions_inputs();
  std::vector<std::vector<uint8_t>> proofs;
  const int saved = omp_get_max_threads();
  for (int threads : {1, 2, 3}) {
    omp_set_num_threads(threads);
    auto result = prove_program(program, inputs, air_test_params());
    ASSERT_TRUE(result.ok()) << result.error().to_string();
    proofs.push_back(serialize_zkvm_proof(result.value().proof));
  }
  omp_set_num_threads(saved);
  EXPECT_EQ(proofs[0], proofs[1]);
  EXPECT_EQ(proofs[0], proofs[2]);
}

// ---------------------------------------------------------------- attacks

using rv::CpuCol;
using rv::Flag;
using Tables = std::array<rv::TableTrace, rv::kNumTables>;

// A short program with one instruction of every class the attacks target.
Program attack_program(uint8_t first_data_byte = 1) {
  using namespace testing;
  Asm code;
  code.li(kT0, 0x80000000).li(kT1, 0xfffffff3);
  for (const ROp& op : kROps) code.op(op.f7, op.f3, kT2, kT0, kT1).add(kS1, kS1, kT2);
  all_memory_ops(code);
  all_control_ops(code);
  code.addi(kZero, kT0, 5);
  code.li(kA0, 3).li(kA1, kDataBase + 0x301).li(kA2, 5).syscall(kSysRead).add(kS1, kS1, kA0);
  code.li(kT0, kDataBase + 0x200).sw(kS1, kT0, 0);
  code.li(kA0, 1).li(kA1, kDataBase + 0x200).li(kA2, 4).syscall(kSysWrite);
  code.exit(3);
  return make_test_program(code, {first_data_byte, 2, 3, 4, 5, 6, 7, 8});
}

ExecutionInputs attack_inputs() {
  ExecutionInputs in;
  in.public_input = {'a', 'b', 'c', 'd', 'e'};
  return in;
}

uint64_t get(const rv::TableTrace& t, uint64_t row, uint64_t col) {
  return t.at(row, col).value();
}
void add(rv::TableTrace& t, uint64_t row, uint64_t col, uint64_t delta) {
  t.at(row, col) = t.at(row, col) + field::Fp::from_u64(delta);
}

// The first real cpu row with `flag` set and, optionally, `pred` true.
uint64_t find_row(const rv::TableTrace& cpu, Flag flag,
                  const std::function<bool(uint64_t)>& pred = nullptr) {
  for (uint64_t r = 0; r < cpu.rows(); ++r) {
    if (get(cpu, r, rv::kReal) == 1 && get(cpu, r, uint64_t{rv::kFlag0} + flag) == 1 &&
        (!pred || pred(r))) {
      return r;
    }
  }
  ADD_FAILURE() << "no cpu row with flag " << flag;
  return 0;
}

// Runs the attack twice: with the prover's witness check on, it must be
// refused with an error mentioning `family`; forced through, the verifier
// must reject the proof.
void expect_rejected(const std::function<void(Tables&)>& attack, const std::string& family) {
  const Program program = attack_program();
  const ExecutionInputs inputs = attack_inputs();
  ZkvmProveOptions checked;
  checked.tamper = attack;
  auto refused = prove_program(program, inputs, air_test_params(), checked);
  ASSERT_FALSE(refused.ok()) << "the debug checker accepted the attack on " << family;
  EXPECT_NE(refused.error().message.find(family), std::string::npos)
      << "expected family " << family << ", got: " << refused.error().to_string();
  ZkvmProveOptions forced;
  forced.tamper = attack;
  forced.check_witness = false;
  auto proof = prove_program(program, inputs, air_test_params(), forced);
  ASSERT_TRUE(proof.ok()) << proof.error().to_string();
  const ZkvmVerifyOutcome outcome =
      verify_program(program, inputs.public_input, proof.value().public_output,
                     proof.value().exit_code, proof.value().proof, any_level());
  EXPECT_FALSE(outcome.accepted) << "verifier accepted the attack on " << family;
}

TEST(ZkvmProve, AttackProgramIsHonestlyProvable) {
  const Program program = attack_program();
  const ExecutionInputs inputs = attack_inputs();
  auto proof = prove_program(program, inputs, air_test_params());
  ASSERT_TRUE(proof.ok()) << proof.error().to_string();
  const ZkvmVerifyOutcome outcome =
      verify_program(program, inputs.public_input, proof.value().public_output, 3,
                     proof.value().proof, any_level());
  EXPECT_TRUE(outcome.accepted) << outcome.reason;
}

// Wrong result, one test per instruction class: the value written to rd is
// off by one (the register then holds it for later reads too).
class WrongResult : public ::testing::TestWithParam<Flag> {};

TEST_P(WrongResult, IsRejected) {
  const Flag flag = GetParam();
  expect_rejected(
      [flag](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        const uint64_t row = find_row(cpu, flag, [&](uint64_t r) {
          return get(cpu, r, uint64_t{rv::kFlag0} + rv::kFWritesRd) == 1;
        });
        add(cpu, row, rv::kRdLo, 1);
      },
      flag == rv::kFJal || flag == rv::kFJalr ? "cpu.link" : "cpu.result_lo");
}

INSTANTIATE_TEST_SUITE_P(EveryClass, WrongResult,
                         ::testing::Values(rv::kFAdd, rv::kFSub, rv::kFSlt, rv::kFSltu, rv::kFAnd,
                                           rv::kFOr, rv::kFXor, rv::kFSll, rv::kFSrl, rv::kFSra,
                                           rv::kFMul, rv::kFMulh, rv::kFMulhsu, rv::kFMulhu,
                                           rv::kFDiv, rv::kFDivu, rv::kFRem, rv::kFRemu, rv::kFLb,
                                           rv::kFLbu, rv::kFLh, rv::kFLhu, rv::kFLw, rv::kFJal,
                                           rv::kFJalr));

// A consistent lie about an addition: adder output and rd changed together.
TEST(ZkvmAttack, AdderOutputAndResultTogether) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        const uint64_t row = find_row(cpu, rv::kFAdd, [&](uint64_t r) {
          return get(cpu, r, uint64_t{rv::kFlag0} + rv::kFWritesRd) == 1 &&
                 get(cpu, r, rv::kOutLo) < 1000;
        });
        add(cpu, row, rv::kOutLo, 1);
        add(cpu, row, rv::kRdLo, 1);
      },
      "cpu.add_lo");
}

// A consistent lie about a product: product words and rd changed together.
TEST(ZkvmAttack, MultiplierWordsAndResultTogether) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        const uint64_t row = find_row(cpu, rv::kFMul);
        add(cpu, row, rv::kWordALo, 1);
        add(cpu, row, rv::kRdLo, 1);
      },
      "cpu.mul_product");
}

// A consistent lie about a quotient: q and r traded (q+1, r-y) — the
// remainder bound or its range check catches it.
TEST(ZkvmAttack, DividerQuotientAndResultTogether) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        const uint64_t row = find_row(cpu, rv::kFDivu);
        add(cpu, row, rv::kWordALo, 1);
        add(cpu, row, rv::kRdLo, 1);
      },
      "cpu.div_equation");
}

// The branch goes the other way: `taken` flipped, the next pc and the next
// row's pc follow it, so only the branch decision itself is wrong.
TEST(ZkvmAttack, WrongBranchDecision) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        const uint64_t row = find_row(cpu, rv::kFBeq);
        const bool taken = get(cpu, row, rv::kTaken) == 1;
        const field::Fp pc = cpu.at(row, rv::kPc);
        const field::Fp next = taken ? pc + field::Fp::from_u64(4) : pc + cpu.at(row, rv::kOffset);
        cpu.at(row, rv::kTaken) = taken ? field::Fp::zero() : field::Fp::one();
        cpu.at(row, rv::kNextPc) = next;
        cpu.at(row + 1, rv::kPc) = next;
      },
      "cpu.taken");
}

// A jal that lands 4 bytes further (the next row follows it).
TEST(ZkvmAttack, WrongJumpTarget) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        const uint64_t row = find_row(cpu, rv::kFJal);
        add(cpu, row, rv::kNextPc, 4);
        add(cpu, row + 1, rv::kPc, 4);
      },
      "cpu.next_pc");
}

// `addi x0, t0, 5` made to write x0: the row's flags no longer match the ROM.
TEST(ZkvmAttack, WriteToX0Sticks) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        const uint64_t row = find_row(cpu, rv::kFAdd, [&](uint64_t r) {
          return get(cpu, r, rv::kRd) == 0 &&
                 get(cpu, r, uint64_t{rv::kFlag0} + rv::kFWritesRd) == 0 &&
                 get(cpu, r, rv::kImmLo) == 5;
        });
        // Everything local is consistent: only the ROM and memory arguments see it.
        cpu.set(row, uint64_t{rv::kFlag0} + rv::kFWritesRd, 1);
        cpu.set(row, rv::kRdPrevTs, rv::timestamp(get(cpu, row, rv::kClk), rv::kSlotRd) - 1);
        cpu.set(row, rv::kRdDLo, 0);
        cpu.set(row, rv::kRdDHi, 0);
      },
      "LogUp");
}

// A load that returns a value never stored at its address (rd adjusted too).
TEST(ZkvmAttack, LoadOfAValueNeverStored) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        const uint64_t row = find_row(cpu, rv::kFLw);
        add(cpu, row, rv::kOldLo, 1);
        add(cpu, row, rv::kNewLo, 1);
        add(cpu, row, rv::kRdLo, 1);
      },
      "LogUp");
}

// A store whose address is moved by one word (adder output changed).
TEST(ZkvmAttack, StoreToAnotherAddress) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        const uint64_t row = find_row(cpu, rv::kFSw);
        add(cpu, row, rv::kOutLo, 4);
      },
      "cpu.add_lo");
}

// Rows after `row` move up by one (the instruction at `row` disappears).
void skip_row(rv::TableTrace& cpu, uint64_t row) {
  for (uint64_t c = 0; c < cpu.cols; ++c) {
    if (c == rv::kClk) continue;
    for (uint64_t r = row; r + 1 < cpu.rows(); ++r) cpu.at(r, c) = cpu.at(r + 1, c);
  }
}

TEST(ZkvmAttack, SkippedInstruction) {
  expect_rejected([](Tables& t) { skip_row(t[rv::kTableCpu], 5); }, "cpu.pc_chain");
}

TEST(ZkvmAttack, RepeatedInstruction) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        for (uint64_t c = 0; c < cpu.cols; ++c) {
          if (c == rv::kClk) continue;
          for (uint64_t r = cpu.rows() - 1; r > 5; --r) cpu.at(r, c) = cpu.at(r - 1, c);
        }
      },
      "cpu.pc_chain");
}

// A jalr whose register operand is 1 MiB larger: the jump and every later
// pc move outside the program while every local constraint holds; only the
// ROM lookups (and the register read) refuse it.
TEST(ZkvmAttack, PcOutsideTheProgram) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        const uint64_t row = find_row(cpu, rv::kFJalr);
        constexpr uint64_t kShift = 0x100000;
        add(cpu, row, rv::kRs1Hi, kShift >> 16);
        add(cpu, row, rv::kOutHi, kShift >> 16);
        // The zero-test witnesses over the changed columns, recomputed.
        cpu.at(row, rv::kEqInv) = (cpu.at(row, rv::kOutLo) + cpu.at(row, rv::kOutHi)).inverse();
        const field::Fp ovf_sum = cpu.at(row, rv::kRs1Lo) + cpu.at(row, rv::kRs1Hi) +
                                  field::Fp::from_u64(2 * 0xffff - 0x8000) - cpu.at(row, rv::kYLo) -
                                  cpu.at(row, rv::kYHi);
        cpu.at(row, rv::kOvfInv) = ovf_sum.inverse();
        add(cpu, row, rv::kNextPc, kShift);
        for (uint64_t r = row + 1; get(cpu, r, rv::kReal) == 1; ++r) {
          add(cpu, r, rv::kPc, kShift);
          add(cpu, r, rv::kNextPc, kShift);
        }
      },
      "LogUp");
}

// Halting before the exit: the exit row becomes padding.
TEST(ZkvmAttack, HaltingBeforeTheExit) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& cpu = t[rv::kTableCpu];
        const uint64_t row =
            find_row(cpu, rv::kFEcall, [&](uint64_t r) { return get(cpu, r, rv::kIsExit) == 1; });
        rv::pad_cpu_rows(cpu, row);
      },
      "cpu.ends_with_exit");
}

// A public-input byte that a read() copies into memory, changed in the io
// table (memory then holds the forged byte consistently).
TEST(ZkvmAttack, ForgedPublicInputByteInTheWitness) {
  expect_rejected(
      [](Tables& t) {
        rv::TableTrace& io = t[rv::kTableIo];
        for (uint64_t r = 0; r < io.rows(); ++r) {
          if (get(io, r, rv::IoAir::kKIn) == 1 && get(io, r, rv::IoAir::kE3) == 1) {
            io.at(r, rv::IoAir::kN3) = io.at(r, rv::IoAir::kN3) + field::Fp::one();
            return;
          }
        }
        ADD_FAILURE() << "no public-input io row";
      },
      "LogUp");
}

// ---------------------------------------------------- statement mismatches

class HonestProof : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    program_ = new Program(attack_program());
    inputs_ = new ExecutionInputs(attack_inputs());
    auto proof = prove_program(*program_, *inputs_, air_test_params());
    ASSERT_TRUE(proof.ok()) << proof.error().to_string();
    result_ = new ZkvmProveResult(std::move(proof).value());
  }
  static void TearDownTestSuite() {
    delete program_;
    delete inputs_;
    delete result_;
  }
  static ZkvmVerifyOutcome verify_with(const Program& program, std::vector<uint8_t> input,
                                       std::vector<uint8_t> output, uint32_t exit_code,
                                       const ZkvmProof& proof) {
    return verify_program(program, input, output, exit_code, proof, any_level());
  }
  static Program* program_;
  static ExecutionInputs* inputs_;
  static ZkvmProveResult* result_;
};
Program* HonestProof::program_ = nullptr;
ExecutionInputs* HonestProof::inputs_ = nullptr;
ZkvmProveResult* HonestProof::result_ = nullptr;

TEST_F(HonestProof, Accepted) {
  EXPECT_TRUE(
      verify_with(*program_, inputs_->public_input, result_->public_output, 3, result_->proof)
          .accepted);
}

TEST_F(HonestProof, ForgedPublicOutputByte) {
  auto output = result_->public_output;
  output[1] ^= 1;
  EXPECT_FALSE(verify_with(*program_, inputs_->public_input, output, 3, result_->proof).accepted);
  output = result_->public_output;
  output.push_back(0);
  EXPECT_FALSE(verify_with(*program_, inputs_->public_input, output, 3, result_->proof).accepted);
}

TEST_F(HonestProof, ForgedPublicInputByte) {
  auto input = inputs_->public_input;
  input[2] ^= 0x20;
  EXPECT_FALSE(verify_with(*program_, input, result_->public_output, 3, result_->proof).accepted);
}

TEST_F(HonestProof, WrongExitCode) {
  EXPECT_FALSE(
      verify_with(*program_, inputs_->public_input, result_->public_output, 4, result_->proof)
          .accepted);
}

TEST_F(HonestProof, WrongCycleCount) {
  ZkvmProof proof = result_->proof;
  proof.cycles += 1;
  EXPECT_FALSE(
      verify_with(*program_, inputs_->public_input, result_->public_output, 3, proof).accepted);
  proof.cycles -= 2;
  EXPECT_FALSE(
      verify_with(*program_, inputs_->public_input, result_->public_output, 3, proof).accepted);
}

// Forged table heights in the container: refused before any allocation that
// scales with them (a 2^30-row static table would need tens of GiB).
TEST_F(HonestProof, ForgedTableHeightsAreRefusedAtParse) {
  const std::vector<uint8_t> bytes = serialize_zkvm_proof(result_->proof);
  constexpr size_t kHeights = 8 + 1 + 8;  // magic, version, cycles
  for (size_t table = 0; table < rv::kNumTables; ++table) {
    for (uint8_t height : {uint8_t{0}, uint8_t{30}, uint8_t{200}}) {
      std::vector<uint8_t> forged = bytes;
      forged[kHeights + table] = height;
      auto parsed =
          parse_zkvm_proof(*program_, inputs_->public_input, result_->public_output, 3, forged);
      if (parsed.ok()) {
        EXPECT_FALSE(
            verify_with(*program_, inputs_->public_input, result_->public_output, 3, parsed.value())
                .accepted)
            << "table " << table << " height " << int{height};
      }
    }
  }
  std::vector<uint8_t> truncated(bytes.begin(), bytes.begin() + 20);
  EXPECT_FALSE(
      parse_zkvm_proof(*program_, inputs_->public_input, result_->public_output, 3, truncated)
          .ok());
}

TEST_F(HonestProof, AnotherProgram) {
  testing::Asm code;
  code.li(testing::kT0, 1).exit(3);
  const Program other = testing::make_test_program(code);
  EXPECT_FALSE(verify_with(other, inputs_->public_input, result_->public_output, 3, result_->proof)
                   .accepted);
  // The same code with one different data byte is another program too.
  const Program changed = attack_program(9);
  EXPECT_FALSE(
      verify_with(changed, inputs_->public_input, result_->public_output, 3, result_->proof)
          .accepted);
}

}  // namespace
}  // namespace baobab::zkvm
