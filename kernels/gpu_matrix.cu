#include <cuda_runtime.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "kernels/cuda_check.h"
#include "kernels/gpu_matrix.h"

namespace baobab::kernels {

void detail::DeviceFree::operator()(void* pointer) const {
  cudaFree(pointer);  // errors ignored: may run while another error unwinds
}

Result<DeviceBytes> DeviceBytes::allocate(uint64_t bytes) {
  DeviceBytes buffer;
  if (bytes == 0) return Result<DeviceBytes>(std::move(buffer));
  void* raw = nullptr;
  const cudaError_t status = cudaMalloc(&raw, bytes);
  if (status != cudaSuccess) {
    cudaGetLastError();  // an allocation failure is not sticky; clear it
    return Error{
        ErrorCode::kResourceLimit,
        "cudaMalloc of " + std::to_string(bytes) + " bytes failed: " + cudaGetErrorString(status),
        "CUDA"};
  }
  buffer.data_.reset(raw);
  buffer.bytes_ = bytes;
  return Result<DeviceBytes>(std::move(buffer));
}

Result<GpuMatrix> GpuMatrix::allocate(uint64_t rows, uint64_t cols) {
  if (cols != 0 && rows > UINT64_MAX / 8 / cols) {
    return Error{ErrorCode::kResourceLimit, "GpuMatrix: size overflows 64 bits", "CUDA"};
  }
  auto memory = DeviceBytes::allocate(rows * cols * 8);
  if (!memory) return memory.error();
  GpuMatrix matrix;
  matrix.memory_ = std::move(memory.value());
  matrix.rows_ = rows;
  matrix.cols_ = cols;
  return Result<GpuMatrix>(std::move(matrix));
}

namespace {

Status check_shape(uint64_t rows, uint64_t cols, uint64_t host_rows, uint64_t host_cols) {
  if (rows != host_rows || cols != host_cols) {
    return Error{ErrorCode::kInvalidArgument,
                 "host matrix is " + std::to_string(host_rows) + " x " + std::to_string(host_cols) +
                     ", device matrix " + std::to_string(rows) + " x " + std::to_string(cols),
                 "CUDA"};
  }
  return Ok{};
}

}  // namespace

Status GpuMatrix::upload(const field::ConstMatrixView& host) {
  if (Status s = check_shape(rows_, cols_, host.rows, host.cols); !s.ok()) return s;
  return upload_columns(0, host);
}

Status GpuMatrix::download(const field::MatrixView& host) const {
  if (Status s = check_shape(rows_, cols_, host.rows, host.cols); !s.ok()) return s;
  return download_columns(0, host);
}

Status GpuMatrix::upload_columns(uint64_t first, const field::ConstMatrixView& host) {
  if (first > cols_ || host.cols > cols_ - first) {
    return Error{ErrorCode::kInvalidArgument, "upload_columns: columns out of range", "CUDA"};
  }
  if (Status s = check_shape(rows_, host.cols, host.rows, host.cols); !s.ok()) return s;
  if (rows_ == 0 || host.cols == 0) return Ok{};
  BAOBAB_CUDA_TRY(cudaMemcpy2D(device_data() + first * rows_, rows_ * 8, host.data, host.stride * 8,
                               rows_ * 8, host.cols, cudaMemcpyHostToDevice));
  return Ok{};
}

Status GpuMatrix::download_columns(uint64_t first, const field::MatrixView& host) const {
  if (first > cols_ || host.cols > cols_ - first) {
    return Error{ErrorCode::kInvalidArgument, "download_columns: columns out of range", "CUDA"};
  }
  if (Status s = check_shape(rows_, host.cols, host.rows, host.cols); !s.ok()) return s;
  if (rows_ == 0 || host.cols == 0) return Ok{};
  BAOBAB_CUDA_TRY(cudaMemcpy2D(host.data, host.stride * 8, device_data() + first * rows_, rows_ * 8,
                               rows_ * 8, host.cols, cudaMemcpyDeviceToHost));
  return Ok{};
}

Status synchronize() {
  BAOBAB_CUDA_TRY(cudaDeviceSynchronize());
  BAOBAB_CUDA_TRY(cudaGetLastError());
  return Ok{};
}

struct GpuTimer::Events {
  cudaEvent_t start{};
  cudaEvent_t stop{};
};

void GpuTimer::EventsFree::operator()(Events* events) const {
  cudaEventDestroy(events->start);
  cudaEventDestroy(events->stop);
  delete events;
}

Result<GpuTimer> GpuTimer::create() {
  GpuTimer timer;
  auto events = std::make_unique<Events>();
  BAOBAB_CUDA_TRY(cudaEventCreate(&events->start));
  const cudaError_t status = cudaEventCreate(&events->stop);
  if (status != cudaSuccess) {
    cudaEventDestroy(events->start);
    return cuda_error(status, "cudaEventCreate(&events->stop)");
  }
  timer.events_.reset(events.release());
  return Result<GpuTimer>(std::move(timer));
}

Status GpuTimer::start() {
  BAOBAB_CUDA_TRY(cudaEventRecord(events_->start));
  return Ok{};
}

Status GpuTimer::stop() {
  BAOBAB_CUDA_TRY(cudaEventRecord(events_->stop));
  return Ok{};
}

Result<double> GpuTimer::elapsed_ms() {
  BAOBAB_CUDA_TRY(cudaEventSynchronize(events_->stop));
  float ms = 0;
  BAOBAB_CUDA_TRY(cudaEventElapsedTime(&ms, events_->start, events_->stop));
  return static_cast<double>(ms);
}

Result<double> device_copy_bandwidth(uint64_t bytes, int repetitions) {
  auto source = DeviceBytes::allocate(bytes);
  if (!source) return source.error();
  auto target = DeviceBytes::allocate(bytes);
  if (!target) return target.error();
  BAOBAB_CUDA_TRY(cudaMemset(source.value().data(), 1, bytes));
  auto timer = GpuTimer::create();
  if (!timer) return timer.error();
  std::vector<double> ms;
  for (int r = 0; r <= repetitions; ++r) {
    if (Status s = timer.value().start(); !s.ok()) return s.error();
    BAOBAB_CUDA_TRY(
        cudaMemcpy(target.value().data(), source.value().data(), bytes, cudaMemcpyDeviceToDevice));
    if (Status s = timer.value().stop(); !s.ok()) return s.error();
    auto elapsed = timer.value().elapsed_ms();
    if (!elapsed) return elapsed.error();
    if (r > 0) ms.push_back(elapsed.value());  // the first run is warm-up
  }
  std::sort(ms.begin(), ms.end());
  const double median = ms[ms.size() / 2];
  return 2.0 * static_cast<double>(bytes) / (median * 1e-3);
}

}  // namespace baobab::kernels
