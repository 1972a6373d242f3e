// The strict base64 decoder on its own: the scalar and SSSE3 paths side by side
// (reference/core/base64_internal.h), and base64_decode as verify calls it.
//   BM_Base64Strict_Scalar/N   N input chars, canonical, standard alphabet
//   BM_Base64Strict_Simd/N     the same through the SSSE3 path (skipped without it)
//   BM_Base64Decode/N          the public entry point (dispatches by CPU)
// Lengths: 120 chars is a typical short binary token (006/001), 1024 a long one.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "reference/core/base64.h"
#include "reference/core/base64_internal.h"

namespace tokcheck::bench {
namespace {

// Canonical base64 of `chars` characters (a multiple of 4) that ends in "xx==".
std::string encoded(std::size_t chars) {
  std::string data(chars / 4 * 3 - 2, '\0');
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(i * 151 + 7);
  return base64_encode(as_bytes(data));
}

template <bool (*Decode)(std::string_view, std::vector<std::uint8_t>&, Base64Alphabet)>
void run_strict(benchmark::State& state) {
  const std::string in = encoded(static_cast<std::size_t>(state.range(0)));
  std::vector<std::uint8_t> out;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Decode(in, out, Base64Alphabet::kStandard));
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(in.size()));
}

void BM_Base64Strict_Scalar(benchmark::State& state) {
  run_strict<base64_detail::decode_strict_scalar>(state);
}

// At the best level the CPU runs (what base64_decode uses).
void BM_Base64Strict_Simd(benchmark::State& state) {
  if (!base64_detail::simd_available()) {
    state.SkipWithError("no SSSE3 on this CPU");
    return;
  }
  run_strict<base64_detail::decode_strict_simd>(state);
}

bool decode_strict_ssse3(std::string_view in, std::vector<std::uint8_t>& out,
                         Base64Alphabet which) {
  return base64_detail::decode_strict_simd(in, out, which, base64_detail::SimdLevel::kSsse3);
}

// SSSE3 alone, to set against the AVX2 steps on CPUs that have both.
void BM_Base64Strict_Ssse3(benchmark::State& state) {
  if (!base64_detail::simd_available()) {
    state.SkipWithError("no SSSE3 on this CPU");
    return;
  }
  run_strict<decode_strict_ssse3>(state);
}

void BM_Base64Decode(benchmark::State& state) {
  const std::string in = encoded(static_cast<std::size_t>(state.range(0)));
  std::vector<std::uint8_t> out;
  for (auto _ : state) {
    benchmark::DoNotOptimize(base64_decode(in, Base64Mode::kStrict, out));
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(in.size()));
}

BENCHMARK(BM_Base64Strict_Scalar)->Arg(120)->Arg(1024);
BENCHMARK(BM_Base64Strict_Ssse3)->Arg(120)->Arg(1024);
BENCHMARK(BM_Base64Strict_Simd)->Arg(120)->Arg(1024);
BENCHMARK(BM_Base64Decode)->Arg(120)->Arg(1024);

}  // namespace
}  // namespace tokcheck::bench
