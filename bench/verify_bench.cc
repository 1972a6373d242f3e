// Verify throughput next to the raw cost of the cryptography each verify needs
// (docs/BENCHMARKS.md). Pairs share a name stem so their ratio reads directly:
//   BM_Agora006_RawCrypto   one keyed HMAC-SHA256 over the signed bytes
//   BM_Agora006_Verify      decode + CRC binding + that HMAC + expiry/privileges
//   BM_Agora007_RawCrypto   the three fresh-key HMACs of the 007 key chain
//   BM_Agora007_RawInflate  inflating the token body (the other unavoidable step)
//   BM_Agora007_Verify      all of it
// Every verify benchmark also reports allocs_per_verify (must be 0).
#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "bench/alloc_counter.h"
#include "reference/agora/agora006.h"
#include "reference/agora/agora007.h"
#include "reference/core/base64.h"

namespace tokcheck::bench {
namespace {

constexpr std::string_view kAppId = "970CA35de60c44645bbae8a215061b33";
constexpr std::string_view kCert = "5CFd2fd1755d40ecb72977518be15d3b";
constexpr std::string_view kChannel = "7d72365eb983485397e3e3f9d460bdda";
constexpr std::string_view kUid = "2882341273";
constexpr std::int64_t kNow = 1111111 + 100;

std::string token006() {
  agora::Build006Input in{std::string(kAppId),
                          std::string(kCert),
                          std::string(kChannel),
                          std::string(kUid),
                          1,
                          1111111 + 3600,
                          {{1, 0}, {2, 0}, {3, 0}, {4, 0}}};
  return agora::build_006(in).token;
}

std::string token007() {
  agora::Service007 rtc;
  rtc.type = agora::kServiceRtc;
  rtc.channel_name = kChannel;
  rtc.uid = kUid;
  rtc.privileges = {{1, 600}, {2, 600}, {3, 600}, {4, 600}};
  return agora::build_007({std::string(kAppId), std::string(kCert), 1111111, 600, 1, {rtc}}).token;
}

void report_allocations(benchmark::State& state, std::size_t before) {
  state.counters["allocs_per_verify"] = benchmark::Counter(
      static_cast<double>(allocation_count() - before), benchmark::Counter::kAvgIterations);
  state.SetItemsProcessed(state.iterations());
}

void BM_Agora006_RawCrypto(benchmark::State& state) {
  // The bytes 006 signs: appId ‖ channel ‖ uid ‖ message (salt, ts, 4 privileges).
  const std::string signed_bytes = std::string(kAppId) + std::string(kChannel) + std::string(kUid) +
                                   std::string(8 + 2 + 4 * 6, 'x');
  const HmacSha256 key(as_bytes(kCert));
  for (auto _ : state) benchmark::DoNotOptimize(key.mac(as_bytes(signed_bytes)));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Agora006_RawCrypto);

void BM_Agora006_Verify(benchmark::State& state) {
  const std::string token = token006();
  agora::Verifier006 verifier(kCert);
  const std::uint16_t required[] = {1, 2};
  const agora::Binding006 binding{kAppId, kChannel, kUid, required};
  if (!verifier.verify(token, kNow, binding).valid()) state.SkipWithError("token not valid");
  const std::size_t before = allocation_count();
  for (auto _ : state) benchmark::DoNotOptimize(verifier.verify(token, kNow, binding));
  report_allocations(state, before);
}
BENCHMARK(BM_Agora006_Verify);

void BM_Agora007_RawCrypto(benchmark::State& state) {
  const std::string token = token007();
  const auto parsed = agora::parse_007(token);
  // Signing info size = inflated payload minus the 2 + 32 signature bytes.
  std::vector<std::uint8_t> compressed, plain;
  (void)base64_decode(std::string_view(token).substr(3), Base64Mode::kStrict, compressed);
  Inflater inflater;
  (void)inflater.inflate(compressed, plain);
  const Bytes info = Bytes(plain).subspan(34);
  for (auto _ : state) {
    const Sha256Digest key = agora::signing_key_007(kCert, parsed.token.issue_ts, 1);
    benchmark::DoNotOptimize(HmacSha256::compute(key, info));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Agora007_RawCrypto);

void BM_Agora007_RawInflate(benchmark::State& state) {
  const std::string token = token007();
  std::vector<std::uint8_t> compressed, plain;
  (void)base64_decode(std::string_view(token).substr(3), Base64Mode::kStrict, compressed);
  Inflater inflater;
  for (auto _ : state) benchmark::DoNotOptimize(inflater.inflate(compressed, plain));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Agora007_RawInflate);

void BM_Agora007_Verify(benchmark::State& state) {
  const std::string token = token007();
  agora::Verifier007 verifier(kCert);
  const std::uint16_t required[] = {1};
  agora::Binding007 binding;
  binding.app_id = kAppId;
  binding.channel_name = kChannel;
  binding.uid = kUid;
  binding.required_privileges = required;
  if (!verifier.verify(token, kNow, binding).valid()) state.SkipWithError("token not valid");
  const std::size_t before = allocation_count();
  for (auto _ : state) benchmark::DoNotOptimize(verifier.verify(token, kNow, binding));
  report_allocations(state, before);
}
BENCHMARK(BM_Agora007_Verify);

// For context: what the naive OpenSSL 3 one-shot costs for the 006 MAC.
void BM_OpenSSL_OneShotHmac(benchmark::State& state) {
  const std::string msg(32 + 32 + 10 + 34, 'x');
  unsigned char out[32];
  unsigned int len = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(HMAC(EVP_sha256(), kCert.data(), static_cast<int>(kCert.size()),
                                  reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                                  out, &len));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OpenSSL_OneShotHmac);

}  // namespace
}  // namespace tokcheck::bench

BENCHMARK_MAIN();  // one main for every *_bench.cc
