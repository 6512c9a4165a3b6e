#include "src/field/serialize.h"

#include <string>

namespace baobab::field {

namespace {

void store_u64(uint64_t value, uint8_t* out) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<uint8_t>(value >> (8 * i));
}

uint64_t load_u64(const uint8_t* in) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value |= static_cast<uint64_t>(in[i]) << (8 * i);
  return value;
}

}  // namespace

void write_le(Fp value, std::span<uint8_t, kFpBytes> out) {
  store_u64(value.value(), out.data());
}

void write_le(const Fp3& value, std::span<uint8_t, kFp3Bytes> out) {
  for (int i = 0; i < 3; ++i) store_u64(value[i].value(), out.data() + 8 * i);
}

void write_le(std::span<const Fp> values, std::span<uint8_t> out) {
  BAOBAB_CHECK(out.size() == values.size() * kFpBytes, "write_le: output size mismatch");
  for (size_t i = 0; i < values.size(); ++i) store_u64(values[i].value(), out.data() + 8 * i);
}

Result<Fp> read_fp(std::span<const uint8_t, kFpBytes> in) {
  const uint64_t value = load_u64(in.data());
  if (value >= Fp::kModulus) {
    return Error{ErrorCode::kNonCanonical,
                 "non-canonical field element " + std::to_string(value) + " (>= p)", "Fp"};
  }
  return Fp::from_canonical(value);
}

Result<Fp3> read_fp3(std::span<const uint8_t, kFp3Bytes> in) {
  Fp c[3];
  for (size_t i = 0; i < 3; ++i) {
    auto coefficient = read_fp(in.subspan(8 * i).first<kFpBytes>());
    if (!coefficient) {
      Error error = coefficient.error();
      error.context = "Fp3 coefficient " + std::to_string(i);
      return error;
    }
    c[i] = coefficient.value();
  }
  return Fp3(c[0], c[1], c[2]);
}

void put_fp(ByteWriter& writer, Fp value) {
  writer.put_u64(value.value());
}

void put_fp3(ByteWriter& writer, const Fp3& value) {
  for (int i = 0; i < 3; ++i) put_fp(writer, value[i]);
}

Result<Fp> get_fp(ByteReader& reader, std::string_view field) {
  const uint64_t start = reader.offset();
  auto raw = reader.bytes(field, kFpBytes);
  if (!raw) return raw.error();
  auto value = read_fp(raw.value().first<kFpBytes>());
  if (!value) {
    Error error = value.error();
    error.context = "byte " + std::to_string(start) + " (" + std::string(field) + ")";
    return error;
  }
  return value;
}

Result<Fp3> get_fp3(ByteReader& reader, std::string_view field) {
  Fp c[3];
  for (size_t i = 0; i < 3; ++i) {
    auto coefficient = get_fp(reader, field);
    if (!coefficient) return coefficient.error();
    c[i] = coefficient.value();
  }
  return Fp3(c[0], c[1], c[2]);
}

}  // namespace baobab::field
