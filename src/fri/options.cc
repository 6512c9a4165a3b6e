#include "src/fri/options.h"

#include <algorithm>
#include <bit>
#include <string>

namespace baobab::fri {

Status FriOptions::validate() const {
  std::string problems;
  const auto add = [&problems](const std::string& message) {
    if (!problems.empty()) problems += "; ";
    problems += message;
  };
  if (log_arity < 1 || log_arity > kMaxLogArity) {
    add("log_arity " + std::to_string(log_arity) + " outside [1, " + std::to_string(kMaxLogArity) +
        "]");
  }
  if (log_blowup < 1 || log_blowup > kMaxLogBlowup) {
    add("log_blowup " + std::to_string(log_blowup) + " outside [1, " +
        std::to_string(kMaxLogBlowup) + "]");
  }
  if (!std::has_single_bit(remainder_max_size)) {
    add("remainder_max_size " + std::to_string(remainder_max_size) + " is not a power of two");
  } else if (remainder_max_size > kMaxRemainderSize) {
    add("remainder_max_size " + std::to_string(remainder_max_size) + " above " +
        std::to_string(kMaxRemainderSize));
  } else if (log_blowup <= kMaxLogBlowup && remainder_max_size < (uint64_t{1} << log_blowup)) {
    add("remainder_max_size " + std::to_string(remainder_max_size) + " below the blowup " +
        std::to_string(uint64_t{1} << log_blowup));
  }
  if (!problems.empty()) return Error{ErrorCode::kInvalidArgument, problems, "fri options"};
  return Ok{};
}

Result<FriLayout> FriLayout::make(const FriOptions& options, unsigned log_domain_size) {
  if (Status s = options.validate(); !s.ok()) return s.error();
  if (log_domain_size > kMaxLogDomainSize || log_domain_size < options.log_blowup) {
    return Error{ErrorCode::kInvalidArgument,
                 "log domain size " + std::to_string(log_domain_size) + " outside [" +
                     std::to_string(options.log_blowup) + ", " + std::to_string(kMaxLogDomainSize) +
                     "]",
                 "fri layout"};
  }
  FriLayout layout;
  layout.log_domain_size = log_domain_size;
  layout.log_blowup = options.log_blowup;
  const auto log_remainder = static_cast<unsigned>(std::countr_zero(options.remainder_max_size));
  unsigned log_size = log_domain_size;
  while (log_size > log_remainder) {
    const unsigned arity = std::min(options.log_arity, log_size - log_remainder);
    layout.layers.push_back({log_size, arity});
    log_size -= arity;
  }
  layout.log_remainder_domain = log_size;
  return layout;
}

bool FriLayout::accepts_input(unsigned log_size) const {
  if (layers.empty()) return false;
  if (log_size == log_remainder_domain) return true;
  for (size_t i = 1; i < layers.size(); ++i) {
    if (layers[i].log_size == log_size) return true;
  }
  return false;
}

}  // namespace baobab::fri
