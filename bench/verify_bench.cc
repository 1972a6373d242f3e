// Verify throughput next to the raw cost of the cryptography each verify needs
// (docs/BENCHMARKS.md). Pairs share a name stem so their ratio reads directly:
//   BM_Agora006_RawCrypto   one keyed HMAC-SHA256 over the signed bytes
//   BM_Agora006_Verify      decode + CRC binding + that HMAC + expiry/privileges
//   BM_Agora007_RawCrypto   the three fresh-key HMACs of the 007 key chain
//   BM_Agora007_RawInflate  inflating the token body (the other unavoidable step)
//   BM_Agora007_Verify      all of it
// Every verify benchmark also reports allocs_per_verify (must be 0). RawCrypto and
// RawInflate are the reference's own primitives, kept for contrast; the floors the
// table divides by are in floors_bench.cc, the tokens in fixtures.h.
#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "bench/alloc_counter.h"
#include "bench/fixtures.h"
#include "reference/core/base64.h"
#include "reference/vendors/agora/agora006.h"
#include "reference/vendors/agora/agora007.h"

namespace tokcheck::bench {
namespace {

void report_allocations(benchmark::State& state, std::size_t before) {
  state.counters["allocs_per_verify"] = benchmark::Counter(
      static_cast<double>(allocation_count() - before), benchmark::Counter::kAvgIterations);
  state.SetItemsProcessed(state.iterations());
}

void BM_Agora006_RawCrypto(benchmark::State& state) {
  // The bytes 006 signs: appId ‖ channel ‖ uid ‖ message, as the token carries them.
  const Agora006Fixture& f = agora006();
  const HmacSha256 key(as_bytes(f.input.app_certificate));
  for (auto _ : state) benchmark::DoNotOptimize(key.mac(f.signed_bytes));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Agora006_RawCrypto);

void BM_Agora006_Verify(benchmark::State& state) {
  const Agora006Fixture& f = agora006();
  agora::Verifier006 verifier(f.input.app_certificate);
  const agora::Binding006 binding = binding006();
  if (!verifier.verify(f.token, f.now, binding).valid()) state.SkipWithError("token not valid");
  const std::size_t before = allocation_count();
  for (auto _ : state) benchmark::DoNotOptimize(verifier.verify(f.token, f.now, binding));
  report_allocations(state, before);
}
BENCHMARK(BM_Agora006_Verify);

void BM_Agora007_RawCrypto(benchmark::State& state) {
  const Agora007Fixture& f = agora007();
  for (auto _ : state) {
    const Sha256Digest key =
        agora::signing_key_007(f.input.app_certificate, f.input.issue_ts, f.input.salt);
    benchmark::DoNotOptimize(HmacSha256::compute(key, f.signing_info));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Agora007_RawCrypto);

void BM_Agora007_RawInflate(benchmark::State& state) {
  const Agora007Fixture& f = agora007();
  std::vector<std::uint8_t> plain;
  Inflater inflater;
  for (auto _ : state) benchmark::DoNotOptimize(inflater.inflate(f.compressed, plain));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Agora007_RawInflate);

void BM_Agora007_Verify(benchmark::State& state) {
  const Agora007Fixture& f = agora007();
  agora::Verifier007 verifier(f.input.app_certificate);
  const agora::Binding007 binding = binding007();
  if (!verifier.verify(f.token, f.now, binding).valid()) state.SkipWithError("token not valid");
  const std::size_t before = allocation_count();
  for (auto _ : state) benchmark::DoNotOptimize(verifier.verify(f.token, f.now, binding));
  report_allocations(state, before);
}
BENCHMARK(BM_Agora007_Verify);

// For context: what the naive OpenSSL 3 one-shot costs for the 006 MAC.
void BM_OpenSSL_OneShotHmac(benchmark::State& state) {
  const std::string& cert = agora006().input.app_certificate;
  const std::vector<std::uint8_t>& msg = agora006().signed_bytes;
  unsigned char out[32];
  unsigned int len = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(HMAC(EVP_sha256(), cert.data(), static_cast<int>(cert.size()),
                                  reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                                  out, &len));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OpenSSL_OneShotHmac);

}  // namespace
}  // namespace tokcheck::bench

BENCHMARK_MAIN();  // one main for every *_bench.cc
