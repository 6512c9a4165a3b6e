// GPU kernel benchmark (issue 9): NTT, LDE and SHA-256 Merkle commitment on
// device-resident data, timed with CUDA events (median of --repeat runs after
// two warm-up runs), then the same operations through the CUDA Backend with
// host transfers (wall clock). Each line also gives the memory-bandwidth floor
// computed from the measured device-to-device copy bandwidth.
//
//   gpu_bench [--max-log 26] [--repeat 10] [--json results.jsonl]
//
// Not a test: prints a table and, with --json, one JSON object per line.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "kernels/cuda_backend.h"
#include "kernels/device.h"
#include "kernels/gpu_merkle.h"
#include "kernels/gpu_ntt.h"
#include "src/ntt/plan.h"

namespace baobab::kernels {
namespace {

using ntt::Order;

struct Options {
  int max_log = 26;
  int repeat = 10;
  std::string json;
};

[[noreturn]] void fail(const Error& error) {
  std::fprintf(stderr, "gpu_bench: %s\n", error.to_string().c_str());
  std::exit(1);
}

template <class T>
T take(Result<T> result) {
  if (!result.ok()) fail(result.error());
  return std::move(result.value());
}

void check(const Status& status) {
  if (!status.ok()) fail(status.error());
}

class Reporter {
 public:
  Reporter(const Options& options, std::string device, double bandwidth)
      : device_(std::move(device)), bandwidth_(bandwidth) {
    if (!options.json.empty()) json_ = std::fopen(options.json.c_str(), "w");
    std::printf("%-44s %12s %12s %8s\n", "operation", "median ms", "floor ms", "x floor");
  }
  ~Reporter() {
    if (json_ != nullptr) std::fclose(json_);
  }
  // bytes: the least traffic the operation needs (0: no floor, e.g. hashing).
  void report(const std::string& name, double ms, double bytes, const std::string& extra = "") {
    const double floor_ms = bytes / bandwidth_ * 1e3;
    std::printf("%-44s %12.3f %12.3f %8.2f %s\n", name.c_str(), ms, floor_ms,
                bytes > 0 ? ms / floor_ms : 0.0, extra.c_str());
    if (json_ != nullptr) {
      std::fprintf(json_,
                   "{\"device\":\"%s\",\"op\":\"%s\",\"median_ms\":%.4f,\"floor_ms\":%.4f,"
                   "\"bandwidth_GBps\":%.1f%s}\n",
                   device_.c_str(), name.c_str(), ms, floor_ms, bandwidth_ / 1e9, extra.c_str());
      std::fflush(json_);
    }
    std::fflush(stdout);
  }

