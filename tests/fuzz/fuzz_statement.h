// The statement the proof-parser fuzzer parses against, and the honest proof
// its seed corpus starts from (small, fast parameters).
#pragma once

#include <memory>
#include <vector>

#include "src/air/examples/range_check.h"
#include "src/stark/statement.h"

namespace baobab::stark::fuzzing {

struct FuzzStatement {
  std::unique_ptr<air::Air> values = air::make_air(air::examples::RangeValuesAir(9));
  std::unique_ptr<air::Air> table = air::make_air(air::examples::RangeTableAir());
  Statement statement;

  FuzzStatement() {
    statement.tables = {values.get(), table.get()};
    statement.logup_balances = {{AuxValueRef{0, 0}, AuxValueRef{1, 0}}};
  }
};

}  // namespace baobab::stark::fuzzing
