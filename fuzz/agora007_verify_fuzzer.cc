// Agora 007 verification (agora007.h: Verifier007) with a re-signing custom
// mutator. Input: a VerifyCase (verify_case.h) checked against the fixed test
// certificate. The mutator inflates and parses the token, mutates one claim
// (times, salt, a service's fields or privileges, services added or removed) or
// one binding field, then rebuilds it with build_007, which derives the key
// chain from issue_ts and salt and re-signs with the test certificate. Mutated
// inputs therefore pass the HMAC and reach the app id, expiry, service binding
// and privilege checks. One mutation in 16 is a plain byte mutation.
// Set TOKCHECK_FUZZ_PLAIN_MUTATOR=1 to measure the same target without it.
//
// Invariants on every input:
//  - verifying twice with one Verifier gives the same verdict (no stale state);
//  - the JSON adapter gives the codec's verdict for the same request;
//  - "valid" is re-derived independently (HMAC over the inflated signing info,
//    expiry, service selection, privileges), and never holds under another key.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/common/adapter_request.h"
#include "fuzz/common/case_mutations.h"
#include "fuzz/common/test_keys.h"
#include "fuzz/common/verify_target.h"
#include "reference/core/base64.h"
#include "reference/core/crypto_util.h"
#include "reference/core/hmac_sha256.h"
#include "reference/core/zlib_codec.h"
#include "reference/schemes/registry.h"
#include "reference/vendors/agora/agora007.h"

namespace tokcheck::fuzz {
namespace {

struct Binding {
  std::optional<std::string> app_id, channel_name, uid, user_id, account;
  std::optional<std::uint16_t> service_type;
  std::vector<std::uint16_t> required;

  explicit Binding(const VerifyCase& c) {
    auto opt = [&c](std::string_view key) -> std::optional<std::string> {
      if (auto v = c.get(key)) return std::string(*v);
      return std::nullopt;
    };
    app_id = opt("app_id");
    channel_name = opt("channel_name");
    uid = opt("uid");
    user_id = opt("user_id");
    account = opt("account");
    if (auto t = c.get_int("service_type"); t && *t >= 0 && *t <= 0xFFFF) {
      service_type = static_cast<std::uint16_t>(*t);
    }
    required = c.get_u16_list("privileges");
  }
  agora::Binding007 view() const {
    auto v = [](const std::optional<std::string>& s) {
      return s ? std::optional<std::string_view>(*s) : std::nullopt;
    };
    agora::Binding007 b;
    b.app_id = v(app_id);
    b.service_type = service_type;
    b.channel_name = v(channel_name);
    b.uid = v(uid);
    b.user_id = v(user_id);
    b.account = v(account);
    b.required_privileges = required;
    return b;
  }
};

bool matches(const std::optional<std::string>& bound, const std::string& actual) {
  return !bound || *bound == actual;
}

// What "valid" must mean, derived from the token's bytes and parsed claims.
bool valid_by_parse(const std::string& token, const Binding& b, std::int64_t now, Base64Mode mode) {
  const auto p = agora::parse_007(token, mode);
  if (p.error != Malformation::kNone) return false;
  std::vector<std::uint8_t> compressed, plain;
  if (tokcheck::base64_decode(std::string_view(token).substr(3), mode, compressed).error !=
      Malformation::kNone) {
    return false;
  }
  tokcheck::Inflater inflater;
  if (inflater.inflate(compressed, plain) != Malformation::kNone) return false;
  const std::size_t info_at = 2 + p.token.signature.size();
  const auto key = agora::signing_key_007(kAgoraCertificate, p.token.issue_ts, p.token.salt);
  const auto mac = tokcheck::HmacSha256::compute(key, tokcheck::Bytes(plain).subspan(info_at));
  if (!std::equal(mac.begin(), mac.end(), p.token.signature.begin(), p.token.signature.end())) {
    return false;
  }
  if (b.app_id && *b.app_id != p.token.app_id) return false;
  if (now >= std::int64_t{p.token.issue_ts} + p.token.expire) return false;
  std::optional<std::uint16_t> type = b.service_type;
  if (!type && (b.channel_name || b.uid || b.account)) type = agora::kServiceRtc;
  if (!type && b.user_id) type = agora::kServiceRtm;
  if (!type && !b.required.empty()) type = agora::kServiceRtc;
  if (!type) return true;
  for (const agora::Service007& s : p.token.services) {
    if (s.type != *type || !matches(b.channel_name, s.channel_name) || !matches(b.uid, s.uid) ||
        !matches(b.account, s.account) || !matches(b.user_id, s.user_id)) {
      continue;
    }
    for (std::uint16_t need : b.required) {  // the first matching service decides
      const auto it = std::find_if(s.privileges.begin(), s.privileges.end(),
                                   [need](const auto& kv) { return kv.first == need; });
      if (it == s.privileges.end()) return false;
      if (it->second != 0 && now >= std::int64_t{p.token.issue_ts} + it->second) return false;
    }
    return true;
  }
  return false;
}

schemes::Json agora007_request(const VerifyCase& c, const Binding& b, std::int64_t now) {
  schemes::Json in =
      adapter_request(schemes::agora007_scheme(), c, kAgoraCertificate, now, case_base64(c));
  if (b.app_id) in["app_id"] = *b.app_id;
  if (b.channel_name) in["channel_name"] = *b.channel_name;
  if (b.uid) in["uid"] = *b.uid;
  if (b.user_id) in["user_id"] = *b.user_id;
  if (b.account) in["account"] = *b.account;
  if (b.service_type) in["service_type"] = *b.service_type;
  in["privileges"] = b.required;
  return in;
}

// The target as check_verify_invariants() (verify_target.h) runs it.
struct Target {
  const VerifyCase& c;
  const std::int64_t now = case_now(c);
  const Base64Mode mode = case_base64(c);
  const Binding b{c};
  const agora::Binding007 binding = b.view();
  agora::Verifier007 verifier{kAgoraCertificate};
  agora::Verifier007 other{"00000000000000000000000000000000"};

