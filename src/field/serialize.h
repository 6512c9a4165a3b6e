// Canonical little-endian encodings of field elements: 8 bytes per Fp, 24 per
// Fp3 (coefficients of 1, X, X^2 in order). Decoding rejects any value >= p,
// so every element has exactly one encoding and proof bytes cannot be
// malleated by adding p.
#pragma once

#include <cstdint>
#include <span>

#include "src/common/byte_io.h"
#include "src/common/result.h"
#include "src/field/ext3.h"
#include "src/field/goldilocks.h"

namespace baobab::field {

inline constexpr size_t kFpBytes = 8;
inline constexpr size_t kFp3Bytes = 24;

void write_le(Fp value, std::span<uint8_t, kFpBytes> out);
void write_le(const Fp3& value, std::span<uint8_t, kFp3Bytes> out);

Result<Fp> read_fp(std::span<const uint8_t, kFpBytes> in);
Result<Fp3> read_fp3(std::span<const uint8_t, kFp3Bytes> in);

// Encodes a run of elements back to back (8 bytes each) into `out`.
void write_le(std::span<const Fp> values, std::span<uint8_t> out);

// Stream forms for proof and parameter encodings: the reader's Error names
// the field and offset of a truncated or non-canonical element.
void put_fp(ByteWriter& writer, Fp value);
void put_fp3(ByteWriter& writer, const Fp3& value);
Result<Fp> get_fp(ByteReader& reader, std::string_view field);
Result<Fp3> get_fp3(ByteReader& reader, std::string_view field);

}  // namespace baobab::field
