// End-to-end FRI: honest codewords verify, codewords above the degree bound
// and every kind of tampering are rejected, determinism across thread counts,
// transcript binding.
#include <gtest/gtest.h>
#include <omp.h>

#include <random>
#include <string>

#include "src/fri/prover.h"
#include "src/fri/verifier.h"
#include "src/hash/sha256_hasher.h"
#include "tests/src/fri/test_codeword.h"

namespace baobab::fri {
namespace {

using hash::Sha256Hasher;
using testing::honest_codeword;
using testing::random_fp3;
using transcript::Transcript;

constexpr std::string_view kDomain = "baobab-fri-test";
constexpr std::string_view kQueryLabel = "test.queries";

// What an honest run hands the verifier, plus the prover's final transcript state.
struct FriRun {
  FriCommitment commitment;
  FriQueryProof proof;
  std::vector<uint64_t> positions;
  std::vector<Fp3> initial_values;
  Digest prover_state;
};

FriRun prove(const FriOptions& options, const std::vector<Fp3>& codeword, size_t queries,
             FriProver::LayerTamper tamper = nullptr) {
  const Sha256Hasher hasher;
  Transcript transcript(kDomain);
  FriProver prover(options, codeword, hasher);
  if (tamper) prover.set_layer_tamper_for_testing(std::move(tamper));
  FriRun run;
  run.commitment = prover.commit(transcript);
  run.positions = transcript.challenge_indices(kQueryLabel, codeword.size(), queries);
  run.proof = prover.open(run.positions);
  for (uint64_t p : run.positions) run.initial_values.push_back(codeword[p]);
  run.prover_state = transcript.state();
  return run;
}

// The verifier as a STARK would run it: replay, draw positions, check. With
// `fixed_positions`, the run's positions are used instead of fresh draws, so
// a tampered commitment cannot hide behind different positions.
Status verify(const FriOptions& options, unsigned log_n, const FriRun& run,
              bool fixed_positions = false, Digest* final_state = nullptr) {
  const Sha256Hasher hasher;
  Transcript transcript(kDomain);
  auto challenges = verify_commitment(options, log_n, run.commitment, transcript);
  if (!challenges.ok()) return challenges.error();
  std::vector<uint64_t> positions =
      transcript.challenge_indices(kQueryLabel, uint64_t{1} << log_n, run.positions.size());
  if (final_state != nullptr) *final_state = transcript.state();
  if (fixed_positions) positions = run.positions;
  return verify_queries(options, log_n, run.commitment, challenges.value(), run.proof, positions,
                        run.initial_values, hasher);
}

// Asserts rejection whose message contains `needle` (the check that must fire).
void expect_rejected(const Status& s, const std::string& needle) {
  ASSERT_FALSE(s.ok()) << "accepted, expected rejection containing '" << needle << "'";
  EXPECT_NE(s.error().to_string().find(needle), std::string::npos)
      << "wanted '" << needle << "', got: " << s.error().to_string();
}

// ---- honest proofs -----------------------------------------------------------

TEST(Fri, HonestCodewordsVerifyForAllAritiesBlowupsAndRemainders) {
  uint64_t seed = 100;
  for (unsigned a = 1; a <= 4; ++a) {
    for (unsigned b = 1; b <= 3; ++b) {
      for (uint64_t remainder : {uint64_t{1} << b, uint64_t{16}, uint64_t{64}}) {
        if (remainder < (uint64_t{1} << b)) continue;
        const FriOptions options{.log_arity = a, .log_blowup = b, .remainder_max_size = remainder};
        const unsigned log_n = 11;
        const auto codeword = honest_codeword(log_n, b, ++seed);
        const FriRun run = prove(options, codeword, 20);
        const Status s = verify(options, log_n, run);
        EXPECT_TRUE(s.ok()) << "a=" << a << " b=" << b << " R=" << remainder << ": "
                            << s.error().to_string();
      }
    }
  }
}

TEST(Fri, SmallDomainWithoutFoldingVerifies) {
  const FriOptions options{.log_arity = 2, .log_blowup = 2, .remainder_max_size = 64};
  const auto codeword = honest_codeword(5, 2, 7);
  const FriRun run = prove(options, codeword, 8);
  EXPECT_TRUE(run.commitment.layer_roots.empty());
  EXPECT_EQ(run.commitment.remainder.size(), 8u);
  EXPECT_TRUE(verify(options, 5, run).ok());
}

TEST(Fri, ProverAndVerifierEndInTheSameTranscriptState) {
  const FriOptions options{.log_arity = 3, .log_blowup = 2, .remainder_max_size = 16};
  const auto codeword = honest_codeword(12, 2, 8);
  const FriRun run = prove(options, codeword, 30);
  Digest verifier_state;
  ASSERT_TRUE(verify(options, 12, run, false, &verifier_state).ok());
  EXPECT_EQ(verifier_state, run.prover_state);
}

TEST(Fri, ByteSizeCountsRootsRemainderValuesAndSiblings) {
  const FriOptions options{.log_arity = 2, .log_blowup = 1, .remainder_max_size = 8};
  const auto codeword = honest_codeword(8, 1, 9);
  const FriRun run = prove(options, codeword, 5);
  EXPECT_EQ(run.commitment.byte_size(),
            run.commitment.layer_roots.size() * 32 + run.commitment.remainder.size() * 24);
  uint64_t total = 0;
  for (const auto& layer : run.proof.layers) {
    total += layer.values.size() * 24 + layer.siblings.size() * 32;
  }
  EXPECT_EQ(run.proof.byte_size(), total);
  EXPECT_GT(total, 0u);
}

TEST(Fri, ProofIsIdenticalForOneTwoAndThreeThreads) {
  const FriOptions options{.log_arity = 1, .log_blowup = 1, .remainder_max_size = 16};
  const auto codeword = honest_codeword(16, 1, 10);  // 2^15 cosets: parallel paths
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);
  const FriRun one = prove(options, codeword, 40);
  omp_set_num_threads(2);
  const FriRun two = prove(options, codeword, 40);
  omp_set_num_threads(3);
  const FriRun three = prove(options, codeword, 40);
  omp_set_num_threads(saved);
  for (const FriRun* other : {&two, &three}) {
    EXPECT_EQ(one.commitment.layer_roots, other->commitment.layer_roots);
    EXPECT_EQ(one.commitment.remainder, other->commitment.remainder);
    ASSERT_EQ(one.proof.layers.size(), other->proof.layers.size());
    for (size_t i = 0; i < one.proof.layers.size(); ++i) {
      EXPECT_EQ(one.proof.layers[i].values, other->proof.layers[i].values);
      EXPECT_EQ(one.proof.layers[i].siblings, other->proof.layers[i].siblings);
    }
    EXPECT_EQ(one.prover_state, other->prover_state);
  }
}

// ---- codewords above the degree bound ---------------------------------------

TEST(Fri, RejectsCodewordOfDegreeExactlyTheBound) {
  for (unsigned a = 1; a <= 4; ++a) {
    const FriOptions options{.log_arity = a, .log_blowup = 2, .remainder_max_size = 16};
    const unsigned log_n = 10;
    std::mt19937_64 rng(20 + a);
    const uint64_t n = uint64_t{1} << log_n;
    // degree n/4: one coefficient past the bound.
    auto coefficients = testing::random_coefficients(n, n / 4 + 1, rng);
    const auto codeword = testing::evaluate_bit_reversed(coefficients);
    const FriRun run = prove(options, codeword, 30);
    expect_rejected(verify(options, log_n, run), "remainder polynomial differs");
  }
}

TEST(Fri, RejectsRandomWord) {
  const FriOptions options{.log_arity = 3, .log_blowup = 3, .remainder_max_size = 64};
  std::mt19937_64 rng(30);
  std::vector<Fp3> word(uint64_t{1} << 12);
  for (auto& v : word) v = random_fp3(rng);
  const FriRun run = prove(options, word, 30);
  expect_rejected(verify(options, 12, run), "remainder polynomial differs");
}

// ---- tampering ---------------------------------------------------------------

class FriTamper : public ::testing::Test {
 protected:
  // Three committed layers (2^12 -> 2^9 -> 2^6 -> remainder 2^4... ) with
  // a last fold of smaller arity.
  const FriOptions options_{.log_arity = 3, .log_blowup = 2, .remainder_max_size = 16};
  static constexpr unsigned kLogN = 12;
  std::vector<Fp3> codeword_ = honest_codeword(kLogN, 2, 40);
  FriRun run_ = prove(options_, codeword_, 12);

