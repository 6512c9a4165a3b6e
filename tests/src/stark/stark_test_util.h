// Statements and witnesses of the example AIRs for the STARK tests: a
// Fibonacci table, and the two-table LogUp range check (different heights).
#pragma once

#include <memory>
#include <vector>

#include "src/air/examples/fibonacci.h"
#include "src/air/examples/range_check.h"
#include "src/params/proof_params.h"
#include "src/params/security.h"
#include "src/stark/statement.h"

namespace baobab::stark::testing {

struct Instance {
  std::vector<std::unique_ptr<air::Air>> airs;
  std::vector<std::vector<Fp>> traces;  // main columns, column-major
  Statement statement;

  std::vector<field::ConstMatrixView> views() const {
    std::vector<field::ConstMatrixView> out;
    for (size_t t = 0; t < airs.size(); ++t) {
      out.emplace_back(traces[t].data(), airs[t]->info().rows(), airs[t]->info().num_main);
    }
    return out;
  }
};

inline Instance fibonacci_instance(int log_rows) {
  Instance instance;
  instance.airs.push_back(air::make_air(air::examples::FibonacciAir(log_rows)));
  auto trace = air::examples::generate_fibonacci_trace(log_rows, Fp::one(), Fp::one());
  instance.traces.push_back(trace.main);
  instance.statement.tables = {instance.airs[0].get()};
  instance.statement.public_inputs.assign(trace.public_inputs.begin(), trace.public_inputs.end());
  return instance;
}

inline Instance range_check_instance(int log_rows, std::vector<uint64_t> values) {
  Instance instance;
  instance.airs.push_back(air::make_air(air::examples::RangeValuesAir(log_rows)));
  instance.airs.push_back(air::make_air(air::examples::RangeTableAir()));
  auto trace = air::examples::generate_range_check_trace(values, log_rows);
  instance.traces.push_back(trace.values);
  instance.traces.push_back(trace.multiplicities);
  instance.statement.tables = {instance.airs[0].get(), instance.airs[1].get()};
  instance.statement.logup_balances = {{AuxValueRef{0, 0}, AuxValueRef{1, 0}}};
  return instance;
}

// Small, fast parameters (tests only; far below any security level).
inline params::ProofParams test_params() {
  params::ProofParams p;
  p.log_blowup = 2;
  p.num_queries = 12;
  p.grinding_bits = 4;
  p.log_fri_arity = 1;
  p.fri_remainder_max_log_size = 3;
  return p;
}

inline params::SecurityLevel no_security_floor() {
  params::SecurityLevel level;
  level.min_proven_bits = 0;
  return level;
}

}  // namespace baobab::stark::testing
