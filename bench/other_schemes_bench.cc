// ZEGO, Volcengine and Tencent verify next to their raw cryptography, with the
// same naming as verify_bench.cc so scripts/bench.sh pairs them:
//   BM_Zego04Cbc_* / BM_Zego04Gcm_*  RawCrypto = one AES-256 decrypt of the claims
//   BM_Volc001_*                      RawCrypto = one keyed HMAC over MSG
//   BM_TencentUserSig_*               RawCrypto = one keyed HMAC over the signed
//                                     string; RawInflate = inflating the token
// ZEGO and Tencent claims are JSON, so their verifiers parse text; the binary
// formats (Agora, Volcengine) are the ones held to zero allocations.
#include <benchmark/benchmark.h>

#include "bench/alloc_counter.h"
#include "reference/core/aes.h"
#include "reference/core/base64.h"
#include "reference/core/hmac_sha256.h"
#include "reference/core/zlib_codec.h"
#include "reference/tencent/usersig.h"
#include "reference/volc/volc001.h"
#include "reference/zego/token04.h"
#include "reference/zego/z1_vector.h"

namespace tokcheck::bench {
namespace {

constexpr std::string_view kZegoSecret = zego::kZ1Secret;  // the secret of zego_token()

void report(benchmark::State& state, std::size_t allocations_before) {
  state.counters["allocs_per_verify"] =
      benchmark::Counter(static_cast<double>(allocation_count() - allocations_before),
                         benchmark::Counter::kAvgIterations);
  state.SetItemsProcessed(state.iterations());
}

std::string zego_token(zego::CipherMode mode) {
  return zego::build_04(zego::z1_build_input(mode)).token;
}

// The claims ciphertext of a token04: body after be64 expire, be16+iv, be16 len.
void zego_parts(const std::string& token, std::vector<std::uint8_t>& iv,
                std::vector<std::uint8_t>& ct) {
  std::vector<std::uint8_t> body;
  (void)base64_decode(std::string_view(token).substr(2), Base64Mode::kStrict, body);
  const std::size_t iv_len = std::size_t{body[8]} << 8 | body[9];
  iv.assign(body.begin() + 10, body.begin() + 10 + static_cast<long>(iv_len));
  const std::size_t at = 10 + iv_len;
  const std::size_t ct_len = std::size_t{body[at]} << 8 | body[at + 1];
  ct.assign(body.begin() + static_cast<long>(at + 2),
            body.begin() + static_cast<long>(at + 2 + ct_len));
}

void BM_Zego04Cbc_RawCrypto(benchmark::State& state) {
  std::vector<std::uint8_t> iv, ct, out;
  zego_parts(zego_token(zego::CipherMode::kCbc), iv, ct);
  Aes256Cbc aes(as_bytes(kZegoSecret));
  for (auto _ : state) benchmark::DoNotOptimize(aes.decrypt(iv, ct, out));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Zego04Cbc_RawCrypto);

void BM_Zego04Gcm_RawCrypto(benchmark::State& state) {
  std::vector<std::uint8_t> iv, ct, out;
  zego_parts(zego_token(zego::CipherMode::kGcm), iv, ct);
  Aes256Gcm aes(as_bytes(kZegoSecret));
  for (auto _ : state) benchmark::DoNotOptimize(aes.open(iv, ct, out));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Zego04Gcm_RawCrypto);

void zego_verify(benchmark::State& state, zego::CipherMode mode) {
  const std::string token = zego_token(mode);
  zego::Verifier04 verifier(kZegoSecret);
  zego::Binding04 binding;
  binding.app_id = 1;
  binding.user_id = "demo";
  if (!verifier.verify(token, 1700000001, binding).valid()) state.SkipWithError("not valid");
  const std::size_t before = allocation_count();
  for (auto _ : state) benchmark::DoNotOptimize(verifier.verify(token, 1700000001, binding));
  report(state, before);
}
void BM_Zego04Cbc_Verify(benchmark::State& state) { zego_verify(state, zego::CipherMode::kCbc); }
void BM_Zego04Gcm_Verify(benchmark::State& state) { zego_verify(state, zego::CipherMode::kGcm); }
BENCHMARK(BM_Zego04Cbc_Verify);
BENCHMARK(BM_Zego04Gcm_Verify);

volc::Build001Input volc_input() {
  // token-formats.md §7 V1 inputs.
  return {"123456781234567812345678",
          "app key",
          "new room",
          "new user id",
          0x12345678,
          1700000000,
          1700086400,
          {{0, 1700086400}, {1, 1700086400}, {2, 1700086400}, {3, 1700086400}, {4, 0}}};
}

void BM_Volc001_RawCrypto(benchmark::State& state) {
  const HmacSha256 key(as_bytes("app key"));
  const std::vector<std::uint8_t> msg(62, 0x5a);  // V1's MSG is 62 bytes
  for (auto _ : state) benchmark::DoNotOptimize(key.mac(msg));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Volc001_RawCrypto);

void BM_Volc001_Verify(benchmark::State& state) {
  const std::string token = volc::build_001(volc_input()).token;
  volc::Verifier001 verifier("app key");
  const std::uint16_t subscribe[] = {4};
  volc::Binding001 binding;
  binding.app_id = "123456781234567812345678";
  binding.room_id = "new room";
  binding.user_id = "new user id";
  binding.required_privileges = subscribe;
  if (!verifier.verify(token, 1700000001, volc::CheckMode::kStrict, binding).valid()) {
    state.SkipWithError("not valid");
  }
  const std::size_t before = allocation_count();
  for (auto _ : state) {
    benchmark::DoNotOptimize(verifier.verify(token, 1700000001, volc::CheckMode::kStrict, binding));
  }
  report(state, before);
}
BENCHMARK(BM_Volc001_Verify);

tencent::UserSigBuildInput usersig_input() {
  // The shared sample constants of the TLSSigAPIv2 READMEs (suite-anchors.md §7).
  tencent::UserSigBuildInput in;
  in.sdkappid = 1400000000;
  in.key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
  in.identifier = "xiaojun";
  in.expire = 86400 * 180;
  in.time = 1700000000;
  return in;
}

void BM_TencentUserSig_RawCrypto(benchmark::State& state) {
  const auto in = usersig_input();
  const HmacSha256 key(as_bytes(in.key));
  const std::string signed_string =
      "TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\n"
      "TLS.time:1700000000\nTLS.expire:15552000\n";
  for (auto _ : state) benchmark::DoNotOptimize(key.mac(as_bytes(signed_string)));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TencentUserSig_RawCrypto);

void BM_TencentUserSig_RawInflate(benchmark::State& state) {
  const std::string token = tencent::build_usersig(usersig_input()).token;
  std::vector<std::uint8_t> compressed, plain;
  (void)base64_decode(token, Base64Mode::kStrict, compressed, Base64Alphabet::kTencent);
  Inflater inflater;
  for (auto _ : state) benchmark::DoNotOptimize(inflater.inflate(compressed, plain));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TencentUserSig_RawInflate);

void BM_TencentUserSig_Verify(benchmark::State& state) {
  const auto in = usersig_input();
  const std::string token = tencent::build_usersig(in).token;
  tencent::UserSigVerifier verifier(in.key);
  tencent::UserSigBinding binding;
  binding.sdkappid = 1400000000;
  binding.identifier = "xiaojun";
  if (!verifier.verify(token, 1700000001, binding).valid()) state.SkipWithError("not valid");
  const std::size_t before = allocation_count();
  for (auto _ : state) benchmark::DoNotOptimize(verifier.verify(token, 1700000001, binding));
  report(state, before);
}
BENCHMARK(BM_TencentUserSig_Verify);

}  // namespace
}  // namespace tokcheck::bench
