#include "src/transcript/transcript.h"

#include <gtest/gtest.h>
#include <omp.h>

#include <string_view>
#include <vector>

#include "src/hash/sha256.h"

namespace baobab::transcript {
namespace {

std::span<const uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

void append_le64(std::vector<uint8_t>& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void append(std::vector<uint8_t>& out, std::span<const uint8_t> bytes) {
  out.insert(out.end(), bytes.begin(), bytes.end());
}
Digest h(const std::vector<uint8_t>& bytes) {
  return hash::sha256(bytes, hash::Sha256Impl::kOpenSsl);
}

// A fixed sequence every test can replay.
void script(Transcript& t) {
  t.absorb_u64("params.blowup", 8);
  const Fp values[] = {Fp::from_u64(1), Fp::from_u64(Fp::kModulus - 1)};
  t.absorb_fps("trace.public", values);
  Digest root;
  root.bytes[0] = 0xAB;
  t.absorb_digest("commit.main", root);
}

TEST(Transcript, MatchesTheDocumentedByteFormat) {
  // Rebuild the states of docs/transcript.md by hand with plain SHA-256.
  std::vector<uint8_t> in = {0x00};
  append_le64(in, 4);
  append(in, bytes_of("test"));
  Digest state = h(in);

  Transcript t("test");
  EXPECT_EQ(t.state(), state);

  const uint8_t data[] = {1, 2, 3};
  t.absorb_bytes("lbl", data);
  in = {0x01};
  append(in, state.span());
  append_le64(in, 3);
  append(in, bytes_of("lbl"));
  append_le64(in, 3);
  append(in, data);
  state = h(in);
  EXPECT_EQ(t.state(), state);

  // Draw two indices in [0, 2^32): no rejection is possible below 2^64 mod n = 0.
  const auto got = t.challenge_indices("q", uint64_t{1} << 32, 2);
  in = {0x02};
  append(in, state.span());
  append_le64(in, 1);
  append(in, bytes_of("q"));
  const Digest seed = h(in);
  in = {0x03};
  append(in, seed.span());
  append_le64(in, 0);
  const Digest block0 = h(in);
  uint64_t w0 = 0, w1 = 0;
  for (int i = 7; i >= 0; --i) {
    w0 = (w0 << 8) | block0.bytes[static_cast<size_t>(i)];
    w1 = (w1 << 8) | block0.bytes[static_cast<size_t>(8 + i)];
  }
  EXPECT_EQ(got, (std::vector<uint64_t>{w0 & 0xFFFFFFFF, w1 & 0xFFFFFFFF}));
  in = {0x04};
  append(in, seed.span());
  append_le64(in, 2);
  EXPECT_EQ(t.state(), h(in));
}

TEST(Transcript, SameSequenceGivesSameChallenges) {
  Transcript a("baobab-test"), b("baobab-test");
  script(a);
  script(b);
  EXPECT_EQ(a.challenge_fp("alpha"), b.challenge_fp("alpha"));
  EXPECT_EQ(a.challenge_fp3("beta"), b.challenge_fp3("beta"));
  EXPECT_EQ(a.challenge_indices("queries", 1000, 30), b.challenge_indices("queries", 1000, 30));
  EXPECT_EQ(a.state(), b.state());
}

TEST(Transcript, DomainSeparatesTranscripts) {
  Transcript a("baobab-test"), b("baobab-other");
  EXPECT_NE(a.state(), b.state());
}

TEST(Transcript, LabelAndDataBoundariesAreBound) {
  Transcript a("t"), b("t");
  a.absorb_bytes("ab", bytes_of("c"));
  b.absorb_bytes("a", bytes_of("bc"));
  EXPECT_NE(a.state(), b.state());

  Transcript c("t"), d("t");
  c.absorb_bytes("x", bytes_of("ab"));
  c.absorb_bytes("x", bytes_of("c"));
  d.absorb_bytes("x", bytes_of("a"));
  d.absorb_bytes("x", bytes_of("bc"));
  EXPECT_NE(c.state(), d.state());

  Transcript e("t"), f("t");
  e.absorb_u64("blowup", 8);
  f.absorb_u64("queries", 8);
  EXPECT_NE(e.state(), f.state());
}

TEST(Transcript, ChallengeLabelIsBound) {
  Transcript a("t"), b("t");
  EXPECT_NE(a.challenge_fp("alpha"), b.challenge_fp("beta"));
}

TEST(Transcript, AbsorbOrderMatters) {
  Transcript a("t"), b("t");
  a.absorb_u64("x", 1);
  a.absorb_u64("y", 2);
  b.absorb_u64("y", 2);
  b.absorb_u64("x", 1);
  EXPECT_NE(a.state(), b.state());
}

TEST(Transcript, DrawsRechainTheState) {
  Transcript a("t");
  const Fp first = a.challenge_fp("alpha");
  const Fp second = a.challenge_fp("alpha");
  EXPECT_NE(first, second);
  // Later absorbs depend on what was drawn, and on how much.
  Transcript b("t"), c("t"), d("t");
  (void)b.challenge_fp("alpha");
  (void)d.challenge_fps("alpha", 2);
  b.absorb_u64("x", 1);
  c.absorb_u64("x", 1);
  d.absorb_u64("x", 1);
  EXPECT_NE(b.state(), c.state());
  EXPECT_NE(b.state(), d.state());
}

TEST(Transcript, ResumesFromSavedState) {
  Transcript a("t");
  script(a);
  Transcript b = Transcript::from_state(a.state());
  EXPECT_EQ(a.challenge_fp3("z"), b.challenge_fp3("z"));
  EXPECT_EQ(a.state(), b.state());
}

TEST(Transcript, ChallengesAreCanonicalAndInRange) {
  Transcript t("t");
  for (const Fp x : t.challenge_fps("alpha", 1000)) EXPECT_LT(x.value(), Fp::kModulus);
  for (int i = 0; i < 100; ++i) {
    const Fp3 z = t.challenge_fp3("z");
    for (int k = 0; k < 3; ++k) EXPECT_LT(z[k].value(), Fp::kModulus);
    EXPECT_FALSE(z.is_base());  // probability ~2^-127 otherwise
  }
  for (uint64_t n : {uint64_t{1}, uint64_t{2}, uint64_t{3}, uint64_t{7}, uint64_t{1000},
                     (uint64_t{1} << 63) + 1, UINT64_MAX}) {
    for (uint64_t v : t.challenge_indices("q", n, 200)) EXPECT_LT(v, n) << "n = " << n;
  }
  EXPECT_EQ(t.challenge_index("one", 1), 0u);
}

TEST(Transcript, IndexRejectionKeepsLargeRangesUniform) {
  // n = 3 * 2^62: words below 2^64 mod n = 2^62 are rejected. Uniform indices
  // fall below 2^62 with probability 1/3; plain w mod n (no rejection) would
  // map the top quarter of words onto [0, 2^62) too and give 1/2.
  Transcript t("t");
  const uint64_t n = 3 * (uint64_t{1} << 62);
  size_t low = 0;
  const size_t count = 4000;
  for (uint64_t v : t.challenge_indices("q", n, count)) low += v < (uint64_t{1} << 62);
  EXPECT_NEAR(static_cast<double>(low) / count, 1.0 / 3.0, 0.04);
}

double chi_square(const std::vector<uint64_t>& samples, uint64_t n) {
  std::vector<double> counts(n);
  for (uint64_t v : samples) counts[v] += 1;
  const double expected = static_cast<double>(samples.size()) / static_cast<double>(n);
  double chi = 0;
  for (double c : counts) chi += (c - expected) * (c - expected) / expected;
  return chi;
}

TEST(Transcript, SmallRangeIndicesLookUniform) {
  Transcript t("uniformity");
  // Critical values at p = 1e-4: 18.4 (2 dof), 25.7 (5 dof). Fixed seed, so
  // this either always passes or always fails.
  EXPECT_LT(chi_square(t.challenge_indices("q3", 3, 30000), 3), 18.4);
  EXPECT_LT(chi_square(t.challenge_indices("q6", 6, 30000), 6), 25.7);
}

TEST(Transcript, GrindFindsTheSmallestValidNonce) {
  const unsigned bits = 8;
  Transcript prover("t"), verifier("t");
  script(prover);
  script(verifier);
  const Transcript before = prover;
  const uint64_t nonce = prover.grind(bits);
  ASSERT_GT(nonce, 0u) << "pick a script whose nonce has wrong nonces below it";
  // Every smaller nonce fails, and a failed check leaves the state alone.
  for (uint64_t n = 0; n < nonce; ++n) {
    Transcript probe = before;
    EXPECT_FALSE(probe.verify_pow(bits, n)) << n;
    EXPECT_EQ(probe.state(), before.state());
  }
  Transcript v2 = verifier;
  EXPECT_TRUE(v2.verify_pow(bits, nonce));
  EXPECT_EQ(v2.state(), prover.state());  // the nonce was absorbed on both sides
  EXPECT_NE(prover.state(), before.state());
  EXPECT_EQ(prover.challenge_fp("after"), v2.challenge_fp("after"));
}

TEST(Transcript, PowDependsOnStateAndBits) {
  Transcript a("t");
  const Transcript before = a;
  const uint64_t nonce = a.grind(10);
  Transcript other("u");
  // The nonce for one state is (almost surely) not valid for another, and
  // 10 bits of work do not prove 30.
  Transcript b = before;
  EXPECT_FALSE(b.verify_pow(30, nonce));
  EXPECT_FALSE(other.verify_pow(10, nonce));
  Transcript c = before;
  EXPECT_FALSE(c.verify_pow(65, nonce));
  EXPECT_EQ(Transcript(before).grind(0), 0u);
}

TEST(Transcript, GrindNonceIsIndependentOfThreadCount) {
  const int saved = omp_get_max_threads();
  std::vector<uint64_t> nonces;
  std::vector<Digest> states;
  for (int threads : {1, 2, 3}) {
    omp_set_num_threads(threads);
    Transcript t("threads");
    script(t);
    nonces.push_back(t.grind(12));
    states.push_back(t.state());
  }
  omp_set_num_threads(saved);
  EXPECT_EQ(nonces[0], nonces[1]);
  EXPECT_EQ(nonces[0], nonces[2]);
  EXPECT_EQ(states[0], states[1]);
  EXPECT_EQ(states[0], states[2]);
}

}  // namespace
}  // namespace baobab::transcript
