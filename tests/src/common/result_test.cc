#include "src/common/result.h"

#include <gtest/gtest.h>

namespace baobab {
namespace {

Result<int> parse_digit(char c) {
  if (c < '0' || c > '9') return Error{ErrorCode::kMalformedInput, "not a digit", "parse_digit"};
  return c - '0';
}

TEST(Result, CarriesValueOrError) {
  auto good = parse_digit('7');
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 7);
  auto bad = parse_digit('x');
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kMalformedInput);
  EXPECT_EQ(bad.error().to_string(), "parse_digit: not a digit");
}

TEST(ResultDeathTest, ValueOfAnErrorIsABrokenInvariant) {
  auto bad = parse_digit('x');
  EXPECT_DEATH((void)bad.value(), "Result::value\\(\\) on an error");
}

}  // namespace
}  // namespace baobab
