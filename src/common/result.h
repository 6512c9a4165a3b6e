// Error values for bad input (STYLE §7). Functions that parse or validate
// anything a user hands us return Result<T>: either a value or an Error with
// a code (mapped to an exit status by main()), a message and a context string
// saying where (file, section, offset).
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "src/common/check.h"

namespace baobab {

enum class ErrorCode : int {
  kInvalidArgument = 2,  // a malformed command line or parameter set
  kMalformedInput = 3,   // bytes that do not parse (proof, ELF, checkpoint)
  kNonCanonical = 4,     // a field element encoding >= p
  kIo = 5,               // a file that cannot be read or written
  kResourceLimit = 6,    // a size that cannot be honoured (memory, 2-adicity)
  kStopped = 7,          // a stop was asked for (a signal) and the work so far is saved
};

struct Error {
  ErrorCode code = ErrorCode::kInvalidArgument;
  std::string message;
  std::string context;

  std::string to_string() const { return context.empty() ? message : context + ": " + message; }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    BAOBAB_CHECK(ok(), "Result::value() on an error");
    return std::get<T>(state_);
  }
  T& value() & {
    BAOBAB_CHECK(ok(), "Result::value() on an error");
    return std::get<T>(state_);
  }
  T&& value() && {
    BAOBAB_CHECK(ok(), "Result::value() on an error");
    return std::get<T>(std::move(state_));
  }
  const Error& error() const {
    BAOBAB_CHECK(!ok(), "Result::error() on a value");
    return std::get<Error>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

// Result<void> carries only success or an Error.
struct Ok {};
using Status = Result<Ok>;

// The success or the error of `result`, without its value.
template <class T>
Status status_of(const Result<T>& result) {
  if (result.ok()) return Ok{};
  return result.error();
}

}  // namespace baobab
