#include <cuda_runtime.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "kernels/cuda_check.h"
#include "kernels/gpu_merkle.h"
#include "kernels/sha256.cuh"

namespace baobab::kernels {

namespace {

constexpr unsigned kThreads = 128;
constexpr uint64_t kMaxBlocks = uint64_t{1} << 20;

unsigned blocks_for(uint64_t items) {
  return static_cast<unsigned>(
      std::clamp<uint64_t>((items + kThreads - 1) / kThreads, 1, kMaxBlocks));
}

__device__ __forceinline__ uint64_t global_thread() {
  return static_cast<uint64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
}

__device__ __forceinline__ uint64_t grid_threads() {
  return static_cast<uint64_t>(gridDim.x) * blockDim.x;
}

// Thread r hashes row r; a warp reads 32 consecutive rows of each column.
__global__ void leaf_kernel(const uint64_t* data, uint64_t rows, uint64_t cols, uint32_t* leaves) {
  for (uint64_t r = global_thread(); r < rows; r += grid_threads()) {
    const sha256::State state = sha256::hash_leaf(data, rows, cols, r);
    sha256::store_digest(state, leaves + r * 8);
  }
}

__global__ void node_kernel(const uint32_t* children, uint32_t* parents, uint64_t count) {
  for (uint64_t i = global_thread(); i < count; i += grid_threads()) {
    uint32_t left[8];
    uint32_t right[8];
    sha256::load_digest(children + 16 * i, left);
    sha256::load_digest(children + 16 * i + 8, right);
    sha256::store_digest(sha256::hash_node(left, right), parents + 8 * i);
  }
}

__global__ void chain_kernel(uint64_t chains, int blocks, uint32_t* sink) {
  for (uint64_t c = global_thread(); c < chains; c += grid_threads()) {
    sha256::State state = sha256::initial_state();
    uint32_t w[16];
    for (int k = 0; k < 16; ++k) w[k] = static_cast<uint32_t>(c) + k;
    for (int b = 0; b < blocks; ++b) {
      sha256::compress(state, w);
      for (int k = 0; k < 8; ++k) w[k] ^= state.h[k];
    }
    if (state.h[0] == 0x12345678u) sink[0] = state.h[1];  // keeps the work observable
  }
}

}  // namespace

Result<GpuMerkleTree> GpuMerkleTree::allocate(uint64_t rows) {
  if (rows == 0 || (rows & (rows - 1)) != 0 || rows > (uint64_t{1} << 40)) {
    return Error{ErrorCode::kInvalidArgument,
                 "Merkle tree: rows must be a power of two, got " + std::to_string(rows),
                 "CUDA Merkle"};
  }
  auto nodes = DeviceBytes::allocate(2 * rows * hash::Digest::kBytes);
  if (!nodes) return nodes.error();
  GpuMerkleTree tree;
  tree.nodes_ = std::move(nodes.value());
  tree.num_leaves_ = rows;
  return Result<GpuMerkleTree>(std::move(tree));
}

Status GpuMerkleTree::build(const GpuMatrix& matrix) {
  if (matrix.rows() != num_leaves_ || matrix.cols() == 0) {
    return Error{ErrorCode::kInvalidArgument,
                 "Merkle tree of " + std::to_string(num_leaves_) + " leaves cannot commit a " +
                     std::to_string(matrix.rows()) + " x " + std::to_string(matrix.cols()) +
                     " matrix",
                 "CUDA Merkle"};
  }
  auto* nodes = static_cast<uint32_t*>(nodes_.data());
  const uint64_t n = num_leaves_;
  leaf_kernel<<<blocks_for(n), kThreads>>>(matrix.device_data(), n, matrix.cols(), nodes + n * 8);
  for (uint64_t count = n / 2; count >= 1; count /= 2) {
    node_kernel<<<blocks_for(count), kThreads>>>(nodes + 2 * count * 8, nodes + count * 8, count);
  }
  BAOBAB_CUDA_TRY(cudaGetLastError());
  return Ok{};
}

Result<hash::Digest> GpuMerkleTree::root() const {
  hash::Digest root;
  BAOBAB_CUDA_TRY(cudaMemcpy(root.data(), static_cast<const uint8_t*>(nodes_.data()) + 32, 32,
                             cudaMemcpyDeviceToHost));
  return root;
}

Result<merkle::MerkleTree> GpuMerkleTree::download() const {
  std::vector<hash::Digest> nodes(2 * num_leaves_);
  BAOBAB_CUDA_TRY(cudaMemcpy(nodes.data(), nodes_.data(), nodes.size() * hash::Digest::kBytes,
                             cudaMemcpyDeviceToHost));
  if (num_leaves_ == 1) nodes[0] = nodes[1];  // unused slot; keep it defined
  return merkle::MerkleTree::from_nodes(std::move(nodes), num_leaves_);
}

Result<double> sha256_compressions_per_second(uint64_t chains, int blocks) {
  auto sink = DeviceBytes::allocate(64);
  if (!sink) return sink.error();
  auto timer = GpuTimer::create();
  if (!timer) return timer.error();
  auto* out = static_cast<uint32_t*>(sink.value().data());
  chain_kernel<<<blocks_for(chains), kThreads>>>(chains, blocks, out);  // warm-up
  std::vector<double> ms;
  for (int r = 0; r < 5; ++r) {
    if (Status s = timer.value().start(); !s.ok()) return s.error();
    chain_kernel<<<blocks_for(chains), kThreads>>>(chains, blocks, out);
    if (Status s = timer.value().stop(); !s.ok()) return s.error();
    auto elapsed = timer.value().elapsed_ms();
    if (!elapsed) return elapsed.error();
    ms.push_back(elapsed.value());
  }
  BAOBAB_CUDA_TRY(cudaGetLastError());
  std::sort(ms.begin(), ms.end());
  return static_cast<double>(chains) * blocks / (ms[ms.size() / 2] * 1e-3);
}

}  // namespace baobab::kernels
