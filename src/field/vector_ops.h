// Element-wise Goldilocks operations over arrays, with one kernel table per
// SIMD level (STYLE §9). vector_ops() gives the table for the active level;
// tests and benchmarks ask for a specific level to compare every path.
#pragma once

#include <cstdint>
#include <span>

#include "src/common/simd_level.h"
#include "src/field/goldilocks.h"

namespace baobab::field {

struct VectorKernels {
  SimdLevel level;
  // out[i] = a[i] op b[i] for i < n; out may alias a or b exactly.
  void (*add)(const Fp* a, const Fp* b, Fp* out, uint64_t n);
  void (*sub)(const Fp* a, const Fp* b, Fp* out, uint64_t n);
  void (*mul)(const Fp* a, const Fp* b, Fp* out, uint64_t n);
  // out[i] = a[i] · s
  void (*scale)(const Fp* a, Fp s, Fp* out, uint64_t n);
  // acc_k[i] += s[k] · a[i] for k = 0, 1, 2: an extension-field coefficient
  // times base-field values, accumulated per coordinate (the DEEP sums).
  void (*mul_add3)(const Fp* a, const Fp* s, Fp* acc0, Fp* acc1, Fp* acc2, uint64_t n);
  // The same over up to kMulAddColumns columns at once (acc_k[i] +=
  // Σ_c s[3c + k] · columns[c][i]): the accumulators are read and written
  // once per group instead of once per column.
  void (*mul_add3_columns)(const Fp* const* columns, const Fp* s, uint64_t count, Fp* acc0,
                           Fp* acc1, Fp* acc2, uint64_t n);
  // out[3c + k] = Σ_i w_k[i] · columns[c][i] for c < count <= kDotColumns,
  // k = 0, 1, 2: dot products of base-field columns with extension-field
  // weights stored as three coordinate arrays (the out-of-domain frame).
  void (*dot3_columns)(const Fp* w0, const Fp* w1, const Fp* w2, const Fp* const* columns,
                       uint64_t count, Fp* out, uint64_t n);
};

inline constexpr uint64_t kDotColumns = 4;

inline constexpr uint64_t kMulAddColumns = 8;

// The table for one level; the level must be supported by this CPU.
const VectorKernels& vector_kernels(SimdLevel level);
// The table for active_simd_level().
const VectorKernels& vector_kernels();

// Span conveniences over the active table; sizes must match.
void add(std::span<const Fp> a, std::span<const Fp> b, std::span<Fp> out);
void sub(std::span<const Fp> a, std::span<const Fp> b, std::span<Fp> out);
void mul(std::span<const Fp> a, std::span<const Fp> b, std::span<Fp> out);
void scale(std::span<const Fp> a, Fp s, std::span<Fp> out);

namespace detail {
// Per-ISA tables, defined in vector_ops_{scalar,avx2,avx512}.cc.
extern const VectorKernels kScalarVectorKernels;
extern const VectorKernels kAvx2VectorKernels;
extern const VectorKernels kAvx512VectorKernels;
}  // namespace detail

}  // namespace baobab::field
