// The vendor sessions behind simulate_json(): one factory per vendor profile,
// each defined in its own file (agora_session.cc, zego_session.cc, ...).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "reference/lifecycle/session.h"
#include "reference/lifecycle/tokens.h"

namespace tokcheck::lifecycle {

// The scenario's named tokens, and the resolution of an event's "token" field:
// absent or null → no token; a string → the named token; an object → inline.
class TokenBook {
 public:
  TokenBook(const Json* tokens, const ClaimNames& names);
  std::optional<TokenSpec> resolve(const Json& event, const std::string& path,
                                   std::string_view key = "token") const;

 private:
  ClaimNames names_;
  std::map<std::string, TokenSpec, std::less<>> named_;
};

struct SessionInput {
  const Json& profile;
  std::int64_t start;
  const Json* tokens;  // the scenario's "tokens" object, or nullptr
};

std::unique_ptr<Session> make_agora_session(const SessionInput& in);
std::unique_ptr<Session> make_zego_session(const SessionInput& in);
std::unique_ptr<Session> make_rongcloud_session(const SessionInput& in);
std::unique_ptr<Session> make_bytedance_session(const SessionInput& in);

}  // namespace tokcheck::lifecycle
