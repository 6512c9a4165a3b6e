#include "src/cli/args.h"

#include <gtest/gtest.h>

#include <vector>

namespace baobab::cli {
namespace {

const std::vector<OptionSpec> kSpecs = {
    {"log-rows", "rows as a power of two", "16", false},
    {"json", "machine-readable output", "", true},
};

Result<ParsedArgs> parse(std::vector<std::string> args) {
  return parse_args(args, kSpecs);
}

TEST(Args, DefaultsSpaceAndEqualsForms) {
  auto defaults = parse({});
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults.value().integer("log-rows", 1, 30).value(), 16u);
  EXPECT_FALSE(defaults.value().flag("json"));
  auto spaced = parse({"--log-rows", "20", "--json", "file.elf"});
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(spaced.value().integer("log-rows", 1, 30).value(), 20u);
  EXPECT_TRUE(spaced.value().flag("json"));
  EXPECT_EQ(spaced.value().positionals(), std::vector<std::string>{"file.elf"});
  auto equals = parse({"--log-rows=12"});
  ASSERT_TRUE(equals.ok());
  EXPECT_EQ(equals.value().integer("log-rows", 1, 30).value(), 12u);
}

TEST(Args, RejectsUnknownOptionsMissingValuesAndValuedFlags) {
  EXPECT_NE(parse({"--bogus"}).error().message.find("unknown option --bogus"), std::string::npos);
  EXPECT_NE(parse({"--log-rows"}).error().message.find("needs a value"), std::string::npos);
  EXPECT_NE(parse({"--json=yes"}).error().message.find("takes no value"), std::string::npos);
}

TEST(Args, IntegersAreCheckedForSyntaxAndRange) {
  for (const char* bad : {"-1", "12x", "", "99999999999999999999999"}) {
    auto parsed = parse({"--log-rows", bad});
    ASSERT_TRUE(parsed.ok());
    EXPECT_FALSE(parsed.value().integer("log-rows", 1, 30).ok()) << bad;
  }
  auto out_of_range = parse({"--log-rows", "31"});
  EXPECT_NE(
      out_of_range.value().integer("log-rows", 1, 30).error().message.find("between 1 and 30"),
      std::string::npos);
}

TEST(Args, HelpListsEveryOptionWithItsDefault) {
  const std::string help = format_options(kSpecs);
  EXPECT_NE(help.find("--log-rows <value>"), std::string::npos);
  EXPECT_NE(help.find("(default 16)"), std::string::npos);
  EXPECT_NE(help.find("--json"), std::string::npos);
}

}  // namespace
}  // namespace baobab::cli
