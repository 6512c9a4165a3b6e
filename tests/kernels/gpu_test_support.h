// Shared by the GPU tests: skip (saying why) where no GPU can be used.
#pragma once

#include <gtest/gtest.h>

#include "kernels/device.h"

namespace baobab::kernels::testing {

class GpuTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const GpuInfo info = probe_gpus();
    if (info.device_count == 0) GTEST_SKIP() << "no GPU: " << info.unavailable;
  }
};

}  // namespace baobab::kernels::testing
