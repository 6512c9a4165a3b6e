#include "zkvm/air/io_air.h"

namespace baobab::zkvm::rv {

air::TableInfo IoAir::info() const {
  return bus_table_info("zkvm.io", log_rows_, kNumMain, 0, kMessages);
}

}  // namespace baobab::zkvm::rv
