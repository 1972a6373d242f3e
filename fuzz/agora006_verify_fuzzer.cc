// Agora 006 verification (agora006.h: Verifier006) with a re-signing custom
// mutator. Input: a VerifyCase (verify_case.h) checked against the fixed test
// certificate. The mutator decodes the token, mutates one claim or one binding
// field (values near `now` and the expiries), then rebuilds and re-signs the
// token with the test certificate, so mutated inputs pass the CRC and HMAC
// checks and reach expiry and privilege checks. One mutation in 16 is a plain
// byte mutation, so the decode and signature paths stay covered too.
// Set TOKCHECK_FUZZ_PLAIN_MUTATOR=1 to measure the same target without it.
//
// Invariants on every input:
//  - verifying twice with one Verifier gives the same verdict (no stale state);
//  - the JSON adapter gives the codec's verdict for the same request;
//  - "valid" is re-derived independently from the parsed fields (binding CRCs,
//    expiry, required privileges), and never holds under another certificate.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/common/adapter_request.h"
#include "fuzz/common/case_mutations.h"
#include "fuzz/common/test_keys.h"
#include "fuzz/common/verify_target.h"
#include "reference/core/byte_writer.h"
#include "reference/core/crypto_util.h"
#include "reference/core/hmac_sha256.h"
#include "reference/schemes/registry.h"
#include "reference/vendors/agora/agora006.h"

namespace tokcheck::fuzz {
namespace {

// What "valid" must mean, derived from the parsed token rather than the verifier.
bool valid_by_parse(const VerifyCase& c, const agora::Binding006& b, std::int64_t now,
                    Base64Mode mode) {
  const auto p = agora::parse_006(c.token, mode);
  if (p.error != Malformation::kNone) return false;
  if (b.app_id && *b.app_id != p.token.app_id) return false;
  if (tokcheck::crc32_ieee(b.channel_name) != p.token.crc_channel) return false;
  if (tokcheck::crc32_ieee(b.uid) != p.token.crc_uid) return false;
  // HMAC(certificate, appId ‖ channel ‖ uid ‖ message), message re-encoded from
  // the parsed fields (the parser accepts only its canonical encoding).
  tokcheck::ByteWriter message;
  message.add_u32le(p.token.salt);
  message.add_u32le(p.token.ts);
  agora::write_privilege_map(message, p.token.privileges);
  std::string signed_text = p.token.app_id;
  signed_text.append(b.channel_name).append(b.uid);
  signed_text.append(tokcheck::as_chars(message.bytes()));
  const auto mac = tokcheck::HmacSha256::compute(tokcheck::as_bytes(kAgoraCertificate),
                                                 tokcheck::as_bytes(signed_text));
  if (!std::equal(mac.begin(), mac.end(), p.token.signature.begin(), p.token.signature.end())) {
    return false;
  }
  if (now >= std::int64_t{p.token.ts}) return false;
  for (std::uint16_t need : b.required_privileges) {
    bool ok = false;
    for (const auto& [key, expiry] : p.token.privileges) {
      if (key == need) ok = expiry == 0 || now < std::int64_t{expiry};
    }
    if (!ok) return false;
  }
  return true;
}

schemes::Json agora006_request(const VerifyCase& c, std::int64_t now) {
  schemes::Json in =
      adapter_request(schemes::agora006_scheme(), c, kAgoraCertificate, now, case_base64(c));
  in["channel_name"] = std::string(c.get("channel_name").value_or(""));
  in["uid"] = std::string(c.get("uid").value_or(""));
  if (auto app_id = c.get("app_id")) in["app_id"] = std::string(*app_id);
  in["privileges"] = c.get_u16_list("privileges");
  return in;
}

// The target as check_verify_invariants() (verify_target.h) runs it.
struct Target {
  const VerifyCase& c;
  const std::int64_t now = case_now(c);
  const Base64Mode mode = case_base64(c);
  const std::vector<std::uint16_t> required = c.get_u16_list("privileges");
  const agora::Binding006 binding{c.get("app_id"), c.get("channel_name").value_or(""),
                                  c.get("uid").value_or(""), required};
  agora::Verifier006 verifier{kAgoraCertificate};
  agora::Verifier006 other{"00000000000000000000000000000000"};

