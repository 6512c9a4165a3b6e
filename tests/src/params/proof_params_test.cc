#include "src/params/proof_params.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace baobab::params {
namespace {

ProofParams example() {
  ProofParams p;
  p.log_blowup = 2;
  p.num_queries = 300;  // 0x012c: both bytes of the le16 are non-zero
  p.grinding_bits = 17;
  p.log_fri_arity = 3;
  p.fri_remainder_max_log_size = 7;
  return p;
}

TEST(ProofParams, DefaultsAreValid) {
  EXPECT_TRUE(ProofParams{}.validate().ok());
}

TEST(ProofParams, ValidateReportsEveryProblemAtOnce) {
  ProofParams p;
  p.log_blowup = 7;
  p.num_queries = 0;
  p.grinding_bits = 40;
  p.log_fri_arity = 0;
  p.fri_remainder_max_log_size = 30;
  p.hash = static_cast<HashId>(9);
  p.extension_degree = 2;
  const std::vector<std::string> problems = p.problems();
  EXPECT_EQ(problems.size(), 7u);
  const Status status = p.validate();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  const std::string& message = status.error().message;
  for (const char* name :
       {"log_blowup = 7", "num_queries = 0", "grinding_bits = 40", "log_fri_arity = 0",
        "fri_remainder_max_log_size = 30", "hash id 9", "extension_degree = 2"}) {
    EXPECT_NE(message.find(name), std::string::npos) << name << " missing from: " << message;
  }
}

TEST(ProofParams, RemainderSmallerThanBlowupIsAProblem) {
  ProofParams p;
  p.log_blowup = 4;
  p.fri_remainder_max_log_size = 3;
  ASSERT_EQ(p.problems().size(), 1u);
  EXPECT_NE(p.problems()[0].find("below log_blowup"), std::string::npos);
}

TEST(ProofParams, EncodingFollowsTheDocumentedLayout) {
  const std::array<uint8_t, 9> expected = {1, 1, 3, 2, 0x2c, 0x01, 17, 3, 7};
  EXPECT_EQ(example().to_bytes(), expected);
}

TEST(ProofParams, BytesRoundTrip) {
  ProofParams lo;
  lo.log_blowup = kMinLogBlowup;
  lo.num_queries = kMinQueries;
  lo.grinding_bits = 0;
  lo.log_fri_arity = kMinLogFriArity;
  lo.fri_remainder_max_log_size = kMinLogBlowup;
  ProofParams hi;
  hi.log_blowup = kMaxLogBlowup;
  hi.num_queries = kMaxQueries;
  hi.grinding_bits = kMaxGrindingBits;
  hi.log_fri_arity = kMaxLogFriArity;
  hi.fri_remainder_max_log_size = kMaxFriRemainderLogSize;
  for (const ProofParams& p : {ProofParams{}, example(), lo, hi}) {
    const auto bytes = p.to_bytes();
    const Result<ProofParams> back = ProofParams::from_bytes(bytes);
    ASSERT_TRUE(back.ok()) << back.error().to_string();
    EXPECT_EQ(back.value(), p);
  }
}

TEST(ProofParams, RejectsEveryTruncationAndExtension) {
  const auto good = example().to_bytes();
  for (size_t len = 0; len < good.size(); ++len) {
    const Result<ProofParams> r = ProofParams::from_bytes(std::span(good.data(), len));
    ASSERT_FALSE(r.ok()) << "length " << len;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformedInput);
    EXPECT_EQ(r.error().context, "proof params");
    EXPECT_NE(r.error().message.find("expected 9 bytes, got " + std::to_string(len)),
              std::string::npos);
  }
  std::vector<uint8_t> longer(good.begin(), good.end());
  longer.push_back(0);
  const Result<ProofParams> r = ProofParams::from_bytes(longer);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("got 10"), std::string::npos);
}

