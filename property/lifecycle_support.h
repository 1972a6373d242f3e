// Shared pieces of the lifecycle properties: random scenarios per vendor, and the
// checks that read an engine run back. Everything here looks at the engine only
// through simulate_json() / Simulator and the documented output format
// (docs/SEMANTICS.md "Outputs"); none of it reuses engine code.
#pragma once

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "reference/lifecycle/simulate.h"

namespace tokcheck::property {

using Json = nlohmann::ordered_json;

inline constexpr std::int64_t kStart = 1700000000;

// An output's member, or null when it has none. An ok result carries no "reason"
// or "codes", and nlohmann's const operator[] on a missing key is an assertion
// failure (undefined behaviour under NDEBUG), so a property reads optional members
// through this: null compares unequal to every expected value.
inline const Json& member(const Json& output, const char* key) {
  static const Json kAbsent;
  const auto it = output.find(key);
  return it == output.end() ? kAbsent : *it;
}

// A "codes" list as the judge reads it: each vendor code's {platform, code, name},
// its "basis" (how sure the table is) left out. Every code must be an object with
// all three members; a missing one reads as null and fails the comparison.
inline Json judged(const Json& codes) {
  if (!codes.is_array()) return codes;
  Json out = Json::array();
  for (const Json& c : codes) {
    out.push_back({{"platform", member(c, "platform")},
                   {"code", member(c, "code")},
                   {"name", member(c, "name")}});
  }
  return out;
}

// The one-code list [{platform, code, name}] a property expects.
inline Json one_code(const std::string& platform, const Json& code, const std::string& name) {
  return Json::array({{{"platform", platform}, {"code", code}, {"name", name}}});
}

// What a property needs to know about a vendor's calls and callbacks.
struct Vendor {
  std::string name;                    // "zego", "agora", "bytedance", "rongcloud"
  std::string login, renew, leave;     // call names ("" when the vendor has none)
  std::string publish;                 // a call that starts a stream, or ""
  std::set<std::string> notice_names;  // will-expire callbacks
  bool expired_at_expire = true;       // false: still valid at its expire second (Volcengine)
};

Vendor zego_vendor();
Vendor agora_vendor();
Vendor bytedance_vendor();
Vendor rongcloud_vendor();

// A token valid for the session a generated scenario logs in with, expiring at
// kStart + offset (no "expire" when offset is nullopt).
Json good_token(const Vendor& v, std::optional<std::int64_t> offset);
// A token every session refuses at any time: kind 0 another user, 1 expired
// before kStart, 2 malformed, 3 signed under another secret.
Json bad_token(const Vendor& v, int kind);

// Seed 002: createEngine with the AppSign empty (the Token auth mode) works on iOS,
// Android, macOS and Windows from 2.17.0; Web has no AppSign at all. Below that a
// ZEGO token session is an AppSign + token session (issue 11, finding 1).
bool zego_has_token_auth_mode(const std::string& platform, const std::string& version);
// The auth_mode of a token session on that SDK: "token", or "token_appsign" below.
std::string zego_token_session_mode(const std::string& platform, const std::string& version);
// createEngine for a ZEGO Express profile: with a valid AppSign when its session has
// one (appsign, token_appsign, and forced Token below the Token auth mode).
Json zego_create_engine(const Json& profile);

// The events every session of `v` with `profile` starts with (ZEGO: createEngine).
Json opening(const Vendor& v, const Json& profile);
// The login / join call for a generated session.
Json login_event(const Vendor& v, const Json& token);
Json renew_event(const Vendor& v, const Json& token);
Json publish_event(const Vendor& v, const std::string& stream);

// Random profiles in which a valid token logs in and renews are available.
rc::Gen<Json> gen_zego_renewable_profile();
rc::Gen<Json> gen_profile(const Vendor& v);

// Random event sequences for `v`: the opening, a login, then logins, renews (good
// and bad tokens), publishes, leaves and clock moves (sometimes backwards).
rc::Gen<Json> gen_events(const Vendor& v, const Json& profile);

Json scenario(const Json& profile, const Json& events);
Json run(const Json& scenario);  // the "outputs" array

// Calls that produce a result: every event except advance / server-side changes.
bool is_call(const Json& event);

// The outputs of `outputs` without those of event `index` (its result and, for the
// mini-program, the success/fail/complete callbacks that follow it), and with the
// "event" numbers removed so that two runs with different event lists compare.
Json without_event(const Json& outputs, int index);

// The first second at which anything went wrong for the user (a kick-out or a
// failed call), or nullopt.
std::optional<std::int64_t> first_failure(const Json& outputs);

}  // namespace tokcheck::property