  void SetUp() override {
    ASSERT_EQ(run_.commitment.layer_roots.size(), 3u);
    ASSERT_TRUE(verify(options_, kLogN, run_).ok());
  }
  Status check(const FriRun& run) const { return verify(options_, kLogN, run, true); }
};

TEST_F(FriTamper, EachLayerRootIsBound) {
  for (size_t i = 0; i < run_.commitment.layer_roots.size(); ++i) {
    FriRun bad = run_;
    bad.commitment.layer_roots[i].bytes[5] ^= 1;
    expect_rejected(check(bad), "layer " + std::to_string(i) + ": merkle opening: root mismatch");
  }
}

TEST_F(FriTamper, EachOpenedValueIsBound) {
  for (size_t i = 0; i < run_.proof.layers.size(); ++i) {
    const size_t count = run_.proof.layers[i].values.size();
    for (size_t k : {size_t{0}, count / 2, count - 1}) {
      FriRun bad = run_;
      bad.proof.layers[i].values[k] += Fp3::one();
      expect_rejected(check(bad), "layer " + std::to_string(i) + ": merkle opening: root mismatch");
    }
  }
}

TEST_F(FriTamper, EachSiblingDigestIsBound) {
  for (size_t i = 0; i < run_.proof.layers.size(); ++i) {
    ASSERT_FALSE(run_.proof.layers[i].siblings.empty());
    for (size_t k = 0; k < run_.proof.layers[i].siblings.size(); ++k) {
      FriRun bad = run_;
      bad.proof.layers[i].siblings[k].bytes[0] ^= 0x80;
      expect_rejected(check(bad), "layer " + std::to_string(i) + ": merkle opening: root mismatch");
    }
  }
}

TEST_F(FriTamper, EachRemainderCoefficientIsBound) {
  for (size_t k = 0; k < run_.commitment.remainder.size(); ++k) {
    FriRun bad = run_;
    bad.commitment.remainder[k] += Fp3::one();
    expect_rejected(check(bad), "remainder polynomial differs from the last fold");
    // With positions drawn after the tampered remainder, it is rejected too.
    EXPECT_FALSE(verify(options_, kLogN, bad).ok());
  }
}

TEST_F(FriTamper, InitialValuesAreChecked) {
  FriRun bad = run_;
  bad.initial_values[3] += Fp3::one();
  expect_rejected(check(bad), "layer 0: opened value at position " +
                                  std::to_string(run_.positions[3]) + " (query 3) differs from " +
                                  "the supplied initial value");
}

TEST_F(FriTamper, WrongQueryPositionIsRejected) {
  // Same coset, other position: the Merkle proof still fits, the value not.
  FriRun same_coset = run_;
  same_coset.positions[2] ^= 1;
  expect_rejected(check(same_coset), "differs from the supplied initial value");
  // Another coset: the opened cosets no longer match the positions.
  FriRun other_coset = run_;
  other_coset.positions[2] ^= 1u << 10;
  EXPECT_FALSE(check(other_coset).ok());
}

TEST_F(FriTamper, EachFoldIsChecked) {
  // A cheating prover shifts layer i (1..3; 3 is the remainder layer) by a
  // constant: every layer stays low degree and every Merkle proof is valid,
  // so only the fold check between layer i-1 and layer i can catch it.
  for (unsigned i = 1; i <= 3; ++i) {
    const FriRun bad = prove(options_, codeword_, 12, [i](unsigned layer, std::span<Fp3> values) {
      if (layer != i) return;
      for (auto& v : values) v += Fp3::one();
    });
    const Status s = verify(options_, kLogN, bad);
    if (i < 3) {
      expect_rejected(s, "layer " + std::to_string(i) + ": opened value at position");
      expect_rejected(s, "differs from the fold of the previous layer");
    } else {
      expect_rejected(s, "remainder polynomial differs from the last fold");
    }
  }
}

TEST_F(FriTamper, ShapesAreCheckedBeforeValues) {
  {
    FriRun bad = run_;
    bad.commitment.layer_roots.pop_back();
    expect_rejected(check(bad), "2 layer roots, expected 3");
  }
  {
    FriRun bad = run_;
    bad.commitment.layer_roots.push_back({});
    expect_rejected(check(bad), "4 layer roots, expected 3");
  }
  {
    FriRun bad = run_;
    bad.commitment.remainder.pop_back();
    expect_rejected(check(bad), "remainder has 3 coefficients, expected 4");
  }
  {
    FriRun bad = run_;
    bad.commitment.remainder.push_back(Fp3::zero());
    expect_rejected(check(bad), "remainder has 5 coefficients, expected 4");
  }
  {
    FriRun bad = run_;
    bad.proof.layers.pop_back();
    expect_rejected(check(bad), "query proof has 2 layer openings, expected 3");
  }
  {
    FriRun bad = run_;
    bad.proof.layers.push_back({});
    expect_rejected(check(bad), "query proof has 4 layer openings, expected 3");
  }
  for (size_t i = 0; i < 3; ++i) {
    FriRun shorter = run_;
    shorter.proof.layers[i].values.pop_back();
    expect_rejected(check(shorter), "layer " + std::to_string(i) + ": ");
    expect_rejected(check(shorter), "opened values, expected");
    FriRun longer = run_;
    longer.proof.layers[i].values.push_back(Fp3::zero());
    expect_rejected(check(longer), "opened values, expected");
    FriRun fewer = run_;
    fewer.proof.layers[i].siblings.pop_back();
    expect_rejected(check(fewer), "layer " + std::to_string(i) + ": merkle opening: too few");
    FriRun more = run_;
    more.proof.layers[i].siblings.push_back({});
    expect_rejected(check(more), "layer " + std::to_string(i) + ": merkle opening: unused");
  }
  {
    FriRun bad = run_;
    bad.initial_values.pop_back();
    expect_rejected(check(bad), "11 initial values for 12 query positions");
  }
  {
    FriRun bad = run_;
    bad.positions[0] = uint64_t{1} << kLogN;
    expect_rejected(check(bad), "outside domain");
  }
  {
    const Sha256Hasher hasher;
    Transcript transcript(kDomain);
    auto challenges = verify_commitment(options_, kLogN, run_.commitment, transcript);
    ASSERT_TRUE(challenges.ok());
    FriChallenges fewer = challenges.value();
    fewer.betas.pop_back();
    expect_rejected(verify_queries(options_, kLogN, run_.commitment, fewer, run_.proof,
                                   run_.positions, run_.initial_values, hasher),
                    "2 folding challenges, expected 3");
    expect_rejected(verify_queries(options_, kLogN, run_.commitment, challenges.value(), run_.proof,
                                   {}, {}, hasher),
                    "no query positions");
    expect_rejected(verify_queries(options_, kLogN + 2, run_.commitment, challenges.value(),
                                   run_.proof, run_.positions, run_.initial_values, hasher),
                    "layer roots, expected");
    expect_rejected(verify_queries({.log_arity = 7}, kLogN, run_.commitment, challenges.value(),
                                   run_.proof, run_.positions, run_.initial_values, hasher),
                    "log_arity 7");
  }
}

}  // namespace
}  // namespace baobab::fri
