// Per scheme, the operations around the hot verify (docs/BENCHMARKS.md):
//   BM_<Scheme>_VerifyColdKey   a Verifier constructed for every token (key schedule,
//                               contexts and buffers from scratch), then one verify
//   BM_<Scheme>_Parse           the public parse (owned Token, not the hot path)
//   BM_<Scheme>_Build           the public build from the fixture's inputs
// (2-thread scaling: scaling_bench.cc.)
#include <benchmark/benchmark.h>

#include "bench/verify_ops.h"

namespace tokcheck::bench {
namespace {

template <class Ops>
void verify_cold_key(benchmark::State& state) {
  const auto binding = Ops::binding();
  {
    auto v = Ops::make();
    if (!Ops::verify(v, binding).valid()) state.SkipWithError("token not valid");
  }
  for (auto _ : state) {
    auto v = Ops::make();
    benchmark::DoNotOptimize(Ops::verify(v, binding));
  }
  state.SetItemsProcessed(state.iterations());
}

#define TOKCHECK_VERIFY_COLD_KEY(Name, Ops)                                                \
  void BM_##Name##_VerifyColdKey(benchmark::State& state) { verify_cold_key<Ops>(state); } \
  BENCHMARK(BM_##Name##_VerifyColdKey);

TOKCHECK_BENCH_EACH_SCHEME(TOKCHECK_VERIFY_COLD_KEY)

// Parse and build: the owned-value API a tool or test uses (allocates; not the
// gateway path). Skipped with an error if the fixture does not round-trip.
template <class Parse, class Build>
void parse_and_build(benchmark::State& state, bool parse, Parse p, Build b) {
  if (!p() || !b()) {
    state.SkipWithError("fixture does not parse/build");
    return;
  }
  if (parse) {
    for (auto _ : state) benchmark::DoNotOptimize(p());
  } else {
    for (auto _ : state) benchmark::DoNotOptimize(b());
  }
  state.SetItemsProcessed(state.iterations());
}

auto parse006 = [] { return agora::parse_006(agora006().token).error == Malformation::kNone; };
auto build006 = [] { return agora::build_006(agora006().input).token == agora006().token; };
auto parse007 = [] { return agora::parse_007(agora007().token).error == Malformation::kNone; };
auto build007 = [] { return agora::build_007(agora007().input).token == agora007().token; };
auto parse001 = [] { return volc::parse_001(volc001().token).error == Malformation::kNone; };
auto build001 = [] { return volc::build_001(volc001().input).token == volc001().token; };
auto parse_sig = [] {
  return tencent::parse_usersig(usersig().token).error == Malformation::kNone;
};
auto build_sig = [] { return tencent::build_usersig(usersig().input).token == usersig().token; };
template <zego::CipherMode kMode>
bool parse04() {
  return zego::parse_04(zego04(kMode).token, zego04(kMode).input.secret).condition ==
         Condition::kValid;
}
template <zego::CipherMode kMode>
bool build04() {
  return zego::build_04(zego04(kMode).input).token == zego04(kMode).token;
}

#define TOKCHECK_PARSE_BUILD(Name, P, B)                                                   \
  void BM_##Name##_Parse(benchmark::State& state) { parse_and_build(state, true, P, B); }  \
  void BM_##Name##_Build(benchmark::State& state) { parse_and_build(state, false, P, B); } \
  BENCHMARK(BM_##Name##_Parse);                                                            \
  BENCHMARK(BM_##Name##_Build);

TOKCHECK_PARSE_BUILD(Agora006, parse006, build006)
TOKCHECK_PARSE_BUILD(Agora007, parse007, build007)
TOKCHECK_PARSE_BUILD(Volc001, parse001, build001)
TOKCHECK_PARSE_BUILD(TencentUserSig, parse_sig, build_sig)
TOKCHECK_PARSE_BUILD(Zego04Cbc, parse04<zego::CipherMode::kCbc>, build04<zego::CipherMode::kCbc>)
TOKCHECK_PARSE_BUILD(Zego04Gcm, parse04<zego::CipherMode::kGcm>, build04<zego::CipherMode::kGcm>)

}  // namespace
}  // namespace tokcheck::bench
