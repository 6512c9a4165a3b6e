// SHA-256 (FIPS 180-4), the one hash function of Baobab's commitments and
// Fiat–Shamir transcript (DESIGN §2).
//
// Two implementations give bit-identical digests:
//   * kOpenSsl: OpenSSL 3 EVP with one reused context per thread (OpenSSL
//     itself uses SHA-NI where present). Always available; the reference.
//   * kShaNi: our own x86 SHA extensions kernel (sha256_shani.cc, compiled with
//     -msha), which hashes several independent messages in lock-step so the
//     latency of the sha256rnds2 chain is hidden. Chosen at run time from
//     CPUID (STYLE §9); BAOBAB_SIMD=scalar forces kOpenSsl.
//
// Callers: Sha256Hasher (batches of Merkle leaves and nodes), the transcript
// (incremental Sha256 and one-shot sha256), program ids, tests and benchmarks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "src/hash/digest.h"

namespace baobab::hash {

enum class Sha256Impl { kOpenSsl, kShaNi };

std::string_view to_string(Sha256Impl impl);

// True when the CPU has the SHA extensions (CPUID.7.0:EBX bit 29), SSSE3 and
// SSE4.1. Detected once per process.
bool sha_ni_supported();

// kShaNi when supported and BAOBAB_SIMD is not "scalar"; decided once.
Sha256Impl default_sha256_impl();

// Number of 64-byte compression-function calls SHA-256 spends on a message
// of `bytes` bytes: the message, the 0x80 byte and the 8-byte length, rounded
// up. 55 bytes fit one block, 56..119 take two: a 64-byte node (left||right)
// and a 65-byte tagged node (0x01||left||right) cost the same two blocks.
constexpr size_t sha256_blocks(size_t bytes) {
  return (bytes + 9 + 63) / 64;
}

// Plain SHA-256 of `message` (no domain byte).
Digest sha256(std::span<const uint8_t> message);
Digest sha256(std::span<const uint8_t> message, Sha256Impl impl);

// Hashes `out.size()` messages in one call: message i is
//   prefix || messages[i*length, (i+1)*length)
// and its digest is written to out[i]. `prefix` holds at most 63 bytes (the
// Merkle domain byte). messages.size() must equal out.size() * length.
// Thread-safe: many threads may call it at once.
void sha256_many(Sha256Impl impl, std::span<const uint8_t> prefix,
                 std::span<const uint8_t> messages, size_t length, std::span<Digest> out);

// Incremental SHA-256 over OpenSSL EVP, for messages assembled from parts
// (transcript absorbs). Move-only; owns its EVP_MD_CTX.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Sha256& update(std::span<const uint8_t> data);
  Sha256& update_u64_le(uint64_t value);
  // Returns the digest and resets the object to the empty message.
  Digest finish();

 private:
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
};

}  // namespace baobab::hash
