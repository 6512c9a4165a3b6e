// Sha256Hasher: the Hasher of DESIGN §2, SHA-256 with the leaf/node tags of
// hasher.h. The implementation (our SHA-NI kernel or OpenSSL) is chosen at
// construction, by default from the CPU; both give identical digests, so the
// choice is a run setting that never changes proof bytes (STYLE §6).
// Callers: the prover and verifier (through Hasher&), tests, benchmarks.
#pragma once

#include "src/hash/hasher.h"
#include "src/hash/sha256.h"

namespace baobab::hash {

class Sha256Hasher final : public Hasher {
 public:
  Sha256Hasher() : impl_(default_sha256_impl()) {}
  explicit Sha256Hasher(Sha256Impl impl);

  Sha256Impl impl() const { return impl_; }

  std::string_view name() const override { return "sha256"; }
  void hash_rows(std::span<const uint8_t> rows, size_t row_bytes,
                 std::span<Digest> out) const override;
  void compress_pairs(std::span<const Digest> children, std::span<Digest> parents) const override;

 private:
  Sha256Impl impl_;
};

}  // namespace baobab::hash
