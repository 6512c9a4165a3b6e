#include "zkvm/program.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "src/hash/sha256.h"

namespace baobab::zkvm {

namespace {

constexpr uint64_t kPage = 4096;

std::string hex32(uint64_t value) {
  char buffer[24];
  std::snprintf(buffer, sizeof(buffer), "0x%08llx", static_cast<unsigned long long>(value));
  return buffer;
}

void put_u32(hash::Sha256& sha, uint32_t value) {
  const uint8_t bytes[4] = {static_cast<uint8_t>(value), static_cast<uint8_t>(value >> 8),
                            static_cast<uint8_t>(value >> 16), static_cast<uint8_t>(value >> 24)};
  sha.update(bytes);
}

}  // namespace

uint64_t Program::image_end() const {
  uint64_t end = 0;
  for (const Segment& s : segments) end = std::max(end, s.end());
  return (end + kPage - 1) / kPage * kPage;
}

hash::Digest compute_program_id(uint32_t entry, const std::vector<Segment>& segments) {
  hash::Sha256 sha;
  constexpr std::string_view kDomain = "baobab.program.v1";
  sha.update({reinterpret_cast<const uint8_t*>(kDomain.data()), kDomain.size()});
  put_u32(sha, entry);
  put_u32(sha, static_cast<uint32_t>(segments.size()));
  for (const Segment& s : segments) {
    size_t n = s.data.size();
    while (n > 0 && s.data[n - 1] == 0) --n;
    put_u32(sha, s.vaddr);
    put_u32(sha, s.memsz);
    put_u32(sha, s.flags & 7u);
    put_u32(sha, static_cast<uint32_t>(n));
    sha.update({s.data.data(), n});
  }
  return sha.finish();
}

Result<Program> make_program(uint32_t entry, std::vector<Segment> segments) {
  std::vector<Segment> kept;
  for (Segment& s : segments) {
    if (s.data.size() > s.memsz) {
      return Error{ErrorCode::kMalformedInput,
                   "segment at " + hex32(s.vaddr) + " has filesz " + std::to_string(s.data.size()) +
                       " > memsz " + std::to_string(s.memsz),
                   "program"};
    }
    if (s.end() > (uint64_t{1} << 32)) {
      return Error{ErrorCode::kMalformedInput,
                   "segment at " + hex32(s.vaddr) + " with memsz " + std::to_string(s.memsz) +
                       " extends past the 32-bit address space",
                   "program"};
    }
    if (s.flags & ~7u) {
      return Error{ErrorCode::kMalformedInput,
                   "segment at " + hex32(s.vaddr) + " has unknown flag bits", "program"};
    }
    if (s.memsz > 0) kept.push_back(std::move(s));
  }
  std::sort(kept.begin(), kept.end(),
            [](const Segment& a, const Segment& b) { return a.vaddr < b.vaddr; });
  for (size_t i = 1; i < kept.size(); ++i) {
    if (kept[i - 1].end() > kept[i].vaddr) {
      return Error{ErrorCode::kMalformedInput,
                   "segments at " + hex32(kept[i - 1].vaddr) + " (memsz " +
                       std::to_string(kept[i - 1].memsz) + ") and " + hex32(kept[i].vaddr) +
                       " overlap",
                   "program"};
    }
  }
  bool entry_ok = false;
  for (const Segment& s : kept) {
    if (s.executable() && entry >= s.vaddr && uint64_t{entry} + 4 <= s.end()) entry_ok = true;
  }
  if (!entry_ok) {
    return Error{ErrorCode::kMalformedInput,
                 "entry point " + hex32(entry) + " is not inside an executable segment", "program"};
  }
  if (entry % 4 != 0) {
    return Error{ErrorCode::kMalformedInput,
                 "entry point " + hex32(entry) +
                     " is not 4-byte aligned (compressed instructions are not supported)",
                 "program"};
  }
  Program program;
  program.entry = entry;
  program.segments = std::move(kept);
  program.program_id = compute_program_id(entry, program.segments);
  return program;
}

}  // namespace baobab::zkvm
