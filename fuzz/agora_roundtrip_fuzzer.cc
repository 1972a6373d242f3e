// Round trip / differential for Agora 006 and 007: build from fuzzed parameters,
// parse, verify. Any disagreement aborts:
//  - the builder accepts every well-formed parameter set (hex32 ids, short fields);
//  - parse returns exactly the parameters, normalised as the byte tables in
//    token-formats.md §1–2 say (privilege maps sorted with unique keys, services
//    packed stably by type, only each service type's own fields carried);
//  - verify with the same certificate and the token's own binding, before its
//    expiry, requiring privileges that have not expired, is valid; under a
//    different certificate it is bad_signature.
// FuzzedDataProvider picks the parameters (suite-anchors.md §4: the harness for
// differential targets), so corpus files are parameter bytes, not tokens.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/common/agora_fields.h"
#include "fuzz/common/fuzz_check.h"
#include "reference/core/crypto_util.h"
#include "reference/vendors/agora/agora006.h"
#include "reference/vendors/agora/agora007.h"

using tokcheck::Condition;
using tokcheck::Malformation;
namespace agora = tokcheck::agora;

namespace {

std::string hex32(FuzzedDataProvider& fdp) {
  static constexpr char kHex[] = "0123456789abcdefABCDEF";
  std::string out(32, '0');
  for (char& c : out) c = kHex[fdp.ConsumeIntegralInRange<std::size_t>(0, sizeof(kHex) - 2)];
  return out;
}

tokcheck::PrivilegeMap privileges(FuzzedDataProvider& fdp, std::uint32_t around) {
  tokcheck::PrivilegeMap out;
  const std::size_t n = fdp.ConsumeIntegralInRange<std::size_t>(0, 5);
  for (std::size_t i = 0; i < n; ++i) {
    const auto key = fdp.ConsumeBool() ? fdp.ConsumeIntegralInRange<std::uint16_t>(1, 4)
                                       : fdp.ConsumeIntegral<std::uint16_t>();
    std::uint32_t value = 0;
    switch (fdp.ConsumeIntegralInRange<int>(0, 2)) {
      case 0:
        value = 0;
        break;
      case 1:
        value = around + fdp.ConsumeIntegralInRange<std::uint32_t>(0, 4) - 2;
        break;
      default:
        value = fdp.ConsumeIntegral<std::uint32_t>();
        break;
    }
    out.emplace_back(key, value);
  }
  return out;
}

// std::map semantics: sorted keys, the last duplicate wins (token-formats.md §0).
tokcheck::PrivilegeMap normalised(const tokcheck::PrivilegeMap& in) {
  std::map<std::uint16_t, std::uint32_t> m;
  for (const auto& [k, v] : in) m[k] = v;
  return {m.begin(), m.end()};
}

void round_trip_006(FuzzedDataProvider& fdp) {
  agora::Build006Input in;
  in.app_id = hex32(fdp);
  in.app_certificate = hex32(fdp);
  in.channel_name = fdp.ConsumeRandomLengthString(64);
  in.uid = fdp.ConsumeBool() ? agora::uid_from_number(fdp.ConsumeIntegral<std::uint32_t>())
                             : fdp.ConsumeRandomLengthString(24);
  in.salt = fdp.ConsumeIntegral<std::uint32_t>();
  in.ts = fdp.ConsumeIntegral<std::uint32_t>();
  in.privileges = privileges(fdp, in.ts);
  const auto built = agora::build_006(in);
  TOKCHECK_FUZZ_CHECK(built.error == agora::BuildError::kNone, "006 builder refused valid input");

  const auto parsed = agora::parse_006(built.token);
  TOKCHECK_FUZZ_CHECK(parsed.error == Malformation::kNone, "a built 006 token does not parse");
  const agora::Token006& t = parsed.token;
  TOKCHECK_FUZZ_CHECK(t.app_id == in.app_id && t.salt == in.salt && t.ts == in.ts &&
                          t.crc_channel == tokcheck::crc32_ieee(in.channel_name) &&
                          t.crc_uid == tokcheck::crc32_ieee(in.uid) &&
                          t.privileges == normalised(in.privileges) && t.signature.size() == 32,
                      "006 parse does not return the built parameters");

  const std::int64_t now = std::int64_t{in.ts} - 1 - fdp.ConsumeIntegralInRange<int>(0, 3);
  std::vector<std::uint16_t> required;
  for (const auto& [k, v] : t.privileges) {
    if (v == 0 || now < std::int64_t{v}) required.push_back(k);
  }
  const agora::Binding006 binding{in.app_id, in.channel_name, in.uid, required};
  agora::Verifier006 verifier(in.app_certificate);
  const auto verdict = verifier.verify(built.token, now, binding);
  TOKCHECK_FUZZ_CHECK(verdict.valid(), "a freshly built 006 token does not verify");
  std::string other = in.app_certificate;
  other[0] = other[0] == '0' ? '1' : '0';
  TOKCHECK_FUZZ_CHECK(agora::Verifier006(other).verify(built.token, now, binding).condition ==
                          Condition::kBadSignature,
                      "006 token verifies under another certificate");
}

agora::Service007 service(FuzzedDataProvider& fdp, std::uint32_t expire) {
  agora::Service007 s;
  s.type = fdp.ConsumeIntegralInRange<std::uint16_t>(agora::kServiceRtc, agora::kServiceStt);
  s.privileges = privileges(fdp, expire);
  s.channel_name = fdp.ConsumeRandomLengthString(24);
  s.uid = fdp.ConsumeRandomLengthString(12);
  s.user_id = fdp.ConsumeRandomLengthString(24);
  s.account = fdp.ConsumeRandomLengthString(12);
  s.room_uuid = fdp.ConsumeRandomLengthString(12);
  s.user_uuid = fdp.ConsumeRandomLengthString(12);
  s.role = fdp.ConsumeIntegral<std::int16_t>();
  const std::size_t resources = fdp.ConsumeIntegralInRange<std::size_t>(0, 3);
  for (std::size_t i = 0; i < resources; ++i) {
    agora::Rtm2Resource r;
    r.type = fdp.ConsumeIntegralInRange<std::uint16_t>(0, 4);
    const std::size_t perms = fdp.ConsumeIntegralInRange<std::size_t>(0, 2);
    for (std::size_t j = 0; j < perms; ++j) {
      agora::Rtm2Permission p;
      p.type = fdp.ConsumeIntegralInRange<std::uint16_t>(0, 1);
      const std::size_t names = fdp.ConsumeIntegralInRange<std::size_t>(0, 2);
      for (std::size_t k = 0; k < names; ++k) p.names.push_back(fdp.ConsumeRandomLengthString(8));
      r.permissions.push_back(std::move(p));
    }
    s.rtm2.push_back(std::move(r));
  }
  return s;
}

// The service as the token carries it: only its type's fields (token-formats.md §2).
agora::Service007 as_carried(const agora::Service007& in) {
  agora::Service007 s;
  s.type = in.type;
  s.privileges = normalised(in.privileges);
  switch (in.type) {
    case agora::kServiceRtc:
      s.channel_name = in.channel_name;
      s.uid = in.uid;
      break;
    case agora::kServiceRtm:
    case agora::kServiceChat:
      s.user_id = in.user_id;
      break;
    case agora::kServiceStreaming:
    case agora::kServiceFcdn:
      s.channel_name = in.channel_name;
      s.account = in.account;
      break;
    case agora::kServiceApaas:
      s.room_uuid = in.room_uuid;
      s.user_uuid = in.user_uuid;
      s.role = in.role;
      break;
    case agora::kServiceRtm2: {
      s.user_id = in.user_id;
      // The builder keeps resource → permission → names as a map (Agora's own
      // builders do): equal types merge, names append in order, both ascend.
      std::map<std::uint16_t, std::map<std::uint16_t, std::vector<std::string>>> merged;
      for (const auto& r : in.rtm2) {
        auto& by_permission = merged[r.type];
        for (const auto& p : r.permissions) {
          auto& names = by_permission[p.type];
          names.insert(names.end(), p.names.begin(), p.names.end());
        }
      }
      for (const auto& [type, by_permission] : merged) {
        agora::Rtm2Resource r{type, {}};
        for (const auto& [ptype, names] : by_permission) r.permissions.push_back({ptype, names});
        s.rtm2.push_back(std::move(r));
      }
      break;
    }
    default:
      break;
  }
  return s;
}

void round_trip_007(FuzzedDataProvider& fdp) {
  agora::Build007Input in;
  in.app_id = hex32(fdp);
  in.app_certificate = hex32(fdp);
  in.issue_ts = fdp.ConsumeIntegral<std::uint32_t>();
  in.expire = fdp.ConsumeIntegral<std::uint32_t>();
  in.salt = fdp.ConsumeIntegral<std::uint32_t>();
  const std::size_t n = fdp.ConsumeIntegralInRange<std::size_t>(1, 4);
  for (std::size_t i = 0; i < n; ++i) in.services.push_back(service(fdp, in.expire));
  const auto built = agora::build_007(in);
  TOKCHECK_FUZZ_CHECK(built.error == agora::Build007Error::kNone,
                      "007 builder refused valid input");

  const auto parsed = agora::parse_007(built.token);
  if (parsed.error != Malformation::kNone) {
    std::fprintf(stderr, "parse_007 of the built token: %s\n",
                 std::string(tokcheck::to_string(parsed.error)).c_str());
  }
  TOKCHECK_FUZZ_CHECK(parsed.error == Malformation::kNone, "a built 007 token does not parse");
  agora::Token007 expected;
  expected.app_id = in.app_id;
  expected.issue_ts = in.issue_ts;
  expected.expire = in.expire;
  expected.salt = in.salt;
  for (const auto& s : in.services) expected.services.push_back(as_carried(s));
  std::stable_sort(expected.services.begin(), expected.services.end(),
                   [](const auto& a, const auto& b) { return a.type < b.type; });
  expected.declared_services = static_cast<std::uint16_t>(n);
  TOKCHECK_FUZZ_CHECK(parsed.token.zlib_canonical && !parsed.token.unknown_service_type &&
                          tokcheck::fuzz::same_fields(expected, parsed.token),
                      "007 parse does not return the built parameters");

  // Bind to one service as a client joining with it would.
  const agora::Service007& target =
      expected.services[fdp.ConsumeIntegralInRange<std::size_t>(0, n - 1)];
  agora::Binding007 binding;
  binding.app_id = in.app_id;
  binding.service_type = target.type;
  auto bind = [&](std::optional<std::string_view>& field, const std::string& value) {
    field = value;
  };
  switch (target.type) {
    case agora::kServiceRtc:
      bind(binding.channel_name, target.channel_name);
      bind(binding.uid, target.uid);
      break;
    case agora::kServiceRtm:
    case agora::kServiceChat:
    case agora::kServiceRtm2:
      bind(binding.user_id, target.user_id);
      break;
    case agora::kServiceStreaming:
    case agora::kServiceFcdn:
      bind(binding.channel_name, target.channel_name);
      bind(binding.account, target.account);
      break;
    default:
      break;
  }
  // The first service of that type carrying the bound fields is the one checked.
  const agora::Service007* decides = nullptr;
  for (const auto& s : expected.services) {
    if (s.type == target.type &&
        (!binding.channel_name || *binding.channel_name == s.channel_name) &&
        (!binding.uid || *binding.uid == s.uid) &&
        (!binding.account || *binding.account == s.account) &&
        (!binding.user_id || *binding.user_id == s.user_id)) {
      decides = &s;
      break;
    }
  }
  TOKCHECK_FUZZ_CHECK(decides != nullptr, "no service matches its own binding");
  const std::int64_t now =
      std::int64_t{in.issue_ts} + in.expire - 1 - fdp.ConsumeIntegralInRange<int>(0, 3);
  std::vector<std::uint16_t> required;
  for (const auto& [k, v] : decides->privileges) {
    if (v == 0 || now < std::int64_t{in.issue_ts} + v) required.push_back(k);
  }
  binding.required_privileges = required;
  agora::Verifier007 verifier(in.app_certificate);
  TOKCHECK_FUZZ_CHECK(verifier.verify(built.token, now, binding).valid(),
                      "a freshly built 007 token does not verify");
  std::string other = in.app_certificate;
  other[0] = other[0] == '0' ? '1' : '0';
  TOKCHECK_FUZZ_CHECK(agora::Verifier007(other).verify(built.token, now, binding).condition ==
                          Condition::kBadSignature,
                      "007 token verifies under another certificate");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider fdp(data, size);
  if (fdp.ConsumeBool())
    round_trip_006(fdp);
  else
    round_trip_007(fdp);
  return 0;
}
