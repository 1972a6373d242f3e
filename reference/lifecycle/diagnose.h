// `tokcheck diagnose`: what a vendor error code means and what to do about it,
// or, given a token and the join parameters the app used, which of them the token
// disagrees with. The knowledge comes from the vendors' tables (verify conditions in
// reference/vendors/<vendor>/<vendor>_codes.cc; platform names, call-level codes and
// fixes in <vendor>_session_tables.cc, read through sdk_codes.h); the CLI only prints
// what this returns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/condition.h"
#include "reference/lifecycle/fields.h"
#include "reference/lifecycle/sdk_codes.h"

namespace tokcheck::lifecycle {

// What to do about `c` for `vendor`, and the source that says so.
Fix fix_for(Vendor vendor, Condition c);

struct CodeQuery {
  std::string vendor;    // agora | zego | volc | tencent | rongcloud | bytedance
  std::string platform;  // as the tables name it, or an alias ("android" → "native")
  std::string code;      // "110", "-1000", "INVALID_TOKEN", "31004"
};

// The platform names `vendor`'s tables use ("native", "web", ...), each once.
std::vector<std::string> code_platforms(std::string_view vendor);

// {"vendor", "platform", "code", "explanations": [{"name", "condition"|null, "cause",
//  "fix", "basis", "source"}]}; an empty list when no table knows the code.
// Throws UsageError for an unknown vendor or platform.
Json explain_code(const CodeQuery& q);

struct TokenQuery {
  std::string token;                   // may be empty: "no token was passed"
  std::string scheme;                  // registry id; detected from the token when empty
  std::string vendor = "agora";        // whose rules apply when there is no token
  std::optional<std::string> app_id;   // what the app initialised / joined with
  std::optional<std::string> channel;  // Agora channel / ZEGO or Volcengine room
  std::optional<std::string> uid;      // Agora uid / user id / identifier
  std::optional<std::string> secret;   // certificate / secret / app key / key
  std::optional<bool> certificate;     // Agora: the project has the App Certificate on
  std::int64_t now = 0;
  std::string platform;  // restricts the codes listed; empty: every platform
};

// {"scheme", "vendor", "checks": [{"check", "ok", "token", "given", "note"?}],
//  "signature_checked", "condition", "cause", "fix", "source", "codes": [...]}.
// Throws UsageError when the token matches no scheme or a query field is unusable.
Json diagnose_token(const TokenQuery& q);

// The readable form of explain_code() / diagnose_token() output.
std::string diagnosis_text(const Json& d);

}  // namespace tokcheck::lifecycle
