#include "src/hash/digest.h"

#include <gtest/gtest.h>

#include <sstream>

namespace baobab::hash {
namespace {

TEST(Digest, HexRoundTrips) {
  Digest d;
  for (size_t i = 0; i < Digest::kBytes; ++i) d.bytes[i] = static_cast<uint8_t>(17 * i + 3);
  const std::string hex = to_hex(d);
  ASSERT_EQ(hex.size(), 64u);
  EXPECT_EQ(hex.substr(0, 6), "031425");
  auto parsed = digest_from_hex(hex);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value(), d);
  std::ostringstream os;
  os << d;
  EXPECT_EQ(os.str(), hex);
}

TEST(Digest, FromHexRejectsWrongLengthAndNonHex) {
  EXPECT_FALSE(digest_from_hex("00").ok());
  EXPECT_FALSE(digest_from_hex(std::string(65, '0')).ok());
  std::string bad(64, '0');
  bad[10] = 'g';
  EXPECT_FALSE(digest_from_hex(bad).ok());
  EXPECT_TRUE(digest_from_hex(std::string(64, 'F')).ok());
}

TEST(Digest, OrdersLexicographically) {
  Digest a, b;
  b.bytes[0] = 1;
  a.bytes[31] = 0xFF;
  EXPECT_LT(a, b);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace baobab::hash
