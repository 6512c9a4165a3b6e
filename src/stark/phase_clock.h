// PhaseClock: reports the wall-clock seconds of each prover phase, as it
// ends, to an optional callback (ProveOptions::on_phase and its zkVM and
// distributed counterparts).
#pragma once

#include <chrono>
#include <functional>
#include <string_view>

namespace baobab::stark {

class PhaseClock {
 public:
  using Callback = std::function<void(std::string_view phase, double seconds)>;

  // `on_phase` (may be empty) must outlive the clock.
  explicit PhaseClock(const Callback& on_phase) : on_phase_(on_phase) {}

  // The phase that started at the previous call (or at construction)
  // ended; returns its seconds.
  double done(std::string_view phase) {
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - last_).count();
    if (on_phase_) on_phase_(phase, seconds);
    last_ = now;
    return seconds;
  }

 private:
  const Callback& on_phase_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace baobab::stark
