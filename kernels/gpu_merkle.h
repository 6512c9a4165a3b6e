// SHA-256 Merkle commitment over the rows of a device-resident matrix (DESIGN
// §5): the same leaves, nodes and root as merkle::MerkleTree::build on the CPU
// (leaf = H(0x00 || row bytes), node = H(0x01 || left || right); hasher.h).
// The whole tree stays on the device in MerkleTree's heap order; download()
// hands it to the host as an ordinary MerkleTree, whose openings (path(),
// merkle::open) are then the CPU's.
#pragma once

#include <cstdint>

#include "kernels/gpu_matrix.h"
#include "src/hash/digest.h"
#include "src/merkle/tree.h"

namespace baobab::kernels {

class GpuMerkleTree {
 public:
  // Room for the tree over `rows` leaves (a power of two >= 1).
  static Result<GpuMerkleTree> allocate(uint64_t rows);

  // Hashes the rows of `matrix` (rows == num_leaves(), cols >= 1) and every
  // inner layer; queued on the default stream. Reusable for another matrix
  // of the same height.
  Status build(const GpuMatrix& matrix);

  uint64_t num_leaves() const { return num_leaves_; }
  Result<hash::Digest> root() const;
  // The whole tree, copied to the host.
  Result<merkle::MerkleTree> download() const;

 private:
  DeviceBytes nodes_;  // 2·num_leaves digests, heap order (node 1 = root)
  uint64_t num_leaves_ = 0;
};

// Raw SHA-256 compression throughput of the device (blocks per second):
// `chains` independent chains of `blocks` compressions each, in registers.
Result<double> sha256_compressions_per_second(uint64_t chains, int blocks);

}  // namespace baobab::kernels
