// Writes an honest zkVM proof of the fuzz program (conjectured-100) to
// argv[1]: the seed of zkvm_proof_fuzz.
#include <cstdio>
#include <fstream>

#include "src/params/profiles.h"
#include "tests/fuzz/zkvm_fuzz_program.h"
#include "zkvm/air/zkvm_prover.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const auto params = baobab::params::profile_by_name("conjectured-100");
  auto result =
      baobab::zkvm::prove_program(baobab::zkvm::fuzzing::fuzz_program(), {}, params.value());
  if (!result) {
    std::fprintf(stderr, "%s\n", result.error().to_string().c_str());
    return 1;
  }
  const auto bytes = baobab::zkvm::serialize_zkvm_proof(result.value().proof);
  std::ofstream(argv[1], std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  return 0;
}
