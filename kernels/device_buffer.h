// RAII ownership of device memory (STYLE §10). Include only from .cu files.
// Allocation failure is an Error (a request larger than the card is bad
// input, not a crash); the destructor frees and ignores errors because it may
// run while another CUDA error is being reported.
#pragma once

#include <cuda_runtime.h>

#include <cstdint>
#include <utility>

#include "kernels/cuda_check.h"

namespace baobab::kernels {

template <class T>
class DeviceBuffer {
 public:
  DeviceBuffer() = default;
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;
  DeviceBuffer(DeviceBuffer&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  DeviceBuffer& operator=(DeviceBuffer&& other) noexcept {
    if (this != &other) {
      release();
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  ~DeviceBuffer() { release(); }

  static Result<DeviceBuffer> allocate(uint64_t count) {
    DeviceBuffer buffer;
    if (count == 0) return Result<DeviceBuffer>(std::move(buffer));
    if (count > UINT64_MAX / sizeof(T)) {
      return Error{ErrorCode::kResourceLimit, "device allocation size overflows", "CUDA"};
    }
    void* raw = nullptr;
    BAOBAB_CUDA_TRY(cudaMalloc(&raw, count * sizeof(T)));
    buffer.data_ = static_cast<T*>(raw);
    buffer.size_ = count;
    return Result<DeviceBuffer>(std::move(buffer));
  }

  T* data() const { return data_; }
  uint64_t size() const { return size_; }
  uint64_t bytes() const { return size_ * sizeof(T); }

 private:
  void release() {
    if (data_ != nullptr) cudaFree(data_);
    data_ = nullptr;
    size_ = 0;
  }

  T* data_ = nullptr;
  uint64_t size_ = 0;
};

}  // namespace baobab::kernels