  Verdict verify(KeyChoice key) {
    auto& v = key == KeyChoice::kTest ? verifier : other;
    return v.verify(c.token, now, binding, mode);
  }
  bool independently_valid() const { return valid_by_parse(c, binding, now, mode); }
  Malformation parse_malformation() const { return agora::parse_006(c.token, mode).error; }
  Verdict adapter_verdict() const {
    return schemes::agora006_scheme().verify(agora006_request(c, now)).verdict;
  }
};

// One re-signing mutation (resigning_mutation() in verify_target.h is the frame):
// false when the case holds no token this target can parse and sign again.
bool resign(VerifyCase& c, MutationRng& rng) {
  const auto parsed = agora::parse_006(c.token, Base64Mode::kLenient);
  if (parsed.error != Malformation::kNone) return false;

  const agora::Token006& t = parsed.token;
  agora::Build006Input in = agora::rebuild_input(t, kAgoraCertificate);
  std::string channel(c.get("channel_name").value_or(""));
  std::string uid(c.get("uid").value_or(""));
  in.channel_name = channel;
  in.uid = uid;
  std::int64_t now = c.get_int("now").value_or(std::int64_t{t.ts} - 1);
  const std::vector<std::string> pool = {channel, uid, t.app_id, "0", ""};

  switch (rng.below(12)) {
    case 0: {
      std::int64_t expiry = t.ts;
      if (!t.privileges.empty()) expiry = t.privileges[rng.below(t.privileges.size())].second;
      now = mutate_int(now, rng, {t.ts, expiry}, INT64_MIN / 2, INT64_MAX / 2);
      break;
    }
    case 1:
      in.ts = mutate_u32(in.ts, rng, {now});
      break;
    case 2:
      in.salt = mutate_u32(in.salt, rng, {});
      break;
    case 3: {  // one privilege added, removed, or given a new expiry
      const std::uint16_t key = rng.one_in(4) ? static_cast<std::uint16_t>(rng.bits())
                                              : static_cast<std::uint16_t>(1 + rng.below(4));
      if (!in.privileges.empty() && rng.one_in(3)) {
        in.privileges.erase(in.privileges.begin() +
                            static_cast<std::ptrdiff_t>(rng.below(in.privileges.size())));
      } else {
        in.privileges.emplace_back(key, rng.one_in(4) ? 0u : mutate_u32(in.ts, rng, {now}));
      }
      break;
    }
    case 4:
      in.channel_name = mutate_string(channel, rng, pool);
      break;  // token ≠ binding
    case 5:
      in.uid = mutate_string(uid, rng, pool);
      break;
    case 6:
      channel = in.channel_name = mutate_string(channel, rng, pool);
      break;  // both
    case 7:
      uid = in.uid = mutate_string(uid, rng, pool);
      break;
    case 8:
      if (rng.one_in(3))
        c.erase("app_id");
      else
        c.set("app_id", rng.one_in(2) ? t.app_id : mutate_string(t.app_id, rng, pool, 32));
      break;
    case 9: {  // the token's app id, kept 32 hex characters so it still builds
      const char hex[] = "0123456789abcdefABCDEF";
      in.app_id[rng.below(in.app_id.size())] = hex[rng.below(sizeof(hex) - 1)];
      break;
    }
    case 10:
      mutate_required_privileges(c, rng, {1, 2, 3, 4, 101, 1000});
      break;
    default:
      toggle_lenient_base64(c);
      break;
  }
  const auto built = agora::build_006(in);
  if (built.error != agora::BuildError::kNone) return false;
  c.set("channel_name", channel);
  c.set("uid", uid);
  return resigned(c, built.token, now);
}

}  // namespace

}  // namespace tokcheck::fuzz

TOKCHECK_VERIFY_FUZZER(tokcheck::fuzz::Target, tokcheck::fuzz::resign)
