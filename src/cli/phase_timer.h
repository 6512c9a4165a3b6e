// Per-phase wall-clock timing for the `baobab` commands (STYLE §1: the phase
// name is also the timer name). Rank 0 prints one line per phase; --json
// collects the same records.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace baobab::cli {

struct PhaseRecord {
  std::string name;
  double seconds = 0;
  std::string throughput;  // human-readable, e.g. "412 M elements/s"
};

class PhaseTimer {
 public:
  void start(std::string name) {
    name_ = std::move(name);
    start_ = std::chrono::steady_clock::now();
  }
  // Ends the running phase and returns its record (also kept in records()).
  // With amount > 0 the record carries a rate, e.g. "412 M elements/s".
  const PhaseRecord& stop(double amount = 0, const char* unit = "") {
    const auto elapsed = std::chrono::steady_clock::now() - start_;
    PhaseRecord record{name_, std::chrono::duration<double>(elapsed).count(), {}};
    if (amount > 0 && record.seconds > 0) {
      char text[64];
      std::snprintf(text, sizeof(text), "%.1f M %s/s", amount / record.seconds / 1e6, unit);
      record.throughput = text;
    }
    records_.push_back(std::move(record));
    return records_.back();
  }
  const std::vector<PhaseRecord>& records() const { return records_; }

 private:
  std::string name_;
  std::chrono::steady_clock::time_point start_;
  std::vector<PhaseRecord> records_;
};

}  // namespace baobab::cli
