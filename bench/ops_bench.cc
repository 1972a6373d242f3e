// Per scheme, the operations around the hot verify (docs/BENCHMARKS.md):
//   BM_<Scheme>_VerifyColdKey   a Verifier constructed for every token (key schedule,
//                               contexts and buffers from scratch), then one verify
//   BM_<Scheme>_Parse           the public parse (owned Token, not the hot path)
//   BM_<Scheme>_Build           the public build from the fixture's inputs
//   BM_<Scheme>_VerifyThreads   verify on 1 and 2 threads, each with its own Verifier,
//                               wall-clock time: items_per_second is the aggregate
//                               throughput, so 2 threads ÷ 1 thread is the scaling
#include <benchmark/benchmark.h>

#include "bench/fixtures.h"

namespace tokcheck::bench {
namespace {

// How to make a scheme's Verifier and verify its fixture with it.
struct Agora006Ops {
  static agora::Verifier006 make() { return agora::Verifier006(agora006().input.app_certificate); }
  static Verdict verify(agora::Verifier006& v, const agora::Binding006& b) {
    return v.verify(agora006().token, agora006().now, b);
  }
  static agora::Binding006 binding() { return binding006(); }
};
struct Agora007Ops {
  static agora::Verifier007 make() { return agora::Verifier007(agora007().input.app_certificate); }
  static Verdict verify(agora::Verifier007& v, const agora::Binding007& b) {
    return v.verify(agora007().token, agora007().now, b);
  }
  static agora::Binding007 binding() { return binding007(); }
};
struct Volc001Ops {
  static volc::Verifier001 make() { return volc::Verifier001(volc001().input.app_key); }
  static Verdict verify(volc::Verifier001& v, const volc::Binding001& b) {
    return v.verify(volc001().token, volc001().now, volc::CheckMode::kStrict, b);
  }
  static volc::Binding001 binding() { return binding001(); }
};
struct UserSigOps {
  static tencent::UserSigVerifier make() { return tencent::UserSigVerifier(usersig().input.key); }
  static Verdict verify(tencent::UserSigVerifier& v, const tencent::UserSigBinding& b) {
    return v.verify(usersig().token, usersig().now, b);
  }
  static tencent::UserSigBinding binding() { return usersig_binding(); }
};
template <zego::CipherMode kMode>
struct Zego04Ops {
  static zego::Verifier04 make() { return zego::Verifier04(zego04(kMode).input.secret); }
  static Verdict verify(zego::Verifier04& v, const zego::Binding04& b) {
    return v.verify(zego04(kMode).token, zego04(kMode).now, b);
  }
  static zego::Binding04 binding() { return binding04(kMode); }
};

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

// Each thread builds its own Verifier (verifiers are not shared across threads).
template <class Ops>
void verify_threads(benchmark::State& state) {
  const auto binding = Ops::binding();
  auto v = Ops::make();
  if (!Ops::verify(v, binding).valid()) state.SkipWithError("token not valid");
  for (auto _ : state) benchmark::DoNotOptimize(Ops::verify(v, binding));
  state.SetItemsProcessed(state.iterations());
}

#define TOKCHECK_VERIFY_OPS(Name, Ops)                                                     \
  void BM_##Name##_VerifyColdKey(benchmark::State& state) { verify_cold_key<Ops>(state); } \
  BENCHMARK(BM_##Name##_VerifyColdKey);                                                    \
  void BM_##Name##_VerifyThreads(benchmark::State& state) { verify_threads<Ops>(state); }  \
  BENCHMARK(BM_##Name##_VerifyThreads)->Threads(1)->Threads(2)->UseRealTime();

TOKCHECK_VERIFY_OPS(Agora006, Agora006Ops)
TOKCHECK_VERIFY_OPS(Agora007, Agora007Ops)
TOKCHECK_VERIFY_OPS(Volc001, Volc001Ops)
TOKCHECK_VERIFY_OPS(TencentUserSig, UserSigOps)
TOKCHECK_VERIFY_OPS(Zego04Cbc, Zego04Ops<zego::CipherMode::kCbc>)
TOKCHECK_VERIFY_OPS(Zego04Gcm, Zego04Ops<zego::CipherMode::kGcm>)

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
