// Internal to baobab_hash: the per-implementation kernels behind sha256_many()
// (sha256.h documents the contract). sha256_shani.cc is compiled with -msha
// and must only be entered after sha_ni_supported() returned true.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "src/hash/digest.h"

namespace baobab::hash::detail {

void sha256_many_openssl(std::span<const uint8_t> prefix, const uint8_t* messages, size_t length,
                         size_t count, Digest* out);

void sha256_many_shani(std::span<const uint8_t> prefix, const uint8_t* messages, size_t length,
                       size_t count, Digest* out);

// Number of messages the SHA-NI kernel hashes in lock-step.
inline constexpr size_t kShaNiLanes = 4;

}  // namespace baobab::hash::detail
