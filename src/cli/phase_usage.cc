#include "src/cli/phase_usage.h"

#include <sys/resource.h>

#include <bit>

#include "src/cli/file_io.h"
#include "src/common/byte_io.h"

namespace baobab::cli {

namespace {

double seconds_of(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
}

// The numbers of one phase, in a fixed order, as 64-bit words.
constexpr uint64_t kWordsPerPhase = 5;

void put_phase(ByteWriter& out, const PhaseUsage& p) {
  out.put_u64(std::bit_cast<uint64_t>(p.seconds));
  out.put_u64(std::bit_cast<uint64_t>(p.user_seconds));
  out.put_u64(std::bit_cast<uint64_t>(p.system_seconds));
  out.put_u64(p.minor_faults);
  out.put_u64(std::bit_cast<uint64_t>(p.communication_seconds));
}

// Phases of a peer's record, named after `names`; empty when its length
// does not match.
std::vector<PhaseUsage> read_phases(std::span<const uint8_t> bytes,
                                    const std::vector<PhaseUsage>& names) {
  std::vector<PhaseUsage> phases;
  if (bytes.size() != names.size() * kWordsPerPhase * 8) return phases;
  ByteReader in(bytes, "phase usage");
  for (const PhaseUsage& named : names) {
    PhaseUsage& p = phases.emplace_back();
    p.name = named.name;
    p.seconds = std::bit_cast<double>(in.u64("seconds").value());
    p.user_seconds = std::bit_cast<double>(in.u64("user").value());
    p.system_seconds = std::bit_cast<double>(in.u64("system").value());
    p.minor_faults = in.u64("faults").value();
    p.communication_seconds = std::bit_cast<double>(in.u64("communication").value());
  }
  return phases;
}

}  // namespace

PhaseUsageMeter::PhaseUsageMeter(const dist::Communicator* comm) : comm_(comm), last_(sample()) {}

PhaseUsageMeter::Sample PhaseUsageMeter::sample() const {
  Sample s;
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) == 0) {  // every thread of the process
    s.user_seconds = seconds_of(usage.ru_utime);
    s.system_seconds = seconds_of(usage.ru_stime);
    s.minor_faults = static_cast<uint64_t>(usage.ru_minflt);
  }
  s.communication_seconds = comm_ == nullptr ? 0.0 : comm_->communication_seconds();
  return s;
}

void PhaseUsageMeter::phase_done(std::string_view name, double seconds) {
  const Sample now = sample();
  phases_.push_back({std::string(name), seconds, now.user_seconds - last_.user_seconds,
                     now.system_seconds - last_.system_seconds,
                     now.minor_faults - last_.minor_faults,
                     now.communication_seconds - last_.communication_seconds});
  last_ = now;
}

std::vector<std::vector<PhaseUsage>> gather_phase_usage(dist::Communicator* comm,
                                                        const std::vector<PhaseUsage>& mine) {
  if (comm == nullptr) return {mine};
  ByteWriter out;
  for (const PhaseUsage& p : mine) put_phase(out, p);
  const std::vector<std::vector<uint8_t>> all = dist::all_gather_strings(*comm, out.bytes());
  std::vector<std::vector<PhaseUsage>> per_rank;
  for (const std::vector<uint8_t>& bytes : all) {
    std::vector<PhaseUsage> phases = read_phases(bytes, mine);
    if (phases.size() != mine.size()) return {};
    per_rank.push_back(std::move(phases));
  }
  return per_rank;
}

std::string phase_usage_json(const std::vector<std::vector<PhaseUsage>>& per_rank) {
  std::string json = "[";
  for (size_t r = 0; r < per_rank.size(); ++r) {
    json += r == 0 ? "[" : ",[";
    for (size_t i = 0; i < per_rank[r].size(); ++i) {
      const PhaseUsage& p = per_rank[r][i];
      json += i == 0 ? "{" : ",{";
      json += "\"name\":" + json_string(p.name) + ",\"seconds\":" + json_number(p.seconds) +
              ",\"user_seconds\":" + json_number(p.user_seconds) +
              ",\"system_seconds\":" + json_number(p.system_seconds) +
              ",\"minor_faults\":" + std::to_string(p.minor_faults) +
              ",\"communication_seconds\":" + json_number(p.communication_seconds) + "}";
    }
    json += "]";
  }
  return json + "]";
}

}  // namespace baobab::cli