  Verdict verify(KeyChoice key) {
    auto& v = key == KeyChoice::kTest ? verifier : other;
    return v.verify(c.token, now, binding, mode);
  }
  bool independently_valid() const { return valid_by_parse(c.token, b, now, mode); }
  Malformation parse_malformation() const { return agora::parse_007(c.token, mode).error; }
  Verdict adapter_verdict() const {
    return schemes::agora007_scheme().verify(agora007_request(c, b, now)).verdict;
  }
};

std::string* string_field(agora::Service007& s, MutationRng& rng) {
  std::string* fields[] = {&s.channel_name, &s.uid,       &s.user_id,
                           &s.account,      &s.room_uuid, &s.user_uuid};
  return fields[rng.below(std::size(fields))];
}

void mutate_rtm2(agora::Service007& s, MutationRng& rng, const std::vector<std::string>& pool) {
  if (s.rtm2.empty() || rng.one_in(3)) {
    s.rtm2.push_back({static_cast<std::uint16_t>(rng.below(6)), {}});
  }
  agora::Rtm2Resource& res = s.rtm2[rng.below(s.rtm2.size())];
  if (res.permissions.empty() || rng.one_in(3)) {
    res.permissions.push_back({static_cast<std::uint16_t>(rng.below(3)), {}});
  }
  agora::Rtm2Permission& perm = res.permissions[rng.below(res.permissions.size())];
  if (perm.names.empty() || rng.one_in(2))
    perm.names.push_back(mutate_string("", rng, pool));
  else
    perm.names.erase(perm.names.begin() +
                     static_cast<std::ptrdiff_t>(rng.below(perm.names.size())));
}

// One re-signing mutation (resigning_mutation() in verify_target.h is the frame):
// false when the case holds no token this target can parse and sign again.
bool resign(VerifyCase& c, MutationRng& rng) {
  const auto parsed = agora::parse_007(c.token, Base64Mode::kLenient);
  if (parsed.error != Malformation::kNone) return false;

  const agora::Token007& t = parsed.token;
  agora::Build007Input in = agora::rebuild_input(t, kAgoraCertificate);
  const std::int64_t expiry = std::int64_t{t.issue_ts} + t.expire;
  std::int64_t now = c.get_int("now").value_or(expiry - 1);

  std::vector<std::string> pool = {"", "0", t.app_id};
  for (const auto& s : t.services) {
    for (const std::string* f : {&s.channel_name, &s.uid, &s.user_id, &s.account}) {
      if (!f->empty()) pool.push_back(*f);
    }
  }
  for (const char* key : {"channel_name", "uid", "user_id", "account"}) {
    if (auto v = c.get(key)) pool.emplace_back(*v);
  }
  agora::Service007* service =
      in.services.empty() ? nullptr : &in.services[rng.below(in.services.size())];

  switch (rng.below(13)) {
    case 0: {
      std::int64_t anchor = expiry;
      if (service && !service->privileges.empty()) {
        anchor = std::int64_t{t.issue_ts} +
                 service->privileges[rng.below(service->privileges.size())].second;
      }
      now = mutate_int(now, rng, {expiry, anchor, t.issue_ts}, INT64_MIN / 2, INT64_MAX / 2);
      break;
    }
    case 1:
      in.issue_ts = mutate_u32(in.issue_ts, rng, {now});
      break;
    case 2:
      in.expire = mutate_u32(in.expire, rng, {sat_sub(now, t.issue_ts)});
      break;
    case 3:
      in.salt = mutate_u32(in.salt, rng, {});
      break;
    case 4:
      if (service) {
        auto& p = service->privileges;
        if (!p.empty() && rng.one_in(3)) {
          p.erase(p.begin() + static_cast<std::ptrdiff_t>(rng.below(p.size())));
        } else {
          const auto key = rng.one_in(4) ? static_cast<std::uint16_t>(rng.bits())
                                         : static_cast<std::uint16_t>(1 + rng.below(4));
          p.emplace_back(
              key, rng.one_in(4) ? 0u : mutate_u32(t.expire, rng, {sat_sub(now, t.issue_ts)}));
        }
      }
      break;
    case 5:
      if (service) {
        std::string* f = string_field(*service, rng);
        *f = mutate_string(*f, rng, pool);
      }
      break;
    case 6: {
      agora::Service007 s;
      s.type = static_cast<std::uint16_t>(1 + rng.below(10));
      s.channel_name = pool[rng.below(pool.size())];
      s.uid = pool[rng.below(pool.size())];
      s.user_id = pool[rng.below(pool.size())];
      s.account = pool[rng.below(pool.size())];
      s.privileges.emplace_back(static_cast<std::uint16_t>(1 + rng.below(4)),
                                rng.below(2) ? 0 : t.expire);
      in.services.push_back(std::move(s));
      break;
    }
    case 7:
      if (in.services.size() > 1) {
        in.services.erase(in.services.begin() +
                          static_cast<std::ptrdiff_t>(rng.below(in.services.size())));
      } else if (service) {
        service->type = static_cast<std::uint16_t>(1 + rng.below(10));
      }
      break;
    case 8: {
      const char* keys[] = {"app_id", "channel_name", "uid", "user_id", "account"};
      const char* key = keys[rng.below(std::size(keys))];
      if (rng.one_in(3)) {
        c.erase(key);
      } else {
        const std::string current(c.get(key).value_or(""));
        c.set(key, std::string_view(key) == "app_id" && rng.one_in(2)
                       ? t.app_id
                       : mutate_string(current, rng, pool));
      }
      break;
    }
    case 9:
      if (rng.one_in(3))
        c.erase("service_type");
      else
        c.set("service_type",
              std::to_string(rng.one_in(4) ? rng.below(0x10000) : 1 + rng.below(10)));
      break;
    case 10:
      mutate_required_privileges(c, rng, {1, 2, 3, 4});
      break;
    case 11:
      if (service) {
        if (service->type == agora::kServiceApaas && rng.one_in(2)) {
          service->role = static_cast<std::int16_t>(
              mutate_int(service->role, rng, {-1, 0, 1, 2}, -32768, 32767));
        } else {
          service->type = agora::kServiceRtm2;
          mutate_rtm2(*service, rng, pool);
        }
      }
      break;
    default:
      toggle_lenient_base64(c);
      break;
  }
  const auto built = agora::build_007(in);
  if (built.error != agora::Build007Error::kNone) return false;
  return resigned(c, built.token, now);
}

}  // namespace

}  // namespace tokcheck::fuzz

TOKCHECK_VERIFY_FUZZER(tokcheck::fuzz::Target, tokcheck::fuzz::resign)
