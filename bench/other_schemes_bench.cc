// ZEGO, Volcengine and Tencent verify next to their raw cryptography, with the
// same naming as verify_bench.cc so scripts/bench.sh pairs them:
//   BM_Zego04Cbc_* / BM_Zego04Gcm_*  RawCrypto = one AES-256 decrypt of the claims
//   BM_Volc001_*                      RawCrypto = one keyed HMAC over MSG
//   BM_TencentUserSig_*               RawCrypto = one keyed HMAC over the signed
//                                     string; RawInflate = inflating the token
// RawCrypto/RawInflate are the reference's own primitives (zlib, Aes256*), kept for
// contrast; the floors the table divides by are in floors_bench.cc. Every verify
// reports allocs_per_verify at malloc level (0 for all; tokcheck_alloc_tests asserts it).
#include <benchmark/benchmark.h>

#include "bench/alloc_counter.h"
#include "bench/fixtures.h"
#include "reference/core/aes.h"
#include "reference/core/base64.h"
#include "reference/core/hmac_sha256.h"
#include "reference/core/zlib_codec.h"
#include "reference/vendors/tencent/usersig.h"
#include "reference/vendors/volc/volc001.h"
#include "reference/vendors/zego/token04.h"
#include "reference/vendors/zego/z1_vector.h"

namespace tokcheck::bench {
namespace {

void report(benchmark::State& state, std::size_t allocations_before) {
  state.counters["allocs_per_verify"] =
      benchmark::Counter(static_cast<double>(allocation_count() - allocations_before),
                         benchmark::Counter::kAvgIterations);
  state.SetItemsProcessed(state.iterations());
}

void BM_Zego04Cbc_RawCrypto(benchmark::State& state) {
  const Zego04Fixture& f = zego04(zego::CipherMode::kCbc);
  std::vector<std::uint8_t> out;
  Aes256Cbc aes(as_bytes(f.input.secret));
  for (auto _ : state) benchmark::DoNotOptimize(aes.decrypt(f.iv, f.ciphertext, out));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Zego04Cbc_RawCrypto);

void BM_Zego04Gcm_RawCrypto(benchmark::State& state) {
  const Zego04Fixture& f = zego04(zego::CipherMode::kGcm);
  std::vector<std::uint8_t> out;
  Aes256Gcm aes(as_bytes(f.input.secret));
  for (auto _ : state) benchmark::DoNotOptimize(aes.open(f.iv, f.ciphertext, out));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Zego04Gcm_RawCrypto);

void zego_verify(benchmark::State& state, zego::CipherMode mode) {
  const Zego04Fixture& f = zego04(mode);
  zego::Verifier04 verifier(f.input.secret);
  const zego::Binding04 binding = binding04(mode);
  if (!verifier.verify(f.token, f.now, binding).valid()) state.SkipWithError("not valid");
  const std::size_t before = allocation_count();
  for (auto _ : state) benchmark::DoNotOptimize(verifier.verify(f.token, f.now, binding));
  report(state, before);
}
void BM_Zego04Cbc_Verify(benchmark::State& state) { zego_verify(state, zego::CipherMode::kCbc); }
void BM_Zego04Gcm_Verify(benchmark::State& state) { zego_verify(state, zego::CipherMode::kGcm); }
BENCHMARK(BM_Zego04Cbc_Verify);
BENCHMARK(BM_Zego04Gcm_Verify);

void BM_Volc001_RawCrypto(benchmark::State& state) {
  const Volc001Fixture& f = volc001();
  const HmacSha256 key(as_bytes(f.input.app_key));
  for (auto _ : state) benchmark::DoNotOptimize(key.mac(f.signed_bytes));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Volc001_RawCrypto);

void BM_Volc001_Verify(benchmark::State& state) {
  const Volc001Fixture& f = volc001();
  volc::Verifier001 verifier(f.input.app_key);
  const volc::Binding001 binding = binding001();
  if (!verifier.verify(f.token, f.now, volc::CheckMode::kStrict, binding).valid()) {
    state.SkipWithError("not valid");
  }
  const std::size_t before = allocation_count();
  for (auto _ : state) {
    benchmark::DoNotOptimize(verifier.verify(f.token, f.now, volc::CheckMode::kStrict, binding));
  }
  report(state, before);
}
BENCHMARK(BM_Volc001_Verify);

void BM_TencentUserSig_RawCrypto(benchmark::State& state) {
  const UserSigFixture& f = usersig();
  const HmacSha256 key(as_bytes(f.input.key));
  for (auto _ : state) benchmark::DoNotOptimize(key.mac(f.signed_bytes));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TencentUserSig_RawCrypto);

void BM_TencentUserSig_RawInflate(benchmark::State& state) {
  const UserSigFixture& f = usersig();
  std::vector<std::uint8_t> plain;
  Inflater inflater;
  for (auto _ : state) benchmark::DoNotOptimize(inflater.inflate(f.compressed, plain));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TencentUserSig_RawInflate);

void BM_TencentUserSig_Verify(benchmark::State& state) {
  const UserSigFixture& f = usersig();
  tencent::UserSigVerifier verifier(f.input.key);
  const tencent::UserSigBinding binding = usersig_binding();
  if (!verifier.verify(f.token, f.now, binding).valid()) state.SkipWithError("not valid");
  const std::size_t before = allocation_count();
  for (auto _ : state) benchmark::DoNotOptimize(verifier.verify(f.token, f.now, binding));
  report(state, before);
}
BENCHMARK(BM_TencentUserSig_Verify);

}  // namespace
}  // namespace tokcheck::bench
