#include "src/transcript/transcript.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <bit>

#include "src/common/check.h"
#include "src/field/serialize.h"
#include "src/hash/sha256.h"

namespace baobab::transcript {

namespace {

// The first byte of every hash input (docs/transcript.md).
enum Tag : uint8_t {
  kStart = 0x00,
  kAbsorb = 0x01,
  kDrawSeed = 0x02,
  kDrawBlock = 0x03,
  kDrawRechain = 0x04,
  kPowPrefix = 0x05,
};

constexpr std::string_view kPowNonceLabel = "pow-nonce";

std::span<const uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

void put_le64(uint64_t value, uint8_t* out) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<uint8_t>(value >> (8 * i));
}

uint64_t get_le64(const uint8_t* in) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value |= static_cast<uint64_t>(in[i]) << (8 * i);
  return value;
}

void update_tag(hash::Sha256& h, Tag tag) {
  const uint8_t byte = tag;
  h.update(std::span<const uint8_t>(&byte, 1));
}

// Leading zero bits of a digest read as a big-endian bit string, capped at 64.
unsigned leading_zero_bits(const Digest& d) {
  uint64_t head = 0;
  for (int i = 0; i < 8; ++i) head = (head << 8) | d.bytes[static_cast<size_t>(i)];
  return static_cast<unsigned>(std::countl_zero(head));
}

}  // namespace

// One draw: seed from the state and label, then a stream of 64-bit words;
// the destructor re-chains the transcript state over the words consumed.
class Transcript::Draw {
 public:
  Draw(Transcript& t, std::string_view label) : transcript_(t) {
    hash::Sha256 h;
    update_tag(h, kDrawSeed);
    h.update(t.state_.span());
    h.update_u64_le(label.size()).update(bytes_of(label));
    seed_ = h.finish();
  }
  ~Draw() {
    hash::Sha256 h;
    update_tag(h, kDrawRechain);
    h.update(seed_.span());
    h.update_u64_le(words_);
    transcript_.state_ = h.finish();
  }
  Draw(const Draw&) = delete;
  Draw& operator=(const Draw&) = delete;

  uint64_t next_word() {
    const uint64_t in_block = words_ % 4;
    if (in_block == 0) {
      uint8_t input[1 + Digest::kBytes + 8];
      input[0] = kDrawBlock;
      std::copy(seed_.bytes.begin(), seed_.bytes.end(), input + 1);
      put_le64(words_ / 4, input + 1 + Digest::kBytes);
      block_ = hash::sha256(input);
    }
    ++words_;
    return get_le64(block_.data() + 8 * in_block);
  }

  Fp next_fp() {
    for (;;) {
      const uint64_t w = next_word();
      if (w < Fp::kModulus) return Fp::from_canonical(w);
    }
  }

  uint64_t next_index(uint64_t n) {
    // 2^64 mod n: words below it are rejected, leaving a multiple of n values.
    const uint64_t reject_below = (0 - n) % n;
    for (;;) {
      const uint64_t w = next_word();
      if (w >= reject_below) return w % n;
    }
  }

 private:
  Transcript& transcript_;
  Digest seed_;
  Digest block_;
  uint64_t words_ = 0;
};

// ---------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------

Transcript::Transcript(std::string_view domain) {
  hash::Sha256 h;
  update_tag(h, kStart);
  h.update_u64_le(domain.size()).update(bytes_of(domain));
  state_ = h.finish();
}

Transcript Transcript::from_state(const Digest& state) {
  return Transcript(state, FromState{});
}

// ---------------------------------------------------------------------------
// Absorbing
// ---------------------------------------------------------------------------

void Transcript::absorb_bytes(std::string_view label, std::span<const uint8_t> data) {
  hash::Sha256 h;
  update_tag(h, kAbsorb);
  h.update(state_.span());
  h.update_u64_le(label.size()).update(bytes_of(label));
  h.update_u64_le(data.size()).update(data);
  state_ = h.finish();
}

void Transcript::absorb_u64(std::string_view label, uint64_t value) {
  uint8_t bytes[8];
  put_le64(value, bytes);
  absorb_bytes(label, bytes);
}

void Transcript::absorb_fp(std::string_view label, Fp value) {
  uint8_t bytes[field::kFpBytes];
  field::write_le(value, bytes);
  absorb_bytes(label, bytes);
}

void Transcript::absorb_fps(std::string_view label, std::span<const Fp> values) {
  std::vector<uint8_t> bytes(values.size() * field::kFpBytes);
  field::write_le(values, bytes);
  absorb_bytes(label, bytes);
}

void Transcript::absorb_fp3(std::string_view label, const Fp3& value) {
  uint8_t bytes[field::kFp3Bytes];
  field::write_le(value, bytes);
  absorb_bytes(label, bytes);
}

