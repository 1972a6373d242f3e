// Every floor timed alone, BM_<Scheme>_Floor (the floors themselves, and why each is
// the least work its format forces, are in floors.h; ratio_bench.cc times each
// beside its verify), and the contrasts below them:
//   BM_<Scheme>_LibdeflateInflate  libdeflate's inflate alone (007, UserSig)
//   BM_Zego04Cbc_EvpCbcReinit  the previous CBC floor, a CBC context re-armed per token
//   BM_Zego04Cbc_AesBulk  AES-256-CBC decryption of many tokens' worth of blocks in
//                      one call: the raw AES-NI cost per token, with no per-call EVP
//                      overhead at all (a contrast below any real per-token floor).
// Each floor is checked at setup to produce the token's signature (or plaintext), so
// it hashes/decrypts the same bytes the verify does. Counters: sha256_blocks,
// signed_bytes, inflate_in_bytes / inflate_out_bytes, aes_blocks.
#include "bench/floors.h"

namespace tokcheck::bench {
namespace {

template <class Floor>
void floor_alone(benchmark::State& state, Floor& floor) {
  if (const char* why = floor.error()) {
    state.SkipWithError(why);
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(floor.run());
  floor.report(state);
  state.SetItemsProcessed(state.iterations());
}

void BM_Agora006_Floor(benchmark::State& state) {
  FixedKeyHmacFloor floor = agora006_floor(agora006());
  floor_alone(state, floor);
}
void BM_Volc001_Floor(benchmark::State& state) {
  FixedKeyHmacFloor floor = volc001_floor(volc001());
  floor_alone(state, floor);
}
void BM_Agora007_Floor(benchmark::State& state) {
  Agora007Floor floor(agora007());
  floor_alone(state, floor);
}
void BM_TencentUserSig_Floor(benchmark::State& state) {
  UserSigFloor floor(usersig());
  floor_alone(state, floor);
}
void BM_Zego04Cbc_Floor(benchmark::State& state) {
  Zego04CbcFloor floor(zego04(zego::CipherMode::kCbc));
  floor_alone(state, floor);
}
void BM_Zego04Gcm_Floor(benchmark::State& state) {
  Zego04GcmFloor floor(zego04(zego::CipherMode::kGcm));
  floor_alone(state, floor);
}
BENCHMARK(BM_Agora006_Floor);
BENCHMARK(BM_Volc001_Floor);
BENCHMARK(BM_Agora007_Floor);
BENCHMARK(BM_TencentUserSig_Floor);
BENCHMARK(BM_Zego04Cbc_Floor);
BENCHMARK(BM_Zego04Gcm_Floor);

// libdeflate's inflate alone, to set against BM_*_RawInflate (the zlib inflate the
// reference uses) on the same bytes.
void inflate_only(benchmark::State& state, const std::vector<std::uint8_t>& compressed,
                  const std::vector<std::uint8_t>& plain) {
  InflateFloor inflater(compressed, plain.size());
  if (const char* why = inflate_error(inflater, plain)) {
    state.SkipWithError(why);
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(inflater.inflate());
  state.counters["inflate_in_bytes"] = static_cast<double>(compressed.size());
  state.SetItemsProcessed(state.iterations());
}
void BM_Agora007_LibdeflateInflate(benchmark::State& state) {
  inflate_only(state, agora007().compressed, agora007().plain);
}
void BM_TencentUserSig_LibdeflateInflate(benchmark::State& state) {
  inflate_only(state, usersig().compressed, usersig().plain);
}
BENCHMARK(BM_Agora007_LibdeflateInflate);
BENCHMARK(BM_TencentUserSig_LibdeflateInflate);

// Contrast: the previous floor, a reused AES-256-CBC context re-armed with each
// token's IV (EVP_CipherInit_ex2) and one update.
void BM_Zego04Cbc_EvpCbcReinit(benchmark::State& state) {
  const Zego04Fixture& f = zego04(zego::CipherMode::kCbc);
  const CipherPtr cipher(EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr));
  const CipherCtxPtr ctx = keyed_decrypt(cipher.get(), f.input.secret, true);
  std::vector<std::uint8_t> out(f.ciphertext.size());
  const int len = static_cast<int>(f.ciphertext.size());
  auto decrypt = [&] {
    int n = 0;
    return EVP_CipherInit_ex2(ctx.get(), nullptr, nullptr, f.iv.data(), -1, nullptr) == 1 &&
           EVP_DecryptUpdate(ctx.get(), out.data(), &n, f.ciphertext.data(), len) == 1 && n == len;
  };
  if (ctx == nullptr || !decrypt() ||
      std::memcmp(out.data(), f.plaintext.data(), f.plaintext.size()) != 0) {
    state.SkipWithError("contrast does not decrypt the token's claims");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(decrypt());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Zego04Cbc_EvpCbcReinit);

// kCopies tokens' worth of CBC blocks in one EVP call: per token, this is the AES-NI
// decryption itself (OpenSSL's aesni_cbc_decrypt, 8 blocks interleaved) with the
// per-call overhead spread over kCopies. Items are tokens' worth, so ns/item
// compares with the per-token floor.
void BM_Zego04Cbc_AesBulk(benchmark::State& state) {
  constexpr std::size_t kCopies = 256;
  const Zego04Fixture& f = zego04(zego::CipherMode::kCbc);
  const CipherPtr cipher(EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr));
  const CipherCtxPtr ctx = keyed_decrypt(cipher.get(), f.input.secret, true);
  std::vector<std::uint8_t> in;
  for (std::size_t i = 0; i < kCopies; ++i)
    in.insert(in.end(), f.ciphertext.begin(), f.ciphertext.end());
  std::vector<std::uint8_t> out(in.size());
  const int len = static_cast<int>(in.size());
  auto decrypt = [&] {
    int n = 0;
    return EVP_CipherInit_ex2(ctx.get(), nullptr, nullptr, f.iv.data(), -1, nullptr) == 1 &&
           EVP_DecryptUpdate(ctx.get(), out.data(), &n, in.data(), len) == 1 && n == len;
  };
  if (ctx == nullptr || !decrypt() ||
      std::memcmp(out.data(), f.plaintext.data(), f.plaintext.size()) != 0) {
    state.SkipWithError("bulk decrypt failed");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(decrypt());
  state.counters["aes_blocks"] = static_cast<double>(f.ciphertext.size() / 16);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kCopies));
}
BENCHMARK(BM_Zego04Cbc_AesBulk);

}  // namespace
}  // namespace tokcheck::bench