TEST(ProofParams, RejectsUnknownVersions) {
  auto bytes = example().to_bytes();
  for (int v = 0; v < 256; ++v) {
    if (v == ProofParams::kVersion) continue;
    bytes[0] = static_cast<uint8_t>(v);
    const Result<ProofParams> r = ProofParams::from_bytes(bytes);
    ASSERT_FALSE(r.ok()) << v;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(r.error().message.find("unknown version " + std::to_string(v)), std::string::npos);
  }
}

// Every value of every single-byte field: parses iff in range, and a parsed
// value re-encodes to the same bytes (the encoding is canonical).
TEST(ProofParams, ParsesEachFieldExactlyInItsRange) {
  struct Field {
    size_t offset;
    const char* name;
    int lo, hi;
  };
  // The base has log_blowup 2 and remainder 7, so neither depends on the other here.
  const Field fields[] = {
      {1, "hash id", 1, 1},       {2, "extension_degree", 3, 3},
      {3, "log_blowup", 1, 4},    {6, "grinding_bits", 0, 32},
      {7, "log_fri_arity", 1, 4}, {8, "fri_remainder_max_log_size", 2, 20},  // >= log_blowup = 2
  };
  for (const Field& f : fields) {
    for (int v = 0; v < 256; ++v) {
      auto bytes = example().to_bytes();
      bytes[f.offset] = static_cast<uint8_t>(v);
      const Result<ProofParams> r = ProofParams::from_bytes(bytes);
      if (v >= f.lo && v <= f.hi) {
        ASSERT_TRUE(r.ok()) << f.name << " = " << v << ": " << r.error().to_string();
        EXPECT_EQ(r.value().to_bytes(), bytes);
      } else {
        ASSERT_FALSE(r.ok()) << f.name << " = " << v;
        EXPECT_EQ(r.error().code, ErrorCode::kMalformedInput);
        EXPECT_NE(r.error().message.find(f.name), std::string::npos) << r.error().message;
      }
    }
  }
}

TEST(ProofParams, ParsesQueriesExactlyInRange) {
  for (uint32_t q : {0u, 1u, 255u, 256u, 1024u, 1025u, 0xffffu}) {
    auto bytes = example().to_bytes();
    bytes[4] = static_cast<uint8_t>(q & 0xff);
    bytes[5] = static_cast<uint8_t>(q >> 8);
    const Result<ProofParams> r = ProofParams::from_bytes(bytes);
    if (q >= kMinQueries && q <= kMaxQueries) {
      ASSERT_TRUE(r.ok()) << q;
      EXPECT_EQ(r.value().num_queries, q);
    } else {
      ASSERT_FALSE(r.ok()) << q;
      EXPECT_NE(r.error().message.find("num_queries = " + std::to_string(q)), std::string::npos);
    }
  }
}

TEST(ProofParams, ParseReportsAllBadFieldsTogether) {
  auto bytes = example().to_bytes();
  bytes[3] = 9;   // log_blowup
  bytes[6] = 99;  // grinding_bits
  const Result<ProofParams> r = ProofParams::from_bytes(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("log_blowup = 9"), std::string::npos);
  EXPECT_NE(r.error().message.find("grinding_bits = 99"), std::string::npos);
}

TEST(ProofParams, ToBytesRefusesInvalidParameters) {
  ProofParams p;
  p.num_queries = 0;
  EXPECT_DEATH((void)p.to_bytes(), "invalid parameters");
}

TEST(ProofParams, JsonListsEveryField) {
  EXPECT_EQ(example().to_json(),
            "{\"version\":1,\"hash\":\"sha256\",\"extension_degree\":3,\"log_blowup\":2,"
            "\"blowup\":4,\"num_queries\":300,\"grinding_bits\":17,\"log_fri_arity\":3,"
            "\"fri_arity\":8,\"fri_remainder_max_log_size\":7}");
}

}  // namespace
}  // namespace baobab::params
