#include "src/fri/verifier.h"

#include <algorithm>
#include <string>

#include "src/field/batch_inverse.h"
#include "src/field/roots.h"
#include "src/fri/domain.h"
#include "src/fri/fold.h"
#include "src/fri/prover.h"
#include "src/merkle/opening.h"

namespace baobab::fri {

namespace {

using field::Fp;

Error reject(std::string message) {
  return Error{ErrorCode::kMalformedInput, std::move(message), "fri"};
}

std::string layer_name(unsigned layer) {
  return "layer " + std::to_string(layer);
}

// The commitment's shape for this layout (shared by both steps).
Status check_commitment_shape(const FriLayout& layout, const FriCommitment& commitment) {
  if (commitment.layer_roots.size() != layout.layers.size()) {
    return reject("commitment has " + std::to_string(commitment.layer_roots.size()) +
                  " layer roots, expected " + std::to_string(layout.layers.size()));
  }
  if (commitment.remainder.size() != layout.remainder_length()) {
    return reject("remainder has " + std::to_string(commitment.remainder.size()) +
                  " coefficients, expected " + std::to_string(layout.remainder_length()));
  }
  return Ok{};
}

}  // namespace

Fp3 evaluate_polynomial(std::span<const Fp3> coefficients, Fp x) {
  Fp3 acc = Fp3::zero();
  for (size_t k = coefficients.size(); k-- > 0;) acc = acc * x + coefficients[k];
  return acc;
}

Result<FriChallenges> verify_commitment(const FriOptions& options, unsigned log_domain_size,
                                        const FriCommitment& commitment,
                                        transcript::Transcript& transcript) {
  auto layout = FriLayout::make(options, log_domain_size);
  if (!layout.ok()) return layout.error();
  if (Status s = check_commitment_shape(layout.value(), commitment); !s.ok()) return s.error();
  FriChallenges out;
  for (unsigned i = 0; i < commitment.layer_roots.size(); ++i) {
    transcript.absorb_digest(layer_label(i), commitment.layer_roots[i]);
    out.betas.push_back(transcript.challenge_fp3(beta_label(i)));
  }
  transcript.absorb_fp3s(kRemainderLabel, commitment.remainder);
  return out;
}

Status verify_queries(const FriOptions& options, unsigned log_domain_size,
                      const FriCommitment& commitment, const FriChallenges& challenges,
                      const FriQueryProof& proof, std::span<const uint64_t> positions,
                      std::span<const Fp3> initial_values, const hash::Hasher& hasher,
                      std::span<const FriInjectedValues> injected) {
  // ---- shape -----------------------------------------------------------------
  auto layout_or = FriLayout::make(options, log_domain_size);
  if (!layout_or.ok()) return layout_or.error();
  const FriLayout& layout = layout_or.value();
  if (Status s = check_commitment_shape(layout, commitment); !s.ok()) return s;
  const size_t num_layers = layout.layers.size();
  if (challenges.betas.size() != num_layers) {
    return reject(std::to_string(challenges.betas.size()) + " folding challenges, expected " +
                  std::to_string(num_layers));
  }
  if (positions.empty()) return reject("no query positions");
  if (initial_values.size() != positions.size()) {
    return reject(std::to_string(initial_values.size()) + " initial values for " +
                  std::to_string(positions.size()) + " query positions");
  }
  const uint64_t domain_size = uint64_t{1} << log_domain_size;
  for (size_t q = 0; q < positions.size(); ++q) {
    if (positions[q] >= domain_size) {
      return reject("query position " + std::to_string(positions[q]) + " outside domain of " +
                    std::to_string(domain_size));
    }
  }
  for (size_t k = 0; k < injected.size(); ++k) {
    if (!layout.accepts_input(injected[k].log_size)) {
      return reject("no FRI layer of log size " + std::to_string(injected[k].log_size) +
                    " for injected values");
    }
    for (size_t l = 0; l < k; ++l) {
      if (injected[l].log_size == injected[k].log_size) {
        return reject("injected values of log size " + std::to_string(injected[k].log_size) +
                      " given twice");
      }
    }
    if (injected[k].values.size() != positions.size()) {
      return reject(std::to_string(injected[k].values.size()) + " injected values of log size " +
                    std::to_string(injected[k].log_size) + " for " +
                    std::to_string(positions.size()) + " query positions");
    }
  }
  if (proof.layers.size() != num_layers) {
    return reject("query proof has " + std::to_string(proof.layers.size()) +
                  " layer openings, expected " + std::to_string(num_layers));
  }

  // ---- layers ----------------------------------------------------------------
  std::vector<uint64_t> pos(positions.begin(), positions.end());
  std::vector<Fp3> expected(initial_values.begin(), initial_values.end());
  Fp shift = field::kCosetShift;
  for (unsigned i = 0; i < num_layers; ++i) {
    const FriLayerShape& shape = layout.layers[i];
    const FriLayerOpening& opening = proof.layers[i];
    const uint64_t arity = uint64_t{1} << shape.log_arity;
    std::vector<uint64_t> cosets(pos.size());
    for (size_t q = 0; q < pos.size(); ++q) cosets[q] = pos[q] >> shape.log_arity;
    std::sort(cosets.begin(), cosets.end());
    cosets.erase(std::unique(cosets.begin(), cosets.end()), cosets.end());
    if (opening.values.size() != cosets.size() * arity) {
      return reject(layer_name(i) + ": " + std::to_string(opening.values.size()) +
                    " opened values, expected " + std::to_string(cosets.size()) + " cosets x " +
                    std::to_string(arity));
    }
    // Merkle: each leaf is the coset's 3·arity base elements.
    std::vector<Fp> flat;
    flat.reserve(opening.values.size() * 3);
    for (const Fp3& v : opening.values)
      flat.insert(flat.end(), v.coeffs().begin(), v.coeffs().end());
    if (Status s = merkle::verify_batch(hasher, commitment.layer_roots[i], shape.tree_height(),
                                        3 * arity, cosets, flat, opening.siblings);
        !s.ok()) {
      return reject(layer_name(i) + ": " + s.error().to_string());
    }
    // The opened value at each query's position is the expected one.
    std::vector<size_t> slot(pos.size());
    for (size_t q = 0; q < pos.size(); ++q) {
      slot[q] = static_cast<size_t>(
          std::lower_bound(cosets.begin(), cosets.end(), pos[q] >> shape.log_arity) -
          cosets.begin());
      const Fp3& opened = opening.values[slot[q] * arity + (pos[q] & (arity - 1))];
      if (opened != expected[q]) {
        return reject(layer_name(i) + ": opened value at position " + std::to_string(pos[q]) +
                      " (query " + std::to_string(q) + ") differs from " +
                      (i == 0 ? "the supplied initial value" : "the fold of the previous layer"));
      }
    }
    // Fold every opened coset; it becomes the expected value one layer down.
    std::vector<Fp> inverses(cosets.size());
    for (size_t k = 0; k < cosets.size(); ++k) {
      inverses[k] = domain_point(shape.log_size, shift, cosets[k] << shape.log_arity);
    }
    field::batch_inverse(inverses, inverses);
    std::vector<Fp3> folded(cosets.size());
    for (size_t k = 0; k < cosets.size(); ++k) {
      folded[k] = fold_coset(std::span<const Fp3>(opening.values).subspan(k * arity, arity),
                             shape.log_arity, inverses[k], challenges.betas[i]);
    }
    for (size_t q = 0; q < pos.size(); ++q) {
      expected[q] = folded[slot[q]];
      pos[q] >>= shape.log_arity;
    }
    const unsigned next_log_size = shape.log_size - shape.log_arity;
    for (const auto& input : injected) {
      if (input.log_size != next_log_size) continue;
      const Fp3 weight = challenges.betas[i].pow(uint64_t{1} << shape.log_arity);
      for (size_t q = 0; q < pos.size(); ++q) expected[q] += weight * input.values[q];
    }
    shift = shift_power(shift, shape.log_arity);
  }

  // ---- remainder -------------------------------------------------------------
  for (size_t q = 0; q < pos.size(); ++q) {
    const Fp x = domain_point(layout.log_remainder_domain, shift, pos[q]);
    if (evaluate_polynomial(commitment.remainder, x) != expected[q]) {
      return reject("remainder polynomial differs from the " +
                    std::string(num_layers == 0 ? "initial value" : "last fold") +
                    " at final position " + std::to_string(pos[q]) + " (query " +
                    std::to_string(q) + ")");
    }
  }
  return Ok{};
}

}  // namespace baobab::fri
