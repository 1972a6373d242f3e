// Tencent UserSig verification (usersig.h: UserSigVerifier) with a re-signing
// custom mutator. Input: a VerifyCase (verify_case.h) checked against the fixed
// test key, with optional bindings sdkappid, identifier, and userbuf=none or
// userbuf_hex=<hex>. The mutator parses the token, mutates one claim (time,
// expire, identifier, sdkappid, userbuf, SDK style) or one binding, then
// rebuilds it with build_usersig (HMAC under the test key, zlib, Tencent
// base64), so inputs reach the sdkappid, identifier, expiry and userbuf checks.
// One mutation in 16 is a plain byte mutation.
// Set TOKCHECK_FUZZ_PLAIN_MUTATOR=1 to measure the same target without it.
//
// Invariants: a reused verifier answers the same; the JSON adapter gives the
// codec's verdict; "valid" is re-derived from the parsed claims (bindings,
// now <= time + expire without overflow, userbuf rule, HMAC); no token is valid
// under a second key.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/common/adapter_request.h"
#include "fuzz/common/case_mutations.h"
#include "fuzz/common/test_keys.h"
#include "fuzz/common/verify_target.h"
#include "reference/core/crypto_util.h"
#include "reference/schemes/registry.h"
#include "reference/vendors/tencent/usersig.h"

namespace tokcheck::fuzz {
namespace {

using Rule = tencent::UserSigBinding::Userbuf;

struct Request {
  Base64Mode base64 = Base64Mode::kStrict;
  std::int64_t now = 0;
  std::optional<std::int64_t> sdkappid;
  std::optional<std::string> identifier;
  tencent::UserSigBinding binding;

  explicit Request(const VerifyCase& c) {
    base64 = case_base64(c);
    now = case_now(c);
    sdkappid = c.get_int("sdkappid");
    if (sdkappid && *sdkappid < 0) sdkappid.reset();  // the adapter's range
    if (auto id = c.get("identifier")) identifier = std::string(*id);
    if (sdkappid) binding.sdkappid = static_cast<std::uint64_t>(*sdkappid);
    if (identifier) binding.identifier = *identifier;
    std::vector<std::uint8_t> bytes;
    if (c.get("userbuf") == "none") {
      binding.userbuf_rule = Rule::kAbsent;
    } else if (auto hex = c.get("userbuf_hex"); hex && tokcheck::from_hex(*hex, bytes)) {
      binding.userbuf_rule = Rule::kEquals;
      binding.userbuf = bytes;
    }
  }
};

bool valid_by_parse(const std::string& token, const Request& r) {
  const auto p = tencent::parse_usersig(token, r.base64);
  if (p.condition != Condition::kValid) return false;
  const tencent::UserSig& t = p.token;
  if (r.binding.sdkappid && *r.binding.sdkappid != t.sdkappid) return false;
  if (r.identifier && *r.identifier != t.identifier) return false;
  std::int64_t expiry = 0;
  // now > time + expire is expired; an expiry past int64 is never reached.
  if (!__builtin_add_overflow(t.time, t.expire, &expiry) && r.now > expiry) return false;
  if (r.binding.userbuf_rule == Rule::kAbsent && t.userbuf) return false;
  if (r.binding.userbuf_rule == Rule::kEquals && (!t.userbuf || *t.userbuf != r.binding.userbuf)) {
    return false;
  }
  const auto mac = tencent::usersig_hmac(kTencentKey, t.identifier, t.sdkappid, t.time, t.expire,
                                         t.userbuf ? &*t.userbuf : nullptr);
  return std::equal(mac.begin(), mac.end(), t.signature.begin(), t.signature.end());
}

schemes::Json usersig_request(const VerifyCase& c, const Request& r) {
  schemes::Json in =
      adapter_request(schemes::tencent_usersig_scheme(), c, kTencentKey, r.now, r.base64);
  if (r.sdkappid) in["sdkappid"] = *r.sdkappid;
  if (r.identifier) in["identifier"] = *r.identifier;
  if (r.binding.userbuf_rule == Rule::kAbsent) in["userbuf"] = "none";
  if (r.binding.userbuf_rule == Rule::kEquals)
    in["userbuf_hex"] = tokcheck::to_hex(r.binding.userbuf);
  return in;
}

// The target as check_verify_invariants() (verify_target.h) runs it.
struct Target {
  const VerifyCase& c;
  const Request r{c};  // in place: r.binding views r's own strings
  tencent::UserSigVerifier verifier{kTencentKey};
  tencent::UserSigVerifier other{"another key"};

