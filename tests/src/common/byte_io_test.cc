#include "src/common/byte_io.h"

#include <gtest/gtest.h>

namespace baobab {
namespace {

TEST(ByteIo, RoundTripsLittleEndianFields) {
  ByteWriter writer;
  writer.put_u8(0xAB);
  writer.put_u32(0x01020304);
  writer.put_u64(0x1122334455667788ULL);
  const uint8_t tail[] = {9, 8, 7};
  writer.put_bytes(tail);
  const auto bytes = writer.take();
  ASSERT_EQ(bytes.size(), 16u);
  EXPECT_EQ(bytes[1], 0x04);  // little-endian
  ByteReader reader(bytes, "test");
  EXPECT_EQ(reader.u8("a").value(), 0xAB);
  EXPECT_EQ(reader.u32("b").value(), 0x01020304u);
  EXPECT_EQ(reader.u64("c").value(), 0x1122334455667788ULL);
  const auto rest = reader.bytes("d", 3);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest.value()[2], 7);
  EXPECT_TRUE(reader.expect_end().ok());
}

TEST(ByteIo, TruncationNamesFieldAndOffset) {
  const uint8_t bytes[] = {1, 2, 3};
  ByteReader reader(bytes, "proof");
  ASSERT_TRUE(reader.u8("version").ok());
  const auto value = reader.u64("rows");
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(value.error().code, ErrorCode::kMalformedInput);
  EXPECT_EQ(value.error().context, "proof at byte 1 (rows)");
  EXPECT_NE(value.error().message.find("truncated"), std::string::npos);
  EXPECT_FALSE(reader.bytes("blob", 3).ok());
  EXPECT_TRUE(reader.bytes("blob", 2).ok());
}

TEST(ByteIo, RangeChecksAndTrailingBytesAreErrors) {
  ByteWriter writer;
  writer.put_u64(40);
  writer.put_u8(0);
  const auto bytes = writer.take();
  ByteReader strict(bytes, "params");
  const auto count = strict.u64_in_range("queries", 1, 32);
  ASSERT_FALSE(count.ok());
  EXPECT_NE(count.error().message.find("outside [1, 32]"), std::string::npos);
  EXPECT_EQ(count.error().context, "params at byte 0 (queries)");

  ByteReader lenient(bytes, "params");
  ASSERT_TRUE(lenient.u64_in_range("queries", 1, 64).ok());
  const Status end = lenient.expect_end();
  ASSERT_FALSE(end.ok());
  EXPECT_NE(end.error().message.find("1 unexpected trailing bytes"), std::string::npos);
}

TEST(ByteIo, HugeCountsNeverOverflowTheBoundsCheck) {
  const uint8_t bytes[] = {0};
  ByteReader reader(bytes, "proof");
  EXPECT_FALSE(reader.bytes("blob", UINT64_MAX).ok());
  EXPECT_TRUE(reader.bytes("blob", 1).ok());
}

}  // namespace
}  // namespace baobab
