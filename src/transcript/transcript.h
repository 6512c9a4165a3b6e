// Transcript: the Fiat–Shamir transcript over SHA-256 (DESIGN §2). The prover
// and the verifier run the same sequence of labelled absorbs and challenge
// draws (STYLE §1: the phase name is the label) and so derive the same
// challenges. The whole state is one 32-byte digest, so a checkpoint stores it
// (state(), from_state()) and a resumed run continues bit-identically.
//
// Byte format (docs/transcript.md is the reference; le64 = 8-byte
// little-endian, H = SHA-256, labels are raw bytes):
//   start:    S0 = H(0x00 || le64(|domain|) || domain)
//   absorb:   S' = H(0x01 || S || le64(|label|) || label || le64(|data|) || data)
//   draw:     seed = H(0x02 || S || le64(|label|) || label)
//             block_k = H(0x03 || seed || le64(k)), k = 0, 1, ...; the words
//             w_0, w_1, ... are the le64 values of the blocks' 8-byte chunks
//             in order (4 per block)
//             S' = H(0x04 || seed || le64(words consumed))
//   grind:    P = H(0x05 || S || le64(bits)); a nonce n is valid iff
//             H(P || le64(n)) starts with `bits` zero bits (first byte's most
//             significant bit first); then absorb("pow-nonce", le64(n)).
// Lengths make the encoding injective ("ab"+"c" != "a"+"bc"); the leading tag
// byte separates the five kinds of hash input.
//
// Sampling is exact (no bias): a base-field element is the first word < p
// (rejects with probability 2^-32 per word); an index in [0, n) is w mod n for
// the first word w >= 2^64 mod n (the accepted range is a multiple of n). An
// Fp3 challenge is three base-field draws (coefficients of 1, X, X^2).
//
// One draw call is one "draw" above, however many values it returns.
// Not thread-safe: one transcript per proof, used by one thread; grind() uses
// OpenMP internally and returns the smallest valid nonce for any thread count.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "src/field/ext3.h"
#include "src/field/goldilocks.h"
#include "src/hash/digest.h"

namespace baobab::transcript {

using field::Fp;
using field::Fp3;
using hash::Digest;

class Transcript {
 public:
  // `domain` names the protocol and its version (e.g. "baobab-stark-v1").
  explicit Transcript(std::string_view domain);

  // Resumes from a state saved with state() (checkpoints).
  static Transcript from_state(const Digest& state);
  const Digest& state() const { return state_; }

  // ---- absorbing -----------------------------------------------------------
  void absorb_bytes(std::string_view label, std::span<const uint8_t> data);
  void absorb_u64(std::string_view label, uint64_t value);                // 8 bytes
  void absorb_fp(std::string_view label, Fp value);                       // 8 bytes
  void absorb_fps(std::string_view label, std::span<const Fp> values);    // 8 per element
  void absorb_fp3(std::string_view label, const Fp3& value);              // 24 bytes
  void absorb_fp3s(std::string_view label, std::span<const Fp3> values);  // 24 per element
  void absorb_digest(std::string_view label, const Digest& digest);       // 32 bytes

  // ---- drawing challenges ----------------------------------------------------
  Fp challenge_fp(std::string_view label);
  std::vector<Fp> challenge_fps(std::string_view label, size_t count);
  Fp3 challenge_fp3(std::string_view label);
  // Uniform in [0, n), n >= 1 (any n, not only powers of two).
  uint64_t challenge_index(std::string_view label, uint64_t n);
  std::vector<uint64_t> challenge_indices(std::string_view label, uint64_t n, size_t count);

  // ---- proof of work ---------------------------------------------------------
  // The smallest nonce whose PoW hash has `bits` (<= 64) leading zero bits;
  // absorbs it. Expected work 2^bits hashes, shared among OpenMP threads.
  uint64_t grind(unsigned bits);
  // True iff `nonce` meets `bits` for the current state; then absorbs it like
  // grind(). On false the state is unchanged (the proof is rejected anyway).
  bool verify_pow(unsigned bits, uint64_t nonce);

 private:
  struct FromState {};
  Transcript(const Digest& state, FromState) : state_(state) {}
  class Draw;

  Digest pow_prefix(unsigned bits) const;
  void absorb_nonce(uint64_t nonce);

  Digest state_;
};

}  // namespace baobab::transcript