  Verdict verify(KeyChoice key) {
    auto& v = key == KeyChoice::kTest ? verifier : other;
    return v.verify(c.token, r.now, r.binding, r.base64);
  }
  bool independently_valid() const { return valid_by_parse(c.token, r); }
  Verdict adapter_verdict() const {
    return schemes::tencent_usersig_scheme().verify(usersig_request(c, r)).verdict;
  }
};

// One re-signing mutation (resigning_mutation() in verify_target.h is the frame):
// false when the case holds no token this target can parse and sign again.
bool resign(VerifyCase& c, MutationRng& rng) {
  const auto parsed = tencent::parse_usersig(c.token, Base64Mode::kLenient);
  if (parsed.condition != Condition::kValid) return false;
  const tencent::UserSig& t = parsed.token;
  tencent::UserSigBuildInput in = tencent::rebuild_input(t, kTencentKey);
  std::int64_t now = c.get_int("now").value_or(t.time);
  const std::vector<std::string> pool = {t.identifier, "", std::to_string(t.sdkappid)};
  constexpr std::int64_t kMax = INT64_MAX / 2;
  switch (rng.below(10)) {
    case 0:
      now = mutate_int(now, rng, {sat_add(t.time, t.expire), t.time}, -kMax, kMax);
      break;
    case 1:
      in.time = mutate_int(in.time, rng, {now, sat_sub(now, t.expire)}, 0, kMax);
      break;
    case 2:
      in.expire = mutate_int(in.expire, rng, {sat_sub(now, t.time), 0, 86400 * 180}, -kMax, kMax);
      break;
    case 3:
      in.identifier = mutate_string(in.identifier, rng, pool);
      break;
    case 4:
      in.sdkappid =
          static_cast<std::uint32_t>(mutate_int(in.sdkappid, rng, {1400000000}, 0, 0xFFFFFFFF));
      break;
    case 5:
      if (in.userbuf && rng.one_in(3)) {
        in.userbuf.reset();
      } else {
        std::string bytes(in.userbuf ? std::string(in.userbuf->begin(), in.userbuf->end()) : "");
        bytes = mutate_string(bytes, rng, {});
        in.userbuf = std::vector<std::uint8_t>(bytes.begin(), bytes.end());
      }
      break;
    case 6:
      in.style = tencent::kAllJsonStyles[rng.below(std::size(tencent::kAllJsonStyles))];
      break;
    case 7: {
      mutate_binding(c, rng, {"sdkappid", "identifier"}, pool);
      break;
    }
    case 8:
      c.erase("userbuf");
      c.erase("userbuf_hex");
      if (rng.one_in(3))
        c.set("userbuf", "none");
      else if (in.userbuf && rng.one_in(2))
        c.set("userbuf_hex", tokcheck::to_hex(*in.userbuf));
      break;
    default:
      toggle_lenient_base64(c);
      break;
  }
  const auto built = tencent::build_usersig(in);
  if (built.error != tencent::UserSigBuildError::kNone) {
    return false;
  }
  return resigned(c, built.token, now);
}

}  // namespace

}  // namespace tokcheck::fuzz

TOKCHECK_VERIFY_FUZZER(tokcheck::fuzz::Target, tokcheck::fuzz::resign)
