#include "src/hash/sha256.h"

#include <openssl/evp.h>

#include <cstdlib>
#include <cstring>
#include <string>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

#include "src/common/check.h"
#include "src/hash/sha256_kernels.h"

namespace baobab::hash {

// ---------------------------------------------------------------------------
// OpenSSL plumbing
// ---------------------------------------------------------------------------

namespace {

struct MdFree {
  void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

// Fetched once: EVP_sha256() would repeat the provider look-up on every Init.
const EVP_MD* sha256_md() {
  static const std::unique_ptr<EVP_MD, MdFree> md(EVP_MD_fetch(nullptr, "SHA256", nullptr));
  BAOBAB_CHECK(md != nullptr, "EVP_MD_fetch(SHA256) failed");
  return md.get();
}

MdCtxPtr new_ctx() {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  BAOBAB_CHECK(ctx != nullptr, "EVP_MD_CTX_new failed");
  return ctx;
}

// One context per thread, reused for every message: avoids the allocation
// that a one-shot EVP_Digest/EVP_Q_digest pays per call.
EVP_MD_CTX* thread_ctx() {
  thread_local MdCtxPtr ctx = new_ctx();
  return ctx.get();
}

void evp_init(EVP_MD_CTX* ctx) {
  BAOBAB_CHECK(EVP_DigestInit_ex2(ctx, sha256_md(), nullptr) == 1, "EVP_DigestInit_ex2 failed");
}
void evp_update(EVP_MD_CTX* ctx, const uint8_t* data, size_t size) {
  if (size == 0) return;
  BAOBAB_CHECK(EVP_DigestUpdate(ctx, data, size) == 1, "EVP_DigestUpdate failed");
}
Digest evp_final(EVP_MD_CTX* ctx) {
  Digest digest;
  unsigned int size = 0;
  BAOBAB_CHECK(EVP_DigestFinal_ex(ctx, digest.data(), &size) == 1 && size == Digest::kBytes,
               "EVP_DigestFinal_ex failed");
  return digest;
}

}  // namespace

namespace detail {

void sha256_many_openssl(std::span<const uint8_t> prefix, const uint8_t* messages, size_t length,
                         size_t count, Digest* out) {
  EVP_MD_CTX* ctx = thread_ctx();
  for (size_t i = 0; i < count; ++i) {
    evp_init(ctx);
    evp_update(ctx, prefix.data(), prefix.size());
    evp_update(ctx, messages + i * length, length);
    out[i] = evp_final(ctx);
  }
}

}  // namespace detail

// ---------------------------------------------------------------------------
// Dispatch
// ---------------------------------------------------------------------------

std::string_view to_string(Sha256Impl impl) {
  switch (impl) {
    case Sha256Impl::kOpenSsl:
      return "openssl";
    case Sha256Impl::kShaNi:
      return "sha-ni";
  }
  return "unknown";
}

namespace {

bool detect_sha_ni() {
#if defined(__x86_64__)
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid_count(1, 0, &eax, &ebx, &ecx, &edx) == 0) return false;
  const bool sse41 = (ecx & (1u << 19)) != 0;
  const bool ssse3 = (ecx & (1u << 9)) != 0;
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) == 0) return false;
  const bool sha = (ebx & (1u << 29)) != 0;
  return sse41 && ssse3 && sha;
#else
  return false;
#endif
}

}  // namespace

// Detected once: CPUID traps to the hypervisor in a VM and costs microseconds.
bool sha_ni_supported() {
  static const bool supported = detect_sha_ni();
  return supported;
}

Sha256Impl default_sha256_impl() {
  static const Sha256Impl impl = [] {
    const char* simd = std::getenv("BAOBAB_SIMD");
    if (simd != nullptr && std::string(simd) == "scalar") return Sha256Impl::kOpenSsl;
    return sha_ni_supported() ? Sha256Impl::kShaNi : Sha256Impl::kOpenSsl;
  }();
  return impl;
}

void sha256_many(Sha256Impl impl, std::span<const uint8_t> prefix,
                 std::span<const uint8_t> messages, size_t length, std::span<Digest> out) {
  BAOBAB_CHECK(prefix.size() < 64, "sha256_many: prefix longer than 63 bytes");
  BAOBAB_CHECK(messages.size() == out.size() * length, "sha256_many: size mismatch");
  if (out.empty()) return;
  // An empty span may carry a null pointer; the kernels offset it by zero.
  static constexpr uint8_t kNoBytes[1] = {0};
  const uint8_t* data = messages.empty() ? kNoBytes : messages.data();
  if (impl == Sha256Impl::kShaNi) {
    BAOBAB_CHECK(sha_ni_supported(), "sha256_many: SHA-NI requested on a CPU without it");
    detail::sha256_many_shani(prefix, data, length, out.size(), out.data());
  } else {
    detail::sha256_many_openssl(prefix, data, length, out.size(), out.data());
  }
}

Digest sha256(std::span<const uint8_t> message, Sha256Impl impl) {
  Digest digest;
  sha256_many(impl, {}, message, message.size(), std::span<Digest>(&digest, 1));
  return digest;
}

Digest sha256(std::span<const uint8_t> message) {
  return sha256(message, default_sha256_impl());
}

// ---------------------------------------------------------------------------
// Incremental
// ---------------------------------------------------------------------------

struct Sha256::Ctx {
  MdCtxPtr ctx = new_ctx();
};

Sha256::Sha256() : ctx_(std::make_unique<Ctx>()) {
  evp_init(ctx_->ctx.get());
}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

Sha256& Sha256::update(std::span<const uint8_t> data) {
  BAOBAB_CHECK(ctx_ != nullptr, "Sha256 used after move");
  evp_update(ctx_->ctx.get(), data.data(), data.size());
  return *this;
}

Sha256& Sha256::update_u64_le(uint64_t value) {
  uint8_t bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<uint8_t>(value >> (8 * i));
  return update(bytes);
}

Digest Sha256::finish() {
  BAOBAB_CHECK(ctx_ != nullptr, "Sha256 used after move");
  const Digest digest = evp_final(ctx_->ctx.get());
  evp_init(ctx_->ctx.get());
  return digest;
}

}  // namespace baobab::hash
