// FRI parameters and the layer schedule they imply (docs/fri.md).
//
// FriOptions are proof parameters (STYLE §6): they change proof bytes, so the
// STARK writes them into the proof and absorbs them into the transcript
// before FRI starts (FRI itself absorbs only its roots and remainder).
// FriLayout is the pure function of (options, log domain size) that the
// prover and the verifier both derive: how many layers are committed, the
// size and folding arity of each, and the length of the remainder.
// Callers: FriProver, verify_commitment/verify_queries, the parameter and
// security code (proof-size and soundness accounting).
#pragma once

#include <cstdint>
#include <vector>

#include "src/common/result.h"

namespace baobab::fri {

// Largest folding arity 2^kMaxLogArity: a coset's values stay in registers
// and one leaf stays small (16 Fp3 = 384 bytes).
inline constexpr unsigned kMaxLogArity = 4;
// Largest blowup 2^kMaxLogBlowup FRI accepts (the LDE supports up to 16).
inline constexpr unsigned kMaxLogBlowup = 8;
// Largest remainder layer: bounds the verifier's work and the proof size.
inline constexpr uint64_t kMaxRemainderSize = uint64_t{1} << 16;
// Largest initial domain: the 2-adicity of Goldilocks.
inline constexpr unsigned kMaxLogDomainSize = 32;

struct FriOptions {
  // Each fold maps 2^log_arity values of a coset to one value (1..4).
  unsigned log_arity = 3;
  // The codeword is claimed to have degree < domain size / 2^log_blowup.
  unsigned log_blowup = 3;
  // Folding stops at a layer of this size (a power of two >= 2^log_blowup);
  // its polynomial, of degree < remainder_max_size / 2^log_blowup, is sent
  // as coefficients instead of being committed. The last fold uses a smaller
  // arity when needed to land exactly on this size.
  uint64_t remainder_max_size = 64;

  // Every problem at once, "; "-separated, as kInvalidArgument.
  Status validate() const;
};

// One committed layer: 2^log_size values, folded by 2^log_arity.
struct FriLayerShape {
  unsigned log_size = 0;
  unsigned log_arity = 0;
  // Merkle leaves = cosets = 2^(log_size - log_arity); tree height.
  unsigned tree_height() const { return log_size - log_arity; }
};

struct FriLayout {
  unsigned log_domain_size = 0;  // layer 0 has 2^log_domain_size values
  unsigned log_blowup = 0;
  // Committed layers 0 .. L-1 (layer 0 is the input codeword). Layer i+1 has
  // log size layers[i].log_size - layers[i].log_arity.
  std::vector<FriLayerShape> layers;
  // The final (uncommitted) layer: 2^log_remainder_domain values =
  // min(2^log_domain_size, remainder_max_size).
  unsigned log_remainder_domain = 0;

  // Number of remainder coefficients the prover sends.
  uint64_t remainder_length() const { return uint64_t{1} << (log_remainder_domain - log_blowup); }
  // The schedule for a domain of 2^log_domain_size points: folds by
  // 2^log_arity while the layer is larger than remainder_max_size, the last
  // fold by min(log_arity, what is left). Errors: invalid options, a domain
  // larger than 2^32 or smaller than the blowup.
  static Result<FriLayout> make(const FriOptions& options, unsigned log_domain_size);

  // Whether a codeword of 2^log_size values can be injected (FriProver::
  // add_input): true for the sizes of the folded layers 1..L (the last being
  // the remainder layer), false for layer 0 and when nothing is folded.
  bool accepts_input(unsigned log_size) const;
};

}  // namespace baobab::fri
