#include "src/stark/proof_format.h"

#include <gtest/gtest.h>

#include <random>

#include "src/hash/sha256.h"
#include "src/hash/sha256_hasher.h"
#include "src/stark/prover.h"
#include "src/stark/verifier.h"
#include "tests/src/stark/stark_test_util.h"

namespace baobab::stark {
namespace {

using testing::no_security_floor;
using testing::test_params;

const hash::Sha256Hasher& hasher() {
  static const hash::Sha256Hasher instance;
  return instance;
}

// Accepted only if the bytes parse and the proof verifies.
bool accepts(const Statement& statement, std::span<const uint8_t> bytes) {
  auto proof = parse_proof(statement, bytes);
  if (!proof) return false;
  return verify(statement, proof.value(), no_security_floor(), hasher()).accepted;
}

struct Proven {
  testing::Instance instance;
  std::vector<uint8_t> bytes;
  std::vector<ProofSection> sections;
};

Proven prove_range_check() {
  Proven out;
  std::vector<uint64_t> values;
  for (uint64_t i = 0; i < 1024; ++i) values.push_back((i * 101) % 256);
  out.instance = testing::range_check_instance(10, values);
  const auto views = out.instance.views();
  auto proof = prove(out.instance.statement, views, test_params(), hasher());
  EXPECT_TRUE(proof.ok());
  out.bytes = serialize_proof(proof.value(), &out.sections);
  return out;
}

TEST(ProofFormat, RoundTripsAndVerifies) {
  const Proven p = prove_range_check();
  auto parsed = parse_proof(p.instance.statement, p.bytes);
  ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
  EXPECT_EQ(serialize_proof(parsed.value()), p.bytes);
  EXPECT_TRUE(accepts(p.instance.statement, p.bytes));
  ASSERT_FALSE(p.sections.empty());
  EXPECT_EQ(p.sections.back().end, p.bytes.size());
}

TEST(ProofFormat, CorruptingAnySectionIsRejected) {
  const Proven p = prove_range_check();
  std::mt19937_64 rng(99);
  int corrupted = 0;
  for (const ProofSection& section : p.sections) {
    if (section.begin == section.end) continue;
    // First and last byte of the section and a few in between, one bit each.
    std::vector<uint64_t> offsets = {section.begin, section.end - 1};
    for (int i = 0; i < 4; ++i)
      offsets.push_back(section.begin + rng() % (section.end - section.begin));
    for (uint64_t offset : offsets) {
      std::vector<uint8_t> bytes = p.bytes;
      bytes[offset] ^= static_cast<uint8_t>(1u << (rng() % 8));
      EXPECT_FALSE(accepts(p.instance.statement, bytes))
          << "flipped a bit at byte " << offset << " in section '" << section.name << "'";
      ++corrupted;
    }
  }
  EXPECT_GT(corrupted, 60);
}

TEST(ProofFormat, ProofBytesAreIdenticalOnEverySimdPath) {
  std::vector<uint64_t> values;
  for (uint64_t i = 0; i < 1024; ++i) values.push_back((i * 101) % 256);
  const auto instance = testing::range_check_instance(10, values);
  const auto views = instance.views();
  std::vector<uint8_t> reference;
  for (SimdLevel level : supported_simd_levels()) {
    ProveOptions options;
    options.simd_level = level;
    auto proof = prove(instance.statement, views, test_params(), hasher(), options);
    ASSERT_TRUE(proof.ok());
    const auto bytes = serialize_proof(proof.value());
    if (reference.empty()) reference = bytes;
    EXPECT_EQ(bytes, reference) << "SIMD level " << to_string(level);
  }
}

TEST(ProofFormat, TruncatedExtendedOrForeignBytesAreClearErrors) {
  const Proven p = prove_range_check();
  for (uint64_t keep :
       {uint64_t{0}, uint64_t{3}, uint64_t{20}, p.bytes.size() / 2, p.bytes.size() - 1}) {
    auto parsed = parse_proof(p.instance.statement, std::span<const uint8_t>(p.bytes).first(keep));
    ASSERT_FALSE(parsed.ok()) << keep;
    EXPECT_EQ(parsed.error().code, ErrorCode::kMalformedInput);
  }
  std::vector<uint8_t> extended = p.bytes;
  extended.push_back(0);
  auto trailing = parse_proof(p.instance.statement, extended);
  ASSERT_FALSE(trailing.ok());
  EXPECT_NE(trailing.error().message.find("trailing"), std::string::npos);

  std::vector<uint8_t> other_version = p.bytes;
  other_version[4] = 2;
  EXPECT_NE(parse_proof(p.instance.statement, other_version).error().message.find("version"),
            std::string::npos);

  // A proof of the range check presented for the Fibonacci statement.
  const auto fibonacci = testing::fibonacci_instance(10);
  EXPECT_FALSE(accepts(fibonacci.statement, p.bytes));
}

TEST(ProofFormat, HugeCountsAreRefusedBeforeAllocation) {
  const Proven p = prove_range_check();
  // The first FRI layer's value count sits right after the proof of work.
  uint64_t offset = 0;
  for (const ProofSection& section : p.sections) {
    if (section.name == "proof of work") offset = section.end;
  }
  ASSERT_NE(offset, 0u);
  std::vector<uint8_t> bytes = p.bytes;
  for (int i = 0; i < 8; ++i) bytes[offset + static_cast<uint64_t>(i)] = 0xFF;
  auto parsed = parse_proof(p.instance.statement, bytes);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("outside"), std::string::npos) << parsed.error().message;
}

}  // namespace
}  // namespace baobab::stark

namespace baobab::stark {
namespace {

constexpr const char* kGoldenRangeCheckProofDigest =
    "fef8ff55cec5128b6f5c28f3ba5fad24f3a8df4d44c8a150f349afdeb4e01b1f";

// Pins the proof bytes of a fixed statement: any change to the protocol, the
// transcript labels or the format changes this digest and must be deliberate
// (bump kProofVersion or the transcript domain, then update the constant).
TEST(ProofFormat, GoldenProofDigest) {
  std::vector<uint64_t> values;
  for (uint64_t i = 0; i < 1024; ++i) values.push_back((i * 101) % 256);
  const auto instance = testing::range_check_instance(10, values);
  const auto views = instance.views();
  auto proof = prove(instance.statement, views, test_params(), hasher());
  ASSERT_TRUE(proof.ok());
  const auto bytes = serialize_proof(proof.value());
  EXPECT_EQ(hash::to_hex(hash::sha256(bytes)), kGoldenRangeCheckProofDigest)
      << bytes.size() << " bytes";
}

}  // namespace
}  // namespace baobab::stark