 private:
  std::string device_;
  double bandwidth_;
  std::FILE* json_ = nullptr;
};

// Median device time of `run` (CUDA events), after two warm-up runs.
double median_device_ms(int repeat, const std::function<void()>& run) {
  GpuTimer timer = take(GpuTimer::create());
  run();
  run();
  check(synchronize());
  std::vector<double> ms;
  for (int r = 0; r < repeat; ++r) {
    check(timer.start());
    run();
    check(timer.stop());
    ms.push_back(take(timer.elapsed_ms()));
  }
  check(synchronize());
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

double median_wall_ms(int repeat, const std::function<void()>& run) {
  run();
  std::vector<double> ms;
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    run();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

GpuMatrix filled(uint64_t rows, uint64_t cols) {
  GpuMatrix m = take(GpuMatrix::allocate(rows, cols));
  std::vector<field::Fp> host(rows * cols);
  for (uint64_t i = 0; i < host.size(); ++i) {
    host[i] = field::Fp::from_u64(i * 0x9E3779B97F4A7C15ULL);
  }
  check(m.upload(field::ConstMatrixView(host.data(), rows, cols)));
  return m;
}

std::string size_name(int log_rows, uint64_t cols) {
  return "2^" + std::to_string(log_rows) + (cols > 1 ? " x " + std::to_string(cols) : "");
}

void run(const Options& options) {
  const GpuInfo info = probe_gpus();
  if (info.device_count == 0) {
    std::printf("gpu_bench: no GPU (%s); nothing measured\n", info.unavailable.c_str());
    return;
  }
  const double bandwidth = take(device_copy_bandwidth(uint64_t{1} << 30, options.repeat));
  std::printf("device: %s; device-to-device copy %.0f GB/s (read + write)\n", info.name.c_str(),
              bandwidth / 1e9);
  Reporter out(options, info.name, bandwidth);
  const int plan_log = std::max(options.max_log, 22);
  const ntt::NttPlan plan(plan_log);
  const GpuNtt ntt = take(GpuNtt::create(plan));
  const int r = options.repeat;

  // One column, 2^20 .. 2^max_log: inverse natural -> natural (with 1/n), and
  // forward natural -> bit-reversed.
  for (int log_n = 20; log_n <= options.max_log; ++log_n) {
    GpuMatrix m = filled(uint64_t{1} << log_n, 1);
    const double bytes = 2.0 * 8 * static_cast<double>(m.rows());
    out.report("intt " + size_name(log_n, 1),
               median_device_ms(r, [&] { check(ntt.inverse(m, Order::kNatural)); }), bytes);
    out.report("ntt bitrev-out " + size_name(log_n, 1),
               median_device_ms(r, [&] { check(ntt.forward(m, Order::kBitReversed)); }), bytes);
  }

  constexpr uint64_t kCols = 64;
  constexpr int kLog = 20;
  const uint64_t n = uint64_t{1} << kLog;
  GpuMatrix trace = filled(n, kCols);
  const double trace_bytes = 8.0 * static_cast<double>(n * kCols);
  out.report("intt " + size_name(kLog, kCols),
             median_device_ms(r, [&] { check(ntt.inverse(trace, Order::kNatural)); }),
             2 * trace_bytes);
  for (int log_blowup : {1, 2}) {
    GpuMatrix lde = take(GpuMatrix::allocate(n << log_blowup, kCols));
    out.report(
        "lde " + size_name(kLog, kCols) + " -> 2^" + std::to_string(kLog + log_blowup),
        median_device_ms(
            r, [&] { check(ntt.lde(trace, uint64_t{1} << log_blowup, lde, Order::kBitReversed)); }),
        trace_bytes * (1 + (1 << log_blowup)));
  }

  const double compress_rate = take(sha256_compressions_per_second(uint64_t{1} << 22, 64));
  out.report("sha256 raw compressions (2^28)", static_cast<double>(1 << 28) / compress_rate * 1e3,
             0, ",\"compressions_per_s\":" + std::to_string(compress_rate));
  for (int log_rows : {20, 22}) {
    GpuMatrix rows = filled(uint64_t{1} << log_rows, kCols);
    GpuMerkleTree tree = take(GpuMerkleTree::allocate(rows.rows()));
    const double ms = median_device_ms(r, [&] { check(tree.build(rows)); });
    // 64 columns: 513-byte leaves = 9 compressions, plus 2 per inner node.
    const double compressions = (9.0 + 2.0) * static_cast<double>(rows.rows());
    const double at_raw_rate_ms = compressions / compress_rate * 1e3;
    out.report("merkle " + size_name(log_rows, kCols), ms,
               8.0 * static_cast<double>(rows.rows() * kCols),
               ",\"at_raw_sha256_rate_ms\":" + std::to_string(at_raw_rate_ms));
  }
  {
    GpuMatrix lde = take(GpuMatrix::allocate(n << 2, kCols));
    GpuMerkleTree tree = take(GpuMerkleTree::allocate(lde.rows()));
    out.report("lde + merkle " + size_name(kLog, kCols) + " -> 2^22",
               median_device_ms(r,
                                [&] {
                                  check(ntt.lde(trace, 4, lde, Order::kBitReversed));
                                  check(tree.build(lde));
                                }),
               trace_bytes * 9);
  }

  // Through the Backend interface: host memory in and out (pageable).
  auto backend = take(make_cuda_backend(plan_log));
  std::vector<field::Fp> host(n * kCols);
  for (uint64_t i = 0; i < host.size(); ++i) host[i] = field::Fp::from_u64(i + 1);
  std::vector<field::Fp> host_lde(4 * n * kCols, field::Fp::zero());
  const field::ConstMatrixView in(host.data(), n, kCols);
  out.report("host: intt " + size_name(kLog, kCols),
             median_wall_ms(r,
                            [&] {
                              check(backend->inverse(field::MatrixView(host.data(), n, kCols),
                                                     Order::kNatural));
                            }),
             2 * trace_bytes);
  out.report(
      "host: lde " + size_name(kLog, kCols) + " -> 2^21",
      median_wall_ms(r,
                     [&] {
                       check(backend->lde(in, 2, field::MatrixView(host_lde.data(), 2 * n, kCols),
                                          Order::kBitReversed, field::kCosetShift));
                     }),
      trace_bytes * 3);
  out.report("host: lde + merkle " + size_name(kLog, kCols) + " -> 2^22",
             median_wall_ms(r,
                            [&] {
                              auto tree = backend->lde_and_commit(
                                  in, 4, field::MatrixView(host_lde.data(), 4 * n, kCols),
                                  Order::kBitReversed, field::kCosetShift);
                              if (!tree.ok()) fail(tree.error());
                            }),
             trace_bytes * 9);
}

}  // namespace
}  // namespace baobab::kernels

int main(int argc, char** argv) {
  baobab::kernels::Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--max-log" && i + 1 < argc) {
      options.max_log = std::atoi(argv[++i]);
    } else if (arg == "--repeat" && i + 1 < argc) {
      options.repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--json" && i + 1 < argc) {
      options.json = argv[++i];
    } else {
      std::fprintf(stderr, "usage: gpu_bench [--max-log N] [--repeat N] [--json FILE]\n");
      return 2;
    }
  }
  if (options.max_log < 20 || options.max_log > 28) {
    std::fprintf(stderr, "gpu_bench: --max-log must lie in [20, 28]\n");
    return 2;
  }
  baobab::kernels::run(options);
  return 0;
}
