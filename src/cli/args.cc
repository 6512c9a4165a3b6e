#include "src/cli/args.h"

#include <charconv>
#include <sstream>

namespace baobab::cli {

namespace {

const OptionSpec* find_spec(std::span<const OptionSpec> specs, const std::string& name) {
  for (const auto& spec : specs) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

Error usage_error(std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message), "command line"};
}

}  // namespace

bool ParsedArgs::flag(const std::string& name) const {
  const auto it = flags_.find(name);
  return it != flags_.end() && it->second;
}

const std::string& ParsedArgs::value(const std::string& name) const {
  const auto it = values_.find(name);
  BAOBAB_CHECK(it != values_.end(), "ParsedArgs::value: option was not declared");
  return it->second;
}

Result<uint64_t> ParsedArgs::integer(const std::string& name, uint64_t min, uint64_t max) const {
  const std::string& text = value(name);
  uint64_t parsed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (error != std::errc() || end != text.data() + text.size()) {
    return usage_error("--" + name + " expects a non-negative integer, got '" + text + "'");
  }
  if (parsed < min || parsed > max) {
    return usage_error("--" + name + " must be between " + std::to_string(min) + " and " +
                       std::to_string(max) + ", got " + text);
  }
  return parsed;
}

Result<ParsedArgs> parse_args(std::span<const std::string> args,
                              std::span<const OptionSpec> specs) {
  ParsedArgs parsed;
  for (const auto& spec : specs) {
    if (spec.is_flag) {
      parsed.flags_[spec.name] = false;
    } else {
      parsed.values_[spec.name] = spec.default_value;
    }
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      parsed.positionals_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::string inline_value;
    bool has_inline_value = false;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline_value = true;
    }
    const OptionSpec* spec = find_spec(specs, name);
    if (spec == nullptr) return usage_error("unknown option --" + name + " (see --help)");
    if (spec->is_flag) {
      if (has_inline_value) return usage_error("--" + name + " takes no value");
      parsed.flags_[name] = true;
      continue;
    }
    if (!has_inline_value) {
      if (i + 1 >= args.size()) return usage_error("--" + name + " needs a value");
      inline_value = args[++i];
    }
    parsed.values_[name] = inline_value;
  }
  return parsed;
}

std::string format_options(std::span<const OptionSpec> specs) {
  std::ostringstream out;
  out << "Options:\n";
  for (const auto& spec : specs) {
    std::string left = "  --" + spec.name + (spec.is_flag ? "" : " <value>");
    if (left.size() < 26) left.resize(26, ' ');
    out << left << " " << spec.help;
    if (!spec.is_flag && !spec.default_value.empty())
      out << " (default " << spec.default_value << ")";
    out << "\n";
  }
  return out.str();
}

}  // namespace baobab::cli
