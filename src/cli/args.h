// A small, strict command-line parser for the `baobab` subcommands. Each
// subcommand declares its options (name, help, default, flag or value); the
// parser accepts `--name value` and `--name=value`, rejects unknown options
// and missing values with a clear Error, and prints a uniform --help.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "src/common/result.h"

namespace baobab::cli {

struct OptionSpec {
  std::string name;  // without the leading "--"
  std::string help;
  std::string default_value;  // for value options; shown in --help
  bool is_flag = false;       // a flag takes no value
};

class ParsedArgs {
 public:
  bool flag(const std::string& name) const;
  const std::string& value(const std::string& name) const;
  // The value as an unsigned integer in [min, max], or an Error naming the option.
  Result<uint64_t> integer(const std::string& name, uint64_t min, uint64_t max) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  friend Result<ParsedArgs> parse_args(std::span<const std::string>, std::span<const OptionSpec>);
  std::map<std::string, std::string> values_;
  std::map<std::string, bool> flags_;
  std::vector<std::string> positionals_;
};

// Parses `args` (without the program and subcommand names).
Result<ParsedArgs> parse_args(std::span<const std::string> args, std::span<const OptionSpec> specs);

// "Options:" block for --help.
std::string format_options(std::span<const OptionSpec> specs);

}  // namespace baobab::cli
