// Little-endian byte writers and bounds-checked readers for every binary
// format Baobab reads from outside (proofs, parameters, checkpoints' own
// records). A ByteReader never reads past its span: each read returns a
// Result whose Error names the field and the offset, so parsers check shapes
// before using any value (STYLE §7).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/common/result.h"

namespace baobab {

class ByteWriter {
 public:
  void put_u8(uint8_t value) { bytes_.push_back(value); }
  void put_u32(uint32_t value) { put_le(value, 4); }
  void put_u64(uint64_t value) { put_le(value, 8); }
  void put_bytes(std::span<const uint8_t> data) {
    bytes_.insert(bytes_.end(), data.begin(), data.end());
  }

  const std::vector<uint8_t>& bytes() const { return bytes_; }
  std::vector<uint8_t> take() { return std::move(bytes_); }
  uint64_t size() const { return bytes_.size(); }

 private:
  void put_le(uint64_t value, int width) {
    for (int i = 0; i < width; ++i) bytes_.push_back(static_cast<uint8_t>(value >> (8 * i)));
  }
  std::vector<uint8_t> bytes_;
};

class ByteReader {
 public:
  // `what` names the whole input in errors ("proof", "params").
  ByteReader(std::span<const uint8_t> data, std::string what)
      : data_(data), what_(std::move(what)) {}

  Result<uint8_t> u8(std::string_view field);
  Result<uint32_t> u32(std::string_view field);
  Result<uint64_t> u64(std::string_view field);
  // A u64 that must lie in [min, max] (counts and sizes: checked before use).
  Result<uint64_t> u64_in_range(std::string_view field, uint64_t min, uint64_t max);
  // The next `count` bytes, borrowed from the input.
  Result<std::span<const uint8_t>> bytes(std::string_view field, uint64_t count);

  uint64_t offset() const { return offset_; }
  uint64_t remaining() const { return data_.size() - offset_; }
  // Succeeds only when every byte was consumed: trailing bytes are an error.
  Status expect_end() const;

 private:
  Result<uint64_t> read_le(std::string_view field, int width);
  Error error(std::string_view field, std::string message) const;

  std::span<const uint8_t> data_;
  std::string what_;
  uint64_t offset_ = 0;
};

}  // namespace baobab
