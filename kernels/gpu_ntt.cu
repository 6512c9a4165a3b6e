// GPU NTT and LDE. Levels run in two kinds of pass (kernels/ntt_steps.cuh):
// strided passes of up to kMaxGroup levels in registers for the large
// half-sizes, and one shared-memory pass for the bottom kTailLog levels, which
// live inside contiguous chunks of 2^kTailLog rows. A 2^24 transform is thus
// five passes over the data; bit reversal is one more, by 32 × 32 tiles.
// Twiddles are the CPU plan's tables, each level bit-reversed on upload.
#include <cuda_runtime.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "kernels/cuda_check.h"
#include "kernels/goldilocks.cuh"
#include "kernels/gpu_ntt.h"
#include "kernels/ntt_steps.cuh"

namespace baobab::kernels {

namespace {

using ntt::Order;
using ntt_steps::kTile;

constexpr unsigned kTailThreads = 256;
constexpr unsigned kThreads = 256;
constexpr uint64_t kMaxBlocks = uint64_t{1} << 20;

unsigned blocks_for(uint64_t items, unsigned threads) {
  const uint64_t blocks = (items + threads - 1) / threads;
  return static_cast<unsigned>(std::clamp<uint64_t>(blocks, 1, kMaxBlocks));
}

__device__ __forceinline__ uint64_t global_thread() {
  return static_cast<uint64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
}

__device__ __forceinline__ uint64_t grid_threads() {
  return static_cast<uint64_t>(gridDim.x) * blockDim.x;
}

template <int G, bool kNr>
__global__ void strided_kernel(uint64_t* data, uint64_t stride, int log_n, int log_h_top,
                               const uint64_t* tw, uint64_t items) {
  for (uint64_t item = global_thread(); item < items; item += grid_threads()) {
    ntt_steps::strided<G, kNr>(data, stride, log_n, log_h_top, tw, item);
  }
}

// The bottom levels, inside chunks of 2^log_chunk rows held in shared memory
// (where strided access would not coalesce), kChunkGroup levels at a time in
// registers between barriers.
template <bool kNr>
__global__ void tail_kernel(uint64_t* data, uint64_t stride, int log_n, int log_chunk,
                            const uint64_t* tw, uint64_t chunks) {
  extern __shared__ uint64_t chunk[];
  const uint32_t size = 1u << log_chunk;
  for (uint64_t c = blockIdx.x; c < chunks; c += gridDim.x) {
    uint64_t* x = ntt_steps::chunk_start(data, stride, log_n, log_chunk, c);
    for (uint32_t i = threadIdx.x; i < size; i += blockDim.x) chunk[i] = x[i];
    __syncthreads();
    int done = 0;
    while (done < log_chunk) {
      const int g = ntt_steps::chunk_group_size(log_chunk - done);
      const int log_h_top = kNr ? log_chunk - 1 - done : done + g - 1;
      const uint32_t items = size >> g;
      for (uint32_t q = threadIdx.x; q < items; q += blockDim.x) {
        ntt_steps::chunk_group_item<kNr>(g, chunk, log_n, log_chunk, log_h_top, tw, c, q);
      }
      __syncthreads();
      done += g;
    }
    for (uint32_t i = threadIdx.x; i < size; i += blockDim.x) x[i] = chunk[i];
    __syncthreads();
  }
}

__global__ void bit_reverse_small_kernel(uint64_t* data, uint64_t stride, int log_n,
                                         uint64_t items) {
  for (uint64_t item = global_thread(); item < items; item += grid_threads()) {
    const uint64_t column = item >> log_n;
    const uint64_t i = item & ((uint64_t{1} << log_n) - 1);
    const uint64_t r = ntt_steps::reverse_bits(i, log_n);
    if (i < r) {
      uint64_t* x = data + column * stride;
      const uint64_t t = x[i];
      x[i] = x[r];
      x[r] = t;
    }
  }
}

// Block = one pair of tiles (mid, rev(mid)) of one column; blockDim (32, 8).
__global__ void bit_reverse_tiles_kernel(uint64_t* data, uint64_t stride, int log_n,
                                         uint64_t pairs) {
  __shared__ uint64_t a[kTile][kTile + 1];
  __shared__ uint64_t b[kTile][kTile + 1];
  const int mid_bits = log_n - 2 * ntt_steps::kTileBits;
  for (uint64_t blk = blockIdx.x; blk < pairs; blk += gridDim.x) {
    const uint64_t column = blk >> mid_bits;
    const uint64_t mid = blk & ((uint64_t{1} << mid_bits) - 1);
    const uint64_t rmid = ntt_steps::reverse_bits(mid, mid_bits);
    if (mid > rmid) continue;  // the pair is done by the block of rmid (uniform branch)
    uint64_t* x = data + column * stride;
    const uint32_t lo = threadIdx.x;
    for (uint32_t hi = threadIdx.y; hi < kTile; hi += blockDim.y) {
      a[hi][lo] = x[ntt_steps::tile_index(log_n, mid, hi, lo)];
      if (mid != rmid) b[hi][lo] = x[ntt_steps::tile_index(log_n, rmid, hi, lo)];
    }
    __syncthreads();
    // Element (hi, mid, lo) moves to (rev(lo), rev(mid), rev(hi)).
    const uint32_t rlo = static_cast<uint32_t>(ntt_steps::reverse_bits(lo, ntt_steps::kTileBits));
    for (uint32_t hi = threadIdx.y; hi < kTile; hi += blockDim.y) {
      const uint32_t rhi = static_cast<uint32_t>(ntt_steps::reverse_bits(hi, ntt_steps::kTileBits));
      x[ntt_steps::tile_index(log_n, rmid, hi, lo)] = a[rlo][rhi];
      if (mid != rmid) x[ntt_steps::tile_index(log_n, mid, hi, lo)] = b[rlo][rhi];
    }
    __syncthreads();
  }
}

__global__ void scale_kernel(uint64_t* data, uint64_t stride, int log_n, int log_threads,
                             uint64_t start, uint64_t ratio, uint64_t step, uint64_t items) {
  for (uint64_t item = global_thread(); item < items; item += grid_threads()) {
    ntt_steps::scale_item(data, stride, log_n, log_threads, start, ratio, step, item);
  }
}

template <int kLogBlowup>
__global__ void expand_kernel(uint64_t* data, int log_n, int log_threads,
                              ntt_steps::ExpandParams params, uint64_t items) {
  for (uint64_t item = global_thread(); item < items; item += grid_threads()) {
    ntt_steps::expand_item<kLogBlowup>(data, log_n, log_threads, params, item);
  }
}

template <bool kNr>
void launch_strided(int g, uint64_t* data, uint64_t stride, uint64_t cols, int log_n, int log_h_top,
                    const uint64_t* tw) {
  const uint64_t items = ntt_steps::strided_items(cols, log_n, g);
  const unsigned grid = blocks_for(items, kThreads);
  switch (g) {
    case 1:
      strided_kernel<1, kNr><<<grid, kThreads>>>(data, stride, log_n, log_h_top, tw, items);
      break;
    case 2:
      strided_kernel<2, kNr><<<grid, kThreads>>>(data, stride, log_n, log_h_top, tw, items);
      break;
    case 3:
      strided_kernel<3, kNr><<<grid, kThreads>>>(data, stride, log_n, log_h_top, tw, items);
      break;
    default:
      strided_kernel<4, kNr><<<grid, kThreads>>>(data, stride, log_n, log_h_top, tw, items);
      break;
  }
}

template <bool kNr>
void launch_tail(uint64_t* data, uint64_t stride, uint64_t cols, int log_n, int log_chunk,
                 const uint64_t* tw) {
  const uint64_t chunks = cols << (log_n - log_chunk);
  const unsigned grid = static_cast<unsigned>(std::min(chunks, kMaxBlocks));
  const size_t shared = (size_t{1} << log_chunk) * sizeof(uint64_t);
  tail_kernel<kNr><<<grid, kTailThreads, shared>>>(data, stride, log_n, log_chunk, tw, chunks);
}

// nr (natural in, bit-reversed out) or rn (bit-reversed in, natural out)
// over all log_n levels, by the schedule of ntt_steps.cuh.
template <bool kNr>
void run_passes(uint64_t* data, uint64_t stride, uint64_t cols, int log_n, const uint64_t* tw) {
  if (cols == 0) return;
  const ntt_steps::PassList list = kNr ? ntt_steps::nr_passes(log_n) : ntt_steps::rn_passes(log_n);
  for (int p = 0; p < list.count; ++p) {
    const ntt_steps::Pass& pass = list.pass[p];
    if (pass.tail) {
      launch_tail<kNr>(data, stride, cols, log_n, pass.log_chunk, tw);
    } else {
      launch_strided<kNr>(pass.group, data, stride, cols, log_n, pass.log_h_top, tw);
    }
  }
}

void run_nr(uint64_t* data, uint64_t stride, uint64_t cols, int log_n, const uint64_t* tw) {
  run_passes<true>(data, stride, cols, log_n, tw);
}

void run_rn(uint64_t* data, uint64_t stride, uint64_t cols, int log_n, const uint64_t* tw) {
  run_passes<false>(data, stride, cols, log_n, tw);
}

void bit_reverse(uint64_t* data, uint64_t stride, uint64_t cols, int log_n) {
  if (log_n <= 1 || cols == 0) return;
  if (log_n < 2 * ntt_steps::kTileBits) {
    const uint64_t items = cols << log_n;
    bit_reverse_small_kernel<<<blocks_for(items, kThreads), kThreads>>>(data, stride, log_n, items);
    return;
  }
  const uint64_t pairs = cols << (log_n - 2 * ntt_steps::kTileBits);
  bit_reverse_tiles_kernel<<<static_cast<unsigned>(std::min(pairs, kMaxBlocks)), dim3(kTile, 8)>>>(
      data, stride, log_n, pairs);
}

void scale(uint64_t* data, uint64_t stride, uint64_t cols, int log_n, field::Fp start,
           field::Fp ratio) {
  if (cols == 0) return;
  const int log_threads = ntt_steps::log_threads_per_column(log_n);
  const uint64_t step = ratio.pow(uint64_t{1} << log_threads).value();
  const uint64_t items = cols << log_threads;
  scale_kernel<<<blocks_for(items, kThreads), kThreads>>>(
      data, stride, log_n, log_threads, start.value(), ratio.value(), step, items);
}

Status launched(const char* what) {
  const cudaError_t status = cudaGetLastError();
  if (status != cudaSuccess) return cuda_error(status, what);
  return Ok{};
}

const uint64_t* table(const DeviceBytes& bytes) {
  return static_cast<const uint64_t*>(bytes.data());
}

}  // namespace

Result<GpuNtt> GpuNtt::create(const ntt::NttPlan& plan) {
  GpuNtt gpu;
  gpu.log_max_size_ = plan.log_max_size();
  const uint64_t bytes = (uint64_t{1} << plan.log_max_size()) * sizeof(uint64_t);
  auto forward = DeviceBytes::allocate(bytes);
  if (!forward) return forward.error();
  auto inverse = DeviceBytes::allocate(bytes);
  if (!inverse) return inverse.error();
  std::vector<uint64_t> table(uint64_t{1} << plan.log_max_size());
  ntt_steps::bitrev_twiddles(reinterpret_cast<const uint64_t*>(plan.forward_twiddles()),
                             plan.log_max_size(), table.data());
  BAOBAB_CUDA_TRY(cudaMemcpy(forward.value().data(), table.data(), bytes, cudaMemcpyHostToDevice));
  ntt_steps::bitrev_twiddles(reinterpret_cast<const uint64_t*>(plan.inverse_twiddles()),
                             plan.log_max_size(), table.data());
  BAOBAB_CUDA_TRY(cudaMemcpy(inverse.value().data(), table.data(), bytes, cudaMemcpyHostToDevice));
  gpu.forward_ = std::move(forward.value());
  gpu.inverse_ = std::move(inverse.value());
  return Result<GpuNtt>(std::move(gpu));
}

Status GpuNtt::check_rows(uint64_t rows, const char* what) const {
  if (rows == 0 || (rows & (rows - 1)) != 0) {
    return Error{ErrorCode::kInvalidArgument,
                 std::string(what) + ": rows must be a power of two, got " + std::to_string(rows),
                 "CUDA NTT"};
  }
  if (rows > (uint64_t{1} << log_max_size_)) {
    return Error{ErrorCode::kResourceLimit,
                 std::string(what) + ": 2^" + std::to_string(__builtin_ctzll(rows)) +
                     " rows exceed the plan's 2^" + std::to_string(log_max_size_),
                 "CUDA NTT"};
  }
  return Ok{};
}

Status GpuNtt::forward(GpuMatrix& columns, Order out_order) const {
  if (columns.cols() == 0) return Ok{};
  if (Status s = check_rows(columns.rows(), "forward"); !s.ok()) return s;
  const int log_n = __builtin_ctzll(columns.rows());
  run_nr(columns.device_data(), columns.rows(), columns.cols(), log_n, table(forward_));
  if (out_order == Order::kNatural) {
    bit_reverse(columns.device_data(), columns.rows(), columns.cols(), log_n);
  }
  return launched("forward NTT kernels");
}

namespace {

void inverse_unscaled(uint64_t* data, uint64_t stride, uint64_t cols, int log_n, const uint64_t* tw,
                      Order in_order) {
  if (in_order == Order::kBitReversed) {
    run_rn(data, stride, cols, log_n, tw);
  } else {
    run_nr(data, stride, cols, log_n, tw);
    bit_reverse(data, stride, cols, log_n);
  }
}

}  // namespace

Status GpuNtt::inverse(GpuMatrix& columns, Order in_order) const {
  if (columns.cols() == 0) return Ok{};
  if (Status s = check_rows(columns.rows(), "inverse"); !s.ok()) return s;
  const int log_n = __builtin_ctzll(columns.rows());
  inverse_unscaled(columns.device_data(), columns.rows(), columns.cols(), log_n, table(inverse_),
                   in_order);
  scale(columns.device_data(), columns.rows(), columns.cols(), log_n,
        field::Fp::from_u64(columns.rows()).inverse(), field::Fp::one());
  return launched("inverse NTT kernels");
}

Status GpuNtt::coset_forward(GpuMatrix& columns, field::Fp shift, Order out_order) const {
  if (columns.cols() == 0) return Ok{};
  if (Status s = check_rows(columns.rows(), "coset_forward"); !s.ok()) return s;
  const int log_n = __builtin_ctzll(columns.rows());
  scale(columns.device_data(), columns.rows(), columns.cols(), log_n, field::Fp::one(), shift);
  run_nr(columns.device_data(), columns.rows(), columns.cols(), log_n, table(forward_));
  if (out_order == Order::kNatural) {
    bit_reverse(columns.device_data(), columns.rows(), columns.cols(), log_n);
  }
  return launched("coset forward NTT kernels");
}

Status GpuNtt::coset_inverse(GpuMatrix& columns, field::Fp shift, Order in_order) const {
  if (columns.cols() == 0) return Ok{};
  if (Status s = check_rows(columns.rows(), "coset_inverse"); !s.ok()) return s;
  if (shift.is_zero()) {
    return Error{ErrorCode::kInvalidArgument, "coset_inverse: zero shift", "CUDA NTT"};
  }
  const int log_n = __builtin_ctzll(columns.rows());
  inverse_unscaled(columns.device_data(), columns.rows(), columns.cols(), log_n, table(inverse_),
                   in_order);
  scale(columns.device_data(), columns.rows(), columns.cols(), log_n,
        field::Fp::from_u64(columns.rows()).inverse(), shift.inverse());
  return launched("coset inverse NTT kernels");
}

Status GpuNtt::lde(const GpuMatrix& evals, uint64_t blowup, GpuMatrix& out, Order out_order,
                   field::Fp shift) const {
  return extend(evals, true, blowup, out, out_order, shift);
}

Status GpuNtt::lde_from_coefficients(const GpuMatrix& coeffs, uint64_t blowup, GpuMatrix& out,
                                     Order out_order, field::Fp shift) const {
  return extend(coeffs, false, blowup, out, out_order, shift);
}

Status GpuNtt::extend(const GpuMatrix& source, bool from_evals, uint64_t blowup, GpuMatrix& out,
                      Order out_order, field::Fp shift) const {
  if (blowup != 2 && blowup != 4 && blowup != 8 && blowup != 16) {
    return Error{ErrorCode::kInvalidArgument, "lde: blowup must be 2, 4, 8 or 16", "CUDA NTT"};
  }
  if (out.cols() != source.cols() || source.rows() == 0 || out.rows() / blowup != source.rows() ||
      out.rows() % blowup != 0) {
    return Error{ErrorCode::kInvalidArgument,
                 "lde: output must have the input's columns and rows times blowup", "CUDA NTT"};
  }
  if (Status s = check_rows(out.rows(), "lde"); !s.ok()) return s;
  if (shift.is_zero()) return Error{ErrorCode::kInvalidArgument, "lde: zero shift", "CUDA NTT"};
  if (source.cols() == 0) return Ok{};
  const uint64_t n = source.rows();
  const uint64_t big_n = out.rows();
  const uint64_t cols = source.cols();
  const int log_n = __builtin_ctzll(n);
  const int log_blowup = __builtin_ctzll(blowup);
  uint64_t* x = out.device_data();
  BAOBAB_CUDA_TRY(cudaMemcpy2DAsync(x, big_n * 8, source.device_data(), n * 8, n * 8, cols,
                                    cudaMemcpyDeviceToDevice));
  if (from_evals) {
    run_nr(x, big_n, cols, log_n, table(inverse_));
    bit_reverse(x, big_n, cols, log_n);
  }
  ntt_steps::ExpandParams params{};
  params.start = from_evals ? field::Fp::from_u64(n).inverse().value() : 1;
  params.shift = shift.value();
  const field::Fp root = field::two_adic_root(log_n + log_blowup);
  params.root = root.value();
  const int log_threads = ntt_steps::log_threads_per_column(log_n);
  for (uint64_t q = 0; q < blowup; ++q) {
    params.step[q] = (shift * root.pow(q)).pow(uint64_t{1} << log_threads).value();
  }
  const uint64_t items = cols << log_threads;
  const unsigned grid = blocks_for(items, kThreads);
  switch (log_blowup) {
    case 1:
      expand_kernel<1><<<grid, kThreads>>>(x, log_n, log_threads, params, items);
      break;
    case 2:
      expand_kernel<2><<<grid, kThreads>>>(x, log_n, log_threads, params, items);
      break;
    case 3:
      expand_kernel<3><<<grid, kThreads>>>(x, log_n, log_threads, params, items);
      break;
    default:
      expand_kernel<4><<<grid, kThreads>>>(x, log_n, log_threads, params, items);
      break;
  }
  // Blocks of n rows, back to back: cols · blowup independent size-n DIFs.
  run_nr(x, n, cols * blowup, log_n, table(forward_));
  if (out_order == Order::kNatural) bit_reverse(x, big_n, cols, log_n + log_blowup);
  return launched("LDE kernels");
}

}  // namespace baobab::kernels
