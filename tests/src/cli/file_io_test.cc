// The JSON pieces of the commands' --json reports (src/cli/file_io.h).
#include "src/cli/file_io.h"

#include <gtest/gtest.h>

#include <limits>

namespace baobab::cli {
namespace {

TEST(JsonString, QuotesAndEscapes) {
  EXPECT_EQ(json_string("commit.main"), "\"commit.main\"");
  EXPECT_EQ(json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_string(std::string_view("\n\x01", 2)), "\"\\u000a\\u0001\"");
}

TEST(JsonNumber, FixedDecimalsAndNullWhereNotFinite) {
  EXPECT_EQ(json_number(1.5), "1.500000");
  EXPECT_EQ(json_number(0.1234567), "0.123457");
  EXPECT_EQ(json_number(12345.67, 1), "12345.7");
  EXPECT_EQ(json_number(-2.0, 0), "-2");
  EXPECT_EQ(json_number(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(json_number(std::numeric_limits<double>::quiet_NaN(), 1), "null");
}

}  // namespace
}  // namespace baobab::cli
