// What the Agora 006 and 007 adapters share: the certificate/no-token rule and
// the time facts. Seed 001_d4a146d8499d6d2a.txt: a project with the App
// Certificate enabled must join with a token (else 110 native / 120 Web); one
// without it must join without a token (else 110 native / 119 Web).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "reference/schemes/json_fields.h"
#include "reference/schemes/request_fields.h"

namespace tokcheck::schemes::agora_adapter {

// A build's default salt range: "Go and Python3 use 1..99999999"
// (../shared/notes/token-formats.md; C++ draws a full u32, we take the common range).
inline constexpr std::int64_t kSaltMax = 99999999;

// A verify request's certificate and token. "app_certificate": null or "" means
// the project has no certificate; a missing/empty "token" means none was sent.
struct Presence {
  std::string certificate;
  std::string token;
  bool has_certificate = false;
  bool has_token = false;
};
Presence read_presence(const Json& in);

// Decides the request without touching the token when the certificate/token
// combination alone settles it: token_missing, token_unexpected, or valid (no
// certificate and no token: nothing to check, the join is not token-gated).
std::optional<VerifyOutcome> presence_verdict(const Presence& p);

Condition parse_condition(Malformation m);

// The request fields 006 and 007 share. Build: "scheme", "app_id" and
// "app_certificate" (required), then `more`. Verify: "app_certificate" may be
// null and so may "token" (the presence rule above), "app_id", "channel_name",
// "uid" and "privileges" bind, then `more`.
std::vector<FieldSpec> build_fields(std::initializer_list<FieldSpec> more);
std::vector<FieldSpec> verify_fields(std::initializer_list<FieldSpec> more);

// Agora's uid rule for JSON: a number → "" for 0 else decimal (uid_from_number());
// a string verbatim. A usage error naming `key` for anything else.
std::string agora_uid(const Json& value, std::string_view key);

}  // namespace tokcheck::schemes::agora_adapter
