#include "src/field/serialize.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace baobab::field {
namespace {

TEST(Serialize, FpRoundTripsAsLittleEndian) {
  const Fp x = Fp::from_canonical(0x0102030405060708ULL);
  std::array<uint8_t, kFpBytes> bytes{};
  write_le(x, bytes);
  EXPECT_EQ(bytes, (std::array<uint8_t, 8>{8, 7, 6, 5, 4, 3, 2, 1}));
  auto back = read_fp(bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value(), x);
}

TEST(Serialize, RejectsEveryNonCanonicalFpEncoding) {
  for (uint64_t v : std::initializer_list<uint64_t>{Fp::kModulus, Fp::kModulus + 1, ~0ULL}) {
    std::array<uint8_t, kFpBytes> bytes{};
    for (int i = 0; i < 8; ++i) bytes[static_cast<size_t>(i)] = static_cast<uint8_t>(v >> (8 * i));
    auto parsed = read_fp(bytes);
    ASSERT_FALSE(parsed.ok()) << v;
    EXPECT_EQ(parsed.error().code, ErrorCode::kNonCanonical);
  }
  std::array<uint8_t, kFpBytes> largest{};
  write_le(Fp::from_canonical(Fp::kModulus - 1), largest);
  EXPECT_TRUE(read_fp(largest).ok());
}

TEST(Serialize, Fp3RoundTripsAndRejectsANonCanonicalCoefficient) {
  const Fp3 x(Fp::from_u64(1), Fp::from_u64(2), Fp::from_u64(Fp::kModulus - 1));
  std::array<uint8_t, kFp3Bytes> bytes{};
  write_le(x, bytes);
  auto back = read_fp3(bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value(), x);
  for (size_t coefficient = 0; coefficient < 3; ++coefficient) {
    auto bad = bytes;
    for (size_t i = 0; i < 8; ++i) bad[8 * coefficient + i] = 0xFF;
    auto parsed = read_fp3(bad);
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error().context.find(std::to_string(coefficient)), std::string::npos);
  }
}

TEST(Serialize, SpanOfElementsIsTheConcatenation) {
  const std::vector<Fp> values = {Fp::from_u64(1), Fp::from_u64(256)};
  std::vector<uint8_t> bytes(16);
  write_le(values, bytes);
  EXPECT_EQ(bytes[0], 1);
  EXPECT_EQ(bytes[8], 0);
  EXPECT_EQ(bytes[9], 1);
}

TEST(Serialize, StreamFormsRoundTripAndRejectNonCanonicalOrTruncatedInput) {
  ByteWriter writer;
  put_fp(writer, Fp::from_u64(42));
  put_fp3(writer, Fp3(Fp::from_u64(1), Fp::from_u64(2), Fp::from_u64(3)));
  writer.put_u64(Fp::kModulus);  // a non-canonical element
  const auto bytes = writer.take();
  ByteReader reader(bytes, "proof");
  EXPECT_EQ(get_fp(reader, "a").value(), Fp::from_u64(42));
  EXPECT_EQ(get_fp3(reader, "b").value(), Fp3(Fp::from_u64(1), Fp::from_u64(2), Fp::from_u64(3)));
  const auto bad = get_fp(reader, "c");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kNonCanonical);
  EXPECT_EQ(bad.error().context, "byte 32 (c)");
  const auto truncated = get_fp3(reader, "d");
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().code, ErrorCode::kMalformedInput);
}

}  // namespace
}  // namespace baobab::field