void Transcript::absorb_fp3s(std::string_view label, std::span<const Fp3> values) {
  std::vector<uint8_t> bytes(values.size() * field::kFp3Bytes);
  for (size_t i = 0; i < values.size(); ++i) {
    field::write_le(values[i], std::span<uint8_t, field::kFp3Bytes>(
                                   bytes.data() + i * field::kFp3Bytes, field::kFp3Bytes));
  }
  absorb_bytes(label, bytes);
}

void Transcript::absorb_digest(std::string_view label, const Digest& digest) {
  absorb_bytes(label, digest.span());
}

// ---------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------

Fp Transcript::challenge_fp(std::string_view label) {
  Draw draw(*this, label);
  return draw.next_fp();
}

std::vector<Fp> Transcript::challenge_fps(std::string_view label, size_t count) {
  Draw draw(*this, label);
  std::vector<Fp> out(count);
  for (auto& x : out) x = draw.next_fp();
  return out;
}

Fp3 Transcript::challenge_fp3(std::string_view label) {
  Draw draw(*this, label);
  const Fp c0 = draw.next_fp();
  const Fp c1 = draw.next_fp();
  const Fp c2 = draw.next_fp();
  return Fp3(c0, c1, c2);
}

uint64_t Transcript::challenge_index(std::string_view label, uint64_t n) {
  BAOBAB_CHECK(n >= 1, "challenge_index: empty range");
  Draw draw(*this, label);
  return draw.next_index(n);
}

std::vector<uint64_t> Transcript::challenge_indices(std::string_view label, uint64_t n,
                                                    size_t count) {
  BAOBAB_CHECK(n >= 1, "challenge_indices: empty range");
  Draw draw(*this, label);
  std::vector<uint64_t> out(count);
  for (auto& x : out) x = draw.next_index(n);
  return out;
}

// ---------------------------------------------------------------------------
// Proof of work
// ---------------------------------------------------------------------------

Digest Transcript::pow_prefix(unsigned bits) const {
  hash::Sha256 h;
  update_tag(h, kPowPrefix);
  h.update(state_.span());
  h.update_u64_le(bits);
  return h.finish();
}

void Transcript::absorb_nonce(uint64_t nonce) {
  absorb_u64(kPowNonceLabel, nonce);
}

namespace {

// Nonces are tested kPowChunk at a time (one batched SHA-256 call); a round
// tests kChunksPerThread chunks per thread.
constexpr uint64_t kPowChunk = 256;
constexpr uint64_t kChunksPerThread = 8;

// The first valid nonce in [first, first + kPowChunk), or UINT64_MAX.
uint64_t scan_chunk(const Digest& prefix, unsigned bits, uint64_t first) {
  uint8_t nonces[kPowChunk * 8];
  for (uint64_t i = 0; i < kPowChunk; ++i) put_le64(first + i, nonces + 8 * i);
  Digest hashes[kPowChunk];
  hash::sha256_many(hash::default_sha256_impl(), prefix.span(), nonces, 8, hashes);
  for (uint64_t i = 0; i < kPowChunk; ++i) {
    if (leading_zero_bits(hashes[i]) >= bits) return first + i;
  }
  return UINT64_MAX;
}

}  // namespace

uint64_t Transcript::grind(unsigned bits) {
  BAOBAB_CHECK(bits <= 64, "grind: more than 64 bits of work");
  const Digest prefix = pow_prefix(bits);
  // Rounds cover consecutive windows [base, base + window). Every nonce of a
  // window below the best hit so far is tested, so the first window with a
  // hit yields the smallest valid nonce overall, whatever the thread count.
  const uint64_t chunks = kChunksPerThread * static_cast<uint64_t>(omp_get_max_threads());
  for (uint64_t base = 0;; base += chunks * kPowChunk) {
    BAOBAB_CHECK(base <= UINT64_MAX - chunks * kPowChunk, "grind: nonce space exhausted");
    std::atomic<uint64_t> best{UINT64_MAX};
#pragma omp parallel for schedule(dynamic, 1)
    for (int64_t c = 0; c < static_cast<int64_t>(chunks); ++c) {
      const uint64_t first = base + static_cast<uint64_t>(c) * kPowChunk;
      if (first > best.load(std::memory_order_relaxed)) continue;  // cannot beat it
      const uint64_t hit = scan_chunk(prefix, bits, first);
      uint64_t current = best.load(std::memory_order_relaxed);
      while (hit < current && !best.compare_exchange_weak(current, hit)) {
      }
    }
    const uint64_t nonce = best.load();
    if (nonce != UINT64_MAX) {
      absorb_nonce(nonce);
      return nonce;
    }
  }
}

bool Transcript::verify_pow(unsigned bits, uint64_t nonce) {
  if (bits > 64) return false;
  const Digest prefix = pow_prefix(bits);
  uint8_t input[Digest::kBytes + 8];
  std::copy(prefix.bytes.begin(), prefix.bytes.end(), input);
  put_le64(nonce, input + Digest::kBytes);
  if (leading_zero_bits(hash::sha256(input)) < bits) return false;
  absorb_nonce(nonce);
  return true;
}

}  // namespace baobab::transcript
