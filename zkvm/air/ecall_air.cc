#include "zkvm/air/ecall_air.h"

namespace baobab::zkvm::rv {

air::TableInfo EcallAir::info() const {
  air::TableInfo info;
  info.name = "zkvm.ecall";
  info.log_rows = log_rows_;
  info.num_main = kNumMain;
  info.num_aux = bus_aux_columns(kMessages);
  info.num_challenges = kBusChallenges;
  info.num_public_inputs = kNumPublicInputs;
  info.num_aux_values = 1;
  return info;
}

}  // namespace baobab::zkvm::rv
