#include "src/hash/digest.h"

#include <ostream>

namespace baobab::hash {

std::string to_hex(std::span<const uint8_t> bytes) {
  static constexpr char kHexDigits[] = "0123456789abcdef";
  std::string out(2 * bytes.size(), '0');
  for (size_t i = 0; i < bytes.size(); ++i) {
    out[2 * i] = kHexDigits[bytes[i] >> 4];
    out[2 * i + 1] = kHexDigits[bytes[i] & 0xF];
  }
  return out;
}

std::string to_hex(const Digest& digest) {
  return to_hex(std::span<const uint8_t>(digest.span()));
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<Digest> digest_from_hex(std::string_view hex) {
  if (hex.size() != 2 * Digest::kBytes) {
    return Error{ErrorCode::kMalformedInput,
                 "expected 64 hex characters, got " + std::to_string(hex.size()), "Digest"};
  }
  Digest digest;
  for (size_t i = 0; i < Digest::kBytes; ++i) {
    const int hi = hex_value(hex[2 * i]);
    const int lo = hex_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) {
      return Error{ErrorCode::kMalformedInput,
                   "non-hex character at offset " + std::to_string(2 * i), "Digest"};
    }
    digest.bytes[i] = static_cast<uint8_t>((hi << 4) | lo);
  }
  return digest;
}

std::ostream& operator<<(std::ostream& os, const Digest& digest) {
  return os << to_hex(digest);
}

}  // namespace baobab::hash
