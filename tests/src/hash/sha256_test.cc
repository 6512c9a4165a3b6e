#include "src/hash/sha256.h"

#include <gtest/gtest.h>

#include <random>
#include <string_view>
#include <vector>

namespace baobab::hash {
namespace {

std::span<const uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

std::vector<Sha256Impl> available_impls() {
  std::vector<Sha256Impl> impls = {Sha256Impl::kOpenSsl};
  if (sha_ni_supported()) impls.push_back(Sha256Impl::kShaNi);
  return impls;
}

std::vector<uint8_t> random_bytes(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint8_t> out(n);
  for (auto& b : out) b = static_cast<uint8_t>(rng());
  return out;
}

struct Vector {
  std::string_view message;
  std::string_view digest;
};

// FIPS 180-4 examples (NIST CSRC "SHA256.pdf" and "SHA2_Additional.pdf").
constexpr Vector kNistVectors[] = {
    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnop"
     "qrsmnopqrstnopqrstu",
     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
};

TEST(Sha256, MatchesNistVectorsForEveryImplementation) {
  for (Sha256Impl impl : available_impls()) {
    for (const auto& v : kNistVectors) {
      EXPECT_EQ(to_hex(sha256(bytes_of(v.message), impl)), v.digest)
          << to_string(impl) << " on \"" << v.message << "\"";
    }
  }
}

TEST(Sha256, MillionAs) {
  const std::vector<uint8_t> a(1000000, 'a');
  for (Sha256Impl impl : available_impls()) {
    EXPECT_EQ(to_hex(sha256(a, impl)),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        << to_string(impl);
  }
}

TEST(Sha256, IncrementalEqualsOneShotAtEverySplit) {
  const auto msg = random_bytes(200, 1);
  const Digest expected = sha256(msg, Sha256Impl::kOpenSsl);
  Sha256 h;
  for (size_t split = 0; split <= msg.size(); split += 7) {
    h.update(std::span(msg).first(split)).update(std::span(msg).subspan(split));
    EXPECT_EQ(h.finish(), expected) << "split " << split;
  }
}

TEST(Sha256, UpdateU64IsLittleEndian) {
  Sha256 h;
  h.update_u64_le(0x0807060504030201ULL);
  const uint8_t bytes[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  EXPECT_EQ(h.finish(), sha256(bytes));
}

TEST(Sha256, BlockCountMatchesPaddingRule) {
  EXPECT_EQ(sha256_blocks(0), 1u);
  EXPECT_EQ(sha256_blocks(55), 1u);
  EXPECT_EQ(sha256_blocks(56), 2u);
  // The node tag costs nothing: 64 and 65 bytes both take two blocks.
  EXPECT_EQ(sha256_blocks(64), 2u);
  EXPECT_EQ(sha256_blocks(65), 2u);
  EXPECT_EQ(sha256_blocks(119), 2u);
  EXPECT_EQ(sha256_blocks(120), 3u);
  // A 64-column leaf: 512 row bytes (+1 tag) take nine blocks either way.
  EXPECT_EQ(sha256_blocks(512), 9u);
  EXPECT_EQ(sha256_blocks(513), 9u);
}

// The SHA-NI kernel reads messages in place and builds only the first and
// last blocks; sweep lengths across block boundaries, prefix sizes and batch
// sizes (full lane groups and remainders) against OpenSSL.
TEST(Sha256, ShaNiBatchesMatchOpenSslForAllLayouts) {
  if (!sha_ni_supported()) GTEST_SKIP() << "CPU has no SHA extensions";
  const uint8_t prefix_bytes[3] = {0x00, 0x01, 0xA5};
  for (size_t prefix_len : {0u, 1u, 3u}) {
    const std::span<const uint8_t> prefix(prefix_bytes, prefix_len);
    for (size_t length = 0; length <= 260; ++length) {
      for (size_t count : {1u, 2u, 3u, 5u, 8u}) {
        const auto msgs = random_bytes(length * count, 1000 * length + count);
        std::vector<Digest> a(count), b(count);
        sha256_many(Sha256Impl::kOpenSsl, prefix, msgs, length, a);
        sha256_many(Sha256Impl::kShaNi, prefix, msgs, length, b);
        ASSERT_EQ(a, b) << "prefix " << prefix_len << " length " << length << " count " << count;
      }
    }
  }
}

TEST(Sha256, ManyWithPrefixEqualsConcatenation) {
  const auto msgs = random_bytes(3 * 40, 7);
  const uint8_t tag[1] = {0x01};
  std::vector<Digest> out(3);
  sha256_many(default_sha256_impl(), tag, msgs, 40, out);
  for (size_t i = 0; i < 3; ++i) {
    std::vector<uint8_t> m = {0x01};
    m.insert(m.end(), msgs.begin() + static_cast<long>(40 * i),
             msgs.begin() + static_cast<long>(40 * (i + 1)));
    EXPECT_EQ(out[i], sha256(m, Sha256Impl::kOpenSsl));
  }
}

}  // namespace
}  // namespace baobab::hash
