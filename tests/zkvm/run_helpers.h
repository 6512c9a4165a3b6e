// Runs test programs in trace mode to read the final registers, and in fast
// mode to check both agree.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/zkvm/rv32_asm.h"
#include "zkvm/executor.h"

namespace baobab::zkvm::testing {

struct TraceRun {
  TraceResult result;
  std::vector<TraceRow> rows;
};

inline TraceRun trace_all(const Program& program, const ExecutionInputs& inputs = {}) {
  TraceRun run;
  auto result = trace_from(program, initial_snapshot(program), inputs, uint64_t{1} << 26,
                           [&](std::span<const TraceRow> rows) {
                             run.rows.insert(run.rows.end(), rows.begin(), rows.end());
                           });
  if (!result) throw std::runtime_error(result.error().to_string());
  run.result = result.value();
  return run;
}

// Runs `code` (which must end in an exit) and returns the final registers;
// also checks that fast mode agrees on exit code and cycle count.
inline std::array<uint32_t, 32> final_regs(const Asm& code) {
  const Program program = make_test_program(code);
  const TraceRun run = trace_all(program);
  EXPECT_TRUE(run.result.exited);
  auto fast = execute(program, {});
  EXPECT_TRUE(fast.ok()) << (fast.ok() ? "" : fast.error().to_string());
  if (fast.ok()) {
    EXPECT_EQ(fast.value().cycles, run.result.rows);
    EXPECT_EQ(fast.value().exit_code, run.result.exit_code);
  }
  return run.result.end.regs;
}

// The error message of a run that must fail.
inline std::string execution_failure(const Program& program, const ExecutionInputs& inputs = {},
                                     const ExecuteOptions& options = {}) {
  auto fast = execute(program, inputs, options);
  if (fast.ok()) return "(no error)";
  return fast.error().to_string();
}

}  // namespace baobab::zkvm::testing

#define EXPECT_CONTAINS(text, part)                                                           \
  do {                                                                                        \
    const std::string baobab_text_ = (text);                                                  \
    EXPECT_NE(baobab_text_.find(part), std::string::npos)                                     \
        << "expected to contain: " << (part) << "\n                actual: " << baobab_text_; \
  } while (false)
