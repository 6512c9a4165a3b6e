#include "src/common/byte_io.h"

namespace baobab {

Error ByteReader::error(std::string_view field, std::string message) const {
  return Error{ErrorCode::kMalformedInput, std::move(message),
               what_ + " at byte " + std::to_string(offset_) + " (" + std::string(field) + ")"};
}

Result<uint64_t> ByteReader::read_le(std::string_view field, int width) {
  if (remaining() < static_cast<uint64_t>(width)) {
    return error(field, "truncated: needs " + std::to_string(width) + " bytes, " +
                            std::to_string(remaining()) + " left");
  }
  uint64_t value = 0;
  for (int i = 0; i < width; ++i)
    value |= static_cast<uint64_t>(data_[offset_ + static_cast<uint64_t>(i)]) << (8 * i);
  offset_ += static_cast<uint64_t>(width);
  return value;
}

Result<uint8_t> ByteReader::u8(std::string_view field) {
  auto value = read_le(field, 1);
  if (!value) return value.error();
  return static_cast<uint8_t>(value.value());
}

Result<uint32_t> ByteReader::u32(std::string_view field) {
  auto value = read_le(field, 4);
  if (!value) return value.error();
  return static_cast<uint32_t>(value.value());
}

Result<uint64_t> ByteReader::u64(std::string_view field) {
  return read_le(field, 8);
}

Result<uint64_t> ByteReader::u64_in_range(std::string_view field, uint64_t min, uint64_t max) {
  const uint64_t start = offset_;
  auto value = read_le(field, 8);
  if (!value) return value.error();
  if (value.value() < min || value.value() > max) {
    offset_ = start;  // report the offset of the bad field
    return error(field, std::to_string(value.value()) + " is outside [" + std::to_string(min) +
                            ", " + std::to_string(max) + "]");
  }
  return value;
}

Result<std::span<const uint8_t>> ByteReader::bytes(std::string_view field, uint64_t count) {
  if (remaining() < count) {
    return error(field, "truncated: needs " + std::to_string(count) + " bytes, " +
                            std::to_string(remaining()) + " left");
  }
  const auto out = data_.subspan(offset_, count);
  offset_ += count;
  return out;
}

Status ByteReader::expect_end() const {
  if (remaining() != 0)
    return error("end", std::to_string(remaining()) + " unexpected trailing bytes");
  return Ok{};
}

}  // namespace baobab
