// Device-resident data for the CUDA backend, behind plain C++ types (STYLE §10):
// a column-major matrix of field elements on the GPU, a timer on CUDA events,
// and a device-wide synchronisation that reports the first asynchronous error.
// Kernels in kernels/*.cu reach the memory through device_data(); callers
// outside kernels/ only allocate, upload, download and pass matrices around.
//
// Memory is owned (RAII) and freed on destruction. Allocation failure and a
// request larger than the card are Errors naming the CUDA call.
#pragma once

#include <cstdint>
#include <memory>

#include "src/common/result.h"
#include "src/field/matrix_view.h"

namespace baobab::kernels {

namespace detail {
struct DeviceFree {
  void operator()(void* pointer) const;
};
}  // namespace detail

// Untyped device memory, owned.
class DeviceBytes {
 public:
  DeviceBytes() = default;
  static Result<DeviceBytes> allocate(uint64_t bytes);
  void* data() const { return data_.get(); }
  uint64_t bytes() const { return bytes_; }

 private:
  std::unique_ptr<void, detail::DeviceFree> data_;
  uint64_t bytes_ = 0;
};

// A rows × cols column-major matrix on the device, columns back to back.
class GpuMatrix {
 public:
  GpuMatrix() = default;
  static Result<GpuMatrix> allocate(uint64_t rows, uint64_t cols);

  uint64_t rows() const { return rows_; }
  uint64_t cols() const { return cols_; }
  uint64_t* device_data() const { return static_cast<uint64_t*>(memory_.data()); }

  // Copies a host matrix of the same shape in (any column stride) / out.
  Status upload(const field::ConstMatrixView& host);
  Status download(const field::MatrixView& host) const;
  // The same for columns [first, first + host.cols) only.
  Status upload_columns(uint64_t first, const field::ConstMatrixView& host);
  Status download_columns(uint64_t first, const field::MatrixView& host) const;

 private:
  DeviceBytes memory_;
  uint64_t rows_ = 0;
  uint64_t cols_ = 0;
};

// Waits for all queued device work; returns the first asynchronous error.
Status synchronize();

// Elapsed device time between start() and stop(), from CUDA events.
class GpuTimer {
 public:
  static Result<GpuTimer> create();
  Status start();
  Status stop();
  // Waits for the stop event.
  Result<double> elapsed_ms();

 private:
  struct Events;
  struct EventsFree {
    void operator()(Events* events) const;
  };
  std::unique_ptr<Events, EventsFree> events_;
};

// Device-to-device copy bandwidth (read + write bytes per second) over a
// buffer of `bytes`, median of `repetitions`: the floor kernels are held to.
Result<double> device_copy_bandwidth(uint64_t bytes, int repetitions);

}  // namespace baobab::kernels
