#include "jobs/job_file.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <variant>

namespace baobab::jobs {

namespace {

using Value = std::variant<std::string, uint64_t, bool>;

Error line_error(uint64_t line, const std::string& what) {
  return Error{ErrorCode::kInvalidArgument, "line " + std::to_string(line) + ": " + what,
               "job file"};
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool is_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

// A basic string from its opening quote; `rest` is what follows it.
Result<std::string> parse_string(std::string_view text, uint64_t line, std::string_view& rest) {
  std::string out;
  for (size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      rest = text.substr(i + 1);
      return out;
    }
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i == text.size()) break;
    switch (text[i]) {
      case '"':
        out.push_back('"');
        break;
      case '\\':
        out.push_back('\\');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      default:
        return line_error(line, std::string("unknown escape \\") + text[i]);
    }
  }
  return line_error(line, "a string without its closing quote");
}

Result<Value> parse_value(std::string_view text, uint64_t line) {
  std::string_view rest;
  Value value;
  if (text.empty()) return line_error(line, "a key without a value");
  if (text.front() == '"') {
    auto s = parse_string(text, line, rest);
    if (!s) return s.error();
    value = std::move(s).value();
  } else if (text.substr(0, 4) == "true" || text.substr(0, 5) == "false") {
    const bool t = text.substr(0, 4) == "true";
    value = t;
    rest = text.substr(t ? 4 : 5);
  } else if (std::isdigit(static_cast<unsigned char>(text.front()))) {
    uint64_t n = 0;
    size_t i = 0;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
      const uint64_t digit = static_cast<uint64_t>(text[i] - '0');
      if (n > (~uint64_t{0} - digit) / 10) return line_error(line, "an integer past 2^64 - 1");
      n = n * 10 + digit;
    }
    value = n;
    rest = text.substr(i);
  } else {
    return line_error(line, "a value must be a \"string\", a non-negative integer, true or false");
  }
  rest = trim(rest);
  if (!rest.empty() && rest.front() != '#') {
    return line_error(line, "unexpected text after the value: " + std::string(rest));
  }
  return value;
}

// What each key takes: its type, and whether it may appear at the top, in
// a [[batch]] entry, or both.
enum class Kind { kString, kInteger, kBool };
struct KeyRule {
  Kind kind;
  bool top, entry;
};
const std::map<std::string, KeyRule, std::less<>> kKeys = {
    {"name", {Kind::kString, true, false}},
    {"program", {Kind::kString, true, true}},
    {"input", {Kind::kString, true, true}},
    {"private", {Kind::kString, true, true}},
    {"output", {Kind::kString, true, true}},
    {"checkpoint", {Kind::kString, true, true}},
    {"profile", {Kind::kString, true, false}},
    {"nodes", {Kind::kInteger, true, false}},
    {"tasks_per_node", {Kind::kInteger, true, false}},
    {"gpus_per_rank", {Kind::kInteger, true, false}},
    {"time", {Kind::kString, true, false}},
    {"partition", {Kind::kString, true, false}},
    {"account", {Kind::kString, true, false}},
    {"launcher", {Kind::kString, true, false}},
    {"signal_lead_seconds", {Kind::kInteger, true, false}},
    {"max_cycles", {Kind::kInteger, true, false}},
    {"memory_per_node_gib", {Kind::kInteger, true, false}},
    {"verify", {Kind::kBool, true, false}},
};

using Table = std::map<std::string, std::pair<Value, uint64_t>, std::less<>>;  // value, line

const std::string* string_of(const Table& t, std::string_view key) {
  auto it = t.find(key);
  return it == t.end() ? nullptr : &std::get<std::string>(it->second.first);
}

// Slurm's time limit forms: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S.
bool is_time_limit(const std::string& t) {
  if (t.empty() || t.size() > 20) return false;
  size_t dash = t.find('-');
  const std::string clock = dash == std::string::npos ? t : t.substr(dash + 1);
  if (dash != std::string::npos &&
      (dash == 0 || !std::all_of(t.begin(), t.begin() + static_cast<long>(dash), ::isdigit))) {
    return false;
  }
  size_t fields = 1;
  bool digit_before = false;
  for (char c : clock) {
    if (c == ':') {
      if (!digit_before) return false;
      ++fields;
      digit_before = false;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      digit_before = true;
    } else {
      return false;
    }
  }
  return digit_before && fields <= 3;
}

