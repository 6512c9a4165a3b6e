// A 32-byte hash digest: the value of every Merkle node, leaf hash, transcript
// state and proof-of-work hash in Baobab (DESIGN §2: SHA-256 everywhere).
//
// Digest is a plain, trivially copyable 32-byte value. A contiguous span of
// Digests is a contiguous run of bytes, which the hashers rely on: the two
// children of a Merkle node are one 64-byte message. Used by hash/, merkle/,
// transcript/ and everything that stores or compares commitments.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "src/common/result.h"

namespace baobab::hash {

struct Digest {
  static constexpr size_t kBytes = 32;

  std::array<uint8_t, kBytes> bytes{};

  constexpr uint8_t* data() { return bytes.data(); }
  constexpr const uint8_t* data() const { return bytes.data(); }
  static constexpr size_t size() { return kBytes; }
  std::span<const uint8_t, kBytes> span() const { return std::span<const uint8_t, kBytes>(bytes); }

  friend constexpr bool operator==(const Digest&, const Digest&) = default;
  friend constexpr auto operator<=>(const Digest&, const Digest&) = default;
};

static_assert(sizeof(Digest) == Digest::kBytes && alignof(Digest) == 1 &&
                  std::is_trivially_copyable_v<Digest> && std::is_standard_layout_v<Digest>,
              "spans of Digest are hashed as contiguous bytes");

// Lower-case hexadecimal, two characters per byte, bytes in order.
std::string to_hex(std::span<const uint8_t> bytes);
// The same for a digest: 64 characters.
std::string to_hex(const Digest& digest);

// Parses exactly 64 hexadecimal characters (either case).
Result<Digest> digest_from_hex(std::string_view hex);

// Prints to_hex(digest); also lets GoogleTest print digests readably.
std::ostream& operator<<(std::ostream& os, const Digest& digest);

// The bytes of a span of digests, back to back.
inline std::span<const uint8_t> as_bytes(std::span<const Digest> digests) {
  return {reinterpret_cast<const uint8_t*>(digests.data()), digests.size() * Digest::kBytes};
}

}  // namespace baobab::hash
