// What a STARK proves: a list of AIR tables with shared public inputs, and
// the LogUp arguments that tie their revealed aux values together (each
// group's values must sum to zero, air::check_logup_balance). The prover and
// the verifier take the same Statement; only the prover has the witness.
#pragma once

#include <cstdint>
#include <vector>

#include "src/air/air.h"

namespace baobab::stark {

// An aux value (air::TableInfo::num_aux_values) of one table.
struct AuxValueRef {
  uint64_t table = 0;
  uint64_t index = 0;
};

struct Statement {
  std::vector<const air::Air*> tables;  // borrowed; order fixes proof layout
  std::vector<field::Fp> public_inputs;
  std::vector<std::vector<AuxValueRef>> logup_balances;
};

}  // namespace baobab::stark
