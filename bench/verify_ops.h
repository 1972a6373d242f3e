// How each scheme's Verifier is made and its bench fixture verified
// (bench/fixtures.h), for the benchmarks that run verify in their own loops:
// cold key and threads (ops_bench.cc), 2-thread scaling (scaling_bench.cc).
#pragma once

#include "bench/fixtures.h"

namespace tokcheck::bench {

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

// Every scheme's benchmark name and Ops, once: X(Name, Ops) for each, for the
// files that register one benchmark per scheme from its Ops.
#define TOKCHECK_BENCH_EACH_SCHEME(X)             \
  X(Agora006, Agora006Ops)                        \
  X(Agora007, Agora007Ops)                        \
  X(Volc001, Volc001Ops)                          \
  X(TencentUserSig, UserSigOps)                   \
  X(Zego04Cbc, Zego04Ops<zego::CipherMode::kCbc>) \
  X(Zego04Gcm, Zego04Ops<zego::CipherMode::kGcm>)

}  // namespace tokcheck::bench
