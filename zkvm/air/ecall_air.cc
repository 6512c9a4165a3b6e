#include "zkvm/air/ecall_air.h"

namespace baobab::zkvm::rv {

air::TableInfo EcallAir::info() const {
  return bus_table_info("zkvm.ecall", log_rows_, kNumMain, 0, kMessages);
}

}  // namespace baobab::zkvm::rv
