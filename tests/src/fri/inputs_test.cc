// Codewords of smaller tables injected into FRI layers of their size
// (FriProver::add_input, FriInjectedValues).
#include <gtest/gtest.h>

#include <random>

#include "src/field/roots.h"
#include "src/fri/domain.h"
#include "src/fri/prover.h"
#include "src/fri/verifier.h"
#include "src/hash/sha256_hasher.h"
#include "tests/src/fri/test_codeword.h"

namespace baobab::fri {
namespace {

using hash::Sha256Hasher;
using testing::evaluate_bit_reversed;
using testing::random_coefficients;
using transcript::Transcript;

constexpr unsigned kLogN = 12;
const FriOptions kOptions{.log_arity = 3, .log_blowup = 2, .remainder_max_size = 16};

// A codeword for the layer of 2^log_size values, degree < bound.
std::vector<Fp3> layer_codeword(unsigned log_size, uint64_t degree_bound, uint64_t seed) {
  std::mt19937_64 rng(seed);
  return evaluate_bit_reversed(random_coefficients(uint64_t{1} << log_size, degree_bound, rng),
                               shift_power(field::kCosetShift, kLogN - log_size));
}

struct Injected {
  std::vector<std::vector<Fp3>> codewords;  // by log size 9 and 4
  std::vector<unsigned> log_sizes;
};

// Proves with the inputs, verifies with their values at the query positions.
Status prove_and_verify(const std::vector<Fp3>& main, const Injected& inputs,
                        bool tamper_injected_value = false) {
  const Sha256Hasher hasher;
  Transcript pt("inputs-test");
  FriProver prover(kOptions, main, hasher);
  for (const auto& c : inputs.codewords) prover.add_input(c);
  const FriCommitment commitment = prover.commit(pt);
  const auto positions = pt.challenge_indices("q", main.size(), 16);
  const FriQueryProof proof = prover.open(positions);

  Transcript vt("inputs-test");
  auto challenges = verify_commitment(kOptions, kLogN, commitment, vt);
  if (!challenges.ok()) return challenges.error();
  std::vector<Fp3> initial;
  for (uint64_t p : positions) initial.push_back(main[p]);
  std::vector<FriInjectedValues> injected;
  for (size_t k = 0; k < inputs.codewords.size(); ++k) {
    FriInjectedValues v{inputs.log_sizes[k], {}};
    for (uint64_t p : positions) v.values.push_back(inputs.codewords[k][p >> (kLogN - v.log_size)]);
    injected.push_back(std::move(v));
  }
  if (tamper_injected_value) injected.back().values[5] += Fp3::one();
  return verify_queries(kOptions, kLogN, commitment, challenges.value(), proof, positions, initial,
                        hasher, injected);
}

TEST(FriInputs, LayoutAcceptsFoldedLayerSizesOnly) {
  const auto layout = FriLayout::make(kOptions, kLogN).value();  // 12 -> 9 -> 6 -> 4
  EXPECT_FALSE(layout.accepts_input(12));
  EXPECT_TRUE(layout.accepts_input(9));
  EXPECT_TRUE(layout.accepts_input(6));
  EXPECT_TRUE(layout.accepts_input(4));
  EXPECT_FALSE(layout.accepts_input(8));
}

TEST(FriInputs, HonestSmallerCodewordsVerify) {
  const auto main = testing::honest_codeword(kLogN, 2, 50);
  const Injected inputs{{layer_codeword(9, 128, 51), layer_codeword(4, 4, 52)}, {9, 4}};
  const Status s = prove_and_verify(main, inputs);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
}

TEST(FriInputs, InjectedCodewordAboveItsDegreeBoundIsRejected) {
  const auto main = testing::honest_codeword(kLogN, 2, 53);
  const Injected inputs{{layer_codeword(9, 129, 54)}, {9}};
  EXPECT_FALSE(prove_and_verify(main, inputs).ok());
}

TEST(FriInputs, WrongInjectedValueIsRejected) {
  const auto main = testing::honest_codeword(kLogN, 2, 55);
  const Injected inputs{{layer_codeword(6, 16, 56)}, {6}};
  ASSERT_TRUE(prove_and_verify(main, inputs).ok());
  const Status s = prove_and_verify(main, inputs, true);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().to_string().find("layer 2: opened value"), std::string::npos)
      << s.error().to_string();
}

TEST(FriInputs, InjectedShapesAreChecked) {
  const auto main = testing::honest_codeword(kLogN, 2, 57);
  const Sha256Hasher hasher;
  Transcript pt("inputs-test");
  FriProver prover(kOptions, main, hasher);
  const FriCommitment commitment = prover.commit(pt);
  const std::vector<uint64_t> positions{1, 2, 3};
  const FriQueryProof proof = prover.open(positions);
  Transcript vt("inputs-test");
  const auto challenges = verify_commitment(kOptions, kLogN, commitment, vt).value();
  const std::vector<Fp3> initial{main[1], main[2], main[3]};
  const auto run = [&](std::vector<FriInjectedValues> injected) {
    return verify_queries(kOptions, kLogN, commitment, challenges, proof, positions, initial,
                          hasher, injected);
  };
  EXPECT_TRUE(run({}).ok());
  EXPECT_NE(run({{8, {{}, {}, {}}}}).error().message.find("no FRI layer of log size 8"),
            std::string::npos);
  EXPECT_NE(run({{9, {{}, {}}}}).error().message.find("2 injected values"), std::string::npos);
  EXPECT_NE(run({{9, {{}, {}, {}}}, {9, {{}, {}, {}}}}).error().message.find("given twice"),
            std::string::npos);
}

}  // namespace
}  // namespace baobab::fri
