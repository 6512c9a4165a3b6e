// Writes an honest proof for the fuzz statement to argv[1]: the seed corpus
// of proof_parser_fuzz.
#include <cstdio>
#include <vector>

#include "src/hash/sha256_hasher.h"
#include "src/stark/proof_format.h"
#include "src/stark/prover.h"
#include "tests/fuzz/fuzz_statement.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_seed OUTPUT\n");
    return 2;
  }
  using namespace baobab;
  const stark::fuzzing::FuzzStatement fuzz;
  std::vector<uint64_t> values;
  for (uint64_t i = 0; i < 512; ++i) values.push_back((i * 7) % 256);
  const auto trace = air::examples::generate_range_check_trace(values, 9);
  const field::ConstMatrixView views[] = {
      {trace.values.data(), trace.value_rows, 1},
      {trace.multiplicities.data(), trace.multiplicities.size(), 1}};
  params::ProofParams params;
  params.log_blowup = 2;
  params.num_queries = 4;
  params.grinding_bits = 2;
  params.log_fri_arity = 1;
  params.fri_remainder_max_log_size = 3;
  const hash::Sha256Hasher hasher;
  auto proof = stark::prove(fuzz.statement, views, params, hasher);
  if (!proof) {
    std::fprintf(stderr, "make_seed: %s\n", proof.error().to_string().c_str());
    return 1;
  }
  const auto bytes = stark::serialize_proof(proof.value());
  std::FILE* out = std::fopen(argv[1], "wb");
  if (out == nullptr || std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size()) return 1;
  std::fclose(out);
  return 0;
}
