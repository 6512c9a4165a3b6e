#include "src/fri/options.h"

#include <gtest/gtest.h>

namespace baobab::fri {
namespace {

TEST(FriOptions, DefaultsAreValid) {
  EXPECT_TRUE(FriOptions{}.validate().ok());
}

TEST(FriOptions, ReportsEveryProblemAtOnce) {
  const FriOptions bad{.log_arity = 5, .log_blowup = 0, .remainder_max_size = 48};
  const Status s = bad.validate();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(s.error().message.find("log_arity 5"), std::string::npos);
  EXPECT_NE(s.error().message.find("log_blowup 0"), std::string::npos);
  EXPECT_NE(s.error().message.find("not a power of two"), std::string::npos);
}

TEST(FriOptions, RejectsRemainderBelowBlowupOrTooLarge) {
  EXPECT_FALSE(
      (FriOptions{.log_arity = 2, .log_blowup = 3, .remainder_max_size = 4}).validate().ok());
  EXPECT_FALSE(
      (FriOptions{.log_arity = 2, .log_blowup = 3, .remainder_max_size = kMaxRemainderSize * 2})
          .validate()
          .ok());
  EXPECT_TRUE(
      (FriOptions{.log_arity = 2, .log_blowup = 3, .remainder_max_size = 8}).validate().ok());
}

TEST(FriLayout, FoldsByArityAndLandsExactlyOnTheRemainderSize) {
  const auto layout =
      FriLayout::make({.log_arity = 4, .log_blowup = 2, .remainder_max_size = 16}, 10);
  ASSERT_TRUE(layout.ok());
  const FriLayout& l = layout.value();
  ASSERT_EQ(l.layers.size(), 2u);
  EXPECT_EQ(l.layers[0].log_size, 10u);
  EXPECT_EQ(l.layers[0].log_arity, 4u);
  EXPECT_EQ(l.layers[1].log_size, 6u);
  EXPECT_EQ(l.layers[1].log_arity, 2u);  // the last fold is smaller
  EXPECT_EQ(l.layers[1].tree_height(), 4u);
  EXPECT_EQ(l.log_remainder_domain, 4u);
  EXPECT_EQ(l.remainder_length(), 4u);
}

TEST(FriLayout, DomainNotLargerThanRemainderHasNoLayers) {
  const auto layout =
      FriLayout::make({.log_arity = 2, .log_blowup = 1, .remainder_max_size = 64}, 5);
  ASSERT_TRUE(layout.ok());
  EXPECT_TRUE(layout.value().layers.empty());
  EXPECT_EQ(layout.value().log_remainder_domain, 5u);
  EXPECT_EQ(layout.value().remainder_length(), 16u);
}

TEST(FriLayout, RejectsDomainsOutOfRange) {
  const FriOptions options{.log_arity = 2, .log_blowup = 3, .remainder_max_size = 8};
  EXPECT_FALSE(FriLayout::make(options, 2).ok());
  EXPECT_FALSE(FriLayout::make(options, 33).ok());
  EXPECT_TRUE(FriLayout::make(options, 32).ok());
  EXPECT_FALSE(FriLayout::make({.log_arity = 0}, 10).ok());
}

}  // namespace
}  // namespace baobab::fri