// Characters a path or name may not hold: the batch script quotes values in
// single quotes, one per line.
bool safe_in_script(const std::string& s) {
  return s.find_first_of("'\n\r") == std::string::npos;
}

Result<ProofEntry> make_entry(const Table& table, const Table& top, uint64_t line) {
  ProofEntry e;
  const auto pick = [&](std::string_view key, std::string& to) {
    if (const std::string* v = string_of(table, key)) to = *v;
  };
  if (const std::string* v = string_of(top, "program")) e.program = *v;
  pick("program", e.program);
  pick("input", e.input);
  pick("private", e.private_input);
  pick("output", e.output);
  pick("checkpoint", e.checkpoint);
  const std::string where =
      &table == &top ? "the job" : "the [[batch]] entry of line " + std::to_string(line);
  if (e.program.empty()) return line_error(line, where + " names no program");
  if (e.output.empty()) return line_error(line, where + " names no output (the proof file)");
  if (e.checkpoint.empty()) return line_error(line, where + " names no checkpoint file");
  for (const std::string* s : {&e.program, &e.input, &e.private_input, &e.output, &e.checkpoint}) {
    if (!safe_in_script(*s)) return line_error(line, where + ": a path with a quote or newline");
  }
  return e;
}

}  // namespace

Result<JobSpec> parse_job_file(std::string_view text) {
  Table top;
  std::vector<std::pair<Table, uint64_t>> entries;  // [[batch]] tables and their header lines
  uint64_t line = 0;
  while (!text.empty()) {
    ++line;
    const size_t end = text.find('\n');
    std::string_view raw = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    const std::string_view s = trim(raw);
    if (s.empty() || s.front() == '#') continue;
    if (s.front() == '[') {
      const std::string_view header = trim(s.substr(0, s.find('#')));
      if (header != "[[batch]]") {
        return line_error(line,
                          "unknown table " + std::string(header) + " (the only one is [[batch]])");
      }
      entries.push_back({Table{}, line});
      continue;
    }
    const size_t eq = s.find('=');
    if (eq == std::string_view::npos) return line_error(line, "expected key = value");
    const std::string key(trim(s.substr(0, eq)));
    if (!is_key(key)) return line_error(line, "not a key: '" + key + "'");
    const auto rule = kKeys.find(key);
    const bool in_entry = !entries.empty();
    if (rule == kKeys.end()) return line_error(line, "unknown key '" + key + "'");
    if (in_entry && !rule->second.entry) {
      return line_error(line, "'" + key + "' belongs before the first [[batch]]");
    }
    auto value = parse_value(trim(s.substr(eq + 1)), line);
    if (!value) return value.error();
    const Kind kind =
        std::holds_alternative<std::string>(value.value())
            ? Kind::kString
            : (std::holds_alternative<uint64_t>(value.value()) ? Kind::kInteger : Kind::kBool);
    if (kind != rule->second.kind) {
      static constexpr const char* kNames[] = {"a string", "an integer", "true or false"};
      return line_error(line, "'" + key + "' takes " + kNames[static_cast<int>(rule->second.kind)]);
    }
    Table& into = in_entry ? entries.back().first : top;
    if (!into.emplace(key, std::make_pair(std::move(value).value(), line)).second) {
      return line_error(line, "'" + key + "' given twice");
    }
  }

  JobSpec spec;
  const auto integer = [&](std::string_view key, uint64_t& to) {
    if (auto it = top.find(key); it != top.end()) to = std::get<uint64_t>(it->second.first);
  };
  const auto text_of = [&](std::string_view key, std::string& to) {
    if (const std::string* v = string_of(top, key)) to = *v;
  };
  text_of("name", spec.name);
  text_of("profile", spec.profile);
  text_of("time", spec.time);
  text_of("partition", spec.partition);
  text_of("account", spec.account);
  text_of("launcher", spec.launcher);
  integer("nodes", spec.nodes);
  integer("tasks_per_node", spec.tasks_per_node);
  integer("gpus_per_rank", spec.gpus_per_rank);
  integer("signal_lead_seconds", spec.signal_lead_seconds);
  integer("max_cycles", spec.max_cycles);
  integer("memory_per_node_gib", spec.memory_per_node_gib);
  if (auto it = top.find("verify"); it != top.end()) spec.verify = std::get<bool>(it->second.first);

  const auto line_of = [&](std::string_view key) {
    auto it = top.find(key);
    return it == top.end() ? uint64_t{0} : it->second.second;
  };
  if (spec.nodes == 0 || spec.nodes > 100000) {
    return line_error(line_of("nodes"), "nodes must be 1..100000");
  }
  if (spec.tasks_per_node == 0 || spec.tasks_per_node > 4096) {
    return line_error(line_of("tasks_per_node"), "tasks_per_node must be 1..4096");
  }
  if (spec.gpus_per_rank > 16) return line_error(line_of("gpus_per_rank"), "gpus_per_rank: 0..16");
  if (spec.memory_per_node_gib > (uint64_t{1} << 24)) {
    return line_error(line_of("memory_per_node_gib"), "memory_per_node_gib: at most 2^24");
  }
  if (!is_time_limit(spec.time)) {
    return line_error(line_of("time"),
                      "time '" + spec.time + "' is not a Slurm time limit (M, H:M:S or D-H:M:S)");
  }
  if (spec.launcher != "srun" && spec.launcher != "mpirun") {
    return line_error(line_of("launcher"), "launcher must be \"srun\" or \"mpirun\"");
  }
  for (const std::string* s : {&spec.name, &spec.partition, &spec.account, &spec.profile}) {
    if (!std::all_of(s->begin(), s->end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
        })) {
      return line_error(0, "name, profile, partition and account take letters, digits, _ - .");
    }
  }
  if (entries.empty()) {
    auto entry = make_entry(top, top, line_of("program"));
    if (!entry) return entry.error();
    spec.proofs.push_back(std::move(entry).value());
  } else {
    for (const char* key : {"output", "checkpoint", "input", "private"}) {
      if (top.count(key) != 0) {
        return line_error(line_of(key),
                          std::string("'") + key + "' belongs to each [[batch]] entry in a batch");
      }
    }
    for (const auto& [table, header] : entries) {
      auto entry = make_entry(table, top, header);
      if (!entry) return entry.error();
      spec.proofs.push_back(std::move(entry).value());
    }
  }
  std::set<std::string> outputs, checkpoints;
  for (const ProofEntry& e : spec.proofs) {
    if (!outputs.insert(e.output).second) {
      return line_error(0, "two proofs write the same output " + e.output);
    }
    if (!checkpoints.insert(e.checkpoint).second) {
      return line_error(0, "two proofs share the checkpoint " + e.checkpoint);
    }
  }
  return spec;
}

void resolve_paths(JobSpec& spec, const std::string& folder) {
  const auto absolute = [&](std::string& path) {
    if (path.empty()) return;
    std::filesystem::path p(path);
    if (p.is_relative()) p = std::filesystem::path(folder) / p;
    path = p.lexically_normal().string();
  };
  for (ProofEntry& e : spec.proofs) {
    for (std::string* s : {&e.program, &e.input, &e.private_input, &e.output, &e.checkpoint}) {
      absolute(*s);
    }
  }
}

Result<JobFile> load_job_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kIo, "cannot read the job file " + path, ""};
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto spec = parse_job_file(text);
  if (!spec) return Error{spec.error().code, path + ": " + spec.error().to_string(), ""};
  const std::filesystem::path file = std::filesystem::absolute(path);
  JobFile job{std::move(spec).value(), file.string(), file.parent_path().string()};
  if (job.spec.name.empty()) job.spec.name = file.stem().string();
  resolve_paths(job.spec, job.folder);
  return job;
}

}  // namespace baobab::jobs
